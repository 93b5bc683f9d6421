"""Verdicts that a line earns on its own, judged once per distinct line of a document.

A page repeats its furniture ("Share", "Advertisement", a byline under every teaser), and a
hostile text can be a hundred thousand copies of one line. What a line's own text and features
say about it does not change with the copy, so it is worked out once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..article import Verdict
from ..document import Document, Features

# The block index a judge gives its verdicts: `each_line` puts the real one in.
LINE = -1

Judge = Callable[[str, Features], Iterable[Verdict]]


def each_line(doc: Document, judge: Judge) -> Iterator[Verdict]:
    """`judge(text, features)`'s verdicts for every block, in block order."""
    for i, verdicts in enumerate(judged_lines(doc, lambda text, feat: tuple(judge(text, feat)))):
        for v in verdicts:
            yield Verdict(i, v.reason, v.score, v.span, v.meta, v.where)


def judged_lines(doc: Document, judge: Callable[[str, Features], object]) -> list:
    """`judge(text, features)` for every block, computed once per distinct line: for detectors
    whose verdict also depends on the block's neighbours, the part that does not."""
    judged = [judge(text, feat) for text, feat in doc.lines]
    return list(map(judged.__getitem__, doc.line_of))


def marked(doc: Document, judged: list) -> Iterator[tuple[int, object]]:
    """(block index, answer) for every block whose line's answer in `judged` (one per distinct
    line, as `Document.judged` gives a native family's) is not empty, in block order."""
    for i, k in enumerate(doc.line_of):
        found = judged[k]
        if found:
            yield i, found


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
