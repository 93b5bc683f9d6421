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
# A pitch names the newsletter or the inbox, or is a bare call to subscribe.
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|inbox|mailing list|e-?mail alerts?|breaking news alerts?|"
    r"subscribe (?:to|for|now|today|here)|sign up (?:for|to) (?:our|the|a free)|already a (?:subscriber|member)|"
    r"become a (?:subscriber|member)|support (?:our|independent) journalism|unlimited (?:digital )?access|"
    r"subscribers? only|for subscribers|log in to continue|free trial to continue|"
    r"abonnieren sie|jetzt abonnieren|abonnez-vous|inscrivez-vous à (?:notre|la) newsletter|"
    r"suscríbete|suscríbase|iscriviti alla newsletter|assine)\b",
    re.I,
)
_BARE_CALL = re.compile(r"^(?:subscribe|sign up|register|join now|get the newsletter|abonnieren|s'abonner|suscribirse)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:site|website) uses|uses cookies|use of cookies|accept|consent|cookie (?:policy|settings|"
    r"preferences)|browsing experience|by continuing|privacy|verwendet cookies|utilise des cookies|"
    r"utiliza cookies|utilizamos cookies|akzeptieren|accepter|aceptar)\b",
    re.I,
)
# Prompts are short; a long paragraph that mentions a newsletter is reporting on one.
MAX_PROMPT_WORDS = 60
MAX_PITCH_WORDS = 40


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        text = block.text
        if feat.chars <= 60 and key(text) in ADVERT:
            yield Verdict(block.index, "advert")
        elif feat.words > MAX_PROMPT_WORDS:
            continue
        elif _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
            yield Verdict(block.index, "cookie")
        elif feat.words <= MAX_PITCH_WORDS and (_NEWSLETTER.search(text) or feat.words <= 6 and _BARE_CALL.match(text)):
            yield Verdict(block.index, "newsletter")
