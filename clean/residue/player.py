"""What a video or audio player leaves in the text: "Video PlayerClose", "Media playback is
unsupported on your device", time codes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features
from ._lines import LINE, each_line
from ._text import Hinted, key, phrases

REASONS = ("player",)

LINES = phrases(
    "video player", "video playerclose", "close", "play video", "play", "pause", "replay", "watch",
    "watch video", "watch now", "now playing", "up next", "playing", "mute", "unmute", "fullscreen",
    "full screen", "video", "loaded", "duration", "current time", "remaining time", "live", "watch live",
    "media playback is unsupported on your device", "media playback is not supported on this device",
    "your browser does not support the video tag", "your browser does not support html5 video",
    "this video is not available", "this video is no longer available", "video is loading",
    "video player is loading", "the video will start in", "skip ad", "advertisement video",
    "video abspielen", "lire la vidéo", "reproducir video", "ver video", "audio", "listen to this article",
)
# Phrases that are player residue even when glued to text: "Video PlayerClose".
_GLUED = re.compile(
    r"Video Player\s*Close|Media playback is (?:unsupported|not supported) on (?:your|this) device"
    r"|Your browser does not support the (?:video|audio) (?:tag|element)\.?"
    r"|Video Player is loading\.?(?:\s*Play Video)?",
    re.I,
)
_GLUED_HINTED = Hinted(_GLUED, ("video player", "playback", "does not support"))
# "0:00", "Loaded: 0%", "Progress: 0%", "Duration 2:31", "1:32 / 4:05"
_TIMECODE = re.compile(
    r"^(?:(?:current time|duration|remaining time|loaded|progress|time)\s*:?\s*)?"
    r"(?:-?\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,3}(?:\.\d+)?%)$",
    re.I,
)


def detect(doc: Document) -> Iterator[Verdict]:
    return each_line(doc, _judge)


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    if feat.chars <= 80 and (key(text) in LINES or _TIMECODE.match(text)):
        yield Verdict(LINE, "player")
        return
    for m in _GLUED_HINTED.finditer(text):
        yield Verdict(LINE, "player", span=m.span())
