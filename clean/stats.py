"""Counters of a run, summed over records and over worker batches, reported as JSON at the
end of a run.

Every field is a plain number or a dict of numbers so that a batch's counters cross a process
boundary cheaply and add up with `merge`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass
class Stats:
    records: int = 0  # non-blank input lines (JSONL) or documents (text)
    cleaned: int = 0
    passed_through: int = 0  # malformed records written back unchanged
    errors: int = 0  # records the cleaner failed on, written back unchanged
    over_limit: int = 0  # records over --max-doc-size or --doc-timeout, written back unchanged
    blank_lines: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    invalid_utf8: int = 0
    nul_bytes: int = 0  # stray NUL bytes dropped from text and pages (binary input is refused)
    html_fallbacks: int = 0  # HTML pages with no main text found, cleaned from their full text
    removals: dict[str, int] = field(default_factory=dict)  # removed spans per reason
    removed_bytes: dict[str, int] = field(default_factory=dict)  # UTF-8 bytes removed per reason

    def add_removals(self, spans_bytes: dict[str, tuple[int, int]]) -> None:
        """Add {reason: (spans, bytes)} of one document."""
        for reason, (count, size) in spans_bytes.items():
            self.removals[reason] = self.removals.get(reason, 0) + count
            self.removed_bytes[reason] = self.removed_bytes.get(reason, 0) + size

    def merge(self, other: Stats) -> None:
        for name in ("records", "cleaned", "passed_through", "errors", "over_limit", "blank_lines", "bytes_in",
                     "bytes_out",
                     "invalid_utf8", "nul_bytes", "html_fallbacks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.removals, other.removals), (self.removed_bytes, other.removed_bytes)):
            for reason, n in theirs.items():
                mine[reason] = mine.get(reason, 0) + n

    def summary(self) -> str:
        """The one-line report on stderr at the end of a JSONL run."""
        per_reason = ", ".join(f"{r}={n}" for r, n in sorted(self.removed_bytes.items())) or "none"
        errors = f", {self.errors} failed (passed through)" if self.errors else ""
        if self.over_limit:
            errors += f", {self.over_limit} over a size or time limit (passed through)"
        nuls = f"; {self.nul_bytes} stray NUL bytes dropped" if self.nul_bytes else ""
        return (f"clean: {self.records} records read, {self.cleaned} cleaned, {self.passed_through} passed through"
                f"{errors}; bytes removed: {per_reason}{nuls}")

    def as_dict(self, **extra) -> dict:
        data = asdict(self)
        data["removals"] = dict(sorted(self.removals.items()))
        data["removed_bytes"] = dict(sorted(self.removed_bytes.items()))
        return {**data, **extra}

    def to_json(self, indent: int | None = 2, **extra) -> str:
        return json.dumps(self.as_dict(**extra), indent=indent) + "\n"
