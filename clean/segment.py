"""Text in, blocks out: normalise odd characters and split the text into judged units.

Every block remembers its span in the original text. Normalisation only folds whitespace and
drops invisible characters, so a block's text is the original slice "whitespace aside", and a
position in it can be mapped back with `to_source`.
"""

from __future__ import annotations

import re
from statistics import median

from .article import Block

# Every character Unicode or a scraper treats as a line end. Splitting on all of them (not only
# "\n") matters: U+2028 and U+0085 inside one JSON string would otherwise glue unrelated lines.
_LINE_BREAK = r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# A line that starts a list item, a heading or a quote: never glued to the line above it even
# in hard-wrapped text.
_STARTS_ITEM = re.compile(r"\s*(?:[*\-+•#>|]|\d{1,3}[.)]\s|!\[|\[!)")


def normalise(line: str) -> str:
    if not line.isascii():
        line = _INVISIBLE_RE.sub("", line)
    return _ODD_SPACE.sub(" ", line).strip()


def split_lines(text: str, newline_token: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, normalised text) of every line, blank ones included as empty text."""
    pattern = _LINE_BREAK if not newline_token else f"{re.escape(newline_token)}|{_LINE_BREAK}"
    lines = []
    pos = 0
    for m in re.finditer(pattern, text):
        lines.append(_line(text, pos, m.start()))
        pos = m.end()
    lines.append(_line(text, pos, len(text)))
    return lines


def _line(text: str, start: int, end: int) -> tuple[int, int, str]:
    raw = text[start:end]
    norm = normalise(raw)
    if not norm:
        return (start, start, "")
    # Trim the span to the visible text so removals do not swallow the line's indentation.
    lead = len(raw) - len(raw.lstrip(_STRIP))
    trail = len(raw) - len(raw.rstrip(_STRIP))
    return (start + lead, end - trail, norm)


_STRIP = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" + _INVISIBLE


def wrap_width(lines: list[tuple[int, int, str]]) -> int | None:
    """The column at which the text was hard-wrapped, or None if it was not.

    html2text and mail clients fold paragraphs at a fixed width: most long lines then end within
    a few columns of that width. Natural text has no such wall, and menus of short lines say
    nothing either way, so only lines of some length are looked at.
    """
    lengths = sorted(len(t) for _, _, t in lines if len(t) >= 40)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.85)]
    if not 50 <= width <= 100:
        return None
    near_wall = sum(1 for n in lengths if width - 20 <= n <= width)
    over = sum(1 for n in lengths if n > width + 2)
    if near_wall >= 0.5 * len(lengths) and over <= 0.15 * len(lengths):
        return width
    return None


# Markdown, as html2text writes it: the layout hint it is, not text to keep.
_MD_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_MD_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_MD_LEAD = re.compile(r"^(?:#{1,6}\s+|(?:[*+\-]\s+)+|>\s*)")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_MD_SIGNS = re.compile(r"\]\(|^#{1,6} |^\s*\* |\*\*", re.M)


def looks_like_markdown(text: str) -> bool:
    return len(_MD_SIGNS.findall(text[:200_000])) >= 5


def strip_markdown(text: str) -> str:
    """Links to their text, images and heading/bullet marks away, emphasis unwrapped: only
    deletions, so the result is still the source "whitespace aside"."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_LEAD.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return text.strip()


def segment(text: str, newline_token: str | None = None) -> list[Block]:
    """Split `text` into blocks: one per non-blank line, or one per paragraph when the text
    is hard-wrapped."""
    lines = split_lines(text, newline_token)
    width = wrap_width(lines)
    markdown = looks_like_markdown(text)
    blocks: list[Block] = []
    group: list[tuple[int, int, str]] = []
    blank = False

    def flush():
        nonlocal group
        if group:
            joined = " ".join(t for _, _, t in group)
            links = 0.0
            if markdown:
                linked = sum(len(m.group(1)) for m in _MD_LINK.finditer(_MD_IMAGE.sub("", joined)))
                joined = strip_markdown(joined)
                if not joined:
                    group = []
                    return
                links = min(1.0, linked / len(joined))
            blocks.append(Block(len(blocks), group[0][0], group[-1][1], joined, blank_before, links))
            group = []

    blank_before = False
    for start, end, line in lines:
        if not line:
            flush()
            blank = True
            continue
        glue = (
            width is not None
            and group
            and len(group[-1][2]) >= width - 25
            and not _STARTS_ITEM.match(line)
        )
        if not glue:
            flush()
            blank_before = blank
        group.append((start, end, line))
        blank = False
    flush()
    return blocks


def to_source(block: Block, source: str, start: int, end: int) -> tuple[int, int]:
    """Map a (start, end) range of `block.text` to a range of the original text.

    The block text equals the source slice with whitespace runs folded to one space and
    invisible characters dropped, so walking both strings side by side aligns them.
    """
    text = block.text
    if source[block.start:block.end] == text:
        return block.start + start, block.start + end
    j = block.start
    positions = []
    for ch in text:
        if ch == " ":
            positions.append(j)
            while j < block.end and (source[j].isspace() or source[j] in _STRIP):
                j += 1
            continue
        while j < block.end and source[j] != ch:
            j += 1
        positions.append(j)
        j += 1
    positions.append(block.end)
    return positions[start], (positions[end - 1] + 1 if end > start else positions[start])


def median_length(blocks: list[Block]) -> float:
    return median(len(b.text) for b in blocks) if blocks else 0.0
