"""Comment sections: a header ("Top Rated Comments", "23 comments", "Leave a comment") and
everything after it, when it comes after the article; or, headed or not, a run of comments
signed the way threads sign them."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from ..article import Verdict
from ..document import Document, Features
from .. import vocab
from ._lines import entries, runs

REASONS = ("comments",)

# What a line's own text says (a header, a note on moderation or on who may comment, what blog
# software prints under a post, a thread's signatures) is judged natively (src/judges/comments.rs);
# where a section starts and ends is read here, from the lines around. Other languages' headers and
# notes are data (the vocabularies' `comments-header` and `comments-note` lines), as long as the
# native judge's.
MAX_HEADER_CHARS, MAX_NOTE_WORDS = 80, 40
# The tail after a header is only comments if the article is behind it: most of the prose, or
# at least a story's worth of it (a lively thread can outweigh a short story).
MIN_BODY_SHARE = 0.5
MIN_BODY_CHARS, MIN_BODY_BLOCKS = 600, 3


# What a thread prints around each comment: its author ("lonespeed says:"), when it was posted
# ("November 19, 2019 at 8:45 am", "2 days ago at 07:52 am"), its votes ("Rating: 36 Votes").
# An article may say "The report says:" before a quotation, and print its own date with a
# time; three posting times or vote counts, each at most a few paragraphs from the next, are
# a thread, wherever it stands and whether a header announces it or not.
_SIGNED, _STAMPED = "author", "stamp"
MIN_STAMPS, MIN_AUTHORS = 3, 3
THREAD_REACH = 8  # blocks from one signature to the next: a comment may run to a few paragraphs


def _lines(doc: Document) -> list[tuple[str | None, str | None, bool]]:
    """What each distinct line is to a comment section (see `_line`), in `doc.lines`' order."""
    words = vocab.vocabulary(doc.lang)
    return [_line(text, feat, found, words) for (text, feat), found in zip(doc.lines, doc.judged["comments"])]


def _line(text: str, feat: Features, found: tuple | None,
          words: vocab.Vocabulary) -> tuple[str | None, str | None, bool]:
    """What the line is to a comment section, from the native judge's answer `found`: its
    signature (`_SIGNED`, `_STAMPED` or None), its kind ("header", "note", "blog-footer" or None)
    and whether it is a count with no thread after it ("0 Comments")."""
    signature, kind, no_thread = found or (None, None, False)
    if signature == "votes" or signature == "posted-at":
        signature = _STAMPED
    if kind != "header" and feat.chars <= MAX_HEADER_CHARS and words.match("comments-header", text):
        kind = "header"
    elif kind in (None, "blog-footer") and feat.words <= MAX_NOTE_WORDS and words.match("comments-note", text):
        kind = "note"
    return signature, kind, no_thread


def _signed_threads(doc: Document, signed: list) -> Iterator[Verdict]:
    prose = list(accumulate((f.chars if f.prose else 0 for f in doc.feats), initial=0))  # prose above each block
    done = 0  # blocks already named
    for run in runs(signed, THREAD_REACH):
        stamps = sum(signed[i] == _STAMPED for i in run)
        authors = len(run) - stamps
        if stamps >= MIN_STAMPS or authors >= MIN_AUTHORS and stamps:
            first, last = entries(run, doc.feats, longest=True)
            # Unsigned replies follow the last signature. A thread under the article, or one
            # that is all the text holds, runs to the end, as under a header; one above the
            # story (a page's "recent comments") ends with its last comment.
            before, inside, after = prose[first], prose[last + 1] - prose[first], prose[-1] - prose[last + 1]
            if before == 0:
                first = done  # short lines above it: the first comment's, or a title over nothing else
            to_end = after <= max(before, inside)
            if to_end:
                last = len(doc.blocks) - 1
            yield from (Verdict(i, "comments", score=0.9) for i in range(max(first, done), last + 1))
            if to_end:
                return
            done = last + 1


def detect(doc: Document) -> Iterator[Verdict]:
    judged = _lines(doc)
    lines = [judged[k] for k in doc.line_of]
    yield from _signed_threads(doc, [signature for signature, _, _ in lines])
    total = doc.prose_chars
    before = blocks_before = 0
    for block, feat, (_, kind, no_thread) in zip(doc.blocks, doc.feats, lines):
        if kind == "header":
            yield Verdict(block.index, "comments")
            story = before >= MIN_BODY_CHARS and blocks_before >= MIN_BODY_BLOCKS
            if total and (before >= MIN_BODY_SHARE * total or story) and not no_thread:
                for later in doc.blocks[block.index + 1:]:
                    yield Verdict(later.index, "comments", score=0.9)
                return
        elif kind is not None:  # a note or a blog's footer: it goes alone
            yield Verdict(block.index, "comments")
        if feat.prose:
            before += feat.chars
            blocks_before += 1
