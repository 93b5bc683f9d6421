"""The Python judge and rules that src/judges/player.rs replaced, as they were, for
tests/test_judges_native.py to hold the native ones against (its patterns searched directly: the
hint gates in front of them only saved time): the line judge (`detect`) and, with the lines
around, the highlights (`detect_document`). Delete it with that test once the port is done.

What a video or audio player leaves in the text: "Video PlayerClose", "Media playback is
unsupported on your device", time codes; the teasers of the videos and galleries a story embeds
("JUST WATCHED ... Replay More Videos ... MUST WATCH", "1 of 26 Full Screen Autoplay Close Skip
Ad")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean.residue._lines import LINE, each_line
from _text import key, phrases

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
    # YouTube's page around a video it could not play.
    "the interactive transcript could not be loaded", "rating is available when the video has been rented",
    "this feature is not available right now please try again later", "play facebook",
    "loading", "scroll down for video", "watch the video below", "video loading",
)
# Phrases that are player residue even when glued to text: "Video PlayerClose".
_GLUED = re.compile(
    r"Video Player\s*Close|Media playback is (?:unsupported|not supported) on (?:your|this) device"
    r"|Your browser does not support the (?:video|audio) (?:tag|element)\.?"
    r"|Video Player is loading\.?(?:\s*Play Video)?",
    re.I,
)
# A whole line that is a player's or a gallery's furniture, however long the teaser in it:
# CNN's "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:15", NBC's "Embed
# <title> 2:25 autoplay autoplay Copy this code to your website or blog", the Washington Post's
# "1 of 26 Full Screen Autoplay Close Skip Ad × <gallery>", a player's "Video Loading Video
# Unavailable Click to play ...", "Slideshow (5 Images)", CNN's "Photos: <gallery> Photos:
# <gallery> <caption>" and USA TODAY's "CLOSE <teaser> ... Video provided by <agency>".
_FURNITURE = re.compile(
    r"^JUST WATCHED\b.{0,300}?\b(?:Replay More Videos|MUST WATCH)\b"
    r"|^Embed\b.{0,300}\bCopy this code to your website or blog\b"
    r"|^\d{1,3} of \d{1,3} Full Screen Autoplay Close\b"
    r"|^Video Loading\b.{0,40}\bVideo Unavailable\b"
    r"|^Slideshow \(\d{1,3} (?:Images|Photos|Pictures)\)$"
    r"|^EMBED More News Videos\b|^On a mobile device\? Click here to watch (?:the )?video\b"
    r"|^Photos: (?P<gallery>[^\n]{3,120}?) Photos: (?P=gallery)\b"
    # "CLOSE" in capitals, then a teaser that is written as sentences: no body paragraph opens
    # on the word in capitals and goes on in ordinary case.
    r"|^CLOSE (?=[A-Z](?:[a-z’']| ))(?=.{0,600}?(?:[.!?] [A-Z]|Video (?:provided|courtesy) (?:by|of)\b|USA TODAY\b))"
)
# "0:00", "Loaded: 0%", "Progress: 0%", "Duration 2:31", "1:32 / 4:05"
_TIMECODE = re.compile(
    r"^(?:(?:current time|duration|remaining time|loaded|progress|time)\s*:?\s*)?"
    r"(?:-?\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,3}(?:\.\d+)?%)$",
    re.I,
)

# A clip in a video list, its title stamped with when it was posted and how long it runs: "An
# ICBM test by North Korea on Sept. 9? 9:04 PM ET Sun, 3 Sept 2017 | 02:51". Prose does not
# close on a clock time, a zone and a running time after a bar.
_STAMPED_CLIP = re.compile(r"\b\d{1,2}:\d{2}\s*[AP]M\s+[ECMP][SD]?T\b[^|\n]{0,40}\|\s*\d{1,2}:\d{2}\s*$")
MAX_STAMPED_CLIP_WORDS = 40


# The channel a YouTube embed names under the clip: "Team Coco on YouTube".
_EMBED_SOURCE = re.compile(r"^[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3} on (?:YouTube|Vimeo)$")
# A clip's label closing the story: "Video: Jane Doe stars in a fashion film". Inside a page the
# same label heads the site's list of clips, which the page's main block is told from; there it
# is left to that choice. A clip's title is a line, not a paragraph: one sentence at most.
_CLIP_LABEL = re.compile(r"^(?:Video|VIDEO)\s*:\s+\S")
MAX_CLIP_LABEL_WORDS = 20


def detect(doc: Document) -> Iterator[Verdict]:
    """The verdicts the lines earned on their own (the highlights, told by the lines below them,
    stay in the package)."""
    return each_line(doc, _judge)


def detect_document(doc: Document) -> Iterator[Verdict]:
    """The family's verdicts on a document: the lines, then the highlights."""
    yield from detect(doc)
    yield from _highlights(doc)


# CNN heads a story with its highlights: "Story highlights <first bullet>", then a few more
# bullets, none closed by a full stop, before the story's first paragraph; ABC's "Key points:"
# box is the same.
_HIGHLIGHTS = re.compile(r"^(?:Story highlights|Key points:)(?:\s|$)", re.I)
MAX_HIGHLIGHTS = 6
MAX_HIGHLIGHT_WORDS = 30


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


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    if feat.chars <= 80 and (key(text) in LINES or _TIMECODE.match(text)):
        yield Verdict(LINE, "player")
        return
    if feat.words <= MAX_STAMPED_CLIP_WORDS and text.rstrip()[-1:].isdigit() and _STAMPED_CLIP.search(text):
        yield Verdict(LINE, "player")
        return
    if _FURNITURE.search(text):
        yield Verdict(LINE, "player")
        return
    if feat.words <= MAX_CLIP_LABEL_WORDS and feat.sentences <= 1:
        if _EMBED_SOURCE.match(text):
            yield Verdict(LINE, "player")
            return
        if _CLIP_LABEL.match(text):
            yield Verdict(LINE, "player", score=0.5, where="tail")
            return
    for m in _GLUED.finditer(text):
        yield Verdict(LINE, "player", span=m.span())
