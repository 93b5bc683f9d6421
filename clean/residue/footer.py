"""Copyright and rights footers: "© 2019 The New York Times Company", "All rights reserved."."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document

REASONS = ("copyright",)

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)\s*\d{4})"
    r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
    r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\btodos os direitos reservados\b"
    r"|\bthis material may not be (?:published|reproduced)"
    r"|\bthis copy is for your personal,? non-commercial use\b|\bthis document is subject to copyright\b"
    r"|\bno part (?:of this \w+ )?may be reproduced\b|^citation:.{0,200}\bretrieved\b.{0,80}\bfrom\b"
    r"|^copyright\s+(?:\d{4}|©)|^copyright\s+\S.{0,60}\b(?:19|20)\d\d\b(?:\s*[-–|].{0,40})?$",
    re.I,
)
MAX_WORDS = 60
# Every form above holds one of these, in any case. The pattern is tried on nearly every line
# and matches few, and a plain substring test is several times cheaper than its search.
_HINTS = ("©", "(c)", "rights", "rechte", "droits", "derechos", "diritti", "direitos", "material", "copy",
          "reproduced", "citation")
_HINT = re.compile("|".join(map(re.escape, _HINTS)), re.I)


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        if feat.words <= MAX_WORDS and _may_be_copyright(block.text) and _COPYRIGHT.search(block.text):
            yield Verdict(block.index, "copyright")


def _may_be_copyright(text: str) -> bool:
    if text.isascii():  # ASCII lowercases exactly as the pattern's ignore-case matching does
        lowered = text.lower()
        return any(hint in lowered for hint in _HINTS)
    return _HINT.search(text) is not None
