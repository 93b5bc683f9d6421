"""The Python main block that src/main_content.rs replaced (clean/main_content.py before the
port), kept as the reference tests/test_block_model_native.py compares the native one with.

Finding the article in a full-page dump, from the text's own shape.

A page dump (html-text, inscriptis, BeautifulSoup `get_text`) is mostly menus, teasers and
footers around one run of prose. Extractor output (newspaper, trafilatura, ...) is mostly
article. The two need opposite priors, so the document is classified first; only on a page is
a main block chosen, as the run of blocks whose prose outweighs the furniture inside it
(a maximum-sum segment, the same idea as Kadane's algorithm).
"""

from __future__ import annotations

import re

from clean.document import Document, Features

# What a block costs inside the main block when it is not prose: short lines cost little (a
# subheading, a one-line quote), but a menu of thirty labels adds up.
MIN_COST = 15
MAX_COST = 60


def block_value(feat: Features, flagged: bool) -> float:
    """How much a block argues for the stretch of text around it being the article."""
    if flagged:
        return -max(MIN_COST, min(feat.chars, MAX_COST * 2))
    if feat.prose:
        return float(feat.chars)
    return -min(max(MIN_COST, feat.chars), MAX_COST)


# A paragraph that hands over to what follows with a colon ("... Damals hatte ich mich kurz
# gefasst:", "Sie sagte am Montag:") does not end like a sentence, yet it is the article's when
# prose follows it: the quotation or the list it introduces. Its own shape alone does not tell
# (a label "Lesen Sie auch:" ends so too); its length and the paragraph under it do.
MIN_LEAD_IN_WORDS = 12


def _lead_ins(feats: tuple[Features, ...], flagged: list[bool], values: list[float]) -> None:
    for i in range(len(feats) - 1):
        f = feats[i]
        if (f.last == ":" and not f.prose and not flagged[i] and f.words >= MIN_LEAD_IN_WORDS and f.stop_ratio > 0
                and feats[i + 1].prose and not flagged[i + 1]):
            values[i] = float(f.chars)


def main_block(doc: Document, flagged: list[bool]) -> tuple[int, int] | None:
    """The [first, last] block indexes of the main block, or None when nothing reads as prose.

    A page dump opens with the page's title ("Elektro-Zapfsäulen – Sprechblase"); where the
    page prints that headline again on a line of its own, the article begins. A short post
    under it is the main block even when a sidebar's blurb or a teaser holds more prose, as
    long as the post holds a fair share of what the best stretch holds."""
    values = [block_value(feat, flag) for feat, flag in zip(doc.feats, flagged)]
    _lead_ins(doc.feats, flagged, values)
    first, last = best_stretch(values)
    anchored = [(anchored_stretch(values, start), start) for start in headline_anchors(doc)
                if not first <= start <= last]
    anchored = [(total, start, end) for (end, total), start in anchored if end is not None]
    if anchored:
        total, start, end = max(anchored)
        best = sum(values[first:last + 1]) if last >= 0 else 0.0
        # Only a stretch of its own: one that runs on into the best stretch merely adds the
        # headline and its byline above the article already found.
        if end is not None and (end < first or start > last) and total >= MIN_ANCHORED_SHARE * best:
            return start, end
    return (first, last) if last >= 0 else None


# The stretch under the repeated headline must hold at least a paragraph of prose and this share
# of the best stretch's value: a headline repeated in a teaser list at the foot of the page has
# little under it.
MIN_ANCHORED_SHARE = 0.1
MIN_ANCHORED_VALUE = 60  # a few lines of prose
# A page title joins the headline and the site's name with one of these.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—:·»•~-]+\s+|\s+::\s+")
MIN_HEADLINE_WORDS, MIN_HEADLINE_CHARS = 2, 12


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:!?–—-|»")


def headline_anchors(doc: Document) -> list[int]:
    """The first block after the page's title line that repeats a part of the title, for each
    part: one is the headline, another may be the site's name printed over its menu (the
    article then is the first stretch of prose under the page's head)."""
    if len(doc.blocks) < 2:
        return []
    parts = {_folded(p) for p in _TITLE_SEPARATOR.split(doc.blocks[0].text)}
    parts = {p for p in parts if len(p.split()) >= MIN_HEADLINE_WORDS or len(p) >= MIN_HEADLINE_CHARS}
    found = []
    for i in range(1, len(doc.blocks)):
        if not parts:
            break
        folded = _folded(doc.blocks[i].text)
        part = folded if folded in parts else _extended(folded, parts, doc.feats[i])
        if part is not None:
            parts.discard(part)
            found.append(i)
    return found


# A page's title may hold its headline cut short ("Ultium Cells erhöht Gigafactory-Kapazität"
# over "... Gigafactory-Kapazität in Tennessee"): the headline then opens with the title's part
# and runs on a few words, still a headline, not a sentence. A teaser list lower on the page may
# print the short form exactly; the article's own headline comes first.
MAX_EXTENSION_WORDS = 6


def _extended(folded: str, parts: set[str], feat: Features) -> str | None:
    if not feat.title_shaped:
        return None
    # The longest part first, and in a fixed order: a set's order changes from one process to the next.
    for part in sorted(parts, key=lambda p: (-len(p), p)):
        if (len(part.split()) >= MIN_HEADLINE_WORDS + 1 and folded.startswith(part + " ")
                and len(folded.split()) - len(part.split()) <= MAX_EXTENSION_WORDS):
            return part
    return None


def anchored_stretch(values: list[float], start: int) -> tuple[int | None, float]:
    """The end of the stretch opening at `start` with the largest sum, and that sum; None when
    no such stretch holds MIN_ANCHORED_VALUE."""
    best_end, best_sum, run = None, float(MIN_ANCHORED_VALUE), 0.0
    for i in range(start, len(values)):
        run += values[i]
        if run >= best_sum:
            best_end, best_sum = i, run
    return best_end, best_sum


def best_stretch(values: list[float]) -> tuple[int, int]:
    """The [first, last] indexes of the stretch of values with the largest positive sum, or
    (len(values), -1) when no value is positive."""
    best_sum, best = 0.0, (len(values), -1)
    run_sum, run_start = 0.0, 0
    for i, value in enumerate(values):
        if run_sum <= 0:
            run_sum, run_start = value, i
        else:
            run_sum += value
        # >= so that, of two equal runs, the longer one (ending later) wins: a clean article
        # fed back in keeps every block, which keeps cleaning idempotent.
        if run_sum > 0 and run_sum >= best_sum:
            best_sum, best = run_sum, (run_start, i)
    return best
