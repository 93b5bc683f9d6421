"""Which language a document is in, and how much of a block is made of its function words.

Stopword density is the best single signal that a line is prose rather than a label or a link
(jusText's insight), but only once the language is known. The stoplists are jusText's, kept as
data files in `data/stoplists/<iso code>.txt`; the language is the one whose stoplist covers the
most of the document's words. Scripts without spaces (Chinese, Japanese, Thai) get no stoplist:
the detectors fall back to length and punctuation there.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

WORD = re.compile(r"\w+")
# Han, kana, Thai, Lao, Khmer, Myanmar: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    from importlib import resources  # pulls in pathlib, tempfile, shutil: loaded on first use, not on import

    folder = resources.files("clean") / "data" / "stoplists"
    lists = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            words = entry.read_text(encoding="utf-8").split()
            lists[entry.name[:-4]] = frozenset(w.lower() for w in words)
    return lists


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose stoplist holds it, so detection is one pass over the words."""
    index: dict[str, list[str]] = {}
    for lang, words in sorted(stoplists().items()):
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def detect(text: str, sample: int = 2000) -> str | None:
    """The language code whose stoplist covers most words of `text`, or None when no list
    covers a tenth of them (another language, or a script without spaces)."""
    words = WORD.findall(text[: sample * 8].lower())[:sample]
    if not words:
        return None
    if len(_UNSPACED.findall(text[:2000])) > 0.3 * min(len(text), 2000):
        return None
    index = _index()
    counts = Counter(words)
    hits: dict[str, int] = {}
    # Only the distinct words some stoplist holds are looked up: one set intersection in C
    # instead of a dictionary probe per word.
    for w in counts.keys() & index.keys():
        n = counts[w]
        for lang in index[w]:
            hits[lang] = hits.get(lang, 0) + n
    if not hits:
        return None
    # English words turn up in every language's crawl; a language wins on its own coverage.
    lang = max(sorted(hits), key=hits.__getitem__)
    return lang if hits[lang] >= 0.1 * len(words) else None


def stopwords(lang: str | None) -> frozenset[str]:
    return stoplists().get(lang, frozenset()) if lang else frozenset()


def is_unspaced(text: str) -> bool:
    return len(_UNSPACED.findall(text)) > 0.3 * len(text)
