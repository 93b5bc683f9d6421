"""The Python line features, language guess and comparison key that the native core
(src/lines.rs) replaced, as they were, for tests/test_lines_native.py to hold the
native ones against. Delete it with that test once the port is done."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from clean import language
from clean.document import Features

WORD = re.compile(r"\w+")
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_SENTENCE_INSIDE = re.compile(r"[.!?。！？](?<![A-Z]\.)[\"'”’)]?\s+[\"“‘(]?[A-Z0-9À-Þ]")


def is_unspaced(text: str) -> bool:
    return len(_UNSPACED.findall(text)) > 0.3 * len(text)


def _prose(chars, words, stop_ratio, ends_sentence, sentences, unspaced) -> bool:
    if unspaced:
        return chars >= 30 and ends_sentence
    if words < 8 or not (ends_sentence or sentences > 1):
        return False
    return stop_ratio >= 0.2 or stop_ratio < 0


def _title_shaped(chars, words, ends_sentence, sentences, last) -> bool:
    if chars == 0 or chars > 200 or words > 25 or sentences > ends_sentence:
        return False
    return not ends_sentence or last in "?!？！"


def features(text: str, stopwords: frozenset[str]) -> Features:
    words = WORD.findall(text)
    n = len(words)
    unspaced = not text.isascii() and is_unspaced(text)
    stop = sum(map(stopwords.__contains__, map(str.lower, words))) / n if stopwords and n else -1.0
    upper = sum([w[0].isupper() for w in words]) / n if n else 0.0
    m = _SENTENCE_END.search(text)
    ends = bool(m)
    last = text[m.start()] if m else text[-1:]
    sentences = len(_SENTENCE_INSIDE.findall(text)) + ends
    chars = len(text)
    return Features(chars, n, stop, ends, sentences, upper, unspaced, last,
                    _prose(chars, n, stop, ends, sentences, unspaced), _title_shaped(chars, n, ends, sentences, last))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, words in sorted(language.stoplists().items()):
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def detect(text: str, sample: int = 2000) -> str | None:
    words = WORD.findall(text[: sample * 8].lower())[:sample]
    if not words:
        return None
    if len(_UNSPACED.findall(text[:2000])) > 0.3 * min(len(text), 2000):
        return None
    index = _index()
    counts = Counter(words)
    hits: dict[str, int] = {}
    for w in counts.keys() & index.keys():
        n = counts[w]
        for lang in index[w]:
            hits[lang] = hits.get(lang, 0) + n
    if not hits:
        return None
    lang = max(sorted(hits), key=hits.__getitem__)
    return lang if hits[lang] >= 0.1 * len(words) else None


_NON_WORD = re.compile(r"[\W_]+")


def key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()
