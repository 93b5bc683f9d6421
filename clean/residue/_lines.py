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
    if not any(judged):  # most texts: no line marked, no block to look at
        return
    for i, k in enumerate(doc.line_of):
        found = judged[k]
        if found:
            yield i, found
