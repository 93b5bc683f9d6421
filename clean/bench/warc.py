"""``python -m clean.bench warc``: reading WARC and WET files through FastWARC and warcio.

From a set folder (``DIR/html/*.html.gz`` pages, ``DIR/inputs/<rendering>.jsonl`` texts) it writes
a WARC as a crawler does (per page a request and a 200 ``response`` record, each record its own
gzip member) and a WET as Common Crawl does (a ``conversion`` record of ``text/plain`` per text),
repeated to about ``--mb`` MB of content each, then reads both with each reader through
:func:`clean.warc.responses` (every record framed, its headers parsed, every page's and text's
content read), the readers taking turns for ``--rounds`` rounds. It prints MB of content and
records per second, the ratio between the readers, and whether they gave the same records.
``--end-to-end N`` also runs ``clean --warc`` on the first N records of the WET under each
reader and compares the output bytes and times.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clean.warc import READERS, WarcStats, responses


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path, metavar="DIR",
                        help="set folder with html/*.html.gz and inputs/<rendering>.jsonl")
    parser.add_argument("--rendering", default="trafilatura", help="the texts of the WET (default trafilatura)")
    parser.add_argument("--mb", type=float, default=50.0, help="MB of content in each file (default 50)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of reading each file (default 3)")
    parser.add_argument("--end-to-end", type=int, default=0, metavar="N",
                        help="also time `clean --warc` on N WET records under each reader")
    parser.add_argument("--workdir", type=Path, help="where the files go (default: a temporary folder)")


def write_files(data: Path, rendering: str, mb: float, work: Path) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress(p.read_bytes()) for p in sorted((data / "html").glob("*.html.gz"))]
    with open(data / "inputs" / f"{rendering}.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"].encode("utf-8", "surrogatepass") for line in f if line.strip()]
    if not pages or not texts:
        raise ValueError(f"{data}: no html/*.html.gz pages or no {rendering} texts")
    warc, wet = work / "pages.warc.gz", work / "texts.warc.wet.gz"
    with open(warc, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        written, n = 0, 0
        while written < mb * 1e6:
            for page in pages:
                url = f"https://example.com/{n}"
                n += 1
                writer.write_record(writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders(f"GET /{n} HTTP/1.1", [("Host", "example.com")], is_http_request=True)))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                      ("Content-Length", str(len(page)))], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page),
                                                              http_headers=headers))
                written += len(page)
    with open(wet, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warcinfo_record(wet.name, {"software": "clean bench"}))
        written, n = 0, 0
        while written < mb * 1e6:
            for text in texts:
                writer.write_record(writer.create_warc_record(
                    f"https://example.com/{n}", "conversion", payload=io.BytesIO(text), warc_content_type="text/plain"))
                n += 1
                written += len(text)
    return warc, wet


def read_all(path: Path, reader: str) -> tuple[float, list]:
    started = time.perf_counter()
    found = list(responses(str(path), WarcStats(), reader))
    return time.perf_counter() - started, found


def command(args) -> int:
    with tempfile.TemporaryDirectory(prefix="clean-warc-") as scratch:
        work = args.workdir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        try:
            files = write_files(args.data, args.rendering, args.mb, work)
        except (OSError, ValueError, KeyError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        print(f"{'file':<22} {'reader':<9} {'records':>7} {'MB':>7} {'s':>7} {'MB/s':>7} {'rec/s':>8}")
        for path in files:
            seconds = {reader: [] for reader in READERS}
            found = {}
            for _ in range(args.rounds):
                for reader in READERS:
                    took, found[reader] = read_all(path, reader)
                    seconds[reader].append(took)
            mb = sum(len(r.payload) for r in found[READERS[0]]) / 1e6
            for reader in READERS:
                best = min(seconds[reader])
                n = len(found[reader])
                print(f"{path.name:<22} {reader:<9} {n:>7} {mb:>7.1f} {best:>7.3f} {mb / best:>7.1f} {n / best:>8.0f}")
            ratio = min(seconds["warcio"]) / min(seconds["fastwarc"])
            same = "yes" if found["fastwarc"] == found["warcio"] else "NO"
            print(f"{path.name}: fastwarc reads {ratio:.2f}x as fast as warcio (best of {args.rounds}); "
                  f"same records: {same}; {os.path.getsize(path) / 1e6:.1f} MB on disk")
        if args.end_to_end:
            end_to_end(files[1], args.end_to_end, work)
    return 0


def end_to_end(wet: Path, records: int, work: Path) -> None:
    """`clean --warc` on the first `records` WET records, under each reader."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    small = work / "head.warc.wet.gz"
    with open(wet, "rb") as f, open(small, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, record in enumerate(ArchiveIterator(f)):
            if n > records:
                break
            writer.write_record(record)
    outputs = {}
    for reader in READERS:
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "clean", "--warc", "-q", str(small)], capture_output=True,
                              env={**os.environ, "CLEAN_WARC_READER": reader})
        took = time.perf_counter() - started
        outputs[reader] = proc.stdout
        print(f"clean --warc, {records} WET records, {reader}: {took:.2f} s, exit {proc.returncode}")
    print(f"clean --warc output identical under both readers: {'yes' if len(set(outputs.values())) == 1 else 'NO'}")
