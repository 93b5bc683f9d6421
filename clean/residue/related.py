"""Pointers to other stories: "Read more: ...", "Related", "Most read" and the list of
headlines under such a header."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key, phrases

REASONS = ("related",)

HEADERS = phrases(
    "related", "related articles", "related stories", "related news", "related content", "related coverage",
    "related posts", "related links", "related reading", "recommended", "recommended for you",
    "recommended stories", "recommended articles", "most read", "most read stories", "most read articles",
    "read more", "read next", "more stories", "more news", "more articles", "more like this",
    "you may also like", "you might also like", "you may be interested in", "also read", "read also",
    "see also", "also on", "more on this story", "more on this topic", "further reading", "popular",
    "popular stories", "popular now", "what to read next", "don't miss", "we recommend", "in other news",
    "elsewhere", "around the web", "from around the web", "from the web", "more from our partners",
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "das könnte sie auch interessieren", "weitere artikel",
    "auch interessant", "mehr dazu", "lire aussi", "à lire aussi", "a lire aussi", "sur le même sujet",
    "lire la suite", "à voir aussi", "leer más", "lee también", "te puede interesar", "también te puede interesar",
    "noticias relacionadas", "más noticias", "leggi anche", "potrebbe interessarti", "leia mais", "leia também",
    "veja também", "相关新闻", "相关阅读", "関連記事",
)
# "Read more: Headline", "READ MORE: ...", "Related: ...", "Lesen Sie auch: ..."
_INLINE = re.compile(
    r"^(?:read more|read also|also read|see also|related|more|recommended|watch|listen|"
    r"lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche|leia mais)"
    r"\s*(?::|»|›|>|—|–|-)\s*\S",
    re.I,
)
# A related-list item is a headline: a few words, no full stop at the end. A price, a one-word
# spec or a "Buy Now" button is not one: the list has ended (what follows a "Don't Miss" on a
# deals page is the deals).
MIN_ITEM_WORDS, MAX_ITEM_WORDS = 2, 20


def detect(doc: Document) -> Iterator[Verdict]:
    i = 0
    n = len(doc.blocks)
    while i < n:
        block, feat = doc.blocks[i], doc.feats[i]
        if feat.chars <= 60 and key(block.text) in HEADERS:
            yield Verdict(i, "related")
            i += 1
            # The list under the header: headline-shaped lines up to the next real paragraph.
            while i < n and _item(doc.feats[i]):
                yield Verdict(i, "related", score=0.9)
                i += 1
            continue
        if feat.words <= 40 and _INLINE.match(block.text):
            yield Verdict(i, "related")
        i += 1


def _item(feat) -> bool:
    return feat.title_shaped and MIN_ITEM_WORDS <= feat.words <= MAX_ITEM_WORDS and feat.upper_ratio > 0
