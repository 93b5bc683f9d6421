"""Running one piece of work under a time limit, so one pathological document or page cannot
stall a run of millions.

In a main thread (the CLI's process, or a worker process) a timer signal interrupts the work
itself. Elsewhere (signals reach only the main thread) the work runs on a helper thread that is
abandoned at the deadline: the run goes on, though the thread finishes in the background. A
signal is handled between Python bytecodes, so a single long call into C (one regex search, one
lxml parse) ends before the limit takes effect.

The timer raises a private BaseException, not an Exception: libraries that wrap their steps in
`except Exception` (trafilatura does) would otherwise swallow it and carry on. The timer also
records that it fired, so work that swallows even that is still reported as over its limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """The work ran past its limit."""


class _Expired(BaseException):
    """Raised inside the work by the timer; turned into the caller's error on the way out."""


def run_with_limit(work: Callable[[], T], seconds: float,
                   expired: Callable[[str], Exception] = TimeLimitExceeded) -> T:
    """`work()`, stopped with `expired(message)` after `seconds` (0: no limit)."""
    if not seconds:
        return work()
    message = f"took longer than {seconds:g}s"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _with_alarm(work, seconds, lambda: expired(message))
    return _on_thread(work, seconds, lambda: expired(message))


def _with_alarm(work: Callable[[], T], seconds: float, error: Callable[[], Exception]) -> T:
    fired = False

    def expire(signum, frame):
        nonlocal fired
        fired = True
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            result = work()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:  # also when the timer fires between the work's end and its cancelling
        fired = True
    finally:
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise error() from None
    return result


def _on_thread(work: Callable[[], T], seconds: float, error: Callable[[], Exception]) -> T:
    result: list = []

    def target():
        try:
            result.append((True, work()))
        except BaseException as e:  # handed to the caller's thread below
            result.append((False, e))

    thread = threading.Thread(target=target, name="clean-limited", daemon=True)
    thread.start()
    thread.join(seconds)
    if not result:
        raise error()
    ok, value = result[0]
    if ok:
        return value
    raise value
