"""The headline at the top, its repeats, and any other line the document says twice.

Extractors often emit the headline once as the title and again above the body (some three
times: og:title, h1, print header). A headline is only certain when it repeats; a lone
title-shaped first line is a candidate that `decide` confirms when real prose follows it, which
keeps cleaning idempotent: the first paragraph of a clean body is never title-shaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key

REASONS = ("title", "duplicate-title", "repeated-line")

# Every copy after the first goes, however many there are: counting copies ("said exactly
# twice") would change once other residue is gone, and cleaning must be idempotent.
# Shorter repeats ("Yes.", "* * *", "Q:") are legitimate in articles.
MIN_REPEAT_CHARS = 12
# Only a repeated statement is residue by being repeated: a caption shown twice, a paragraph
# the page printed again. Short labels and questions repeat by design in articles (the same
# interview question to each guest, "Available from Amazon" under every product, a meal plan's
# "Eat every 2-3 hours"); when they are residue, another detector knows them for what they are.
# A field ("Portion Fix Containers: 1 Green, 1 Red", "Answer: ...") repeats by design in menus,
# spec sheets and recipes, however long its value. The condition reads the line alone, so a
# repeat kept once is kept again on the output.
_FIELD = re.compile(r"^\w[\w'’ -]{0,40}: ")
MAX_FIELD_LABEL_WORDS = 4


# The headline may sit below any amount of residue (a breadcrumb, a caption, a page's menus):
# every headline-shaped block is a candidate, and `decide` takes the one the body would open
# with once the residue above it is gone. A window of the first few blocks would move as
# residue is removed, and the output, cleaned again, would find a headline the input hid.


def detect(doc: Document) -> Iterator[Verdict]:
    keys = [key(b.text) for b in doc.blocks]
    candidates = [b.index for b, f in zip(doc.blocks, doc.feats) if headline_shaped(b.text, f)]
    titles = {keys[i]: i for i in reversed(candidates)}
    repeated: set[int] = set()
    seen = set()
    for block, feat, k in zip(doc.blocks, doc.feats, keys):
        first = titles.get(k)
        if first is not None and block.index > first:
            repeated.add(first)
            # A copy of this candidate: removed only if the candidate is taken as the headline.
            yield Verdict(block.index, "duplicate-title", span=(first, first))
        elif len(k) >= MIN_REPEAT_CHARS and _statement(feat) and not _field(block.text):
            if k in seen:
                yield Verdict(block.index, "repeated-line")
            seen.add(k)
    for i in candidates:
        text = doc.blocks[i].text
        yield Verdict(i, "title", score=1.0 if i in repeated else 0.5, meta=(("title", text),))


def _statement(feat) -> bool:
    """Reads as a finished statement, by shape alone (no stopwords: the language detected for a
    whole page may differ from the one detected for its cleaned article)."""
    if feat.unspaced:
        return feat.chars >= 30 and feat.ends_sentence and feat.last not in "?？"
    return feat.words >= 8 and (feat.ends_sentence or feat.sentences > 1) and feat.last not in "?？"


def _field(text: str) -> bool:
    label = _FIELD.match(text)
    return label is not None and len(label.group().split()) <= MAX_FIELD_LABEL_WORDS


_LABEL_COLON = re.compile(r":.*:")
_URLISH = re.compile(r"https?://|www\.|\.com\b", re.I)


def headline_shaped(text: str, feat) -> bool:
    """A headline has a few words, is not shouted, and is not a label line ("Tested by: X RRP: Y")."""
    if not feat.title_shaped or feat.words < 4 or sum(c.isalpha() for c in text) < 12:
        return False
    if text.isupper() or _LABEL_COLON.search(text) or _URLISH.search(text):
        return False
    # "Jane Doe, the group's chair, on the draft law:" introduces what follows; a headline does
    # not end on a colon.
    return not text.rstrip().endswith((":", "："))
