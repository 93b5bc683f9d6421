"""Copyright and rights footers: "© 2019 The New York Times Company", "All rights reserved."."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features
from ._lines import LINE, each_line
from ._text import Hinted

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
# Every form above holds one of these, in any case.
_HINTED = Hinted(_COPYRIGHT, ("©", "(c)", "rights", "rechte", "droits", "derechos", "diritti", "direitos",
                              "material", "copy", "reproduced", "citation"))


def detect(doc: Document) -> Iterator[Verdict]:
    return each_line(doc, _judge)


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    if feat.words <= MAX_WORDS and _HINTED.search(text):
        yield Verdict(LINE, "copyright")
