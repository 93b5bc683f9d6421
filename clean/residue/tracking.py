"""Machine residue: tracking ids and hashes left on their own line
(`010020070750000000000000011105521365662021`), and markup the scraper did not render: HTML tags
printed as text (`&lt;span data-mce-type="bookmark" ...&gt;`) and WordPress shortcodes
(`[button link="..."]Send us your review[/button]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features
from ._lines import marked

REASONS = ("tracking-id", "markup")

# The ids, tags, entities and a tag's lost opening are judged natively (src/judges/tracking.rs):
# what a line's own text says, whatever its neighbours. The specks below are not ported yet.

# A scanned page's specks read as text: "r; .r", "i. a:". Small letters and the marks between
# them, no word of three letters and no digit: with digits, a line this short is a measure, a
# price, a time, a table's cell or a name ("104 cm", "ab 19,99 €", "um 22:23",
# "x 4,01 3,87", "Wi-Fi 6"), and a table's labels ("A: 5, B: 6") are not these either.
_LETTER_RUN = re.compile(r"[^\W\d_]{3}")
_SPECK_MARK = re.compile(r"[;:,\-]")
_TIME_OF_DAY = re.compile(r"\b[ap]\.?\s?m\b", re.I)
MAX_DEBRIS_WORDS = 6


def _debris(text: str, feat: Features) -> bool:
    return (feat.words <= MAX_DEBRIS_WORDS and " " in text.strip() and any(c.islower() for c in text)
            and not any(c.isdigit() for c in text) and _SPECK_MARK.search(text) is not None
            and _LETTER_RUN.search(text) is None and _TIME_OF_DAY.search(text) is None)


def detect(doc: Document) -> Iterator[Verdict]:
    judged = [_judge(text, feat, found) for (text, feat), found in zip(doc.lines, doc.judged["tracking"])]
    return (Verdict(i, reason, span=span) for i, (reason, span) in marked(doc, judged))


def _judge(text: str, feat: Features, found: tuple | None) -> tuple | None:
    """The line's (reason, span), from the native judge's answer `found` and the specks."""
    if found and found[0] == "tracking-id":
        return found
    # Specks come after ids, tags and entities but before a tag's lost opening, the one native
    # markup rule a line without "<", "[" or "&" can meet.
    if feat.chars <= 40 and (not found or not any(c in text for c in "<[&")) and _debris(text, feat):
        return ("markup", None)
    return found
