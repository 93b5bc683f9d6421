"""The Python judge that src/judges/prompts.rs replaced, as it was, for tests/test_judges_native.py
to hold the native one against (its patterns searched directly: the hint gates in front of
them only saved time). Delete it with that test once the port is done.

Prompts aimed at the reader, not part of the story: advertisement markers, newsletter and
subscription pitches, cookie banners."""


from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import judged_lines
from _text import key, phrases

REASONS = ("advert", "newsletter", "cookie")

ADVERT = phrases(
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
    "sponsored links", "paid content", "paid post", "promoted", "promoted content", "partner content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "continue reading the main story", "article continues below",
    "story continues below", "scroll to continue with content", "advertisement continue reading below",
    "advertisement continue reading the main story", "story continued below", "article continued below",
    "report this ad", "ad feedback",
    # Other languages' markers are data (clean/data/residue/<lang>.txt, [advert]); these have no
    # file yet, or a script without spaces that gets no language to pick one by.
    "annonce", "mainos", "annons", "广告", "広告",
)
# A pitch speaks to the reader: "sign up for our newsletter", "delivered to your inbox",
# "already a subscriber?". It is residue even when written as a full sentence.
_PITCH = re.compile(
    r"\b(?:our (?:free |daily |weekly |morning |evening )*newsletters?|your inbox|"
    r"subscribe (?:to (?:our|the)|for|now|today|here)|click (?:here )?to subscribe|sign up (?:for|to) (?:our|the|a free)|"
    r"already a (?:subscriber|member)|become a (?:subscriber|member)|support (?:our|independent) (?:journalism|fact-checking|reporting)|"
    r"unlimited (?:digital )?access|subscribers? only|for subscribers|log in to continue|free trial to continue|"
    r"abonnieren sie|jetzt abonnieren|abonnez-vous|inscrivez-vous à (?:notre|la) newsletter|"
    r"suscríbete|suscríbase|iscriviti alla newsletter|assine|"
    r"if you (?:enjoyed|liked) this (?:article|story|post)|delivered (?:to|through) your (?:door|letterbox)|"
    r"follow @\w+ on (?:twitter|instagram|facebook)|"
    r"(?:click|tap) here to (?:get|download|install) (?:the|our)\b.{0,40}\bapp|"
    r"get breaking news alerts|tell us what you think\b.{0,60}\bsurvey|"
    # A sign-up form's texts printed in a row: "Sign up for BREAKING NEWS Emails privacy policy
    # Thanks for subscribing!", "... verify you're not a robot by clicking the box. Invalid email
    # address. ..."; ABC's "Add Donald Trump as an interest to stay up to date ..."; "Get email
    # alerts on breaking news"; "Sign up for POLITICO Playbook and get the latest news".
    r"thanks? (?:you )?for subscribing|invalid e-?mail address|verify (?:that )?you(?:'re| are) not a robot|"
    r"add .{1,60} as an interest to stay up to date|get (?:e-?mail |news |breaking news )?alerts on|"
    r"sign up for\b.{1,40}\band get (?:the|our)\b|"
    # Asking the reader for tips and corrections, or to stay tuned: "Have a tip we should know?
    # tips@...", "See a mistake? Report a typo here.", "Stay with WBAL NewsRadio 1090 AM for
    # developments in this story."
    r"^have a (?:news )?tip\b[^.!?]{0,40}\?\s*\w+|^(?:see|spot|spotted|found) (?:a|an) (?:mistake|typo|error)\?\s*\w+|"
    r"^stay with\b.{1,60}\bfor (?:developments|updates|the latest)\b|"
    # Asking for the readers' pictures: "If you capture an amazing photo of the eclipse and would
    # like to share it with us, send images to: photos@..."
    r"\bif you (?:capture|take|snap|shoot|get) (?:an? )?(?:amazing |great |good |stunning )?(?:photos?|pictures?|images?|videos?)\b"
    r".{0,120}\b(?:send|share|e-?mail|submit)\b.{0,120}(?:\bwith us|\bto us|\w@\w+))\b",
    re.I,
)
# What a sign-up form says once the reader has used it, printed by extractors all the same.
_FORM_STATE = re.compile(
    r"^(?:thanks?(?: you)? for (?:signing up|subscribing|registering|your subscription)|"
    r"there was (?:an|a problem|a) (?:error )?(?:processing|with) your (?:subscription|sign-?up|registration)|"
    r"please (?:enter|provide) a valid e-?mail(?: address)?|you(?:'re| are) (?:now |all )?(?:subscribed|signed up)|"
    r"you have (?:successfully )?(?:subscribed|signed up)|check your (?:inbox|e-?mail) to confirm)\b",
    re.I,
)
MAX_FORM_STATE_WORDS = 15
# A sign-up form's texts printed in a row run as long as its legalese ("Sign up for POLITICO
# Playbook and get the latest news, every morning — in your inbox. Email Sign Up By signing up
# you agree to receive email newsletters ...", "... By clicking "Subscribe," you agree to ..."):
# the words only a form says mark the whole line, however long, as a banner's do.
# A form's checks and errors say so too ("Please verify you're not a robot by clicking the box.
# Invalid email address. Please re-enter. You must select a newsletter to subscribe to.").
_FORM_TEXT = re.compile(
    r"\bby (?:signing up|clicking [\"“]?(?:subscribe|sign up)[,.]?[\"”]?),? you agree to\b"
    r"|\bplease verify (?:that )?you(?:'re| are) not a robot\b|\binvalid e-?mail(?: address)?\. please re-?enter\b"
    r"|\byou must select (?:a|at least one) newsletter\b|\byou agree to receive occasional updates and special offers\b",
    re.I,
)
MAX_FORM_WORDS = 200


def _form_text(text: str) -> bool:
    # A story quoting a form's terms opens the quotation before them.
    m = _FORM_TEXT.search(text)
    return m is not None and not _QUOTED.search(text, 0, m.start())


# An appeal to the reader that opens by thanking them for reading runs on as long as it likes
# ("If you enjoyed this article, we have a proposition for you: join ... Members get ...").
_APPEAL = re.compile(
    r"^(?:if you (?:enjoyed|liked|value|appreciate|found value in) (?:reading )?(?:this|our) (?:article|story|post|piece|"
    r"journalism|reporting|work)|thank you for reading\b.{0,80}\b(?:subscri|support|donat|member)"
    # "If everyone reading this right now would donate something, our fundraiser would be done
    # ...": the site's own fundraiser, not a plea for blood donors quoted in a story.
    r"|if everyone (?:reading|who reads) this\b.{0,60}\b(?:donat|gave|give|chip(?:ped)? in|contribut).{0,40}\b(?:our|the) fundrais)",
    re.I,
)
MAX_APPEAL_WORDS = 120
# A call for the reader's money: "Support Snopes so we continue to pursue the facts", "Support
# The Guardian from as little as $1", "Donate now", "Become a member", "We need your financial
# support." A story about a fundraiser quotes such words, so a quotation mark rules the line out.
_DONATION = re.compile(
    r"^(?:please\s+)?(?:support (?-i:us|Us|(?:the |The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})"
    r"(?:\s+(?:so|to|today|now|from|with|by|and)\b|\s*[.!]?$)"
    r"|donate (?:now|today|here)\b|make a (?:one-time |monthly |recurring |tax-deductible )?(?:contribution|donation)\b"
    r"|become a (?:member|supporter|patron)\b)"
    r"|\bwe need your (?:financial )?support\b|\bsupport\b.{0,80}\bfrom as little as\b",
    re.I,
)
# A blog's sentence about itself that ends on where to read it ("Each week this blog features a
# walk; to follow along, subscribe to the RSS feed.") is the post's: a feed costs nothing and
# asks for no address. The call alone on its line ("Subscribe to our RSS feed") is a prompt.
_FEED_SENTENCE = re.compile(r"(?<=\S )subscribe to (?:the|our|my|this) (?:blog'?s? )?(?:rss |atom )?feed\b", re.I)
_QUOTED = re.compile(r"[\"“”«»„]")
# Naming a newsletter or a mailing list is only a prompt on a line that is not prose: a news
# story about a newsletter business says "newsletters" in every paragraph.
_MENTION = re.compile(r"\b(?:newsletters?|mailing list|e-?mail alerts?|breaking news alerts?)\b", re.I)
# "Subscribe to WIRED and stay smart with ...": a call to subscribe to a named publication.
_SUBSCRIBE_TO = re.compile(r"^(?:Subscribe|SUBSCRIBE) to (?:[A-Z]|the [A-Z])")
_BARE_CALL = re.compile(r"^(?:subscribe|sign up|register|join now|get the newsletter|abonnieren|s'abonner|suscribirse)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
# The buttons of a cookie banner, left on lines of their own next to it.
COOKIE_BUTTONS = phrases(
    "accept", "accept all", "accept cookies", "accept all cookies", "allow all", "allow cookies", "agree",
    "i agree", "i accept", "ok", "got it", "reject", "reject all", "decline", "manage preferences",
    "manage cookies", "cookie settings", "settings", "more options", "learn more", "more information",
    # Other languages' buttons are data: clean/data/residue/<lang>.txt, [cookie-button].
)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:site|website) uses|uses cookies|use of cookies|accept|consent|cookie (?:policy|settings|"
    r"preferences)|browsing experience|by continuing|privacy|verwendet cookies|utilise des cookies|"
    r"utiliza cookies|utilizamos cookies|akzeptieren|accepter|aceptar)\b",
    re.I,
)
# "We use cookies ...", "This website uses cookies ...", "Our site uses cookies ...".
_BANNER = (r"(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies|"
           r"by continuing to (?:use|browse) this (?:web)?site|diese (?:web)?seite verwendet cookies|"
           r"ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies)")
_BANNER_START = re.compile(r"^" + _BANNER, re.I)
# The same banner glued after the story in a text without line breaks: from its opening words
# to the end of the text, when it is short enough to be only the banner.
_GLUED_BANNER = re.compile(r"(?<=[.!?”\"] )" + _BANNER + r"\b[^\n]{0,1200}$", re.I)
MAX_BANNER_WORDS = 200
# Prompts are short; a long paragraph that mentions a newsletter is reporting on one.
MAX_PROMPT_WORDS = 60
MAX_PITCH_WORDS = 40


# How far from a cookie banner its buttons may sit.
BUTTON_REACH = 3


# An affiliate disclosure: the page is paid for what the reader buys.
_AFFILIATE = re.compile(
    r"\b(?:may (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of (?:the )?sales?)|"
    r"affiliate (?:links?|partnerships?|commissions?)|prices (?:are )?subject to change|"
    r"(?:earns?|receives?) (?:a )?commission)\b",
    re.I,
)


def detect(doc: Document) -> Iterator[Verdict]:
    banner = -BUTTON_REACH - 1  # index of the last cookie banner seen
    buttons: list[int] = []  # button-shaped lines since then, waiting for a banner below them
    words = vocab.vocabulary(doc.lang)
    judge = (lambda text, feat: _judge(text, feat) or _judge_words(text, feat, words)) if words.lines else _judge
    for i, judged in enumerate(judged_lines(doc, judge)):
        if judged is None:
            continue
        kind, span = judged
        if kind == "button":
            if i - banner <= BUTTON_REACH:
                yield Verdict(i, "cookie")
            else:
                buttons.append(i)
        elif kind == "banner":
            yield Verdict(i, "cookie")
            yield from (Verdict(b, "cookie") for b in buttons if i - b <= BUTTON_REACH)
            banner, buttons = i, []
        elif kind == "affiliate":
            # Less sure than an ad marker: a deals post prints it under every product, and it
            # must not make such a post look like a page full of furniture.
            yield Verdict(i, "advert", score=0.9)
        else:
            yield Verdict(i, kind, span=span)


def _repeated_advert(folded: str) -> bool:
    """An ad marker printed several times on one line ("Advertisement Advertisement
    Advertisement"): one slot per ad, the extractor joined them."""
    words = folded.split()
    for size in range(1, min(5, len(words) // 2) + 1):
        if len(words) % size == 0 and " ".join(words[:size]) in ADVERT and words == words[:size] * (len(words) // size):
            return True
    return False


def _judge_words(text: str, feat: Features, words: vocab.Vocabulary) -> tuple[str, None] | None:
    """The same judgement from the document's language's vocabulary."""
    if feat.chars <= 40 and words.match("cookie-button", text):
        return "button", None
    if feat.chars <= 60 and words.match("advert", text):
        return "advert", None
    if feat.words <= MAX_BANNER_WORDS and words.match("cookie", text):
        return "banner", None
    if feat.words <= MAX_PITCH_WORDS and words.match("newsletter", text):
        return "newsletter", None
    return None


def _judge(text: str, feat: Features) -> tuple[str, tuple[int, int] | None] | None:
    """What a line alone looks like: a cookie button or banner (which the detector pairs up),
    an affiliate disclosure, or a reason and span to remove."""
    if feat.chars <= 40 and key(text) in COOKIE_BUTTONS:
        return "button", None
    if feat.chars <= 60 and key(text) in ADVERT or feat.chars <= 120 and _repeated_advert(key(text)):
        return "advert", None
    if _BANNER_START.match(text) and feat.words <= MAX_BANNER_WORDS:
        # A banner that opens by announcing cookies is one however long its legalese runs.
        return "banner", None
    if feat.words <= MAX_APPEAL_WORDS and _APPEAL.match(text):
        return "newsletter", None
    if feat.words <= MAX_PROMPT_WORDS and _DONATION.search(text) and not _QUOTED.search(text):
        return "newsletter", None
    if feat.words <= MAX_FORM_WORDS and _form_text(text):
        return "newsletter", None
    if feat.words > MAX_PROMPT_WORDS:
        glued = _GLUED_BANNER.search(text)
        return ("cookie", glued.span()) if glued else None
    if _AFFILIATE.search(text):
        return "affiliate", None
    if _COOKIE.search(text) and _COOKIE_CONTEXT.search(text):
        return "banner", None
    if feat.words <= MAX_PITCH_WORDS and (
        _PITCH.search(_FEED_SENTENCE.sub("", text) if feat.prose else text)
        or feat.words <= MAX_FORM_STATE_WORDS and _FORM_STATE.match(text)
        or _SUBSCRIBE_TO.match(text)
        or not feat.prose and _MENTION.search(text)
        or feat.words <= 6 and _BARE_CALL.match(text)
    ):
        return "newsletter", None
    return None
