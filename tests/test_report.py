"""`clean report`: the figures, the sample, the escaping of the page, and the command's errors."""

import json
import re
from pathlib import Path

import pytest
from sites import corpus, write_jsonl
from test_cli import run

from clean.cleaner import Cleaner
from clean.records import JsonlJob, clean_jsonl_line
from clean.report import Collector, Options, ReportJob, collect
from clean.report_html import data_json, page_data, render_page, template
from clean.stats import Stats

HOSTILE_SCRIPT = "</script><script>window.PWNED=1</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.title='PWNED'\">"


def span(text: str, piece: str, reason: str) -> list:
    start = text.index(piece)
    return [start, start + len(piece), reason]


# A made-up corpus, cleaned by hand: what was removed, and why, is known exactly.
RAW = [
    {"id": "a", "url": "https://www.example.com/a", "text": "Title line\nBody one is here.\nAdvertisement\nCafé ad"},
    {"id": "b", "url": "http://example.com/b", "text": "Body two.\nShare this"},
    {"id": "c", "url": "https://news.test/c", "text": "Nothing removed here."},
    {"id": "d", "url": "https://d.test/x", "text": "0123456789abcdefghij"},
]
REMOVED = {
    "a": [span(RAW[0]["text"], "Title line", "title"), span(RAW[0]["text"], "Advertisement", "advert"),
          span(RAW[0]["text"], "Café ad", "advert")],
    "b": [span(RAW[1]["text"], "Share this", "share")],
    "c": [],
    "d": [[0, 10, "caption"], [5, 15, "credit"]],  # overlapping: the overlap counts once, for the first
}
BODIES = {"a": "Body one is here.", "b": "Body two.", "c": "Nothing removed here.", "d": "fghij"}


def cleaned_records():
    return [{"id": r["id"], "url": r["url"], "text": BODIES[r["id"]],
             "metadata": {"clean": {"title": None, "removed": REMOVED[r["id"]]}}} for r in RAW]


def write(path: Path, records) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def report_data(paths, original=None, sample=1000, seed=0, workers=1, **cleaner) -> dict:
    job = ReportJob(Cleaner(**cleaner), "text", "url")
    collector = collect([str(p) for p in paths], job, Options(sample=sample, seed=seed), original, workers=workers)
    return {**collector.data([str(p) for p in paths], original or [], {}), "sample": collector.documents()}


def by_name(data) -> dict:
    return {r["name"]: r for r in data["reasons"]}


def test_figures_of_cleaned_records_with_their_raw_input(tmp_path):
    data = report_data([write(tmp_path / "clean.jsonl", cleaned_records())],
                       original=[write(tmp_path / "raw.jsonl", RAW)])
    assert data["unit"] == "bytes" and data["records"] == 4 and data["without_text"] == 0
    reasons = by_name(data)
    figures = {name: (r["touched"], r["spans"], r["chars"], r["bytes"]) for name, r in reasons.items() if r["spans"]}
    assert figures == {"title": (1, 1, 10, 10), "advert": (1, 2, 20, 21), "share": (1, 1, 10, 10),
                       "caption": (1, 1, 10, 10), "credit": (1, 1, 5, 5)}
    total = data["total"]
    size = sum(len(r["text"].encode()) for r in RAW)
    assert (total["docs"], total["touched"], total["spans"], total["bytes"], total["bytes_in"]) == (4, 3, 6, 56, size)
    sources = {s["name"]: (s["docs"], s["touched"], s["spans"], s["bytes"]) for s in data["sources"]}
    assert sources == {"example.com": (2, 2, 4, 41), "d.test": (1, 1, 2, 15), "news.test": (1, 0, 0, 0)}
    assert [s["name"] for s in data["sources"]] == ["example.com", "d.test", "news.test"]
    assert data["source_count"] == 3
    docs = {d["id"]: d for d in data["sample"]}
    a = docs["a"]
    assert (a["in"], a["rm"], a["rmb"], a["share"]) == (len(RAW[0]["text"]), 30, 31, round(30 / len(RAW[0]["text"]), 4))
    names = [r["name"] for r in data["reasons"]]
    assert [(text, names[r] if r >= 0 else None) for text, r in a["seg"]] == [
        ("Title line", "title"), ("\nBody one is here.\n", None), ("Advertisement", "advert"), ("\n", None),
        ("Café ad", "advert")]
    assert [p if isinstance(p, str) else "".join(t for t, _ in a["seg"])[p[0]:p[1]] for p in a["body"]] == \
        ["Body one is here."]
    assert docs["d"]["rm"] == 15 and docs["c"]["r"] == [] and docs["c"]["share"] == 0


def test_the_page_gets_the_top_sources_of_each_order(tmp_path):
    job = ReportJob(Cleaner(), "text", "url")
    collector = collect([write(tmp_path / "clean.jsonl", cleaned_records())], job, Options(),
                        [write(tmp_path / "raw.jsonl", RAW)])
    # most removed and most documents: example.com; largest share removed: d.test (15 of 20 bytes)
    assert [s["name"] for s in collector.data([], [], {}, top_sources=1)["sources"]] == ["example.com", "d.test"]
    assert collector.data([], [], {}, top_sources=1)["source_count"] == 3


def test_figures_without_the_raw_input_count_characters(tmp_path):
    data = report_data([write(tmp_path / "clean.jsonl", cleaned_records())])
    assert data["unit"] == "chars" and data["without_text"] == 4
    figures = {r["name"]: (r["touched"], r["spans"], r["chars"]) for r in data["reasons"] if r["spans"]}
    assert figures == {"title": (1, 1, 10), "advert": (1, 2, 20), "share": (1, 1, 10), "caption": (1, 1, 10),
                       "credit": (1, 1, 5)}
    a = next(d for d in data["sample"] if d["id"] == "a")
    assert a["seg"] is None and a["body"] == ["Body one is here."] and a["rmb"] is None
    assert a["in"] == 30 + len("Body one is here.")  # removed plus kept: the input's length is not known
    assert [s[:2] for s in a["spans"]] == [s[:2] for s in REMOVED["a"]]


def test_raw_records_are_cleaned_with_the_same_figures_as_clean_jsonl(tmp_path):
    records = corpus(docs_per_site=6)
    raw = write_jsonl(tmp_path / "raw.jsonl", records)
    stats = Stats()
    job = JsonlJob(Cleaner())
    cleaned = tmp_path / "clean.jsonl"
    with open(raw, "rb") as f:
        cleaned.write_bytes(b"".join(clean_jsonl_line(line.rstrip(b"\n"), "x", job, stats) + b"\n" for line in f))
    here = report_data([raw])
    paired = report_data([cleaned], original=[str(raw)])
    assert here["cleaned_here"] == len(records) and paired["cleaned_here"] == 0
    for key in ("reasons", "sources", "total", "unit"):
        assert here[key] == paired[key]
    assert {r["name"]: r["spans"] for r in here["reasons"] if r["spans"]} == stats.removals
    assert {r["name"]: r["bytes"] for r in here["reasons"] if r["spans"]} == stats.removed_bytes
    assert [d["seg"] for d in here["sample"]] == [d["seg"] for d in paired["sample"]]


def test_multi_news_records_are_shown_with_line_breaks_and_story_separators(tmp_path):
    text = ("Advertisement NEWLINE_CHAR NEWLINE_CHAR The council met on Tuesday and voted to keep the library open "
            "for another year. ||||| Share this article NEWLINE_CHAR NEWLINE_CHAR The second story says that "
            "the vote was close and that the budget is tight.")
    path = write(tmp_path / "mn.jsonl", [{"id": "m", "document": text}])
    job = ReportJob(Cleaner(doc_sep="|||||", newline_token="NEWLINE_CHAR"), "document", "url")
    collector = collect([path], job, Options(newline_token="NEWLINE_CHAR", doc_sep="|||||"))
    doc = collector.documents()[0]
    shown = "".join(t for t, _ in doc["seg"])
    assert "NEWLINE_CHAR" not in shown and "\n\n|||||\n\n" in shown
    removed = [t for t, r in doc["seg"] if r >= 0]
    assert removed == ["Advertisement", "Share this article"]
    assert doc["src"] == "[mn.jsonl]"  # no url: grouped by input file


@pytest.fixture(scope="module")
def site_corpus(tmp_path_factory):
    records = corpus(docs_per_site=15)
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    return write_jsonl(path, records), len(records)


def test_sample_is_reproducible_with_a_seed_and_figures_count_every_record(site_corpus):
    path, count = site_corpus
    first = report_data([path], sample=10, seed=3)
    again = report_data([path], sample=10, seed=3, workers=2)
    other = report_data([path], sample=10, seed=4)
    whole = report_data([path], sample=count + 5)
    numbers = [d["n"] for d in first["sample"]]
    assert len(numbers) == 10 == len(set(numbers)) and all(1 <= n <= count for n in numbers)
    assert numbers == [d["n"] for d in again["sample"]]
    assert set(numbers) != {d["n"] for d in other["sample"]}
    assert sorted(d["n"] for d in whole["sample"]) == list(range(1, count + 1))
    for key in ("reasons", "sources", "total"):
        assert first[key] == other[key] == whole[key]
    assert first["total"]["docs"] == count


def test_reservoir_gives_every_record_the_same_chance():
    chosen = [0] * 60
    doc = {"orig": "x", "body": "x", "rm": [], "html": False, "src": "s", "id": None, "url": None, "title": None,
           "at": "f:1"}
    for seed in range(300):
        collector = Collector(Options(sample=10, seed=seed))
        for _ in range(60):
            collector.add(doc, "f:1", None)
        for d in collector.documents():
            chosen[d["n"] - 1] += 1
    # 300 draws of 10 in 60: each record is expected 50 times; far ends of the input alike.
    assert min(chosen) > 25 and max(chosen) < 80
    assert abs(sum(chosen[:30]) - sum(chosen[30:])) < 300


def page(data: dict, nonce=None) -> str:
    """The page of report_data()'s result."""
    return render_page({k: v for k, v in data.items() if k != "sample"}, [data_json(d) for d in data["sample"]], nonce)


def test_hostile_text_stays_data(tmp_path):
    hostile = f"Body {HOSTILE_SCRIPT} and {HOSTILE_IMG} end. {{{{NONCE}}}} {{{{DATA}}}} <!-- <script>"
    records = [{"id": HOSTILE_SCRIPT, "url": f"https://x.test/{HOSTILE_IMG}", "text": f"Advertisement\n{hostile}"}]
    data = report_data([write(tmp_path / "h.jsonl", records)])
    html = page(data)
    assert len(re.findall(r"<script", html, re.I)) == 3
    for block in re.findall(r'<script type="application/json" id="report-[a-z]+">(.*?)</script>', html, re.S):
        assert "<" not in block and ">" not in block and "&" not in block
    assert page_data(html) == json.loads(json.dumps(data))
    shown = "".join(t for t, _ in page_data(html)["sample"][0]["seg"])
    assert HOSTILE_SCRIPT in shown and HOSTILE_IMG in shown and "{{NONCE}}" in shown and "{{DATA}}" in shown
    nonce = re.search(r'<script nonce="([^"]+)">', html).group(1)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and f"script-src 'nonce-{nonce}'" in csp and "unsafe" not in csp
    assert re.search(r'<script nonce="([^"]+)">', page(data)).group(1) != nonce


def test_lone_surrogates_are_written_as_replacement_characters(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "Advertisement\\nBody text with a lone \\ud800 surrogate in it."}\n', encoding="utf-8")
    html = page(report_data([path]))
    html.encode("utf-8")  # writable
    assert "lone \ufffd surrogate" in "".join(t for t, _ in page_data(html)["sample"][0]["seg"])


def test_the_page_script_takes_text_as_text_and_loads_nothing():
    html = template()
    script = html[html.index("<script nonce"):]
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(",
                  "setAttribute(\"style", "srcdoc"):
        assert risky not in script, risky
    for remote in ("http:", "https:", "//cdn", "@import", "url(", "<link", "<img", "<iframe"):
        assert remote not in html.replace("http-equiv", ""), remote


def test_command_writes_a_page_and_reports_its_figures(tmp_path):
    out = tmp_path / "report.html"
    raw = write(tmp_path / "raw.jsonl", RAW)
    proc = run("report", write(tmp_path / "clean.jsonl", cleaned_records()), "--original", raw, "-o", out)
    assert b"4 records read, 0 skipped, 3 with removals, 56 bytes removed" in proc.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["total"]["spans"] == 6 and data["original"] == [raw]


def test_command_reads_text_files_and_skips_broken_records(tmp_path):
    text = tmp_path / "page.txt"
    text.write_text("Advertisement\nThe council voted on Tuesday to keep the library open.\n", encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "Share this\\nA sentence of body text that stays."}\nnot json\n\n{"other": 1}\n')
    out = tmp_path / "r.html"
    proc = run("report", text, broken, "-o", out)
    assert proc.stderr.count(b"skipped") >= 2 and b"broken.jsonl:2: not valid JSON" in proc.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert (data["records"], data["skipped"], data["total"]["docs"]) == (4, 2, 2)
    assert {d["src"] for d in data["sample"]} == {"[page.txt]", "[broken.jsonl]"}


@pytest.mark.parametrize("case", ["fewer", "more", "ids", "span"])
def test_command_refuses_an_original_that_does_not_match(tmp_path, case):
    cleaned = cleaned_records()
    raw = [dict(r) for r in RAW]
    if case == "fewer":
        raw = raw[:-1]
    elif case == "more":
        raw.append({"id": "e", "text": "more"})
    elif case == "ids":
        raw[1]["id"] = "z"
    else:
        raw[0]["text"] = "short"
    out = tmp_path / "r.html"
    proc = run("report", write(tmp_path / "c.jsonl", cleaned), "--original", write(tmp_path / "raw.jsonl", raw),
               "-o", out, check_code=2)
    message = proc.stderr.decode()
    assert message.startswith("clean report: error: ") and message.count("\n") == 1 and "Traceback" not in message
    assert not out.exists()


def test_command_errors_are_one_line_with_status_2(tmp_path):
    proc = run("report", tmp_path / "missing.jsonl", "-o", tmp_path / "r.html", check_code=2)
    assert b"missing.jsonl" in proc.stderr and b"Traceback" not in proc.stderr
    proc = run("report", write(tmp_path / "x.jsonl", RAW), "-o", tmp_path / "no" / "such" / "dir.html",
               check_code=2)
    assert b"Traceback" not in proc.stderr
    run("report", "-o", tmp_path / "r.html", check_code=2)  # no input
    run("report", write(tmp_path / "y.jsonl", RAW), "--keep", "nonsense", "-o", tmp_path / "r.html", check_code=2)


def test_the_page_never_overwrites_an_input(tmp_path):
    raw = Path(write(tmp_path / "x.jsonl", RAW))
    before = raw.read_bytes()
    proc = run("report", raw, "-o", raw, check_code=2)
    assert b"same file as the input" in proc.stderr and raw.read_bytes() == before
    link = tmp_path / "link.html"
    link.symlink_to(raw)
    run("report", raw, "-o", link, check_code=2)
    assert raw.read_bytes() == before
