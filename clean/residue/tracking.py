"""Machine residue: tracking ids and hashes left on their own line
(`010020070750000000000000011105521365662021`), and markup the scraper did not render: HTML tags
printed as text (`&lt;span data-mce-type="bookmark" ...&gt;`) and WordPress shortcodes
(`[button link="..."]Send us your review[/button]`)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document, Features
from ._lines import LINE, each_line

REASONS = ("tracking-id", "markup")

# The judge and its patterns are native (src/judges/tracking.rs): what a line's own text says,
# whatever its neighbours.


def detect(doc: Document) -> Iterator[Verdict]:
    return each_line(doc, _judge)


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    found = _core.tracking(text, feat.words)
    if found:
        yield Verdict(LINE, found[0], span=found[1])
