"""Comment sections: a header ("Top Rated Comments", "23 comments", "Leave a comment") and
everything after it, when it comes after the article; or, headed or not, a run of comments
signed the way threads sign them."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core, vocab
from ..article import Verdict
from ..document import Document

REASONS = ("comments",)

# The family is native (src/judges/comments.rs): what a line's own text says (a header, a note on
# moderation or on who may comment, what blog software prints under a post, a thread's
# signatures), judged for each distinct line in the one call (`Document.judged`), and where a
# section starts and ends, read from the lines around, one call per document (`_core.comments`).
# Their rules, bounds and the reasons for them are written there, beside the code. Other
# languages' headers and notes are data (the vocabularies' `comments-header` and `comments-note`
# lines), matched here and handed over; the crate decides which turn they take among its rules.
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
    words = vocab.vocabulary(doc.lang)
    if "comments-header" not in words.lines and "comments-note" not in words.lines:
        return None
    return [_worded_line(text, feat.chars, feat.words, words) for text, feat in doc.lines]


def _worded_line(text: str, chars: int, n_words: int, words: vocab.Vocabulary) -> str | None:
    if chars <= MAX_HEADER_CHARS and words.match("comments-header", text):
        return "header"
    if n_words <= MAX_NOTE_WORDS and words.match("comments-note", text):
        return "note"
    return None
