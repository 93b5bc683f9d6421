"""The Multi-News bench maps removals to lines and scores them against a line gold.

The records are made up here, in the shape of Multi-News (stories joined by |||||, lines by
NEWLINE_CHAR); none is taken from the dataset.
"""

import gzip
import json

from clean.bench import __main__ as bench
from clean.bench import multinews

BODY_A = ("The city council voted on Tuesday to approve the new budget after a debate that lasted "
          "well into the night, with members arguing over road repairs and school funding.")
BODY_B = "Rescue teams searched the rubble through the night and found two survivors by dawn."
BODY_C = "The mayor said the vote showed the council could still work together on hard choices."
LONG = " ".join(["Officials said the repairs would take months to finish and cost more than planned"] * 3) + "."

RECORDS = [
    {"id": "r1",
     "document": f"Advertisement NEWLINE_CHAR {BODY_A} NEWLINE_CHAR NEWLINE_CHAR {BODY_C} "
                 f"||||| {BODY_B} NEWLINE_CHAR Share this story",
     "summary": "The council approved the budget; survivors were found by dawn."},
    {"id": "r2", "document": f"{LONG} NEWLINE_CHAR {BODY_B}", "summary": "Repairs take months."},
]


def _gold_rows():
    rows = [
        ("r1", 0, 0, "residue", "advert"),
        ("r1", 0, 1, "body", None),
        ("r1", 0, 2, "body", None),
        ("r1", 1, 0, "body", None),
        ("r1", 1, 1, "residue", "share"),
        ("r2", 0, 0, "body", None),
        ("r2", 0, 1, "body", None),
    ]
    return [{"id": i, "story": s, "line": n, "label": lab, "reason": r, "residue_text": None,
             "head": "", "note": None} for i, s, n, lab, r in rows]


def _write(path, rows, gz=False):
    data = "".join(json.dumps(r) + "\n" for r in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(data)
    else:
        path.write_text(data, encoding="utf-8")


def test_lines_are_numbered_per_story_and_skip_empty_ones():
    doc = RECORDS[0]["document"]
    lines = multinews.split_lines(doc)
    assert [(l.story, l.index) for l in lines] == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
    assert doc[lines[0].start:lines[0].end] == "Advertisement"
    assert doc[lines[4].start:lines[4].end] == "Share this story"


def test_cut_pieces_and_fragments():
    doc = "Lorem caption 1.5m in length was found here."
    line = multinews.Line(0, 0, 0, len(doc))
    # A cut ending inside "1.5m": what is left opens on ".5m".
    cut = multinews.line_cut(doc, line, [(0, doc.index(".5m"), "caption")])
    assert cut["lost_any"] and cut["kept_any"] and cut["reasons"] == ["caption"]
    assert [f["why"] for f in multinews.fragments(doc, line, cut)] == ["starts on closing punctuation"]
    # Inside a word.
    cut = multinews.line_cut(doc, line, [(0, doc.index("aption"), "caption")])
    assert [f["why"] for f in multinews.fragments(doc, line, cut)] == ["starts inside a word"]
    # A clean cut of a leading sentence leaves no fragment.
    doc2 = "Photo: Jane Doe. The bridge opened on Monday."
    line2 = multinews.Line(0, 0, 0, len(doc2))
    cut = multinews.line_cut(doc2, line2, [(0, doc2.index("The"), "credit")])
    assert multinews.fragments(doc2, line2, cut) == []
    # A lower-case remainder, and one with nothing but punctuation.
    cut = multinews.line_cut(doc2, line2, [(0, doc2.index("bridge"), "credit")])
    assert [f["why"] for f in multinews.fragments(doc2, line2, cut)] == ["starts in lower case"]
    cut = multinews.line_cut(doc2, line2, [(0, len(doc2) - 1, "credit")])
    assert [f["why"] for f in multinews.fragments(doc2, line2, cut)] == ["no letter or digit"]


def test_mixed_line_scores_its_two_parts():
    doc = "Jane Doe/AFP The bridge opened on Monday."
    line = multinews.Line(0, 0, 0, len(doc))
    exact = multinews.line_cut(doc, line, [(0, 13, "credit")])
    assert multinews._score_mixed(doc, line, "Jane Doe/AFP", exact) == (True, True)
    short = multinews.line_cut(doc, line, [(0, 4, "credit")])
    assert multinews._score_mixed(doc, line, "Jane Doe/AFP", short) == (False, True)
    long = multinews.line_cut(doc, line, [(0, 20, "credit")])
    assert multinews._score_mixed(doc, line, "Jane Doe/AFP", long) == (True, False)


def test_scores_against_a_gold(tmp_path, capsys):
    data = tmp_path / "set"
    data.mkdir()
    _write(data / "records.jsonl.gz", RECORDS, gz=True)
    _write(tmp_path / "gold.jsonl", _gold_rows())
    out = tmp_path / "report.json"
    code = bench.main(["multinews", "--data", str(data), "--gold", str(tmp_path / "gold.jsonl"),
                       "--json", str(out)])
    assert code == 0
    report = json.loads(out.read_text())
    assert report["records"] == 2 and report["stories"] == 3 and report["lines"] == 7
    assert report["residue_lines"] == 2 and report["residue_removed"] == 1.0
    assert report["residue_by_reason"] == {"advert": {"lines": 1, "removed": 1},
                                           "share": {"lines": 1, "removed": 1}}
    assert report["body_lines"] == 5 and report["body_kept"] == 1.0
    assert report["records_losing_body"] == 0 and report["fragments"] == 0
    assert "residue lines removed: 2/2" in capsys.readouterr().out


def test_a_lost_body_line_and_a_kept_residue_line_are_listed(tmp_path):
    gold = {(g["id"], g["story"], g["line"]): g for g in _gold_rows()}
    # Call the advert line body and the long paragraph residue: the cleaner now "loses" body and
    # "keeps" residue, which the report must name line by line.
    gold[("r1", 0, 0)] = {**gold[("r1", 0, 0)], "label": "body", "reason": None}
    gold[("r2", 0, 0)] = {**gold[("r2", 0, 0)], "label": "residue", "reason": "other"}
    report = multinews.run(RECORDS, gold)
    assert report["records_losing_body"] == 1
    assert [(r["id"], r["story"], r["line"], r["reason"]) for r in report["body_lines_lost"]] == \
        [("r1", 0, 0, "advert")]
    assert report["paragraphs_lost"] == 0
    assert [(r["id"], r["line"], r["reason"]) for r in report["residue_lines_missed"]] == [("r2", 0, "other")]
    assert report["residue_removed"] == 0.5


def test_summary_words_lost(tmp_path):
    recs = [{"id": "s", "document": "Advertisement NEWLINE_CHAR " + BODY_B,
             "summary": "An advertisement; rescue teams found survivors."}]
    report = multinews.run(recs, None)
    # "advertisement" was in the source and is gone; the other summary words the source holds stay.
    assert report["summary_words_lost"] == 1
    assert report["summary_losses"][0]["lost"] == ["advertisement"]
    assert "residue_lines" not in report


def _gold_for(rec_id, labels):
    return {(rec_id, 0, n): {"label": lab, "reason": None if lab == "body" else "advert",
                             "residue_text": None}
            for n, lab in enumerate(labels)}


def test_summary_words_lost_are_told_apart_by_the_gold():
    recs = [{"id": "s", "document": "Advertisement NEWLINE_CHAR " + BODY_B,
             "summary": "An advertisement; rescue teams found survivors."}]
    # The gold calls the lost line residue: the summary cited residue, the body lost nothing.
    report = multinews.run(recs, _gold_for("s", ["residue", "body"]))
    assert report["summary_words_lost"] == 1 and report["records_losing_summary"] == 1
    assert report["summary_words_lost_body"] == 0 and report["records_losing_summary_body"] == 0
    assert report["summary_losses"][0]["from_body"] == []
    # Called body, the same line's loss is the body's.
    report = multinews.run(recs, _gold_for("s", ["body", "body"]))
    assert report["summary_words_lost_body"] == 1 and report["records_losing_summary_body"] == 1
    assert report["summary_losses"][0]["from_body"] == ["advertisement"]
    assert "through body: 1" in multinews.format_table(report)


def test_floors_pass_and_fail(tmp_path, capsys):
    data = tmp_path / "set"
    data.mkdir()
    _write(data / "records.jsonl", RECORDS)
    _write(tmp_path / "gold.jsonl", _gold_rows())
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"min": {"residue_removed": 0.9, "body_kept": 0.99},
                                  "max": {"fragments": 0, "records_losing_paragraph": 0}}))
    args = ["multinews", "--data", str(data), "--gold", str(tmp_path / "gold.jsonl"), "--check", str(floors)]
    assert bench.main(args) == 0
    floors.write_text(json.dumps({"min": {"residue_removed": 1.01}}))
    assert bench.main(args) == 1
    assert "residue_removed" in capsys.readouterr().out


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    assert bench.main(["multinews", "--data", str(tmp_path)]) == 2
    assert "records.jsonl" in capsys.readouterr().err
    data = tmp_path / "set"
    data.mkdir()
    _write(data / "records.jsonl", RECORDS)
    _write(tmp_path / "gold.jsonl", _gold_rows()[:-1])
    assert bench.main(["multinews", "--data", str(data), "--gold", str(tmp_path / "gold.jsonl")]) == 2
    assert "gold has no line" in capsys.readouterr().err
    (tmp_path / "floors.json").write_text(json.dumps({"min": {"f1": 0.9}}))
    assert bench.main(["multinews", "--data", str(data), "--check", str(tmp_path / "floors.json")]) == 2
