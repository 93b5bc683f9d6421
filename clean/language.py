"""Which language a document is in, and how much of a block is made of its function words.

Stopword density is the best single signal that a line is prose rather than a label or a link
(jusText's insight), but only once the language is known. The stoplists are jusText's, kept as
data files in `data/stoplists/<iso code>.txt`; the language is the one whose stoplist covers the
most of the document's words. Scripts without spaces (Chinese, Japanese, Thai) get no stoplist:
the detectors fall back to length and punctuation there.

The counting is native (src/lines.rs, `Languages`): the lists are read here, once, and handed
to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _core

# A word as the native code counts one (a run of `\w`), for those who compare word sets in Python.
WORD = re.compile(r"\w+")


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
def _languages() -> _core.Languages:
    return _core.Languages(stoplists())


def detect(text: str, sample: int = 2000) -> str | None:
    """The language code whose stoplist covers most of the first `sample` words of `text`, or
    None when no list covers a tenth of them (another language, or a script without spaces)."""
    return _languages().detect(text, sample)


def stopwords(lang: str | None) -> frozenset[str]:
    return stoplists().get(lang, frozenset()) if lang else frozenset()

