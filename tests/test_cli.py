"""The installed `clean` command, run as a user runs it: stdin/stdout, files, gzip, JSONL."""

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seeds" / "000_59105e75d0756e0d.txt"
AP_SEED = FIXTURES / "seeds" / "004_c910254738e46e95.txt"
SEEDS = {c["input_file"]: c for c in json.loads((FIXTURES / "seeds.json").read_text(encoding="utf-8"))}
CLEAN = shutil.which("clean", path=str(Path(sys.executable).parent)) or shutil.which("clean")


def run(*args, stdin: bytes = b"", check_code: int | None = 0):
    assert CLEAN, "the clean command is not installed"
    proc = subprocess.run([CLEAN, *map(str, args)], input=stdin, capture_output=True, timeout=120)
    if check_code is not None:
        assert proc.returncode == check_code, proc.stderr.decode()
    return proc


def expected_body(path: Path) -> str:
    return SEEDS[f"seeds/{path.name}"]["body"]


def test_file_to_stdout():
    out = run(SEED).stdout.decode()
    assert out == expected_body(SEED) + "\n"


def test_stdin_with_dash_and_without_arguments():
    data = SEED.read_bytes()
    assert run("-", stdin=data).stdout == run(stdin=data).stdout == run(SEED).stdout


def test_gzip_file_is_read_transparently(tmp_path):
    packed = tmp_path / "seed.txt.gz"
    packed.write_bytes(gzip.compress(SEED.read_bytes()))
    assert run(packed).stdout == run(SEED).stdout


def test_several_files_are_separated_by_a_form_feed():
    out = run(SEED, AP_SEED).stdout.decode()
    first, second = out.split("\f\n")
    assert first == expected_body(SEED) + "\n"
    assert second == expected_body(AP_SEED) + "\n"


def test_format_json_carries_metadata_and_spans():
    obj = json.loads(run("--format", "json", SEED).stdout)
    raw = SEED.read_text(encoding="utf-8")
    assert obj["text"] == expected_body(SEED)
    assert obj["source"] == "Xinhua" and obj["byline"]
    reasons = {r for _, _, r in obj["removed"]}
    assert {"metadata", "player", "nav-label", "tracking-id"} <= reasons
    tracking = [raw[s:e] for s, e, r in obj["removed"] if r == "tracking-id"]
    assert tracking == ["010020070750000000000000011105521365662021"]


def test_explain_marks_lines_with_reasons():
    out = run("--explain", "--no-color", AP_SEED).stdout.decode()
    assert "- title" in out and "duplicate-title" in out and "caption" in out
    assert "\x1b[" not in out
    coloured = run("--explain", "--color", AP_SEED).stdout.decode()
    assert "\x1b[31m" in coloured


def test_keep_and_drop_switch_families():
    kept = run("--keep", "captions", AP_SEED).stdout.decode()
    assert "(AP Photo" in kept
    dropped = run("--drop", "dateline", AP_SEED).stdout.decode()
    assert not dropped.startswith("BEIRUT (AP)")
    assert run("--keep", "no-such-reason", AP_SEED, check_code=2).stderr


def test_empty_input_gives_empty_output():
    proc = run(stdin=b"")
    assert proc.stdout == b""


def test_invalid_utf8_is_replaced_with_one_warning():
    proc = run(stdin=SEED.read_bytes() + b"\nbad \xff\xfe bytes in the tail of the story.\n")
    assert proc.stderr.decode().count("invalid UTF-8") == 1
    assert b"Livid with shock" in proc.stdout


def test_binary_input_is_refused_with_status_2():
    proc = run(stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", check_code=2)
    assert b"binary" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_missing_file_is_a_clear_error():
    proc = run("/no/such/file.txt", check_code=2)
    assert b"/no/such/file.txt" in proc.stderr and b"Traceback" not in proc.stderr


def _jsonl(*records) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n" for r in records)


def test_jsonl_cleans_text_and_passes_other_fields_in_order():
    raw = SEED.read_text(encoding="utf-8")
    stdin = _jsonl({"id": 1, "url": "http://xinhuanet.com/x", "text": raw, "metadata": {"lang": "en"}, "z": [1]})
    proc = run("--jsonl", stdin=stdin)
    record = json.loads(proc.stdout)
    assert list(record) == ["id", "url", "text", "metadata", "z"]
    assert record["text"] == expected_body(SEED)
    assert record["metadata"]["lang"] == "en"
    clean_meta = record["metadata"]["clean"]
    assert clean_meta["source"] == "Xinhua"
    for start, end, reason in clean_meta["removed"]:
        assert raw[start:end].strip() and reason
    assert "1 records read, 1 cleaned, 0 passed through" in proc.stderr.decode()


def test_jsonl_text_key_and_missing_metadata():
    stdin = _jsonl({"content": AP_SEED.read_text(encoding="utf-8")})
    record = json.loads(run("--jsonl", "--text-key", "content", stdin=stdin).stdout)
    assert record["content"] == expected_body(AP_SEED)
    assert record["metadata"]["clean"]["title"]


def test_broken_jsonl_lines_pass_through_with_line_numbers():
    good = {"text": SEED.read_text(encoding="utf-8")}
    stdin = _jsonl(good, b"{not json", {"other": 1}, b"[1, 2]", good)
    proc = run("--jsonl", stdin=stdin)
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 5
    assert lines[1] == "{not json" and json.loads(lines[2]) == {"other": 1} and lines[3] == "[1, 2]"
    assert json.loads(lines[4])["text"] == expected_body(SEED)
    err = proc.stderr.decode()
    assert "-:2: not valid JSON" in err and "-:3: no string field 'text'" in err and "-:4: not a JSON object" in err
    assert "5 records read, 2 cleaned, 3 passed through" in err
    assert "Traceback" not in err


def test_broken_jsonl_fails_under_strict():
    proc = run("--jsonl", "--strict", stdin=_jsonl({"text": "fine"}, b"{oops"), check_code=1)
    assert b"-:2" in proc.stderr


def test_jsonl_gzip_file(tmp_path):
    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(_jsonl({"text": SEED.read_text(encoding="utf-8")})))
    assert json.loads(run("--jsonl", packed).stdout)["text"] == expected_body(SEED)


def test_jsonl_string_with_unicode_line_separators_stays_one_record():
    text = "First paragraph of the story.\u2028Second paragraph, after a line separator.\u0085Third one."
    proc = run("--jsonl", stdin=_jsonl({"text": text}, {"text": "next"}))
    lines = proc.stdout.split(b"\n")
    assert len([line for line in lines if line]) == 2


def test_multi_news_records_keep_separators_and_newline_tokens():
    ap = AP_SEED.read_text(encoding="utf-8").replace("\n", "NEWLINE_CHAR")
    xinhua = SEED.read_text(encoding="utf-8").replace("\n", "NEWLINE_CHAR")
    stdin = _jsonl({"document": f"{ap} ||||| {xinhua}"})
    proc = run("--jsonl", "--text-key", "document", "--doc-sep", "|||||", "--newline-token", "NEWLINE_CHAR",
               stdin=stdin)
    out = json.loads(proc.stdout)["document"]
    stories = out.split("|||||")
    assert len(stories) == 2
    assert "\n" not in out and "NEWLINE_CHAR NEWLINE_CHAR" in out
    assert "(AP Photo)" not in stories[0] and "TOP STORIES" not in stories[1]
    assert stories[0].strip().startswith("BEIRUT (AP)")


def test_broken_pipe_exits_quietly(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_bytes(_jsonl(*[{"text": SEED.read_text(encoding="utf-8")}] * 300))
    proc = subprocess.run(f"'{CLEAN}' --jsonl '{big}' | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}",
                          shell=True, capture_output=True, executable="/bin/bash", timeout=120)
    assert b"Traceback" not in proc.stderr
    assert proc.stdout.strip() in (b"0", b"141")


@pytest.mark.parametrize("module", [True, False])
def test_version_and_help(module):
    cmd = [sys.executable, "-m", "clean"] if module else [CLEAN]
    proc = subprocess.run([*cmd, "--help"], capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"--jsonl" in proc.stdout
