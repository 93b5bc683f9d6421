"""The Python line judge that src/judges/related.rs replaced, as it was, for
tests/test_judges_native.py to hold the native one against: the per-line judge of the related
family (`_judge`, `glued_line` for a teaser's headline glued to its summary, and `_stamp` for a
teaser's age or date) with the patterns and bounds only it read. What it shares with the rules that stayed in the package (the verdicts'
names, the other languages' pointer pattern, the bounds the multi-line rules read too) is
imported from `clean.residue.related`. Delete it with that test once the port is done."""

from __future__ import annotations

import re

from clean import vocab
from clean.article import Verdict
from clean.document import Features
from clean.residue._lines import LINE
from clean.residue._text import DATELINE_OPENING, key, phrases
from clean.residue.related import _HEADER, _MORE, GLUE_REACH, MIN_TEASER_WORDS

import metadata as metadata_reference  # the reference beside this one

HEADERS = phrases(
    "related", "more", "related articles", "related stories", "related news", "related content", "related coverage",
    "related posts", "related links", "related reading", "recommended", "recommended for you",
    "recommended stories", "recommended articles", "most read", "most read stories", "most read articles",
    "read more", "read next", "more stories", "more news", "more articles", "more like this",
    "you may also like", "you might also like", "you may be interested in", "also read", "read also",
    "see also", "also on", "more on this story", "more on this topic", "further reading", "popular",
    "popular stories", "popular now", "what to read next", "don't miss", "we recommend", "in other news",
    "elsewhere", "around the web", "from around the web", "from the web", "more from our partners",
    # Other languages' headers are data (clean/data/residue/<lang>.txt, [related-header]); scripts
    # without spaces get no language to pick a file by.
    "相关新闻", "相关阅读", "関連記事",
)
# "Read more: Headline", "READ MORE: ...", "Related: ...", "Lesen Sie auch: ..."
_INLINE = re.compile(
    r"^(?:[■•▪►▶]\s*)?[(\[]?(?:read more|read also|also read|see also|see more|related|more|recommended|watch|listen|"
    r"also(?=:\s*(?:see|read|watch|listen)\b)|"
    r"lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche|leia mais)"
    r"(?:\s+(?:on|at|in|from|auf|sur|en|su|em)(?:\s+[^:»›>]{1,30}?)?)?"  # "Read more on BBC:", "Leggi anche su:"
    r"\s*(?::|»|›|>|—|–|-)\s*\S",
    re.I,
)
# A pointer to more coverage elsewhere that ends on its link: "Follow AP's full coverage of
# Brexit at https://...", "More AP NBA: https://...". A press release's "For more information,
# visit www..." is the release's own contact line and stays.
_POINTER = re.compile(
    r"^(?:follow|more|watch|listen)\b[^\n]{0,150}?(?:https?://|www\.)\S+\s*$"
    # A broadcast's promotion whose link was its last word: "Listen to Newsbeat live at 12:45
    # weekdays - or listen back here."
    r"|^(?:watch|listen)\b[^\n]{0,150}\bhere[.!]?$",
    re.I,
)
# "On HoustonChronicle.com: Car sales plunge ...": a headline from the site's other pages.
# "Also on rt.com Journalists threatened ...": the pointer needs no colon.
_ON_SITE = re.compile(
    r"^(?:(?:on|at)\s+{site}\s*:|(?:more on|also on)\s+{site}\s*:?)\s*\S".format(
        site=r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|com\.au|de|fr)"),
    re.I,
)
MAX_POINTER_WORDS = 30
# Pointers to other stories written as a line of their own, the way a body never phrases its
# sentences: "Read more about VX", "Read Simon's full blog here.", "Click here to continue
# reading.", "For the full story, check out this link.", "Find all AP Fact Checks here: <url>",
# TIME's "See all of this week's reviews", "Related PHOTOS: ...", "(Also on POLITICO: ...)",
# "(Government shutdown full coverage)"; a teaser set in brackets between paragraphs ("[Mark
# Zuckerberg and Priscilla Chan's $3 billion effort ...]"); a teaser under its kicker in
# capitals ("TODAY IN THE SKY: Would you bid 420,000 miles ...").
_POINTER_LINE = re.compile(
    r"^(?:read more (?:about|from|on|at)\b|read (?:the|our|(?-i:[A-Z])\w+['’]s) full (?:story|blog|article|report|post|review)\b"
    r"|click here to (?:continue reading|read more|read the full)|for the full story\b|find (?:all|more)\b.{1,40}\bhere\s*:"
    # "Find more of her posts in the gallery at the top of the story.": a pointer to a widget.
    r"|(?:find|see|view|watch|check out) (?:more|all|the rest)\b.{1,60}\b(?:gallery|slideshow|video|player)\s+"
    r"(?:above|below|at the (?:top|bottom|end) of (?:the|this) (?:story|page|article|post))[.!]?$"
    r"|see (?:the latest|all of|all our|more of|pictures of|photos of|our full)\b"
    r"|related\s+(?-i:[A-Z])|learn (?:how|why|more about)\b|view (?:graphic|photos|gallery|slideshow)\b"
    r"|more (?:about|on) (?:the|this)\b[^.!?]{1,60}:$|.{3,120}\bclick here$|.{10,150}\bread more$)"
    r"|^\((?:also on\s+(?-i:[A-Z])[\w.]*\s*:|see|read|watch)\s[^()]{3,150}\)$|^\([^()]{2,60}\bfull coverage\)$"
    r"|^\[(?!(?:editor|update|updated|note|correction|sic|laughter|applause)\b"
    # "[This story has been updated ...]", "[This is a developing story]": the page's note on itself.
    r"|this\s+(?:story|article|post|report|piece|page|item|version|interview|transcript|video|photo|content|"
    r"is|was|has|had|will)\b)[^\[\]]{10,250}\]$",
    re.I,
)
# A speaker's label in capitals opens a line of a transcript too ("JON STEWART: Ben walked into
# a buzz saw."), but a speaker says sentences; a teaser's headline ends on none.
_KICKER_TEASER = re.compile(r"^[A-Z0-9][A-Z0-9'’&.]*(?:\s[A-Z0-9'’&.]+){1,5}:\s+[A-Z0-9'‘\"“]")
MAX_POINTER_LINE_WORDS = 25
# The same teasers glued after a paragraph: "... below the horizon. [Super Blue Blood-Moon 2018:
# When, Where and How to See It]", "... at her. (See the top 10 fiction books of 2009.)"
_GLUED_POINTER = re.compile(
    r"(?<=[.!?”\"])\s+(?:\[(?-i:[A-Z“\"‘])[^\[\]]{10,150}\]|\((?:See|Read|Watch)\s[^()]{3,120}\))\s*$"
)
# A headline closed by a bracketed tag: "Plague fears: holidaymakers die after eating marmot
# [INSIGHT]", "... power station [Video]". Sites tag the teasers they link, not their own
# paragraphs; a tag that dates or corrects a story, or names a file's format, is not one of these.
# A list may close each tag with a separator ("... jibe [INSIGHT]|").
_TAGGED_TEASER = re.compile(
    r"\S\s+\[(?!(?:UPDATED?|CORRECTED|CORRECTION|EDITED|PDF|DOC|SIC|NSFW)\])(?:[A-Z]{3,12}|Video|Videos|Photos?|Gallery|Audio|"
    r"Podcast|Watch|Listen|Quiz|Poll)\]\s*\|?$"
)
MAX_TEASER_WORDS = 80
# A teaser's summary cut off mid-sentence by its link: "... have even died due to Read more".
# A whole page flattened into one paragraph may end the same way, hence the teaser's size.
_CUT_TEASER = re.compile(r"[^\W\d_,;:]\s+(?:Read [Mm]ore|READ MORE|Continue [Rr]eading|CONTINUE READING)\s*[»›>…]*$")
# A page flattened to one paragraph (jusText, some WET records) runs on from the story into
# "... said on Tuesday. Top stories The House voted ...": the first list header glued after a
# sentence, past the middle of a long paragraph, opens a tail of teasers that goes with it.
# Only the first header counts, so the cut does not move when the output is cleaned again.
_GLUED_HEADERS = sorted((h for h in HEADERS | phrases("top stories", "most popular", "most viewed", "latest news")
                         if " " in h), key=len, reverse=True)
_GLUED_HEADER = re.compile(
    r"(?<=[.!?”\"] )(?=[A-ZÀ-Þ])(?i:" + "|".join(r"[\W_]+".join(map(re.escape, h.split())) for h in _GLUED_HEADERS)
    + r")[:\s]+(?=[A-ZÀ-Þ0-9“\"])"
)
MIN_GLUED_PAGE_WORDS = 150

# "More Great WIRED Stories", "More CNN Business News": a header naming the site or section.
_MORE_HEADER = re.compile(r"^more (?!than )(?:[^\W\d][\w&'’-]* ){1,3}(?:stories|news|articles|coverage|videos)$"
                          r"|^(?:latest|top|more) headlines$")
# "More Washington Examiner", "More from NBC News", "More In Trading Nation": the site or section
# named in capitals. "More Information" names no one.
_MORE_NAMED = re.compile(
    r"^More (?:from |in |on |In |On )?(?:the |The )?(?!(?:Information|Info|Details|Help)$)"
    r"[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}$"
)

# The same header with its list glued after it on one line: "More Great WIRED Stories YouTubers
# must unionize, ...".
_MORE_HEADER_GLUED = re.compile(r"^More (?:[A-Z][\w&'’-]* ){1,3}(?:Stories|News|Articles)\s+[A-Z0-9\"“‘]")
# A teaser stamped by the site's software: "Renault's latest seven-seater ... 2019-11-20
# 12:57:32 Marcus De Guzman". Running text gives no machine timestamps.
_STAMPED_TEASER = re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?\b")
MIN_STAMPED_WORDS, MAX_STAMPED_WORDS = 8, 40
# A link to another story printed in capitals inside the body: "TAYLOR SWIFT CLEARED TO PERFORM
# HITS AT AMAS AMID FEUD WITH ..." A subheading in capitals is a few words long.
MIN_CAPS_TEASER_WORDS, MAX_CAPS_TEASER_WORDS, MIN_CAPS_LETTERS = 8, 40, 20
CAPS_SHARE = 0.9


def _in_capitals(text: str) -> bool:
    """Printed in capitals, a name's own small letters aside ("... AT AMAs AMID FEUD ...")."""
    upper = sum(map(str.isupper, text))
    return upper >= MIN_CAPS_LETTERS and upper >= CAPS_SHARE * sum(map(str.isalpha, text))


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY,
           pointer: re.Pattern | None = None) -> Verdict | str | None:
    if feat.chars <= 60 and (_MORE_HEADER.match(key(text)) or _MORE_NAMED.match(text)):
        return _MORE
    if feat.chars <= 60 and (key(text) in HEADERS or words.match("related-header", text)):
        return _HEADER
    if feat.words <= MAX_POINTER_LINE_WORDS and _POINTER_LINE.match(text) \
            or feat.words <= MAX_POINTER_LINE_WORDS and not feat.ends_sentence and _KICKER_TEASER.match(text):
        return Verdict(LINE, "related")
    if text.endswith((")", "]")) and feat.words > 8:
        glued = _GLUED_POINTER.search(text)
        if glued:
            return Verdict(LINE, "related", span=glued.span())
    if feat.words <= 40 and pointer is not None and pointer.match(text):
        return Verdict(LINE, "related")
    if feat.words <= 40 and (_INLINE.match(text) or _ON_SITE.match(text)) or (
        feat.words <= MAX_POINTER_WORDS and _POINTER.match(text)
    ):
        return Verdict(LINE, "related")
    if MIN_TEASER_WORDS <= feat.words <= MAX_TEASER_WORDS and not feat.ends_sentence and _CUT_TEASER.search(text):
        return Verdict(LINE, "related")
    if _MORE_HEADER_GLUED.match(text) and not feat.ends_sentence:
        return Verdict(LINE, "related")
    if MIN_STAMPED_WORDS <= feat.words <= MAX_STAMPED_WORDS and not feat.ends_sentence and _STAMPED_TEASER.search(text):
        return Verdict(LINE, "related")
    if MIN_CAPS_TEASER_WORDS <= feat.words <= MAX_CAPS_TEASER_WORDS and not feat.ends_sentence and _in_capitals(text):
        return Verdict(LINE, "related")
    if feat.title_shaped and feat.words >= MIN_TEASER_WORDS and _TAGGED_TEASER.search(text):
        return Verdict(LINE, "related")
    if feat.words >= MIN_GLUED_PAGE_WORDS:
        glued = _GLUED_HEADER.search(text)
        if glued and glued.start() >= len(text) / 2:
            return Verdict(LINE, "related", span=(glued.start(), len(text)))
    return None


# A line whose opening words are a teaser's headline glued to its summary, as `_teaser_runs`
# asked of each line (`stop`: the words only a sentence's start capitalises).
MIN_TEASER_RUN_WORDS = 15
MAX_TEASER_RUN_WORDS = 150
MIN_TITLE_CASE_RUN = 4
_OPENING = "\"“‘'(«"
_GLUED_DATELINE = re.compile(r"^(?:\S+\s+){3,25}?[A-Z]{3,}(?:\s+[A-Z]{3,})?\s?:\s+[A-Z]")


def glued_line(text: str, feat: Features, stop: frozenset[str]) -> bool:
    return bool(stop) and MIN_TEASER_RUN_WORDS <= feat.words <= MAX_TEASER_RUN_WORDS \
        and not DATELINE_OPENING.match(text) and _glued_headline(text, stop)


def _glued_headline(text: str, stop: frozenset[str]) -> bool:
    words = text.split(None, GLUE_REACH + 1)[:GLUE_REACH + 1]
    for k in range(3, len(words)):
        word, before = words[k].lstrip(_OPENING), words[k - 1]
        if (word[:1].isupper() and word.lower() in stop and before.isalpha() and before.islower()
                and before not in stop):
            return True
    return _title_case_opening(words, stop) or bool(_GLUED_DATELINE.match(text))


def _title_case_opening(words: list[str], stop: frozenset[str]) -> bool:
    """A headline in Title Case opens the line: capitalised stopwords among its first words
    ("Police: 2 In Custody After Death Of ..."), which a sentence capitalises only at its start."""
    run = title_stops = 0
    for word in words:
        word = word.lstrip(_OPENING)
        if not (word[:1].isupper() or word[:1].isdigit()):
            break
        if run and word.lower() in stop:
            title_stops += 1
        run += 1
    return run >= MIN_TITLE_CASE_RUN and title_stops > 0


MAX_STAMP_WORDS = 8
_CLOCK = re.compile(r"\d[:.]\d\d")


def _stamp(text: str, feat: Features) -> str | None:
    """A teaser's stamp, "age" or "date" (the dates judged as the metadata reference judges them)."""
    if feat.words > MAX_STAMP_WORDS:
        return None
    if metadata_reference.is_age(text):
        return None if _CLOCK.search(text) else "age"
    # A month and a year with no day heads an entry of a chronology; a story's stamp names its day.
    return "date" if metadata_reference.is_date(text) and not metadata_reference.is_month_year(text) else None
