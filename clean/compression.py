"""Compressed streams chosen by file name: `.gz` (gzip) and `.zst` (Zstandard).

`zstandard` is an optional dependency (the `zstd` extra), imported only when a `.zst` name is met.
"""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO

GZIP_LEVEL = 6  # gzip's default of 9 costs several times the time for a few per cent of size
ZSTD_LEVEL = 3


class CompressionUnavailable(Exception):
    """A `.zst` file was named but the zstandard package is not installed."""


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
            "reading or writing .zst needs the zstandard package: pip install 'clean[zstd]'") from None
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
        stream = _zstandard().ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=False)
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
