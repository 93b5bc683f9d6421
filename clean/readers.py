"""Reading what users feed `clean`: files or stdin, plain or gzip, text or JSON lines.

Bytes are decoded here, once, with every invalid sequence replaced and counted, and binary input
is refused before it reaches the cleaner.
"""

from __future__ import annotations

import codecs
import gzip
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO


class InputError(Exception):
    """Input `clean` refuses to read (binary data, an unreadable file)."""


@dataclass
class Decoded:
    text: str
    invalid: int  # invalid UTF-8 sequences replaced by U+FFFD


def open_binary(path: str) -> BinaryIO:
    """`-` is stdin; a name ending in .gz is decompressed on the fly."""
    try:
        if path == "-":
            stream: BinaryIO = sys.stdin.buffer
        else:
            stream = open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def decode(data: bytes, name: str) -> Decoded:
    """UTF-8 text from bytes: a NUL byte means binary and is refused; a BOM is dropped."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary input (NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return Decoded(data.decode("utf-8"), 0)
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        # Replacement characters that were not in the input are the invalid sequences.
        invalid = text.count("\ufffd") - data.count("\ufffd".encode())
        return Decoded(text, invalid)


def read_document(path: str) -> Decoded:
    """A whole file (or stdin) as one document."""
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """A whole file (or stdin), undecoded: HTML pages declare their own encoding."""
    stream = open_binary(path)
    try:
        data = stream.read()
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return data


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line without its newline) for a JSONL file, one line at a time.

    Records are split on "\\n" only: JSON escapes every other line break inside strings, and a
    raw U+2028 or lone CR inside a string is legal JSON that a Unicode-aware splitter would cut.
    """
    stream = open_binary(path)
    try:
        reader = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
        for number, line in enumerate(reader, 1):
            if line.endswith(b"\n"):
                line = line[:-1]
                if line.endswith(b"\r"):
                    line = line[:-1]
            yield number, line
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
