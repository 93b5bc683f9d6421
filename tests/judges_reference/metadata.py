"""The Python judge that src/judges/metadata.rs replaced, as it was, for
tests/test_judges_native.py to hold the native one against. Delete it with that test once the
port is done.

Lines that describe the article instead of telling it: source lines, bylines, dates, bare
URLs; and the dateline that opens the story, which stays in the body but is also reported.
"""


from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from clean.article import EDGE_PROSE_BLOCKS, Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import LINE, judged_lines

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
def _date_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """(every word a date line may hold, the month names among them), in every language."""
    months = frozenset(_MONTHS) | vocab.all_words("months")
    return _DATE_TOKENS | months | vocab.all_words("weekdays") | vocab.all_words("date-words"), months
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_HAS_DIGIT = re.compile(r"\d")
# All-digit dates and times: 2017-08-30, 30.08.2017, 8/30/17, 00:23 (not a phone number).
_NUMERIC_DATE = re.compile(r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{1,2}:\d{2})\b")

_LABEL = (
    r"(?:published|updated|posted|last updated|first published|modified|date|"
    r"veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)"
)
_DATE_LABEL = re.compile(rf"^{_LABEL}\b(?:\s+(?:on|at|le|el|am))?\s*:?\s*(?P<date>.+)$", re.I)

_FIELD_SEP = re.compile(r"\s*[|•·]\s*")
_FIELD = re.compile(
    r"^\s*(?P<name>source|editor|author|writer|reporter|quelle|autor|redaktion|source|auteur|fuente|fonte|"
    r"publisher|via|credit|from|posted by|published by|publicado por|publié par|pubblicato da|"
    r"veröffentlicht von|category|categories|categoria|categoría|catégorie|kategorie|filed under|tags)"
    r"\s*[:：]\s*(?P<value>.*?)\s*$",
    re.I,
)
_BYLINE_FIELDS = ("author", "writer", "reporter", "autor", "auteur", "posted by", "published by", "publicado por",
                  "publié par", "pubblicato da", "veröffentlicht von")
# "05/10/2018 - Posted by: Jane Doe - Category: Health": dashes split fields too, but a dash
# also joins clauses, so a dashed line counts only when every part of it is a field or a date.
_DASH_SEP = re.compile(r"\s+[-–—]\s+")

_BYLINE = re.compile(
    r"^(?:(?:written|reported|posted|words|text|story)\s+)?(?:by|von|par|por|di|door|av|de)[:\s]\s*"
    r"(?P<name>[^\W\d_][\w.'’\- ]{1,60}?(?:(?:,|\s+and|\s+und|\s+et|\s+y|\s+e|\s*&)\s+[^\W\d_][\w.'’\- ]{1,60}?)*)"
    # "By Jane Doe, John Roe on Monday, November 18th, 2019 at 11:08 a.m.", "by Jeff Foust
    # Monday, November 18, 2019"
    r"(?:(?:\s*(?:[,|]|\bon\b)\s*|\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))"
    r"(?P<rest>(?:[^.!?]|\b[ap]\.m\.){0,80}))?\s*$",
    re.I,
)
# A byline that names the agency after the writers instead of opening with "By": "Tom Davies
# Associated Press", "Jane Doe and John Roe USA TODAY".
_AGENCY_BYLINE = re.compile(
    r"^(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}(?:(?:and|&)\s+(?:[A-Z][\w'’.-]+\s+){1,3})?)"
    r"(?:The\s+)?(?:Associated Press|USA TODAY|Reuters|Agence France-Presse|AFP|Bloomberg(?: News)?)\s*$"
)
_NOT_NAMES = frozenset("The A An Of To In For On At By With From And Over After Says Said".split())
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’\-.]*|[a-z]{1,3}|van|von|de|da|del|der|al|bin|le|la)$")

# "Meg James is a corporate media reporter for the Los Angeles Times ...", "Molly Wood
# (@mollywood) is an Ideas contributor at WIRED ...": the author's bio under a story. Only a
# candidate: `decide` removes it where it closes the text.
_AUTHOR_BIO = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]*\s+){0,2}(?:contributor|columnist|correspondent|contributing editor|writer)\s+)?"
    r"(?:[A-Z][\w'’.-]+\s+){1,3}(?:\([^()]{1,60}\)\s+)?(?:is|was|has been)\s+(?:a|an|the|(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*['’]s)\s+"
    r"(?:[\w'’-]+\s+){0,6}?(?i:reporter|writer|editor|correspondent|columnist|contributor|journalist|"
    r"author|freelancer|blogger|producer|host|critic|analyst|fellow)s?\b"
)
MAX_BIO_WORDS = 90

# "Keith Bradsher contributed reporting from Hong Kong.": the names come first.
# "Associated Press writer Justin Pritchard contributed to this report.", "— CNN and WATE-TV
# contributed to this report", "Ahmed al-Haj in Sanaa, Yemen; ... contributed to this report."
# Whoever comes first, in one sentence, and the sentence ends there (or says from where). No
# sentence of a story is phrased so: the credit is the story's own wherever it stands (a note
# from the editors may follow it, and a correction after that).
_CONTRIBUTED_SOURCE = (
    r"^(?-i:(?:[A-Z][\w'’.-]+\s+){1,4}(?:(?:,\s*|and\s+)(?:[A-Z][\w'’.-]+\s+){1,3}){0,4})"
    r"contributed (?:reporting|research|to this (?:report|article|story))\b.{0,120}$"
    r"|^(?:[—–-]\s*)?(?:[^.!?]|(?<=\b[A-Z])\.){2,300}?\bcontributed (?:reporting|research|to this (?:report|article|story))"
    r"(?:\s+(?:from|in)\s+[^.!?]{1,80})?\s*(?:[.!]\s*(?:\S.{0,120})?)?$"
)
_CONTRIBUTED = re.compile(_CONTRIBUTED_SOURCE, re.I)
# "(Reporting by X; Editing by Y)": the wire credit closing a story.
_WIRE_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b.{2,200}$"
    r"|" + _CONTRIBUTED_SOURCE +
    # "Detroit News wire services", "From staff and wire reports": the story's source for a byline.
    r"|^(?:from\s+)?(?-i:(?:[A-Z][\w.'’-]*\s+){0,4})(?:staff and\s+)?(?:wire services|wire reports|news services)\s*$"
    # "Write to Al Root at allen.root@example.com": where to reach the author.
    r"|^(?:write to|contact|reach|email|e-mail)\s+(?-i:(?:[A-Z][\w'’.-]+\s+){1,3})(?:at|via|on)\s+\S+@\S+\s*$"
    # "Reach Adam Tamburin at 615-726-5986 and on Twitter @x.", "To reach Tony Rizzo, call 816-234-4435
    # or send email to ...", "To contact the reporter on this story: ...", "To contact the editor
    # responsible for this story: ..."
    r"|^(?:to\s+)?reach\s+(?-i:(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+),?\s+(?:at|call|by|on)\b.{0,160}(?:\d{3}[-.\s]\d{4}|@\w|\S+@\S+).{0,80}$"
    r"|^to contact the (?:reporters?|editors?|authors?|writers?)\b.{0,40}\bthis (?:story|article)\s*:.{1,160}$"
    # "Muhumuza reported from Kampala, Uganda.", "With reports from A, B and C", "— With assistance
    # by Andrew Mayeda": the AP's and Bloomberg's credits for who else reported.
    r"|^(?-i:(?:[A-Z][\w'’.-]+\s+){1,3}(?:and\s+(?:[A-Z][\w'’.-]+\s+){1,3})?)reported (?:this story )?from\s+(?-i:[A-Z])[^.!?]{1,80}\.?$"
    r"|^(?:[—–-]{1,2}\s*)?with (?:additional )?(?:reports|reporting|assistance) (?:from|by)\s+(?-i:[A-Z])[^.!?]{1,200}\.?$"
    # "Ty Burr can be reached at tburr@globe.com.": where to reach the author, under the story.
    r"|^(?-i:(?:[A-Z][\w'’.-]+\s+){1,3})can be reached at\s+\S+@\S+.{0,120}$"
    # A study's "(Corresponding author: Jane Doe, jdoe@example.org, 404-639-7251)"
    r"|^\(?corresponding authors?:\s.{3,160}\)?$"
    # "The author is a Reuters Breakingviews columnist. The opinions expressed are his own."
    r"|^the author is\b.{1,120}\bthe opinions expressed are (?:his|her|their|the author's) own\.?$",
    re.I,
)

# Where the story was printed before or comes from: "A version of this article appeared November
# 16, 2012, on page A1 in the U.S. edition of The Wall Street Journal", "This is an expanded
# version of the review that ran in the Dec. 7 issue of TIME magazine.", "This post originally
# ran in April 2013.", "An expanded version of this report appears on WSJ.com", the AP's
# "Information from: Honolulu Star-Advertiser, http://...", a press release's "SOURCE United Airlines"
# and "For further information: <contacts>", a post's "Citations: <sources>".
# A news agency's sign-off under its story: the editors' initials and the agency, or the other
# way round ("aja/PAP", "dpa/lno", "(KNA/abc)"). A line of nothing else; agencies named in their
# own case.
_AGENCIES = r"PAP|dpa|AFP|APA|KNA|epd|sda|SDA|ANSA|EFE|AP|KAP|kathpress|ČTK|MTI|TT|NTB|ANP|Belga|Reuters"
_SIGNOFF = re.compile(r"^\(?(?:[a-zäöü]{2,5}/)+(?:" + _AGENCIES + r")\)?\.?$|^\(?(?:" + _AGENCIES
                      + r")(?:/[a-zäöü]{2,5})+\)?\.?$")
_PROVENANCE = re.compile(
    r"^(?:a|an|this is an?)\s+(?:expanded |shorter |earlier |longer )?version of this (?:article|story|report|review|post)"
    r"\s+(?:appeared|appears|ran|runs|was published)\b"
    r"|^this is an?\s+(?:expanded |shorter |earlier |longer )?version of (?:the|a|an) (?:article|story|report|review|post)"
    r"\s+(?:that|which)\s+(?:appeared|ran|was published)\b"
    r"|^this (?:post|story|article|piece|review) (?:originally|first) (?:ran|appeared|was published)\b"
    r"|^information from:\s+\S|^citations?:\s+\S|^for further information:\s+\S"
    r"|^SOURCE\s+(?-i:[A-Z])[\w&.'’ -]{1,60}$",
    re.I,
)
MAX_PROVENANCE_WORDS = 45
# A station's note of the newscasts that aired the story, in brackets on its own line: "(News 12
# at 11)", "(News 12 First at 5 / News 12 at 6 O’Clock / NBC 26 at 7)". Each slot names a
# newscast or a network and an hour.
_SLOT = (r"(?:[A-Z0-9][\w&'’]*\s+){0,3}(?:News|NBC|CBS|ABC|FOX|Fox|CNN)(?:\s+[\w&'’]+){0,3}\s+at\s+\d{1,2}(?::\d{2})?"
         r"(?:\s*(?:[ap]\.?m\.?|[AP]\.?M\.?|O['’]Clock))?")
_NEWSCASTS = re.compile(r"^\(" + _SLOT + r"(?:\s*/\s*" + _SLOT + r"){0,5}\)$")

# A reporter's address, phone or handle left alone on its line under the story, and a sign-off
# ("-- Maxine Bernstein", "—John Anderson"): the author's, where the story ends.
_CONTACT = re.compile(
    r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"
    r"|^(?:•\s*)?(?:\(?\d{3}\)?[-.\s/]?)?\d{3}[-.\s]\d{4}$"
    r"|^(?:--|—|–)\s?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$"
    # "Jane Doe: 540/374-5413": the author's name and phone.
    r"|^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}:\s*(?:\(?\d{3}\)?[-.\s/]?)?\d{3}[-.\s]\d{4}$"
)
# "Jane Doe on Twitter: http://twitter.com/jdoe", "John Roe on Twitter: @jroe": where to follow
# the author, under the story.
_FOLLOW_AUTHOR = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+on\s+(?:Twitter|Instagram|Facebook|X)\s*(?::\s*)+(?:https?://\S+|@\w+)$"
)
MAX_CONTACT_WORDS = 8
# "Jane Doe is Acme's Chief Talent Officer": a guest author's role under their post, in the
# title's capitals and without a full stop; a story's last sentence about someone ends on one.
_ROLE_BIO = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+is\s+(?:the\s+|an?\s+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s\s+)"
    r"(?:[A-Z][\w&-]*\s+){0,4}(?:Officer|Director|President|Founder|Co-Founder|Professor|Executive|Chairman|Chairwoman|"
    r"Chair|CEO|Partner|Editor|Manager|Counsel|Fellow)$"
)
MAX_ROLE_BIO_WORDS = 16
# The page's own address, labelled: "Permalink: http://...", "Short URL: https://...". A link the
# story gives names what it leads to.
_PERMALINK = re.compile(r"^(?:permalink|permanent link|short ?url|short ?link)\s*:\s*(?:https?://|www\.)\S+$", re.I)

# A source names an agency or a site in a few words.
MAX_SOURCE_WORDS = 12

# "Published Tue, Nov 19 2019 7:05 AM EST Updated Tue, Nov 19 2019 7:16 AM EST" counts 18.
MAX_DATE_WORDS = 24

_URL = re.compile(r"^(?:<)?(?:https?://|www\.)\S+(?:>)?$", re.I)
_ASSET = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|js|css|mp4|webm|mp3)(?:[?#]\S*)?>?$", re.I)

# "QARA, Syria, Aug. 29 (Xinhua) --", "BEIRUT (AP) –", "(Reuters) —", "WASHINGTON —"
_DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-ZÀ-Þ][\w.'’\-]*(?:[ ,]+[\w.'’\-]+){0,7}\s*)?"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)|[A-ZÀ-Þ]{2,}[A-ZÀ-Þ .,'-]*)\s*(?:--|[-–—:])\s?)\s*\S"
)


def detect(doc: Document) -> Iterator[Verdict]:
    prose_above = []
    total_prose = 0
    for feat in doc.feats:
        prose_above.append(total_prose)
        total_prose += feat.prose
    words = vocab.vocabulary(doc.lang)
    judge = _judge
    if words.lines or words.openers:
        forms = _language_forms(words)
        judge = lambda text, feat: _judge(text, feat) or _judge_words(text, feat, words, forms)  # noqa: E731
    judged_all = judged_lines(doc, judge)
    kept = _chronology(doc, judged_all) | _record_fields(doc, judged_all)
    for i, judged in enumerate(judged_all):
        if judged is None or i in kept:
            continue
        v, edge_only = judged
        score, where = v.score, v.where
        if edge_only:
            near_edge = prose_above[i] <= EDGE_PROSE_BLOCKS or (
                total_prose - prose_above[i] - doc.feats[i].prose <= EDGE_PROSE_BLOCKS)
            if not near_edge:
                score, where = 0.5, "edge"
        yield Verdict(i, v.reason, score, v.span, v.meta, where)
    yield from _contact_blocks(doc, judged_all)
    yield from _split_dates(doc)
    dateline = _dateline(doc)
    if dateline:
        yield dateline


# A press office's contact under the release: "Jane Doe, Attorney" / "Waste Enforcement Division"
# / "Office of Enforcement" / "doe.jane@example.gov" / "(202) 555-0100". The short lines in
# capitals right above an address or a phone are the contact's name, role and office; like the
# address, they go only where the text ends.
MAX_CONTACT_LINES = 4
MAX_CONTACT_LINE_WORDS = 8
_CONTACT_NAME_LINE = re.compile(r"^[A-Z][\w'’.&-]*(?:,?\s+(?:[A-Z][\w'’.&-]*|of|and|for|the|&))*$")


def _contact_blocks(doc: Document, judged: list) -> Iterator[Verdict]:
    for i, j in enumerate(judged):
        if j is None or j[0].where != "tail" or not _CONTACT.match(doc.blocks[i].text):
            continue
        k = i - 1
        while k >= 0 and i - k <= MAX_CONTACT_LINES and judged[k] is None:
            feat = doc.feats[k]
            if feat.words > MAX_CONTACT_LINE_WORDS or feat.ends_sentence or not _CONTACT_NAME_LINE.match(doc.blocks[k].text):
                break
            yield Verdict(k, "byline", score=0.5, where="tail")
            k -= 1


# A chronology (a CV, a list of works or stations) heads each entry with its month and year:
# "Oktober 2015" / "Moderation der Show" / "März 2014" / ... At least this many such headings,
# each with one to CHRONOLOGY_REACH - 1 lines of its entry under it, are the text's own. A
# blog's archive list prints its months one under the other, with nothing between.
MIN_CHRONOLOGY = 3
CHRONOLOGY_REACH = 4


def _chronology(doc: Document, judged: list) -> set[int]:
    """The blocks that head a chronology's entries with a month and a year."""
    dated = {i for i, j in enumerate(judged)
             if j is not None and j[0].reason == "date" and is_month_year(doc.blocks[i].text)}
    heads = sorted(i for i in dated if i - 1 not in dated and i + 1 not in dated)
    found: set[int] = set()
    run = heads[:1]
    for i in heads[1:] + [None]:
        if i is not None and 2 <= i - run[-1] <= CHRONOLOGY_REACH:
            run.append(i)
            continue
        if len(run) >= MIN_CHRONOLOGY:
            found.update(run)
        run = [i]
    return found


# A record the post gives as its own text, a field a line: a book's "Name: ..." / "Author: ..." /
# "Publisher: ..." / "Pages: 312", a recipe's or a walk's data. Among fields that are not the
# article's metadata, an "Author:" or "Source:" field is the record's; a header of metadata
# fields alone ("Autor: ..." / "Quelle: dpa" / "Datum: ...") is the article's.
# A field's value may stand on the lines under its label ("Dauer:" / "1 Stunde"), and a record
# gives its date as a labelled line ("Veröffentlicht am 16.08.2019" between "Download: mp3" and
# "Lizenz: CC-BY"): an episode's or an event's date is the record's, like its author.
_RECORD_FIELD = re.compile(r"^\w[\w'’ -]{0,30}\s?[:：](?P<value>\s+\S|\s*$)")
MAX_RECORD_LABEL_WORDS = 3
MIN_RECORD_FIELDS = 3


def _record_fields(doc: Document, judged: list) -> set[int]:
    """The metadata-looking fields of a record that holds other fields too."""
    blocks = doc.blocks

    def field(i: int) -> bool:
        m = _RECORD_FIELD.match(blocks[i].text)
        if m is None:
            return dated(i)
        return len(blocks[i].text[:m.end()].split(":")[0].split()) <= MAX_RECORD_LABEL_WORDS

    def valued(i: int) -> bool:
        m = _RECORD_FIELD.match(blocks[i].text)
        return m is not None and bool(m["value"].strip())

    def dated(i: int) -> bool:
        return judged[i] is not None and judged[i][0].reason == "date" and _DATE_LABEL.match(blocks[i].text) is not None

    found: set[int] = set()
    i, n = 0, len(blocks)
    while i < n:
        j = i
        while j < n and field(j):
            j += 1
        # The record is told by a field of its own with its value beside it: a bare label
        # ("Teilen:") under the article's byline and date makes no record of them.
        if j - i >= MIN_RECORD_FIELDS and any(judged[k] is None and valued(k) for k in range(i, j)):
            found.update(k for k in range(i, j) if judged[k] is not None and (
                judged[k][0].reason in ("metadata", "byline") and _FIELD.match(blocks[k].text) or dated(k)))
        i = max(j, i + 1)
    return found


# A blog's date badge, a text node a line: "Jan" / "15" / "2020", "15 Nov" / "2019".
MAX_DATE_PART_CHARS = 12


def _split_dates(doc: Document) -> Iterator[Verdict]:
    n = len(doc.blocks)
    # Whether each block may be a part, once: a window test per block and size would cost a
    # text of many short lines (a hostile one) several generator runs a line.
    short = [0 < f.words <= 2 and f.chars <= MAX_DATE_PART_CHARS for f in doc.feats]
    # A date holds a digit (is_date's first test): a window of parts without one is none.
    digit = [s and _HAS_DIGIT.search(b.text) is not None for s, b in zip(short, doc.blocks)]
    i = 0
    while i < n - 1:
        if not (short[i] and short[i + 1]) or not (
                digit[i] or digit[i + 1] or (i + 2 < n and short[i + 2] and digit[i + 2])):
            i += 1
            continue
        found = 0
        for size in (3, 2):
            parts = range(i, min(i + size, n))
            if len(parts) == size and all(short[k] for k in parts):
                joined = " ".join(doc.blocks[k].text for k in parts)
                if is_date(joined) and not is_date(doc.blocks[i].text):
                    found = size
                    yield from (Verdict(k, "date", meta=(("date", joined),) if k == i else ()) for k in parts)
                    break
        i += found or 1


def _judge(text: str, feat: Features) -> tuple[Verdict, bool] | None:
    """A metadata line's verdict, and whether it is sure only near the text's edges."""
    if feat.chars > 300 and not (feat.words <= MAX_BIO_WORDS and _AUTHOR_BIO.match(text)):
        return None
    short = feat.words <= 16
    found = _source_line(LINE, text) or _url(LINE, text) or (
        _date_line(LINE, text) if feat.words <= MAX_DATE_WORDS else None)
    if found:
        return found, False
    if feat.words <= 2 and _SIGNOFF.match(text):
        return Verdict(LINE, "metadata"), False
    # A byline or wire credit far inside the text may be a sentence that opens like one.
    if feat.words <= MAX_PROVENANCE_WORDS and text.startswith("(") and _NEWSCASTS.match(text):
        return Verdict(LINE, "metadata"), False
    if feat.words <= MAX_PROVENANCE_WORDS and _PROVENANCE.match(text):
        return Verdict(LINE, "metadata"), True
    found = (_byline(LINE, text) if short else None) or _wire_credit(LINE, text)
    if found:
        return found, not (found.reason == "byline" and "ontribut" in text and _CONTRIBUTED.match(text))
    found = _author_bio(LINE, text) if feat.words <= MAX_BIO_WORDS else None
    if not found and (feat.words <= MAX_CONTACT_WORDS and (_CONTACT.match(text) or _FOLLOW_AUTHOR.match(text))
                      or feat.words <= MAX_ROLE_BIO_WORDS and _ROLE_BIO.match(text)):
        found = Verdict(LINE, "byline", score=0.5, where="tail")
    return (found, False) if found else None


def _language_forms(words: vocab.Vocabulary) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The language's byline openers ("Von", "Par") and date labels ("Publié le") as patterns."""
    byline = words.opener_pattern("byline")
    label = words.opener_pattern("date-label")
    return (re.compile(r"^(?:" + byline + r")\s*:?\s+(?=\S)", re.I) if byline else None,
            re.compile(r"^(?:" + label + r")\b\s*:?\s*(?P<date>.+)$", re.I) if label else None)


def _judge_words(text: str, feat: Features, words: vocab.Vocabulary, forms) -> tuple[Verdict, bool] | None:
    """What the document's language's vocabulary says of a line: the same verdicts as `_judge`."""
    byline, label = forms
    if feat.words <= 16 and words.match("metadata", text):
        return Verdict(LINE, "metadata"), False
    if label is not None and feat.words <= MAX_DATE_WORDS:
        m = label.match(text)
        if m and (is_date(m["date"]) or len(m["date"]) <= 40 and _HAS_DIGIT.search(m["date"])):
            return Verdict(LINE, "date", meta=(("date", m["date"].strip(" :")),)), False
    if byline is not None and feat.words <= 16:
        m = byline.match(text)
        # The name after the opener is judged as the English form judges it.
        found = _byline(LINE, "By " + text[m.end():]) if m else None
        if found:
            return found, True
    return None


def _source_line(i: int, text: str) -> Verdict | None:
    """`Source: Xinhua| 2017-08-30 00:23:26|Editor: yan`: fields split by bars or bullets, or by
    dashes when every part is a field or a date."""
    if ":" not in text and "：" not in text:
        return None  # no field, so not a source line
    parts = [p for p in _FIELD_SEP.split(text) if p]
    if len(parts) == 1:
        dashed = _DASH_SEP.split(text)
        if len(dashed) > 1:
            meta = _fields(dashed, strict=True)
            if meta is not None:
                return Verdict(i, "metadata", meta=meta)
    meta = _fields(parts, strict=False)
    return None if meta is None else Verdict(i, "metadata", meta=meta)


def _fields(parts: list[str], strict: bool) -> tuple[tuple[str, str], ...] | None:
    """What a line of fields tells, or None if it is not one. `strict`: every part must be a
    field or a date; otherwise a short part that is neither may stand among them."""
    meta = []
    fields = 0
    for part in parts:
        m = _FIELD.match(part)
        if m:
            fields += 1
            name = m["name"].lower()
            if name in ("source", "quelle", "fuente", "fonte", "publisher", "via") and m["value"]:
                if len(m["value"].split()) > MAX_SOURCE_WORDS:
                    # "Source: Crotty Alexander L, Matthew D, ... et al. Analysis of ...": a
                    # study's citation, which the story gives as its own text.
                    return None
                meta.append(("source", m["value"]))
            elif name in _BYLINE_FIELDS and m["value"]:
                meta.append(("byline", m["value"]))
        elif is_date(part):
            meta.append(("date", part))
        elif strict or len(parts) > 1 and len(part) > 40:
            return None
    if fields and (fields + len([m for m in meta if m[0] == "date"]) >= len(parts) or len(parts) >= 2):
        return tuple(meta)
    return None


# A clock time closed by any time zone's abbreviation: "11:28 AMT", "09:15 WIB".
_ZONED_TIME = re.compile(r"(\d{1,2}[:.]\d{2})\s+[A-Z]{2,5}$")


# How long ago something was posted, the way comment threads and lists of stories print it:
# "2 hours ago", "Posted 4 mins ago", "By Maren Estrada 2 days ago", "2 days ago at 07:52 am",
# "il y a 3 heures", "vor 2 Stunden", "hace 2 horas", "3 ore fa".
_AGE = re.compile(
    r"^(?:[^\W\d_][\w.'’-]*\s+){0,4}(?:[|•·–-]\s+)?(?:"
    r"(?:\d+|an?|one)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?"
    r"|y|yrs?|years?)\s+ago(?:\s+(?:at|@)\s+\d{1,2}[:.]\d{2}(?:\s?[ap]\.?\s?m\.?)?)?"
    r"|(?:il y a|vor|hace|há)\s+(?:\d+|une?|un|einer?|einem)\s+(?:minutes?|heures?|jours?|semaines?|mois|minuten?"
    r"|stunden?|tag(?:en)?|wochen?|monat(?:en)?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?)"
    r"|\d+\s+(?:minuti|ore|giorni|settimane|mesi)\s+fa"
    r")\s*$",
    re.I,
)


def is_age(text: str) -> bool:
    """Whether `text` is a post's age ("3 hours ago"), maybe with its author or a label before it."""
    return len(text) <= 80 and bool(_AGE.match(text))


def is_date(text: str) -> bool:
    """Whether `text` is nothing but a date or time, in the spellings news sites use."""
    if not _HAS_DIGIT.search(text) or len(text) > 80:
        return False
    tokens = _TOKEN.findall(_ZONED_TIME.sub(r"\1", text).casefold())
    if not tokens:
        return False
    allowed, months = _date_tokens()
    digits = 0
    for t in tokens:
        if t.isdigit():
            if len(t) > 4:
                return False
            digits += 1
        elif t not in allowed:
            return False
    return any(t in months for t in tokens) or bool(_NUMERIC_DATE.search(text))


# A month and a year with no day ("Oktober 2015", "September 2013/2014"): the heading of an entry
# in a chronology (a CV, a list of works) as often as a date line; a story's date names its day.
_MONTH_YEAR = re.compile(r"^[^\W\d_]+\.?\s+\d{4}(?:\s*[/–-]\s*\d{2,4})?$")


def is_month_year(text: str) -> bool:
    """Whether `text` is a date of a month and a year only."""
    return bool(_MONTH_YEAR.match(text)) and is_date(text)


# A date's label left alone when the date itself was a widget: "Updated", "First posted".
_BARE_DATE_LABEL = re.compile(r"^(?:first |last )?(?:posted|updated|published)(?: on| at)?:?$", re.I)


_CLOCK_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)


def _date_line(i: int, text: str) -> Verdict | None:
    if _BARE_DATE_LABEL.match(text):
        return Verdict(i, "date")
    m = _DATE_LABEL.match(text)
    if m and (is_date(m["date"]) or len(m["date"]) <= 40 and _HAS_DIGIT.search(m["date"])):
        return Verdict(i, "date", meta=(("date", m["date"].strip(" :")),))
    if is_date(text):
        if _CLOCK_ONLY.match(text):
            # A time of day alone heads an update in a live story ("6:25 p.m." / "The president
            # said ..."): the story's own. Above the story it is when the page was stamped.
            return Verdict(i, "date", score=0.5, where="head", meta=(("date", text),))
        return Verdict(i, "date", meta=(("date", text),))
    return None


# "By Jane Doe (Rome, correspondent)": the writer's post in brackets after the name.
_ROLE = re.compile(r"\s*\([^()]{1,60}\)\s*$")


def _byline(i: int, text: str) -> Verdict | None:
    role = _ROLE.search(text)
    if role and role.start() > 0:
        text = text[:role.start()]
    m = _BYLINE.match(text)
    if not m:
        m = _AGENCY_BYLINE.match(text)
        if m and not _NOT_NAMES.intersection(m["name"].split()):
            return Verdict(i, "byline", meta=(("byline", m["name"].strip()),))
        return None
    names = re.split(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", m["name"])
    words = [w for name in names for w in name.split()]
    if not words or len(words) > 10 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if not any(w[0].isupper() for w in words):
        return None
    return Verdict(i, "byline", meta=(("byline", m["name"].strip()),))


def _wire_credit(i: int, text: str) -> Verdict | None:
    return Verdict(i, "byline") if _WIRE_CREDIT.match(text) else None


# A bio that says where to reach its author ("... Reach her at 442-1400 or jdoe@example.com.
# Follow her on Twitter @jdoe.") is the author's note wherever it stands: a note from the
# editors and a correction may follow it.
_REACH_AUTHOR = re.compile(
    r"(?<=[.!?] )(?:reach|contact|e-?mail|follow) (?:him|her|them)\b.{0,80}(?:\S+@\S+\.\w|@\w|\d{3}[-.\s]\d{4})", re.I)


def _author_bio(i: int, text: str) -> Verdict | None:
    if not _AUTHOR_BIO.match(text):
        return None
    if _REACH_AUTHOR.search(text):
        return Verdict(i, "byline")
    return Verdict(i, "byline", score=0.5, where="tail")


def _url(i: int, text: str) -> Verdict | None:
    """A link to an image or a script is residue wherever it stands. Any other bare URL is only
    a candidate: a permalink above the story is residue, but a link list inside it ("Buy it here:
    http://amzn.to/...", the sources of a post) is the article's own; `decide` removes it only
    when the body would open with it."""
    if _PERMALINK.match(text):
        return Verdict(i, "url")
    if not _URL.match(text):
        return None
    if _ASSET.search(text):
        return Verdict(i, "url")
    return Verdict(i, "url", score=0.5, where="head")


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
