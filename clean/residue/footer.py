"""Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
"iPad and iPhone are registered trademarks of Apple Inc."."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features
from .. import _core, vocab
from ._lines import LINE, each_line

REASONS = ("copyright",)

# The patterns are native (src/judges/footer.rs); the words of other languages' notices are
# data (clean/data/residue/), up to as many words as the patterns' copyright lines.
MAX_WORDS = 60


def detect(doc: Document) -> Iterator[Verdict]:
    words = vocab.vocabulary(doc.lang)
    if "copyright" in words.lines:
        return each_line(doc, lambda text, feat: _judge(text, feat, words))
    return each_line(doc, _judge)


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    if _core.footer(text, feat.words) or feat.words <= MAX_WORDS and words.match("copyright", text):
        yield Verdict(LINE, "copyright")
