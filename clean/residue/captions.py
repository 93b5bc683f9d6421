"""Photo and video captions and their credits, on their own line or glued into a paragraph.

Captions are kept as metadata (`Article.captions`); credits are dropped. Glued residue
("Image copyright Getty Images Image caption ..." in BBC scrapes, "Above: ... Image Credit: ..."
in VentureBeat ones) is cut out as a span so the sentence around it survives.

The family is native (src/judges/captions.rs): what a line's own text says is judged for each
distinct line in the one call of `Document.judged`, and the rest in one call per document
(`_core.captions`): the lines that judge leaves open (a caption closed by a copyright sign, a
credit named by its slashes) and what the lines around tell (a caption printed again under a share
bar, a label above its caption or credit, a video's title, a gallery's tagged captions, a caption
closed by a name, a credit printed alone between paragraphs). Its rules, their bounds and the
reasons for them are written there, beside the code. This module reads the language's data (its
credit openers and caption labels, `vocab`), hands the lines it takes over, and makes the
verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import _core, vocab
from ..article import Verdict
from ..document import Document

REASONS = ("caption", "credit")

MAX_CREDIT_LINE_CHARS = 160
MAX_LABEL_WORDS = 3


@lru_cache(maxsize=None)
def _credit_opener(lang: str | None) -> re.Pattern | None:
    """"Foto: dpa", "Crédit photo © X", "Bild/Quelle: X": a language's credit openers, then a
    separator and the credit."""
    credit = vocab.vocabulary(lang).opener_pattern("credit")
    return re.compile(r"^\(?\s*(?:" + credit + r")\s*(?::|©|/|\|)\s*\S", re.I) if credit is not None else None


def _vocabulary_lines(doc: Document) -> tuple[list[int], list[int]]:
    """The distinct lines the language's data takes for a credit alone on its line (opened by one
    of its credit openers, of a credit's length and not prose) and for a caption's label (of a
    label's few words)."""
    opener = _credit_opener(doc.lang)
    openers = [k for k, (text, f) in enumerate(doc.lines)
               if f.chars <= MAX_CREDIT_LINE_CHARS and not f.prose and opener.match(text)] if opener else []
    named = doc.worded.get("caption-label")
    labels = [k for k, (_, f) in enumerate(doc.lines) if f.words <= MAX_LABEL_WORDS and named[k]] if named else []
    return openers, labels


def detect(doc: Document) -> Iterator[Verdict]:
    blocks = doc.blocks
    openers, labels = _vocabulary_lines(doc)
    for i, reason, span, caption in _core.captions(doc.native, doc.line_of, doc.judged["captions"], openers, labels):
        # A caption carries its text for the article's metadata.
        yield Verdict(i, reason, span=span,
                      meta=(("caption", blocks[i].text[caption[0]:caption[1]]),) if caption is not None else ())
