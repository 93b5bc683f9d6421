"""The Python rules of the navigation family that src/judges/navigation.rs `detect` replaced, as
they were, for tests/test_judges_native.py to hold the native one against: the lines that are
furniture on their own (the native line judge's answer, or the language's words) and the tag
lists split over lines. Delete it with that test once the port is done.

Section labels, menus and breadcrumbs: the page's furniture, not its story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean import vocab
from clean.article import Verdict
from clean.document import Document, Features
from clean.residue._lines import marked

REASONS = ("nav-label",)

# What a line's own text says (labels, a site's links to itself, tag lists, a post's categories,
# counts of results, hatnotes, pagers, breadcrumbs, gallery counters, a wiki's edit links) is
# judged natively (src/judges/navigation.rs). Other languages' labels are data
# (clean/data/residue/<lang>.txt, section [nav-label]), read here for the short lines the native
# judge leaves open. A kicker ("SINGER SCANDAL", "gungate") is furniture only where the text
# opens: between paragraphs the same line is a subheading.


def detect(doc: Document) -> Iterator[Verdict]:
    yield from _lines(doc)
    yield from _split_tag_lists(doc)


def _lines(doc: Document) -> Iterator[Verdict]:
    """The lines that are furniture on their own: by the native judge, or by the words of the
    document's language."""
    words = vocab.vocabulary(doc.lang)
    judged = [_line(text, found, words) for (text, _), found in zip(doc.lines, doc.judged["navigation"])]
    for i, (span, where) in marked(doc, judged):
        yield Verdict(i, "nav-label", score=0.5, where=where) if where else Verdict(i, "nav-label", span=span)


def _line(text: str, found: tuple | None, words: vocab.Vocabulary) -> tuple | None:
    """The line's (span, where), from the native judge's answer `found`: a short line no pattern
    took is a label if the language's words have it, before a wiki's edit link is cut from it;
    `where` names the place a line is residue only at (a pager's tail, a kicker's head)."""
    kind, span = found or (None, None)
    if kind == "label" or kind in ("open", "kicker", "edit") and words.lines and words.match("nav-label", text):
        return None, None
    if kind == "pager":
        return None, "tail"
    if kind == "kicker":
        return None, "head"
    if kind == "edit":
        return span, None
    return None


# The same list with each tag a link on a line of its own: "Filed Under:" / "Eastern Equine
# Encephalitis," / "EEE, health," / "mosquito-borne virus". A bare tag header, then short lines
# closed by commas, and the last tag.
_TAG_HEADER = re.compile(
    r"^(?:tags?|tagged(?: with| in)?|topics|keywords|filed under|categories|schlagwörter|themen|mots[- ]clés|"
    r"etiquetas|temas|argomenti|palavras-chave)\s*:?$",
    re.I,
)
# A tag is as short as one of a list on one line (src/judges/navigation.rs).
MAX_TAG_WORDS = 6


def _split_tag_lists(doc: Document) -> Iterator[Verdict]:
    n = len(doc.blocks)
    for i in range(n - 1):
        if doc.feats[i].chars <= 20 and _TAG_HEADER.match(doc.blocks[i].text):
            j = i + 1
            while j < n and _tag(doc.feats[j]) and doc.blocks[j].text.endswith(","):
                j += 1
            if j > i + 1 and j < n and _tag(doc.feats[j]):
                yield from (Verdict(k, "nav-label") for k in range(i, j + 1))


def _tag(feat: Features) -> bool:
    return 0 < feat.words <= MAX_TAG_WORDS and not feat.ends_sentence

