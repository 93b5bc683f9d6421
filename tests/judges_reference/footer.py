"""The Python judge and rules that src/judges/footer.rs replaced, as they were, for
tests/test_judges_native.py to hold the native ones against (its patterns searched directly: the
hint gates in front of them only saved time): the line judge (`detect`) and, with the lines
around, a press release's "About" closing it (`detect_document`). Delete it with that test once
the port is done.

Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
"iPad and iPhone are registered trademarks of Apple Inc."."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import LINE, each_line

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


def detect(doc: Document) -> Iterator[Verdict]:
    words = vocab.vocabulary(doc.lang)
    if "copyright" in words.lines:
        return each_line(doc, lambda text, feat: _judge(text, feat, words))
    return each_line(doc, _judge)


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    if feat.words <= MAX_WORDS and (_COPYRIGHT.search(text) or words.match("copyright", text)) or (
            feat.words <= MAX_LEGAL_WORDS and _LEGAL.search(text)) or (
            feat.words <= MAX_NAMED_NOTICE_WORDS and text[:1] in "Ss" and _NAMED_NOTICE.match(text)):
        yield Verdict(LINE, "copyright")


def detect_document(doc: Document) -> Iterator[Verdict]:
    """The family's verdicts on a document: the notices, then the "About" headings."""
    yield from detect(doc)
    yield from _about(doc)


# A press release closes on who the company is: "About Acme" / "Acme Corp. operates 4,700
# stores in ...". The heading names the company and its paragraph opens with that name. A story
# may head a section the same way ("About Mohawk" / "Mohawk is the oldest of the lions ..."), so
# the pair goes only where the text ends, with the release's other notices.
_ABOUT = re.compile(r"^About (?:the )?(?P<name>[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$")
MAX_ABOUT_PARAGRAPH_WORDS = 200


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
