"""The `clean` command: a filter for pipelines, plain text or JSON lines, stdin to stdout.

Exit status: 0 done; 1 a record failed under --strict; 2 bad usage (an option that does not
apply to the input included), input refused (binary, unreadable) or output refused (not writable,
a directory, one of the inputs); 3 a worker process died; 130 interrupted (143 on SIGTERM); 141
stdout closed early (`clean ... | head`), quietly.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from itertools import chain, islice

import click

from .cleaner import MODES, Cleaner
from .exits import (EXIT_INPUT, EXIT_INTERRUPTED, EXIT_PIPE, EXIT_STRICT, EXIT_WORKER, catch_sigterm, echo_err, fail,
                    interrupted, silence_stdout)
from .html import HtmlInput, HtmlOptions, MissingExtra, PageError
from .parallel import BATCH_BYTES, BATCH_RECORDS, Pool, WorkerDied, batches, default_workers
from .progress import Progress
from .corpus import is_jsonl
from .profile import source_of
from .readers import InputError, decode, open_binary, read_bytes, read_lines, stdin_head
from .article import Article
from .records import JsonlJob, OverLimit, RecordError, clean_jsonl_line, clean_within_limits, removal_counts
from .render import as_json, body_text, explain
from .stats import Stats
from .writers import Output, OutputError, check_distinct

DOCUMENT_SEPARATOR = "\f\n"  # between documents when several files are cleaned to plain text


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for v in values for name in v.split(",") if name.strip()]


class CleanCommand(click.Command):
    """`clean`'s option parsing, with `--stats=FILE` read as `--stats-file FILE`; a usage error
    is one line on stderr (exit 2), and `--help` ends with the commands, the reason codes and
    examples."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _stats_synonym(args))

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        name = prog_name or "clean"
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as e:
            echo_err(f"{name}: error: {e.format_message()} (see {name} --help)")
            sys.exit(e.exit_code)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.Abort:
            echo_err(f"{name}: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .cleaner import GROUPS, OPTIONAL_REASONS, REASONS

        with formatter.section("Commands"):
            formatter.write_dl([("clean learn", "Learn each site's repeated lines from a corpus, as a profile "
                                                "for --profile (clean learn --help)."),
                                ("clean report", "An HTML page of what cleaning removed from a corpus, per "
                                                 "reason, per source and in place (clean report --help).")])
        with formatter.section("Reason codes (for --keep and --drop)"):
            _write_words(formatter, ", ".join(REASONS) + ".")
            _write_words(formatter, "Removed only with --drop: " + ", ".join(OPTIONAL_REASONS) + ".")
            families = [f"{name} ({', '.join(sorted(GROUPS[name]))})" for name in sorted(GROUPS)
                        if GROUPS[name] != {name}]
            _write_words(formatter, "Families: " + "; ".join(families) + ".")
        with formatter.section("Examples"):
            formatter.write_dl([(example, what) for example, what in EXAMPLES])
        with formatter.section("Exit status"):
            formatter.write_text("0 done; 1 a failing record under --strict; 2 bad usage, input refused or "
                                 "output not writable; 3 a worker died; 130 interrupted; 143 terminated; "
                                 "141 stdout closed early.")


def _write_words(formatter: click.HelpFormatter, text: str) -> None:
    """Wrapped help text that never splits a reason code at its hyphen."""
    import textwrap

    indent = " " * formatter.current_indent
    width = max((formatter.width or 80) - formatter.current_indent, 20)
    for line in textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False):
        formatter.write(f"{indent}{line}\n")


EXAMPLES = (
    ("clean page.txt", "the clean body on stdout"),
    ("clean --format json page.html", "body, metadata and removed spans of a page"),
    ("clean --explain page.txt", "every line marked kept or removed, and why"),
    ("clean corpus.jsonl -o out.jsonl.zst", "JSON lines, record by record, compressed"),
    ("clean crawl.warc.wet.gz > text.jsonl", "Common Crawl WET (or WARC) records"),
    ("clean --keep captions --drop dateline a.txt", "switch reasons off and on"),
    ("clean --stats a.txt", "the run's counters as JSON on stderr"),
)


def _stats_synonym(args: list[str]) -> list[str]:
    """`--stats=FILE` (the one spelling where FILE is plainly the flag's value) as `--stats-file FILE`;
    `--stats FILE` stays the flag and a FILE to clean, as in ripgrep."""
    out: list[str] = []
    for n, arg in enumerate(args):
        if arg == "--":
            return out + args[n:]
        if arg.startswith("--stats="):
            out += ["--stats-file", arg[len("--stats="):]]
        else:
            out.append(arg)
    return out


@click.command(cls=CleanCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--jsonl/--text", "jsonl", default=None,
              help="Input is JSON lines: clean the text field of each record / each FILE is one text "
                   "(default: by name, .jsonl and .ndjson, also .gz and .zst, are JSON lines).")
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
@click.option("-q", "--quiet", is_flag=True, help="No summary, notes or warnings on stderr; errors still print.")
@click.option("--progress/--no-progress", default=None,
              help="Progress line on stderr: documents, MB, docs/s (default: when stderr is a terminal).")
@click.option("--stats", "stats_stderr", is_flag=True, help="Print the run's counters as JSON on stderr at the end.")
@click.option("--stats-file", "stats_path", metavar="FILE",
              help="Write the run's counters to FILE as JSON at the end (also --stats=FILE).")
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
@click.option("--warc/--no-warc", "warc", default=None,
              help="FILEs are WARC or WET files: one JSONL line per HTML response or text record (default: "
                   "by name, .warc, .wet and .gz of them, or when a file opens with a WARC record).")
@click.option("--favor-recall", "favor", flag_value="recall", default=True,
              help="HTML: the extractor keeps more text when unsure; clean takes out the residue (default).")
@click.option("--favor-balanced", "favor", flag_value="balanced", help="HTML: trafilatura's own default balance.")
@click.option("--favor-precision", "favor", flag_value="precision", help="HTML: the extractor keeps less text when unsure.")
@click.option("--extractor", type=click.Choice(["trafilatura", "resiliparse"]), default="trafilatura", show_default=True,
              help="HTML: the main-text extractor; resiliparse is ten times faster, trafilatura's text is better "
                   "(resiliparse reads neither --favor-* nor --no-tables).")
@click.option("--include-comments", is_flag=True, help="HTML: keep the page's comment section.")
@click.option("--include-tables/--no-tables", default=True, show_default=True, help="HTML: keep the text of tables.")
@click.option("--target-lang", metavar="CODE", help="HTML: reject pages that declare another language (ISO 639-1).")
@click.option("--page-timeout", type=click.FloatRange(min=0), default=30.0, show_default=True, metavar="SECONDS",
              help="HTML: time limit per page; a page over it is reported and skipped (0: no limit).")
@click.option("--max-doc-size", type=click.IntRange(min=0), default=0, metavar="CHARS",
              help="Pass longer documents through unchanged, counted (0: no limit).")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=0.0, metavar="SECONDS",
              help="Pass a document whose cleaning takes longer through unchanged, counted (0: no limit).")
@click.version_option(package_name="clean-article")
def main(files, jsonl, text_key, strict, doc_sep, newline_token, fmt, explain, keep, drop, lang, mode, color,
         workers, output, quiet, progress, stats_stderr, stats_path, profile_path, group_key, source_url,
         html_mode, html_key, warc, favor, extractor, include_comments, include_tables, target_lang, page_timeout,
         max_doc_size, doc_timeout):
    """Strip boilerplate residue from scraped article text.

    Reads FILEs (or stdin, or '-'; .gz and .zst are decompressed) and writes the clean article to
    stdout or to -o FILE. HTML pages, JSONL records carrying HTML and WARC files go through an HTML
    extractor first. `clean learn --help` tells how to learn a site profile from a corpus.
    """
    global _quiet
    _quiet = quiet
    given = _given(click.get_current_context())
    paths = list(files) or ["-"]
    if lang is not None:
        lang = _known_lang(lang)
    if given("source_url") and not profile_path:
        raise click.UsageError("--source names where FILEs come from for --profile; give --profile too")
    if given("group_key") and not profile_path:
        raise click.UsageError("--group-key names the field that gives a record's source for --profile; "
                               "give --profile too")
    try:
        # No spelling of the command may write over one of its inputs: checked before anything is read.
        check_distinct([("-o", output or "-"), ("--stats-file", stats_path)],
                       paths + ([profile_path] if profile_path else []))
    except OutputError as e:
        fail(f"clean: error: {e}", EXIT_INPUT)
    try:
        profile = _read_profile(profile_path) if profile_path else None
        cleaner = Cleaner(keep=_split_names(keep), drop=_split_names(drop), newline_token=newline_token,
                          doc_sep=doc_sep, lang=lang, mode=mode, profile=profile)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    colour = sys.stdout.isatty() if color is None and not output else bool(color)
    show_progress = sys.stderr.isatty() and not quiet if progress is None else progress
    catch_sigterm()
    sink = stats_sink = None
    try:
        # Every output path is checked (and a temporary file made beside it) before any input is
        # read: a bad path fails at once, not after the run.
        stats_sink = Output(stats_path) if stats_path else None
        sink = Output(output)
        sniff_warc = warc is None and jsonl is None  # --text and --no-warc both say: text
        jsonl, warc = _input_kind(paths, jsonl, warc)
        if explain and jsonl:
            raise click.UsageError("--explain shows one document at a time; use it without --jsonl")
        if warc and (jsonl or explain or html_mode is False):
            raise click.UsageError("--warc reads WARC files and writes JSONL; "
                                   "it takes no --jsonl, --explain or --no-html")
        _check_applicable(given, "warc" if warc else "jsonl" if jsonl else "documents", paths, html_mode)
        if not files and not quiet and sys.stdin is not None and sys.stdin.isatty():
            # As careful filters do on a terminal: say what is awaited rather than wait in silence.
            what = "JSON lines" if jsonl else "WARC records" if warc else "text"
            echo_err(f"clean: reading {what} from stdin; end with Ctrl-D (see clean --help)")
    except (OutputError, InputError) as e:
        _close(sink, stats_sink)
        fail(f"clean: error: {e}", EXIT_INPUT)
    except KeyboardInterrupt as e:
        _close(sink, stats_sink)
        interrupted("clean", e)
    except BaseException:
        _close(sink, stats_sink)
        raise
    html = HtmlInput(cleaner, HtmlOptions(favor=favor, include_comments=include_comments, include_tables=include_tables,
                                          target_lang=target_lang, page_timeout=page_timeout, extractor=extractor),
                     mode=True if warc else html_mode, key=html_key)
    limits = (max_doc_size, doc_timeout)
    stats = Stats()
    started = time.monotonic()
    run_info = {"workers": 1}
    completed = False
    try:
        if html.mode:
            html.pages  # noqa: B018 -- fail now, not on the first page, when the HTML packages are missing
        if warc:
            _run_warc(paths, html, text_key, sink.stream, stats, limits)
        elif jsonl:
            job = JsonlJob(cleaner, text_key, group_key, html, max_doc_size, doc_timeout)
            _run_jsonl(paths, job, strict, workers, show_progress, sink.stream, stats, run_info)
            if stats.invalid_utf8:
                _warn(f"{stats.invalid_utf8} invalid UTF-8 sequences replaced")
        else:
            _run_documents(paths, cleaner, fmt, explain, colour, show_progress, sink.stream, stats, source_url, html,
                           limits, sniff_warc)
        sink.commit()
        completed = True
        if jsonl:
            _note(stats.summary())
            if stats.html_fallbacks:
                _note(f"clean: {stats.html_fallbacks} HTML pages had no main text; their full text was cleaned")
    except (MissingExtra, OutputError) as e:
        fail(f"clean: error: {e}", EXIT_INPUT)
    except InputError as e:
        fail(f"clean: error: {e}", EXIT_INPUT)
    except RecordError as e:
        fail(f"clean: error: {e}", EXIT_STRICT)
    except WorkerDied as e:
        fail(f"clean: error: {e}", EXIT_WORKER)
    except BrokenPipeError:
        if sink is not None and sink.path is None:
            silence_stdout()
            sys.exit(EXIT_PIPE)
        fail("clean: error: broken pipe", EXIT_INPUT)
    except OSError as e:
        fail(f"clean: error: {output or 'stdout'}: {e.strerror or e}", EXIT_INPUT)
    except KeyboardInterrupt as e:
        interrupted("clean", e)
    finally:
        _close(sink)
        extra = {"completed": completed, "workers": run_info["workers"],
                 "seconds": round(time.monotonic() - started, 3)}
        if stats_stderr:
            echo_err(stats.to_json(indent=None, **extra).rstrip("\n"))
        if stats_sink is not None:
            try:
                stats_sink.stream.write(stats.to_json(**extra).encode())
                stats_sink.commit()
            except OSError as e:
                echo_err(f"clean: error: {stats_path}: {e.strerror or e}")
                if completed:
                    sys.exit(EXIT_INPUT)
            finally:
                stats_sink.close()


def _given(ctx: click.Context):
    """Whether an option was given on the command line (not left at its default)."""
    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) not in (None, click.core.ParameterSource.DEFAULT)
    return given


def _known_lang(code: str) -> str:
    from .language import stoplists

    known = sorted(stoplists())
    if code.lower() not in known:
        raise click.UsageError(f"--lang {code}: no stoplist for this language; known: {', '.join(known)}")
    return code.lower()


# The options that apply to some inputs only: given for others, they are refused, not ignored.
HTML_OPTIONS = {"target_lang": "--target-lang", "favor": "--favor-*", "extractor": "--extractor",
                "include_comments": "--include-comments", "include_tables": "--include-tables/--no-tables",
                "page_timeout": "--page-timeout"}
RECORD_OPTIONS = {  # option: (its name, the kinds of run it applies to)
    "text_key": ("--text-key", {"jsonl", "warc"}),
    "html_key": ("--html-key", {"jsonl"}),
    "strict": ("--strict", {"jsonl"}),
    "workers": ("-j/--workers", {"jsonl"}),
    "group_key": ("--group-key", {"jsonl"}),
    "source_url": ("--source", {"documents"}),
    "fmt": ("--format", {"documents"}),
}
KIND_NAMES = {"jsonl": "JSON lines", "warc": "WARC input", "documents": "documents (text or HTML FILEs)"}


def _check_applicable(given, kind: str, paths: list[str], html_mode: bool | None) -> None:
    for name, (option, kinds) in RECORD_OPTIONS.items():
        if given(name) and kind not in kinds:
            applies = " and ".join(KIND_NAMES[k] for k in sorted(kinds))
            raise click.UsageError(f"{option} applies to {applies}, not to {KIND_NAMES[kind]}")
    html_given = [option for name, option in HTML_OPTIONS.items() if given(name)]
    if not html_given or kind != "documents" or html_mode:
        return
    if html_mode is False:
        raise click.UsageError(f"{html_given[0]} applies to HTML input, and --no-html reads it as text")
    from .html import looks_like_html

    heads = {path: _head(path, 4096) for path in paths}
    if all(head and not looks_like_html(head) for head in heads.values()):  # b"": not known yet
        raise click.UsageError(f"{html_given[0]} applies to HTML input, and {_shown(paths[0])} is text "
                               f"(give --html if it is a page)")


def _close(*outputs: Output | None) -> None:
    for out in outputs:
        if out is not None:
            out.close()


def _input_kind(paths: list[str], jsonl: bool | None, warc: bool | None) -> tuple[bool, bool]:
    """(jsonl, warc) for this run: as the options say, or else as the inputs' names and first
    bytes say. Inputs of different kinds in one run are refused: their outputs differ."""
    if warc is None and jsonl is None:
        warcs = [p for p in paths if _is_warc(p)]
        others = [p for p in paths if p not in warcs]
        if warcs and others:
            raise click.UsageError(f"{_shown(warcs[0])} is a WARC file and {_shown(others[0])} is not: clean WARC "
                                   f"files on their own (--warc), or give --no-warc to read them as text")
        if warcs:
            return False, True
    if jsonl is None:
        named = [p for p in paths if p != "-"]
        lines = [p for p in named if is_jsonl(p)]
        others = [p for p in named if not is_jsonl(p)]
        if lines and others:
            raise click.UsageError(f"{lines[0]} is JSON lines (by its name) and {others[0]} is not: clean JSON lines "
                                   f"on their own (--jsonl), or give --text to read every FILE as one text")
        if lines:
            return True, False
    return bool(jsonl), bool(warc)


def _is_warc(path: str) -> bool:
    from .warc import is_warc_name, looks_like_warc

    return (path != "-" and is_warc_name(path)) or looks_like_warc(_head(path))


def _head(path: str, size: int = 64) -> bytes:
    """The first bytes of a regular file, or of a gzip file's content, or those stdin already
    holds; b"" when there is nothing to look at without taking it (a terminal, a pipe) or the file
    cannot be read (reported when it is read in earnest)."""
    import zlib

    try:
        if path == "-":
            if sys.stdin is None or sys.stdin.isatty():
                return b""
            head = stdin_head()
        elif not stat.S_ISREG(os.stat(path).st_mode):
            return b""  # a pipe (`clean <(cmd)`) or a device: what is read from it is gone
        else:
            with open_binary(path) as stream:  # .gz and .zst by name
                head = stream.read(max(size, 4096))
        if head[:2] == b"\x1f\x8b":  # gzip by content
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        return head[:size]
    except Exception:  # noqa: BLE001 -- unreadable now is reported when the file is read in earnest
        return b""


def _shown(path: str) -> str:
    return "stdin" if path == "-" else path


def _run_documents(paths, cleaner: Cleaner, fmt: str, show: bool, colour: bool, show_progress: bool, out,
                   stats: Stats, source: str | None = None, html: HtmlInput | None = None,
                   limits: tuple[int, float] = (0, 0.0), sniff_warc: bool = False) -> None:
    bar = Progress(show_progress and len(paths) > 1)
    try:
        for n, path in enumerate(paths):
            if n and fmt == "text":
                out.write(DOCUMENT_SEPARATOR.encode())
                stats.bytes_out += len(DOCUMENT_SEPARATOR)
            size = _run_document(path, cleaner, fmt, show, colour, out, stats, source, html, limits, sniff_warc)
            bar.update(1, size)
    finally:
        bar.close()


def _run_document(path: str, cleaner: Cleaner, fmt: str, show: bool, colour: bool, out, stats: Stats,
                  source: str | None = None, html: HtmlInput | None = None,
                  limits: tuple[int, float] = (0, 0.0), sniff_warc: bool = False) -> int:
    data = read_bytes(path)
    if sniff_warc and data[:64].lstrip(b"\r\n").startswith(b"WARC/1."):  # not seen before reading (.zst)
        raise InputError(f"{_shown(path)}: a WARC file; clean it with --warc (or give --no-warc to read it as text)")
    invalid = 0
    if html is not None and html.wants(data):
        page = _clean_page(path, data, html)
        if page is None:
            stats.records += 1
            stats.errors += 1
            return len(data)
        text, article = page.source, page.article
        nuls = page.nul_bytes
    else:
        if html is not None and html.missing_extra_for(data):
            _warn(f"{path}: looks like HTML, cleaned as text: trafilatura is not installed; "
                  "pip install clean-article to extract it")
        doc = decode(data, path)
        if doc.invalid:
            _warn(f"{path}: {doc.invalid} invalid UTF-8 sequences replaced")
        text, invalid, nuls = doc.text, doc.invalid, doc.nul_bytes
        try:
            article = clean_within_limits(cleaner, text, source, *limits, path)
        except OverLimit as e:
            _warn(f"{e}; passed through unchanged")
            stats.over_limit += 1
            stats.cleaned -= 1  # counted as cleaned below with every other document
            article = Article(body=(text.rstrip("\n"),) if text.strip() else (), notes=(str(e),))
    if nuls:
        _warn(f"{path}: {nuls} stray NUL byte{'s' if nuls > 1 else ''} dropped")
        stats.nul_bytes += nuls
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


def _run_warc(paths: list[str], html: HtmlInput, key: str, out, stats: Stats, limits: tuple[int, float]) -> None:
    from .warc import WarcStats, clean_warc

    found = WarcStats()
    try:
        for path in paths:
            clean_warc(path, html.pages, out, found, key, _warn, limits, stats)
    finally:
        stats.records = found.cleaned + found.texts + found.errors + found.over_limit
        stats.cleaned = found.cleaned + found.texts
        stats.errors, stats.over_limit = found.errors, found.over_limit
        stats.html_fallbacks, stats.invalid_utf8 = found.fallbacks, found.invalid_utf8
    _note(found.summary())


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


def _read_profile(path: str):
    from .learn import read_profile

    try:
        return read_profile(path)
    except InputError as e:
        echo_err(f"clean: error: {e}")
        sys.exit(EXIT_INPUT)


def _profile_notes(cleaner: Cleaner, text: str, article, source: str | None) -> dict[int, str] | None:
    """The source and counts behind each line removed as site-boilerplate, for --explain."""
    if cleaner.profile is None:
        return None
    from . import document
    from .residue import site

    # The cleaner judges each story of a multi-story record on its own: so do the notes.
    notes: dict[int, str] = {}
    bounds = [0]
    if cleaner.doc_sep:
        at = text.find(cleaner.doc_sep)
        while at >= 0:
            bounds += [at, at + len(cleaner.doc_sep)]
            at = text.find(cleaner.doc_sep, at + len(cleaner.doc_sep))
    bounds.append(len(text))
    for start, end in zip(bounds[::2], bounds[1::2]):
        doc = document.build(text[start:end], cleaner.newline_token, cleaner.lang)
        for at, note in site.explain(cleaner.profile, source_of(source), doc).items():
            notes[at + start] = note
    spans = [(r.start, r.end) for r in article.removed if r.reason == site.REASON]
    return {at: note for at, note in notes.items() if any(s <= at < e for s, e in spans)}


_quiet = False  # --quiet: set once per run by `main`


def _warn(message: str) -> None:
    _note(f"clean: warning: {message}")


def _note(message: str) -> None:
    """A summary, note or warning: silenced by --quiet (errors are not)."""
    if not _quiet:
        echo_err(message)
