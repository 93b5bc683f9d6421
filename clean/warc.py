"""Reading WARC files (a crawl, a Common Crawl segment): every HTML response becomes one JSON
line with its URL, record id, date, the clean article and its metadata.

Records are streamed one at a time with warcio (plain or gzip WARCs alike), so memory stays
bounded by the largest page. Only `response` records with HTTP status 200 and an HTML content
type are cleaned; other responses are skipped and counted, and other record types (request,
metadata, warcinfo, revisit) are passed over.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .html import MAX_PAGE_BYTES, HtmlCleaner, PageError
from .readers import InputError
from .render import body_text

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcStats:
    responses: int = 0
    cleaned: int = 0
    fallbacks: int = 0  # trafilatura found nothing; the page's full text was cleaned
    errors: int = 0  # binary, oversized or over the time limit: written with an error, no text
    nul_bytes: int = 0  # stray NUL bytes dropped from pages
    skipped: Counter = field(default_factory=Counter)  # why a response was not cleaned

    def summary(self) -> str:
        skipped = ", ".join(f"{why}={n}" for why, n in sorted(self.skipped.items())) or "none"
        nuls = f"; {self.nul_bytes} stray NUL bytes dropped" if self.nul_bytes else ""
        return (f"clean: {self.responses} WARC responses read, {self.cleaned} HTML pages cleaned "
                f"({self.fallbacks} from the full text), {self.errors} failed; skipped: {skipped}{nuls}")


@dataclass(frozen=True)
class Response:
    url: str | None
    record_id: str | None
    date: str | None
    payload: bytes


def responses(path: str, stats: WarcStats) -> Iterator[Response]:
    """The HTML 200 responses of one WARC file, in order; the rest is counted in `stats`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio reads gzip WARCs itself, record by record, so files are opened raw.
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    try:
        _check_warc(stream, path)
        for record in ArchiveIterator(stream):
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
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
            yield Response(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                record_id=record.rec_headers.get_header("WARC-Record-ID"),
                date=record.rec_headers.get_header("WARC-Date"),
                payload=payload,
            )
    except ArchiveLoadFailed as e:
        raise InputError(f"{path}: not a WARC file ({str(e).strip() or 'unreadable'})") from None
    except (OSError, EOFError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None
    finally:
        if path != "-":
            stream.close()


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
    if not head.lstrip(b"\r\n").startswith(b"WARC/"):
        raise InputError(f"{path}: not a WARC file")


def clean_warc(path: str, pages: HtmlCleaner, out, stats: WarcStats, text_key: str = "text",
               warn=lambda message: None) -> None:
    """Write one JSON line per HTML response of the WARC file at `path` to the binary stream `out`."""
    cleaner = pages.cleaner
    for response in responses(path, stats):
        record = {"url": response.url, "warc_record_id": response.record_id, "date": response.date}
        try:
            page = pages.clean(response.payload, response.url)
        except PageError as e:
            stats.errors += 1
            warn(f"{path}: {response.url}: {e}")
            record[text_key] = ""
            record["metadata"] = {"clean": {"error": str(e)}}
        else:
            stats.cleaned += 1
            stats.nul_bytes += page.nul_bytes
            if page.article.extractor == "fulltext":
                stats.fallbacks += 1
            record[text_key] = body_text(page.article, cleaner.newline_token, cleaner.doc_sep)
            record["metadata"] = {"clean": page.article.metadata()}
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
