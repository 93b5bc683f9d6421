"""The `clean` command: a filter for pipelines, plain text or JSON lines, stdin to stdout.

Exit status: 0 done; 1 a record failed under --strict; 2 bad usage or input refused (binary,
unreadable); 130 interrupted; 141 stdout closed early (`clean ... | head`), quietly.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field

import click

from .cleaner import MODES, Cleaner
from .html import HtmlInput, HtmlOptions, MissingExtra, PageError
from .readers import InputError, decode, read_bytes, read_lines
from .render import as_json, body_text, explain

EXIT_STRICT, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_PIPE = 1, 2, 130, 141
DOCUMENT_SEPARATOR = "\f\n"  # between documents when several files are cleaned to plain text


@dataclass
class Stats:
    read: int = 0
    cleaned: int = 0
    passed: int = 0
    invalid_utf8: int = 0
    removed_bytes: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        per_reason = ", ".join(f"{r}={n}" for r, n in sorted(self.removed_bytes.items())) or "none"
        return (f"clean: {self.read} records read, {self.cleaned} cleaned, {self.passed} passed through; "
                f"bytes removed: {per_reason}")


class RecordError(Exception):
    """A JSONL line that cannot be cleaned: passed through, or fatal under --strict."""


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for v in values for name in v.split(",") if name.strip()]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--jsonl", is_flag=True, help="Input is JSON lines; clean the text field of each record.")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--strict", is_flag=True, help="Fail on the first malformed JSONL record instead of passing it through.")
@click.option("--doc-sep", metavar="SEP", help="Several stories per record joined by SEP (Multi-News: '|||||').")
@click.option("--newline-token", metavar="TOKEN", help="TOKEN stands for a line break (Multi-News: NEWLINE_CHAR).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Plain text body, or one JSON object per document with metadata and removed spans.")
@click.option("--explain", is_flag=True, help="Show the input with every line marked kept or removed, and why.")
@click.option("--keep", multiple=True, metavar="REASON",
              help="Leave this residue in the body (a reason or family, e.g. captions); repeatable.")
@click.option("--drop", multiple=True, metavar="REASON", help="Also remove an optional reason (e.g. dateline).")
@click.option("--lang", metavar="CODE", help="Language of the input (ISO 639-1), instead of detecting it.")
@click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Is the input a full-page dump (page) or extractor output (article)?")
@click.option("--color/--no-color", default=None, help="Colour --explain output (default: when a terminal).")
@click.option("--html/--no-html", "html_mode", default=None,
              help="Input is HTML: extract the main text with trafilatura, then clean it "
                   "(default: when the document starts as an HTML page, or a JSONL record has only --html-key).")
@click.option("--html-key", default="html", show_default=True, help="JSONL field holding a record's HTML.")
@click.option("--warc", is_flag=True, help="FILEs are WARC files: one JSONL line per HTML response.")
@click.option("--favor-recall", "favor", flag_value="recall", default=True,
              help="HTML: the extractor keeps more text when unsure; clean takes out the residue (default).")
@click.option("--favor-balanced", "favor", flag_value="balanced", help="HTML: trafilatura's own default balance.")
@click.option("--favor-precision", "favor", flag_value="precision", help="HTML: the extractor keeps less text when unsure.")
@click.option("--include-comments", is_flag=True, help="HTML: keep the page's comment section.")
@click.option("--include-tables/--no-tables", default=True, show_default=True, help="HTML: keep the text of tables.")
@click.option("--target-lang", metavar="CODE", help="HTML: reject pages that declare another language (ISO 639-1).")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, metavar="SECONDS",
              help="HTML: time limit per page; a page over it is reported and skipped (0: no limit).")
@click.version_option(package_name="clean")
def main(files, jsonl, text_key, strict, doc_sep, newline_token, fmt, explain, keep, drop, lang, mode, color,
         html_mode, html_key, warc, favor, include_comments, include_tables, target_lang, page_timeout):
    """Strip boilerplate residue from scraped article text.

    Reads FILEs (or stdin, or '-'; .gz is decompressed) and writes the clean article to stdout.
    HTML pages, JSONL records carrying HTML and WARC files go through an HTML extractor first.
    """
    try:
        cleaner = Cleaner(keep=_split_names(keep), drop=_split_names(drop), newline_token=newline_token,
                          doc_sep=doc_sep, lang=lang, mode=mode)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    if explain and jsonl:
        raise click.UsageError("--explain shows one document at a time; use it without --jsonl")
    if warc and (jsonl or explain or html_mode is False):
        raise click.UsageError("--warc reads WARC files and writes JSONL; it takes no --jsonl, --explain or --no-html")
    html = HtmlInput(cleaner, HtmlOptions(favor=favor, include_comments=include_comments, include_tables=include_tables,
                                          target_lang=target_lang, page_timeout=page_timeout),
                     mode=True if warc else html_mode, key=html_key)
    colour = sys.stdout.isatty() if color is None else color
    out = sys.stdout.buffer
    paths = list(files) or ["-"]
    try:
        if html.mode:
            html.pages  # noqa: B018 -- fail now, not on the first page, when the html extra is missing
        if warc:
            _run_warc(paths, html, text_key, out)
        elif jsonl:
            stats = Stats()
            for path in paths:
                _run_jsonl(path, cleaner, text_key, strict, out, stats, html)
            if stats.invalid_utf8:
                _warn(f"{stats.invalid_utf8} invalid UTF-8 sequences replaced")
            _echo_err(stats.summary())
            if html.fallbacks:
                _echo_err(f"clean: {html.fallbacks} HTML pages had no main text; their full text was cleaned")
        else:
            for n, path in enumerate(paths):
                if n and fmt == "text":
                    out.write(DOCUMENT_SEPARATOR.encode())
                _run_document(path, cleaner, fmt, explain, colour, out, html)
        out.flush()
    except MissingExtra as e:
        _echo_err(f"clean: error: {e}")
        sys.exit(EXIT_INPUT)
    except InputError as e:
        _echo_err(f"clean: error: {e}")
        sys.exit(EXIT_INPUT)
    except RecordError as e:
        _echo_err(f"clean: error: {e}")
        sys.exit(EXIT_STRICT)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_PIPE)
    except KeyboardInterrupt:
        _echo_err("clean: interrupted")
        sys.exit(EXIT_INTERRUPTED)


def _run_document(path: str, cleaner: Cleaner, fmt: str, show: bool, colour: bool, out, html: HtmlInput) -> None:
    data = read_bytes(path)
    if html.wants(data):
        page = _clean_page(path, data, html)
        if page is None:
            return
        source, article = page.source, page.article
    else:
        if html.missing_extra_for(data):
            _warn(f"{path}: looks like HTML, cleaned as text; pip install 'clean[html]' to extract it")
        doc = decode(data, path)
        if doc.invalid:
            _warn(f"{path}: {doc.invalid} invalid UTF-8 sequences replaced")
        source, article = doc.text, cleaner.clean(doc.text)
    if show:
        rendered = explain(source, article, colour)
    elif fmt == "json":
        obj = as_json(article)
        if article.extractor is not None:
            obj["extracted"] = source  # what `removed` points into
        rendered = json.dumps(obj, ensure_ascii=False) + "\n"
    else:
        body = body_text(article, cleaner.newline_token, cleaner.doc_sep)
        rendered = body + "\n" if body else ""
    out.write(rendered.encode("utf-8", "surrogatepass"))


def _clean_page(path: str, data: bytes, html: HtmlInput):
    """The cleaned page, or None when it was skipped with a warning (over its time limit)."""
    try:
        return html.clean(data)
    except PageError as e:
        if "binary" in str(e):
            raise InputError(f"{path}: {e}") from None
        _warn(f"{path}: {e}; skipped")
        return None


def _run_warc(paths: list[str], html: HtmlInput, key: str, out) -> None:
    from .warc import WarcStats, clean_warc

    stats = WarcStats()
    for path in paths:
        clean_warc(path, html.pages, out, stats, key, _warn)
    _echo_err(stats.summary())


def _run_jsonl(path: str, cleaner: Cleaner, key: str, strict: bool, out, stats: Stats, html: HtmlInput) -> None:
    for number, raw in read_lines(path):
        if not raw.strip():
            out.write(raw + b"\n")  # blank lines are not records; kept so line numbers still match
            continue
        stats.read += 1
        try:
            line = _clean_record(raw, path, number, cleaner, key, stats, html)
            stats.cleaned += 1
        except RecordError as e:
            if strict:
                raise
            _warn(f"{e}; passed through unchanged")
            stats.passed += 1
            line = raw
        out.write(line + b"\n")


def _clean_record(raw: bytes, path: str, number: int, cleaner: Cleaner, key: str, stats: Stats,
                  html: HtmlInput | None = None) -> bytes:
    where = f"{path}:{number}"
    decoded = decode(raw, where)  # a NUL byte here means binary input: refused for the whole run
    stats.invalid_utf8 += decoded.invalid
    try:
        record = json.loads(decoded.text)
    except ValueError as e:
        raise RecordError(f"{where}: not valid JSON ({e.args[0].split(':')[0]})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{where}: not a JSON object")
    try:
        page = html.record_page(record, key) if html is not None else None
    except (ValueError, PageError) as e:
        raise RecordError(f"{where}: {e}") from None
    text = page.source if page is not None else record.get(key)
    if not isinstance(text, str):
        raise RecordError(f"{where}: no string field {key!r}")
    meta = record.get("metadata", {})
    if not isinstance(meta, dict):
        raise RecordError(f"{where}: 'metadata' is not an object")
    article = page.article if page is not None else cleaner.clean(text)
    record[key] = body_text(article, cleaner.newline_token, cleaner.doc_sep)
    record["metadata"] = {**meta, "clean": article.metadata()}
    stats.removed_bytes.update(article.removed_bytes(text))
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _warn(message: str) -> None:
    _echo_err(f"clean: warning: {message}")


def _echo_err(message: str) -> None:
    try:
        print(message, file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        pass


def _silence_stdout() -> None:
    """After the reader of stdout has gone, make the interpreter's final flush a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

