"""Cleaning one JSONL record: the raw line in, the line to write out, its counters added up.

`clean_jsonl_line` is a plain module-level function of (raw line, where, job, stats) so the
worker pool (`parallel.py`) can run it, or any other function of the same shape for other record
kinds, on batches in other processes. It imports only the core.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .cleaner import Cleaner
from .decoding import decode
from .profile import record_source
from .render import body_text
from .stats import Stats
from .timelimit import run_with_limit


class OverLimit(Exception):
    """A record over --max-doc-size or --doc-timeout: passed through unchanged and counted, so
    one giant or pathological document neither stalls a run nor is lost."""


class RecordError(Exception):
    """A record that cannot be cleaned (not JSON, not an object, no text field): passed through
    unchanged, or fatal under --strict."""


@dataclass(frozen=True)
class JsonlJob:
    """What every record of a JSONL run is cleaned with."""

    cleaner: Cleaner
    key: str = "text"
    group_key: str = "url"  # with a site profile: the field whose URL host names the source
    html: object = None  # an html.HtmlInput for records that carry HTML; typed loosely to keep imports light
    max_chars: int = 0  # longer texts pass through unchanged (0: no limit)
    timeout: float = 0.0  # seconds one document may take (0: no limit)


def clean_jsonl_line(raw: bytes, where: str, job: JsonlJob, stats: Stats) -> bytes:
    """The output line for one input line (without its newline).

    Raises RecordError for a malformed record and decoding.InputError for binary input; the
    caller decides what those mean. Removals and replaced bytes are added to `stats`.
    """
    record = parse_record(raw, where, stats)
    key = job.key
    try:
        page = job.html.record_page(record, key) if job.html is not None else None
    except Exception as e:  # ValueError (no HTML field) or html.PageError (time limit, not a page)
        raise RecordError(f"{where}: {e}") from None
    text = page.source if page is not None else record.get(key)
    if not isinstance(text, str):
        raise RecordError(f"{where}: no string field {key!r}")
    meta = record.get("metadata", {})
    if not isinstance(meta, dict):
        raise RecordError(f"{where}: 'metadata' is not an object")
    cleaner = job.cleaner
    if page is not None:
        article = page.article
        stats.html_fallbacks += article.extractor == "fulltext"
        stats.nul_bytes += page.nul_bytes
    else:
        source = record_source(record, job.group_key) if cleaner.profile else None
        article = clean_within_limits(cleaner, text, source, job.max_chars, job.timeout, where)
    record[key] = body_text(article, cleaner.newline_token, cleaner.doc_sep)
    record["metadata"] = {**meta, "clean": article.metadata()}
    stats.add_removals(removal_counts(article.removed, text))
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def parse_record(raw: bytes, where: str, stats: Stats) -> dict:
    """A JSONL line as a JSON object, its replaced bytes and stray NULs counted in `stats`.

    Raises RecordError for a line that is not a JSON object and decoding.InputError for binary
    input (not a few stray NULs), which is refused for the whole run."""
    decoded = decode(raw, where)
    stats.invalid_utf8 += decoded.invalid
    stats.nul_bytes += decoded.nul_bytes
    try:
        record = json.loads(decoded.text)
    except ValueError as e:
        raise RecordError(f"{where}: not valid JSON ({e.args[0].split(':')[0]})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{where}: not a JSON object")
    return record


def clean_within_limits(cleaner: Cleaner, text: str, source: str | None, max_chars: int, timeout: float,
                        where: str):
    """`cleaner.clean(text)`, or OverLimit when the text is longer than `max_chars` or its
    cleaning takes longer than `timeout` seconds."""
    if max_chars and len(text) > max_chars:
        raise OverLimit(f"{where}: {len(text)} characters, over the limit of {max_chars}")
    return run_with_limit(lambda: cleaner.clean(text, source=source), timeout,
                          lambda message: OverLimit(f"{where}: cleaning {message}"))


def removal_counts(removed, text: str) -> dict[str, tuple[int, int]]:
    """{reason: (spans, UTF-8 bytes)} of a document's removals."""
    totals: dict[str, tuple[int, int]] = {}
    for r in removed:
        count, size = totals.get(r.reason, (0, 0))
        piece = text[r.start:r.end]
        totals[r.reason] = (count + 1, size + (len(piece) if piece.isascii() else len(piece.encode("utf-8", "surrogatepass"))))
    return totals
