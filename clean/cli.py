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
from .profile import record_source, source_of
from .readers import InputError, decode, read_document, read_lines
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
@click.option("--profile", "profile_path", metavar="PROFILE",
              help="Remove the lines a learned site profile names (`clean learn`) as site-boilerplate.")
@click.option("--group-key", default="url", show_default=True,
              help="With --profile: the JSONL field whose URL host names the record's source.")
@click.option("--source", "source_url", metavar="URL",
              help="With --profile: the URL or host plain-text FILEs come from (default: no source).")
@click.version_option(package_name="clean")
def main(files, jsonl, text_key, strict, doc_sep, newline_token, fmt, explain, keep, drop, lang, mode, color,
         profile_path, group_key, source_url):
    """Strip boilerplate residue from scraped article text.

    Reads FILEs (or stdin, or '-'; .gz and .zst are decompressed) and writes the clean article to stdout.
    `clean learn --help` tells how to learn a site profile from a corpus.
    """
    try:
        profile = _read_profile(profile_path) if profile_path else None
        cleaner = Cleaner(keep=_split_names(keep), drop=_split_names(drop), newline_token=newline_token,
                          doc_sep=doc_sep, lang=lang, mode=mode, profile=profile)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    if explain and jsonl:
        raise click.UsageError("--explain shows one document at a time; use it without --jsonl")
    colour = sys.stdout.isatty() if color is None else color
    out = sys.stdout.buffer
    paths = list(files) or ["-"]
    try:
        if jsonl:
            stats = Stats()
            for path in paths:
                _run_jsonl(path, cleaner, text_key, strict, out, stats, group_key)
            if stats.invalid_utf8:
                _warn(f"{stats.invalid_utf8} invalid UTF-8 sequences replaced")
            _echo_err(stats.summary())
        else:
            for n, path in enumerate(paths):
                if n and fmt == "text":
                    out.write(DOCUMENT_SEPARATOR.encode())
                _run_document(path, cleaner, fmt, explain, colour, out, source_url)
        out.flush()
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


def _run_document(path: str, cleaner: Cleaner, fmt: str, show: bool, colour: bool, out,
                  source: str | None = None) -> None:
    doc = read_document(path)
    if doc.invalid:
        _warn(f"{path}: {doc.invalid} invalid UTF-8 sequences replaced")
    article = cleaner.clean(doc.text, source=source)
    if show:
        rendered = explain(doc.text, article, colour, _profile_notes(cleaner, doc.text, article, source))
    elif fmt == "json":
        rendered = json.dumps(as_json(article), ensure_ascii=False) + "\n"
    else:
        body = body_text(article, cleaner.newline_token, cleaner.doc_sep)
        rendered = body + "\n" if body else ""
    out.write(rendered.encode("utf-8", "surrogatepass"))


def _run_jsonl(path: str, cleaner: Cleaner, key: str, strict: bool, out, stats: Stats,
               group_key: str = "url") -> None:
    for number, raw in read_lines(path):
        if not raw.strip():
            out.write(raw + b"\n")  # blank lines are not records; kept so line numbers still match
            continue
        stats.read += 1
        try:
            line = _clean_record(raw, path, number, cleaner, key, stats, group_key)
            stats.cleaned += 1
        except RecordError as e:
            if strict:
                raise
            _warn(f"{e}; passed through unchanged")
            stats.passed += 1
            line = raw
        out.write(line + b"\n")


def _clean_record(raw: bytes, path: str, number: int, cleaner: Cleaner, key: str, stats: Stats,
                  group_key: str = "url") -> bytes:
    where = f"{path}:{number}"
    decoded = decode(raw, where)  # a NUL byte here means binary input: refused for the whole run
    stats.invalid_utf8 += decoded.invalid
    try:
        record = json.loads(decoded.text)
    except ValueError as e:
        raise RecordError(f"{where}: not valid JSON ({e.args[0].split(':')[0]})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{where}: not a JSON object")
    text = record.get(key)
    if not isinstance(text, str):
        raise RecordError(f"{where}: no string field {key!r}")
    meta = record.get("metadata", {})
    if not isinstance(meta, dict):
        raise RecordError(f"{where}: 'metadata' is not an object")
    source = record_source(record, group_key) if cleaner.profile else None
    article = cleaner.clean(text, source=source)
    record[key] = body_text(article, cleaner.newline_token, cleaner.doc_sep)
    record["metadata"] = {**meta, "clean": article.metadata()}
    stats.removed_bytes.update(article.removed_bytes(text))
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _read_profile(path: str):
    from .learn import read_profile

    try:
        return read_profile(path)
    except InputError as e:
        _echo_err(f"clean: error: {e}")
        sys.exit(EXIT_INPUT)


def _profile_notes(cleaner: Cleaner, text: str, article, source: str | None) -> dict[int, str] | None:
    """The source and counts behind each line removed as site-boilerplate, for --explain."""
    if cleaner.profile is None:
        return None
    from . import document
    from .residue import site

    notes = site.explain(cleaner.profile, source_of(source), document.build(text, cleaner.newline_token, cleaner.lang))
    spans = [(r.start, r.end) for r in article.removed if r.reason == site.REASON]
    return {at: note for at, note in notes.items() if any(s <= at < e for s, e in spans)}


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

