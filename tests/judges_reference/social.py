"""The Python judge that src/judges/social.rs replaced, as it was, for tests/test_judges_native.py
to hold the native one against (its patterns searched directly: the hint gates in front of
them only saved time). Delete it with that test once the port is done.

Share, follow and social-network lines: "Share this article", "Follow us on Twitter",
"Facebook Twitter Email"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import LINE, each_line
from _text import key

REASONS = ("share",)

NETWORKS = frozenset(
    "facebook twitter x instagram linkedin pinterest reddit whatsapp telegram tumblr youtube tiktok "
    "snapchat flipboard xing vk weibo wechat line email e mail mail messenger sms print copy link "
    "rss google googleplus mastodon bluesky threads pocket share tweet pin".split()
)
# WordPress's share buttons read "Click to share on Twitter (Opens in new window)".
_VERB = re.compile(
    r"^(?:click (?:here )?to\s+)?(?:share|shares|sharing|tweet|pin|follow|like|connect with|find us|join us|email|send|print|"
    r"teilen|folgen sie|folge uns|partager|partagez|suivez|suivez-nous|compartir|compártelo|síguenos|"
    r"condividi|seguici|compartilhe|siga)\b",
    re.I,
)
_ON_NETWORK = re.compile(r"\b(?:on|via|auf|sur|en|in|su|no)\s+(?:" + "|".join(
    ["facebook", "twitter", "x", "instagram", "linkedin", "pinterest", "whatsapp", "youtube", "tiktok",
     "telegram", "flipboard", "reddit", "social media", "email"]) + r")\b", re.I)


# A share widget's own label ("Share All sharing options for: <headline>") and a question that
# asks for a share ("Like this story? Share it with a friend!") are share lines of any length.
_SHARE_PROMPT = re.compile(
    r"^(?:share\s+)?all sharing options for\s*:|^(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|article|post)\?"
    r"\s*(?:share|tweet|pass)\b",
    re.I,
)

# A call to follow the author or the site closing a bio or the story: "... is out now. Follow
# him on Twitter @x. Follow us on Twitter @y or Facebook." Only at the end of the text.
_FOLLOW_INSIDE = re.compile(r"\bfollow (?:him|her|them|us|me)\s+(?:on|@)", re.I)
MAX_FOLLOW_TAIL_WORDS = 60

# Lines a share or embed widget prints whole, however long: USA TODAY's "Read or Share this
# story: <url>" closing every story, and Twitter's location widget under "Tweet with a location"
# ("You can add location information to your Tweets, ...", "When you tweet with a location,
# Twitter stores that location. ...").
_WIDGET = re.compile(
    r"^Read or Share this story:\s*\S+$"
    r"|^(?:Tweet with a location|Add a location to your Tweets)$"
    r"|^You can add location information to your Tweets\b"
    r"|^When you tweet with a location, Twitter stores that location\b"
    # "For the latest Washington news, follow @wsjpolitics", "For breaking news ... from India,
    # follow WSJ India on Facebook."
    r"|^for [^.!?]{3,80}, follow (?:@\w+|(?-i:[A-Z])[^.!?]{1,40} on (?:twitter|facebook|instagram))\.?$"
    # Instagram's line under an embedded post: "A post shared by Jane Doe (@jane) on May 4, 2017 at 5:57pm PDT"
    r"|(?:^|\s)A post shared by\b[^()]{0,60}\(@[\w.]+\)(?: on\b.{0,40})?$"
    # Share counters: "936 SHARES Share Tweet", "Help spread the word! Share Tweet 300k shares on Facebook"
    r"|^(?:\d[\d.,]*[km]?\s+shares?\s+)?share\s+tweet\b.{0,60}$|^\d[\d.,]*[km]?\s+shares\b.{0,40}$"
    r"|^help spread the word!?\s+share\b.{0,60}$"
    # WordPress's count under its like button: "%d bloggers like this:", "One blogger likes this."
    r"|^(?:%d|\d[\d.,]*|one|a)\s+bloggers?\s+likes?\s+this\W*$"
    # A handle alone on its line, under "Follow her on Twitter".
    r"|^@\w{2,30}$",
    re.I,
)

_NEW_WINDOW = re.compile(r"\s*\(opens in (?:a )?new (?:window|tab)\)\s*$", re.I)

_FOLLOW = re.compile(r"^(?:follow|like|join|find|connect with)\b", re.I)
MAX_FOLLOW_WORDS = 25


def detect(doc: Document) -> Iterator[Verdict]:
    words = vocab.vocabulary(doc.lang)
    if "share" in words.lines:
        return each_line(doc, lambda text, feat: _judge(text, feat, words))
    return each_line(doc, _judge)


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    if _WIDGET.search(text) or 0 < feat.words <= MAX_FOLLOW_WORDS and not feat.prose and words.match("share", text):
        yield Verdict(LINE, "share")
        return
    if 0 < feat.words <= MAX_FOLLOW_WORDS and _FOLLOW.match(text) and _ON_NETWORK.search(text):
        # "Follow The New York Times Opinion section on Facebook, Twitter and Instagram."
        # is a sentence, and a call to follow all the same.
        yield Verdict(LINE, "share")
        return
    if _SHARE_PROMPT.match(text) and feat.words <= MAX_FOLLOW_WORDS:
        yield Verdict(LINE, "share")
        return
    if feat.words <= MAX_FOLLOW_TAIL_WORDS and _FOLLOW_INSIDE.search(text):
        yield Verdict(LINE, "share", score=0.5, where="tail")
        return
    if feat.words == 0 or feat.words > 16 or feat.prose:
        return
    words = key(_NEW_WINDOW.sub("", text)).split()
    if not words:
        return
    # "Facebook Twitter Email", "Share 12": network names, maybe with share counts. Among
    # numbers, "X" names no network: a results table marks a failed attempt with it
    # ("x 4,84 5,07 x"); alone on its line, it is a share bar's button split into lines.
    if all(w in NETWORKS or w.isdigit() for w in words) and any(
            w in NETWORKS and (w != "x" or len(words) == 1) for w in words):
        yield Verdict(LINE, "share")
    elif _VERB.match(text) and (
        _ON_NETWORK.search(text) or len(words) <= 5 or "this" in words or "article" in words
    ):
        yield Verdict(LINE, "share")
