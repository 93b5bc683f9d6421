"""A segmented document and the per-block features every detector may ask for.

Features are computed once per document here, so detectors stay small and the hot path does
not count words a dozen times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from . import language
from .article import Block
from .segment import segment

# A sentence end, possibly closed by quotes or brackets: `... he said.”` but not `(AP Photo)`.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
# A full stop after a capital letter ends an initial or an abbreviation ("J. Scott", "the U.S.
# President", "the VW ID. SPACE"), rarely a sentence. The mark comes first, its lookbehind after
# it, so the regex engine skips ahead to the next mark instead of trying every position.
_SENTENCE_INSIDE = re.compile(r"[.!?。！？](?<![A-Z]\.)[\"'”’)]?\s+[\"“‘(]?[A-Z0-9À-Þ]")
_WORD = language.WORD


class Features(NamedTuple):
    # A named tuple: one is built per distinct line, and a tuple builds several times faster
    # than a frozen dataclass.
    chars: int
    words: int
    stop_ratio: float  # share of words in the language's stoplist; -1 when the language is unknown
    ends_sentence: bool  # ends like a sentence does
    sentences: int  # sentence boundaries inside the block, plus one when it ends like a sentence
    upper_ratio: float  # share of words starting with a capital: menus are Title Case
    unspaced: bool  # written in a script without spaces (CJK, Thai)
    last: str  # the last visible character
    # Derived from the fields above once, by `features`: every detector asks for them.
    prose: bool  # reads like running text: the unit of an article body
    # Could be a headline, label or subheading: short and not a finished statement. A question
    # or exclamation can still be a headline; a full stop cannot.
    title_shaped: bool


def _prose(chars: int, words: int, stop_ratio: float, ends_sentence: bool, sentences: int, unspaced: bool) -> bool:
    if unspaced:
        return chars >= 30 and ends_sentence
    if words < 8 or not (ends_sentence or sentences > 1):
        return False
    return stop_ratio >= 0.2 or stop_ratio < 0


def _title_shaped(chars: int, words: int, ends_sentence: bool, sentences: int, last: str) -> bool:
    if chars == 0 or chars > 200 or words > 25 or sentences > ends_sentence:
        return False
    return not ends_sentence or last in "?!？！"


def features(text: str, stopwords: frozenset[str]) -> Features:
    words = _WORD.findall(text)
    n = len(words)
    unspaced = not text.isascii() and language.is_unspaced(text)
    stop = sum(map(stopwords.__contains__, map(str.lower, words))) / n if stopwords and n else -1.0
    upper = sum([w[0].isupper() for w in words]) / n if n else 0.0
    m = _SENTENCE_END.search(text)
    ends = bool(m)
    last = text[m.start()] if m else text[-1:]
    sentences = len(_SENTENCE_INSIDE.findall(text)) + ends
    chars = len(text)
    return Features(chars, n, stop, ends, sentences, upper, unspaced, last,
                    _prose(chars, n, stop, ends, sentences, unspaced), _title_shaped(chars, n, ends, sentences, last))


@dataclass(frozen=True)
class Document:
    """The input of every detector: the original text, its blocks and their features."""

    source: str
    blocks: tuple[Block, ...]
    lang: str | None
    feats: tuple[Features, ...]
    # A page repeats its furniture ("Share", "Reply", a byline per teaser): its distinct lines
    # with their features, and for each block, which of them it is.
    lines: tuple[tuple[str, Features], ...]
    line_of: tuple[int, ...]

    @cached_property
    def prose_chars(self) -> int:
        return sum(f.chars for f in self.feats if f.prose)

    def __len__(self) -> int:
        return len(self.blocks)


def build(text: str, newline_token: str | None = None, lang: str | None = None) -> Document:
    blocks = tuple(segment(text, newline_token))
    if lang is None:
        lang = language.detect(" ".join(b.text for b in blocks[:400]))
    stop = language.stopwords(lang)
    # Each distinct line is measured once.
    seen: dict[str, int] = {}
    lines: list[tuple[str, Features]] = []
    line_of = []
    for b in blocks:
        k = seen.get(b.text)
        if k is None:
            k = seen[b.text] = len(lines)
            lines.append((b.text, features(b.text, stop)))
        line_of.append(k)
    feats = tuple(lines[k][1] for k in line_of)
    return Document(text, blocks, lang, feats, tuple(lines), tuple(line_of))
