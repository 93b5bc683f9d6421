"""Small text helpers shared by the detectors."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[\W_]+")


def key(text: str) -> str:
    """A comparison key: case, punctuation and spacing folded ("TOP STORIES:" == "Top stories")."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def phrases(*items: str) -> frozenset[str]:
    """A set of comparison keys, so label lists can be written as people see them."""
    return frozenset(key(i) for i in items)
