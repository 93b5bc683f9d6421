"""Reading what users feed `clean`: files or stdin, plain, gzip or zstd, text or JSON lines.

Bytes are decoded once (`decoding.py`), with every invalid sequence replaced and counted, and
binary input is refused before it reaches the cleaner. JSON lines are read one at a time through
a fixed-size buffer, so a stream of any length is read in constant memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from . import compression
from .decoding import Decoded, InputError, decode

__all__ = ["Decoded", "InputError", "decode", "open_binary", "read_document", "read_lines"]

BUFFER = 1 << 20


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
