"""Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
"iPad and iPhone are registered trademarks of Apple Inc.", and a press release's "About Acme"
closing it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from .. import vocab
from ._lines import marked

REASONS = ("copyright",)

# The patterns are native (src/judges/footer.rs); the words of other languages' notices are
# data (clean/data/residue/), up to as many words as the patterns' copyright lines.
MAX_WORDS = 60


# A press release closes on who the company is: "About Acme" / "Acme Corp. operates 4,700
# stores in ...". The heading names the company and its paragraph opens with that name. A story
# may head a section the same way ("About Mohawk" / "Mohawk is the oldest of the lions ..."), so
# the pair goes only where the text ends, with the release's other notices.
_ABOUT = re.compile(r"^About (?:the )?(?P<name>[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$")
MAX_ABOUT_PARAGRAPH_WORDS = 200


def detect(doc: Document) -> Iterator[Verdict]:
    yield from _notices(doc)
    yield from _about(doc)


def _notices(doc: Document) -> Iterator[Verdict]:
    """The lines that are notices on their own: by the native patterns, or by the words of the
    document's language."""
    found = doc.judged["footer"]
    words = vocab.vocabulary(doc.lang)
    if "copyright" in words.lines:
        found = [is_notice or feat.words <= MAX_WORDS and words.match("copyright", text)
                 for is_notice, (text, feat) in zip(found, doc.lines)]
    return (Verdict(i, "copyright") for i, _ in marked(doc, found))


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
