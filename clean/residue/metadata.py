"""Lines that describe the article instead of telling it: source lines, bylines, dates, bare
URLs; and the dateline that opens the story, which stays in the body but is also reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from ..article import EDGE_PROSE_BLOCKS, Verdict
from ..document import Document, Features
from .. import _core, vocab
from ._lines import LINE

REASONS = ("metadata", "byline", "date", "url")

# How far into the document header metadata is looked for: bylines and dates sit above the
# body or right at its end, never in the middle.
HEAD_BLOCKS = 12
# A byline near the document's edge is sure; one further in is a candidate that `decide` takes
# when it is near the edge of what is left (the menus and teasers of a page around it gone), as
# it would be when the output is read again.

# English here; other languages' months, weekdays and date words are data
# (clean/data/residue/<lang>.txt), taken from every language: a page may mix them in.
_MONTHS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december"
).split()
_WEEKDAYS = "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday".split()
# Words that may stand beside a date on a date line: "Updated 10:32 AM ET, Tue March 5, 2019".
_DATE_WORDS = (
    "am pm a m p m et est edt gmt bst cet cest utc pt pst pdt ist jst hkt z at on of the le el de del "
    "um uhr h published updated posted last modified created date first às as a las alle ore "
    "veröffentlicht aktualisiert stand am publié mis à jour publicado actualizado pubblicato aggiornato "
    "ago hours hour minutes minute days day mins hrs yesterday today "
    # "November 18th", "1er janvier": ordinals split from their digits
    "st nd rd th er"
).split()
_DATE_TOKENS = frozenset(_MONTHS + _WEEKDAYS + _DATE_WORDS)


@lru_cache(maxsize=1)
def date_words() -> _core.DateWords:
    """Every word a date line may hold and the month names among them, in every language, as the
    native judges hold them."""
    months = frozenset(_MONTHS) | vocab.all_words("months")
    return _core.DateWords(_DATE_TOKENS | months | vocab.all_words("weekdays") | vocab.all_words("date-words"), months)


# What a line's own text says (bylines, wire credits, where the story was printed before, an
# agency's sign-off, a station's newscasts, the author's bio, address or role, bare URLs, source
# lines, date lines) is judged natively (src/judges/metadata.rs, src/judges/dates.rs), with every
# language's month names, weekdays and date words (data, `vocab`). Another language's openers and
# the dateline are here.
MAX_DATE_WORDS = _core.MAX_DATE_WORDS

# "QARA, Syria, Aug. 29 (Xinhua) --", "BEIRUT (AP) –", "(Reuters) —", "WASHINGTON —"
_DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-ZÀ-Þ][\w.'’\-]*(?:[ ,]+[\w.'’\-]+){0,7}\s*)?"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)|[A-ZÀ-Þ]{2,}[A-ZÀ-Þ .,'-]*)\s*(?:--|[-–—:])\s?)\s*\S"
)


def detect(doc: Document) -> Iterator[Verdict]:
    lines, contacts = _lines(doc)
    kinds = [None if j is None else j[0].reason for j in lines]
    tails = [j is not None and j[0].where == "tail" for j in lines]
    kept, contact_names, split = _core.metadata(doc.native, doc.line_of, kinds, tails, contacts,
                                                doc.judged["record-field"], date_words())
    kept = set(kept)
    prose_above = None  # for each block, the paragraphs of prose above it: counted when first asked
    for i, k in enumerate(doc.line_of):
        judged = lines[k]
        if judged is None or i in kept:
            continue
        v, edge_only = judged
        score, where = v.score, v.where
        if edge_only:
            if prose_above is None:
                prose_above = list(accumulate((f.prose for f in doc.feats), initial=0))
                total_prose = prose_above[-1]
            near_edge = prose_above[i] <= EDGE_PROSE_BLOCKS or (
                total_prose - prose_above[i] - doc.feats[i].prose <= EDGE_PROSE_BLOCKS)
            if not near_edge:
                score, where = 0.5, "edge"
        yield Verdict(i, v.reason, score, v.span, v.meta, where)
    yield from (Verdict(k, "byline", score=0.5, where="tail") for k in contact_names)
    for first, size, joined in split:
        yield Verdict(first, "date", meta=(("date", joined),))
        yield from (Verdict(k, "date") for k in range(first + 1, first + size))
    dateline = _dateline(doc)
    if dateline:
        yield dateline


def _lines(doc: Document) -> tuple[list, list[bool]]:
    """For each distinct line: its verdict and whether it is sure only near the text's edges (or
    None), and whether it is an address, a phone or a sign-off (the native judge's word)."""
    words = vocab.vocabulary(doc.lang)
    forms = _language_forms(doc.lang) if words.lines or words.openers else None
    found = doc.judged["metadata"]
    if forms is None:  # most lines have no answer, and then no verdict
        judged = [None if native is None else _judge(text, feat, native) for (text, feat), native in zip(doc.lines, found)]
    else:
        listed = doc.worded.get("metadata") or [False] * len(doc.lines)
        judged = [_judge(text, feat, native) or _judge_words(text, feat, named, forms)
                  for (text, feat), native, named in zip(doc.lines, found, listed)]
    return judged, [native is not None and native[1] is not None and native[1][4] for native in found]


# What reads the lines around a metadata line (a chronology's headings, a record's fields, which
# are the text's own; a date split over short blocks, a blog's date badge; a press office's
# contact's name, role and office above its address or phone) is native too
# (src/judges/metadata.rs, `around`), one call per document (`_core.metadata`): the line judges'
# answers, with another language's words, are handed over.


# The native judge's answers (src/judges/metadata.rs) as verdicts.
_URLS = {"sure": Verdict(LINE, "url"), "head": Verdict(LINE, "url", score=0.5, where="head")}
_BARE_DATE = Verdict(LINE, "date")


def _judge(text: str, feat: Features, found: tuple | None) -> tuple[Verdict, bool] | None:
    """A metadata line's verdict, and whether it is sure only near the text's edges, from the
    native judge's answer `found`: None if the line is too long to be metadata, else (what the
    line is first: a source line, a URL or a date line; what else it is)."""
    if found is None:
        return None
    first, line = found
    if first is not None:
        return _first(text, *first), False
    if line is None:
        return None
    reason, name, tail, edge_only, _ = line
    meta = (("byline", text[name[0]:name[1]]),) if name else ()
    return (Verdict(LINE, reason, 0.5, meta=meta, where="tail") if tail else Verdict(LINE, reason, meta=meta)), edge_only


def _first(text: str, kind: str, found) -> Verdict:
    if kind == "fields":
        return Verdict(LINE, "metadata", meta=tuple((field, text[a:b]) for field, a, b in found))
    if kind == "url":
        return _URLS[found]
    form, span = found
    if form == "bare":
        return _BARE_DATE
    if form == "labelled":
        return Verdict(LINE, "date", meta=(("date", text[span[0]:span[1]]),))
    if form == "clock":
        # A time of day alone heads an update in a live story ("6:25 p.m." / "The president
        # said ..."): the story's own. Above the story it is when the page was stamped.
        return Verdict(LINE, "date", score=0.5, where="head", meta=(("date", text),))
    return Verdict(LINE, "date", meta=(("date", text),))


# Made once per language, not per document: building the alternations costs more than judging
# a short text's lines with them.
@lru_cache(maxsize=None)
def _language_forms(lang: str | None) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The language's byline openers ("Von", "Par") and date labels ("Publié le") as patterns."""
    words = vocab.vocabulary(lang)
    byline = words.opener_pattern("byline")
    label = words.opener_pattern("date-label")
    return (re.compile(r"^(?:" + byline + r")\s*:?\s+(?=\S)", re.I) if byline else None,
            re.compile(r"^(?:" + label + r")\b\s*:?\s*(?P<date>.+)$", re.I) if label else None)


def _judge_words(text: str, feat: Features, named: bool, forms) -> tuple[Verdict, bool] | None:
    """What the document's language's vocabulary says of a line (`named`: whether its section
    `metadata` lists it): the same verdicts as `_judge`."""
    byline, label = forms
    if feat.words <= 16 and named:
        return Verdict(LINE, "metadata"), False
    if label is not None and feat.words <= MAX_DATE_WORDS:
        m = label.match(text)
        if m and _core.is_labelled_date(m["date"], date_words()):
            return Verdict(LINE, "date", meta=(("date", m["date"].strip(" :")),)), False
    if byline is not None and feat.words <= 16:
        m = byline.match(text)
        # The name after the opener is judged as the English form judges it.
        found = _byline("By " + text[m.end():]) if m else None
        if found:
            return found, True
    return None


# Dates, times and ages are told natively (src/judges/dates.rs), with every language's words.


def is_age(text: str) -> bool:
    """Whether `text` is a post's age ("3 hours ago"), maybe with its author or a label before it."""
    return _core.is_age(text)


def is_date(text: str) -> bool:
    """Whether `text` is nothing but a date or time, in the spellings news sites use."""
    return _core.is_date(text, date_words())


def is_month_year(text: str) -> bool:
    """Whether `text` is a date of a month and a year only ("Oktober 2015": the heading of an
    entry in a chronology, a CV or a list of works, as often as a date line)."""
    return _core.is_month_year(text, date_words())


def _byline(text: str) -> Verdict | None:
    """A byline's verdict (src/judges/metadata.rs)."""
    name = _core.metadata_byline(text)
    return None if name is None else Verdict(LINE, "byline", meta=(("byline", text[name[0]:name[1]]),))


def _dateline(doc: Document) -> Verdict | None:
    """The dateline opening the first prose block: reported as metadata, left in the body."""
    for block, feat in zip(doc.blocks[:HEAD_BLOCKS + 4], doc.feats):
        if not feat.prose:
            continue
        m = _DATELINE.match(block.text)
        if not m or len(m["dateline"]) > 80:
            return None
        meta = [("dateline", m["dateline"].strip())]
        if m["agency"]:
            meta.append(("source", m["agency"].strip()))
        return Verdict(block.index, "dateline", score=0.0, span=m.span("dateline"), meta=tuple(meta))
    return None
