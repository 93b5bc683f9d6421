"""The headline at the top, its repeats, and any other line the document says twice.

Extractors often emit the headline once as the title and again above the body (some three
times: og:title, h1, print header). A headline is only certain when it repeats; a lone
title-shaped first line is a candidate that `decide` confirms when real prose follows it, which
keeps cleaning idempotent: the first paragraph of a clean body is never title-shaped.

The family reads the whole document, natively (src/judges/headline.rs, one call per document):
which lines are headline-shaped, their comparison keys, the headline's copies and versions, the
statements said twice, a printed document's running headers, pull quotes and teasers that print a
paragraph's words again, and the first line printed twice. Its rules, their bounds and the
reasons for them are written there, beside the code; this module makes the verdicts.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document

REASONS = ("title", "duplicate-title", "repeated-line")


def detect(doc: Document) -> Iterator[Verdict]:
    blocks = doc.blocks
    for i, reason, score, span in _core.headline(doc.native, doc.line_of):
        # The headline carries its text for the article's metadata.
        yield Verdict(i, reason, score, span, (("title", blocks[i].text),) if reason == "title" else ())
