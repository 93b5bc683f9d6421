"""REFERENCE ONLY: clean/segment.py as it was in Python before the segmentation moved to the
native core (src/segment.rs), kept while the port is in progress so tests/test_segment_native.py
can hold the two side by side. Nothing in clean/ imports it; delete it with that test once the
port is done.

Text in, blocks out: normalise odd characters and split the text into judged units.

Every block remembers its span in the original text. Normalisation only folds whitespace and
drops invisible characters, so a block's text is the original slice "whitespace aside", and a
position in it can be mapped back with `to_source`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain

from clean.article import Block

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
    stripped = line.strip()
    # Most lines are printable ASCII with single spaces: already what folding would make them.
    if stripped.isascii() and stripped.isprintable() and "  " not in stripped:
        return stripped
    if not line.isascii():
        line = _INVISIBLE_RE.sub("", line)
    return _ODD_SPACE.sub(" ", line).strip()


def split_lines(text: str, newline_token: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, normalised text) of every line, blank ones included as empty text."""
    pattern = _LINE_BREAK if not newline_token else f"{re.escape(newline_token)}|{_LINE_BREAK}"
    lines = []
    # A page repeats its short lines ("Share", "Reply", blank ones): each is measured once.
    # Long lines are not kept: they are rarely repeated and pay for their own measuring.
    shapes: dict[str, tuple[int, int, str]] = {}
    pos = 0
    breaks = chain((m.span() for m in re.finditer(pattern, text)), [(len(text), len(text))])
    for end, after in breaks:
        raw = text[pos:end]
        shape = shapes.get(raw)
        if shape is None:
            shape = _shape(raw)
            if len(raw) <= MAX_MEMO_LINE:
                shapes[raw] = shape
        lead, trail, norm = shape
        lines.append((pos + lead, end - trail, norm) if norm else (pos, pos, ""))
        pos = after
    return lines


MAX_MEMO_LINE = 200


def _shape(raw: str) -> tuple[int, int, str]:
    """(leading, trailing, normalised): how much invisible text the line's span is trimmed by
    at either end, so removals do not swallow its indentation, and its visible text."""
    norm = normalise(raw)
    if not norm:
        return (0, 0, "")
    return (len(raw) - len(raw.lstrip(_STRIP)), len(raw) - len(raw.rstrip(_STRIP)), norm)


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
# Links `[text](url "title")` and images `![alt](url)` are found by `_unlink` and emphasis by
# `_unemphasise`, not by one regex each: on text such as "[a](" or "**a " repeated, a regex
# rescans the rest of the line from every candidate and costs the square of the line's length.
_MD_TEXT_MAX, _MD_URL_MAX = 500, 2000
_MD_URL_STOP = re.compile(r"[)\s]")
_MD_TITLE = re.compile(r"\s+\"[^\"]{0,200}\"\)")
# Marks stack: html2text writes a heading inside a list item as "  * ### Title".
_MD_LEAD = re.compile(r"^(?:#{1,6}\s+|[*+\-]\s+|>\s*)+")
_MD_OPENER = re.compile(r"(?<![\w*_])[*_]")
_MD_CLOSERS = {d: re.compile(rf"(?<=\S)(?={re.escape(d)}(?![\w*_]))") for d in ("**", "__", "*", "_")}
_NON_SPACE = re.compile(r"\S")
_MD_NON_MARK = re.compile(r"[^*_]")
# Nested emphasis ("**_a_**", as html2text writes bold italics) comes out of one pass still
# marked, and a second cleaning would unwrap it further; a few passes settle what people write.
# Runs of one mark ("***a***", a line of asterisks) are left as they are, so the bound is never
# what stops a pass.
_MD_EMPHASIS_PASSES = 3
_MD_SIGNS = re.compile(r"\]\(|^#{1,6} |^\* |\*\*")


def looks_like_markdown(lines: list[tuple[int, int, str]]) -> bool:
    """Counted over the split, normalised lines, so a heading after U+2028 counts as one and
    the verdict does not change when the output, written with plain line breaks, is read again."""
    signs = 0
    budget = 200_000
    for _, _, line in lines:
        # Every sign holds "*" or "](", or opens the line with "#": most lines hold none.
        if "*" in line or "](" in line or line[:1] == "#":
            signs += len(_MD_SIGNS.findall(line[:budget]))
        budget -= len(line)
        if signs >= 5 or budget <= 0:
            break
    return signs >= 5


def strip_markdown(text: str) -> str:
    """Links to their text, images and heading/bullet marks away, emphasis unwrapped: only
    deletions, so the result is still the source "whitespace aside"."""
    return _strip_markdown(text)[0]


def _strip_markdown(text: str) -> tuple[str, int]:
    """The stripped text, and how many of its characters were the text of links."""
    text, _ = _unlink(text, image=True)
    text, linked = _unlink(text, image=False)
    text = _MD_LEAD.sub("", text)
    for _ in range(_MD_EMPHASIS_PASSES):
        unwrapped = _unemphasise(text)
        if unwrapped == text:
            break
        text = unwrapped
    return text.strip(), linked


def _unlink(text: str, image: bool) -> tuple[str, int]:
    """Images removed, or links replaced by their text, in one left-to-right pass; with the
    number of characters of link text kept.

    The same as substituting `!?\\[([^\\]]{0,500})\\]\\([^)\\s]{0,2000}(?:\\s+"[^"]{0,200}")?\\)`,
    but the end of the URL (the next ")" or space) is found once and shared by every candidate
    before it, so the pass is linear however many "[" the line holds.
    """
    lead = "![" if image else "["
    out: list[str] = []
    linked = 0
    pos = 0  # end of the last link replaced
    stop = -1  # the first ")" or space at or after the URL last looked at
    title_at, title_end = -1, None  # the title tried at `stop`, and where it ended
    i = text.find(lead)
    while i >= 0:
        t = i + len(lead)
        close = text.find("]", t, t + _MD_TEXT_MAX + 1)
        end = None
        if close >= 0 and text.startswith("(", close + 1):
            u = close + 2
            if stop < u:
                m = _MD_URL_STOP.search(text, u)
                stop = m.start() if m else len(text)
            if stop - u <= _MD_URL_MAX and stop < len(text):
                if text[stop] == ")":
                    end = stop + 1
                else:
                    if title_at != stop:
                        m = _MD_TITLE.match(text, stop)
                        title_at, title_end = stop, (m.end() if m else None)
                    end = title_end
        if end is None:
            i = text.find(lead, i + 1)
            continue
        out.append(text[pos:i])
        if not image:
            out.append(text[t:close])
            linked += close - t
        pos = end
        i = text.find(lead, end)
    out.append(text[pos:])
    return "".join(out), linked


def _unemphasise(text: str) -> str:
    """Emphasis unwrapped, the same as substituting the second group of
    `(?<![\\w*_])(\\*\\*|__|\\*|_)(?=\\S)([*_]*[^*_\\n].*?)(?<=\\S)\\1(?![\\w*_])`, in linear time:
    the closing marks of each kind are listed once and every opening mark looks up the first
    one after it, instead of rescanning the line. What is emphasised must hold something other
    than marks: a run of asterisks is not emphasis of the asterisks inside it."""
    closers: dict[str, list[int]] | None = None
    out: list[str] = []
    pos = 0
    newline = -1  # the first line end at or after the last opening mark looked at
    word = -1  # the first character that is not a mark, at or after it
    for opener in _MD_OPENER.finditer(text):
        i = opener.start()
        if i < pos:
            continue
        if closers is None:
            closers = {d: [c for c in (m.start() for m in pattern.finditer(text)) if text[c - 1] != d[0]]
                       for d, pattern in _MD_CLOSERS.items()}
        for d in ("**", "__", "*", "_"):
            inner = i + len(d)
            # A mark inside a longer run of the same mark ("***", "*****") is decoration, not
            # emphasis: unwrapping it pair by pair would change the text on every cleaning.
            if not text.startswith(d, i) or text.startswith(d[0], inner) or not _NON_SPACE.match(text, inner):
                continue
            if word < inner:
                m = _MD_NON_MARK.search(text, inner)
                word = m.start() if m else len(text)
            found = closers[d]
            k = bisect_left(found, word + 1)
            if k == len(found):
                continue
            j = found[k]
            if newline < inner:
                newline = text.find("\n", inner)
                newline = len(text) if newline < 0 else newline
            if newline < j:  # `.` does not cross a line end
                continue
            out.append(text[pos:i])
            out.append(text[inner:j])
            pos = j + len(d)
            break
    if closers is None:
        return text
    out.append(text[pos:])
    return "".join(out)


def segment(text: str, newline_token: str | None = None) -> list[Block]:
    """Split `text` into blocks: one per non-blank line, or one per paragraph when the text
    is hard-wrapped."""
    lines = split_lines(text, newline_token)
    markdown = looks_like_markdown(lines)
    blocks: list[Block] = []
    for blank_before, group in _paragraphs(lines, wrap_width(lines), text):
        joined = group[0][2] if len(group) == 1 else _join(group)
        links = 0.0
        if markdown:
            joined, linked = _strip_markdown(joined)
            if not joined:
                continue
            links = min(1.0, linked / len(joined))
        blocks.append(Block(len(blocks), group[0][0], group[-1][1], joined, blank_before, links))
    return blocks


# A scraper that prints every text node of the HTML on its own line (BeautifulSoup's
# `get_text("\n")`) breaks a sentence at each link: "... stats for the " / "Cleveland Browns" /
# "’ Week 11 game". A line that opens on closing punctuation, or follows a line whose text node
# ended in a space mid-sentence, is the same sentence going on.
_GOES_ON = frozenset(".,;:!?)]}’”%")  # a line opening on one of these goes on the line above
_ENDS_SENTENCE = frozenset(".!?:;…\"”’)")  # a line closing on one of these is finished
_OPENS = frozenset("“‘([{«")  # a line closing on one of these is not
_LINE_ENDS = ("\n", "\r", "")
# A text node may open on the page's &nbsp; ("... protest jibe" / "&nbsp;[INSIGHT]"). One that
# ends on it is often a list item padded by its template, so only the opening one counts.
_OPENING_SPACE = (" ", "\u00a0")


def _continues(previous: tuple[int, int, str], line: tuple[int, int, str], source: str,
               below: tuple[int, int, str] | None = None) -> bool:
    above, text = previous[2], line[2]
    last = above[-1]
    if text[0] in _GOES_ON:
        return last not in _ENDS_SENTENCE
    if last in _OPENS:
        return True
    if last in _ENDS_SENTENCE:
        return False
    # One space, not a run of them: a layout that pads table columns with spaces (inscriptis)
    # ends its cells in many and indents its lines.
    end, start = previous[1], line[0]
    spaced = (source[end:end + 1] == " " and source[end + 1:end + 2] in _LINE_ENDS
              or source[start - 1:start] in _OPENING_SPACE and source[max(0, start - 2):start - 1] in _LINE_ENDS)
    return spaced and (text[0].islower() or above.rsplit(None, 1)[-1].islower()
                       or _runs_on(above) and below is not None and bool(below[2]) and _continues(line, below, source))


# A text node this many words long, one of them in lower case, is running text cut at a link,
# whatever its last word (German capitalises its nouns), where the text goes on under the link.
_RUNNING_WORDS = 4


def _runs_on(above: str) -> bool:
    words = above.split()
    return len(words) >= _RUNNING_WORDS and any(w[0].islower() for w in words)


def _join(group: list[tuple[int, int, str]]) -> str:
    """The lines of one paragraph as one line: a space where a line was wrapped or a text node
    ended in one, none before the closing punctuation of a line that goes on."""
    parts = [group[0][2]]
    for line in group[1:]:
        text = line[2]
        parts.append(text if text[0] in _GOES_ON or parts[-1][-1] in _OPENS else " " + text)
    return "".join(parts)


def _paragraphs(lines: list[tuple[int, int, str]], width: int | None, source: str
                ) -> Iterator[tuple[bool, list[tuple[int, int, str]]]]:
    """(whether a blank line is above it, its lines) for every block: each non-blank line on
    its own, or in hard-wrapped text, each line with the lines wrapped off its end; a sentence
    broken at its links is one line again."""
    group: list[tuple[int, int, str]] = []
    blank = blank_before = False
    for k, line in enumerate(lines):
        text = line[2]
        if not text:
            if group:
                yield blank_before, group
                group = []
            blank = True
            continue
        wrapped = width is not None and group and len(group[-1][2]) >= width - 25 and not _STARTS_ITEM.match(text)
        below = lines[k + 1] if k + 1 < len(lines) else None
        if not (wrapped or group and _continues(group[-1], line, source, below)):
            if group:
                yield blank_before, group
            group = []
            blank_before = blank
        group.append(line)
        blank = False
    if group:
        yield blank_before, group


def to_source(block: Block, source: str, start: int, end: int) -> tuple[int, int]:
    """Map a (start, end) range of `block.text` to a range of the original text."""
    return to_source_ranges(block, source, [(start, end)])[0]


def to_source_ranges(block: Block, source: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Map (start, end) ranges of `block.text` to ranges of the original text.

    The block text equals the source slice with whitespace runs folded to one space and
    invisible characters dropped, so walking both strings side by side aligns them. The walk is
    done once for all ranges: a block of megabytes with thousands of inline cuts would
    otherwise be walked once per cut.
    """
    text = block.text
    if source[block.start:block.end] == text:
        return [(block.start + start, block.start + end) for start, end in ranges]
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
    return [(positions[start], (positions[end - 1] + 1 if end > start else positions[start]))
            for start, end in ranges]
