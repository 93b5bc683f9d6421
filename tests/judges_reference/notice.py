"""The Python judge that src/judges/notice.rs replaced, as it was, for tests/test_judges_native.py
to hold the native one against (its patterns searched directly: the hint gates in front of
them only saved time; `_judge` is the line's part of `detect`, for the test). Delete it with that
test once the port is done.

Texts that are no article at all: what a crawler got instead of the story.

A corpus built from archived links holds stand-ins where the page was not archived or not
served: a redirect's "please wait" page, the Internet Archive's notice about its crawls ("Starting in 1996, Alexa Internet has
been donating their crawl data to the Internet Archive ..."), an error page ("Page not found"),
a browser check ("We've detected that JavaScript is disabled in your browser ..."), a site's
"email this page" form. Such a text is residue from its first line to its last.

A sentence of the kind can also be quoted in a real story ("the page you requested could not be
found", the site told readers), so the notice removes a text only when the stand-in is all there
is: every block a stand-in's sentence or a short line (a button, a label), none of it other
prose. The archive's own notices are the exception: their fixed wording is never a story's, and
they go wherever they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document

REASONS = ("not-article",)

# The Internet Archive's notices, word for word as it prints them in place of a page.
_ARCHIVE = re.compile(
    r"^Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive\b"
    r"|^These crawls are part of an effort to archive pages as they are created and archive the pages\b"
    r"|^This is a set of web collections curated by\b.{0,200}\bInternet Archive\b",
)
# What a page that forwards the browser elsewhere prints while it does ("Please wait while you
# are redirected...or Click Here if you do not want to wait."): a story never says it of itself,
# so it goes wherever it stands, like the archive's notices.
_REDIRECT = re.compile(
    r"^(?:please wait while you are (?:being )?redirected|you are (?:now )?being redirected)(?:\s+to\s+[^,.!?]{1,80})?"
    r"\s*(?:[.!…]+|$)\s*(?:$|or\b|if you\b|click\b)", re.I,
)

# What an error page, a browser check or a sharing form says instead of the story.
_STAND_IN = re.compile(
    r"\b(?:the )?page (?:(?:that )?you (?:are|were|'re) looking for|you requested|you have requested)\b.{0,40}\b"
    r"(?:could not be found|cannot be found|can't be found|does not exist|doesn't exist|is no longer available|"
    r"has been (?:moved|removed|deleted))"
    r"|^(?:error\s+)?404\b|^(?:sorry,?\s+)?(?:this\s+|the\s+)?page (?:was )?not found\b|^not found\b"
    r"|^access denied\b|^forbidden\b|\byou don't have permission to access\b"
    r"|\b(?:javascript|cookies) (?:is|are|seems? to be) (?:disabled|not enabled|turned off)\b"
    r"|\bplease (?:enable|turn on) (?:javascript|cookies)\b|\byou need to enable javascript\b"
    r"|^thank you for your interest in spreading the word\b"
    r"|\bwe only request your email address so that the person you are recommending the page to\b",
    re.I,
)
# A short line beside a stand-in: its button ("Yes", "Go back") or its title.
MAX_BESIDE_WORDS = 6


def _judge(text: str) -> str | None:
    """The line's part of `detect` below, as the native judge answers it."""
    if _ARCHIVE.search(text) or _REDIRECT.search(text):
        return "wherever"
    return "stand-in" if _STAND_IN.search(text) else None


def detect(doc: Document) -> Iterator[Verdict]:
    stand_in = [bool(_ARCHIVE.search(b.text) or _REDIRECT.search(b.text) or _STAND_IN.search(b.text))
                for b in doc.blocks]
    if any(stand_in) and all(s or f.words <= MAX_BESIDE_WORDS for s, f in zip(stand_in, doc.feats)):
        yield from (Verdict(i, "not-article") for i in range(len(doc.blocks)))
        return
    for block in doc.blocks:
        if _ARCHIVE.search(block.text) or _REDIRECT.search(block.text):
            yield Verdict(block.index, "not-article")
