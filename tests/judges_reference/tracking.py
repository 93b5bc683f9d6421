"""The Python judge that src/judges/tracking.rs replaced, as it was, for tests/test_judges_native.py
to hold the native one against. Delete it with that test once the port is done.

Machine residue: tracking ids and hashes left on their own line
(`010020070750000000000000011105521365662021`), and markup the scraper did not render: HTML tags
printed as text (`&lt;span data-mce-type="bookmark" ...&gt;`) and WordPress shortcodes
(`[button link="..."]Send us your review[/button]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean.residue._lines import LINE, each_line

REASONS = ("tracking-id", "markup")

_ID = re.compile(
    r"^(?:"
    r"\d{12,}"  # long digit runs: ad slots, article ids
    r"|[0-9a-f]{16,}"  # hex digests
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # UUIDs
    r"|(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{24,}"  # base64-ish tokens
    r")$",
    re.I,
)


# A tag, raw or escaped, with its attributes; a shortcode, opening or closing. Names are lower
# case and every attribute has a value, so "<The Palace: Jang Noksu>", a title in angle
# brackets, is not a tag.
_ATTRS = r"""(?:\s+[a-z_:][\w:.-]{0,30}=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"'<>&=]{1,100}))*\s*/?"""
_TAG = re.compile(
    r"</?[a-z][a-z0-9]{0,15}" + _ATTRS + r">"
    r"|&lt;/?[a-z][a-z0-9]{0,15}" + _ATTRS + r"&gt;"
    r"|\[/?[a-z][a-z_-]{1,30}(?:\s+[a-z_-]+=[\"”“'][^\"”“'\]\n]{0,300}[\"”“'])*\s*\]"
)
# A line is markup when tags make up most of it: an article about HTML quotes a tag or two in
# its sentences.
MIN_MARKUP_SHARE = 0.6
# Entities escaped once or many times over, and escaped comments, with nothing else on the line:
# "&amp;amp;nbsp; &amp;amp;lt;!--iframe--&amp;amp;gt;".
_ENTITY = re.compile(r"&(?:amp;)*(?:lt;!--.{0,60}?--&(?:amp;)*gt;|[a-z]{2,8};|#\d{1,7};)")
# A tag that lost its "<" glued before a paragraph: 'runtime:topic id="PLGEO100100804000000"> As ...'
_TAG_TAIL = re.compile(r"^[a-z][\w-]*(?::[\w-]+)?(?:\s+[a-z_:][\w:.-]{0,30}=\"[^\"\n]{0,200}\")+\s*/?>\s*")


def detect(doc: Document) -> Iterator[Verdict]:
    return each_line(doc, _judge)


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    if feat.words <= 2 and _ID.match(text.replace(" ", "")):
        yield Verdict(LINE, "tracking-id")
    elif ("<" in text or "&lt;" in text or "[" in text) and _markup(text):
        yield Verdict(LINE, "markup")
    elif "&" in text and len(_ENTITY.findall(text)) >= 2 and not _ENTITY.sub("", text).strip():
        yield Verdict(LINE, "markup")
    elif feat.chars <= 40 and _debris(text, feat):
        yield Verdict(LINE, "markup")
    elif '">' in text[:300]:
        tail = _TAG_TAIL.match(text)
        if tail:
            yield Verdict(LINE, "markup", span=None if tail.end() == len(text) else tail.span())


def _markup(text: str) -> bool:
    """Whether tags hold most of the line's visible characters (spaces counted on neither side)."""
    tagged = sum(len(m.group().replace(" ", "")) for m in _TAG.finditer(text))
    return tagged >= MIN_MARKUP_SHARE * len(text.replace(" ", ""))


# A scanned page's specks read as text: "r; .r", "i. a:". Small letters and the marks between
# them, no word of three letters and no digit.
_LETTER_RUN = re.compile(r"[^\W\d_]{3}")
_SPECK_MARK = re.compile(r"[;:,\-]")
_TIME_OF_DAY = re.compile(r"\b[ap]\.?\s?m\b", re.I)
MAX_DEBRIS_WORDS = 6


def _debris(text: str, feat: Features) -> bool:
    return (feat.words <= MAX_DEBRIS_WORDS and " " in text.strip() and any(c.islower() for c in text)
            and not any(c.isdigit() for c in text) and _SPECK_MARK.search(text) is not None
            and _LETTER_RUN.search(text) is None and _TIME_OF_DAY.search(text) is None)
