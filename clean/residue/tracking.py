"""Tracking ids and hashes left on their own line: `010020070750000000000000011105521365662021`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document

REASONS = ("tracking-id",)

_ID = re.compile(
    r"^(?:"
    r"\d{12,}"  # long digit runs: ad slots, article ids
    r"|[0-9a-f]{16,}"  # hex digests
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # UUIDs
    r"|(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{24,}"  # base64-ish tokens
    r")$",
    re.I,
)


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        if feat.words <= 2 and _ID.match(block.text.replace(" ", "")):
            yield Verdict(block.index, "tracking-id")
