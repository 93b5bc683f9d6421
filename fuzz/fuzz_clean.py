#!/usr/bin/env python3
"""Fuzz the cleaning core with atheris: any text, several option sets, the core's invariants.

    pip install atheris
    python fuzz/fuzz_clean.py -max_total_time=600 -timeout=30 -dict=fuzz/clean.dict fuzz/corpus-clean

Each input picks an option set and is read as text that may hold any code point, lone
surrogates included (JSON can carry them). Cleaning must not raise, must not invent text
(whitespace aside, the body is a subsequence of the input), must report removed spans that are
valid, in order and not overlapping, and must change nothing when run again on its own output.
A failed check is an uncaught AssertionError, which atheris reports with the input that caused it.
"""

import re
import sys

import atheris

with atheris.instrument_imports():
    from clean import Cleaner

CLEANERS = (
    Cleaner(),
    Cleaner(keep={"captions", "related"}, drop={"dateline"}),
    Cleaner(mode="page"),
    Cleaner(mode="article", lang="en"),
    Cleaner(newline_token="NEWLINE_CHAR"),
)
_SPACE = re.compile(r"\s+")


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def check(text: str, cleaner: Cleaner) -> None:
    article = cleaner.clean(text)
    body = article.text
    assert is_subsequence(_SPACE.sub("", body), _SPACE.sub("", text)), "the body holds text the input does not"
    previous_end = 0
    for r in article.removed:
        assert 0 <= r.start < r.end <= len(text), f"span {r} outside the input"
        assert r.start >= previous_end, f"span {r} overlaps or precedes the one before it"
        assert text[r.start:r.end].strip(), f"span {r} removes only whitespace"
        previous_end = r.end
    again = cleaner.clean(body).text
    assert again == body, f"cleaning its own output changed it: {body!r} -> {again!r}"


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    cleaner = CLEANERS[fdp.ConsumeIntInRange(0, len(CLEANERS) - 1)]
    check(fdp.ConsumeUnicode(fdp.remaining_bytes()), cleaner)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
