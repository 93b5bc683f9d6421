"""Section labels, menus and breadcrumbs: the page's furniture, not its story."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document

REASONS = ("nav-label",)

# The family is native (src/judges/navigation.rs): what a line's own text says (labels, a site's
# links to itself, tag lists, a post's categories, counts of results, hatnotes, pagers,
# breadcrumbs, gallery counters, a wiki's edit links), judged for each distinct line in the one
# call (`Document.judged`), and the rules that read the lines around (a tag list split over
# lines, a pager only closing the text, a kicker only opening it), one call per document
# (`_core.navigation`). Other languages' labels are data (clean/data/residue/<lang>.txt, section
# [nav-label], matched natively: `Document.worded`), read here for the short lines the native
# judge leaves open and handed over.
_OPEN = ("open", "kicker", "edit")


def detect(doc: Document) -> Iterator[Verdict]:
    found = _core.navigation(doc.native, doc.line_of, doc.judged["navigation"], _worded(doc))
    for i, score, span, where in found:
        yield Verdict(i, "nav-label", score, span, (), where)


def _worded(doc: Document) -> list[bool] | None:
    """Whether the document's language's words take each distinct line the native judge leaves
    open for a label; None for a language without such words."""
    if not doc.worded:
        return None
    labels = doc.worded.get("nav-label") or [False] * len(doc.lines)
    return [found is not None and found[0] in _OPEN and labels[k]
            for k, found in enumerate(doc.judged["navigation"])]
