"""Where output goes: stdout, or a path that is written without harm to what it names.

A regular file (or a new name) is written to a temporary file in the same directory (so the
final rename stays on one file system and is atomic) and renamed over it at the end: a reader
never sees a half-written file, and on an error, an interrupt or a closed pipe the temporary
file is removed and an existing file is left as it was. The new file keeps the old one's mode
(and owner, where the process may set it).

Everything else is written the way a shell redirection writes it, never replaced: a symlink is
followed and its target written (the link stays a link), a character device (/dev/null) or a
FIFO is opened and written straight into (its reader gets the output), and a directory is
refused. Paths are checked when an `Output` is made, before any input is read.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from typing import BinaryIO

from . import compression

BUFFER = 1 << 20


class OutputError(Exception):
    """An output path `clean` will not write: a directory, a missing folder, one of the inputs."""


class Output:
    """Open with `Output(path)`; write to `.stream`; `commit()` when done; `close()` always.

    `close()` without `commit()` throws a partial file away (a regular file) or just closes
    (stdout, a device, a FIFO). A device or FIFO is opened on the first use of `.stream`, so that
    making an `Output` checks its path without waiting for a FIFO's reader.
    """

    def __init__(self, path: str | None, compress: bool = True):
        """`compress`: compress as the name asks (.gz, .zst); False writes the bytes as given."""
        self.path = None if path in (None, "-") else path
        self._compress = compress
        self._committed = False
        self._file: BinaryIO | None = None
        self._stream: BinaryIO | None = None
        self._temp: str | None = None
        self._target: str | None = None  # the regular file the temporary file is renamed over
        self._old: os.stat_result | None = None  # that file as it was, whose mode and owner are kept
        if self.path is None:
            self._stream = sys.stdout.buffer
            return
        self._target, self._old, direct = _plan(self.path)
        if direct:
            return
        folder = os.path.dirname(self._target)
        try:
            fd, self._temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(self._target)}.",
                                              suffix=".part")
        except OSError as e:
            raise OutputError(f"{self.path}: {e.strerror or e}") from None
        self._file = os.fdopen(fd, "wb", buffering=BUFFER)
        self.stream  # noqa: B018 -- the compressor now: a missing one fails before any input is read

    @property
    def stream(self) -> BinaryIO:
        if self._stream is None:
            if self._file is None:  # a device or FIFO: opened as a shell redirection opens it
                assert self.path is not None
                self._file = open(self.path, "wb", buffering=BUFFER)  # noqa: SIM115 -- closed in commit/close
            try:
                self._stream = compression.writer(self._file, self.path or "") if self._compress else self._file
            except BaseException:
                self._discard()
                raise
        return self._stream

    def commit(self) -> None:
        if self.path is None:
            assert self._stream is not None
            self._stream.flush()
            self._committed = True
            return
        stream = self.stream  # opens a device or FIFO that nothing was written to
        if stream is not self._file:
            stream.close()  # writes the compressed stream's trailer
        assert self._file is not None
        self._file.flush()
        if self._temp is None:
            self._file.close()
            self._committed = True
            return
        os.fsync(self._file.fileno())
        self._file.close()
        _copy_mode(self._temp, self._old)
        assert self._target is not None
        os.replace(self._temp, self._target)
        self._temp = None
        self._committed = True

    def close(self) -> None:
        if not self._committed and self.path is not None:
            self._discard()

    def _discard(self) -> None:
        for stream in (self._stream, self._file):
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


def _plan(path: str) -> tuple[str, os.stat_result | None, bool]:
    """(the path to write, the existing file there or None, whether to write straight into it)."""
    # Through any symlinks: the link is left alone and the file it points to is written.
    target = os.path.realpath(path)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        folder = os.path.dirname(target)
        if not os.path.isdir(folder):
            raise OutputError(f"{path}: No such file or directory") from None
        return target, None, False
    except OSError as e:
        raise OutputError(f"{path}: {e.strerror or e}") from None
    if stat.S_ISDIR(old.st_mode):
        raise OutputError(f"{path}: Is a directory")
    if not os.access(target, os.W_OK):
        raise OutputError(f"{path}: Permission denied")
    if stat.S_ISREG(old.st_mode):
        return target, old, False
    return path, old, True  # a character device, a FIFO: written into, never replaced


def _copy_mode(temp: str, old: os.stat_result | None) -> None:
    """Give the finished file the old file's owner and mode, or a new file's mode."""
    if old is None:
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; a new file would not be
        return
    try:
        os.chown(temp, old.st_uid, old.st_gid)
    except OSError:
        try:  # an owner may still give the file its old group, as `sed -i` does
            os.chown(temp, -1, old.st_gid)
        except OSError:
            pass
    os.chmod(temp, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits


def check_distinct(outputs: Iterable[tuple[str, str | None]], inputs: Iterable[str]) -> None:
    """Refuse an output that is one of the inputs, or two outputs that are one file: the same
    file whatever its name (a hard link, a symlink, `./a` and `a`), compared by device and inode.

    `outputs` are (option, path) pairs, None for an option not given; `-` as an input stands for
    stdin and as an output for stdout, which is checked too, as `cat` checks "input file is
    output file" (`clean a.txt >> a.txt` would read its own output)."""
    sources = [(name, key) for name in inputs if (key := _identity(name)) is not None]
    written: list[tuple[str, object]] = []
    for option, path in outputs:
        if path is None:
            continue
        shown = "stdout" if path == "-" else f"{option} {path}"
        key = _identity(path, writing=True)
        for name, other in sources:
            if key is not None and key == other:
                source = "stdin" if name == "-" else name
                raise OutputError(f"{shown} is the same file as the input {source}; write the output elsewhere")
        if path != "-" and not (key is None and os.path.exists(path)):  # a device may take both
            mine = key if key is not None else os.path.realpath(path)  # a file still to be made
            for other_shown, other in written:
                if mine == other:
                    raise OutputError(f"{shown} and {other_shown} are the same file")
            written.append((shown, mine))


def _identity(path: str, writing: bool = False) -> tuple[int, int] | None:
    """(device, inode) of a file that must not be both read and written; None for what may be
    (a missing file, a terminal, /dev/null and other character devices)."""
    try:
        if path == "-":
            st = os.fstat((sys.stdout if writing else sys.stdin).fileno())
        else:
            st = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISCHR(st.st_mode):
        return None
    return st.st_dev, st.st_ino


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
