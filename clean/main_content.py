"""Finding the article in a full-page dump, from the text's own shape.

A page dump (html-text, inscriptis, BeautifulSoup `get_text`) is mostly menus, teasers and
footers around one run of prose. Extractor output (newspaper, trafilatura, ...) is mostly
article. The two need opposite priors, so the document is classified first; only on a page is
a main block chosen, as the run of blocks whose prose outweighs the furniture inside it
(a maximum-sum segment, the same idea as Kadane's algorithm). Choosing it is native
(src/main_content.rs): this module classifies the document and hands the page over.
"""

from __future__ import annotations

import re

from . import _core
from .document import Document, Features

# A page: many blocks, most of them not prose, and the site's furniture (menus, share bars,
# legal links) recognisable among them. An article with a long list (tour dates, a spec sheet)
# has the first two but not the third.
PAGE_MIN_BLOCKS = 30
PAGE_MIN_FURNITURE_SHARE = 0.6
PAGE_MIN_LABELS = 6
# A very long dump may show little furniture the lexicons know, but it shows some.
PAGE_LARGE, PAGE_LARGE_MIN_LABELS = 120, 2
# A furniture line counts at most this often: a page repeats a label or two ("Home" in the
# menu and the footer), but one line after every section is a long article's own anchor.
MAX_COPIES_COUNTED = 2
# A label, a caption or a short list standing between two paragraphs of an article ("Mehr zum
# Thema" over two links, "Advertisement", a photo's caption) is inside the article, whatever it
# is: it must not tip the text into a page. A paragraph, not a teaser's one-line summary or a
# comment form's note: at least MIN_INSIDE_CHARS on either side.
MAX_INSIDE_RUN = 4
MIN_INSIDE_CHARS = 130


def inside_prose(doc: Document) -> list[bool]:
    """For each block: whether it is not prose and sits in a run of at most MAX_INSIDE_RUN such
    blocks with a paragraph of prose right above and right below it."""
    feats = doc.feats
    inside = [False] * len(feats)
    # One byte a block, 1 for prose: the runs are found by the regex engine, not block by block.
    for run in _SHORT_RUN.finditer(bytes([f.prose for f in feats])):
        i, j = run.span()
        if feats[i - 1].chars >= MIN_INSIDE_CHARS and feats[j].chars >= MIN_INSIDE_CHARS:
            inside[i:j] = [True] * (j - i)
    return inside


# A whole run of at most MAX_INSIDE_RUN blocks that are not prose, with prose on either side.
_SHORT_RUN = re.compile(rb"(?<=\x01)\x00{1,%d}(?=\x01)" % MAX_INSIDE_RUN)


def is_page(doc: Document, labels: float, distinct: int | None = None) -> bool:
    """`labels`: blocks the detectors recognised as page furniture (each line counted at most
    MAX_COPIES_COUNTED times, one between two paragraphs counted half); `distinct`: how many
    different lines they are (default: labels)."""
    n = len(doc.feats)
    if n < PAGE_MIN_BLOCKS:
        return False
    distinct = labels if distinct is None else distinct
    if not (labels >= PAGE_MIN_LABELS or (n >= PAGE_LARGE and distinct >= PAGE_LARGE_MIN_LABELS)):
        return False  # before counting the blocks: most texts name too little furniture
    furniture = [f.prose for f in doc.feats].count(False)
    return furniture >= PAGE_MIN_FURNITURE_SHARE * n


def block_value(feat: Features, flagged: bool) -> float:
    """How much a block argues for the stretch of text around it being the article: its prose,
    or what it costs (src/main_content.rs)."""
    return _core.block_value(feat.chars, feat.prose, flagged)


def main_block(doc: Document, flagged: list[bool]) -> tuple[int, int] | None:
    """The [first, last] block indexes of the main block, or None when nothing reads as prose
    (src/main_content.rs, `main_block`).

    The best stretch is the run of blocks whose prose outweighs the furniture inside it; a
    paragraph handing over to a quotation or a list with a colon counts as prose when prose
    follows it. A page dump opens with the page's title ("Elektro-Zapfsäulen – Sprechblase");
    where the page prints that headline again on a line of its own, the article begins. A short
    post under it is the main block even when a sidebar's blurb or a teaser holds more prose, as
    long as the post holds a fair share of what the best stretch holds and is a stretch of its
    own (one that runs on into the best stretch merely adds the headline above it)."""
    return doc.page.main_block(flagged)


def headline_anchors(doc: Document) -> list[int]:
    """The first block after the page's title line that repeats a part of the title, for each
    part: one is the headline, another may be the site's name printed over its menu (the
    article then is the first stretch of prose under the page's head). A headline-shaped line
    opening with a part of three words or more and running on a few words past it repeats it
    too: a page's title may hold the headline cut short, while a teaser list lower down prints
    the short form (src/main_content.rs, `headline_anchors`)."""
    return doc.page.headline_anchors()


def best_stretch(values: list[float]) -> tuple[int, int]:
    """The [first, last] indexes of the stretch of values with the largest positive sum, or
    (len(values), -1) when no value is positive; of two equal runs, the longer one (ending
    later) wins, so that a clean article fed back in keeps every block (src/main_content.rs)."""
    return _core.best_stretch(values)
