"""Reading what users feed `clean`: files or stdin, plain, gzip or zstd, text or JSON lines.

Bytes are decoded once (`decoding.py`), with every invalid sequence replaced and counted, and
binary input is refused before it reaches the cleaner. JSON lines are read one at a time through
a fixed-size buffer, so a stream of any length is read in constant memory.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from . import compression
from .decoding import Decoded, InputError, decode

__all__ = ["Decoded", "InputError", "decode", "open_binary", "read_document", "read_lines", "stdin_head"]

BUFFER = 1 << 20
LOOKAHEAD = 4096  # enough of a gzip stream to see the first bytes of what it holds


def stdin_head(size: int = LOOKAHEAD) -> bytes:
    """The first bytes of stdin (up to `size`, at most LOOKAHEAD), without taking them: the run
    still reads them. A pipe delivers what its writer has written so far, so one peek may see a
    few bytes; the head is read until LOOKAHEAD bytes or the end, and put back in front of stdin."""
    buffer = sys.stdin.buffer
    raw = getattr(buffer, "raw", None)
    if not isinstance(raw, _ReadAhead):
        head = b""
        while len(head) < LOOKAHEAD:
            chunk = buffer.read1(LOOKAHEAD - len(head))
            if not chunk:
                break
            head += chunk
        raw = _ReadAhead(head, buffer)
        sys.stdin = io.TextIOWrapper(io.BufferedReader(raw), encoding=sys.stdin.encoding,
                                     errors=sys.stdin.errors, line_buffering=sys.stdin.line_buffering)
    return raw.head[:size]


class _ReadAhead(io.RawIOBase):
    """stdin's read-ahead head, then the rest of stdin as it comes (one read at a time, so a slow
    pipe's records are cleaned as they arrive)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head = head
        self._pending = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._pending:
            n = min(len(b), len(self._pending))
            b[:n] = self._pending[:n]
            self._pending = self._pending[n:]
            return n
        return self._rest.readinto1(b)

    def fileno(self) -> int:
        return self._rest.fileno()

    def isatty(self) -> bool:
        return self._rest.isatty()


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """`-` is stdin; a name ending in .gz or .zst is decompressed on the fly."""
    try:
        raw: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb", buffering=BUFFER)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    try:
        try:
            stream = compression.reader(raw, path)
        except compression.CompressionUnavailable as e:
            raise InputError(str(e)) from None
        try:
            yield stream
        finally:
            if stream is not raw:
                stream.close()
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def read_document(path: str) -> Decoded:
    """A whole file (or stdin) as one document."""
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """A whole file (or stdin), undecoded: HTML pages declare their own encoding."""
    with open_binary(path) as stream:
        try:
            return stream.read()
        except Exception as e:  # gzip, zstd and OS errors alike
            raise InputError(f"{path}: cannot read: {e}") from None


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line without its newline) for a JSONL file, one line at a time.

    Records are split on "\\n" only: JSON escapes every other line break inside strings, and a
    raw U+2028 or lone CR inside a string is legal JSON that a Unicode-aware splitter would cut.
    """
    with open_binary(path) as stream:
        lines = iter(stream)
        number = 0
        while True:
            try:
                line = next(lines)
            except StopIteration:
                return
            except Exception as e:  # gzip, zstd and OS errors alike: the stream cannot be read on
                raise InputError(f"{path}: cannot read after line {number}: {e}") from None
            number += 1
            if line.endswith(b"\n"):
                line = line[:-1]
                if line.endswith(b"\r"):
                    line = line[:-1]
            yield number, line
