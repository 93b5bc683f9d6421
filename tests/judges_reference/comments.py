"""The Python comments family that src/judges/comments.rs replaced, as it was, for
tests/test_judges_native.py to hold the native one against: the line judge (its patterns searched
directly: the hint gates in front of them only saved time), what the line is to a comment
section, and `detect`, which reads the lines around (where a section starts and ends, the
threads). Delete it with that test once the port is done.

Comment sections: a header ("Top Rated Comments", "23 comments", "Leave a comment") and
everything after it, when it comes after the article; or, headed or not, a run of comments
signed the way threads sign them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from clean import vocab
from clean.article import Verdict
from clean.document import Document, Features
from clean.residue.metadata import is_age, is_date

from runs import entries, runs  # the reference beside this one (this directory)

REASONS = ("comments",)

_HEADER = re.compile(
    r"^(?:"
    r"(?:top rated|most recent|newest|oldest|best|all|reader|readers'?|view|show|see|read|hide|load)\s+comments?"
    r"|\d[\d,.]*\s+(?:comments?|responses?|replies|kommentare|commentaires|comentarios|commenti)"
    # WordPress's "3 Responses to “<post title>”", "One thought on “...”": the title quoted, or
    # on the next line.
    r"|(?:\d[\d,.]*|one|no)\s+(?:comments?|responses?|replies|thoughts?)\s+(?:to|on)(?:\s*[“\"„«‘'].{1,100})?"
    r"|comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)(?:\s+cancel reply)?|post a comment|add a comment|write a comment"
    r"|join the (?:conversation|discussion)|comment on this (?:story|article)|have your say"
    r"|kommentare|kommentar schreiben|commentaires|réagir|comentarios|"
    r"deja (?:un|tu) comentario|commenti|comentários"
    r"|you must be logged in to (?:post a )?comment.*|comments are closed.*"
    # "Discuss this topic in the ReelViews Forums.", "Have something to add to this story? Share
    # it in the comments."
    r"|discuss this (?:topic|story|article|post)\b.{0,60}|.{0,60}\bshare it in the comments"
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
# So does a note on who may comment, however long the form's wording runs ("You need to be
# signed in to a registered account to leave a reply."): what follows it is not a thread.
# Other languages' notes are the vocabularies' `comments-note` lines.
_LOGIN_NOTE = re.compile(
    r"^(?:(?:sorry,?\s+)?you (?:must|need to|have to) (?:be (?:logged[\s-]?in|signed[\s-]?in|registered|a registered user"
    r"|a member)|log[\s-]?in|sign[\s-]?in|register)|(?:please\s+)?(?:log[\s-]?in|sign[\s-]?in|register))\b.{0,80}?"
    r"\bto (?:post|leave|add|write|make|submit|view) (?:a |your )?(?:comments?|reply|replies|response)\b[^.!?]{0,40}[.!]?$"
    r"|^only (?:registered|logged[\s-]in|signed[\s-]in) (?:users|members|readers) (?:can|may) (?:post |leave |add |write )?"
    r"(?:a )?(?:comments?|reply|comment)\b[^.!?]{0,40}[.!]?$",
    re.I,
)
# What blog software prints under a post, with or without a thread: "No Comments »", "You can
# follow any responses to this entry through the RSS 2.0 feed.", "You can leave a response, or
# trackback from your own site.", "Both comments and pings are currently closed."
_BLOG_FOOTER = re.compile(
    r"^(?:(?:no|one|\d+)\s+(?:comments?|responses?|replies)(?:\s+so far)?\s*[»›>]+"
    r"|you can (?:follow any responses to this entry\b|leave a response\b|skip to the end and leave a response\b)"
    r"|(?:both )?comments and pings are (?:currently )?closed\b|responses are currently closed\b"
    r"|(?:comments|responses) rss\b|subscribe to comments\b)",
    re.I,
)
MAX_BLOG_FOOTER_WORDS = 30
# "0 Comments" is the count beside a byline: no thread follows it, whatever does.
_NO_THREAD = re.compile(r"^0+\s")


# What a thread prints around each comment: its author ("lonespeed says:"), when it was posted
# ("November 19, 2019 at 8:45 am", "2 days ago at 07:52 am"), its votes ("Rating: 36 Votes").
# An article may say "The report says:" before a quotation, and print its own date with a
# time; three posting times or vote counts, each at most a few paragraphs from the next, are
# a thread, wherever it stands and whether a header announces it or not.
_AUTHOR = re.compile(r"^\S.{0,40}?\s(?:says|said|wrote|writes|dit|écrit|schreibt|dice|escribió|disse|escreveu)\s*:$", re.I)
MAX_AUTHOR_WORDS = 6
_POSTED_AT = re.compile(r"\s(?:at|@|à|um|a las|alle|às)\s+\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?\s?m\.?)?$", re.I)
_VOTES = re.compile(r"^(?:rating:\s*[-+]?\d+\s+votes?|[-+]?\d+\s+(?:up|down)votes?)$", re.I)
_SIGNED, _STAMPED = "author", "stamp"
MIN_STAMPS, MIN_AUTHORS = 3, 3
MAX_SIGNATURE_WORDS = 12
THREAD_REACH = 8  # blocks from one signature to the next: a comment may run to a few paragraphs


def _signature(text: str, feat) -> str | None:
    if feat.words > MAX_SIGNATURE_WORDS:
        return None
    if feat.words <= MAX_AUTHOR_WORDS and _AUTHOR.match(text):
        return _SIGNED
    if _VOTES.match(text) or _POSTED_AT.search(text) and (is_date(text) or is_age(text)):
        return _STAMPED
    return None


def lines(doc: Document) -> list[tuple[str | None, str | None, bool]]:
    """What each distinct line of the document is to a comment section."""
    words = vocab.vocabulary(doc.lang)
    return [_line(text, feat, words) for text, feat in doc.lines]


def _line(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> tuple[str | None, str | None, bool]:
    """What `detect` asked of the line, in its order: a header, else a note, else a blog's footer."""
    if feat.chars <= 80 and (_HEADER.match(text) or words.match("comments-header", text)):
        kind = "header"
    elif feat.words <= MAX_NOTE_WORDS and (_MODERATION.search(text) or _LOGIN_NOTE.search(text)
                                           or words.match("comments-note", text)):
        kind = "note"
    elif feat.words <= MAX_BLOG_FOOTER_WORDS and _BLOG_FOOTER.match(text):
        kind = "blog-footer"
    else:
        kind = None
    return _signature(text, feat), kind, _NO_THREAD.match(text) is not None


# The tail after a header is only comments if the article is behind it: most of the prose, or
# at least a story's worth of it (a lively thread can outweigh a short story).
MIN_BODY_SHARE = 0.5
MIN_BODY_CHARS, MIN_BODY_BLOCKS = 600, 3


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
    judged = lines(doc)
    found = [judged[k] for k in doc.line_of]
    yield from _signed_threads(doc, [signature for signature, _, _ in found])
    total = doc.prose_chars
    before = blocks_before = 0
    for block, feat, (_, kind, no_thread) in zip(doc.blocks, doc.feats, found):
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
