"""Machine residue: tracking ids and hashes left on their own line
(`010020070750000000000000011105521365662021`), and markup the scraper did not render: HTML tags
printed as text (`&lt;span data-mce-type="bookmark" ...&gt;`) and WordPress shortcodes
(`[button link="..."]Send us your review[/button]`), and a scanned page's specks read as text
(`r; .r`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._lines import marked

REASONS = ("tracking-id", "markup")

# The ids, tags, entities, a tag's lost opening and a scanned page's specks are judged natively
# (src/judges/tracking.rs): what a line's own text says, whatever its neighbours.


def detect(doc: Document) -> Iterator[Verdict]:
    return (Verdict(i, reason, span=span) for i, (reason, span) in marked(doc, doc.judged["tracking"]))
