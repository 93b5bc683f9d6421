"""The pipeline, top to bottom: text in, blocks, verdicts with reasons, decision, article out.

Pure: no I/O, no global state; the same text and options always give the same Article.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import document
from .article import Article, Removal, Story
from .decide import OPT_IN, SURE, decide
from .residue import DETECTORS, FAMILIES, PRIORITY
from .residue import headline, site

MAIN_REASON = "outside-main"
# A learned line ranks after every named family: "Advertisement" is an advert even on a site
# whose profile has it.
REASONS: tuple[str, ...] = PRIORITY + (site.REASON, MAIN_REASON)
OPTIONAL_REASONS: tuple[str, ...] = tuple(sorted(OPT_IN))
# Names a user may give to --keep/--drop: a reason code, or a family that groups several.
GROUPS: dict[str, frozenset[str]] = {
    **{family.__name__.rsplit(".", 1)[1]: frozenset(family.REASONS) for family in FAMILIES},
    "captions": frozenset({"caption", "credit"}),
    "main": frozenset({MAIN_REASON}),
    "site": frozenset({site.REASON}),
    **{r: frozenset({r}) for r in REASONS + OPTIONAL_REASONS},
}
MODES = ("auto", "article", "page")


def resolve(names: Iterable[str] | str) -> frozenset[str]:
    """Reason codes named by a list of reasons and family names (or by one name given as a
    string); unknown names raise ValueError."""
    if isinstance(names, str):  # keep="captions" names one family, not the letters c, a, p, ...
        names = (names,)
    out: set[str] = set()
    for name in names:
        if name not in GROUPS:
            raise ValueError(f"unknown reason or family {name!r}; known: {', '.join(sorted(GROUPS))}")
        out |= GROUPS[name]
    return frozenset(out)


class Cleaner:
    """Cleaning options, fixed once, for cleaning many documents.

    keep: reasons or families whose residue stays in the body (e.g. {"captions"}, or one name:
        "captions").
    drop: optional reasons to remove as well (e.g. {"dateline"} or "dateline").
    newline_token: a token standing for a line break (Multi-News writes "NEWLINE_CHAR").
    doc_sep: a separator joining several stories in one text (Multi-News: "|||||"); each story
        is cleaned on its own and the clean bodies are joined with it again.
    lang: an ISO 639-1 code to skip language detection.
    mode: "auto" decides per document whether it is a full-page dump; "article" and "page" force it.
    profile: a learned site profile (`clean.profile`); its boilerplate lines of the document's
        source, given to `clean(text, source=...)`, are removed as `site-boilerplate`.
    """

    def __init__(self, keep: Iterable[str] | str = (), drop: Iterable[str] | str = (), newline_token: str | None = None,
                 doc_sep: str | None = None, lang: str | None = None, mode: str = "auto",
                 profile=None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.keep = resolve(keep)
        self.drop = resolve(drop)
        self.enabled = (frozenset(REASONS) | self.drop) - self.keep
        self.newline_token = newline_token or None
        self.doc_sep = doc_sep or None
        self.lang = lang
        self.mode = mode
        self.profile = profile
        self._priority = {reason: rank for rank, reason in enumerate(REASONS)}

    def __repr__(self) -> str:
        """The options that differ from the defaults, reasons resolved from family names."""
        options = []
        for name in ("keep", "drop"):
            if getattr(self, name):
                options.append(f"{name}={tuple(sorted(getattr(self, name)))!r}")
        for name in ("newline_token", "doc_sep", "lang"):
            if getattr(self, name) is not None:
                options.append(f"{name}={getattr(self, name)!r}")
        if self.mode != "auto":
            options.append(f"mode={self.mode!r}")
        if self.profile is not None:
            sources = getattr(self.profile, "sources", None)
            described = f"{len(sources)} sources" if sources is not None else type(self.profile).__name__
            options.append(f"profile=<{described}>")
        return f"Cleaner({', '.join(options)})"

    def clean(self, text: str, source: str | None = None) -> Article:
        """`source` names where the text comes from (its URL or host), for the profile."""
        if not isinstance(text, str):
            raise _not_text(text)
        detectors = DETECTORS
        if self.profile is not None:
            from .profile import source_of  # loaded by those who use profiles, not on import

            detectors = DETECTORS + (site.detector(self.profile, source_of(source)),)
        if self.doc_sep and self.doc_sep in text:
            return self._clean_stories(text, detectors)
        return self._clean_one(text, 0, len(text), detectors)

    def _clean_one(self, text: str, start: int, end: int, detectors=DETECTORS) -> Article:
        doc = document.build(text[start:end], self.newline_token, self.lang)
        verdicts = [v for detect in detectors for v in detect(doc)]
        article = decide(doc, verdicts, self.enabled, self._priority, self.mode, self._line_residue, self._repeated)
        if start:
            article = _shift(article, start)
        return article

    def _line_residue(self, text: str, lang: str | None) -> str | None:
        """The reason a line would be removed for if it stood alone, or None."""
        doc = document.build(text, None, lang or "")
        for detect in DETECTORS:
            for v in detect(doc):
                if v.span is None and v.score >= SURE and v.reason in self.enabled and v.reason != "title":
                    return v.reason
        return None

    def _repeated(self, body: list[str], lang: str | None) -> set[int]:
        """The paragraphs of a body that its headline family, reading it again, removes whole as
        said twice."""
        if "repeated-line" not in self.enabled:
            return set()
        doc = document.build("\n\n".join(body), None, lang or "")
        if len(doc.blocks) != len(body):
            return set()
        return {v.block for v in headline.detect(doc)
                if v.reason == "repeated-line" and v.span is None and v.score >= SURE}

    def _clean_stories(self, text: str, detectors=DETECTORS) -> Article:
        """Clean each story of a multi-document record and join them back in order.

        The joined body keeps the separator between stories (empty stories included), so the
        record still splits into the same number of stories downstream.
        """
        sep = self.doc_sep
        stories: list[Article] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        while True:
            cut = text.find(sep, pos)
            end = len(text) if cut < 0 else cut
            stories.append(self._clean_one(text, pos, end, detectors))
            spans.append((pos, end))
            if cut < 0:
                break
            pos = cut + len(sep)
        first = stories[0]
        joined = f"\n\n{sep}\n\n".join(s.text for s in stories)
        return Article(
            body=tuple(p for p in joined.split("\n\n")),
            title=first.title, byline=first.byline, date=first.date, source=first.source,
            dateline=first.dateline,
            captions=tuple(c for s in stories for c in s.captions),
            removed=tuple(r for s in stories for r in s.removed),
            kind=first.kind,
            stories=tuple(Story(start, end, s.title, s.byline, s.date, s.source, s.dateline)
                          for (start, end), s in zip(spans, stories)),
        )


def _not_text(value) -> TypeError:
    kind = type(value).__name__
    if isinstance(value, (bytes, bytearray, memoryview)):
        return TypeError(f"clean takes text (str), not {kind}: decode it first, "
                         "e.g. data.decode('utf-8', errors='replace')")
    return TypeError(f"clean takes text (str), not {kind}")


def _shift(article: Article, offset: int) -> Article:
    from dataclasses import replace

    removed = tuple(Removal(r.start + offset, r.end + offset, r.reason) for r in article.removed)
    main = (article.main[0] + offset, article.main[1] + offset) if article.main else None
    return replace(article, removed=removed, main=main)


def clean_text(text: str, **options) -> Article:
    """Clean one document. Options are those of `Cleaner`."""
    return Cleaner(**options).clean(text)
