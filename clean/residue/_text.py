"""Small text helpers shared by the detectors."""

from __future__ import annotations

import re
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+")


# The detectors ask for the key of the same blocks again and again (on the dev set, 18 calls per
# distinct string): a bounded memo of a pure function, which never changes a result.
@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """A comparison key: case, punctuation and spacing folded ("TOP STORIES:" == "Top stories")."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def phrases(*items: str) -> frozenset[str]:
    """A set of comparison keys, so label lists can be written as people see them."""
    return frozenset(key(i) for i in items)
