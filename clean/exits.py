"""How the commands end: the documented exit statuses, and one way of failing shared by `clean`,
`clean learn` and `clean report` (one line on stderr, never a traceback).

SIGTERM is turned into an exception like Ctrl-C, so that the `finally` blocks run: workers are
stopped and an output's temporary file is removed, not left beside the file it was to become.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

EXIT_STRICT = 1  # --strict: a record could not be cleaned
EXIT_INPUT = 2  # bad input, usage or output path; an unreadable or unwritable file
EXIT_WORKER = 3  # a worker process died
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_PIPE = 141  # the reader of stdout went away (128 + SIGPIPE)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _terminate(signum, frame) -> None:
    raise Terminated()


def catch_sigterm() -> None:
    """Raise Terminated on SIGTERM (a signal handler can only be set from the main thread, which
    is where a command runs; the library's callers keep their own)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)


def echo_err(message: str) -> None:
    """A line on stderr, even when stderr has gone."""
    try:
        print(message, file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        pass


def fail(message: str, code: int) -> NoReturn:
    echo_err(message)
    sys.exit(code)


def interrupted(command: str, e: KeyboardInterrupt) -> NoReturn:
    if isinstance(e, Terminated):
        fail(f"{command}: terminated", EXIT_TERMINATED)
    fail(f"{command}: interrupted", EXIT_INTERRUPTED)


def silence_stdout() -> None:
    """After the reader of stdout has gone, make the interpreter's final flush a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def failures(command: str, output: str | None) -> Iterator[None]:
    """Inside the block, a problem with the input or an output, a dead worker or an interrupt
    ends the command with its line and status. `output` names the file an OSError is about."""
    from .parallel import WorkerDied
    from .readers import InputError
    from .writers import OutputError

    try:
        yield
    except (InputError, OutputError) as e:
        fail(f"{command}: error: {e}", EXIT_INPUT)
    except WorkerDied as e:
        fail(f"{command}: error: {e}", EXIT_WORKER)
    except OSError as e:
        fail(f"{command}: error: {output or 'stdout'}: {e.strerror or e}", EXIT_INPUT)
    except KeyboardInterrupt as e:
        interrupted(command, e)
