"""Comment sections: a header ("Top Rated Comments", "23 comments", "Leave a comment") and
everything after it, when it comes after the article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document

REASONS = ("comments",)

_HEADER = re.compile(
    r"^(?:"
    r"(?:top rated|most recent|newest|oldest|best|all|reader|readers'?|view|show|see|read|hide|load)\s+comments?"
    r"|\d[\d,.]*\s+(?:comments?|responses?|replies|kommentare|commentaires|comentarios|commenti)"
    r"|comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)|post a comment|add a comment|write a comment"
    r"|join the (?:conversation|discussion)|comment on this (?:story|article)|have your say"
    r"|kommentare|kommentar schreiben|commentaires|réagir|comentarios|"
    r"deja (?:un|tu) comentario|commenti|comentários"
    r"|you must be logged in to (?:post a )?comment.*|comments are closed.*"
    r")\s*[:.!]?$",
    re.I,
)
# A note on how comments are moderated stands alone (it may close the page with no thread below).
_MODERATION = re.compile(
    r"\b(?:comments? (?:are|is|will be|may be|must be|subject to)\b.{0,60}\bmoderat(?:ed|ion)\b"
    r"|all comments\b.{0,60}\b(?:moderated|reviewed|approved)\b"
    r"|\bmoderat(?:e|es|ing)\s+(?:all\s+|the\s+|reader\s+)?comments\b"
    r"|coment[aá]rios?\b.{0,160}\bmoderad(?:or|os|as)\b|commentaires?\b.{0,160}\bmodér"
    r"|kommentare?\b.{0,160}\bmoderiert|commenti\b.{0,160}\bmoderat)",
    re.I,
)
MAX_NOTE_WORDS = 40
# "0 Comments" is the count beside a byline: no thread follows it, whatever does.
_NO_THREAD = re.compile(r"^0+\s")
# The tail after a header is only comments if the article is behind it: most of the prose, or
# at least a story's worth of it (a lively thread can outweigh a short story).
MIN_BODY_SHARE = 0.5
MIN_BODY_CHARS, MIN_BODY_BLOCKS = 600, 3


def detect(doc: Document) -> Iterator[Verdict]:
    total = doc.prose_chars
    before = blocks_before = 0
    for block, feat in zip(doc.blocks, doc.feats):
        if feat.chars <= 80 and _HEADER.match(block.text):
            yield Verdict(block.index, "comments")
            story = before >= MIN_BODY_CHARS and blocks_before >= MIN_BODY_BLOCKS
            if total and (before >= MIN_BODY_SHARE * total or story) and not _NO_THREAD.match(block.text):
                for later in doc.blocks[block.index + 1:]:
                    yield Verdict(later.index, "comments", score=0.9)
                return
        elif feat.words <= MAX_NOTE_WORDS and _MODERATION.search(block.text):
            yield Verdict(block.index, "comments")
        if feat.prose:
            before += feat.chars
            blocks_before += 1
