"""Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
"iPad and iPhone are registered trademarks of Apple Inc.", and a press release's "About Acme"
closing it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features
from .. import vocab
from ._lines import LINE, each_line
from ._text import Hinted

REASONS = ("copyright",)

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)\s*\d{4})"
    r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
    r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\btodos os direitos reservados\b"
    r"|\bthis material may not be (?:published|reproduced)"
    r"|\bthis copy is for your personal,? non-commercial use\b|\bthis document is subject to copyright\b"
    r"|\bno part (?:of this \w+ )?may be reproduced\b|^citation\s*:.{0,200}\bretrieved\b.{0,80}\bfrom\b"
    r"|^copyright\s+(?:\d{4}|©)|^copyright\s+\S.{0,60}\b(?:19|20)\d\d\b(?:\s*[-–|].{0,40})?$",
    re.I,
)
MAX_WORDS = 60
# The legal notices of a site's footer: a list of marks and their owners, a disclaimer about
# the site's own content, the small print under testimonials. A sentence about one trademark
# ("Kleenex is a trademark of ...") is not one of these.
_LEGAL = re.compile(
    r"\bare (?:registered )?trademarks of\b"
    r"|^the information (?:provided|contained|presented|published) (?:on|in) this (?:web ?site|site)\b"
    r"|^\+?results (?:may )?vary\b.{0,300}\b(?:testimonials?|not typical)\b"
    # NPR's note under its transcripts; a press release's forward-looking-statements notice.
    r"|^NPR transcripts are created on a rush deadline\b"
    r"|^safe harbor statement\b(?:\s+under the private securities litigation reform act\b|\s*$)",
    re.I,
)
MAX_LEGAL_WORDS = 90
# A notice that opens by naming itself runs as long as its legalese: "Safe Harbor Statement under
# the Private Securities Litigation Reform Act of 1995: Certain statements included in this
# release are forward-looking ..." goes on for pages of risks.
_NAMED_NOTICE = re.compile(r"^safe harbor statement under the private securities litigation reform act\b", re.I)
MAX_NAMED_NOTICE_WORDS = 1000
_LEGAL_HINTED = Hinted(_LEGAL, ("trademarks", "the information", "results", "npr transcripts", "safe harbor"))
# Every form above holds one of these, in any case.
_HINTED = Hinted(_COPYRIGHT, ("©", "(c)", "rights", "rechte", "droits", "derechos", "diritti", "direitos",
                              "material", "copy", "reproduced", "citation"))


# A press release closes on who the company is: "About Acme" / "Acme Corp. operates 4,700
# stores in ...". The heading names the company and its paragraph opens with that name. A story
# may head a section the same way ("About Mohawk" / "Mohawk is the oldest of the lions ..."), so
# the pair goes only where the text ends, with the release's other notices.
_ABOUT = re.compile(r"^About (?:the )?(?P<name>[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$")
MAX_ABOUT_PARAGRAPH_WORDS = 200


def detect(doc: Document) -> Iterator[Verdict]:
    words = vocab.vocabulary(doc.lang)
    if "copyright" in words.lines:
        yield from each_line(doc, lambda text, feat: _judge(text, feat, words))
    else:
        yield from each_line(doc, _judge)
    yield from _about(doc)


def _about(doc: Document) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i in range(len(blocks) - 1):
        if feats[i].words > 6 or not blocks[i].text.startswith("About "):
            continue
        m = _ABOUT.match(blocks[i].text)
        below = blocks[i + 1].text
        if m and feats[i + 1].prose and feats[i + 1].words <= MAX_ABOUT_PARAGRAPH_WORDS and (
                below.startswith(m["name"] + " ") or below.startswith(m["name"] + ",")):
            yield Verdict(i, "copyright", score=0.5, where="tail")
            yield Verdict(i + 1, "copyright", score=0.5, where="tail")


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    if feat.words <= MAX_WORDS and (_HINTED.search(text) or words.match("copyright", text)) or (
            feat.words <= MAX_LEGAL_WORDS and _LEGAL_HINTED.search(text)) or (
            feat.words <= MAX_NAMED_NOTICE_WORDS and text[:1] in "Ss" and _NAMED_NOTICE.match(text)):
        yield Verdict(LINE, "copyright")
