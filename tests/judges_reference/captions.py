"""The Python line judge that src/judges/captions.rs replaced, as it was, for
tests/test_judges_native.py to hold the native one against; `lines` is what the package's
`captions._lines` gives. Delete it with that test once the port is done.

Photo and video captions and their credits, on their own line or glued into a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import LINE, each_line
from clean.residue._text import key


def Hinted(pattern: re.Pattern, hints: tuple[str, ...]) -> re.Pattern:
    """The pattern itself: a gate only spares the search of a line it cannot match, and the
    package's gates are counted and checked apart (tests/test_prefilters.py)."""
    return pattern

REASONS = ("caption", "credit")

_AGENCY = (
    r"AP|AFP|Reuters|EPA|EPA-EFE|Getty(?: Images)?|Xinhua|dpa|ANSA|EFE|Bloomberg|PA|PA Wire|"
    r"Shutterstock|iStock(?:photo)?|Keystone|Kyodo|Yonhap|TASS|Anadolu|Sputnik|NurPhoto|SOPA Images|"
    r"Alamy|Corbis|AAP|CP|UPI|NYT|Imago|picture alliance|ZUMA(?: Press)?|Wikimedia Commons"
)
# A credit closing a caption: "(AP Photo/Hussein Malla)", "(Syrian Central Military Media, via AP)",
# "(Xinhua/Wang Ying)", "(Photo by Jane Doe/Getty Images)", "(REUTERS/Kevin Lamarque)".
# Agency names are matched case-sensitively: "(EPA)" credits a photo, "(ePA)" abbreviates.
_CLOSING_CREDIT = re.compile(
    r"\(\s*(?:[^()]{0,120}\bvia\s+(?:" + _AGENCY + r")"
    r"|(?:" + _AGENCY + r"|REUTERS|XINHUA)(?:\s+(?i:Photo|Images?|Pool|File))*(?:\s*/\s*[^()]{1,80})?"
    r"|(?i:Photo|Photograph|Picture|Image|Foto|Bild|Video|File photo)s?(?:\s+by)?\s*[:/]?\s*[^()]{1,80}"
    r"|(?i:credit|courtesy)s?\s*:\s*[^()]{1,80}"
    # "(Family photos)", "(Handout photo)": who gave the picture; "(Jane Doe/for New York Daily
    # News)": a photographer working for the paper.
    r"|(?i:family|handout|submitted|contributed)\s+(?i:photos?|images?|pictures?)"
    r"|[A-Z][^()/]{1,60}/\s*for\s+(?:the\s+|The\s+)?[A-Z][^()/]{1,60}"
    # The AP's captions as newspaper3k printed them: cut short, then "... (Associated Press)";
    # a photographer and the agency after a slash: "(Tatan Syuflana/AP)", "(JANE DOE/AFP/Getty Images)".
    r"|Associated Press|[A-Z][^()/]{1,60}(?:/[^()/]{1,40})?/\s*(?:" + _AGENCY + r")"
    # Forbes prints the agency's name once more after the credit: "(Photo: Getty Images) Getty"
    r")\)(?:\s*(?:" + _AGENCY + r"))?\s*$"
    # "... in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid"
    r"|\s(?:REUTERS|AFP|EPA(?:-EFE)?|AP Photo)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*/\s*(?:File Photo|File|Pool|Handout))?\s*$"
)
# "... in 2014. Jane Doe for The Wall Street Journal": the photographer and the paper they shot
# for, after the caption's last sentence. Only a line ending on a paper's name is searched.
_PAPERS = ("Journal", "Times", "Post", "News", "Tribune", "Herald", "Globe", "Guardian", "Telegraph", "Magazine",
           "Press", "Chronicle", "Star", "Daily")
_PAPER_CREDIT = re.compile(
    r"(?<=[.!?”\"])\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s+for\s+(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}"
    r"(?:" + "|".join(_PAPERS) + r")\s*$"
)


# The photographer and the agency first, then the caption: "Jane Doe/NASA A supermoon behind the
# Capitol on Sunday, Sept. 27, 2015.", "John Roe/Wikimedia Commons From supermoon to blood moon."
# A sentence does not open on a person and an organisation either side of a slash.
_CREDIT_FIRST = re.compile(
    r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2} ?/ ?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3} [A-Z\"“‘']"
)
MAX_CREDIT_FIRST_WORDS = 40


def _credit_first(text: str, feat: Features) -> bool:
    # The caption ends as a sentence does; a credit alone ("Jane Doe/Getty Images for Acme") is
    # the credit's.
    return (feat.words <= MAX_CREDIT_FIRST_WORDS and feat.sentences <= MAX_SCENE_SENTENCES and feat.ends_sentence
            and "/" in text[:60]
            and _CREDIT_FIRST.match(text) is not None)


def _paper_credit(text: str) -> bool:
    return text.rstrip().endswith(_PAPERS) and _PAPER_CREDIT.search(text) is not None
_CLOSING_CREDIT_HINTED = Hinted(_CLOSING_CREDIT, (")", "/"))
# A caption closed by the picture's rights holder after a copyright sign, in any language: "Bei der
# Beckenkippung sinkt der Brustkorb ein. © Pferderevue", "Stau © aremac / Clipdealer", "Le piquet
# de grève dans le hall / (C) Kab Niang". Running text cites a source in words, not after the
# sign; a page's own copyright line ("Copyright © 2020 Acme", "Alle Inhalte © 2021 ...") names a
# year or its rights and is the footer's.
_CLOSING_COPYRIGHT = re.compile(
    r"(?<=\S)\s*(?:[-–—|/]\s*)?(?:©|\([Cc]\))\s*(?!(?:19|20)\d\d)(?P<credit>[^\s©.!?:][^©.!?:]{0,59}(?:\.[a-z][\w-]*)*)\s*$"
)
_CLOSING_COPYRIGHT_HINTED = Hinted(_CLOSING_COPYRIGHT, ("©", "(c)", "(C)"))
_RIGHTS = re.compile(r"copyright|rights|rechte|droits|derechos|diritti|powered|design", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORDS = re.compile(r"\w{2,}")
MIN_CAPTION_BEFORE_COPYRIGHT_WORDS = 2


def _closing_copyright(text: str) -> re.Match | None:
    m = _CLOSING_COPYRIGHT_HINTED.search(text)
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
# Lines a photo or video widget prints whole: NPR's "Enlarge this image toggle caption <credit>",
# the WSJ's "Enlarge Image Close <credit> <caption>", USA TODAY's "Buy Photo <caption>", an AP
# caption marked as a file picture ("FILE - In this Monday, May 31, 1999 file photo, ...",
# "FOR MOVEMENT FRIDAY NOV. 15 FILE - This June, 2013 photo released by ..."), a video's
# caption closed by when it was published ("... in North Texas. (Published Tuesday, Oct. 25, 2016)").
_WIDGET_CAPTION = re.compile(
    r"^(?:Enlarge this image\s+)?(?:i\s+)?i?toggle caption\b"
    r"|^Enlarge Image\b"
    r"|^Buy Photo\s+\S"
    r"|^(?:[A-Z][A-Z0-9 .,]{0,40}\s)?FILE\s?[-–—]\s?(?:In\s+)?(?:[Tt]his|[Tt]hese)\b.{0,80}?\b(?:photos?|images?|pictures?)\b"
    # A gallery's counter before its caption ("1 of 6. The encampment at City Hall Park ..."), a
    # credit bracketed after it ("... attacked by a panda. [Photo/Lanzhou Evening News]"), BBC's
    # caption label opening the line.
    # The WSJ's "Associated Press An Israeli soldier rides ...", "... View Slideshow European
    # Pressphoto Agency Smoke rises ...": the credit, then the caption; a caption closed by its
    # share button ("... — Jane Doe Share Photo").
    r"|^(?:Associated Press|Reuters|Getty Images|European Pressphoto Agency|Agence France-Presse|Bloomberg News)"
    r"\s+(?:A|An|The|In|On|At)\s|\bView Slideshow\s+(?:Associated Press|Reuters|Getty Images|European Pressphoto Agency"
    r"|Agence France-Presse|Bloomberg News)\s|\sShare Photo\W{0,3}$"
    r"|^\d{1,3} of \d{1,3}\.\s+[A-Z]|\[(?:Photo|Image|Video)/[^\[\]]{2,60}\]$|^(?:Image|Media) caption\s+\S"
    # A caption closed by its credit after a bar, the story's headline run on after it: "... sparred
    # with reporters Thursday. | Getty All the things ...", "... campaign. | AP Photo Trump: ...".
    r"|[.!?\"”]\s\|\s(?:AP Photo|Getty(?: Images)?|Reuters|AFP(?:/Getty(?: Images)?)?)(?:\s|$)"
    r"|\(Published\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\)\s*$"
)
_WIDGET_CAPTION_HINTED = Hinted(_WIDGET_CAPTION, (
    "toggle caption", "Enlarge Image", "Buy Photo", "FILE", "(Published", " of ", "/", " caption ",
    "Associated Press", "Reuters", "Getty Images", "European Pressphoto", "Agence France", "Bloomberg News",
    "Share Photo", " | ",
))
# A caption whose credit is the agency's bare name after its last sentence: "The logo is
# displayed outside an office in New York. Reuters", "A stock image of ... the drug. Getty".
# Running text does not close a paragraph on a news agency's name standing alone.
_BARE_CREDIT = re.compile(r"(?<=[.!?”\"])\s*(?:" + _AGENCY + r"|REUTERS|Statista)\s*$")


def _bare_credit(text: str) -> bool:
    # Every name the pattern ends on ends in a letter: a line ending otherwise (most prose ends
    # on a full stop) is not searched from every position for an ending it cannot have.
    return text.rstrip()[-1:].isalpha() and _BARE_CREDIT.search(text) is not None


MAX_CAPTION_WORDS = 80
# A caption is a sentence or a few; a paragraph of more, even closed by a credit, is text.
MAX_CAPTION_SENTENCES = 4
# A photo or video widget prints its caption twice, as the caption and as the picture's
# description: "Researchers have found that ... heart disease. Researchers have found that ...
# heart disease." A paragraph does not open by saying its first sentences over again word for
# word. The passage is a caption's length, and long enough that a chant or a refrain is not one.
_TWICE_PRINTED = re.compile(r"^(\S.{38,600}?[.!?)])\s+\1(?=\s|$)")
MAX_TWICE_PRINTED_WORDS = MAX_CAPTION_WORDS


def _twice_printed(text: str) -> bool:
    m = _TWICE_PRINTED.match(text)
    return m is not None and len(m[1].split()) <= MAX_TWICE_PRINTED_WORDS


# The scene formula is one sentence, maybe a second of context: "Rep. Jane Doe speaks at the
# Capitol on July 25, 2019. The House voted ..." A paragraph that goes on is the story's.
MAX_SCENE_SENTENCES = 2
# A verb after these is no picture's present tense: "had to wait ... on December 8, 1980".
_NOT_SCENE_BEFORE = frozenset("to will would could can did does do not may might should must shall".split())
# A caption closed by its credit may describe a whole diagram; a page flattened into one
# paragraph that happens to end on a credit is longer still.
MAX_CREDITED_CAPTION_CHARS = 1000
# The wire services' caption formula: "In this Dec. 12, 2006, file photo, made available by
# NASA, ...", "This March 28, 2017, photo provided by ... shows ...".
_PHOTO_FORMULA = re.compile(
    r"^(?:In this|This)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4},?\s+|undated\s+|\d{4},?\s+)?"
    r"(?:(?:file|handout|undated|aerial|drone|family|courtesy|image|video)\s+)*"
    r"(?:photo|photograph|picture|image|frame grab|file photo|still image)\b(?:,|\s+(?:provided|released|made|taken|shows))"
    # The same formula with the scene first: "The moon turns red in this image of an eclipse
    # from 2004.", "A ranger is seen in this undated photo released by ...". Running text points
    # at a picture ("as seen in this photo") without saying what it is of.
    r"|^[A-Z][^.!?]{3,100}?\s+in this (?:undated |file |handout |aerial )?"
    r"(?:image|photo|photograph|picture|frame grab|still image) (?:of|from|taken|provided|released|made)\b"
)
# The wire photo desks' scene formula, which names the day in full where running text says "on
# Tuesday": "A shopper looks at extension cords at a hardware store, Tuesday, Nov. 19, 2019, in
# Grass Valley, Calif.", "Rep. Jane Doe speaks at the Capitol on July 25, 2019." A present-tense
# verb of what the picture shows, then the date with its year.
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_FULL_DATE = _MONTH + r"\s+\d{1,2},?\s+(?:19|20)\d\d\b"
_SCENE_VERBS = frozenset((
    "speaks", "talks", "looks", "walks", "arrives", "leaves", "poses", "pose", "stands", "stand",
    "sits", "sit", "holds", "hold", "gestures", "gesture", "attends", "attend", "waves", "wave",
    "reacts", "react", "passes", "shows", "celebrates", "celebrate", "listens", "listen",
    "watches", "watch", "delivers", "addresses", "greets", "greet", "shakes", "rides", "ride",
    "carries", "carry", "gather", "march", "wait", "waits", "takes", "plays", "runs", "dunks",
    "shoots", "scores", "throws", "catches", "kicks", "drives", "hugs", "embraces", "smiles",
    "cheer", "cheers", "sings", "performs", "perform", "testifies", "signs", "prepares", "prepare",
    "work", "works", "prays", "pray", "displays", "visits", "visit", "points", "raises", "raise",
    "wears", "wear",
))
_SEEN = frozenset(("seen", "pictured", "displayed"))  # "is seen", "are pictured"
MAX_VERB_AT = 30  # words: how far into the caption its verb may come
_SCENE_DATE = re.compile(r"(?:\bon\s+(?:" + _WEEKDAY + r",\s+)?|,\s+(?:" + _WEEKDAY + r",\s+)?)" + _FULL_DATE)
# "..., Tuesday, Nov. 19, 2019, ...": the day named in full between commas, after a word (not
# after a clock time, as in a page's "11:26 pm EST, Tuesday, November 19, 2019").
_DAY_DATE = re.compile(
    r"(?<![AP]M\b)(?<![ap]m\b)(?<![A-Z]{3}\b)(?<![AP]\.M\.)[a-z.],\s+" + _WEEKDAY + r",\s+" + _FULL_DATE
)


def _scene(text: str) -> bool:
    if not ("20" in text or "19" in text):  # no year: the cheap test first
        return False
    if _DAY_DATE.search(text):
        return True
    if not text[:1].isupper():
        return False
    words = text.split(None, MAX_VERB_AT + 1)
    for k, word in enumerate(words[:MAX_VERB_AT + 1]):
        # The picture's subject first, then its verb, then the date.
        if k and (word in _SCENE_VERBS and words[k - 1] not in _NOT_SCENE_BEFORE
                  or word in _SEEN and words[k - 1] in ("is", "are")):
            at = text.find(" " + word + " ")
            return at >= 0 and _SCENE_DATE.search(text, at + len(word) + 1) is not None
    return False


# NYT and Guardian style: "Trump asked voters ... Credit... Doug Mills/The New York Times",
# "Protesters in Hong Kong. Photograph: Jerome Favre/EPA"
_TRAILING_CREDIT = re.compile(
    r"\s(?:Credit|Photograph|Photo|Image|Foto|Bild|Crédit|Crédito)s?\s*(?:\.{2,3}|…|:)\s*\S.{0,100}$"
    # "... after the retailer reported earnings. Photograph by": the name was a link, now gone.
    r"|(?<=[.!?”\"])\s*(?:Photograph|Photo|Image|Picture|Video)s?\s+(?:by|courtesy of)\s*$"
    # "... continues to improve. Courtesy Sara Carson": a family's picture, credited to them.
    r"|(?<=[.!?”\"])\s*Courtesy(?: of)?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$"
    # "Jewels after Jewels, installation views, photos © Inexhibit, 2018"
    r"|[,.]\s*(?:photos?|images?|pictures?|fotos?)\s*©\s*[^,©]{1,60}(?:,\s*(?:19|20)\d\d)?\s*$"
    # "The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)": institutions, slashed.
    r"|(?<=[.!?”\"])\s*\(\s?(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?:\s?/\s?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}){1,4}\s?\)\s*$"
)
_TRAILING_CREDIT_HINTED = Hinted(_TRAILING_CREDIT, (
    "Credit", "Photo", "Image", "Foto", "Bild", "Crédit", "Picture", "Video", "©", "/", "Courtesy",
))
_CREDIT_LINE = re.compile(
    r"^(?:\(?\s*(?:image|photo|picture|video|foto|bild|photograph|illustration)s?\s*"
    r"(?:credit|copyright|courtesy|source|by|:|/)\b.{0,100}"
    r"|(?:credit|copyright|courtesy|crédit|crédito|quelle)s?\s*(?::|\.\.\.|…)\s*.{1,100}"
    r"|courtesy of\s+\S.{0,80}"
    r"|(?:photo|foto|bild|image)s?\s*:\s*.{1,60}"
    # A picture's label left alone where the picture was: "Photo".
    r"|photo|image|picture|foto"
    # "Courtesy Shannon Trent", "(European Pressphoto Agency)", "April Baer / OPB": a credit alone.
    r"|courtesy\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
    # "Photo – Garrondo": the label and the name with a dash between.
    r"|(?:photo|foto|image|picture)s?\s+[-–—]\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
    r"|\(\s*(?:european pressphoto agency|associated press|agence france-presse)\s*\)"
    # A magazine's credits: "By Al Levine/Comedy Central.", "From The Neal Peters Collection."
    r"|by\s+(?-i:[A-Z])[\w.'’ -]{1,40}/(?-i:[A-Z])[\w.&'’ -]{1,40}\.?|from\s+(?:the\s+)?(?-i:[A-Z])[\w.&'’ -]{1,40}\s+collection\.?"
    # "From Comedy Central.": the picture's source, closed by its full stop, alone on its line.
    r"|from\s+(?-i:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\."
    # "Jane Doe/Example Journal", "Jane Doe et al/eLife Journal": a paper's figure, credited.
    r"|(?-i:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}(?:\set al\.?)?\s?/\s?(?:[A-Z]|[a-z][A-Z])[\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})"
    r"|(?:" + _AGENCY + r")(?:\s*/\s*[\w .'-]{1,60})?"
    r"|©\s*(?:" + _AGENCY + r")(?:\s*/\s*[\w .'-]{1,60})?"
    # "New York State Sex Offender Registry via AP": a handout's source and the agency
    r"|[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,7}\s+via\s+(?:" + _AGENCY + r")"
    r")\s*\)?$",
    re.I,
)
_CAPTION_MARK = re.compile(
    r"^(?:above|below|pictured|top|main|left|right|caption|image caption|media caption|photo caption|file photo|"
    r"bildunterschrift|légende)\s*[:\-–]\s*"
    # "Image: The teams march under one flag at the East Asian Games in 2005"
    r"|^(?:image|picture|pic)\s*:\s+(?=\S+\s+\S+\s+\S+\s+\S)",
    re.I,
)
# Glued into running text: BBC's "Image copyright X Image caption Y", "Media caption Y".
_GLUED = re.compile(
    r"(?P<credit>(?:Image|Photo|Picture) (?:copyright|source|credit)s?:?\s+"
    r"(?:[A-Z][\w.&'/-]*(?:\s+(?!(?:Image|Media|Photo|Video)\s+caption)(?:[A-Z][\w.&'/-]*|of|de|via)){0,3}|\w+))"
    r"|(?P<caption>(?:Image|Media|Photo|Video) caption:?\s+(?P<text>(?:[^.!?]|[.!?](?!\s|$)){1,250}(?:[.!?](?=\s|$))?))"
)
_GLUED_HINTED = Hinted(_GLUED, (" caption", "Image ", "Photo ", "Picture "))
_GLUED_ABOVE = re.compile(
    r"(?P<caption>(?:Above|Pictured|Top|Below):\s+(?P<text>[^.!?]{1,250}?[.!?]?))\s*"
    r"(?P<credit>(?:Image|Photo) Credit:\s*[^.!?]{1,60}?)(?=\s+[A-Z(\"“]|$)"
)
_GLUED_ABOVE_HINTED = Hinted(_GLUED_ABOVE, ("Credit:",))


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
_GLUED_AGENCY_HINTED = Hinted(_GLUED_AGENCY, ("/",))
# The same credit in brackets after a caption's last sentence, glued before the paragraph under
# the picture, with a broadcaster or a paper for the agency: "... at the memorial. (Jane
# Doe/CBC) Over the weekend, ...". A person's name (two or three words), a slash, an
# organisation; a sentence's brackets put no person on one side of a slash.
_BRACKETED_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<credit>\((?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+\s?/\s?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3}\))"
    r"(?=\s+[A-Z\"“‘'])"
)
_BRACKETED_CREDIT_HINTED = Hinted(_BRACKETED_CREDIT, ("/",))


# A scraper that prints each text node on its own line leaves a caption's label alone above the
# caption ("Image caption" / "Assange gestures ...") and a credit's label above the credit
# ("Image copyright" / "EPA"). The label names the line under it. A bare "Caption" is a
# gallery's button more often than a label.
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|picture|video) caption\s*:?$|^(?:caption|bildunterschrift|légende)\s*:?$", re.I)
_CREDIT_LABEL = re.compile(r"^(?:image|photo|picture) (?:copyright|source|credit)s?\s*:?$", re.I)
_NAMING_LABEL = re.compile(r"^(?:image|media|photo|picture|video) ", re.I)
MAX_LABELLED_CREDIT_WORDS = 8


def detect(doc: Document) -> Iterator[Verdict]:
    words = vocab.vocabulary(doc.lang)
    credit = words.opener_pattern("credit")
    if credit is not None:
        # "Foto: dpa", "Crédit photo © X", "Bild/Quelle: X": a language's credit openers, then a
        # separator and the credit.
        opener = re.compile(r"^\(?\s*(?:" + credit + r")\s*(?::|©|/|\|)\s*\S", re.I)
        yield from each_line(doc, lambda text, feat: _judge_words(text, feat, opener) or _judge(text, feat))
    else:
        yield from each_line(doc, _judge)
    yield from _labelled(doc, words)
    yield from _titled_videos(doc)
    yield from _tagged_captions(doc)
    yield from _name_credited(doc)
    yield from _lone_credits(doc)


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


def _judge_words(text: str, feat: Features, opener: re.Pattern) -> tuple[Verdict, ...]:
    if feat.chars <= 160 and not feat.prose and opener.match(text):
        return (Verdict(LINE, "credit"),)
    return ()


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


def _judge(text: str, feat: Features) -> Iterator[Verdict]:
    if feat.chars <= 160 and _CREDIT_LINE.match(text) and not feat.prose:
        yield Verdict(LINE, "credit")
        return
    glued = list(_glued(LINE, text))
    if glued:
        yield from glued
        return
    if _twice_printed(text):
        yield Verdict(LINE, "caption", meta=(("caption", _TWICE_PRINTED.match(text)[1]),))
        return
    if feat.words > MAX_CAPTION_WORDS and ")" in text and _captions_in_a_row(text):
        yield Verdict(LINE, "caption", meta=(("caption", text),))
        return
    if feat.sentences > MAX_CAPTION_SENTENCES and feat.words > MAX_CAPTION_WORDS and not _CAPTION_MARK.match(text):
        # A page of running text (a quoted report's page) closed by its figure's credit is the
        # document's own text, credit included: a quoted document is body however long.
        return
    if _WIDGET_CAPTION_HINTED.search(text) or _CLOSING_CREDIT_HINTED.search(text) or _CAPTION_MARK.match(text) or (
        feat.words <= MAX_CAPTION_WORDS and _paper_credit(text)) or _credit_first(text, feat) or (
        feat.chars <= MAX_CREDITED_CAPTION_CHARS and _TRAILING_CREDIT_HINTED.search(text)
    ) or (feat.words <= MAX_CAPTION_WORDS and (_bare_credit(text) or _PHOTO_FORMULA.match(text)
                                                  or feat.sentences <= MAX_SCENE_SENTENCES and _scene(text))):
        yield Verdict(LINE, "caption", meta=(("caption", _caption_text(text)),))
        return
    copyright = _closing_copyright(text) if feat.words <= MAX_CAPTION_WORDS else None
    if copyright is not None:
        yield _copyright_captioned(LINE, text, copyright)
        return
    found = False
    for m in _GLUED_AGENCY_HINTED.finditer(text):
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
    for m in _BRACKETED_CREDIT_HINTED.finditer(text):
        if _captioned(text[:m.start()]) == 0:
            # "Postmedia's chief executive. (Jane Doe/Canadian Press) "Honey always ..."": the
            # picture's caption and credit, then the paragraph under the picture on the same line.
            yield Verdict(LINE, "caption", span=(0, m.end("credit")), meta=(("caption", text[:m.start()].strip()),))
        else:
            yield Verdict(LINE, "credit", span=m.span("credit"))


# A gallery's captions run together on one line, each closed by its credit: "FILE - This 2003 file
# photo shows ... (Associated Press) FILE - This 2003 file photo shows ... (Associated Press)".
# Every piece is a caption's length and ends on a credit; a paragraph that brackets anything else
# ("... Devin Nunes (R-Calif.) The memo ...") is not cut into such pieces.
_AFTER_BRACKET = re.compile(r"(?<=\))\s+(?=[A-Z\"“])")
MIN_CAPTIONS_IN_A_ROW = 2


def _captions_in_a_row(text: str) -> bool:
    pieces = _AFTER_BRACKET.split(text.strip())
    return len(pieces) >= MIN_CAPTIONS_IN_A_ROW and all(
        len(p.split()) <= MAX_CAPTION_WORDS and _CLOSING_CREDIT_HINTED.search(p) is not None for p in pieces)


# A caption before its closing credit: one sentence of a caption's length, closed by a full stop.
MAX_CREDITED_WORDS = 50
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?][\"”’'] )|(?<=[.!?] ))[A-Z\"“‘'][^.!?]*[.!?][\"”’']?\s*$")


def _captioned(before: str) -> int | None:
    """Where the caption closed by a credit at `before`'s end begins, or None if none does."""
    m = _LAST_SENTENCE.search(before) if before.rstrip()[-1:] in (".", "!", "?", "\"", "”") else None
    if m is None or len(m.group().split()) > MAX_CREDITED_WORDS:
        return None
    return m.start()


def _glued(i: int, text: str) -> Iterator[Verdict]:
    for pattern in (_GLUED_ABOVE_HINTED, _GLUED_HINTED):
        found = False
        before = []  # the line's text before the match, less the glued residue already found
        last = 0
        for m in pattern.finditer(text):
            before.append(text[last:m.start()])
            last = m.end()
            if m["credit"]:
                yield Verdict(i, "credit", span=m.span("credit"))
            if m["caption"]:
                if not "".join(before).strip() or _ends_caption(m):
                    yield Verdict(i, "caption", span=m.span("caption"), meta=(("caption", m["text"].strip()),))
                else:
                    # A photo set inside a paragraph ("Mali troop mutiny Image copyright X Image caption
                    # It is not clear whether ... forces Mutiny leader Capt Sanogo has imposed a
                    # curfew"): a caption without its full stop, longer than captions run, has run
                    # on into the text after the picture, and nothing tells where it ends. Only its
                    # label goes.
                    yield Verdict(i, "caption", span=(m.start("caption"), m.start("text")))
            found = True
        if found:
            return


# A caption is a sentence; one glued after text on its line that runs this long without a full
# stop to the end of the line has taken in the paragraph after it.
MAX_OPEN_CAPTION_WORDS = 20


def _ends_caption(m: re.Match) -> bool:
    """Whether a glued caption's text ends where the caption does: on its full stop, before more
    text on the line (the next glued credit or caption), or within a caption's length."""
    return (m["text"].rstrip()[-1:] in ".!?" or m.end("caption") < len(m.string.rstrip())
            or len(m["text"].split()) <= MAX_OPEN_CAPTION_WORDS)


def _caption_text(text: str) -> str:
    return _CAPTION_MARK.sub("", text, count=1)


def lines(doc: Document) -> Iterator[Verdict]:
    """The verdicts each line earns on its own, as `detect` gave them first."""
    credit = vocab.vocabulary(doc.lang).opener_pattern("credit")
    if credit is not None:
        opener = re.compile(r"^\(?\s*(?:" + credit + r")\s*(?::|©|/|\|)\s*\S", re.I)
        return each_line(doc, lambda text, feat: _judge_words(text, feat, opener) or _judge(text, feat))
    return each_line(doc, _judge)
