"""Bytes to text, once per document or record: invalid UTF-8 replaced and counted, binary refused.

Kept apart from the readers so a worker process that cleans records needs only this and the core.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class InputError(Exception):
    """Input `clean` refuses to read (binary data, an unreadable file)."""


@dataclass
class Decoded:
    text: str
    invalid: int  # invalid UTF-8 sequences replaced by U+FFFD


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
