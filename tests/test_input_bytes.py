"""Bytes that are not quite what they seem: stray NUL bytes in text and pages, truncated
compressed files. Each is either read (and counted) or refused with one line and exit 2."""

import gzip
import json

import pytest

from clean import decoding
from clean.decoding import InputError, decode
from tests.test_cli import AP_SEED, SEED, run


def _with_nuls(data: bytes, count: int) -> bytes:
    """`count` NUL bytes spread over `data`, at line starts (where a bad transcoder puts them)."""
    step = max(1, len(data) // (count + 1))
    out, pos = [], 0
    for n in range(count):
        cut = data.index(b"\n", step * (n + 1)) + 1
        out.append(data[pos:cut] + b"\x00")
        pos = cut
    return b"".join(out) + data[pos:]


def test_a_few_stray_nuls_are_dropped_and_counted():
    data = SEED.read_bytes()
    decoded = decode(_with_nuls(data, 3), "x")
    assert decoded.nul_bytes == 3 and decoded.text == data.decode()


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,  # an image: NULs everywhere
    "The text in UTF-16, without a BOM.".encode("utf-16-le"),  # every other byte a NUL
    bytes(range(256)) * 40,  # compressed or random bytes: few NULs, many other controls
    b'{"text": "nul \x00 byte"}',  # one NUL in a few bytes is not a stray in a text
])
def test_binary_data_is_still_refused(data):
    with pytest.raises(InputError, match="binary"):
        decoding.drop_stray_nuls(data, "x")


def test_text_file_with_stray_nuls_is_cleaned_like_without(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(_with_nuls(AP_SEED.read_bytes(), 4))
    proc = run(path)
    assert proc.stdout == run(AP_SEED).stdout
    assert proc.stderr.decode().strip() == f"clean: warning: {path}: 4 stray NUL bytes dropped"


def test_binary_text_input_still_exits_2():
    proc = run(stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, check_code=2)
    assert proc.stderr.count(b"\n") == 1 and b"binary" in proc.stderr


def test_jsonl_records_with_stray_nuls_are_cleaned_and_counted():
    text = AP_SEED.read_text(encoding="utf-8")
    line = json.dumps({"id": 1, "text": text}).encode()
    assert len(line) > 500
    # Raw NULs in the JSON line, between tokens and inside the string.
    noisy = line[:1] + b"\x00" + line[1:300] + b"\x00" + line[300:]
    proc = run("--jsonl", "-j", "1", stdin=noisy + b"\n" + line + b"\n")
    first, second = proc.stdout.splitlines()
    assert first == second
    assert b"2 stray NUL bytes dropped" in proc.stderr


# --- HTML pages ---------------------------------------------------------------------------------

def _page() -> bytes:
    from tests.test_html import article_page

    return article_page().encode()


def test_page_with_stray_nuls_is_a_page():
    from clean.html import HtmlCleaner

    page = _page()
    noisy = _with_nuls(page, 3)
    pages = HtmlCleaner()
    clean, cleaned_noisy = pages.clean(page), pages.clean(noisy)
    assert cleaned_noisy.nul_bytes == 3 and clean.nul_bytes == 0
    assert cleaned_noisy.article == clean.article and cleaned_noisy.article.extractor == "trafilatura"


def test_html_file_with_stray_nuls_is_cleaned_by_the_command(tmp_path):
    page = _page()
    path = tmp_path / "page.html"
    path.write_bytes(_with_nuls(page, 2))
    proc = run(path)  # detected as HTML, NULs and all
    assert proc.stdout == run("--html", "-", stdin=page).stdout and b"<p>" not in proc.stdout
    assert b"2 stray NUL bytes dropped" in proc.stderr


def test_a_stray_nul_before_the_doctype_still_reads_as_html():
    from clean.html import looks_like_html

    page = _page()
    assert looks_like_html(b"\x00" + page) and looks_like_html(page[:5] + b"\x00" + page[5:])
    assert not looks_like_html(b"\x00\x00 plain text, <p>with a tag</p>")


def test_jsonl_html_record_with_stray_nuls_is_cleaned_and_counted():
    page = _page().decode()
    noisy = page.replace("<p>", "\x00<p>", 3)  # written "\u0000" in the JSON line
    lines = [json.dumps({"id": n, "html": p}).encode() for n, p in enumerate([page, noisy])]
    proc = run("--jsonl", "-j", "1", stdin=b"\n".join(lines) + b"\n")
    first, second = (json.loads(line) for line in proc.stdout.splitlines())
    assert second["text"] == first["text"] and second["metadata"] == first["metadata"]
    assert "3 stray NUL bytes dropped" in proc.stderr.decode()


def test_binary_page_is_still_refused():
    from clean.html import HtmlCleaner, PageError

    with pytest.raises(PageError, match="binary"):
        HtmlCleaner().clean(b"<html>" + bytes(range(256)) * 40)
    with pytest.raises(PageError, match="binary"):
        HtmlCleaner().clean(b"<html><body>\x00\x00\x00\x00</body></html>")


# --- compressed input ---------------------------------------------------------------------------

def _cut(data: bytes) -> bytes:
    return data[:len(data) * 2 // 3]


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
@pytest.mark.parametrize("jsonl", [False, True])
def test_a_truncated_compressed_file_fails_alike(tmp_path, suffix, jsonl):
    import zstandard

    data = SEED.read_bytes()
    if jsonl:
        data = b"".join(json.dumps({"id": n, "text": data.decode()}).encode() + b"\n" for n in range(30))
    packed = gzip.compress(data) if suffix == ".gz" else zstandard.ZstdCompressor().compress(data)
    whole, cut = tmp_path / f"whole{suffix}", tmp_path / f"cut{suffix}"
    whole.write_bytes(packed)
    cut.write_bytes(_cut(packed))
    args = ["--jsonl", "-j", "1"] if jsonl else []
    from clean.readers import read_bytes

    assert read_bytes(str(whole)) == data  # the file whole is good: only the cut fails
    proc = run(*args, cut, check_code=2)
    errors = [line for line in proc.stderr.decode().splitlines() if "error" in line]
    assert len(errors) == 1 and str(cut) in errors[0] and b"Traceback" not in proc.stderr


def _frames():
    """zstd data of every shape the frame walker must follow: with and without content size and
    checksum, raw, RLE and compressed blocks, several frames, a skippable frame, a stream."""
    import io

    import zstandard

    text = SEED.read_bytes()
    runs = b"a" * 300_000 + b"b" * 10  # RLE blocks
    noise = bytes(range(256)) * 700  # raw blocks
    yield "plain", zstandard.ZstdCompressor().compress(text)
    yield "checksum", zstandard.ZstdCompressor(write_checksum=True, write_content_size=False).compress(runs)
    yield "raw blocks", zstandard.ZstdCompressor(level=1).compress(noise[:5000] + text)
    yield "empty frame", zstandard.ZstdCompressor().compress(b"")
    skippable = (0x184D2A5A).to_bytes(4, "little") + (5).to_bytes(4, "little") + b"12345"
    yield "frames", (zstandard.ZstdCompressor().compress(text[:900]) + skippable
                     + zstandard.ZstdCompressor(write_checksum=True).compress(text[900:]))
    out = io.BytesIO()
    with zstandard.ZstdCompressor(level=19).stream_writer(out, closefd=False) as w:
        w.write(text)
        w.flush(zstandard.FLUSH_BLOCK)
        w.write(runs)
    yield "stream", out.getvalue()


def _read_zst(data: bytes) -> bytes:
    import io

    from clean import compression

    return compression.reader(io.BytesIO(data), "x.zst").read()


def test_every_cut_inside_a_zst_frame_is_an_error():
    import zstandard

    for label, data in _frames():
        whole = _read_zst(data)
        assert whole == zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True).read(), label
        boundaries = {0, len(data)}
        if label == "frames":
            boundaries |= {data.index(b"\x5a\x2a\x4d\x18"), data.index(b"12345") + 5}
        step = max(1, len(data) // 400)
        for cut in [*range(0, len(data), step), len(data) - 1]:
            if cut in boundaries:
                continue
            with pytest.raises((EOFError, zstandard.ZstdError)):
                _read_zst(data[:cut])


@pytest.mark.parametrize("direction", ["read", "write"])
def test_zst_without_zstandard_is_one_line_and_exit_2(tmp_path, direction):
    """The command in an interpreter where zstandard cannot be imported (an installation made
    without the dependencies)."""
    import subprocess
    import sys

    source = tmp_path / "in.txt.zst" if direction == "read" else SEED
    if direction == "read":
        source.write_bytes(b"\x28\xb5\x2f\xfd not read")
    target = tmp_path / "out.txt.zst"
    code = ("import sys\nsys.modules['zstandard'] = None\nfrom clean.commands import main\n"
            "main(sys.argv[1:])\n")
    args = [source] + (["-o", target] if direction == "write" else [])
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, timeout=120)
    assert proc.returncode == 2, proc.stderr.decode()
    assert proc.stderr.decode().splitlines() == [
        "clean: error: reading or writing .zst needs the zstandard package, which is not installed: "
        "pip install zstandard (or reinstall clean-article)"]
    assert not target.exists() and [p.name for p in tmp_path.iterdir()] == (["in.txt.zst"] if direction == "read" else [])
