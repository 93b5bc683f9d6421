"""Reading a corpus for learning: (text, source) pairs from text files and JSON lines.

A text file is one document with no source. A JSONL record's text is its `text_key` field and
its source the host of its `group_key` field (or `metadata.<group_key>`); records that are not
JSON objects with a string text are skipped and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .profile import NO_SOURCE, record_source
from .readers import decode, read_document, read_lines


@dataclass
class ReadStats:
    documents: int = 0
    skipped: int = 0
    invalid_utf8: int = 0


def is_jsonl(path: str) -> bool:
    name = path.lower()
    for suffix in (".gz", ".zst"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name.endswith((".jsonl", ".ndjson"))


def documents(paths: Iterable[str], jsonl: bool | None = None, text_key: str = "text",
              group_key: str = "url", stats: ReadStats | None = None) -> Iterator[tuple[str, str]]:
    """`jsonl=None` decides per file by its name (.jsonl, .ndjson, possibly compressed)."""
    stats = stats if stats is not None else ReadStats()
    for path in paths:
        if jsonl or (jsonl is None and is_jsonl(path)):
            yield from _records(path, text_key, group_key, stats)
        else:
            doc = read_document(path)
            stats.invalid_utf8 += doc.invalid
            stats.documents += 1
            yield doc.text, NO_SOURCE


def _records(path: str, text_key: str, group_key: str, stats: ReadStats) -> Iterator[tuple[str, str]]:
    for number, raw in read_lines(path):
        if not raw.strip():
            continue
        decoded = decode(raw, f"{path}:{number}")
        stats.invalid_utf8 += decoded.invalid
        try:
            record = json.loads(decoded.text)
        except ValueError:
            stats.skipped += 1
            continue
        text = record.get(text_key) if isinstance(record, dict) else None
        if not isinstance(text, str):
            stats.skipped += 1
            continue
        stats.documents += 1
        yield text, record_source(record, group_key)
