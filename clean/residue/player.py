"""What a video or audio player leaves in the text: "Video PlayerClose", "Media playback is
unsupported on your device", time codes; the teasers of the videos and galleries a story embeds
("JUST WATCHED ... Replay More Videos ... MUST WATCH", "1 of 26 Full Screen Autoplay Close Skip
Ad"), and the "Story highlights" bullets heading a CNN story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._lines import marked

REASONS = ("player",)

# The controls, time codes, clips and furniture a line shows on its own are judged natively
# (src/judges/player.rs); the highlights below are told by the lines under them.

# CNN heads a story with its highlights: "Story highlights <first bullet>", then a few more
# bullets, none closed by a full stop, before the story's first paragraph; ABC's "Key points:"
# box is the same.
_HIGHLIGHTS = re.compile(r"^(?:Story highlights|Key points:)(?:\s|$)", re.I)
MAX_HIGHLIGHTS = 6
MAX_HIGHLIGHT_WORDS = 30


def detect(doc: Document) -> Iterator[Verdict]:
    yield from _lines(doc)
    yield from _highlights(doc)


def _lines(doc: Document) -> Iterator[Verdict]:
    """The lines that are a player's on their own, by the native judge."""
    for i, found in marked(doc, doc.judged["player"]):
        for span, tail in found:
            if tail:
                yield Verdict(i, "player", score=0.5, where="tail")
            else:
                yield Verdict(i, "player", span=span)


def _highlights(doc: Document) -> Iterator[Verdict]:
    for i, block in enumerate(doc.blocks):
        if not _HIGHLIGHTS.match(block.text):
            continue
        yield Verdict(i, "player")
        for k in range(i + 1, min(len(doc.blocks), i + MAX_HIGHLIGHTS)):
            feat = doc.feats[k]
            # The first paragraph of the story closes its sentence; a bullet does not.
            if feat.ends_sentence and feat.last in ".…" or feat.words > MAX_HIGHLIGHT_WORDS or feat.words == 0:
                break
            yield Verdict(k, "player")

