"""The stage bench: the pipeline's stages timed apart on a small made-up set, and the native
core's calls named."""

import gzip
import json

from clean.bench import __main__ as bench, stages

TEXTS = ["Breaking News\nThe council met on Tuesday to vote on the plan, which passed.\nShare this",
         "By Jane Doe\nA second story opens here, and it runs to a full sentence.\nAdvertisement"]


def _set(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text(json.dumps({"id": "1", "text": TEXTS[0]}) + "\n", encoding="utf-8")
    with gzip.open(inputs / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "2", "text": TEXTS[1]}) + "\n")
    return tmp_path


def test_texts_are_read_plain_and_gzipped(tmp_path):
    assert stages.read_texts(_set(tmp_path)) == TEXTS


def test_every_stage_is_timed_and_the_native_calls_named(tmp_path, capsys):
    assert bench.main(["stages", "--data", str(_set(tmp_path)), "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    for stage in ("build the document", "line judges", "headline", "footer", "decide", "total"):
        assert f"| {stage} |" in out
    assert "<built-in method clean._core.judge_lines> | 1.00 |" in out
    assert "<built-in method clean._core.segment> | 1.00 |" in out
    assert "at most " in out and " docs/s" in out


def test_stages_follow_the_pipeline():
    timed = stages.time_stages(TEXTS, rounds=1)
    assert all(seconds >= 0 for seconds in timed.values())
    native, calls = stages.native_share(TEXTS)
    assert native == sum(seconds for _, _, seconds in calls) > 0
    assert {name for name, _, _ in calls} >= {"<built-in method clean._core.judge_lines>",
                                              "<built-in method clean._core.lines>"}


def test_a_set_without_texts_is_refused(tmp_path, capsys):
    (tmp_path / "inputs").mkdir()
    assert bench.main(["stages", "--data", str(tmp_path)]) == 2
    assert "no texts under" in capsys.readouterr().err
