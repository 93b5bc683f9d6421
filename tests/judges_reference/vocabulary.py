"""The Python matching of the vocabularies' sections of lines that src/judges/vocabulary.rs
replaced, kept as the reference its differential test (tests/test_vocab_native.py) compares with."""

from __future__ import annotations

import re

from _text import key

_NUMBER = r"\d+(?: \d+)*"


class Lines:
    """Whole-line entries of one section: exact keys in a set, the rest as one pattern."""

    def __init__(self, entries: tuple[str, ...]):
        self.entries = entries
        exact, patterns = set(), []
        for entry in entries:
            if "*" in entry or "{n}" in entry:
                patterns.append(_entry_pattern(entry))
            else:
                exact.add(key(entry))
        self.exact = frozenset(exact)
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def match(self, text: str) -> bool:
        k = key(text)
        return k in self.exact or (self.pattern is not None and self.pattern.fullmatch(k) is not None)


def _entry_pattern(entry: str) -> str:
    """The regex, over a folded line, of an entry with `*` (any text) and `{n}` (a number)."""
    parts: list[str] = []
    for token in re.split(r"(\*|\{n\})", entry):
        if token == "{n}":
            parts.append(_NUMBER)
        elif token == "*":
            parts.append("*")
        elif key(token):
            parts.append(re.escape(key(token)))
    out = ""
    for n, part in enumerate(parts):
        if part == "*":
            # Any text, spaces included: it may stand for nothing at all.
            out += "(?: .*)?" if n else "(?:.* )?"
            continue
        if n and parts[n - 1] != "*":
            out += " "
        elif n and out.endswith("(?: .*)?"):
            out = out[: -len("(?: .*)?")] + "(?: .* | )"
        out += part
    return out
