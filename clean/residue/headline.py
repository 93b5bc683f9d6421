"""The headline at the top, its repeats, and any other line the document says twice.

Extractors often emit the headline once as the title and again above the body (some three
times: og:title, h1, print header). A headline is only certain when it repeats; a lone
title-shaped first line is a candidate that `decide` confirms when real prose follows it, which
keeps cleaning idempotent: the first paragraph of a clean body is never title-shaped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key

REASONS = ("title", "duplicate-title", "repeated-line")

# A line said three times or more is structure (a recurring question, a recipe step), not a
# scraper's slip; families with their own reasons (ads, labels) take those repeats.
# Shorter repeats ("Yes.", "* * *", "Q:") are legitimate in articles.
MIN_REPEAT_CHARS = 12


def detect(doc: Document) -> Iterator[Verdict]:
    if not doc.blocks:
        return
    first = doc.blocks[0]
    keys = [key(b.text) for b in doc.blocks]
    title_key = keys[0] if _headline_shaped(first.text, doc.feats[0]) else ""
    counts = Counter(keys)
    repeated = False
    seen = set()
    for block, k in zip(doc.blocks, keys):
        if block.index and title_key and k == title_key:
            repeated = True
            yield Verdict(block.index, "duplicate-title")
        elif len(k) >= MIN_REPEAT_CHARS and counts[k] == 2:
            if k in seen:
                yield Verdict(block.index, "repeated-line")
            seen.add(k)
    if title_key:
        yield Verdict(0, "title", score=1.0 if repeated else 0.5, meta=(("title", first.text),))


_LABEL_COLON = re.compile(r":.*:")
_URLISH = re.compile(r"https?://|www\.|\.com\b", re.I)


def _headline_shaped(text: str, feat) -> bool:
    """A headline has a few words, is not shouted, and is not a label line ("Tested by: X RRP: Y")."""
    if not feat.title_shaped or feat.words < 4:
        return False
    if text.isupper() or _LABEL_COLON.search(text) or _URLISH.search(text):
        return False
    return True
