"""The captions family's detector as it was in Python before its rules that read the lines around
moved into the crate (src/judges/captions.rs, `detect`): the reference tests/test_judges_native.py
holds the native family against. Its line judge was already native (`Document.judged`).

Photo and video captions and their credits, on their own line or glued into a paragraph.

Captions are kept as metadata (`Article.captions`); credits are dropped. Glued residue
("Image copyright Getty Images Image caption ..." in BBC scrapes, "Above: ... Image Credit: ..."
in VentureBeat ones) is cut out as a span so the sentence around it survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean import vocab
from clean.article import Verdict
from clean.document import Document, Features
from clean.residue._lines import LINE
from _text import key

REASONS = ("caption", "credit")

# What a line's own text says (a credit alone on its line, BBC's and VentureBeat's glued captions
# and credits, a caption printed twice or run together with the next, the photo widgets' lines,
# a caption closed by its credit, the wire services' caption and scene formulas) is judged
# natively (src/judges/captions.rs). The language's credit openers (data), a caption closed by a
# copyright sign and a photographer's credit named by its slashes are judged here, on the lines
# the native judge leaves open (those holding "©", "(c)" or "/", which every match of their
# patterns holds); so is what the lines around tell.

MAX_CAPTION_WORDS = 80
# A caption is a sentence or a few; a paragraph of more, even closed by a credit, is text.
MAX_CAPTION_SENTENCES = 4


# A caption closed by the picture's rights holder after a copyright sign, in any language: "Bei der
# Beckenkippung sinkt der Brustkorb ein. © Pferderevue", "Stau © aremac / Clipdealer", "Le piquet
# de grève dans le hall / (C) Kab Niang". Running text cites a source in words, not after the
# sign; a page's own copyright line ("Copyright © 2020 Acme", "Alle Inhalte © 2021 ...") names a
# year or its rights and is the footer's.
_CLOSING_COPYRIGHT = re.compile(
    r"(?<=\S)\s*(?:[-–—|/]\s*)?(?:©|\([Cc]\))\s*(?!(?:19|20)\d\d)(?P<credit>[^\s©.!?:][^©.!?:]{0,59}(?:\.[a-z][\w-]*)*)\s*$"
)
_RIGHTS = re.compile(r"copyright|rights|rechte|droits|derechos|diritti|powered|design", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORDS = re.compile(r"\w{2,}")
MIN_CAPTION_BEFORE_COPYRIGHT_WORDS = 2


def _closing_copyright(text: str) -> re.Match | None:
    m = _CLOSING_COPYRIGHT.search(text)
    if m is None or len(_WORDS.findall(text, 0, m.start())) < MIN_CAPTION_BEFORE_COPYRIGHT_WORDS:
        return None
    return m if _RIGHTS.search(text) is None and _YEAR.search(m["credit"]) is None else None


# Where a sentence ends inside a line, the next beginning.
_SENTENCE_END = re.compile(r"[.!?…][\"”’']?\s+(?=\S)")


def _copyright_captioned(i: int, text: str, m: re.Match) -> Verdict:
    """The verdict on a line closed by a copyright credit at `m`: a scraper that joined a line per
    text node may have run the story's paragraph on into the picture's caption ("... woher kommt
    die dicke Luft? Stau © aremac / Clipdealer"). The caption is then what follows the last
    sentence; a caption that is a whole sentence after others may be the story's last sentence,
    and only the credit goes."""
    before = text[:m.start()].rstrip()
    if before[-1:] in ".!?…\"”’'":
        start = _captioned(before)
        if start != 0:
            return Verdict(i, "credit", span=(m.start(), len(text)))
    else:
        ends = [e.end() for e in _SENTENCE_END.finditer(before)]
        start = ends[-1] if ends else 0
    if start == 0:
        return Verdict(i, "caption", meta=(("caption", before),))
    return Verdict(i, "caption", span=(start, len(text)), meta=(("caption", before[start:]),))


# A photographer's credit glued into running text, named by its slashes: "Sakib Ali/Hindustan
# Times/Getty Images", "Jane Doe/AFP". A sentence does not put a person and an agency on
# either side of a slash.
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))+"  # a capitalised word; a full stop only inside ("H.W.")
_NAME = _WORD + r"(?: " + _WORD + r"){0,3}"
_GLUED_AGENCY = re.compile(
    r"(?P<credit>" + _NAME + r"\s?/\s?(?:" + _NAME + r"\s?/\s?)?"
    r"(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Shutterstock|Bloomberg|NurPhoto|SOPA Images|"
    r"Xinhua|Anadolu(?: Agency)?|picture alliance)(?: for " + _NAME + r")?)\b(?!/)"
)
# The same credit in brackets after a caption's last sentence, glued before the paragraph under
# the picture, with a broadcaster or a paper for the agency: "... at the memorial. (Jane
# Doe/CBC) Over the weekend, ...". A person's name (two or three words), a slash, an
# organisation; a sentence's brackets put no person on one side of a slash.
_BRACKETED_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<credit>\((?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+\s?/\s?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}\))"
    r"(?=\s+[A-Z\"“‘'])"
)


# A scraper that prints each text node on its own line leaves a caption's label alone above the
# caption ("Image caption" / "Assange gestures ...") and a credit's label above the credit
# ("Image copyright" / "EPA"). The label names the line under it. A bare "Caption" is a
# gallery's button more often than a label.
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|picture|video) caption\s*:?$|^(?:caption|bildunterschrift|légende)\s*:?$", re.I)
_CREDIT_LABEL = re.compile(r"^(?:image|photo|picture) (?:copyright|source|credit)s?\s*:?$", re.I)
_NAMING_LABEL = re.compile(r"^(?:image|media|photo|picture|video) ", re.I)
MAX_LABELLED_CREDIT_WORDS = 8


def detect(doc: Document) -> Iterator[Verdict]:
    lines = list(_lines(doc))
    yield from lines
    yield from _printed_again(doc, {v.block for v in lines if v.reason == "caption" and v.span is None})
    yield from _labelled(doc, vocab.vocabulary(doc.lang))
    yield from _titled_videos(doc)
    yield from _tagged_captions(doc)
    yield from _name_credited(doc)
    yield from _lone_credits(doc)


def _lines(doc: Document) -> Iterator[Verdict]:
    """The verdicts a line earns on its own: by the language's credit openers, the native judge,
    or the rules judged here on the lines it leaves open."""
    credit = vocab.vocabulary(doc.lang).opener_pattern("credit")
    # "Foto: dpa", "Crédit photo © X", "Bild/Quelle: X": a language's credit openers, then a
    # separator and the credit.
    opener = re.compile(r"^\(?\s*(?:" + credit + r")\s*(?::|©|/|\|)\s*\S", re.I) if credit is not None else None
    judged = [_line(text, feat, found, opener) for (text, feat), found in zip(doc.lines, doc.judged["captions"])]
    for i, k in enumerate(doc.line_of):
        for v in judged[k]:
            yield Verdict(i, v.reason, v.score, v.span, v.meta, v.where)


def _line(text: str, feat: Features, found, opener: re.Pattern | None) -> tuple[Verdict, ...]:
    """A line's verdicts, from the native judge's answer `found`."""
    if opener is not None and feat.chars <= 160 and not feat.prose and opener.match(text):
        return (Verdict(LINE, "credit"),)
    if found is None:
        return ()
    if found == "open":
        return tuple(_open(text, feat))
    return tuple(Verdict(LINE, reason, span=span, meta=(("caption", text[caption[0]:caption[1]]),) if caption else ())
                 for reason, span, caption in found)


def _open(text: str, feat: Features) -> Iterator[Verdict]:
    copyright = _closing_copyright(text) if feat.words <= MAX_CAPTION_WORDS else None
    if copyright is not None:
        yield _copyright_captioned(LINE, text, copyright)
        return
    found = False
    for m in _GLUED_AGENCY.finditer(text):
        start = _captioned(text[:m.start()]) if m.end() == len(text.rstrip()) else None
        if start == 0:
            # "Giorgia Meloni, à Rome, le 7 mars 2023. ALESSANDRA TARANTINO / AP": the credit
            # closes a sentence of a caption's length; the caption goes with it.
            yield Verdict(LINE, "caption", meta=(("caption", text[:m.start()].strip()),))
            return
        # Glued after a paragraph of the story, its last sentence may be the story's: only the
        # credit goes.
        yield Verdict(LINE, "credit", span=m.span("credit"))
        found = True
    if found:
        return
    for m in _BRACKETED_CREDIT.finditer(text):
        if _captioned(text[:m.start()]) == 0:
            # "Postmedia's chief executive. (Jane Doe/Canadian Press) "Honey always ..."": the
            # picture's caption and credit, then the paragraph under the picture on the same line.
            yield Verdict(LINE, "caption", span=(0, m.end("credit")), meta=(("caption", text[:m.start()].strip()),))
        else:
            yield Verdict(LINE, "credit", span=m.span("credit"))



# A share bar under a picture prints the caption again after its buttons ("Facebook" / "Reddit" /
# "✉ Jane Doe led the study ... — John Roe"), the copy differing from the caption only by a
# button's or the credit's words at its end. The buttons stand between the two: a paragraph right
# under a caption that repeats it has no buttons above it, and one that goes on from the
# caption's words says more than a button's worth.
MAX_SHARE_BUTTONS = 3
MAX_BUTTON_WORDS = 3
MIN_COPIED_CAPTION_WORDS = 8
MAX_COPY_EXTRA_WORDS = 2


def _printed_again(doc: Document, captions: set[int]) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i in sorted(captions):
        words = key(blocks[i].text).split()
        if len(words) < MIN_COPIED_CAPTION_WORDS:
            continue
        j = i + 1
        while j < len(blocks) and j - i <= MAX_SHARE_BUTTONS and feats[j].words <= MAX_BUTTON_WORDS:
            j += 1
        if j == i + 1 or j >= len(blocks) or j in captions:
            continue
        copy = key(blocks[j].text).split()
        short, long = sorted((words, copy), key=len)
        if len(short) >= MIN_COPIED_CAPTION_WORDS and len(long) - len(short) <= MAX_COPY_EXTRA_WORDS \
                and long[:len(short)] == short:
            yield Verdict(j, "caption")


# A picture's credit left alone between two paragraphs where the picture stood, its label lost
# with the markup: a channel's or a site's name ("HBO"), an institution's ("Human Origins
# Program, Smithsonian"). A subheading is shaped the same, but a subheading is printed once; the
# credit is printed again under the next picture by the same source. A name has no pronoun,
# verb or particle in it: a line that does ("Hold On Now", a song's refrain between its verses) is
# no credit.
_CREDIT_WORD = r"(?:[A-Z][\w'’.&-]*|of|the|and|for|at|&)"
_CREDIT_NAME = re.compile(r"^[A-Z][\w'’.&-]*(?:,?\s+" + _CREDIT_WORD + r"){0,5}$")
MAX_LONE_CREDIT_WORDS = 6
# A word alone repeated between paragraphs is more often a section's label ("Summary" over each
# product's review); a credit of one word is a name in capitals ("HBO", "IMDb").
_ONE_WORD_CREDIT = re.compile(r"^(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,4}$")
_NOT_IN_NAMES = frozenset("""a an i me my we us our you your he him his she her it its they them their this that
these those is are was were be been am do does did don't can't won't on in up down out off over under into onto to
from with by now then here there not no so oh yeah all just""".split())


def _lone_credit_shaped(text: str, feat: Features) -> bool:
    return (feat.words <= MAX_LONE_CREDIT_WORDS and not feat.ends_sentence and not feat.prose
            and not any(c.isdigit() for c in text) and _CREDIT_NAME.match(text) is not None
            and (feat.words > 1 or _ONE_WORD_CREDIT.match(text) is not None)
            and not any(w.lower() in _NOT_IN_NAMES for w in re.findall(r"[\w'’]+", text)))


def _lone_credits(doc: Document) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    n = len(blocks)
    where: dict[str, list[int]] = {}
    for i in range(1, n - 1):
        if feats[i - 1].prose and feats[i + 1].prose and _lone_credit_shaped(blocks[i].text, feats[i]):
            where.setdefault(key(blocks[i].text), []).append(i)
    for lines in where.values():
        if len(lines) > 1:
            yield from (Verdict(i, "credit") for i in lines)


# A caption closed by its photographer's name after its last full stop, the credit's label lost
# with the markup: "Carter Roberts and his two sisters before he was diagnosed. Robin Roberts",
# "X-ray image of a ring dove producing cooing sounds. Jane Doe". The name is two to four
# capitalised words. A paragraph does not end on a name standing after its full stop, but for
# two: a quotation closed by its speaker's name ('... rather than having it go up and down." Dr.
# Jane Doe'), which a closing quotation mark tells; and the story's last paragraph with its
# author's name run on, which is the byline's.
_NAME_WORD = r"[A-Z][a-z'’-]*[a-z](?:[A-Z][a-z'’-]+)?"  # "Roberts", "O'Neil", "DeMaria"
_NAME_CREDIT = re.compile(
    r"(?<=[a-z)]\.)\s+" + _NAME_WORD + r"(?:\s+(?:[A-Z]\.|" + _NAME_WORD + r")){0,2}\s+" + _NAME_WORD +
    r"\s*$"
)
MAX_NAME_CREDITED_WORDS = 60
MIN_CREDITED_SENTENCE_WORDS = 5
# A button's label in Title Case is no one's name: "... offline business. Click To Tweet".
_BUTTON_WORDS = frozenset(("Click", "Tap", "Tweet", "Share", "Visit", "Website", "Read", "More", "Watch", "Video",
                           "Photo", "Photos", "View", "Gallery", "Subscribe", "Follow", "Download", "Here", "Now"))


def _name_credited(doc: Document) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i in range(len(blocks) - 1):  # not the last: a name after the last paragraph is its author's
        feat = feats[i]
        if feat.words > MAX_NAME_CREDITED_WORDS or feat.sentences > MAX_CAPTION_SENTENCES + 1 or feat.ends_sentence:
            continue
        text = blocks[i].text
        m = _NAME_CREDIT.search(text) if text[-1:].isalpha() else None
        before = text[:m.start()].split() if m else ()
        # A sentence ends before the name: not "vs. Jane Doe", nor a title before a name ("... to
        # kill Rep. Jane Doe"); and only a full stop ends it, not a question and its answer ("What
        # stories do crustaceans like best? Lobster Tales").
        if len(before) < MIN_CREDITED_SENTENCE_WORDS or not before[-1][:1].islower() and before[-1][-2:-1] != ")":
            continue
        if not _BUTTON_WORDS.intersection(m[0].split()):
            yield Verdict(i, "caption", meta=(("caption", text),))


# A tabloid's captions open on a short tag of what the picture shows, then describe it in a
# sentence left without its full stop: "Gun drama: With Pippa in the front seat, the driver had
# produced a pistol from the glove box", "Decadent: The partygoers pose around the throne". The
# tag is a phrase in sentence case ("Taking aim", "Guest of honour"), not a speaker's name
# ("Jane Doe:", "SMITH:") or a form's field in Title Case; the description reads as a sentence in
# sentence case, not a heading ("Subject: Foreign Intelligence Surveillance Act Abuses ...").
_TAG = re.compile(r"^[A-Z][a-z'’-]+(?: [a-z][a-z'’-]*){0,3}: (?=[A-Z])")
# A line that ends like this is finished: a sentence, a quotation, a list's introduction, a
# footnote's mark ("... percentile[21]").
_FINISHED = ".!?:;\"”'’)]…"
# A caption describes its picture at length; a headline tagged the same way ("Column: A vulture
# firm's bid for Gannett ...", "True confession: I had to learn business focus the hard way") is
# shorter, and a page prints one or two of those where a gallery prints a caption per picture.
MIN_TAGGED_WORDS = 14  # after the tag
MAX_TAGGED_CAPITALS = 0.4  # share of the description's words that are capitalised
MIN_TAGGED_CAPTIONS = 3  # in one text: a gallery's captions, not one line that happens to look like one
# Labelled lines in a row are a list of fields ("Director: ...", "Rating: ...", a study's list
# of findings "Mental health problems: Diagnosed with ...") when there are this many of them, or
# when the line above them introduces them with a colon. A tabloid puts two or three captions
# together under a gallery of pictures.
MIN_FIELD_LIST = 4
_INTRODUCES = re.compile(r":\s*(?:\[\d+\])*\s*$")
# An untagged line in the same gallery (or one with a shorter description) describes a picture
# the same way: a sentence without its full stop, standing right next to a tagged caption
# ("Pippa's male companions appear to find the gun stunt hilarious as stunned onlookers struggled
# to make out if the weapon was real").
MIN_UNTAGGED_WORDS = 12


def _tagged(text: str) -> bool:
    return _TAG.match(text) is not None


def _tagged_caption(text: str, feat: Features) -> bool:
    m = _TAG.match(text)
    if m is None or feat.words > MAX_CAPTION_WORDS or text.rstrip()[-1:] in _FINISHED:
        return False
    described = text[m.end():].split()
    if len(described) < MIN_TAGGED_WORDS:
        return False
    return sum(w[:1].isupper() for w in described) / len(described) <= MAX_TAGGED_CAPITALS


def _untagged_caption(text: str, feat: Features) -> bool:
    return (MIN_UNTAGGED_WORDS <= feat.words <= MAX_CAPTION_WORDS and text[:1].isupper() and feat.stop_ratio != 0
            and text.rstrip()[-1:] not in _FINISHED and feat.upper_ratio <= MAX_TAGGED_CAPITALS)


def _tagged_captions(doc: Document) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    n = len(blocks)
    tagged = [_tagged(b.text) for b in blocks]
    captions = [False] * n
    i = 0
    while i < n:
        if not tagged[i]:
            i += 1
            continue
        j = i
        while j < n and tagged[j]:
            j += 1
        # Blocks i to j-1 are labelled lines in a row.
        listed = j - i >= MIN_FIELD_LIST or i > 0 and _INTRODUCES.search(blocks[i - 1].text) is not None
        if not listed:
            for k in range(i, j):
                captions[k] = _tagged_caption(blocks[k].text, feats[k])
        i = j
    if sum(captions) < MIN_TAGGED_CAPTIONS:
        return
    for i in range(n):
        if captions[i]:
            yield Verdict(i, "caption", meta=(("caption", blocks[i].text),))
        elif (i > 0 and captions[i - 1] or i + 1 < n and captions[i + 1]) and _untagged_caption(blocks[i].text, feats[i]):
            yield Verdict(i, "caption", meta=(("caption", blocks[i].text),))


# A video widget prints the clip's title on the line above its caption, and the caption closes on
# when the clip was published: "Couple Killed in Fort Worth Neighborhood" / "A couple was found
# shot to death ... (Published Sunday, Oct. 23, 2016)". The title is a headline's length and ends
# on no full stop; a paragraph above such a caption is prose.
_PUBLISHED = re.compile(
    r"\(Published\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\)\s*$")
MIN_VIDEO_TITLE_WORDS, MAX_VIDEO_TITLE_WORDS = 2, 15


def _titled_videos(doc: Document) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i in range(1, len(blocks)):
        above = feats[i - 1]
        if (MIN_VIDEO_TITLE_WORDS <= above.words <= MAX_VIDEO_TITLE_WORDS and above.title_shaped and not above.ends_sentence
                and "(Published" in blocks[i].text and _PUBLISHED.search(blocks[i].text)):
            yield Verdict(i - 1, "caption", meta=(("caption", blocks[i - 1].text),))



def _labelled(doc: Document, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    blocks, feats = doc.blocks, doc.feats
    for i, block in enumerate(blocks):
        if feats[i].words > 3:
            continue
        text = block.text
        labelled = words.match("caption-label", text)
        if labelled or _CAPTION_LABEL.match(text):
            yield Verdict(i, "caption")
            below = i + 1
            if below < len(blocks) and (labelled or _NAMING_LABEL.match(text)) and feats[below].words <= MAX_CAPTION_WORDS and not (
                    _CAPTION_LABEL.match(blocks[below].text) or _CREDIT_LABEL.match(blocks[below].text)):
                yield Verdict(below, "caption", meta=(("caption", blocks[below].text),))
        elif _CREDIT_LABEL.match(text):
            yield Verdict(i, "credit")
            below = i + 1
            if below < len(blocks) and feats[below].words <= MAX_LABELLED_CREDIT_WORDS and not feats[below].ends_sentence and not (
                    _CAPTION_LABEL.match(blocks[below].text) or _CREDIT_LABEL.match(blocks[below].text)):
                yield Verdict(below, "credit")



# A caption before its closing credit: one sentence of a caption's length, closed by a full stop.
# An abbreviation's full stop with the sentence going on in lower case after it ("found at 50
# Old Colony Rd. in the north end.") ends no sentence.
MAX_CREDITED_WORDS = 50
_LAST_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?][\"”’'] )|(?<=[.!?] ))[A-Z\"“‘'](?:[^.!?]|\.(?= [a-z]))*[.!?][\"”’']?\s*$")


def _captioned(before: str) -> int | None:
    """Where the caption closed by a credit at `before`'s end begins, or None if none does."""
    m = _LAST_SENTENCE.search(before) if before.rstrip()[-1:] in (".", "!", "?", "\"", "”") else None
    if m is None or len(m.group().split()) > MAX_CREDITED_WORDS:
        return None
    return m.start()

