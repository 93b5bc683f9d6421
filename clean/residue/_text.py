"""Small text helpers shared by the detectors."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import _core

# A story's first paragraph opened by its dateline and a wire's name: "WASHINGTON (AP) —",
# "NEW ORLEANS (AP) — The Latest on ...", "(CNN)". A line so opened is the story's own text,
# whatever its shape.
DATELINE_OPENING = re.compile(
    r"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Za-z.'’-]+){0,5}\s*)?\((?:AP|CNN|Reuters|AFP|UPI)\)(?:\s*[—–-]|\s|$)"
)


# The detectors ask for the key of the same blocks again and again (on the dev set, 18 calls per
# distinct string): a bounded memo of a pure function, which never changes a result.
@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """A comparison key: case, punctuation and spacing folded ("TOP STORIES:" == "Top stories"):
    `str.casefold`, every run of characters other than letters and digits one space, none at
    either end (src/lines.rs)."""
    return _core.key(text)


def phrases(*items: str) -> frozenset[str]:
    """A set of comparison keys, so label lists can be written as people see them."""
    return frozenset(key(i) for i in items)
