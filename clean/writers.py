"""Where cleaned output goes: stdout, or a file that appears under its name only when complete.

`-o FILE` writes to a temporary file in FILE's directory (so the final rename stays on one file
system and is atomic) and renames it over FILE at the end. On an error, an interrupt or a closed
pipe the temporary file is removed: a reader never sees a half-written FILE.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import BinaryIO

from . import compression

BUFFER = 1 << 20


class Output:
    """Open with `Output(path)`; write to `.stream`; `commit()` when done; `close()` always.

    `close()` without `commit()` throws the partial output away (a file) or just flushes (stdout).
    """

    def __init__(self, path: str | None):
        self.path = None if path in (None, "-") else path
        self._committed = False
        self._file: BinaryIO | None = None
        self._temp: str | None = None
        if self.path is None:
            self.stream: BinaryIO = sys.stdout.buffer
            return
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, self._temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(self.path)}.", suffix=".part")
        try:
            self._file = os.fdopen(fd, "wb", buffering=BUFFER)
            self.stream = compression.writer(self._file, self.path)
        except BaseException:
            self._discard()
            raise

    def commit(self) -> None:
        if self.path is None:
            self.stream.flush()
            self._committed = True
            return
        assert self._file is not None and self._temp is not None
        if self.stream is not self._file:
            self.stream.close()  # writes the compressed stream's trailer
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temp, 0o666 & ~_umask())  # mkstemp makes it private; a new file would not be
        os.replace(self._temp, self.path)
        self._temp = None
        self._committed = True

    def close(self) -> None:
        if not self._committed and self.path is not None:
            self._discard()

    def _discard(self) -> None:
        for stream in (getattr(self, "stream", None), self._file):
            try:
                if stream is not None:
                    stream.close()
            except Exception:
                pass
        if self._temp is not None:
            try:
                os.unlink(self._temp)
            except FileNotFoundError:
                pass
            self._temp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
