"""The headline at the top, its repeats, and any other line the document says twice.

Extractors often emit the headline once as the title and again above the body (some three
times: og:title, h1, print header). A headline is only certain when it repeats; a lone
title-shaped first line is a candidate that `decide` confirms when real prose follows it, which
keeps cleaning idempotent: the first paragraph of a clean body is never title-shaped.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key

REASONS = ("title", "duplicate-title", "repeated-line")

# Shorter repeats ("Yes.", "* * *", "Q:") are legitimate in articles.
MIN_REPEAT_CHARS = 12


def detect(doc: Document) -> Iterator[Verdict]:
    if not doc.blocks:
        return
    first = doc.blocks[0]
    title_key = key(first.text) if doc.feats[0].title_shaped else ""
    repeated = False
    seen = {key(first.text)} if not title_key else set()
    for block in doc.blocks[1:]:
        k = key(block.text)
        if title_key and k == title_key:
            repeated = True
            yield Verdict(block.index, "duplicate-title")
        elif len(k) >= MIN_REPEAT_CHARS:
            if k in seen:
                yield Verdict(block.index, "repeated-line")
            seen.add(k)
    if title_key:
        yield Verdict(0, "title", score=1.0 if repeated else 0.5, meta=(("title", first.text),))
