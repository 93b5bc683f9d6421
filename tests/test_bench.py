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
