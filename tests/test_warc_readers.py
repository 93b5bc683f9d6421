"""WARC and WET files read through FastWARC or warcio: the same records, the same output bytes,
and a cut or corrupt file is a one-line error (exit 2) on both."""

import gzip
import json
import os
import subprocess

import pytest

from clean.readers import InputError
from clean.warc import READERS, WarcStats, responses
from tests.test_cli import CLEAN, run
from tests.test_html import PARAGRAPHS, article_page

pytest.importorskip("fastwarc")

PAGE = article_page().encode()


def record(uri: bytes, block: bytes, warc_type: bytes = b"response",
           content_type: bytes = b"application/http; msgtype=response", name: bytes = b"Content-Type") -> bytes:
    """One WARC record written byte by byte, so that odd ones can be made."""
    head = (b"WARC/1.0\r\nWARC-Type: " + warc_type + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Date: 2024-03-05T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri[-12:].hex().encode() +
            b">\r\n" + name + b": " + content_type + b"\r\nContent-Length: %d\r\n\r\n" % len(block))
    return head + block + b"\r\n\r\n"


def http(body: bytes, status: bytes = b"200 OK", *headers: bytes) -> bytes:
    return b"HTTP/1.1 " + status + b"\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body


def chunked(data: bytes, size: int = 700) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size])
                    for i in range(0, len(data), size)) + b"0\r\n\r\n"


def odd_records() -> list[bytes]:
    """Records on which FastWARC's own HTTP parsing and decoding differ from warcio's."""
    html = b"Content-Type: text/html; charset=utf-8"
    zipped = gzip.compress(PAGE)
    return [
        record(b"https://example.com/plain", http(PAGE, b"200 OK", html)),
        record(b"https://example.com/gzip", http(zipped, b"200 OK", html, b"Content-Encoding: gzip")),
        record(b"https://example.com/chunked-gzip", http(chunked(zipped), b"200 OK", html, b"Content-Encoding: gzip",
                                                         b"Transfer-Encoding: chunked")),
        record(b"https://example.com/chunked", http(chunked(PAGE), b"200 OK", html, b"Transfer-Encoding: chunked")),
        record(b"https://example.com/not-gzip", http(PAGE, b"200 OK", html, b"Content-Encoding: gzip")),
        record(b"https://example.com/bad-chunk", http(b"zz\r\n" + PAGE, b"200 OK", html, b"Transfer-Encoding: chunked")),
        record(b"https://example.com/caf\xe9", http(PAGE, b"200 OK", html)),  # Latin-1 in a header
        record("https://example.com/café".encode(), http(PAGE, b"200", b"content-TYPE: text/html")),
        record(b"<https://example.com/angle>", http(PAGE, b"200 OK", html)),
        record(b"https://example.com/a space", http(PAGE, b"200 OK", html)),
        record(b"https://example.com/lower", http(PAGE, b"200 OK", html), name=b"content-type"),
        record(b"https://example.com/long", http(PAGE, b"200 OK", html, b"Set-Cookie: " + b"x" * 20_000)),
        record(b"https://example.com/weird", http(PAGE, b"abc Weird", html)),
        record(b"https://example.com/gone", http(PAGE, b"404 Not Found", html)),
        record(b"https://example.com/raw", PAGE, content_type=b"text/html"),
        record(b"ftp://example.com/x", http(PAGE, b"200 OK", html)),
        record(b"https://example.com/revisit", http(b"", b"200 OK", html), warc_type=b"revisit"),
        record(b"https://example.com/text", "Ferry service resumes.\nA second line é.\n".encode(),
               warc_type=b"conversion", content_type=b"text/plain"),
        record(b"https://example.com/pdf", b"%PDF-1.4", warc_type=b"conversion", content_type=b"application/pdf"),
    ]


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_both_readers_read_the_same_records(tmp_path, compressed):
    records = odd_records()
    path = tmp_path / "odd.warc"
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records))
    read = {}
    for reader in READERS:
        stats = WarcStats()
        read[reader] = (list(responses(str(path), stats, reader)), stats)
    assert read["fastwarc"] == read["warcio"]
    found, stats = read["warcio"]
    assert len(found) >= 10 and stats.skipped["status-404"] == 1 and stats.skipped["not-text"] == 1
    urls = [r.url for r in found]
    assert "https://example.com/café" in urls and "https://example.com/angle" in urls
    by_url = {r.url: r.payload for r in found}
    assert by_url["https://example.com/gzip"] == by_url["https://example.com/chunked-gzip"] == PAGE


def test_both_readers_write_the_same_bytes(tmp_path):
    path = tmp_path / "odd.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in odd_records()))
    outputs = {}
    for reader in READERS:
        proc = subprocess.run([CLEAN, "--warc", str(path)], capture_output=True, timeout=120,
                              env={**os.environ, "CLEAN_WARC_READER": reader})
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode()
        outputs[reader] = (proc.stdout, proc.stderr)
    assert outputs["fastwarc"] == outputs["warcio"]
    lines = [json.loads(line) for line in outputs["warcio"][0].splitlines()]
    assert lines[0]["text"] == "\n\n".join(PARAGRAPHS)


def cut(tmp_path, compressed: bool):
    records = [record(b"https://example.com/%d" % n, http(PAGE, b"200 OK", b"Content-Type: text/html"))
               for n in range(3)]
    data = b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records)
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(data[:len(data) - len(records[-1]) // (8 if compressed else 2)])
    return path


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_a_cut_file_is_an_error_and_its_last_record_is_not_written(tmp_path, warc_reader, compressed):
    proc = run("--warc", cut(tmp_path, compressed), check_code=2)
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "truncated" in errors[0] and "Traceback" not in errors[0]
    assert [json.loads(line)["url"] for line in proc.stdout.splitlines()] == [
        "https://example.com/0", "https://example.com/1"]


def test_a_corrupt_gzip_member_is_a_one_line_error(tmp_path, warc_reader):
    members = [gzip.compress(record(b"https://example.com/%d" % n, http(PAGE, b"200 OK", b"Content-Type: text/html")))
               for n in range(3)]
    broken = bytearray(members[1])
    broken[20:60] = b"x" * 40
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(members[0] + bytes(broken) + members[2])
    proc = run("--warc", path, check_code=2)
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"clean: error: {path}: ") and errors[0].isprintable()
    assert len(proc.stdout.splitlines()) == 1


def test_an_unknown_reader_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "one.warc"
    path.write_bytes(odd_records()[0])
    monkeypatch.setenv("CLEAN_WARC_READER", "nope")
    proc = run("--warc", path, check_code=2)
    assert b"CLEAN_WARC_READER" in proc.stderr


def test_one_gzip_member_for_many_records_stops_warcio_only(tmp_path):
    """The one difference the readers keep (docs/html-warc.md): warcio wants a member per record."""
    path = tmp_path / "one-member.warc.gz"
    path.write_bytes(gzip.compress(b"".join(odd_records())))
    with pytest.raises(InputError, match="after record 1"):
        list(responses(str(path), WarcStats(), "warcio"))
    plain = tmp_path / "odd.warc"
    plain.write_bytes(b"".join(odd_records()))
    assert list(responses(str(path), WarcStats(), "fastwarc")) == list(responses(str(plain), WarcStats(), "warcio"))


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("kept", [10, 33, 66, 150], ids=lambda n: f"{n}-bytes")
def test_a_file_cut_inside_a_records_headers_is_an_error(tmp_path, warc_reader, compressed, kept):
    # Cut in the WARC headers (plain) or early in the gzip member (gzip): either reader would
    # otherwise take the cut for the file's end and exit 0 with the record gone.
    records = [record(b"https://example.com/%d" % n, http(PAGE, b"200 OK", b"Content-Type: text/html"))
               for n in range(3)]
    pieces = [gzip.compress(r) for r in records] if compressed else records
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    path.write_bytes(b"".join(pieces[:2]) + pieces[2][:kept])
    proc = run("--warc", path, check_code=2)
    assert proc.stderr.decode().strip().splitlines() == [
        f"clean: error: {path}: truncated: the file ends inside record 3"]
    assert len(proc.stdout.splitlines()) == 2


def test_a_record_without_a_content_length_in_the_middle_is_an_error(tmp_path, warc_reader):
    records = [record(b"https://example.com/%d" % n, http(PAGE, b"200 OK", b"Content-Type: text/html"))
               for n in range(2)]
    path = tmp_path / "broken.warc"
    path.write_bytes(records[0] + b"WARC/1.0\r\nWARC-Type: response\r\n\r\n" + records[1])
    proc = run("--warc", path, check_code=2)
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"clean: error: {path}: ") and "Traceback" not in errors[0]
