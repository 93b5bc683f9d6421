"""From an HTML page to a clean Article: trafilatura finds the main text and the page's metadata,
the Cleaner takes out the residue every extractor leaves, and the two are merged into one Article.

    page bytes ─► parse once ─► metadata (title, author, date, site, url)
                            └─► trafilatura main text ─► page residue ─► Cleaner ─► Article
                                 (none found: the page's full text, Cleaner mode="page")

Around the pure core, not in it: this module parses HTML and keeps a per-page time limit. Its
packages (trafilatura, lxml, BeautifulSoup) are dependencies, imported on first use only, so
`import clean` stays cheap. trafilatura is given bytes or a parsed tree, never a URL, so it never
fetches anything; lxml's HTML parser neither loads external entities nor uses the network.

Where the page's metadata and the text cleaner both offer a field:
- title: the headline removed from the top of the text (what the page shows), else the page's
  metadata title (og:title, JSON-LD headline, <title>), which often carries the site's name.
- byline and date: the page's structured metadata (JSON-LD/meta author; htmldate's publication
  date, normalised to YYYY-MM-DD) first, the text's byline and date lines after.
- source: the text's source line ("Source: Xinhua"); the site's own name is `sitename`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from . import language, timelimit
from .article import Article, Removal
from .cleaner import Cleaner
from .decoding import InputError, drop_stray_nuls

FAVOR = ("balanced", "recall", "precision")
# trafilatura (the default: the best text) or resiliparse (clean.html_fast: ten times the pages/s).
EXTRACTORS = ("trafilatura", "resiliparse")
# trafilatura's own MAX_FILE_SIZE: a page larger than this is refused rather than parsed.
MAX_PAGE_BYTES = 20_000_000
# A document is taken for HTML when it opens with one of these, after a BOM and whitespace.
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SPACES = re.compile(r"\s+")
_LIST_MARK = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")
# Link lines: a line mostly made of one link's text. A run of them is a link list (related
# stories, "more from"), residue when it closes the text or runs long anywhere.
LINK_SHARE = 0.5
LINK_RUN_AT_END = 2
LINK_RUN = 3
TEASER_SHARE = 0.25
TEASER_RUN = 3
# Reasons the text cleaner does not apply to trafilatura's main text unless `drop` names them.
TRUSTED_IN_MAIN_TEXT = frozenset({"repeated-line", "url"})
# A passage of this many paragraphs of this length seen twice is a copy of the text.
PASSAGE_LINES = 3
PASSAGE_CHARS = 100
# Lines at the edges of the text that the page holds outside the element holding this share of
# the text are residue. Text nodes are matched by their first KEY_CHARS characters.
MAIN_SHARE = 0.8
PLACED_SHARE = 0.5
KEY_CHARS = 40
MAX_DEPTH = 1000
# Words of class names and ids that say what a box inside the article holds.
BOX_WORDS = {
    **dict.fromkeys(("newsletter", "newsletters", "subscribe", "subscription", "signup", "cta"), "newsletter"),
    **dict.fromkeys(("share", "sharing", "social", "sharebar"), "share"),
    **dict.fromkeys(("promo", "promotion", "recirc", "recirculation", "related", "outbrain", "taboola"), "related"),
    **dict.fromkeys(("advert", "advertisement", "sponsored"), "advert"),
}
_WORD = re.compile(r"[a-z]+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# An article body split over several elements with the same body-like class: the others are
# taken in when they hold this much paragraph text the extracted text lacks.
_BODY_CLASS = re.compile(r"(?:^|[\s_-])(?:body|article|story|entry|content|text)(?:$|[\s_-])", re.IGNORECASE)
CONTINUATION_CHARS = 200
# The headline is matched against the metadata title within the first lines only.
TITLE_LINES = 3
TITLE_MIN_CHARS = 15

T = TypeVar("T")


class PageError(Exception):
    """A page that cannot be cleaned: binary data, too large, or over its time limit."""


class PageTimeout(PageError):
    pass


class MissingExtra(RuntimeError):
    """The HTML packages (dependencies) are missing from this installation."""


@dataclass(frozen=True)
class HtmlOptions:
    """What users may choose about the extraction (trafilatura's own options, passed through).

    favor: "recall" keeps more text when unsure, "precision" less, "balanced" is trafilatura's
        own default. Recall is the default here: `clean` takes out the residue recall lets in,
        and in recall mode trafilatura does not retry a short extraction, which makes it faster.
    include_comments: keep the comment section trafilatura finds. Off by default: comments are
        residue `clean` removes anyway, and a separate extraction of them costs time.
    include_tables: keep the text of <table> elements.
    target_lang: an ISO 639-1 code; a page whose <html lang> declares another language, or whose
        main text reads as another (clean's stopword detection), is rejected: an empty body with
        a note. trafilatura's own check is not used: it would turn a rejection into the full-text
        fallback.
    page_timeout: seconds one page may take, extraction and cleaning together; 0 for no limit.
    extractor: "trafilatura", or "resiliparse" for the fast path (clean.html_fast), which reads
        only target_lang, include_comments and page_timeout of these options.
    """

    favor: str = "recall"
    include_comments: bool = False
    include_tables: bool = True
    target_lang: str | None = None
    page_timeout: float = 30.0
    extractor: str = "trafilatura"

    def __post_init__(self):
        if self.extractor not in EXTRACTORS:
            raise ValueError(f"extractor must be one of {EXTRACTORS}, not {self.extractor!r}")
        if self.favor not in FAVOR:
            raise ValueError(f"favor must be one of {FAVOR}, not {self.favor!r}")
        if self.page_timeout < 0:
            raise ValueError("page_timeout must be 0 (no limit) or more")


@dataclass(frozen=True)
class Page:
    """A cleaned page: the Article, and the text the extractor gave, into which
    `article.removed` points."""

    article: Article
    source: str
    nul_bytes: int = 0  # stray NUL bytes dropped from the page before it was parsed


def looks_like_html(data: bytes | str) -> bool:
    """Plainly an HTML document: it opens with <!doctype html> or <html>, after a BOM, whitespace
    and comments. A text that merely contains tags is not taken for HTML. NUL bytes are passed
    over: UTF-16 text is full of them, and a page may carry a few strays (cleaning drops them)."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    return _HTML_START.match(head.replace(b"\x00", b"")) is not None


def page_bytes(page: bytes | str) -> tuple[bytes, int]:
    """A page as bytes for an extractor, and the stray NUL bytes dropped from it; PageError for
    an oversized page or binary data."""
    if isinstance(page, str):
        page = page.encode("utf-8", "surrogatepass")
    if len(page) > MAX_PAGE_BYTES:
        raise PageError(f"page too large ({len(page)} bytes > {MAX_PAGE_BYTES})")
    # UTF-16 and UTF-32 text is full of NULs and announces itself with a BOM.
    if page.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return page, 0
    try:
        return drop_stray_nuls(page, "page")
    except InputError:
        raise PageError("binary data, not an HTML page") from None


def available() -> bool:
    """Whether the HTML packages are installed (they are dependencies; an installation made with
    `--no-deps` may lack them)."""
    try:
        import bs4  # noqa: F401
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


class HtmlCleaner:
    """Clean HTML pages with fixed options; `clean(page, url)` returns a `Page`.

    `cleaner` cleans the extracted text; a copy of it in page mode cleans the full text of a page
    where trafilatura found no main content.
    """

    def __init__(self, cleaner: Cleaner | None = None, options: HtmlOptions | None = None):
        if not available():
            raise MissingExtra("HTML input needs trafilatura and beautifulsoup4, which are not installed: "
                              "pip install clean-article")
        _quiet_extractor_logs()
        self.cleaner = cleaner or Cleaner()
        self.options = options or HtmlOptions()
        self.page_cleaner, self.text_cleaner = page_and_text_cleaners(self.cleaner)

    def clean(self, page: bytes | str, url: str | None = None) -> Page:
        """Raises PageError for binary data, an oversized page or one over its time limit. A few
        stray NUL bytes in a page are dropped (and counted in `Page.nul_bytes`), as in text."""
        page, nuls = page_bytes(page)
        result = run_with_limit(lambda: self._clean(page, url), self.options.page_timeout)
        return replace(result, nul_bytes=nuls) if nuls else result

    def _clean(self, page: bytes, url: str | None) -> Page:
        from trafilatura.utils import check_html_lang, load_html

        try:
            tree = load_html(page) if page.strip() else None
        except (ValueError, TypeError, RecursionError, MemoryError) as e:
            return self._full_text(page, {"url": url}, f"the page could not be parsed ({type(e).__name__})")
        if tree is None:
            return self._full_text(page, {"url": url}, "not an HTML document")
        try:
            meta = _metadata(tree, url)
        except Exception:  # metadata is a bonus: a page whose head trips the readers still counts
            meta = {"url": url}
        lang = self.options.target_lang
        if lang and check_html_lang(tree, lang, strict=True) is False:
            return self._rejected(meta, lang, "the page declares another language")
        try:
            text = self._extract(tree, meta.get("url"))
        except PageTimeout:
            raise
        except Exception as e:  # a bug or a limit inside trafilatura must not cost the page
            return self._full_text(page, meta, f"trafilatura failed ({type(e).__name__})")
        if not text.strip():
            return self._full_text(page, meta, "trafilatura found no main text")
        if lang:
            found = language.detect(text)
            if found is not None and found != lang:
                return self._rejected(meta, lang, f"the text reads as {found!r}")
        notes: tuple[str, ...] = ()
        try:
            index = PageIndex.of(tree)
            before, after = index.continuation(tree, text.split("\n"))
            if before or after:
                text = "\n".join([*before, text, *after])
                notes = (f"continued: {len(before) + len(after)} paragraphs from the rest of a body split "
                         "over several elements",)
            cuts = page_residue(text, meta.get("title"), index, self.cleaner.enabled, meta.get("description"))
        except (RecursionError, MemoryError, ValueError) as e:  # the text is cleaned without the page's help
            cuts = []
            notes = (f"page residue not read ({type(e).__name__})",)
        article = _clean_around(self.text_cleaner, text, cuts)
        if notes:
            article = replace(article, notes=article.notes + notes)
        standfirst = _key(meta.get("description") or "")
        headline = next((text[s:e].strip() for s, e, r in cuts if r == "title" and _key(text[s:e]) != standfirst), None)
        return Page(_merged(article, meta, "trafilatura", headline), text)

    def _rejected(self, meta: dict, lang: str, why: str) -> Page:
        article = Article(notes=(f"rejected: not in {lang!r}: {why}",))
        return Page(_merged(article, meta, "trafilatura", None), "")

    def _extract(self, tree, url: str | None) -> str:
        from trafilatura.core import bare_extraction
        from trafilatura.utils import normalize_unicode

        o = self.options
        document = bare_extraction(
            tree, url=url, favor_recall=o.favor == "recall", favor_precision=o.favor == "precision",
            include_comments=o.include_comments, include_tables=o.include_tables, with_metadata=False)
        if document is None:
            return ""
        text = document.text or ""
        if o.include_comments and document.comments:
            text = f"{text}\n{document.comments}".strip()
        # The normalisation trafilatura's own text output applies (NFC).
        return normalize_unicode(text)

    def _full_text(self, page: bytes, meta: dict, why: str) -> Page:
        """The page's whole text, one line per text node, and the Cleaner's own main-content
        detection: for pages trafilatura finds nothing in, and for input that is not HTML."""
        from bs4 import BeautifulSoup

        text = BeautifulSoup(page, "lxml").get_text("\n")
        article = self.page_cleaner.clean(text)
        article = replace(article, notes=article.notes + (f"fallback: {why}; full text cleaned as a page",))
        return Page(_merged(article, meta, "fulltext", None), text)


def _quiet_extractor_logs() -> None:
    """trafilatura logs a warning for every page it finds nothing in; without a handler of the
    application's, Python would print each one on stderr. A NullHandler stops that and still lets
    an application that configures logging see them."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan"):
        log = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
            log.addHandler(logging.NullHandler())


def page_and_text_cleaners(cleaner: Cleaner) -> tuple[Cleaner, Cleaner]:
    """`cleaner` for a page's full text (where no main content was found), and for the main
    content an extractor found. That text is the page's main content already: a line it holds
    twice (a meal plan, a table) or a bare URL in it (a reference, a shop link) is the author's
    text. It is an article by construction, too: no need to look for one in it."""
    text_cleaner = _with_mode(cleaner, "article" if cleaner.mode == "auto" else cleaner.mode)
    text_cleaner.enabled = cleaner.enabled - (TRUSTED_IN_MAIN_TEXT - cleaner.drop)
    return _with_mode(cleaner, "page"), text_cleaner


def _with_mode(cleaner: Cleaner, mode: str) -> Cleaner:
    import copy

    other = copy.copy(cleaner)
    other.mode = mode
    return other


# --- metadata -----------------------------------------------------------------------------------

def _metadata(tree, url: str | None) -> dict:
    """The page's metadata, the cheap way: meta tags and JSON-LD, the <title>, the canonical URL
    and htmldate's quick search. trafilatura's full `extract_metadata` also hunts authors through
    the page, and categories, tags and licences, at half the cost of the extraction itself."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single word is a handle or a site, not a name (trafilatura's rule)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # malformed JSON-LD: keep what the meta tags gave
        pass
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    try:
        date = find_date(tree, extensive_search=False, original_date=True, url=meta.url)
    except Exception:  # htmldate on a malformed page: no date rather than no page
        date = None
    sitename = meta.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
    return {
        "title": _tidy(meta.title),
        "author": _tidy(meta.author),
        "date": date,
        "sitename": _tidy(sitename),
        "url": meta.url or url,
        "description": _tidy(meta.description),
    }


def _tidy(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _merged(article: Article, meta: dict, extractor: str, headline: str | None) -> Article:
    return replace(
        article,
        title=headline or article.title or meta.get("title"),
        byline=meta.get("author") or article.byline,
        date=meta.get("date") or article.date,
        url=meta.get("url"),
        sitename=meta.get("sitename"),
        extractor=extractor,
    )


# --- residue the page shows and the text alone cannot ------------------------------------------

def _key(text: str) -> str:
    """Text compared across page and extracted text: NFKC, spaces folded, case folded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _node_key(text: str) -> str:
    """The first KEY_CHARS characters, spaces folded: cheap enough for every text node of a page.
    trafilatura's text is NFC; a page in another normal form only leaves lines unplaced."""
    return " ".join(text[:4 * KEY_CHARS].split())[:KEY_CHARS]


@dataclass
class PageIndex:
    """What the page tells about lines of the extracted text: the text of its links, indexed by
    their first three words, and the elements holding each text node, by the node's first
    KEY_CHARS characters."""

    anchors: dict[str, list[str]]
    nodes: dict[str, list]
    _last: tuple | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, tree) -> PageIndex:
        anchors: dict[str, list[str]] = {}
        nodes: dict[str, list] = {}
        body = tree.find("body")
        root = body if body is not None else tree
        for node in root.xpath(".//text()[normalize-space()]"):
            holder = node.getparent()
            if node.is_tail and holder is not None:
                holder = holder.getparent()
            if holder is not None:
                nodes.setdefault(_node_key(node), []).append(holder)
        for a in root.iter("a"):
            words = a.text_content().split()
            if len(words) >= 2:
                anchors.setdefault(" ".join(words[:3]), []).append(" ".join(words))
        return cls(anchors, nodes)

    def link_share(self, line: str) -> float:
        """How much of a line is the text of one link that opens it (a teaser: headline link,
        then its standfirst)."""
        words = _LIST_MARK.sub("", line.strip()).split()
        if len(words) < 2:
            return 0.0
        text = " ".join(words)
        best = 0
        for candidate in self.anchors.get(" ".join(words[:3]), ()):
            if text.startswith(candidate) and len(candidate) > best:
                best = len(candidate)
        return best / len(text)

    def main_element(self, lines: list[str]):
        """The deepest element holding MAIN_SHARE of the text's lines (by length), or None when
        too little of the text can be placed in the page to tell."""
        return self._placed(lines)[1]

    def _placed(self, lines: list[str]) -> tuple[list[list], object]:
        """(elements holding each line, main element), for the last text asked about."""
        key = tuple(lines)
        if self._last is None or self._last[0] != key:
            places = [self.nodes.get(_node_key(_LIST_MARK.sub("", line.strip())), []) for line in lines]
            self._last = (key, places, self._main(lines, places))
        return self._last[1], self._last[2]

    def _main(self, lines: list[str], places: list[list]):
        weight: dict = {}
        total = 0
        for line, found in zip(lines, places):
            if len(found) == 1:  # a text the page shows once places its line for sure
                total += len(line)
                for el in _ancestry(found[0]):
                    weight[el] = weight.get(el, 0) + len(line)
        if not total or total < PLACED_SHARE * sum(len(line) for line in lines):
            return None
        main, depth = None, -1
        for el, w in weight.items():
            if w >= MAIN_SHARE * total:
                d = len(_ancestry(el))
                if d > depth:
                    main, depth = el, d
        return main

    def inside_main(self, lines: list[str]) -> list[bool | None]:
        """For each line, whether the page holds it inside the main element, outside it, or
        None when the line cannot be placed."""
        places, main = self._placed(lines)
        if main is None:
            return [None] * len(lines)
        return [None if not found else any(main in _ancestry(el) for el in found) for found in places]

    def is_heading(self, line: str) -> bool:
        """The page holds this line, and only in headings."""
        found = self.nodes.get(_node_key(line.strip()), [])
        return bool(found) and all(el.tag in _HEADINGS for el in found)

    def boxed(self, lines: list[str]) -> list[str | None]:
        """For each line, the residue reason its box names, when the page holds it (once) in an
        element inside the main one whose class or id says what it is (a newsletter sign-up,
        a call to action, a share bar, a promotion); None otherwise."""
        places, main = self._placed(lines)
        out: list[str | None] = [None] * len(lines)
        if main is None:
            return out
        for n, found in enumerate(places):
            if len(found) != 1:
                continue
            for el in _ancestry(found[0]):
                if el is main:
                    break
                names = f"{el.get('class') or ''} {el.get('id') or ''}"
                if names.strip():
                    reason = next((r for word in _WORD.findall(names.lower()) if (r := BOX_WORDS.get(word))), None)
                    if reason:
                        out[n] = reason
                        break
        return out

    def continuation(self, tree, lines: list[str]) -> tuple[list[str], list[str]]:
        """Paragraphs of an article body the page splits over several elements (an advert row
        between two halves), when the extractor kept only one: elements with the main element's
        tag and body-like class that hold CONTINUATION_CHARS of paragraphs the text lacks.
        Returns (paragraphs before the text, paragraphs after it)."""
        main = self.main_element(lines)
        if main is None or not _BODY_CLASS.search(main.get("class") or ""):
            return [], []
        have = {_node_key(_LIST_MARK.sub("", line.strip())) for line in lines}
        before: list[str] = []
        after: list[str] = []
        side = before
        for el in tree.iter(main.tag):
            if el is main:
                side = after
                continue
            if el.get("class") != main.get("class") or main in _ancestry(el) or el in _ancestry(main):
                continue
            paragraphs = [" ".join(p.text_content().split()) for p in el.iter("p")]
            paragraphs = [p for p in paragraphs if p and _node_key(p) not in have]
            if sum(len(p) for p in paragraphs) >= CONTINUATION_CHARS:
                side.extend(paragraphs)
        return before, after


def _ancestry(el) -> list:
    chain = []
    while el is not None and len(chain) < MAX_DEPTH:
        chain.append(el)
        el = el.getparent()
    return chain


def page_residue(text: str, title: str | None, page: PageIndex, enabled: frozenset[str],
                 description: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, reason) of whole lines that the page itself shows to be residue:
    - `title`: the opening line that is the page's metadata title (the text alone can only guess
      whether a first line is a headline), and the standfirst under it: a line the page's
      metadata description repeats and the page sets as a heading (a lead paragraph that is also
      the description is a <p>, and stays);
    - `outside-main`: lines at the top or bottom of the text that the page holds outside the
      element holding most of the text (a standfirst in the page header, a teaser box below);
    - `related`: runs of lines that are each mostly a link's text, at the end of the text or
      LINK_RUN long anywhere: lists of related stories rendered as paragraphs.
    """
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    found: dict[int, str] = {}
    if title and "title" in enabled:
        want = _key(title)
        for n, (_, _, line) in enumerate(lines[:TITLE_LINES]):
            have = _key(line)
            if have and (have == want or (len(have) >= TITLE_MIN_CHARS and want.startswith(have))):
                found[n] = "title"
                break
            if len(have) > 2 * TITLE_MIN_CHARS:
                break  # prose before any headline: the title is not shown at the top
    if description and "title" in enabled:
        want = _key(description)
        for n, (_, _, line) in enumerate(lines[:TITLE_LINES + 1]):
            if n not in found and _key(line) == want and page.is_heading(line):
                found[n] = "title"
    if "outside-main" in enabled and lines:
        inside = page.inside_main([line for _, _, line in lines])
        for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
            for n in order:
                if inside[n]:
                    break
                if inside[n] is False:
                    found.setdefault(n, "outside-main")
    for n, reason in enumerate(page.boxed([line for _, _, line in lines])):
        if reason in enabled:
            found.setdefault(n, reason)
    if "repeated-line" in enabled:
        for n in _repeated_passages([line for _, _, line in lines]):
            found.setdefault(n, "repeated-line")
    if "related" in enabled and page.anchors:
        shares = [page.link_share(line) for _, _, line in lines]
        linked = [share >= LINK_SHARE for share in shares]
        n = 0
        while n < len(lines):
            if not linked[n]:
                n += 1
                continue
            end = n
            while end + 1 < len(lines) and linked[end + 1]:
                end += 1
            size = end - n + 1
            if size >= LINK_RUN or (size >= LINK_RUN_AT_END and end == len(lines) - 1):
                for k in range(n, end + 1):
                    found.setdefault(k, "related")
            n = end + 1
        # Teasers closing the text: each line opens with a headline link and goes on with its
        # standfirst, so less of it is link text.
        n = len(lines)
        while n > 0 and shares[n - 1] >= TEASER_SHARE:
            n -= 1
        if len(lines) - n >= TEASER_RUN:
            for k in range(n, len(lines)):
                found.setdefault(k, "related")
    return [(lines[n][0], lines[n][1], reason) for n, reason in sorted(found.items())]


def _repeated_passages(lines: list[str]) -> list[int]:
    """Lines of a passage of PASSAGE_LINES or more paragraphs (each PASSAGE_CHARS long) that the
    text already held, in the same order: a second copy of the article in the page (print or
    AMP versions, a teaser box quoting it). Single repeated lines stay: in a main text they are
    the author's (a meal plan, a table)."""
    keys = [" ".join(line.split()) if len(line) >= PASSAGE_CHARS else None for line in lines]
    first: dict[str, int] = {}
    for n, k in enumerate(keys):
        if k is not None:
            first.setdefault(k, n)
    out: list[int] = []
    n = 0
    while n < len(lines):
        run = 0
        while (n + run < len(lines) and keys[n + run] is not None
               and first[keys[n + run]] < n + run and (run == 0 or first[keys[n + run]] > first[keys[n + run - 1]])):
            run += 1
        if run >= PASSAGE_LINES:
            out.extend(range(n, n + run))
        n += max(run, 1)
    return out


def _clean_around(cleaner: Cleaner, text: str, cuts: list[tuple[int, int, str]]) -> Article:
    """Clean `text` without the cut lines, with every removal pointing into `text` itself."""
    if not cuts:
        return cleaner.clean(text)
    kept: list[tuple[int, int]] = []  # spans of `text` that make up the text the Cleaner sees
    pos = 0
    for start, end, _ in cuts:
        if start > pos:
            kept.append((pos, start))
        pos = min(len(text), end + 1)  # the cut line's own line break goes with it
    if pos < len(text):
        kept.append((pos, len(text)))
    inner = "".join(text[s:e] for s, e in kept)
    article = cleaner.clean(inner)
    removed = [Removal(s, e, reason) for s, e, reason in cuts]
    for r in article.removed:
        removed.extend(Removal(s, e, r.reason) for s, e in _to_outer(kept, r.start, r.end))
    removed.sort(key=lambda r: (r.start, r.end))
    main = None
    if article.main:
        pieces = _to_outer(kept, *article.main)
        main = (pieces[0][0], pieces[-1][1]) if pieces else None
    return replace(article, removed=tuple(removed), main=main)


def _to_outer(kept: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """A span of the joined text as spans of the original (split where cut lines were)."""
    out = []
    offset = 0
    for s, e in kept:
        length = e - s
        lo, hi = max(start, offset), min(end, offset + length)
        if lo < hi:
            out.append((s + lo - offset, s + hi - offset))
        offset += length
        if offset >= end:
            break
    return out


# --- time limit -----------------------------------------------------------------------------------

def page_cleaner(cleaner: Cleaner, options: HtmlOptions):
    """The page cleaner of the chosen extractor: HtmlCleaner, or html_fast.ResiliparseCleaner."""
    if options.extractor == "resiliparse":
        from .html_fast import ResiliparseCleaner

        return ResiliparseCleaner(cleaner, options)
    return HtmlCleaner(cleaner, options)


def run_with_limit(work: Callable[[], T], seconds: float) -> T:
    """`work()`, stopped with PageTimeout after `seconds` (0: no limit)."""
    return timelimit.run_with_limit(work, seconds, lambda message: PageTimeout(f"page {message}"))


# --- the command's view: when is input HTML ---------------------------------------------------------

class HtmlInput:
    """How the `clean` command treats HTML: always (`--html`), never (`--no-html`) or when the
    input plainly is an HTML document (the default). The HtmlCleaner, and with it trafilatura,
    is loaded on the first page only."""

    def __init__(self, cleaner: Cleaner, options: HtmlOptions, mode: bool | None = None, key: str = "html"):
        self.cleaner = cleaner
        self.options = options
        self.mode = mode
        self.key = key
        self._pages: HtmlCleaner | None = None
        self.fallbacks = 0

    @property
    def pages(self) -> HtmlCleaner:
        if self._pages is None:
            self._pages = page_cleaner(self.cleaner, self.options)
        return self._pages

    def wants(self, data: bytes | str) -> bool:
        """Clean this document as HTML? Detected HTML without the HTML packages installed is
        cleaned as text (the caller warns); `--html` without them fails in `pages`."""
        if self.mode is not None:
            return self.mode
        return looks_like_html(data) and self._available()

    def missing_extra_for(self, data: bytes | str) -> bool:
        """Detected HTML that is cleaned as text because the HTML packages are missing."""
        return self.mode is None and looks_like_html(data) and not self._available()

    def _available(self) -> bool:
        if self.options.extractor == "resiliparse":
            from .html_fast import available as fast_available

            return fast_available()
        return available()

    def clean(self, page: bytes | str, url: str | None = None) -> Page:
        result = self.pages.clean(page, url)
        if result.article.extractor == "fulltext":
            self.fallbacks += 1
        return result

    def record_page(self, record: dict, text_key: str) -> Page | None:
        """The cleaned page of a JSONL record that carries HTML under `key`, or None for a text
        record. With `--html` every record must carry it (ValueError otherwise); by default a
        record is HTML when it has the HTML field and no text field."""
        if self.mode is False:
            return None
        page = record.get(self.key)
        if self.mode is None and (text_key in record or not isinstance(page, str)):
            return None
        if not isinstance(page, str):
            raise ValueError(f"no string field {self.key!r}")
        url = record.get("url")
        return self.clean(page, url if isinstance(url, str) else None)
