"""The Python runs of marked blocks and the entries they mark that src/judges/runs.rs replaced,
as they were, for the related and comments families' references (tests/judges_reference/)."""

from __future__ import annotations

from collections.abc import Iterator


def runs(marked: list, reach: int, feats=None) -> Iterator[list[int]]:
    """The runs of marked blocks, each at most `reach` blocks from the next; with `feats`, a
    paragraph of prose between two marked blocks ends the run."""
    run: list[int] = []
    for i in [i for i, is_marked in enumerate(marked) if is_marked] + [len(marked) + reach + 1]:
        if run and (i - run[-1] > reach or feats is not None and any(f.prose for f in feats[run[-1] + 1:i])):
            yield run
            run = []
        run.append(i)


def entries(run: list[int], feats, longest: bool = False) -> tuple[int, int]:
    """The blocks a list of entries covers, first and last, given the run of lines that mark
    each entry (its timestamp, its author line): an entry may put lines before its mark (a
    headline, a name) and after it (a summary, a comment). The lines every entry puts before
    its mark are its short lines right above it; what follows the last mark is as long as the
    shortest entry, or with `longest` (comments, whose length varies) the longest."""
    lead = min(_short_above(b, a, feats) for a, b in zip(run, run[1:]))
    trails = [b - a - 1 - min(lead, _short_above(b, a, feats)) for a, b in zip(run, run[1:])]
    trail = max(trails) if longest else min(trails)
    first = run[0] - _short_above(run[0], max(-1, run[0] - lead - 1), feats)
    return first, min(len(feats) - 1, run[-1] + trail)


def _short_above(i: int, floor: int, feats) -> int:
    """How many lines that are not prose stand right above block i, down to (not including) floor."""
    k = i - 1
    while k > floor and not feats[k].prose:
        k -= 1
    return i - 1 - k
