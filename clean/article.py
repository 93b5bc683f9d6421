"""The values that flow through the pipeline: blocks in, verdicts about them, an Article out.

All of them are immutable so a cleaned document can be shared between threads, cached or
compared without defensive copies.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field
from typing import NamedTuple


class Block(NamedTuple):
    """A unit of text the cleaner judges as a whole: a line, or a paragraph of rejoined
    hard-wrapped lines.

    `start`/`end` point into the text the user gave, so removals and `--explain` can always be
    shown against the original even though `text` is normalised (odd spaces folded, wrapped lines
    joined).
    """

    # A named tuple: one is built per line, and a tuple builds several times faster than a
    # frozen dataclass.
    index: int
    start: int
    end: int
    text: str
    blank_before: bool = False  # a blank line separated it from the previous block
    link_share: float = 0.0  # share of its text that was link text (known from Markdown input)


# How near the edge of the body an "edge" verdict holds, counted in paragraphs of prose (not in
# lines: removing a menu above a byline does not bring it nearer the edge).
EDGE_PROSE_BLOCKS = 1


class Verdict(NamedTuple):
    """One detector's opinion about one block, or about a span inside it.

    `span` is a (start, end) range into `Block.text`; None means the whole block.
    `score` is how sure the detector is: 1.0 removes on its own, lower scores are hints the
    decision step weighs against the block's context.
    `meta` carries what the residue tells about the article (title, byline, ...) as
    (field, value) pairs, so removing a byline does not lose the author.
    `where` limits a weak whole-block verdict to a place in what is left once the rest of the
    residue is gone: "head" (the body would open with the block), "tail" (close with it) or
    "edge" (within EDGE_PROSE_BLOCKS paragraphs of prose of either end); or to a kind of
    document: "page" (the text is a full-page dump, not an extracted article). Only `decide`
    knows what is left and what kind of text it is.
    """

    # A named tuple for the reason Block is one: a page of furniture yields one per line.
    block: int
    reason: str
    score: float = 1.0
    span: tuple[int, int] | None = None
    meta: tuple[tuple[str, str], ...] = ()
    where: str = ""


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the input that did not make it into the body, and why."""

    start: int
    end: int
    reason: str

    def as_list(self) -> list:
        return [self.start, self.end, self.reason]


@dataclass(frozen=True, slots=True)
class Story:
    """What one story of a multi-story record tells about itself (`Cleaner(doc_sep=...)`): its
    own headline, byline, date, source and dateline, and where it lies in the input."""

    start: int
    end: int
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None

    def as_dict(self) -> dict:
        return {"title": self.title, "byline": self.byline, "date": self.date, "source": self.source,
                "dateline": self.dateline, "span": [self.start, self.end]}


@dataclass(frozen=True, slots=True)
class Article:
    """What `clean` makes of one document."""

    body: tuple[str, ...] = ()
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    source: str | None = None
    dateline: str | None = None
    captions: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    kind: str = "article"  # "article" (extractor output) or "page" (a full-page dump)
    main: tuple[int, int] | None = None  # source span of the main block chosen on a page
    notes: tuple[str, ...] = field(default=())
    # Set when the Article was made from an HTML page (clean.html): the page's URL and site name,
    # and which text was cleaned: "trafilatura" (its main text) or "fulltext" (the whole page's).
    url: str | None = None
    sitename: str | None = None
    extractor: str | None = None
    # A record of several stories: each story's own metadata, in order. The scalar fields above
    # are then the first story's.
    stories: tuple[Story, ...] = ()

    @property
    def text(self) -> str:
        """The body as paragraphs separated by one blank line."""
        return "\n\n".join(self.body)

    def metadata(self) -> dict:
        """The extracted metadata as a plain dict (the JSONL `metadata.clean` object). An Article
        made from HTML also carries url, sitename, extractor and notes (why a fallback was used);
        one made from text carries notes when it has any (the best stretch kept of a text whose
        every block was judged residue)."""
        fields = {
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "source": self.source,
            "dateline": self.dateline,
            "captions": list(self.captions),
            "removed": [r.as_list() for r in self.removed],
        }
        if self.stories:
            fields["stories"] = [s.as_dict() for s in self.stories]
        if self.extractor is not None:
            fields.update(url=self.url, sitename=self.sitename, extractor=self.extractor, notes=list(self.notes))
        elif self.notes:
            fields["notes"] = list(self.notes)
        return fields

    def removed_bytes(self, original: str) -> dict[str, int]:
        """UTF-8 bytes removed per reason, for run summaries."""
        totals: dict[str, int] = {}
        for r in self.removed:
            n = len(original[r.start:r.end].encode("utf-8", "surrogatepass"))
            totals[r.reason] = totals.get(r.reason, 0) + n
        return totals


def _refuse_assignment(self, name: str, value) -> None:
    raise FrozenInstanceError(f"cannot assign to {name!r}: {type(self).__name__} objects are immutable; "
                              "make a changed copy with dataclasses.replace()")


def _refuse_deletion(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete {name!r}: {type(self).__name__} objects are immutable")


# The frozen dataclass's own guard fails on a name that is not a field (`article.text`, a
# property) with an unrelated super() TypeError: with slots=True the class is rebuilt and the
# guard's closure still names the old one. Dataclasses set fields through object.__setattr__, so
# replacing the guard leaves construction, replace() and pickling as they were.
for _cls in (Removal, Article):
    _cls.__setattr__ = _refuse_assignment  # type: ignore[method-assign,assignment]
    _cls.__delattr__ = _refuse_deletion  # type: ignore[method-assign,assignment]
del _cls
