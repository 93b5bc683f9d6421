#!/usr/bin/env python3
"""Fuzz the JSON lines path with atheris: any bytes in, one record out per record in.

    pip install atheris
    python fuzz/fuzz_jsonl.py -max_total_time=600 -timeout=30 -dict=fuzz/jsonl.dict fuzz/corpus-jsonl

Each input is used twice. As raw bytes it is a JSONL file: the reader yields one line per "\\n"
(a last line without one counts too), and `clean --jsonl` over it exits 0 writing exactly as
many lines as it read, or refuses binary input (NUL bytes) with exit 2; nothing else may
escape. As a string it becomes the text field of one record written with raw U+2028, U+0085,
lone CRs and all: that record must come back as exactly one line holding the same text.
"""

import json
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from click.testing import CliRunner

    from clean.cli import main as clean_main
    from clean.readers import InputError, decode, read_lines

RUNNER = CliRunner()
FOLDER = tempfile.mkdtemp(prefix="fuzz-jsonl-")
PATH = os.path.join(FOLDER, "input.jsonl")


def lines_of(data: bytes) -> list[tuple[int, bytes]]:
    with open(PATH, "wb") as f:
        f.write(data)
    return list(read_lines(PATH))


def check_bytes(data: bytes) -> None:
    lines = lines_of(data)
    expected = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    assert len(lines) == expected, f"{len(lines)} lines read, {expected} in the input"
    assert [n for n, _ in lines] == list(range(1, expected + 1)), "line numbers are not 1, 2, 3, ..."
    for _, raw in lines:
        assert b"\n" not in raw
        try:
            decode(raw, "input")
        except InputError:
            assert b"\x00" in raw, "decode refused a line without NUL bytes"
    result = RUNNER.invoke(clean_main, ["--jsonl", PATH])
    if result.exit_code == 2 and b"\x00" in data:
        return
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.stderr_bytes!r}"
    assert result.stdout_bytes.count(b"\n") == expected, "records in and out differ"


def check_record(text: str) -> None:
    line = json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode("utf-8", "surrogatepass")
    lines = lines_of(line + b"\n")
    assert len(lines) == 1 and lines[0][1] == line, "one record was read as several lines"
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        assert json.loads(decode(lines[0][1], "input").text)["text"] == text
    result = RUNNER.invoke(clean_main, ["--jsonl", PATH])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.stderr_bytes!r}"
    out = result.stdout_bytes.split(b"\n")
    assert len(out) == 2 and out[1] == b"", "one record in, not one record out"
    assert isinstance(json.loads(out[0].decode("utf-8", "replace"))["text"], str)


def test_one_input(data: bytes) -> None:
    check_bytes(data)
    check_record(atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data)))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
