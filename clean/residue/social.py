"""Share, follow and social-network lines: "Share this article", "Follow us on Twitter",
"Facebook Twitter Email"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Verdict
from ..document import Document
from ._text import key

REASONS = ("share",)

NETWORKS = frozenset(
    "facebook twitter x instagram linkedin pinterest reddit whatsapp telegram tumblr youtube tiktok "
    "snapchat flipboard xing vk weibo wechat line email e mail mail messenger sms print copy link "
    "rss google googleplus mastodon bluesky threads pocket share tweet pin".split()
)
_VERB = re.compile(
    r"^(?:share|shares|sharing|tweet|pin|follow|like|connect with|find us|join us|email|send|"
    r"teilen|folgen sie|folge uns|partager|partagez|suivez|suivez-nous|compartir|compártelo|síguenos|"
    r"condividi|seguici|compartilhe|siga)\b",
    re.I,
)
_ON_NETWORK = re.compile(r"\b(?:on|via|auf|sur|en|in|su|no)\s+(?:" + "|".join(
    ["facebook", "twitter", "x", "instagram", "linkedin", "pinterest", "whatsapp", "youtube", "tiktok",
     "telegram", "flipboard", "reddit", "social media", "email"]) + r")\b", re.I)


_FOLLOW = re.compile(r"^(?:follow|like|join|find|connect with)\b", re.I)
MAX_FOLLOW_WORDS = 25


def detect(doc: Document) -> Iterator[Verdict]:
    for block, feat in zip(doc.blocks, doc.feats):
        if 0 < feat.words <= MAX_FOLLOW_WORDS and _FOLLOW.match(block.text) and _ON_NETWORK.search(block.text):
            # "Follow The New York Times Opinion section on Facebook, Twitter and Instagram."
            # is a sentence, and a call to follow all the same.
            yield Verdict(block.index, "share")
            continue
        if feat.words == 0 or feat.words > 16 or feat.prose:
            continue
        words = key(block.text).split()
        if not words:
            continue
        # "Facebook Twitter Email", "Share 12": network names, maybe with share counts.
        if all(w in NETWORKS or w.isdigit() for w in words) and any(w in NETWORKS for w in words):
            yield Verdict(block.index, "share")
        elif _VERB.match(block.text) and (
            _ON_NETWORK.search(block.text) or feat.words <= 5 or "this" in words or "article" in words
        ):
            yield Verdict(block.index, "share")
