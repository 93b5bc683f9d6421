"""Pointers to other stories: "Read more: ...", "Related", "Most read" and the list of
headlines under such a header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import _core, language, vocab
from ..article import Verdict
from ..document import Document, Features, _stoplist

REASONS = ("related",)

# The family is native (src/judges/related.rs): what a line's own text says (the headers over a
# list and the site's more-stories headers, pointers to other stories on a line of their own or
# glued into it, teasers under a kicker, cut by their link, stamped, in capitals or tagged, a
# page running on into its list, a teaser's headline glued to its summary), judged for each
# distinct line in the one call (`Document.judged`), and the rules that read the lines around
# (the list under a header, runs of teasers, cut summaries, counted and stamped headlines,
# headlines left after the story's last paragraph), one call per document (`_core.related`).
# Their rules, bounds and the reasons for them are written there, beside the code. Other
# languages' headers and "read also" openers are data (clean/data/residue/<lang>.txt: the
# [related-header] lines matched natively, `Document.worded`; the [related] openers matched
# here), handed over; the crate decides which turn they take among its rules. The same bounds
# as the native judge's (`MAX_HEADER_CHARS`, `MAX_INLINE_WORDS`), for the other languages'
# headers and openers read here.
MAX_HEADER_CHARS = 60
MAX_INLINE_WORDS = 40


def detect(doc: Document) -> Iterator[Verdict]:
    found = _core.related(doc.native, doc.line_of, doc.judged["related"], _worded(doc),
                          _stoplist(language.stopwords(doc.lang)))
    for i, score, span, where in found:
        yield Verdict(i, "related", score, span, (), where)


# Made once per language, not per document, as the credit openers are (`captions`).
@lru_cache(maxsize=None)
def _pointer_pattern(lang: str | None) -> re.Pattern | None:
    """A language's "read also" openers, a separator and a headline: "Lire aussi | ...",
    "Lesen Sie auch: ...", "Lire le reportage | ..." (a few words may come before the separator)."""
    openers = vocab.vocabulary(lang).opener_pattern("related")
    if openers is None:
        return None
    return re.compile(r"^[(\[]?(?:" + openers + r")(?:\s+[^:|»›>\n]{1,30}?)?\s*(?::|\||»|›|>|—|–|-)\s*\S", re.I)


def _worded(doc: Document) -> list[str | None] | None:
    """What the document's language's words make of each distinct line: "header" (one of its
    headers over a list), "pointer" (opened by one of its "read also" openers), or None; None
    for a language without such words."""
    words = vocab.vocabulary(doc.lang)
    if not (words.lines or words.openers):
        return None
    pointer = _pointer_pattern(doc.lang)
    headers = doc.worded.get("related-header") or [False] * len(doc.lines)
    return [_worded_line(text, feat, header, pointer) for (text, feat), header in zip(doc.lines, headers)]


def _worded_line(text: str, feat: Features, header: bool, pointer: re.Pattern | None) -> str | None:
    if feat.chars <= MAX_HEADER_CHARS and header:
        return "header"
    if feat.words <= MAX_INLINE_WORDS and pointer is not None and pointer.match(text):
        return "pointer"
    return None
