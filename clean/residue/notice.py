"""Texts that are no article at all: what a crawler got instead of the story.

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

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document

REASONS = ("not-article",)

# The archive's notices, a redirect's and the stand-ins' sentences are judged natively
# (src/judges/notice.rs), line by line; whether a text is nothing but a stand-in is decided here.
# A short line beside a stand-in: its button ("Yes", "Go back") or its title.
MAX_BESIDE_WORDS = 6


def detect(doc: Document) -> Iterator[Verdict]:
    if not any(doc.judged["notice"]):  # almost every text: no line is a notice, no block is
        return
    # per block: None, "stand-in" or "wherever" (the archive's or a redirect's notice)
    found = list(map(doc.judged["notice"].__getitem__, doc.line_of))
    if any(found) and all(kind or f.words <= MAX_BESIDE_WORDS for kind, f in zip(found, doc.feats)):
        yield from (Verdict(i, "not-article") for i in range(len(doc.blocks)))
        return
    for block, kind in zip(doc.blocks, found):
        if kind == "wherever":
            yield Verdict(block.index, "not-article")
