"""Cleaning a stream of records in batches, in this process or in a pool of worker processes.

The reader cuts the input into batches (a few dozen records or about a megabyte); a bounded
number of batches is in flight at once, so memory stays flat however long the stream is, and
results are written in input order, so the output is byte for byte the same with any number of
workers. Each record goes through a plain function `func(raw, where, job, stats) -> bytes`; a
record it raises on is written back unchanged and counted, never lost.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .decoding import InputError
from .records import OverLimit, RecordError
from .stats import Stats

BATCH_RECORDS = 64
BATCH_BYTES = 1 << 20

RecordFunction = Callable[[bytes, str, Any, Stats], bytes]


@dataclass
class Batch:
    source: str  # file name, "-" for stdin
    first: int  # line number of lines[0]
    lines: list[bytes]


@dataclass
class Note:
    index: int  # position in the batch
    kind: str  # "malformed" (not a cleanable record), "error" (the cleaner failed) or "limit" (OverLimit)
    message: str


@dataclass
class BatchResult:
    lines: list[bytes]  # output lines, without newlines, one per input line up to `refused`
    stats: Stats
    notes: list[Note] = field(default_factory=list)
    refused: str | None = None  # binary input met: the run stops after `lines`


def batches(numbered_lines: Iterable[tuple[str, int, bytes]], max_records: int = BATCH_RECORDS,
            max_bytes: int = BATCH_BYTES) -> Iterator[Batch]:
    """Batches of consecutive (source, line number, raw line) items; a batch holds one source."""
    lines: list[bytes] = []
    size = first = 0
    source = ""
    for name, number, raw in numbered_lines:
        if lines and name != source:
            yield Batch(source, first, lines)
            lines, size = [], 0
        if not lines:
            source, first = name, number
        lines.append(raw)
        size += len(raw)
        if len(lines) >= max_records or size >= max_bytes:
            yield Batch(source, first, lines)
            lines, size = [], 0
    if lines:
        yield Batch(source, first, lines)


def run_batch(func: RecordFunction, job: Any, batch: Batch) -> BatchResult:
    """Clean every line of a batch with `func`; blank lines pass through and are not records."""
    stats = Stats()
    result = BatchResult([], stats)
    out = result.lines
    for index, raw in enumerate(batch.lines):
        stats.bytes_in += len(raw) + 1
        if not raw.strip():
            stats.blank_lines += 1
            out.append(raw)
            stats.bytes_out += len(raw) + 1
            continue
        stats.records += 1
        where = f"{batch.source}:{batch.first + index}"
        try:
            line = func(raw, where, job, stats)
            stats.cleaned += 1
        except RecordError as e:
            result.notes.append(Note(index, "malformed", str(e)))
            stats.passed_through += 1
            line = raw
        except OverLimit as e:
            result.notes.append(Note(index, "limit", str(e)))
            stats.over_limit += 1
            line = raw
        except InputError as e:
            result.refused = str(e)
            return result
        except Exception as e:  # a bug in the cleaner must not lose the record or stop the stream
            result.notes.append(Note(index, "error", f"{where}: cleaning failed ({type(e).__name__}: {e})"))
            stats.errors += 1
            line = raw
        out.append(line)
        stats.bytes_out += len(line) + 1
    return result


class WorkerDied(Exception):
    """A worker process ended without returning its batch (killed, out of memory)."""


_worker_job: Any = None


def _start_worker(job: Any) -> None:
    global _worker_job
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent stops workers with SIGTERM; a handler it installed for itself must not run here.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_job = job


def _run_in_worker(func: RecordFunction, batch: Batch) -> BatchResult:
    return run_batch(func, _worker_job, batch)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class Pool:
    """`with Pool(func, job, workers) as pool: for result in pool.map(batches): ...`

    With one worker the batches are cleaned in this process. Leaving the block on an exception
    (a closed pipe, Ctrl-C, an error) stops the workers at once.
    """

    def __init__(self, func: RecordFunction, job: Any, workers: int = 1, in_flight: int | None = None):
        self.func, self.job, self.workers = func, job, max(1, workers)
        self.in_flight = in_flight or 2 * self.workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Pool:
        if self.workers > 1:
            # fork: workers start in milliseconds and share the loaded core; they are all made
            # here, before any thread exists in this process.
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                                 initargs=(self.job,))
        return self

    def map(self, items: Iterable[Batch]) -> Iterator[BatchResult]:
        if self._executor is None:
            for batch in items:
                yield run_batch(self.func, self.job, batch)
            return
        from concurrent.futures.process import BrokenProcessPool

        pending: deque = deque()
        try:
            for batch in items:
                pending.append(self._executor.submit(_run_in_worker, self.func, batch))
                if len(pending) >= self.in_flight:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerDied("a worker process died without finishing its batch") from None

    def __exit__(self, kind, value, traceback) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kind is None:
            executor.shutdown(wait=True)
            return
        # Also the children the executor has not recorded yet: an interrupt can land between a
        # worker's fork and its registration, and such a worker would wait for work forever.
        processes = list({*(getattr(executor, "_processes", None) or {}).values(),
                          *multiprocessing.active_children()})
        for process in processes:
            process.terminate()
        for process in processes:  # gone before this process exits, not left to finish a batch
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
        # A worker stopped halfway through writing its result leaves the executor's own thread
        # waiting for the rest of the message, and the exit waiting for that thread: this
        # process holds a write end of the result pipe too, so no end of file ever comes.
        # Closing it (the workers are gone) turns the wait into an end of file. Likewise, the
        # feeder thread may be halfway through writing a batch to a worker that is gone.
        result_queue = getattr(executor, "_result_queue", None)
        if result_queue is not None and getattr(result_queue, "_writer", None) is not None:
            result_queue._writer.close()
        call_queue = getattr(executor, "_call_queue", None)
        if call_queue is not None:
            call_queue.cancel_join_thread()
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        # The executor's own thread, finding its workers gone, closes its pipes. Left to do that
        # while this process exits, it races concurrent.futures' exit hook, which wakes it
        # through one of those pipes without a lock: the hook can write to a pipe just closed,
        # and an OSError would follow the command's last line on stderr.
        if manager is not None:
            manager.join(timeout=2)
