"""The quality bench reads plain or gzipped JSONL and its gate fails below the pinned floors."""

import gzip
import json

from clean.bench import __main__ as bench

GOLD = [
    {"id": "a", "text": "The council approved the new budget on Tuesday after a long debate."},
    {"id": "b", "text": "Rescue teams searched the rubble through the night for survivors."},
]
INPUT = [
    {"id": "a", "text": "TOP STORIES\nThe council approved the new budget on Tuesday after a long debate."},
    {"id": "b", "text": "Rescue teams searched the rubble through the night for survivors.\nAdvertisement"},
]


def _write(path, rows, gz):
    data = "".join(json.dumps(r) + "\n" for r in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(data)
    else:
        path.write_text(data, encoding="utf-8")


def _dataset(tmp_path, gz):
    (tmp_path / "inputs").mkdir(parents=True)
    _write(tmp_path / ("gold.jsonl.gz" if gz else "gold.jsonl"), GOLD, gz)
    _write(tmp_path / "inputs" / ("page.jsonl.gz" if gz else "page.jsonl"), INPUT, gz)
    return tmp_path


def _report(capsys, *args):
    code = bench.main(["quality", *args, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_gzipped_and_plain_sets_score_the_same(tmp_path, capsys):
    plain = _dataset(tmp_path / "plain", gz=False)
    zipped = _dataset(tmp_path / "zipped", gz=True)
    code_p, report_p, _ = _report(capsys, "--data", str(plain))
    code_z, report_z, _ = _report(capsys, "--data", str(zipped))
    assert code_p == code_z == 0
    assert set(report_z["renderings"]) == {"page", "gold"}
    assert report_p["renderings"] == report_z["renderings"]
    after = report_z["renderings"]["page"]["after"]
    assert after["f1"] == 1.0 and report_z["renderings"]["page"]["before"]["f1"] < 1.0


def test_gate_passes_at_its_floors_and_fails_above_them(tmp_path, capsys):
    data = _dataset(tmp_path, gz=True)
    floors = tmp_path / "floors.json"
    code, _, _ = _report(capsys, "--data", str(data), "--write-floors", str(floors))
    assert code == 0
    written = json.loads(floors.read_text())
    assert 0.99 <= written["page"]["f1"] < 1.0
    code, _, _ = _report(capsys, "--data", str(data), "--check", str(floors))
    assert code == 0
    written["page"]["f1"] = 1.01
    floors.write_text(json.dumps(written))
    code, _, err = _report(capsys, "--data", str(data), "--check", str(floors))
    assert code == 1
    assert "page: f1" in err


SNIPPETS = [
    {"id": "a", "with": ["approved the new budget"], "without": ["TOP STORIES"]},
    {"id": "b", "with": ["searched the rubble"], "without": ["Advertisement"]},
]


def _snippet_set(tmp_path):
    (tmp_path / "inputs").mkdir(parents=True)
    _write(tmp_path / "snippets.jsonl", SNIPPETS, gz=False)
    _write(tmp_path / "inputs" / "page.jsonl", INPUT, gz=False)
    return tmp_path


def test_snippet_set_scores_before_and_after_per_language(tmp_path, capsys):
    data = _snippet_set(tmp_path / "trafi")
    code, report, _ = _report(capsys, "--trafi", str(data))
    assert code == 0
    row = report["trafi"]["renderings"]["page"]
    assert row["before"]["residue"] == 1.0 and row["before"]["recall"] == 1.0
    assert row["after"] == {**row["after"], "f": 1.0, "residue": 0.0, "lost": 0.0, "better": 2, "worse": 0,
                            "emptied": 0}
    assert report["trafi"]["languages"]["en"]["page"]["after"]["docs"] == 2


def test_snippet_floors_and_ceilings_gate_the_run(tmp_path, capsys):
    gold = _dataset(tmp_path / "zyte", gz=False)
    data = _snippet_set(tmp_path / "trafi")
    floors = tmp_path / "floors.json"
    code, _, _ = _report(capsys, "--data", str(gold), "--trafi", str(data), "--write-floors", str(floors))
    assert code == 0
    written = json.loads(floors.read_text())
    assert written["trafi/page"]["lost"] <= 0.001 and written["trafi/page"]["worse"] == 0
    # A run of the gold set alone keeps the snippet floors, and does not check them.
    code, _, err = _report(capsys, "--data", str(gold), "--write-floors", str(floors), "--check", str(floors))
    assert code == 0 and "not checked" in err and "trafi/page" in json.loads(floors.read_text())
    written["trafi/page"]["residue"] = -0.5
    floors.write_text(json.dumps(written))
    code, _, err = _report(capsys, "--trafi", str(data), "--check", str(floors))
    assert code == 1 and "trafi/page: residue" in err


def test_a_set_is_required(capsys):
    assert bench.main(["quality"]) == 2
    assert "--trafi" in capsys.readouterr().err
