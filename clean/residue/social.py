"""Share, follow and social-network lines: "Share this article", "Follow us on Twitter",
"Facebook Twitter Email"."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._lines import marked

REASONS = ("share",)

# The patterns and the share bar's network names are native (src/judges/social.rs); the words of
# other languages' buttons are data (clean/data/residue/, matched natively: `Document.worded`),
# on a short line that is not prose.
MAX_FOLLOW_WORDS = 25


def detect(doc: Document) -> Iterator[Verdict]:
    # per distinct line: None, "share" or "tail" (a call to follow, residue where the text ends)
    found = doc.judged["social"]
    shares = doc.worded.get("share")
    if shares is not None:
        found = ["share" if kind == "share" or 0 < feat.words <= MAX_FOLLOW_WORDS and not feat.prose
                 and shares[k] else kind for k, (kind, (_, feat)) in enumerate(zip(found, doc.lines))]
    for i, kind in marked(doc, found):
        yield Verdict(i, "share") if kind == "share" else Verdict(i, "share", score=0.5, where="tail")
