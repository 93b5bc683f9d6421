"""A progress line on stderr while a stream is cleaned: documents, megabytes, documents per second.

tqdm is imported only when a progress line is shown. Updated once per batch, so it costs nothing
measurable.
"""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool):
        self._bar = None
        self._start = time.monotonic()
        self._bytes = 0
        if not enabled:
            return
        try:
            from tqdm import tqdm
        except ImportError:
            print("clean: warning: --progress needs the tqdm package", file=sys.stderr)
            return
        tqdm.monitor_interval = 0  # no monitor thread: worker processes may still be forked
        self._bar = tqdm(file=sys.stderr, unit=" docs", mininterval=0.5, dynamic_ncols=True,
                         bar_format="clean: {n_fmt}{unit} [{elapsed}, {rate_fmt}{postfix}]")

    def update(self, records: int, bytes_in: int) -> None:
        if self._bar is None:
            return
        self._bytes += bytes_in
        elapsed = max(time.monotonic() - self._start, 1e-9)
        megabytes = self._bytes / 1e6
        self._bar.set_postfix_str(f"{megabytes:,.1f} MB, {megabytes / elapsed:,.2f} MB/s", refresh=False)
        self._bar.update(records)

    def close(self) -> None:
        if self._bar is not None:
            try:
                self._bar.close()
            except (BrokenPipeError, ValueError):
                pass
            self._bar = None
