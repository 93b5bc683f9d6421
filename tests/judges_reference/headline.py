"""The headline family's detector as it was in Python before its port (src/judges/headline.rs):
the reference tests/test_judges_native.py holds the native family against.

The headline at the top, its repeats, and any other line the document says twice.

Extractors often emit the headline once as the title and again above the body (some three
times: og:title, h1, print header). A headline is only certain when it repeats; a lone
title-shaped first line is a candidate that `decide` confirms when real prose follows it, which
keeps cleaning idempotent: the first paragraph of a clean body is never title-shaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document
from _text import key

DATELINE_OPENING = re.compile(
    r"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Za-z.'’-]+){0,5}\s*)?\((?:AP|CNN|Reuters|AFP|UPI)\)(?:\s*[—–-]|\s|$)"
)

REASONS = ("title", "duplicate-title", "repeated-line")

# Every copy after the first goes, however many there are: counting copies ("said exactly
# twice") would change once other residue is gone, and cleaning must be idempotent.
# Shorter repeats ("Yes.", "* * *", "Q:") are legitimate in articles.
MIN_REPEAT_CHARS = 12
# Only a repeated statement is residue by being repeated: a caption shown twice, a paragraph
# the page printed again. Short labels and questions repeat by design in articles (the same
# interview question to each guest, "Available from Amazon" under every product, a meal plan's
# "Eat every 2-3 hours"); when they are residue, another detector knows them for what they are.
# A field ("Portion Fix Containers: 1 Green, 1 Red", "Answer: ...") repeats by design in menus,
# spec sheets and recipes, however long its value. The condition reads the line alone, so a
# repeat kept once is kept again on the output.
_FIELD = re.compile(r"^\w[\w'’ -]{0,40}: ")
MAX_FIELD_LABEL_WORDS = 4
RECORD_FIELDS = 3
# A headline the text does not repeat is a candidate only up to this many words.
MAX_LONE_HEADLINE_WORDS = 16
# A question the text does not repeat is its opening line ("What is a pseudomonas infection?"),
# unless it is set in Title Case as headlines are ("Snooki Talks Drinking on 'Ellen': 'Why Did I
# Wake Up in a Garbage Can?'"). So is an exclamation: a post that opens by addressing its reader
# ("Ihr kennt es sicher auch!", "Dear friends in Greece, Spain or wherever you live!") speaks in
# a sentence, a headline shouting in Title Case ("Snow Day Is Back!") does not.
QUESTION_HEADLINE_CAPITALS = 0.6
_SENTENCE_ENDINGS = "?？!！"


# The headline may sit below any amount of residue (a breadcrumb, a caption, a page's menus):
# every headline-shaped block is a candidate, and `decide` takes the one the body would open
# with once the residue above it is gone. A window of the first few blocks would move as
# residue is removed, and the output, cleaned again, would find a headline the input hid.


def detect(doc: Document) -> Iterator[Verdict]:
    keys = [key(b.text) for b in doc.blocks]
    # A field opening a run of fields ("Name: The Quiet Orchard" / "Author: ..." / "Pages: 312")
    # is a line of a record the post gives (a book's, a recipe's, a walk's data), not its
    # headline. A headline with a kicker ("Feature: ...") has one field line under it, its source.
    blocks = doc.blocks
    candidates = [b.index for b, f in zip(blocks, doc.feats) if headline_shaped(b.text, f) and not (
        all(_field(blocks[k].text) for k in range(b.index, min(b.index + RECORD_FIELDS, len(blocks))))
        and b.index + RECORD_FIELDS <= len(blocks))]
    titles = {keys[i]: i for i in reversed(candidates)}
    repeated: set[int] = set()
    # A headline printed twice in two versions, one under the other: the page's title and its
    # headline cut shorter ("Jane Doe's Husband Wants Allowance" under "Jane Doe Husband Wants
    # Allowance You Left Me Broke!"). The shorter's words open the longer's.
    variants = {b: a for a, b in zip(candidates, candidates[1:]) if b == a + 1 and _variant(keys[a], keys[b])}
    seen: dict[str, int] = {}  # a repeated statement -> its first copy, -1 once that copy went
    for block, feat, k in zip(doc.blocks, doc.feats, keys):
        first = titles.get(k)
        if block.index in variants:
            repeated.add(variants[block.index])
            yield Verdict(block.index, "duplicate-title", span=(variants[block.index], variants[block.index]))
        elif first is not None and block.index > first:
            repeated.add(first)
            # A copy of this candidate: removed only if the candidate is taken as the headline.
            yield Verdict(block.index, "duplicate-title", span=(first, first))
        elif len(k) >= MIN_REPEAT_CHARS and _statement(feat) and not _field(block.text):
            first = seen.get(k)
            if first is None:
                seen[k] = block.index
            elif first > 0 and _in_running_text(doc, block.index) and not _in_running_text(doc, first):
                # The first copy was set apart (under a "Highlights" label, above the story) and
                # this one is the story's own sentence, between its paragraphs: the first goes.
                # A text's opening line stays: it is the story's lead, said again further down.
                seen[k] = -1
                yield Verdict(first, "repeated-line")
            else:
                yield Verdict(block.index, "repeated-line")
    yield from _running_headers(doc)
    yield from _pulled_quotes(doc, keys)
    yield from _teased_titles(doc, keys)
    yield from _cut_teasers(doc, keys)
    yield from _signed_pull_quotes(doc, keys)
    for i in candidates:
        feat = doc.feats[i]
        if i not in repeated and (feat.words > MAX_LONE_HEADLINE_WORDS
                                  or feat.last in _SENTENCE_ENDINGS and feat.upper_ratio < QUESTION_HEADLINE_CAPITALS):
            # Said once and this long, it is the story's opening sentence printed without its
            # full stop ("The remaining half of the screen culinary duo ... has died in hospital
            # in Edinburgh aged 66"), not a headline; so is a question or an exclamation in
            # sentence case.
            continue
        if _sentence_goes_on(doc, i):
            continue
        text = doc.blocks[i].text
        yield Verdict(i, "title", score=1.0 if i in repeated else 0.5, meta=(("title", text),))
    if _printed_twice_opening(doc, keys, candidates):
        yield Verdict(0, "title", score=1.0, meta=(("title", doc.blocks[0].text),))
        yield Verdict(1, "duplicate-title", span=(0, 0))


# The text's first line printed again at once under itself is its headline, even closed on an
# abbreviation's full stop ("... headed to a federal prison in L.A."), which no candidate is; a
# lead paragraph printed twice is sentences, and stays once.
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
MAX_TWICE_PRINTED_WORDS = 25


def _printed_twice_opening(doc: Document, keys: list[str], candidates: list[int]) -> bool:
    if len(doc.blocks) < 2 or keys[0] != keys[1] or not keys[0] or 0 in candidates:
        return False
    feat = doc.feats[0]
    return (feat.words <= MAX_TWICE_PRINTED_WORDS and feat.sentences <= 1
            and _ABBREVIATION_END.search(doc.blocks[0].text.rstrip()) is not None)


# A printed document quoted page by page keeps its running header glued to each page's text:
# "EXTENDED SUMMARY 11 It is not known how ...", "14 EXTENDED SUMMARY The Great Magnetic Storms
# ...". The same words in capitals, maybe beside a page number, opening several long lines of
# one text, are the header; the text after them stays. A speaker's label ("JON STEWART: ...")
# and a dateline ("NEW YORK — ...") are closed by their colon or dash, which a header is not. A
# page that goes on with a word cut at the page before ("tors in New England ...") keeps it: what
# is left must not open on a piece of a word.
_RUNNING_HEADER = re.compile(
    r"^(?:(?P<before>\d{1,4})\s+)?(?P<header>[A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+){1,5})"
    r"(?:\s+(?P<after>\d{1,4}))?(?=\s+[^\s:—–a-z-])"
)
MIN_HEADER_PAGES = 3
MIN_PAGE_WORDS = 20


def _running_headers(doc: Document) -> Iterator[Verdict]:
    found: dict[str, list[re.Match]] = {}
    where: dict[str, list[int]] = {}
    for block, feat in zip(doc.blocks, doc.feats):
        if feat.words >= MIN_PAGE_WORDS and (block.text[:1].isupper() or block.text[:1].isdigit()):
            m = _RUNNING_HEADER.match(block.text)
            if m:
                found.setdefault(m["header"], []).append(m)
                where.setdefault(m["header"], []).append(block.index)
    for header, pages in found.items():
        if len(pages) < MIN_HEADER_PAGES:
            continue
        numbers = [int(m["before"] or m["after"] or -1) for m in pages]
        for k, (m, i) in enumerate(zip(pages, where[header])):
            end = m.end()
            if m["after"] and not _page_number(numbers, k):
                end = m.end("header")  # a figure's value after the header, not its page number
            yield Verdict(i, "repeated-line", span=(0, end))


# A pull quote (or a video's teaser) prints a sentence of the story once more, set apart just
# before the paragraph that says it: "The kind of pushback I'm seeing reminds me of ... the
# Catholic Church." above "... Herman said. "The kind of pushback I'm seeing reminds me of ...
# the Catholic Church." He added ...". The line goes when a longer paragraph a little further
# down holds it word for word; the paragraph is the story's. A line held by a paragraph above it
# is the one kept: the story saying again what it said (a quotation read out in full, then
# answered; a lead restated under the headline).
PULL_QUOTE_REACH = 8  # blocks below the quote its paragraph may stand
MIN_PULL_QUOTE_WORDS = 8


# A magazine sets its pull quotes in capitals, with the speaker and the words left out marked:
# "“THERE WERE POINTS WHERE I THOUGHT . . . I'VE GOT TO LEAVE,” SAYS JANE DOE OF THE EARLY DAYS."
# Each piece between the ellipses is the paragraph's, word for word.
_ATTRIBUTED = re.compile(r"(?<=[,.!?…][\"”’'])\s+(?:says|said)\s+[^\"“”]{1,60}$", re.I)
# A story's deck says its lead sentence again and points at the video above it: "Police are
# searching for a woman ... worth of iPhones. See video." over "WASHINGTON — Police are searching
# for a woman ... worth of iPhones, ...". The pointer is the teaser's, not the sentence's.
_POINTER = re.compile(r"(?<=[.!?])\s+(?:see|watch)(?: the)? (?:video|photos)\.?$", re.I)
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")
MIN_PULL_QUOTE_PIECE_WORDS = 3
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _pulled_quotes(doc: Document, keys: list[str]) -> Iterator[Verdict]:
    n = len(doc.blocks)
    for i, (block, feat) in enumerate(zip(doc.blocks, doc.feats)):
        if feat.words < MIN_PULL_QUOTE_WORDS or not _statement(feat):
            continue
        quoted = _POINTER.sub("", _ATTRIBUTED.sub("", block.text))
        if _SENTENCE_BREAK.search(_ELLIPSIS.sub(" ", quoted)):
            continue  # a pull quote is one sentence; two said again below are a passage restated
        pieces = [" " + key(p) + " " for p in _ELLIPSIS.split(quoted)]
        if sum(len(p.split()) for p in pieces) < MIN_PULL_QUOTE_WORDS or (
                len(pieces) > 1 and min(len(p.split()) for p in pieces) < MIN_PULL_QUOTE_PIECE_WORDS):
            continue
        length = sum(map(len, pieces))
        for j in range(i + 1, min(n, i + 1 + PULL_QUOTE_REACH)):
            paragraph = " " + keys[j] + " "
            if len(paragraph) > length and all(p in paragraph for p in pieces):
                yield Verdict(i, "repeated-line")
                break


# A video's title set under the paragraph it was cut from, or over the one it opens: "NASA's plan
# to send a spacecraft closer to our Sun than ever before" under "The probe is NASA's plan to send
# a spacecraft closer to our Sun than ever before. ...". A phrase without its full stop, said
# word for word by the paragraph beside it, is the player's; a subheading names what follows in
# a few words of its own.
MIN_TEASED_TITLE_WORDS = 8


def _teased_titles(doc: Document, keys: list[str]) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i, feat in enumerate(feats):
        if feat.words < MIN_TEASED_TITLE_WORDS or feat.ends_sentence or not feat.title_shaped or not keys[i]:
            continue
        phrase = " " + keys[i] + " "
        for j in (i - 1, i + 1):
            if 0 <= j < len(blocks) and _statement(feats[j]) and phrase in " " + keys[j] + " " \
                    and len(keys[j]) > len(keys[i]):
                yield Verdict(i, "repeated-line")
                break


# A teaser of the paragraph under it, cut off where the page cut it: "Photo: Jane Doe/via GoFundMe
# Turns out getting a job was tough for this tattooed New Yorker. ... she started a" over "Turns
# out getting a job was tough for this tattooed New Yorker. ... she started a GoFundMe campaign
# ...". A line left without its sentence end whose closing words open a longer paragraph just
# below, word for word, says nothing the paragraph does not; a line broken inside a sentence goes
# on with new words instead, and stays.
MIN_CUT_TEASER_WORDS = 10
MAX_CUT_TEASER_WORDS = 120
CUT_TEASER_REACH = 3  # blocks below the teaser its paragraph may stand


def _cut_teasers(doc: Document, keys: list[str]) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i, feat in enumerate(feats):
        if feat.ends_sentence or not MIN_CUT_TEASER_WORDS <= feat.words <= MAX_CUT_TEASER_WORDS:
            continue
        words = keys[i].split()
        for j in range(i + 1, min(len(blocks), i + 1 + CUT_TEASER_REACH)):
            if _statement(feats[j]) and len(keys[j]) > len(keys[i]) and _opens_with_end(keys[j].split(), words):
                yield Verdict(i, "repeated-line")
                break


def _opens_with_end(paragraph: list[str], line: list[str]) -> bool:
    """Whether the line's last MIN_CUT_TEASER_WORDS words or more are the paragraph's first."""
    if len(paragraph) <= MIN_CUT_TEASER_WORDS:
        return False
    for start in range(len(line) - MIN_CUT_TEASER_WORDS + 1):
        if line[start] == paragraph[0] and line[start:] == paragraph[:len(line) - start]:
            return True
    return False


# A pull quote set with its speaker's name after it and no mark between: "He designed this rifle to
# defend his country, not so terrorists could use it Jane Doe, spokeswoman for the church" above
# the paragraph that quotes it: "He designed this rifle to defend his country, not so terrorists
# could use it." The line is that paragraph, word for word, and a few words more left without a
# sentence end, opening on a capital as a name does ("..., she said of the years on the rock" is
# the story's sentence); the paragraph is the story's.
MAX_SPEAKER_WORDS = 12


def _signed_pull_quotes(doc: Document, keys: list[str]) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i, feat in enumerate(feats):
        if feat.ends_sentence or feat.words < MIN_PULL_QUOTE_WORDS:
            continue
        line = keys[i] + " "
        for j in range(i + 1, min(len(blocks), i + 1 + PULL_QUOTE_REACH)):
            quote = keys[j]
            if _statement(feats[j]) and len(quote) < len(keys[i]) and line.startswith(quote + " "):
                speaker = len(line[len(quote):].split())
                # The name's first word, counted from the line's end as written (the key splits
                # "Jane-Doe" in two, so a line may hold fewer words as written than its key).
                written = blocks[i].text.split()
                if speaker <= min(MAX_SPEAKER_WORDS, len(written)) and written[-speaker][:1].isupper():
                    yield Verdict(i, "repeated-line")
                break


def _page_number(numbers: list[int], k: int) -> bool:
    """Whether the k-th page's number fits between its numbered neighbours' (pages count up)."""
    n = numbers[k]
    before = [x for x in numbers[:k] if x >= 0]
    after = [x for x in numbers[k + 1:] if x >= 0]
    return (not before or before[-1] < n) and (not after or n < after[0]) and bool(before or after)


def _sentence_goes_on(doc: Document, i: int) -> bool:
    """Whether the line after block i carries on its sentence: "Der Plakatwettbewerb für Kinder"
    then "findet in 2020 bereits zum 6. Mal statt. Kinder ..." is one sentence an extractor broke
    at a line break, not a headline over its story. The line after must be prose of its own, so
    a short line in lower case under a headline ("by Jane Doe") leaves the headline one."""
    if i + 1 >= len(doc.blocks):
        return False
    after = doc.blocks[i + 1].text
    first = after.split(maxsplit=1)[0]
    # A name set in lower case with a capital inside ("iPhone shipments fell ...", "eBay said
    # ...") opens a sentence of its own.
    return first[:1].islower() and first.islower() and _statement(doc.feats[i + 1])


# A paragraph of the story's running text either side.
MIN_RUNNING_TEXT_CHARS = 80


def _in_running_text(doc: Document, i: int) -> bool:
    return 0 < i < len(doc.blocks) - 1 and all(
        doc.feats[k].prose and doc.feats[k].chars >= MIN_RUNNING_TEXT_CHARS for k in (i - 1, i + 1))


def _statement(feat) -> bool:
    """Reads as a finished statement, by shape alone (no stopwords: the language detected for a
    whole page may differ from the one detected for its cleaned article)."""
    if feat.unspaced:
        return feat.chars >= 30 and feat.ends_sentence and feat.last not in "?？"
    return feat.words >= 8 and (feat.ends_sentence or feat.sentences > 1) and feat.last not in "?？"


def _field(text: str) -> bool:
    label = _FIELD.match(text)
    return label is not None and len(label.group().split()) <= MAX_FIELD_LABEL_WORDS


_LABEL_COLON = re.compile(r":.*:")
_URLISH = re.compile(r"https?://|www\.|\.com\b", re.I)


MIN_VARIANT_WORDS = 4


def _variant(a: str, b: str) -> bool:
    """Whether two headline keys are one headline in two versions: the words of one (a
    possessive's "s" aside) open the other's."""
    x, y = [w for w in a.split() if w != "s"], [w for w in b.split() if w != "s"]
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= MIN_VARIANT_WORDS and short != long and long[:len(short)] == short


def headline_shaped(text: str, feat) -> bool:
    """A headline has a few words, is not shouted, and is not a label line ("Tested by: X RRP: Y")."""
    if not feat.title_shaped or feat.words < 4 or sum(c.isalpha() for c in text) < 12:
        return False
    if text.isupper() or _LABEL_COLON.search(text) or _URLISH.search(text):
        return False
    # A line closed by a colon introduces what follows it (a speaker's label, "The Latest on
    # ... (all times local):"); one opened by a dateline ("WASHINGTON (AP) —", "(CNN)") is the
    # story's first paragraph. Neither is a headline.
    if text.rstrip().endswith((":", "：")) or DATELINE_OPENING.match(text):
        return False
    return True

