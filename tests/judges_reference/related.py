"""The Python that src/judges/related.rs replaced, as it was, for tests/test_judges_native.py to
hold the native code against: the per-line judge of the related family (`_judge`, `glued_line`
for a teaser's headline glued to its summary, and `_stamp` for a teaser's age or date), and the
family's `detect` with the rules that read the lines around (the list under a header, runs of
teasers, cut summaries, counted headlines, stamped teasers, headlines closing the text), which
reads the native line answers (`Document.judged`) as it did. The other languages' pointer
pattern, which stayed in the package, is imported from `clean.residue.related`. Delete it with
that test once the port is done."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from clean import _core, language, vocab
from clean.article import Verdict
from clean.document import Document, Features
from clean.residue._lines import LINE, judged_lines
from _text import key, phrases
from clean.residue.related import _pointer_pattern

import metadata as metadata_reference  # the references beside this one (this directory)
from headline import DATELINE_OPENING
from runs import entries, runs

# The bounds and names the line judge shared with the document's rules below.
MAX_HEADER_CHARS = 60
MAX_INLINE_WORDS = 40
MIN_TEASER_WORDS = 4
# A related-list item is a headline: a few words, no full stop at the end. A price, a one-word
# spec or a "Buy Now" button is not one: the list has ended (what follows a "Don't Miss" on a
# deals page is the deals).
MIN_ITEM_WORDS, MAX_ITEM_WORDS = 2, 20

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


# The family's rules that read the lines around, as the Python `detect` had them before they
# moved to the crate (src/judges/related.rs, `detect`): the native line answers
# (`Document.judged`) and the language's words in, the verdicts out.
def detect(doc: Document) -> Iterator[Verdict]:
    yield from _teaser_runs(doc)
    yield from _teaser_pairs(doc)
    yield from _cut_summary_runs(doc)
    yield from _counted_runs(doc)
    yield from _dated_runs(doc)
    yield from _closing_headlines(doc)
    lines = _lines(doc)
    judged = [lines[k] for k in doc.line_of]
    i = 0
    n = len(doc.blocks)
    teaser_tail = None  # where the paragraphs that all read as teasers begin, once asked
    while i < n:
        found = judged[i]
        if found is None:
            i += 1
            continue
        kind, span, inline = found
        if kind != _LINE:
            more = kind == _MORE
            yield Verdict(i, "related")
            i += 1
            # The list under the header: headline-shaped lines up to the next real paragraph.
            while i < n and _item(doc.feats[i]):
                yield Verdict(i, "related", score=0.9)
                i += 1
            end = _closing_list(doc, i)
            yield from (Verdict(k, "related", score=0.9) for k in range(i, end))
            i = end
            if more and teaser_tail != n:
                teaser_tail = _teaser_tail(doc) if teaser_tail is None else teaser_tail
                if i >= teaser_tail:
                    # A later header's list would be part of this one: look no further.
                    yield from _summarised_list(doc, i)
                    teaser_tail = n
            continue
        yield Verdict(i, "related", span=span)
        if inline:
            # "Read more on this story: <headline>", then the list's other headlines on lines of
            # their own to the end of the text.
            end = i + 1
            while end < n and _item(doc.feats[end]):
                end += 1
            if end == n:
                yield from (Verdict(k, "related", score=0.9) for k in range(i + 1, n))
                i = n
                continue
        i += 1


# Headlines of other stories left after the story's last paragraph, their header and links lost
# with the markup ("Kim Jong-nam: The exile who criticised his family" / "Who could order such a
# killing"): a line or a few, each a headline's length, without a sentence's end, after a
# paragraph that ends one. A story that goes on below such a line had a subheading there, so
# the lines go only where nothing but residue follows them (`where="tail"`). A sentence cut off
# where the text stopped ends on a word that cannot close one ("... both events are"); a quoted
# sentence without its full stop opens on its quotation mark; a heading of a word or two
# ("References", "Methods") stays; so does a heading in Title Case over a section the text ends
# with ("Tour Dates", a recipe's name over its card), whose section may have gone as residue; and
# a line with a link or an address in it is the story's contact line ("For more information,
# visit: www.example.com").
MIN_CLOSING_HEADLINE_WORDS = 4
MAX_CLOSING_HEADLINE_WORDS = 14
MAX_CLOSING_HEADLINES = 5
CLOSING_HEADLINE_CAPITALS = 0.6
_HEADLINE_END = "’'\"”"
# A quoted sentence opens on its quotation mark; a headline does not.
_OPENING = "\"“‘'(«"
_ADDRESS = re.compile(r"@|://|\bwww\.|\w\.(?:com|org|net|gov|edu|[a-z]{2})\b", re.I)


def _closing_headline(text: str, feat: Features, stop: frozenset[str] | set[str]) -> bool:
    if not (MIN_CLOSING_HEADLINE_WORDS <= feat.words <= MAX_CLOSING_HEADLINE_WORDS) or feat.sentences \
            or feat.ends_sentence or not feat.title_shaped or feat.upper_ratio >= CLOSING_HEADLINE_CAPITALS:
        return False
    text = text.strip()
    if text[0] in _OPENING or not (text[-1].isalnum() or text[-1] in _HEADLINE_END):
        return False
    last = text.split()[-1].strip(_HEADLINE_END).lower()
    return last not in stop and _ADDRESS.search(text) is None


def _closing_headlines(doc: Document) -> Iterator[Verdict]:
    stop = language.stopwords(doc.lang)
    if not stop:
        return  # without a stoplist, a sentence cut off cannot be told from a headline
    blocks, feats = doc.blocks, doc.feats
    shaped = judged_lines(doc, lambda text, feat: _closing_headline(text, feat, stop))
    i, n = 1, len(blocks)
    while i < n:
        if not (shaped[i] and feats[i - 1].prose and feats[i - 1].ends_sentence):
            i += 1
            continue
        end = i
        while end < n and shaped[end]:
            end += 1
        if end - i <= MAX_CLOSING_HEADLINES:
            yield from (Verdict(k, "related", score=0.5, where="tail") for k in range(i, end))
        i = end


# What a line is to a list (`_lines`): under a header, the lines are judged by their shape. A
# header offering more of the site's stories ("More Washington Examiner") heads the list that
# closes the page; "Read more" may be a button in the middle of the story. A pointer is `_LINE`.
_HEADER, _MORE, _LINE = "header", "more", "line"


def _lines(doc: Document) -> list:
    """What each distinct line is to a list of other stories: None, or (kind, span, inline): kind
    `_MORE`, `_HEADER` or `_LINE` (a pointer: the span glued into the line, or None for the whole
    line), and whether it is a pointer of the "Read more: <headline>" kind, which the list's other
    headlines may follow. The native judge's (src/judges/related.rs), and the document's language's
    headers and "read also" openers."""
    found = [None if answer is None or answer[0] is None else answer[:3] for answer in doc.judged["related"]]
    words = vocab.vocabulary(doc.lang)
    if not (words.lines or words.openers):
        return found
    pointer = _pointer_pattern(doc.lang)
    return [_with_words(text, feat, answer, words, pointer) for (text, feat), answer in zip(doc.lines, found)]


def _with_words(text: str, feat: Features, found: tuple | None, words: vocab.Vocabulary,
                pointer: re.Pattern | None) -> tuple | None:
    """The native judge's answer on a line, with a language's words taking the turns they take
    among its rules: a header after the site's more-stories header, a pointer after the pointers
    on a line of their own and the teasers glued after a paragraph (the native judge's answers
    that come after it are pointers of the whole line too, or need a line too long for it)."""
    if found is not None and found[0] == _MORE:
        return found
    if feat.chars <= MAX_HEADER_CHARS and words.match("related-header", text):
        return _HEADER, None, False
    if found is not None:
        return found
    if feat.words <= MAX_INLINE_WORDS and pointer is not None and pointer.match(text):
        return _LINE, None, False
    return None


# A list of teasers printed as paragraphs, each headline glued to the first sentence of its
# summary: "First UK election debate was a total shambles The first leaders debate on Tuesday
# ...", "... may soon be deemed stateless WASHINGTON: Expressing concern ...". A sentence starts
# inside the line's opening words right after a word that ends none: a capitalised stopword
# after a lower-case word that is not one, or a dateline. One such line can be a title in a
# sentence ("... watched It Follows"); a run of them is a list. A teaser whose summary opens
# with a name ("... under the bus Kurt Volker, a former envoy ...") shows no seam, so a run may
# pass over one such line between two that do. The seams are found natively
# (src/judges/related.rs), with the words the document's language capitalises only at a
# sentence's start (`Document.judged`).
MIN_TEASER_RUN = 3
GLUE_REACH = 25  # words: how far into the line the headline may run (src/judges/related.rs too)


def _teaser_runs(doc: Document) -> Iterator[Verdict]:
    found = _glued(doc)
    glued = [found[k] for k in doc.line_of]
    prose_above = list(accumulate((f.prose for f in doc.feats), initial=0))
    for run in runs(glued, 2):
        if len(run) >= MIN_TEASER_RUN:
            # An extracted article whose subheadings are glued to their paragraphs has the same
            # seams, with the story's prose on both sides: there, only a run above or below
            # the story is a list. A page dump has its lists beside the story too.
            first, last = run[0], run[-1]
            at_edge = prose_above[first] == 0 or prose_above[-1] == prose_above[last + 1]
            yield from (Verdict(j, "related") if at_edge else Verdict(j, "related", score=0.5, where="page")
                        for j in range(first, last + 1))


def _glued(doc: Document) -> list[bool]:
    """Whether each distinct line opens with a teaser's headline glued to its summary, as the
    native judge finds it (src/judges/related.rs, with the words only a sentence's start
    capitalises in the document's language), unless a dateline opens it: then the line is the
    story's own."""
    return [answer is not None and answer[3] and not _core.dateline_opening(text)
            for (text, _), answer in zip(doc.lines, doc.judged["related"])]


# Under a header offering more stories, teasers whose summaries follow their headlines on the
# same line may show no stopword at the seam ("Kurt Volker throws Rudy Giuliani under the bus
# Kurt Volker, a former envoy ..."): any capitalised word after a lower-case one, early in the
# line, may open the summary. Prose shows that too ("... visited Paris"), so it only counts when every paragraph
# from the header to the end of the text reads that way: the page's list of more stories, not
# an article that goes on below a pointer.
MIN_SUMMARISED_LIST = 3
_LOOSE_SEAM = re.compile(r"^(?:\S+\s+){1,%d}?[\w’'\")]*[a-z?][’'\")]?\s+[\"“‘']?[A-Z]" % GLUE_REACH)


def _teaser_tail(doc: Document) -> int:
    """The first block from which every paragraph to the end of the text reads as a teaser."""
    for i in range(len(doc.blocks) - 1, -1, -1):
        feat = doc.feats[i]
        if feat.prose and not (_item(feat) or _LOOSE_SEAM.match(doc.blocks[i].text)):
            return i + 1
    return 0


def _summarised_list(doc: Document, start: int) -> Iterator[Verdict]:
    # A teaser whose summary ends without a full stop is no sentence, but it shows its seam.
    items = [i for i in range(start, len(doc.blocks))
             if doc.feats[i].prose or _item(doc.feats[i]) or _LOOSE_SEAM.match(doc.blocks[i].text)]
    if len(items) >= MIN_SUMMARISED_LIST:
        yield from (Verdict(i, "related", score=0.9) for i in items)


# The same list with each headline on its own line, its summary on the next: "Tape Gaffe Ends
# Hamlin's Title Run" / "Denny Hamlin's championship run was foiled by the tale of the tape."
# An article's subheadings are followed by more than a sentence or two, and rarely in Title
# Case three times running; still, a page dump's lists sit beside the story, so the run is only
# a weak verdict for the main-block choice on a page.
MIN_PAIRS = 3
MIN_HEADLINE_CAPITALS = 0.6
MAX_SUMMARY_WORDS, MAX_SUMMARY_SENTENCES = 60, 3
MAX_LABEL_WORDS = 3


def _teaser_pairs(doc: Document) -> Iterator[Verdict]:
    feats, n = doc.feats, len(doc.feats)
    i = 0
    while i < n - 1:
        j, pairs = i, 0
        while j < n - 1:
            if _title_case_headline(feats[j]) and _summary(feats[j + 1]):
                j, pairs = j + 2, pairs + 1
            elif pairs and j < n - 2 and _label(feats[j]) and _title_case_headline(feats[j + 1]) and _summary(feats[j + 2]):
                j += 1  # a section label between two of them ("Autos")
            else:
                break
        if pairs >= MIN_PAIRS:
            yield from (Verdict(k, "related", score=0.5, where="page") for k in range(i, j))
            i = j
        else:
            i += 1


def _title_case_headline(feat: Features) -> bool:
    # A question may open it ("Say Cheese? The City's Top 3 Cheese Shops"); a full stop may not end it.
    return (not feat.ends_sentence or feat.last in "?!") and MIN_TEASER_WORDS - 1 <= feat.words <= MAX_ITEM_WORDS and (
        feat.upper_ratio >= MIN_HEADLINE_CAPITALS)


def _label(feat: Features) -> bool:
    return 0 < feat.words <= MAX_LABEL_WORDS and not feat.prose


def _summary(feat: Features) -> bool:
    return feat.prose and feat.words <= MAX_SUMMARY_WORDS and feat.sentences <= MAX_SUMMARY_SENTENCES


# A teaser's summary cut to length by the site's software ends on an ellipsis right after a
# letter: "... If you're trying to overcome an eating disorder, or create a…". A writer may
# trail off once; three such paragraphs with nothing but short lines (their headlines, "READ
# MORE", a reviewer's name) between them are a list, wherever it sits.
_CUT_SUMMARY = re.compile(r"[^\W\d_](?:…|\.\.\.)$")
MIN_CUT_SUMMARY_WORDS = 8
MIN_CUT_RUN = 3
CUT_REACH = 4  # blocks from one summary to the next


def _cut_summary_runs(doc: Document) -> Iterator[Verdict]:
    # A block is one line: an ellipsis it ends on is the one the pattern looks for at `$`.
    cut = judged_lines(doc, lambda text, feat: feat.words >= MIN_CUT_SUMMARY_WORDS and text.endswith(("…", "..."))
                       and bool(_CUT_SUMMARY.search(text)))
    for run in runs(cut, CUT_REACH, doc.feats):
        if len(run) >= MIN_CUT_RUN:
            yield from (Verdict(j, "related", score=0.9) for j in range(run[0], run[-1] + 1))


# A "most commented" or "most shared" list prints each headline with its count: "Myles Garrett
# should expect a significant suspension (148)", or the count on a line of its own under its
# headline. Three counted lines, at most one line apart, are the list.
_COUNTED = re.compile(r"\S\s*\(\d[\d,.]*[kK]?\)$")
_COUNT = re.compile(r"^\(\d[\d,.]*[kK]?\)$")
MIN_COUNTED_RUN = 3


def _counted_runs(doc: Document) -> Iterator[Verdict]:
    counted = judged_lines(doc, lambda text, feat: bool(_COUNT.match(text)) or (
        MIN_TEASER_WORDS <= feat.words <= MAX_ITEM_WORDS and not feat.prose and bool(_COUNTED.search(text))))
    # A paragraph between two counts ends the list: "(1)" and "(2)" may number a law's clauses.
    for run in runs(counted, 2, doc.feats):
        if len(run) >= MIN_COUNTED_RUN:
            yield from (Verdict(j, "related", score=0.9) for j in range(run[0], run[-1] + 1))


# A list closing the story may print its headlines as sentences, full stop and all ("Lions are
# raised to be killed in South Africa. And hunters love it."): under a header, lines of a
# headline's length that run to the end of the text, or to a separator rule, are the list
# whatever most of them end on. A story that goes on after a header goes on in paragraphs.
MAX_CLOSING_ITEMS = 10
MAX_CLOSING_ITEM_SENTENCES = 2


def _closing_list(doc: Document, start: int) -> int:
    """Where the list from `start` to the end of the text, or to a separator rule, ends; `start`
    when the lines there are not such a list."""
    n = len(doc.feats)
    end = start
    while end < n and end - start < MAX_CLOSING_ITEMS:
        feat = doc.feats[end]
        if not feat.words:  # a rule of dashes or underscores
            break
        if not MIN_TEASER_WORDS <= feat.words <= MAX_ITEM_WORDS or feat.sentences > MAX_CLOSING_ITEM_SENTENCES:
            return start
        end += 1
    if end == start or end < n and doc.feats[end].words:
        return start
    # A headline among them: a story's own sentences after a "Read More" button all end as
    # sentences do.
    if all(doc.feats[k].ends_sentence for k in range(start, end)):
        return start
    return end


def _item(feat) -> bool:
    # A headline may hold a sentence break ("Paid political ads are not the problem. Our
    # perceptions are") as long as it does not end like a sentence.
    return (feat.title_shaped or not feat.ends_sentence and not feat.prose) and (
        MIN_ITEM_WORDS <= feat.words <= MAX_ITEM_WORDS and feat.upper_ratio > 0)


# A list of stories stamped with their age: "Four Things We Learned ..." / "Rolling Stone" / "7
# hours ago"; or with their author and date: "Becket Adams" / "Tuesday November 19, 2019" / a
# one-paragraph summary. An article gives its own date once, and a live report's entries run
# longer than a summary; three stamps, each at most two lines from the next, are a list. A date
# alone heads a chronology's entry when prose stands above it, so it only counts as a stamp
# under a name or headline. Which lines are stamps is the native judge's (src/judges/related.rs).
MIN_DATED_RUN = 3
DATED_REACH = 3
MAX_DATED_SUMMARY_WORDS = 120  # a story's opening paragraph
_AGED, _DATED = "age", "date"


def _dated_runs(doc: Document) -> Iterator[Verdict]:
    feats = doc.feats
    stamped = [None if answer is None else answer[4] for answer in doc.judged["related"]]
    stamped = [stamped[k] for k in doc.line_of]
    stamps = [stamped[i] == _AGED or stamped[i] == _DATED and i > 0 and stamped[i - 1] != _DATED
              and _item(feats[i - 1]) and not feats[i - 1].prose for i in range(len(feats))]
    for run in runs(stamps, DATED_REACH):
        # A stretch of longer writing between two stamps splits the run.
        cuts = [k + 1 for k, (a, b) in enumerate(zip(run, run[1:])) if not _listed(feats[a + 1:b])]
        for start, end in zip([0] + cuts, cuts + [len(run)]):
            if end - start >= MIN_DATED_RUN:
                first, last = entries(run[start:end], feats)
                yield from (Verdict(i, "related", score=0.9) for i in range(first, last + 1))


def _listed(between) -> bool:
    """What may stand between two stamps of a list: a headline, a name, one summary."""
    prose = [f for f in between if f.prose]
    return len(prose) <= 1 and all(f.words <= MAX_DATED_SUMMARY_WORDS for f in prose)
