"""Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
"iPad and iPhone are registered trademarks of Apple Inc.", and a press release's "About Acme"
closing it."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document

REASONS = ("copyright",)

# The family is native (src/judges/footer.rs): the notices a line's own text makes, judged for
# each distinct line in the one call (`Document.judged`), and a press release's "About Acme"
# heading with the paragraph on Acme under it, one call per document (`_core.footer`). The words
# of other languages' notices are data (clean/data/residue/, matched natively: `Document.worded`),
# read here up to as many words as the patterns' copyright lines, and handed over.
MAX_WORDS = 60


def detect(doc: Document) -> Iterator[Verdict]:
    for i, score, where in _core.footer(doc.native, doc.line_of, doc.judged["footer"], _worded(doc)):
        yield Verdict(i, "copyright", score, where=where)


def _worded(doc: Document) -> list[bool] | None:
    """Whether the document's language's words take each distinct line the patterns do not for
    a notice; None for a language without such words."""
    notices = doc.worded.get("copyright")
    if notices is None:
        return None
    return [not is_notice and feat.words <= MAX_WORDS and named
            for is_notice, (_, feat), named in zip(doc.judged["footer"], doc.lines, notices)]
