"""The `clean` command: a filter for pipelines, plain text or JSON lines, stdin to stdout.

Exit status: 0 done; 1 a record failed under --strict; 2 bad usage, input refused (binary,
unreadable) or output not writable; 3 a worker process died; 130 interrupted (143 on SIGTERM);
141 stdout closed early (`clean ... | head`), quietly.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from itertools import chain, islice

import click

from .cleaner import MODES, Cleaner
from .html import HtmlInput, HtmlOptions, MissingExtra, PageError
from .parallel import BATCH_BYTES, BATCH_RECORDS, Pool, WorkerDied, batches, default_workers
from .progress import Progress
from .profile import source_of
from .readers import InputError, decode, read_bytes, read_lines
from .article import Article
from .records import JsonlJob, OverLimit, RecordError, clean_jsonl_line, clean_within_limits, removal_counts
from .render import as_json, body_text, explain
from .stats import Stats
from .writers import Output

EXIT_STRICT, EXIT_INPUT, EXIT_WORKER, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_PIPE = 1, 2, 3, 130, 143, 141
DOCUMENT_SEPARATOR = "\f\n"  # between documents when several files are cleaned to plain text


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so workers stop and a partial -o file is removed."""


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for v in values for name in v.split(",") if name.strip()]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--jsonl", is_flag=True, help="Input is JSON lines; clean the text field of each record.")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--strict", is_flag=True,
              help="Fail on the first malformed or failing JSONL record instead of passing it through.")
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
@click.option("-j", "--workers", type=click.IntRange(min=0), metavar="N",
              help="JSONL: clean in N worker processes (0: one per core). "
                   "Default: one per core, or none when the input fits in one batch.")
@click.option("-o", "--output", metavar="FILE",
              help="Write to FILE (compressed if it ends in .gz or .zst), complete or not at all.")
@click.option("--progress/--no-progress", default=None,
              help="Progress line on stderr: documents, MB, docs/s (default: when stderr is a terminal).")
@click.option("--stats", "stats_path", metavar="FILE", help="Write the run's counters to FILE as JSON at the end.")
@click.option("--profile", "profile_path", metavar="PROFILE",
              help="Remove the lines a learned site profile names (`clean learn`) as site-boilerplate.")
@click.option("--group-key", default="url", show_default=True,
              help="With --profile: the JSONL field whose URL host names the record's source.")
@click.option("--source", "source_url", metavar="URL",
              help="With --profile: the URL or host plain-text FILEs come from (default: no source).")
@click.option("--html/--no-html", "html_mode", default=None,
              help="Input is HTML: extract the main text with trafilatura, then clean it "
                   "(default: when the document starts as an HTML page, or a JSONL record has only --html-key).")
@click.option("--html-key", default="html", show_default=True, help="JSONL field holding a record's HTML.")
@click.option("--warc", is_flag=True, help="FILEs are WARC files: one JSONL line per HTML response.")
@click.option("--favor-recall", "favor", flag_value="recall", default=True,
              help="HTML: the extractor keeps more text when unsure; clean takes out the residue (default).")
@click.option("--favor-balanced", "favor", flag_value="balanced", help="HTML: trafilatura's own default balance.")
@click.option("--favor-precision", "favor", flag_value="precision", help="HTML: the extractor keeps less text when unsure.")
@click.option("--extractor", type=click.Choice(["trafilatura", "resiliparse"]), default="trafilatura", show_default=True,
              help="HTML: the main-text extractor; resiliparse is ten times faster, trafilatura's text is better "
                   "(resiliparse reads none of the --favor, --include-comments and --no-tables options).")
@click.option("--include-comments", is_flag=True, help="HTML: keep the page's comment section.")
@click.option("--include-tables/--no-tables", default=True, show_default=True, help="HTML: keep the text of tables.")
@click.option("--target-lang", metavar="CODE", help="HTML: reject pages that declare another language (ISO 639-1).")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, metavar="SECONDS",
              help="HTML: time limit per page; a page over it is reported and skipped (0: no limit).")
@click.option("--max-doc-size", type=click.IntRange(min=0), default=0, metavar="CHARS",
              help="Pass longer documents through unchanged, counted (0: no limit).")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=0.0, metavar="SECONDS",
              help="Pass a document whose cleaning takes longer through unchanged, counted (0: no limit).")
@click.version_option(package_name="clean")
def main(files, jsonl, text_key, strict, doc_sep, newline_token, fmt, explain, keep, drop, lang, mode, color,
         workers, output, progress, stats_path, profile_path, group_key, source_url,
         html_mode, html_key, warc, favor, extractor, include_comments, include_tables, target_lang, page_timeout,
         max_doc_size, doc_timeout):
    """Strip boilerplate residue from scraped article text.

    Reads FILEs (or stdin, or '-'; .gz and .zst are decompressed) and writes the clean article to
    stdout or to -o FILE. HTML pages, JSONL records carrying HTML and WARC files go through an HTML
    extractor first. `clean learn --help` tells how to learn a site profile from a corpus.
    """
    try:
        profile = _read_profile(profile_path) if profile_path else None
        cleaner = Cleaner(keep=_split_names(keep), drop=_split_names(drop), newline_token=newline_token,
                          doc_sep=doc_sep, lang=lang, mode=mode, profile=profile)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    if explain and jsonl:
        raise click.UsageError("--explain shows one document at a time; use it without --jsonl")
    if warc and (jsonl or explain or html_mode is False):
        raise click.UsageError("--warc reads WARC files and writes JSONL; it takes no --jsonl, --explain or --no-html")
    html = HtmlInput(cleaner, HtmlOptions(favor=favor, include_comments=include_comments, include_tables=include_tables,
                                          target_lang=target_lang, page_timeout=page_timeout, extractor=extractor),
                     mode=True if warc else html_mode, key=html_key)
    colour = sys.stdout.isatty() if color is None and not output else bool(color)
    show_progress = sys.stderr.isatty() if progress is None else progress
    paths = list(files) or ["-"]
    signal.signal(signal.SIGTERM, _terminate)
    stats = Stats()
    started = time.monotonic()
    run_info = {"workers": 1}
    completed = False
    sink = None
    try:
        if html.mode:
            html.pages  # noqa: B018 -- fail now, not on the first page, when the html extra is missing
        sink = Output(output)
        if warc:
            _run_warc(paths, html, text_key, sink.stream)
        elif jsonl:
            job = JsonlJob(cleaner, text_key, group_key, html, max_doc_size, doc_timeout)
            _run_jsonl(paths, job, strict, workers, show_progress, sink.stream, stats, run_info)
            if stats.invalid_utf8:
                _warn(f"{stats.invalid_utf8} invalid UTF-8 sequences replaced")
        else:
            limits = (max_doc_size, doc_timeout)
            _run_documents(paths, cleaner, fmt, explain, colour, show_progress, sink.stream, stats, source_url, html,
                           limits)
        sink.commit()
        completed = True
        if jsonl:
            _echo_err(stats.summary())
            if stats.html_fallbacks:
                _echo_err(f"clean: {stats.html_fallbacks} HTML pages had no main text; their full text was cleaned")
    except MissingExtra as e:
        _fail(f"clean: error: {e}", EXIT_INPUT)
    except InputError as e:
        _fail(f"clean: error: {e}", EXIT_INPUT)
    except RecordError as e:
        _fail(f"clean: error: {e}", EXIT_STRICT)
    except WorkerDied as e:
        _fail(f"clean: error: {e}", EXIT_WORKER)
    except BrokenPipeError:
        if sink is not None and sink.path is None:
            _silence_stdout()
            sys.exit(EXIT_PIPE)
        _fail("clean: error: broken pipe", EXIT_INPUT)
    except OSError as e:
        _fail(f"clean: error: {output or 'stdout'}: {e.strerror or e}", EXIT_INPUT)
    except KeyboardInterrupt as e:
        terminated = isinstance(e, Terminated)
        _fail("clean: terminated" if terminated else "clean: interrupted",
              EXIT_TERMINATED if terminated else EXIT_INTERRUPTED)
    finally:
        if sink is not None:
            sink.close()
        if stats_path:
            try:
                stats.write(stats_path, completed=completed, workers=run_info["workers"],
                            seconds=round(time.monotonic() - started, 3))
            except OSError as e:
                _echo_err(f"clean: error: {stats_path}: {e.strerror or e}")
                if completed:
                    sys.exit(EXIT_INPUT)


def _run_documents(paths, cleaner: Cleaner, fmt: str, show: bool, colour: bool, show_progress: bool, out,
                   stats: Stats, source: str | None = None, html: HtmlInput | None = None,
                   limits: tuple[int, float] = (0, 0.0)) -> None:
    bar = Progress(show_progress and len(paths) > 1)
    try:
        for n, path in enumerate(paths):
            if n and fmt == "text":
                out.write(DOCUMENT_SEPARATOR.encode())
                stats.bytes_out += len(DOCUMENT_SEPARATOR)
            size = _run_document(path, cleaner, fmt, show, colour, out, stats, source, html, limits)
            bar.update(1, size)
    finally:
        bar.close()


def _run_document(path: str, cleaner: Cleaner, fmt: str, show: bool, colour: bool, out, stats: Stats,
                  source: str | None = None, html: HtmlInput | None = None,
                  limits: tuple[int, float] = (0, 0.0)) -> int:
    data = read_bytes(path)
    invalid = 0
    if html is not None and html.wants(data):
        page = _clean_page(path, data, html)
        if page is None:
            stats.records += 1
            stats.errors += 1
            return len(data)
        text, article = page.source, page.article
    else:
        if html is not None and html.missing_extra_for(data):
            _warn(f"{path}: looks like HTML, cleaned as text; pip install 'clean[html]' to extract it")
        doc = decode(data, path)
        if doc.invalid:
            _warn(f"{path}: {doc.invalid} invalid UTF-8 sequences replaced")
        text, invalid = doc.text, doc.invalid
        try:
            article = clean_within_limits(cleaner, text, source, *limits, path)
        except OverLimit as e:
            _warn(f"{e}; passed through unchanged")
            stats.over_limit += 1
            stats.cleaned -= 1  # counted as cleaned below with every other document
            article = Article(body=(text.rstrip("\n"),) if text.strip() else (), notes=(str(e),))
    if show:
        rendered = explain(text, article, colour, _profile_notes(cleaner, text, article, source))
    elif fmt == "json":
        obj = as_json(article)
        if article.extractor is not None:
            obj["extracted"] = text  # what `removed` points into
        rendered = json.dumps(obj, ensure_ascii=False) + "\n"
    else:
        body = body_text(article, cleaner.newline_token, cleaner.doc_sep)
        rendered = body + "\n" if body else ""
    written = rendered.encode("utf-8", "surrogatepass")
    out.write(written)
    stats.records += 1
    stats.cleaned += 1
    stats.invalid_utf8 += invalid
    stats.bytes_in += len(data)
    stats.bytes_out += len(written)
    stats.add_removals(removal_counts(article.removed, text))
    return len(data)


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


def _run_jsonl(paths, job: JsonlJob, strict: bool, workers: int | None, show_progress: bool, out,
               stats: Stats, run_info: dict) -> None:
    """Clean JSONL records in batches, in order; the number of worker processes goes to run_info."""
    lines = ((path, number, raw) for path in paths for number, raw in read_lines(path))
    head = list(islice(lines, BATCH_RECORDS + 1))
    if workers is None:  # an input that fits in one batch is cleaned sooner than workers start
        small = len(head) <= BATCH_RECORDS and sum(len(raw) for _, _, raw in head) < BATCH_BYTES
        workers = 1 if small else default_workers()
    elif workers == 0:
        workers = default_workers()
    # In this process a batch is one record: each is written as soon as it is clean, and a
    # closed pipe is noticed at the next record.
    items = batches(chain(head, lines), max_records=BATCH_RECORDS if workers > 1 else 1)
    run_info["workers"] = workers
    with Pool(clean_jsonl_line, job, workers) as pool:
        bar = Progress(show_progress)  # after the workers are forked: tqdm may start threads
        try:
            for result in pool.map(items):
                lines = result.lines
                for note in result.notes:
                    if strict and note.kind != "limit":
                        _write_lines(out, lines[:note.index])
                        raise RecordError(note.message)
                    _warn(f"{note.message}; passed through unchanged")
                _write_lines(out, lines)
                stats.merge(result.stats)
                bar.update(result.stats.records, result.stats.bytes_in)
                if result.refused:
                    raise InputError(result.refused)
        finally:
            bar.close()


def _write_lines(out, lines: list[bytes]) -> None:
    if lines:
        out.write(b"\n".join(lines) + b"\n")


def _terminate(signum, frame) -> None:
    raise Terminated()


def _fail(message: str, code: int) -> None:
    _echo_err(message)
    sys.exit(code)


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

