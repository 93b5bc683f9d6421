"""Site boilerplate: lines a learned profile says the document's source repeats in its pages.

Not one of the always-on families: the Cleaner adds this detector only when it is given a
profile, and binds it to the profile and the document's source, so the detector stays a pure
function of its inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..article import Verdict
from ..document import Document

if TYPE_CHECKING:  # the profile module loads with the first profile, not with the cleaner
    from ..profile import Profile

REASON = "site-boilerplate"
REASONS = (REASON,)


def detector(profile: Profile, source: str | None) -> Callable[[Document], Iterator[Verdict]]:
    def detect(doc: Document) -> Iterator[Verdict]:
        for block in doc.blocks:
            if profile.match(source, block.text) is not None:
                yield Verdict(block.index, REASON)

    return detect


def explain(profile: Profile, source: str | None, doc: Document) -> dict[int, str]:
    """For `--explain`: the source and counts behind each matched block, by the block's start
    in the input; a block matched by a learned opening or closing names it."""
    from ..profile import is_frame

    notes = {}
    for block in doc.blocks:
        line = profile.match(source, block.text)
        if line is not None:
            docs = profile.sources[source or ""].docs
            where = f"{source or '(no source)'}: "
            if is_frame(line.sample):
                where += f"lines framed '{line.sample}' "
            notes[block.start] = f"{where}in {line.df} of {docs} documents, {line.count} times"
    return notes
