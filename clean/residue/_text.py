"""Small text helpers shared by the detectors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

_NON_WORD = re.compile(r"[\W_]+")

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
    """A comparison key: case, punctuation and spacing folded ("TOP STORIES:" == "Top stories")."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def phrases(*items: str) -> frozenset[str]:
    """A set of comparison keys, so label lists can be written as people see them."""
    return frozenset(key(i) for i in items)


# Letters that ignore-case matching takes for a Latin letter and `str.lower` does not: dotted
# capital I (lowered to two characters), dotless i, long s and the Kelvin sign.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f\u212a]")


class Hinted:
    """A search pattern tried on nearly every line and matching few, behind a cheap test: every
    match holds one of `hints` (literals of the pattern), so a line holding none is not searched.

    A case-sensitive pattern's hints are looked for as they are written. For an ignore-case
    pattern, they are looked for in the lower-cased line: `str.lower` folds every letter the
    way ignore-case matching does, but for the few in `_FOLDS_APART`, so a line holding one of
    those is tested with the hints as an ignore-case pattern instead. Hints are written in
    Latin letters, which is what makes those few the only ones.
    """

    def __init__(self, pattern: re.Pattern, hints: tuple[str, ...]):
        self.pattern = pattern
        self.ignore_case = bool(pattern.flags & re.I)
        self.hints = tuple(h.lower() for h in hints) if self.ignore_case else tuple(hints)

    @cached_property
    def _hint(self) -> re.Pattern:
        # Compiled on first need, which few lines have: compiling costs import time.
        return re.compile("|".join(map(re.escape, self.hints)), re.I)

    def may_match(self, text: str) -> bool:
        # Plain loops: this runs for every gate on every line, and `any()` over a generator
        # costs twice as much.
        if not self.ignore_case:
            for hint in self.hints:
                if hint in text:
                    return True
            return False
        lowered = text.lower()
        for hint in self.hints:
            if hint in lowered:
                return True
        return not text.isascii() and _FOLDS_APART.search(text) is not None and self._hint.search(text) is not None

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())
