"""Writing an Article out: as text, as a JSON object, into a JSONL record, or as an explained
view of the input that marks every line kept or removed and why."""

from __future__ import annotations

import re

from .article import Article


def body_text(article: Article, newline_token: str | None = None, doc_sep: str | None = None) -> str:
    """The body as text. With a newline token, line breaks are written back as that token the
    way Multi-News writes them ("para NEWLINE_CHAR NEWLINE_CHAR para"); with a story separator,
    the stories are joined by it again."""
    paragraph_break = f" {newline_token} {newline_token} " if newline_token else "\n\n"
    if not doc_sep:
        return paragraph_break.join(article.body)
    stories: list[list[str]] = [[]]
    for p in article.body:
        if p == doc_sep:
            stories.append([])
        else:
            stories[-1].append(p)
    story_break = f" {doc_sep} " if newline_token else f"\n\n{doc_sep}\n\n"
    return story_break.join(paragraph_break.join(s) for s in stories)


def as_json(article: Article) -> dict:
    """The `--format json` object: metadata, body and removed spans."""
    return {**article.metadata(), "kind": article.kind, "body": list(article.body), "text": article.text}


# ANSI colours for --explain on a terminal.
_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
_LINE = re.compile(r"[^\n]*\n?")


def explain(source: str, article: Article, colour: bool = False, notes: dict[int, str] | None = None) -> str:
    """Every input line with a verdict: `+` kept, `-` removed with its reason, `~` partly
    removed with the cut pieces marked `[[...]]{reason}`. On a page, the main block's bounds
    are marked too. `notes` maps the start of a line's text to a remark shown after a removed
    line (why a site profile names it)."""
    width = max((len(r.reason) for r in article.removed), default=4)
    out = [f"# kind: {article.kind}" + (f", main block at characters {article.main[0]}-{article.main[1]}"
                                       if article.main else "")]
    in_main = False
    for m in _LINE.finditer(source):
        if not m.group():
            break
        start, end = m.start(), m.start() + len(m.group().rstrip("\r\n"))
        line = source[start:end]
        if article.main:
            if not in_main and article.main[0] < m.end() and start <= article.main[0]:
                in_main = True
                out.append(_paint("# ── main block begins ──", _BOLD, colour))
        cuts = [r for r in article.removed if r.start < end and r.end > start] if end > start else []
        if not line.strip():
            out.append("")
        elif not cuts:
            out.append(_paint(f"+ {'':<{width}} | {line}", _GREEN, colour))
        elif all(r.start <= start and r.end >= end for r in cuts[:1]):
            note = notes.get(start + len(line) - len(line.lstrip())) if notes else None
            out.append(_paint(f"- {cuts[0].reason:<{width}} | {line}" + (f"  # {note}" if note else ""),
                              _RED, colour))
        else:
            reasons = ",".join(sorted({r.reason for r in cuts}))
            out.append(f"~ {reasons:<{width}} | {_mark(source, start, end, cuts, colour, notes)}")
        if article.main and in_main and article.main[1] <= m.end() and article.main[1] > start:
            in_main = False
            out.append(_paint("# ── main block ends ──", _BOLD, colour))
    return "\n".join(out) + "\n"


def _mark(source: str, start: int, end: int, cuts, colour: bool, notes: dict[int, str] | None = None) -> str:
    """The line with its cut pieces marked; a piece with a note (a Multi-News line of a record
    written on one physical line) carries it in its tag: `[[...]]{reason: note}`."""
    pieces, pos = [], start
    for r in sorted(cuts, key=lambda r: r.start):
        s, e = max(r.start, pos), min(r.end, end)
        if e <= s:
            continue
        pieces.append(source[pos:s])
        cut = source[s:e]
        note = notes.get(r.start) if notes else None
        tag = f"{r.reason}: {note}" if note else r.reason
        pieces.append(f"{_RED}[[{cut}]]{{{tag}}}{_RESET}" if colour else f"[[{cut}]]{{{tag}}}")
        pos = e
    pieces.append(source[pos:end])
    return "".join(pieces)


def _paint(text: str, colour_code: str, colour: bool) -> str:
    return f"{colour_code}{text}{_RESET}" if colour else text
