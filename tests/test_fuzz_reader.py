"""The JSON lines reader on any bytes: it splits records on "\\n" only, never loses or invents
one, and refuses nothing but binary input (the documented InputError)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clean.readers import InputError, decode, read_lines

# Bytes that trip up line splitting and decoding: every Unicode line break in UTF-8, CR and
# CRLF, BOMs, invalid and truncated sequences, NUL, and JSON's own punctuation.
NASTY = [
    b"\n", b"\r", b"\r\n", b"\x0b", b"\x0c", b"\x1c", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9",
    b"\xef\xbb\xbf", b"\xff", b"\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00",
    b'{"text": "', b'"}', b"\\u2028", b"\\ud800", b"\\n", b"\\", b'"', b"{", b"}", b"[", b"]", b"null", b"a b",
]
chunks = st.lists(st.one_of(st.sampled_from(NASTY), st.binary(max_size=30)), max_size=40).map(b"".join)
# Strings JSON writes raw (ensure_ascii=False) although Unicode calls them line breaks.
INSIDE = ["\u2028", "\u2029", "\u0085", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\ufeff", "\u200b"]
texts = st.lists(st.one_of(st.sampled_from(INSIDE), st.text(max_size=20)), max_size=20).map("".join)

FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _read(tmp_path, data: bytes) -> list[tuple[int, bytes]]:
    path = tmp_path / "input.jsonl"
    path.write_bytes(data)
    return list(read_lines(str(path)))


@pytest.mark.slow
@FUZZ
@given(chunks)
def test_any_bytes_give_one_record_per_newline(tmp_path, data):
    lines = _read(tmp_path, data)
    expected = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    assert [n for n, _ in lines] == list(range(1, expected + 1))
    # Rejoined, the lines are the input again (less the CR of each CRLF line end).
    parts = data.split(b"\n") if data else []
    if data.endswith(b"\n"):
        parts.pop()
    assert [raw for _, raw in lines] == [p[:-1] if p.endswith(b"\r") and i < data.count(b"\n") else p
                                         for i, p in enumerate(parts)]


@pytest.mark.slow
@FUZZ
@given(chunks)
def test_decoding_any_bytes_refuses_only_binary(data):
    try:
        decoded = decode(data, "input")
    except InputError:
        assert b"\x00" in data
        return
    assert decoded.nul_bytes == data.count(b"\x00") and "\x00" not in decoded.text
    data = data.replace(b"\x00", b"")  # stray NULs are dropped
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    assert decoded.text == body.decode("utf-8", "replace")
    assert (decoded.invalid > 0) == (body.decode("utf-8", "replace") != body.decode("utf-8", "surrogateescape"))


@pytest.mark.slow
@FUZZ
@given(st.lists(texts, min_size=1, max_size=5))
def test_records_holding_unicode_line_breaks_are_never_split(tmp_path, strings):
    records = [json.dumps({"id": i, "text": s}, ensure_ascii=False).encode("utf-8") for i, s in enumerate(strings)]
    lines = _read(tmp_path, b"\n".join(records) + b"\n")
    assert [raw for _, raw in lines] == records
    assert [json.loads(decode(raw, "input").text)["text"] for _, raw in lines] == strings


@pytest.mark.parametrize("inside", INSIDE + ["\ud800", "\udfff"])
def test_a_record_with_a_raw_line_break_or_lone_surrogate_is_one_record(tmp_path, inside):
    record = json.dumps({"text": f"before{inside}after"}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    lines = _read(tmp_path, record + b"\r\n" + record)
    assert [raw for _, raw in lines] == [record, record]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@pytest.mark.slow
@given(chunks)
def test_the_jsonl_filter_writes_one_line_per_line_read(tmp_path, data):
    from click.testing import CliRunner

    from clean.cli import main

    path = tmp_path / "input.jsonl"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["--jsonl", str(path)])
    if b"\x00" in data and result.exit_code == 2:
        return  # binary input refused as a whole
    assert result.exit_code == 0, (result.exception, result.stderr_bytes)
    expected = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    assert result.stdout_bytes.count(b"\n") == expected
