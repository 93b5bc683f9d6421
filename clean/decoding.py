"""Bytes to text, once per document or record: invalid UTF-8 replaced and counted, stray NUL
bytes dropped and counted, binary refused.

Kept apart from the readers so a worker process that cleans records needs only this and the core.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class InputError(Exception):
    """Input `clean` refuses to read (binary data, an unreadable file)."""


# Crawled pages and their text sometimes carry a stray NUL or a few (a server's padding, a bad
# transcoding) in otherwise good text. Binary data holds far more: an image or an executable is
# full of NULs, and compressed or random bytes, which hold about one NUL in 256, hold one other
# control byte in 12. So a few NULs are dropped when both stay under these shares of the bytes.
NUL_SHARE = 0.01
CONTROL_SHARE = 0.01
# C0 controls that text does not use: tab, line breaks, form feed, the separators the
# segmenter reads as line breaks (0x1c-0x1e) and ESC (terminal colours) are left out.
_BINARY_CONTROLS = bytes([*range(0x01, 0x09), *range(0x0e, 0x1b), 0x1f, 0x7f])


@dataclass
class Decoded:
    text: str
    invalid: int  # invalid UTF-8 sequences replaced by U+FFFD
    nul_bytes: int = 0  # stray NUL bytes dropped


def drop_stray_nuls(data: bytes, name: str) -> tuple[bytes, int]:
    """`data` without its NUL bytes and how many there were, when they are a few strays in text;
    InputError when the data is binary."""
    if b"\x00" not in data:
        return data, 0
    nuls = data.count(b"\x00")
    if nuls <= len(data) * NUL_SHARE:
        controls = len(data) - len(data.translate(None, _BINARY_CONTROLS))
        if controls <= len(data) * CONTROL_SHARE:
            return data.replace(b"\x00", b""), nuls
    raise InputError(f"{name}: binary input ({nuls} NUL bytes), not text")


def decode(data: bytes, name: str) -> Decoded:
    """UTF-8 text from bytes: binary data is refused, stray NUL bytes are dropped, a BOM too."""
    data, nuls = drop_stray_nuls(data, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return Decoded(data.decode("utf-8"), 0, nuls)
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        # Replacement characters that were not in the input are the invalid sequences.
        invalid = text.count("\ufffd") - data.count("\ufffd".encode())
        return Decoded(text, invalid, nuls)
