"""Small text helpers shared by the detectors."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


class Hinted:
    """A search pattern tried on nearly every line and matching few, behind a cheap test: every
    match holds one of `hints` (literals of the pattern), so a line holding none is not searched.

    A case-sensitive pattern's hints are looked for as they are written. For an ignore-case
    pattern, they are looked for in the lower-cased line: `str.lower` folds every letter the
    way ignore-case matching does, but for four (dotted capital I, dotless i, long s and the
    Kelvin sign), so a line holding one of those is also tested with the hints as an ignore-case
    pattern. Hints are written in Latin letters, which is what makes those few the only ones.

    Every gate's hints are looked for at once, in one Aho–Corasick pass over each distinct line
    (src/hints.rs), and the detectors ask for the same lines one family after another: which
    gates a line opens is kept for the last lines seen.
    """

    def __init__(self, pattern: re.Pattern, hints: tuple[str, ...]):
        if not hints or not all(hints):
            raise ValueError("a Hinted pattern needs hints, none of them empty")
        self.pattern = pattern
        self.ignore_case = bool(pattern.flags & re.I)
        self.hints = tuple(hints)
        self._gate = _GATES.add(self)

    def may_match(self, text: str) -> bool:
        return _GATES.open(text)[self._gate]

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if _GATES.open(text)[self._gate] else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.pattern.finditer(text) if _GATES.open(text)[self._gate] else iter(())


class _Gates:
    """Every Hinted made, and which of them a line opens. The native automaton is built on first
    need, over the gates made by then (the residue modules make theirs on import), and again if
    one is made later."""

    def __init__(self) -> None:
        self._gates: list[Hinted] = []
        self._native: _core.Gates | None = None
        # A bounded memo of a pure function: a line's open gates, for as many distinct lines as
        # a long page holds, so each family's judges find what the first one computed.
        self.open = lru_cache(maxsize=8192)(self._open)

    def add(self, gate: Hinted) -> int:
        self._gates.append(gate)
        self._native = None
        self.open.cache_clear()
        return len(self._gates) - 1

    def _open(self, text: str) -> tuple[bool, ...]:
        native = self._native
        if native is None:
            native = self._native = _core.Gates([(g.hints, g.ignore_case) for g in self._gates])
        return native.open(text)


_GATES = _Gates()
