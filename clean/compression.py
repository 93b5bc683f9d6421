"""Compressed streams chosen by file name: `.gz` (gzip) and `.zst` (Zstandard).

`zstandard` is a dependency, imported only when a `.zst` name is met; an installation that lacks
it still fails with a one-line message (CompressionUnavailable), reading or writing alike.
A truncated or corrupt input raises (EOFError, OSError or zstandard's error) on read, gzip and
zstd alike, so the readers report it instead of passing a cut-off stream on.
"""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO

from .decoding import InputError

GZIP_LEVEL = 6  # gzip's default of 9 costs several times the time for a few per cent of size
ZSTD_LEVEL = 3


class CompressionUnavailable(InputError):
    """A `.zst` file was named but the zstandard package is not installed: input refused or
    output not writable, a one-line error and exit 2 in the command."""


def kind(name: str) -> str | None:
    """'gz', 'zst' or None, from a file name."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        return "gz"
    if lowered.endswith((".zst", ".zstd")):
        return "zst"
    return None


def _zstandard():
    try:
        import zstandard
    except ImportError:
        raise CompressionUnavailable(
            "reading or writing .zst needs the zstandard package, which is not installed: "
            "pip install zstandard (or reinstall clean-article)") from None
    return zstandard


def reader(raw: BinaryIO, name: str) -> BinaryIO:
    """A buffered binary stream of the decompressed bytes of `raw`, chosen by `name`.

    Closing the returned stream does not close `raw`.
    """
    k = kind(name)
    if k == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if k == "zst":
        # read_across_frames: files made by concatenating .zst files (or by parallel zstd) hold
        # several frames; without it reading would stop silently after the first one.
        stream = _zstandard().ZstdDecompressor().stream_reader(
            _ZstdFrames(raw), read_across_frames=True, closefd=False)
        return io.BufferedReader(stream, buffer_size=1 << 20)  # type: ignore[arg-type]
    return raw


def writer(raw: BinaryIO, name: str) -> BinaryIO:
    """A binary stream that compresses into `raw` as `name` asks (or `raw` itself for a plain
    name); closing a compressing stream finishes it but leaves `raw` open."""
    k = kind(name)
    if k == "gz":
        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)  # type: ignore[return-value]
    if k == "zst":
        return _zstandard().ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False)  # type: ignore[return-value]
    return raw


_ZSTD_MAGIC = 0xFD2FB528
_SKIPPABLE_MAGIC = 0x184D2A50  # the low four bits are free
_DICT_ID_BYTES = (0, 1, 2, 4)


class _ZstdFrames(io.RawIOBase):
    """The compressed bytes of `raw`, passed through unchanged, while their frame and block
    headers (RFC 8878) are followed: when the input ends inside a frame, reading raises
    EOFError. zstandard's stream_reader ends quietly there, so a cut-off download or a file
    written to a full disk would lose its end unnoticed; gzip raises, and so must this.

    Only the headers are read (a few bytes per block of up to 128 KB); the decompressor judges
    everything else, so anything that is not a frame is left for it to refuse.
    """

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._state = "magic"
        self._need = 4  # header bytes to collect in this state
        self._header = bytearray()
        self._skip = 0  # bytes to pass over: block contents, a skippable frame
        self._checksum = False
        self._following = True  # False once the bytes are not a frame: the decompressor's to judge

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer) if hasattr(self._raw, "readinto") else _read_into(self._raw, buffer)
        if not n:
            if self._following and (self._state != "magic" or self._header or self._skip):
                raise EOFError("the zstd data ends inside a frame (a truncated file)")
            return 0
        if self._following:
            self._walk(memoryview(buffer)[:n])
        return n

    def _walk(self, data: memoryview) -> None:
        pos, size = 0, len(data)
        while pos < size and self._following:
            if self._skip:
                step = min(self._skip, size - pos)
                self._skip -= step
                pos += step
                continue
            take = min(self._need - len(self._header), size - pos)
            self._header += data[pos:pos + take]
            pos += take
            if len(self._header) == self._need:
                header = bytes(self._header)
                self._header.clear()
                self._advance(header)

    def _advance(self, header: bytes) -> None:
        state, value = self._state, int.from_bytes(header, "little")
        if state == "magic":
            if value == _ZSTD_MAGIC:
                self._state, self._need = "descriptor", 1
            elif value & 0xFFFFFFF0 == _SKIPPABLE_MAGIC:
                self._state, self._need = "skippable", 4
            else:
                self._following = False
        elif state == "skippable":
            self._skip = value
            self._state, self._need = "magic", 4
        elif state == "descriptor":
            single_segment = value >> 5 & 1
            self._checksum = bool(value >> 2 & 1)
            content_size = (single_segment, 2, 4, 8)[value >> 6]
            rest = (0 if single_segment else 1) + _DICT_ID_BYTES[value & 3] + content_size
            self._state, self._need = ("frame header", rest) if rest else ("block", 3)
        elif state == "frame header":
            self._state, self._need = "block", 3
        elif state == "block":
            last, block_type, block_size = value & 1, value >> 1 & 3, value >> 3
            if block_type == 3:  # reserved: corrupt data, for the decompressor to report
                self._following = False
                return
            self._skip = 1 if block_type == 1 else block_size  # an RLE block holds one byte
            if last:
                self._state, self._need = ("checksum", 4) if self._checksum else ("magic", 4)
        elif state == "checksum":
            self._state, self._need = "magic", 4


def _read_into(raw: BinaryIO, buffer) -> int:
    data = raw.read(len(buffer))
    buffer[:len(data)] = data
    return len(data)
