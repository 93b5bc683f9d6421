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
    r"|^copyright\s+(?:\d{4}|©)",
    re.I,
)
MAX_WORDS = 40


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        if feat.words <= MAX_WORDS and _COPYRIGHT.search(block.text):
            yield Verdict(block.index, "copyright")
