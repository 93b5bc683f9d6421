"""What a video or audio player leaves in the text: "Video PlayerClose", "Media playback is
unsupported on your device", time codes; the teasers of the videos and galleries a story embeds
("JUST WATCHED ... Replay More Videos ... MUST WATCH", "1 of 26 Full Screen Autoplay Close Skip
Ad"), and the "Story highlights" bullets heading a CNN story."""

from __future__ import annotations

from collections.abc import Iterator

from .. import _core
from ..article import Verdict
from ..document import Document

REASONS = ("player",)

# The family is native (src/judges/player.rs): the controls, time codes, clips and furniture a
# line shows on its own, judged for each distinct line in the one call (`Document.judged`), and
# the highlights, told by the lines under them, one call per document (`_core.player`).


def detect(doc: Document) -> Iterator[Verdict]:
    for i, score, span, where in _core.player(doc.native, doc.line_of, doc.judged["player"]):
        yield Verdict(i, "player", score, span, (), where)
