"""`clean report`: one self-contained HTML page that shows what cleaning removed from a corpus.

    clean report raw.jsonl.gz -o report.html                        # cleans first, usual options
    clean report cleaned.jsonl --original raw.jsonl -o report.html  # output of `clean --jsonl`

The figures (per reason, per source) are summed over every record read; the documents shown are a
reservoir sample of `--sample` records, the same for the same `--seed` and input. A record that
carries `metadata.clean` with its `removed` spans is taken as cleaned: its text field is the clean
body and the spans point into the raw input, which `--original` supplies (same records, same
order); without it the page shows the spans' figures and the body, not the removed text. Any other
record is cleaned here first.

Exit status: 0 done; 2 bad usage, input refused or unreadable, `--original` not the input the
records were cleaned from, or output not writable; 3 a worker process died; 130 interrupted.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

import click

from .cleaner import MODES, OPTIONAL_REASONS, REASONS, Cleaner
from .decoding import InputError, decode
from .exits import catch_sigterm, failures
from .parallel import BATCH_RECORDS, Pool, batches, default_workers
from .profile import NO_SOURCE, record_source
from .progress import Progress
from .readers import read_document, read_lines
from .records import RecordError, clean_within_limits, parse_record
from .render import body_text
from .report_html import data_json
from .stats import Stats

DEFAULT_SAMPLE = 1000
# A sampled document longer than this is shown cut here (its figures count all of it): one
# scraped page of megabytes must not make the page too heavy to open.
DISPLAY_CHARS = 100_000
# A body paragraph found verbatim in the shown input is stored as a reference to it, so that a
# document's text is embedded once; shorter ones cost less written out.
MIN_REFERENCE = 24
WARNINGS = 10  # skipped records reported one by one on stderr; the rest are counted


@dataclass(frozen=True)
class ReportJob:
    """What every record is read with (crosses to worker processes)."""

    cleaner: Cleaner
    key: str = "text"
    group_key: str = "url"


def audit_line(raw: bytes, where: str, job: ReportJob, stats: Stats) -> bytes:
    """One JSONL line in; a compact JSON object out with what the report needs of the record:
    its source, id, url and title, the clean body, the removed spans and, when the record was
    cleaned here, the input text the spans point into. Raises RecordError for a record that is
    neither cleaned nor cleanable."""
    record = parse_record(raw, where, stats)
    meta = record.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    done = meta.get("clean")
    text = record.get(job.key)
    if not isinstance(text, str):
        raise RecordError(f"{where}: no string field {job.key!r}")
    source = record_source(record, job.group_key)
    if isinstance(done, dict) and isinstance(done.get("removed"), list):
        removed = _spans(done["removed"], where)
        out = {"body": text, "rm": removed, "orig": None, "title": done.get("title"),
               # spans of a record made from HTML point into the extracted text, not the record's
               "html": done.get("extractor") is not None}
    else:
        cleaner = job.cleaner
        source_url = source if cleaner.profile else None
        article = clean_within_limits(cleaner, text, source_url, 0, 0.0, where)
        out = {"body": body_text(article, cleaner.newline_token, cleaner.doc_sep),
               "rm": [r.as_list() for r in article.removed], "orig": text, "title": article.title, "html": False}
    value = record.get(job.group_key, meta.get(job.group_key))
    out.update(at="stdin" + where[1:] if where.startswith("-:") else where, src=source if source != NO_SOURCE else _file_source(where), id=_label(record.get("id")),
               url=value if isinstance(value, str) else None)
    return json.dumps(out, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _spans(value: list, where: str) -> list:
    spans = []
    for span in value:
        if not (isinstance(span, list) and len(span) == 3 and type(span[0]) is int and type(span[1]) is int
                and isinstance(span[2], str) and 0 <= span[0] <= span[1]):
            raise RecordError(f"{where}: metadata.clean.removed holds {json.dumps(span)[:60]}, not [start, end, reason]")
        spans.append(span)
    return spans


def _label(value) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _file_source(where: str) -> str:
    """Records without a source are grouped by the file they were read from, in brackets (no
    host has brackets)."""
    path = where.rsplit(":", 1)[0]
    return "[stdin]" if path == "-" else f"[{os.path.basename(path)}]"


@dataclass
class Figures:
    """Removals summed over a set of documents."""

    docs: int = 0
    touched: int = 0  # documents with at least one removal
    spans: int = 0
    chars: int = 0  # characters removed
    bytes: int = 0  # UTF-8 bytes removed, over the documents whose input text is known
    chars_in: int = 0
    bytes_in: int = 0
    by_reason: dict[int, int] = field(default_factory=dict)  # reason index -> characters removed

    def as_dict(self) -> dict:
        return {"docs": self.docs, "touched": self.touched, "spans": self.spans, "chars": self.chars,
                "bytes": self.bytes, "chars_in": self.chars_in, "bytes_in": self.bytes_in,
                "by_reason": [[r, n] for r, n in sorted(self.by_reason.items(), key=lambda kv: -kv[1])]}


class Reasons:
    """Reason codes as small integers for the page, in the cleaner's order; a code this version
    does not know (records cleaned by another) is added as met."""

    def __init__(self):
        self.names: list[str] = list(REASONS + OPTIONAL_REASONS)
        self._index = {name: i for i, name in enumerate(self.names)}

    def index(self, name: str) -> int:
        i = self._index.get(name)
        if i is None:
            i = self._index[name] = len(self.names)
            self.names.append(name)
        return i


@dataclass
class Options:
    sample: int = DEFAULT_SAMPLE
    seed: int = 0
    newline_token: str | None = None
    doc_sep: str | None = None
    display_chars: int = DISPLAY_CHARS


class Collector:
    """Adds documents up into the figures and keeps a reservoir sample of them for the page."""

    def __init__(self, options: Options):
        self.options = options
        self.reasons = Reasons()
        self.per_reason: dict[int, Figures] = {}
        self.per_source: dict[str, Figures] = {}
        self.total = Figures()
        self.records = 0  # non-blank lines or text files read
        self.skipped = 0
        self.cleaned_here = 0
        self.without_text = 0  # cleaned records whose removed text is not known
        self.from_html = 0
        # The sampled documents, each as its JSON text for the page: a string holds a document in
        # a fraction of the memory its lists of pieces would take.
        self.sample: list[str] = []
        self._rng = random.Random(options.seed)
        self._seen = 0
        self._display = _Display(options.newline_token, options.doc_sep)

    def skip(self) -> None:
        self.records += 1
        self.skipped += 1

    def add(self, doc: dict, where: str, original: str | None) -> None:
        """One record's audit (see `audit_line`); `original` is its raw text from --original."""
        self.records += 1
        text = doc["orig"]
        if text is not None:
            self.cleaned_here += 1
        elif doc["html"]:
            self.from_html += 1
        elif original is not None:
            text = original
            for start, end, _ in doc["rm"]:
                if end > len(text):
                    raise InputError(f"{where}: removed span [{start}, {end}] lies outside the --original record "
                                     f"({len(text)} characters): not the input this record was cleaned from")
        if text is None:
            self.without_text += 1
        spans = sorted((start, end, self.reasons.index(reason)) for start, end, reason in doc["rm"])
        removed_chars, removed_bytes, touched = _measure(spans, text)
        chars_in = len(text) if text is not None else removed_chars + len(doc["body"])
        bytes_in = _utf8_len(text) if text is not None else 0
        source = doc["src"]
        for figures in (self.total, self.per_source.setdefault(source, Figures())):
            figures.docs += 1
            figures.touched += bool(spans)
            figures.spans += len(spans)
            figures.chars += sum(c for c, _ in touched.values())
            figures.bytes += sum(b for _, b in touched.values())
            figures.chars_in += chars_in
            figures.bytes_in += bytes_in
            for reason, (chars, _) in touched.items():
                figures.by_reason[reason] = figures.by_reason.get(reason, 0) + chars
        for reason, (chars, size) in touched.items():
            figures = self.per_reason.setdefault(reason, Figures())
            figures.touched += 1
            figures.spans += sum(1 for s in spans if s[2] == reason)
            figures.chars += chars
            figures.bytes += size
        # Reservoir sampling (Algorithm R): every record has the same chance to be shown, and the
        # same seed over the same input gives the same sample. A record is laid out for the page
        # only when it enters the reservoir.
        n, size = self._seen, self.options.sample
        self._seen += 1
        if n < size:
            slot = len(self.sample)
            self.sample.append("")
        else:
            slot = self._rng.randrange(n + 1)
            if slot >= size:
                return
        self.sample[slot] = data_json(self._display.document(n + 1, doc, text, spans, removed_chars, removed_bytes,
                                                             chars_in, self.options.display_chars))

    def documents(self) -> list[dict]:
        """The sampled documents as the page reads them."""
        return [json.loads(doc) for doc in self.sample]

    def data(self, inputs: list[str], original: list[str], settings: dict, top_sources: int = 100) -> dict:
        """Everything the page shows but the sampled documents, as plain JSON values."""
        unit = "bytes" if self.without_text == 0 else "chars"
        names = self.reasons.names
        reasons = []
        for i, name in enumerate(names):
            figures = self.per_reason.get(i)
            reasons.append({"name": name, "color": _colour(name),
                            **({"touched": figures.touched, "spans": figures.spans, "chars": figures.chars,
                                "bytes": figures.bytes} if figures else
                               {"touched": 0, "spans": 0, "chars": 0, "bytes": 0})})
        # The page orders sources by what they lost, by the share of their text lost, or by their
        # documents: it gets the top sources of each order.
        removed = "bytes" if unit == "bytes" else "chars"
        orders = (lambda f: getattr(f, removed), lambda f: getattr(f, removed) / max(1, getattr(f, removed + "_in")),
                  lambda f: f.docs)
        chosen: dict[str, Figures] = {}
        for order in orders:
            ranked = sorted(self.per_source.items(), key=lambda kv: (-order(kv[1]), -kv[1].docs, kv[0]))
            chosen.update(ranked[:top_sources])
        ranked = sorted(chosen.items(), key=lambda kv: (-getattr(kv[1], removed), -kv[1].docs, kv[0]))
        sources = [{"name": name, **figures.as_dict()} for name, figures in ranked]
        return {
            "inputs": inputs, "original": original, "settings": settings, "unit": unit,
            "records": self.records, "skipped": self.skipped, "cleaned_here": self.cleaned_here,
            "without_text": self.without_text, "from_html": self.from_html,
            "total": self.total.as_dict(), "reasons": reasons,
            "sources": sources, "source_count": len(self.per_source),
            "sampled": len(self.sample), "sample_size": self.options.sample, "seed": self.options.seed,
            "display_chars": self.options.display_chars,
        }


def _measure(spans: list[tuple[int, int, int]], text: str | None) -> tuple[int, int | None, dict]:
    """Characters and bytes removed, and {reason: (characters, bytes)}; overlapping spans count
    once, for the first reason."""
    touched: dict[int, tuple[int, int]] = {}
    pos = 0
    for start, end, reason in spans:
        start = max(start, pos)
        if end <= start:
            continue
        chars = end - start
        size = _utf8_len(text[start:end]) if text is not None else 0
        c, b = touched.get(reason, (0, 0))
        touched[reason] = (c + chars, b + size)
        pos = end
    chars = sum(c for c, _ in touched.values())
    return chars, (sum(b for _, b in touched.values()) if text is not None else None), touched


def _utf8_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*){2,}")
_INDENT = re.compile(r"(?<=\n)[ \t]{5,}")


class _Display:
    """A sampled document laid out for the page: the input cut into kept and removed pieces,
    and the body, both as a reader sees them (a newline token shown as a line break, a story
    separator on a line of its own, runs of blank lines shown as one, deep indentation shortened)."""

    def __init__(self, newline_token: str | None, doc_sep: str | None):
        self._token = re.compile(r"[ \t]*" + re.escape(newline_token) + r"[ \t]*") if newline_token else None
        self._sep = re.compile(r"\s*" + re.escape(doc_sep) + r"\s*") if doc_sep else None
        self._sep_text = f"\n\n{doc_sep}\n\n" if doc_sep else ""

    def show(self, text: str) -> str:
        if self._token is not None:
            text = self._token.sub("\n", text)
        if self._sep is not None:
            text = self._sep.sub(self._sep_text, text)
        return _INDENT.sub("    ", _BLANK_RUN.sub("\n\n", text))

    def document(self, number: int, doc: dict, text: str | None, spans, removed_chars: int,
                 removed_bytes: int | None, chars_in: int, limit: int) -> dict:
        reasons = sorted({r for _, _, r in spans})
        out = {"n": number, "at": doc["at"], "id": doc["id"], "src": doc["src"], "url": doc["url"],
               "title": doc["title"], "in": chars_in, "rm": removed_chars, "rmb": removed_bytes,
               "share": round(removed_chars / chars_in, 4) if chars_in else 0.0, "r": reasons, "cut": 0}
        body = self.show(doc["body"])
        if text is None:
            out["spans"] = [list(s) for s in spans]
            out["seg"] = None
            if len(body) > limit:
                out["cut"] = len(body) - limit
                body = body[:limit]
            out["body"] = [body]
            return out
        segments, pos = [], 0
        shown = min(len(text), limit)
        for start, end, reason in spans:
            start, end = max(start, pos), min(end, shown)
            if end <= start:
                continue
            if start > pos:
                segments.append([self.show(text[pos:start]), -1])
            segments.append([self.show(text[start:end]), reason])
            pos = end
        if pos < shown:
            segments.append([self.show(text[pos:shown]), -1])
        out["cut"] = len(text) - shown
        out["seg"] = [s for s in segments if s[0]]
        out["body"] = _body_pieces(body[:limit], "".join(s[0] for s in out["seg"]))
        return out


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _body_pieces(body: str, shown: str) -> list:
    """The body as paragraphs (joined by a blank line): each either its text or [start, end] of
    the same text in the shown input, counted in UTF-16 code units as JavaScript counts."""
    astral = [m.start() for m in _ASTRAL.finditer(shown)]

    def js(at: int) -> int:  # a character above U+FFFF is two code units in JavaScript
        return at + bisect_left(astral, at) if astral else at

    pieces: list = []
    cursor = 0
    for paragraph in body.split("\n\n"):
        if len(paragraph) >= MIN_REFERENCE:
            at = shown.find(paragraph, cursor)
            if at < 0:
                at = shown.find(paragraph)
            if at >= 0:
                cursor = at + len(paragraph)
                pieces.append([js(at), js(cursor)])
                continue
        pieces.append(paragraph)
    return pieces


# [strong, light] colours per reason, fixed so that a reason looks the same in every report; the
# families that are often large on page dumps (outside-main, comments, related, nav-label) are
# far apart. A reason this version does not know is grey.
COLOURS: dict[str, tuple[str, str]] = {
    "title": ("#1f6fb4", "#d4e6f7"), "duplicate-title": ("#5a8fc4", "#e0ebf7"),
    "repeated-line": ("#b8860b", "#f7e9c4"), "metadata": ("#56708a", "#dde6ee"),
    "byline": ("#2e8b57", "#d3efdf"), "date": ("#6f9e2e", "#e4f1d0"), "url": ("#1b5e20", "#d5ead6"),
    "nav-label": ("#6a3dc2", "#e4dbf7"), "tracking-id": ("#4d4d4d", "#e3e3e3"), "markup": ("#a0522d", "#f3dfd3"),
    "caption": ("#d2691e", "#fbe3cf"), "credit": ("#c98a12", "#f9ebc9"), "player": ("#c2185b", "#f8d7e4"),
    "share": ("#e0479e", "#fadbeb"), "advert": ("#d62728", "#f9d6d6"), "newsletter": ("#ad1457", "#f5d3e1"),
    "cookie": ("#8c6d1f", "#efe6cc"), "related": ("#0f8c8c", "#cdeeee"), "comments": ("#9c27b0", "#f0d5f5"),
    "copyright": ("#607d3b", "#e3ebd6"), "site-boilerplate": ("#00838f", "#cbeef2"),
    "outside-main": ("#8d6e63", "#eee3de"), "dateline": ("#3949ab", "#dadff5"),
}
UNKNOWN_COLOUR = ("#757575", "#e6e6e6")


def _colour(name: str) -> list[str]:
    return list(COLOURS.get(name, UNKNOWN_COLOUR))


def _records(paths: list[str], jsonl: bool | None, key: str) -> Iterator[tuple[str, int, bytes]]:
    """(path, line number, raw line) for every record; a plain-text file is one record."""
    from .corpus import is_jsonl

    for path in paths:
        if jsonl or (jsonl is None and (path == "-" or is_jsonl(path))):
            for number, raw in read_lines(path):
                yield path, number, raw
        else:
            doc = read_document(path)
            yield path, 1, json.dumps({key: doc.text}, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _originals(paths: list[str], key: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(where, text or None, id or None) for every non-blank line of the --original files."""
    for path in paths:
        for number, raw in read_lines(path):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(decode(raw, where).text)
            except ValueError:
                yield where, None, None
                continue
            text = record.get(key) if isinstance(record, dict) else None
            ident = _label(record.get("id")) if isinstance(record, dict) else None
            yield where, (text if isinstance(text, str) else None), ident


def collect(paths: list[str], job: ReportJob, options: Options, original: list[str] | None = None,
            jsonl: bool | None = None, workers: int | None = None, progress: bool = False, warn=None) -> Collector:
    """Read every record of `paths` (cleaning the raw ones) into a Collector."""
    warn = warn or (lambda message: None)
    collector = Collector(options)
    lines = _records(paths, jsonl, job.key)
    head = list(islice(lines, BATCH_RECORDS + 1))
    if workers is None:
        workers = 1 if len(head) <= BATCH_RECORDS else default_workers()
    elif workers == 0:
        workers = default_workers()
    pairs = _originals(original, job.key) if original else None
    warned = 0
    items = batches(chain(head, lines), max_records=BATCH_RECORDS if workers > 1 else 1)
    with Pool(audit_line, job, workers) as pool:
        bar = Progress(progress)
        try:
            for result in pool.map(items):
                failed = {note.index: note.message for note in result.notes}
                for index, line in enumerate(result.lines):
                    if not line.strip():
                        continue
                    paired = next(pairs, None) if pairs is not None else None
                    if pairs is not None and paired is None:
                        raise InputError(f"--original has fewer records than the input ({collector.records} paired)")
                    if index in failed:
                        collector.skip()
                        warned += 1
                        if warned <= WARNINGS:
                            warn(f"{failed[index]}; skipped")
                        continue
                    doc = json.loads(line)
                    where = doc["at"]
                    text = None
                    if paired is not None:
                        at, text, ident = paired
                        where = f"{where} (with {at})"
                        if text is None and doc["orig"] is None:
                            raise InputError(f"{at}: the --original record has no string field {job.key!r}")
                        if ident is not None and doc["id"] is not None and ident != doc["id"]:
                            raise InputError(f"{at}: id {ident!r} pairs with a record of id {doc['id']!r}: "
                                             "--original must be the input the records were cleaned from, in order")
                    collector.add(doc, where, text)
                bar.update(result.stats.records, result.stats.bytes_in)
                if result.refused:
                    raise InputError(result.refused)
        finally:
            bar.close()
    if pairs is not None and next(pairs, None) is not None:
        raise InputError(f"--original has more records than the input ({collector.records})")
    if warned > WARNINGS:
        warn(f"{warned - WARNINGS} more records skipped")
    return collector


def _split_names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for v in values for name in v.split(",") if name.strip()]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write the HTML page.")
@click.option("--original", multiple=True, metavar="RAW",
              help="The raw JSONL the cleaned INPUTs were made from (same records, same order), to show the "
                   "removed text in place; repeatable, read in order.")
@click.option("--sample", "sample", type=click.IntRange(min=0), default=DEFAULT_SAMPLE, show_default=True,
              metavar="N", help="Documents to show (a random sample; the figures count every record).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample.")
@click.option("--jsonl/--text", "jsonl", default=None,
              help="INPUTs are JSON lines / plain text documents (default: by name; '-' is JSON lines).")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--group-key", default="url", show_default=True,
              help="JSONL field naming a record's source: a URL (its host is the source) or a name; records "
                   "without it are grouped by input file.")
@click.option("--doc-sep", metavar="SEP", help="Several stories per record joined by SEP (Multi-News: '|||||').")
@click.option("--newline-token", metavar="TOKEN", help="TOKEN stands for a line break (Multi-News: NEWLINE_CHAR).")
@click.option("--keep", multiple=True, metavar="REASON", help="Raw records: leave this residue in the body.")
@click.option("--drop", multiple=True, metavar="REASON", help="Raw records: also remove an optional reason.")
@click.option("--lang", metavar="CODE", help="Raw records: their language (ISO 639-1), instead of detecting it.")
@click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Raw records: full-page dumps (page) or extractor output (article)?")
@click.option("--profile", "profile_path", metavar="PROFILE", help="Raw records: apply a learned site profile.")
@click.option("-j", "--workers", type=click.IntRange(min=0), metavar="N",
              help="Clean raw records in N worker processes (0: one per core).")
@click.option("--progress/--no-progress", default=None, help="Progress line on stderr (default: when a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No summary, progress or warnings on stderr; errors still print.")
def report(inputs, output, original, sample, seed, jsonl, text_key, group_key, doc_sep, newline_token, keep, drop,
           lang, mode, profile_path, workers, progress, quiet):
    """Write an HTML page that shows what cleaning removed from a corpus: bytes, spans and
    documents per reason and per source, and a sample of documents with every removed span
    marked in place.

    INPUTs are JSON lines (cleaned by `clean --jsonl`, or raw: cleaned here with the options
    below) or plain-text documents; '-' is stdin; .gz and .zst are decompressed. The page is one
    file that needs no network.
    """
    from .report_html import write_page
    from .writers import Output, check_distinct

    if original and jsonl is False:
        raise click.UsageError("--original pairs JSONL records; it takes no --text")
    catch_sigterm()
    try:
        profile = None
        if profile_path:
            from .learn import read_profile

            with failures("clean report", profile_path):
                profile = read_profile(profile_path)
        cleaner = Cleaner(keep=_split_names(keep), drop=_split_names(drop), newline_token=newline_token,
                          doc_sep=doc_sep, lang=lang, mode=mode, profile=profile)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    job = ReportJob(cleaner, text_key, group_key)
    options = Options(sample=sample, seed=seed, newline_token=newline_token, doc_sep=doc_sep)
    settings = {"text_key": text_key, "group_key": group_key, "doc_sep": doc_sep, "newline_token": newline_token,
                "keep": sorted(cleaner.keep), "drop": sorted(cleaner.drop), "mode": mode, "lang": lang,
                "profile": os.path.basename(profile_path) if profile_path else None}
    show_progress = sys.stderr.isatty() and not quiet if progress is None else progress
    with failures("clean report", output):
        # The page never overwrites what it reports on, and a bad path fails before the reading.
        check_distinct([("-o", output)], [*inputs, *original, *([profile_path] if profile_path else [])])
        sink = Output(output)
        try:
            collector = collect(list(inputs), job, options, list(original), jsonl, workers, show_progress,
                                (lambda message: None) if quiet else _warn)
            write_page(sink.stream, collector.data(list(inputs), list(original), settings), collector.sample)
            sink.commit()
        finally:
            sink.close()
    if quiet:
        return
    total = collector.total
    unit = "bytes" if collector.without_text == 0 else "characters"
    removed = total.bytes if collector.without_text == 0 else total.chars
    click.echo(f"clean report: {collector.records} records read, {collector.skipped} skipped, {total.touched} with "
               f"removals, {removed:,} {unit} removed; {len(collector.sample)} documents shown; wrote {output}",
               err=True)


def _warn(message: str) -> None:
    click.echo(f"clean report: warning: {message}", err=True)
