"""Comment sections: a header ("Top Rated Comments", "23 comments", "Leave a comment") and
everything after it, when it comes after the article; or, headed or not, a run of comments
signed the way threads sign them."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document

REASONS = ("comments",)

# The family is native (src/judges/comments.rs): what a line's own text says (a header, a note on
# moderation or on who may comment, what blog software prints under a post, a thread's
# signatures), judged for each distinct line in the one call (`Document.judged`), and where a
# section starts and ends, read from the lines around, one call per document (`_core.comments`).
# Their rules, bounds and the reasons for them are written there, beside the code. Other
# languages' headers and notes are data (the vocabularies' `comments-header` and `comments-note`
# lines, matched natively: `Document.worded`), read here and handed over; the crate decides which
# turn they take among its rules.
# The same bounds as the native judge's, for the other languages' headers and notes read here.
MAX_HEADER_CHARS, MAX_NOTE_WORDS = 80, 40


def detect(doc: Document) -> Iterator[Verdict]:
    found = _core.comments(doc.native, doc.line_of, doc.judged["comments"], _worded(doc))
    for i, score in found:
        yield Verdict(i, "comments", score)


def _worded(doc: Document) -> list[str | None] | None:
    """What the document's language's words make of each distinct line: "header" (one of its
    headers over a thread), "note" (one of its notes on moderation or on who may comment), or
    None; None for a language without such words."""
    worded = doc.worded
    if "comments-header" not in worded and "comments-note" not in worded:
        return None
    unlisted = [False] * len(doc.lines)
    headers, notes = (worded.get(section) or unlisted for section in ("comments-header", "comments-note"))
    return [_worded_line(feat.chars, feat.words, header, note)
            for (_, feat), header, note in zip(doc.lines, headers, notes)]


def _worded_line(chars: int, n_words: int, header: bool, note: bool) -> str | None:
    if chars <= MAX_HEADER_CHARS and header:
        return "header"
    if n_words <= MAX_NOTE_WORDS and note:
        return "note"
    return None
