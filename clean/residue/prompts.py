"""Prompts aimed at the reader, not part of the story: advertisement markers, newsletter and
subscription pitches, cookie banners."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key, phrases

REASONS = ("advert", "newsletter", "cookie")

ADVERT = phrases(
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
    "sponsored links", "paid content", "paid post", "promoted", "promoted content", "partner content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "continue reading the main story", "article continues below",
    "story continues below", "scroll to continue with content", "advertisement continue reading below",
    "report this ad", "ad feedback", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "publicidade", "reklama", "annonce", "reclame", "advertentie", "mainos", "annons", "广告", "広告",
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|sign up|signup|subscribe|subscribers?|subscription|inbox|"
    r"abonnieren|abonnez-vous|inscrivez-vous|suscríbete|suscribirse|iscriviti|assine)\b",
    re.I,
)
_NEWSLETTER_CONTEXT = re.compile(
    r"\b(?:newsletters?|e-?mail|inbox|sign up|subscribe now|subscribers?|log in|free trial|"
    r"unlimited access|digital access|delivered|abonnieren|abonnez|suscríbete|iscriviti)\b",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:site|website) uses|uses cookies|use of cookies|accept|consent|cookie (?:policy|settings|"
    r"preferences)|browsing experience|by continuing|privacy|verwendet cookies|utilise des cookies|"
    r"utiliza cookies|utilizamos cookies|akzeptieren|accepter|aceptar)\b",
    re.I,
)
# Prompts are short; a long paragraph that mentions a newsletter is reporting on one.
MAX_PROMPT_WORDS = 60


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        text = block.text
        if feat.chars <= 60 and key(text) in ADVERT:
            yield Verdict(block.index, "advert")
        elif feat.words > MAX_PROMPT_WORDS:
            continue
        elif _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
            yield Verdict(block.index, "cookie")
        elif _NEWSLETTER.search(text) and _is_newsletter(text, feat.words):
            yield Verdict(block.index, "newsletter")


def _is_newsletter(text: str, words: int) -> bool:
    """A pitch addresses the reader: an imperative or a 'you', and the newsletter vocabulary
    more than once, or a very short line that is all pitch ("Subscribe now")."""
    hits = len(_NEWSLETTER_CONTEXT.findall(text)) + len(_NEWSLETTER.findall(text))
    addressed = re.search(r"\b(?:you|your|sign up|subscribe|get|join|register|ihr|vous|votre|tu|su)\b", text, re.I)
    return (words <= 6 and hits >= 1) or (hits >= 2 and addressed is not None)
