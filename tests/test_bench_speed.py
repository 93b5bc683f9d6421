"""The speed benchmark's corpus building and floor reference, on a small made-up dev folder."""

import json

import pytest

from clean.bench import speed


def _inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.jsonl").write_text(
            "".join(json.dumps({"id": f"p{i}", "text": f"{name} line one\nline two {i}"}) + "\n" for i in range(3)),
            encoding="utf-8")
    return sorted(folder.glob("*.jsonl"))


def test_corpus_is_whole_passes_over_every_rendering(tmp_path):
    inputs = _inputs(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    docs, size = speed.build_corpus(inputs, corpus, megabytes=0.0005)  # 500 bytes: two passes of ~300
    lines = corpus.read_bytes().splitlines()
    assert docs == len(lines) and docs % 6 == 0 and docs >= 6 and size == corpus.stat().st_size
    ids = [json.loads(line)["id"] for line in lines]
    assert len(set(ids)) == len(ids) and ids[0] == "a/p0/0"
    sample = tmp_path / "sample.jsonl"
    assert speed.build_sample(inputs, sample, wanted=3)[0] == 3


def test_floor_writes_the_records_back(tmp_path):
    inputs = _inputs(tmp_path)
    corpus = tmp_path / "corpus.jsonl"
    speed.build_corpus(inputs, corpus, megabytes=0)
    out = tmp_path / "floor.jsonl"
    result = speed.floor(str(corpus), str(out))
    assert result["seconds"] >= 0 and result["cpu"] >= 0
    assert [json.loads(x) for x in out.read_text().splitlines()] == \
        [json.loads(x) for x in corpus.read_text().splitlines()]


def test_import_time_is_read_from_pythons_import_timer():
    assert 0 < speed.import_ms(runs=1) < 10_000


def test_c4_reference_keeps_the_lines_its_rules_keep(tmp_path):
    pytest.importorskip("datatrove")
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "a", "text": "Share this\nThe council met on Tuesday to vote on the plan.\nIt passed."},
               {"id": "b", "text": "A page with code { in it.\nThe second line is also prose here."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "c4.jsonl"
    result = speed.c4_line_rules(str(corpus), str(out))
    texts = [json.loads(x)["text"] for x in out.read_text().splitlines()]
    # Under three words or no closing punctuation: the line goes; a curly bracket drops the page.
    assert texts == ["The council met on Tuesday to vote on the plan.", ""]
    assert result["note"] == "1 documents dropped whole"
