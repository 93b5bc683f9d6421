"""A segmented document and the per-block features every detector may ask for.

Features are computed once per distinct line here, so detectors stay small and the hot path
does not count words a dozen times. The measuring is native (src/lines.rs, through
`clean._core`), with Python's own `\\w`, `str.lower` and `str.isupper`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import _core, language, vocab
from .article import Block
from .segment import segment


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


_new = tuple.__new__


# The stoplists a document may ask for, as the native core holds them: a frozenset's hash is
# kept with it, so the lookup is cheap.
@lru_cache(maxsize=32)
def _stoplist(stopwords: frozenset[str]) -> _core.Stoplist:
    return _core.Stoplist(stopwords)


@lru_cache(maxsize=32)
def _seams(lang: str | None) -> _core.Stoplist:
    """The words a sentence capitalises only at its start in a language, as the native core holds
    them: the vocabulary's `seam-words` (a language that capitalises its nouns puts capitalised
    stoplist words in the middle of every sentence), else its stoplist."""
    return _core.Stoplist(vocab.vocabulary(lang).words.get("seam-words") or language.stopwords(lang))


def _dates() -> _core.DateWords:
    """Every language's date words, as the native core holds them (`metadata.date_words`)."""
    from .residue.metadata import date_words  # the residue package imports this module

    return date_words()


def features(text: str, stopwords: frozenset[str]) -> Features:
    """The features of one line (src/lines.rs); `stopwords` are the language's, lower-cased."""
    return _new(Features, _core.features(text, _stoplist(stopwords)))


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
    # The same lines as the native core holds them, when it measured them for this document.
    held: _core.Lines | None = field(default=None, repr=False, compare=False)

    @cached_property
    def native(self) -> _core.Lines:
        """The distinct lines as the families' native calls read them: handed over once, not
        read again from `lines` by each call."""
        return self.held if self.held is not None else _core.Lines(self.lines)

    @cached_property
    def judged(self) -> dict[str, list]:
        """What the native line judges (src/judges/) say of each distinct line: for every family
        whose judge is native, its answer per line of `lines`. All of them are judged in one call,
        when a detector first asks."""
        return _core.judge_lines(self.native, _seams(self.lang), _dates())

    @cached_property
    def worded(self) -> dict[str, list[bool]]:
        """What the document's language's vocabulary (clean/vocab.py) says of each distinct
        line: for every section of whole lines it has, whether it lists each line of `lines`;
        empty for a language without one. Every section is matched in one native call, when a
        family first asks."""
        return vocab.vocabulary(self.lang).judge(self.native)

    @cached_property
    def page(self) -> _core.Page:
        """The blocks as the native core weighs a page dump (src/main_content.rs, the main block;
        src/block_model.rs, the block model): handed over once, when first asked."""
        return _core.Page(self.native, self.line_of, self.blocks)

    @cached_property
    def prose_chars(self) -> int:
        return sum(f.chars for f in self.feats if f.prose)

    def __len__(self) -> int:
        return len(self.blocks)


def build(text: str, newline_token: str | None = None, lang: str | None = None) -> Document:
    blocks = tuple(segment(text, newline_token))
    if lang is None:
        lang = language.detect(" ".join(b.text for b in blocks[:400]))
    # Each distinct line is measured once; the core hands back the document's tuples made.
    lines, feats, line_of, held = _core.lines([b.text for b in blocks], _stoplist(language.stopwords(lang)), Features)
    return Document(text, blocks, lang, feats, lines, line_of, held)
