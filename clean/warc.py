"""Reading WARC files (a crawl, a Common Crawl segment) and WET files (Common Crawl's text of the
same pages): every HTML response and every text conversion becomes one JSON line with its URL,
record id, date, the clean article and its metadata.

Records are streamed one at a time with warcio (plain or gzip WARCs alike), so memory stays
bounded by the largest page. `response` records with HTTP status 200 and an HTML content type
are cleaned as pages; `conversion` records of `text/plain` (what a WET file holds) are cleaned as
text. Other responses and conversions are skipped and counted, and other record types (request,
metadata, warcinfo, revisit) are passed over.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .article import Article
from .decoding import decode
from .html import MAX_PAGE_BYTES, HtmlCleaner, PageError
from .readers import InputError, stdin_head
from .records import OverLimit, clean_within_limits, removal_counts
from .render import body_text
from .stats import Stats

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
# Names a WARC or WET file goes by; warcio reads them plain or gzipped.
WARC_NAMES = (".warc", ".warc.gz", ".wet", ".wet.gz")


def is_warc_name(path: str) -> bool:
    return path.lower().endswith(WARC_NAMES)


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of a file (decompressed) open a WARC record."""
    return head.lstrip(b"\r\n").startswith(b"WARC/1.")


@dataclass
class WarcStats:
    responses: int = 0
    cleaned: int = 0
    fallbacks: int = 0  # trafilatura found nothing; the page's full text was cleaned
    conversions: int = 0  # text records of a WET file
    texts: int = 0  # of them cleaned
    errors: int = 0  # binary, oversized or over the time limit: written with an error, no text
    over_limit: int = 0  # texts over --max-doc-size or --doc-timeout, written unchanged
    invalid_utf8: int = 0
    nul_bytes: int = 0  # stray NUL bytes dropped from pages and texts
    skipped: Counter = field(default_factory=Counter)  # why a response was not cleaned

    def summary(self) -> str:
        skipped = ", ".join(f"{why}={n}" for why, n in sorted(self.skipped.items())) or "none"
        parts = []
        if self.responses or not self.conversions:
            parts.append(f"{self.responses} WARC responses read, {self.cleaned} HTML pages cleaned "
                         f"({self.fallbacks} from the full text)")
        if self.conversions:
            parts.append(f"{self.conversions} WET text records read, {self.texts} cleaned")
        if self.over_limit:
            parts.append(f"{self.over_limit} over a size or time limit (passed through)")
        nuls = f"; {self.nul_bytes} stray NUL bytes dropped" if self.nul_bytes else ""
        return f"clean: {', '.join(parts)}, {self.errors} failed; skipped: {skipped}{nuls}"


@dataclass(frozen=True)
class Response:
    url: str | None
    record_id: str | None
    date: str | None
    payload: bytes
    kind: str = "html"  # "html": a page to extract; "text": a WET text conversion


def responses(path: str, stats: WarcStats) -> Iterator[Response]:
    """The HTML 200 responses and the text conversions of one WARC or WET file, in order; the
    rest is counted in `stats`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio reads gzip WARCs itself, record by record, so files are opened raw.
    try:
        if path == "-":
            stdin_head()  # the check below sees the head however the writer split it
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    try:
        _check_warc(stream, path)
        for record in ArchiveIterator(stream):
            if record.rec_type == "conversion":
                stats.conversions += 1
                mime = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if mime not in TEXT_TYPES:
                    stats.skipped["not-text"] += 1
                    continue
                yield _response(record, "text")
                continue
            if record.rec_type != "response":
                continue
            stats.responses += 1
            headers = record.http_headers
            if headers is None:
                stats.skipped["not-http"] += 1
                continue
            status = headers.get_statuscode()
            if status != "200":
                stats.skipped[f"status-{status}"] += 1
                continue
            mime = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if mime not in HTML_TYPES:
                stats.skipped["not-html"] += 1
                continue
            yield _response(record, "html")
    except ArchiveLoadFailed as e:
        raise InputError(f"{path}: not a WARC file ({str(e).strip() or 'unreadable'})") from None
    except (OSError, EOFError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    finally:
        if path != "-":
            stream.close()


def _response(record, kind: str) -> Response:
    return Response(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
        date=record.rec_headers.get_header("WARC-Date"),
        payload=record.content_stream().read(MAX_PAGE_BYTES + 1),
        kind=kind,
    )


def _check_warc(stream, path: str) -> None:
    """A WARC (or each gzip member of one) opens with "WARC/": anything else, warcio would read
    as an old ARC file or skip through, so it is refused here."""
    import zlib

    if not hasattr(stream, "peek"):
        return
    head = stream.peek(4096)[:4096]
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            head = b""
    if not looks_like_warc(head):
        raise InputError(f"{path}: not a WARC file")


def clean_warc(path: str, pages: HtmlCleaner, out, stats: WarcStats, text_key: str = "text",
               warn=lambda message: None, limits: tuple[int, float] = (0, 0.0), counters: Stats | None = None) -> None:
    """Write one JSON line per HTML response or text conversion of the WARC (or WET) file at
    `path` to the binary stream `out`. `limits` (characters, seconds) bound the cleaning of a
    text record as --max-doc-size and --doc-timeout do; a page has its own time limit.
    `counters`, when given, gains the bytes and the removals per reason."""
    cleaner = pages.cleaner
    for response in responses(path, stats):
        record = {"url": response.url, "warc_record_id": response.record_id, "date": response.date}
        where = f"{path}: {response.url}"
        try:
            if response.kind == "text":
                article, text = _clean_text(response, pages, stats, where, limits, warn)
            else:
                page = pages.clean(response.payload, response.url)
                stats.nul_bytes += page.nul_bytes
                if page.article.extractor == "fulltext":
                    stats.fallbacks += 1
                stats.cleaned += 1
                article, text = page.article, page.source
        except (PageError, InputError) as e:
            stats.errors += 1
            message = str(e).removeprefix(f"{where}: ")
            warn(f"{where}: {message}")
            record[text_key] = ""
            record["metadata"] = {"clean": {"error": message}}
        else:
            record[text_key] = body_text(article, cleaner.newline_token, cleaner.doc_sep)
            record["metadata"] = {"clean": article.metadata()}
            if counters is not None:
                counters.add_removals(removal_counts(article.removed, text))
        line = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        out.write(line)
        if counters is not None:
            counters.bytes_in += len(response.payload)
            counters.bytes_out += len(line)


def _clean_text(response: Response, pages: HtmlCleaner, stats: WarcStats, where: str,
                limits: tuple[int, float], warn) -> tuple[Article, str]:
    """A WET record's text, cleaned as text (it is no page), the URL naming its source; and the
    text its removals point into."""
    if len(response.payload) > MAX_PAGE_BYTES:
        raise InputError(f"text too large (over {MAX_PAGE_BYTES} bytes)")
    doc = decode(response.payload, where)  # binary: an error record; a few stray NULs are dropped
    stats.invalid_utf8 += doc.invalid
    stats.nul_bytes += doc.nul_bytes
    try:
        article = clean_within_limits(pages.cleaner, doc.text, response.url, *limits, where)
    except OverLimit as e:
        warn(f"{e}; passed through unchanged")
        stats.over_limit += 1
        text = doc.text.rstrip("\n")
        return Article(body=(text,) if text.strip() else (), notes=(str(e),)), doc.text
    stats.texts += 1
    return article, doc.text
