"""Reading WARC files (a crawl, a Common Crawl segment) and WET files (Common Crawl's text of the
same pages): every HTML response and every text conversion becomes one JSON line with its URL,
record id, date, the clean article and its metadata.

Records are streamed one at a time (plain or gzip WARCs alike), so memory stays bounded by the
largest page. `response` records with HTTP status 200 and an HTML content type are cleaned as
pages; `conversion` records of `text/plain` (what a WET file holds) are cleaned as text. Other
responses and conversions are skipped and counted, and other record types (request, metadata,
warcinfo, revisit) are passed over.

Two readers give the same records: FastWARC (native code, the `resiliparse` extra), used when
installed, reads the records' framing and gzip members, 1.5 to 1.7 times as fast as warcio, the
fallback (`python -m clean.bench warc`).
What a record means (its headers decoded, its HTTP status and headers, its content with transfer
and content encodings undone) is warcio's code on both, so the output is the same bytes whichever
reads: FastWARC's own HTTP parsing and decoding differ from warcio's on odd records (a lower-case
`content-type`, a non-UTF-8 URL, a gzip body sent chunked, which stops its iteration).
A cut file is an error on both: a record shorter than its Content-Length, or a file that ends
inside a record's headers or inside a gzip member.
"""

from __future__ import annotations

import json
import os
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
# Names a WARC or WET file goes by; both readers read them plain or gzipped.
WARC_NAMES = (".warc", ".warc.gz", ".wet", ".wet.gz")
READERS = ("fastwarc", "warcio")
# Chooses the reader (for comparing them); unset: FastWARC where installed, else warcio.
READER_VARIABLE = "CLEAN_WARC_READER"


def reader_name(given: str | None = None) -> str:
    """The WARC reader of this run: `given`, else $CLEAN_WARC_READER, else FastWARC where it is
    installed, else warcio."""
    name = (given or os.environ.get(READER_VARIABLE) or "").strip().lower()
    if name and name not in READERS:
        raise InputError(f"{READER_VARIABLE}={name!r}: the WARC reader is one of {', '.join(READERS)}")
    if name == "warcio":
        return name
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError:
        if name:
            raise InputError("the fastwarc WARC reader is not installed: pip install 'clean-article[resiliparse]'"
                             ) from None
        return "warcio"
    return "fastwarc"


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
    error: str | None = None  # its content could not be read: written as an error record


def responses(path: str, stats: WarcStats, reader: str | None = None) -> Iterator[Response]:
    """The HTML 200 responses and the text conversions of one WARC or WET file, in order; the
    rest is counted in `stats`. `reader` is "fastwarc" or "warcio" (default: `reader_name()`)."""
    from warcio.exceptions import ArchiveLoadFailed

    reader = reader_name(reader)
    # Both readers read gzip WARCs themselves, record by record, so files are opened raw.
    try:
        if path == "-":
            stdin_head()  # the check below sees the head however the writer split it
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    read = 0
    try:
        _check_warc(stream, path)
        for record, complete in (_fastwarc_records if reader == "fastwarc" else _warcio_records)(stream):
            read += 1
            response = _wanted(record, stats)
            # A cut file ends in a record shorter than it says: an error, not a shortened page.
            if not complete():
                raise InputError(f"{path}: truncated: the file ends inside record {read}")
            if response is not None:
                yield response
    except _Cut:
        raise InputError(f"{path}: truncated: the file ends inside record {read + 1}") from None
    except ArchiveLoadFailed as e:
        if read:
            raise InputError(f"{path}: cannot read after record {read}: {_shown(str(e))}") from None
        raise InputError(f"{path}: not a WARC file ({_shown(str(e)) or 'unreadable'})") from None
    except (OSError, EOFError) as e:
        raise InputError(f"{path}: cannot read after record {read}: {_shown(str(e))}") from None
    except BaseException as e:
        if type(e).__name__ != "PanicException":  # FastWARC's native code failing, as pyo3 raises it
            raise
        raise InputError(f"{path}: cannot read after record {read}: {_shown(str(e))}") from None
    finally:
        if path != "-":
            stream.close()


def _wanted(record, stats: WarcStats) -> Response | None:
    """The record as a Response when it is to be cleaned (its content read), else None and the
    reason counted."""
    if record.rec_type == "conversion":
        stats.conversions += 1
        mime = (record.rec_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
        if mime not in TEXT_TYPES:
            stats.skipped["not-text"] += 1
            return None
        return _response(record, "text")
    if record.rec_type != "response":
        return None
    stats.responses += 1
    headers = record.http_headers
    if headers is None:
        stats.skipped["not-http"] += 1
        return None
    status = headers.get_statuscode()
    if status != "200":
        stats.skipped[f"status-{status}"] += 1
        return None
    mime = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        stats.skipped["not-html"] += 1
        return None
    return _response(record, "html")


def _response(record, kind: str) -> Response:
    error = None
    try:
        payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as e:  # noqa: BLE001 - a content encoding warcio fails to undo (br with some brotli builds)
        payload, error = b"", f"cannot decode the content: {_shown(str(e)) or type(e).__name__}"
    return Response(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
        date=record.rec_headers.get_header("WARC-Date"),
        payload=payload,
        kind=kind,
        error=error,
    )


def _shown(detail: str, width: int = 100) -> str:
    """An error's detail on one short line: a corrupt record's "first line" is binary."""
    shown = "".join(c if c.isprintable() else "?" for c in detail.strip())
    return shown if len(shown) <= width else shown[:width] + "..."


class _Cut(Exception):
    """The file ends inside a record's headers or inside a gzip member, which a reader would
    otherwise take for the end of the file."""


def _warcio_records(stream):
    """(warcio record, complete()) per record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class Records(ArchiveIterator):
        parsed = 0

        def _next_record(self, next_line):
            try:
                record = super()._next_record(next_line)
            except EOFError:
                # The end of the file, unless a record had begun: its first line was read, or
                # the file (which opens with "WARC/") has given no record yet.
                if (next_line and next_line.strip()) or not self.parsed:
                    raise _Cut() from None
                raise
            except (AttributeError, TypeError, ValueError) as e:  # headers warcio cannot make sense of
                if not (self.reader.rem_length() or self.reader.read(1)):
                    raise _Cut() from None
                raise ArchiveLoadFailed(f"malformed record headers ({e})") from None
            self.parsed += 1
            return record

        def close(self):
            member = self.reader.decompressor if self.reader is not None else None
            super().close()
            if member is not None and not member.eof:
                raise _Cut()

    for record in Records(stream):
        yield record, lambda record=record: _warcio_complete(record)


def _warcio_complete(record) -> bool:
    raw = record.raw_stream
    while raw.read(1 << 16):  # what the iterator reads next anyway
        pass
    return record.rec_headers.get_header("Content-Length") is not None and getattr(raw, "limit", 0) <= 0


def _fastwarc_records(stream):
    """(warcio-style record, complete()) per record: FastWARC frames the records and undoes the
    gzip members; warcio's own parsers read the headers and the HTTP message, so that a record
    means the same as warcio's ArchiveIterator makes of it."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
    from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser

    loader = ArcWarcRecordLoader(verify_http=False, arc2warc=False)  # as warcio's ArchiveIterator has it
    decode = StatusAndHeadersParser.decode_header
    kinds = {int(WarcRecordType.response): "response", int(WarcRecordType.conversion): "conversion"}
    # FastWARC's own HTTP parsing and content decoding are off: warcio's are used below.
    told = _Told(stream)
    for fast in ArchiveIterator(told, parse_http=False, auto_decode="none"):
        told.mark(fast.stream_pos)
        rec_type = kinds.get(int(fast.record_type))
        if rec_type is None:  # passed over: only its type and length are looked at
            yield _Skipped(str(fast.record_type)), lambda fast=fast: _fastwarc_complete(fast)
            continue
        headers = StatusAndHeaders(
            "", [(decode(name), decode(value)) for name, value in fast.headers.items_bytes()], protocol="WARC/1.0")
        uri = loader._ensure_target_uri_format(headers)
        length = headers.get_header("Content-Length")
        raw = _Lines(fast.reader)
        http = loader.load_http_headers(rec_type, uri or "", raw, fast.content_length) if uri is not None else None
        record = ArcWarcRecord("warc", rec_type, headers, raw, http, headers.get_header("Content-Type"),
                               int(length) if length and length.isdigit() else None)
        yield record, lambda fast=fast: _fastwarc_complete(fast)
    if not told.whole_members():
        raise _Cut()


def _fastwarc_complete(fast) -> bool:
    fast.consume()
    return "Content-Length" in fast.headers and fast.reader.tell() >= fast.content_length


class _Told:
    """A stream FastWARC can ask its position: it does at the start, and a pipe (stdin) cannot
    say (UnsupportedOperation, which FastWARC turns into a panic).

    It also keeps what was read since the last record began, so that a gzip WARC's tail can be
    checked once iteration ends: FastWARC ends silently on a gzip member cut short."""

    def __init__(self, stream):
        self._stream = stream
        self._position = 0
        self._tail = bytearray()
        self._tail_start = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._position += len(data)
        self._tail += data
        return data

    def mark(self, offset: int) -> None:
        """A record begins at `offset`: the bytes before it were whole records."""
        if offset > self._tail_start:
            del self._tail[:offset - self._tail_start]
            self._tail_start = offset

    def whole_members(self) -> bool:
        """Whether the bytes from the last record on end where a gzip member ends (always true of
        a plain WARC, whose cuts FastWARC reports itself)."""
        import zlib

        tail = bytes(self._tail)
        if tail[:2] != b"\x1f\x8b":
            return True
        while tail:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                while tail and not member.eof:
                    member.decompress(tail, 1 << 20)
                    tail = member.unconsumed_tail
            except zlib.error:
                return False
            if not member.eof:
                return False
            tail = member.unused_data
        return True

    def tell(self) -> int:
        return self._position

    def close(self) -> None:  # the caller closes the stream it opened
        pass


class _Skipped:
    """A record of a type that is not read (request, metadata, warcinfo, revisit)."""

    def __init__(self, rec_type: str):
        self.rec_type = rec_type


class _Lines:
    """FastWARC's record reader with a readline of any length, as warcio's parsers expect."""

    def __init__(self, reader):
        self._reader = reader
        self.read = reader.read

    def readline(self, size: int = -1) -> bytes:
        line = self._reader.readline(8192)
        while line and not line.endswith(b"\n") and (size < 0 or len(line) < size):
            more = self._reader.readline(8192)
            if not more:
                break
            line += more
        return line

    def tell(self) -> int:
        return self._reader.tell()


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
               warn=lambda message: None, limits: tuple[int, float] = (0, 0.0), counters: Stats | None = None,
               reader: str | None = None) -> None:
    """Write one JSON line per HTML response or text conversion of the WARC (or WET) file at
    `path` to the binary stream `out`. `limits` (characters, seconds) bound the cleaning of a
    text record as --max-doc-size and --doc-timeout do; a page has its own time limit.
    `counters`, when given, gains the bytes and the removals per reason. `reader`: see
    `responses`."""
    cleaner = pages.cleaner
    for response in responses(path, stats, reader):
        record = {"url": response.url, "warc_record_id": response.record_id, "date": response.date}
        where = f"{path}: {response.url}"
        try:
            if response.error:
                raise InputError(response.error)
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
