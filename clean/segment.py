"""Text in, blocks out: normalise odd characters and split the text into judged units.

Every block remembers its span in the original text, in str indices. Normalisation only folds
whitespace and drops invisible characters, so a block's text is the original slice "whitespace
aside", and a position in it can be mapped back with `to_source`.

The work is native (src/segment.rs, built into `clean._core`): these functions hand it the text
and wrap what comes back. How lines are split, normalised, rejoined when hard-wrapped or broken
at their links, and stripped of Markdown is documented there.
"""

from __future__ import annotations

from . import _core
from .article import Block

def segment(text: str, newline_token: str | None = None) -> list[Block]:
    """Split `text` into blocks: one per non-blank line, or one per paragraph when the text
    is hard-wrapped; a sentence a scraper broke at its links is one line again."""
    return _core.segment(text, newline_token or None, Block)


def split_lines(text: str, newline_token: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, normalised text) of every line, blank ones included as empty text."""
    return _core.split_lines(text, newline_token or None)


def normalise(line: str) -> str:
    """Invisible characters dropped, every run of whitespace one space, none at either end."""
    return _core.normalise(line)


def wrap_width(lines: list[tuple[int, int, str]]) -> int | None:
    """The column at which the text was hard-wrapped, or None if it was not."""
    return _core.wrap_width([len(t) for _, _, t in lines])


def looks_like_markdown(lines: list[tuple[int, int, str]]) -> bool:
    """Whether the split, normalised lines read as Markdown (as html2text writes it)."""
    return _core.looks_like_markdown([t for _, _, t in lines])


def strip_markdown(text: str) -> str:
    """Links to their text, images and heading/bullet marks away, emphasis unwrapped: only
    deletions, so the result is still the source "whitespace aside"."""
    return _core.strip_markdown(text)[0]


def _unlink(text: str, image: bool) -> tuple[str, int]:
    """Images removed, or links replaced by their text; with the characters of link text kept."""
    return _core.unlink(text, image)


def _unemphasise(text: str) -> str:
    """Emphasis unwrapped, in linear time."""
    return _core.unemphasise(text)


def to_source(block: Block, source: str, start: int, end: int) -> tuple[int, int]:
    """Map a (start, end) range of `block.text` to a range of the original text."""
    return to_source_ranges(block, source, [(start, end)])[0]


def to_source_ranges(block: Block, source: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map (start, end) ranges of `block.text` to ranges of the original text, walking the block
    and its source side by side once for all of them."""
    return _core.to_source_ranges(block.text, block.start, block.end, source, ranges)
