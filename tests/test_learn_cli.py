"""`clean learn` and `clean --profile`, run as a user runs them."""

import gzip
import json
import random
import subprocess

import pytest
from sites import SITES, corpus, write_jsonl
from test_cli import run

from clean.profile import dumps, learn, loads, source_of


@pytest.fixture(scope="module")
def records():
    return corpus(docs_per_site=12)


@pytest.fixture()
def corpus_file(tmp_path, records):
    return write_jsonl(tmp_path / "corpus.jsonl", records)


def test_learn_writes_the_library_profile(tmp_path, corpus_file, records):
    out = tmp_path / "site.profile"
    proc = run("learn", corpus_file, "-o", out)
    assert b"48 documents read" in proc.stderr and b"4 sources" in proc.stderr
    assert out.read_bytes() == dumps(learn((r["text"], source_of(r["url"])) for r in records))


def test_learn_reads_gzip_and_zstd_and_compresses_by_name(tmp_path, corpus_file):
    import zstandard
    plain = tmp_path / "plain.profile"
    run("learn", corpus_file, "-o", plain)
    gz = tmp_path / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(corpus_file.read_bytes()))
    zst = tmp_path / "corpus.jsonl.zst"
    zst.write_bytes(zstandard.ZstdCompressor().compress(corpus_file.read_bytes()))
    for source in (gz, zst):
        out = tmp_path / f"{source.name}.profile.gz"
        run("learn", source, "-o", out)
        assert gzip.decompress(out.read_bytes()) == plain.read_bytes()


def test_profile_is_the_same_for_shuffled_records(tmp_path, records):
    shuffled = list(records)
    random.Random(5).shuffle(shuffled)
    a, b = tmp_path / "a.profile", tmp_path / "b.profile"
    run("learn", write_jsonl(tmp_path / "x.jsonl", records), "-o", a)
    run("learn", write_jsonl(tmp_path / "y.jsonl", shuffled), "-o", b)
    assert a.read_bytes() == b.read_bytes()


def test_merge_of_partial_shard_profiles_is_the_whole(tmp_path, records, corpus_file):
    whole = tmp_path / "whole.profile"
    run("learn", corpus_file, "-o", whole)
    shards = []
    for i in range(3):
        shard = write_jsonl(tmp_path / f"shard{i}.jsonl", records[i::3])
        shards.append(tmp_path / f"shard{i}.profile.gz")
        run("learn", "--partial", shard, "-o", shards[-1])
    merged = tmp_path / "merged.profile"
    run("learn", "--merge", *shards, "-o", merged)
    assert merged.read_bytes() == whole.read_bytes()


def test_apply_profile_to_jsonl_uses_each_record_url(tmp_path, corpus_file, records):
    profile = tmp_path / "site.profile.gz"
    run("learn", corpus_file, "-o", profile)
    proc = run("--jsonl", "--profile", profile, corpus_file)
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    for got, want in zip(out, records):
        assert got["text"] == "\n\n".join(want["body"]), want["id"]
        assert "site-boilerplate" in {r for _, _, r in got["metadata"]["clean"]["removed"]}
    assert b"site-boilerplate=" in proc.stderr
    # Without the profile the template lines no rule knows stay.
    bare = [json.loads(line) for line in run("--jsonl", corpus_file).stdout.decode().splitlines()]
    assert "Harbor Media Group" in bare[0]["text"]


def test_group_key_names_the_source_field(tmp_path, records):
    moved = [{"id": r["id"], "text": r["text"], "metadata": {"site": source_of(r["url"])}} for r in records]
    path = tmp_path / "moved.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in moved), encoding="utf-8")
    profile = tmp_path / "p.profile"
    run("learn", "--group-key", "site", path, "-o", profile)
    assert set(loads(profile.read_bytes()).sources) == {s.host for s in SITES}
    out = run("--jsonl", "--profile", profile, "--group-key", "site", path).stdout.decode().splitlines()
    assert json.loads(out[0])["text"] == "\n\n".join(records[0]["body"])


def test_text_files_learn_one_source_and_explain_shows_counts(tmp_path, records):
    site = [r for r in records if SITES[2].host in r["url"]]
    files = []
    for r in site:
        files.append(tmp_path / f"{r['id']}.txt")
        files[-1].write_text(r["text"], encoding="utf-8")
    profile = tmp_path / "p.profile"
    run("learn", *files, "-o", profile)
    assert set(loads(profile.read_bytes()).sources) == {""}
    assert run("--profile", profile, files[3]).stdout.decode() == "\n\n".join(site[3]["body"]) + "\n"
    shown = run("--explain", "--no-color", "--profile", profile, files[3]).stdout.decode()
    line = next(ln for ln in shown.splitlines() if "NORTH POST DIGITAL" in ln)
    assert line.startswith("- site-boilerplate") and f"(no source): in {len(site)} of {len(site)} documents" in line


def test_thresholds_are_options(tmp_path, corpus_file):
    out = tmp_path / "p.profile"
    run("learn", "--min-docs", "100", corpus_file, "-o", out)
    assert loads(out.read_bytes()).boilerplate_lines() == 0
    run("learn", "--min-share", "0.2", "--max-sources", "9", "--label-words", "3", "--max-drift", "2.5",
        corpus_file, "-o", out)
    thresholds = loads(out.read_bytes()).thresholds
    assert (thresholds.min_share, thresholds.max_sources, thresholds.label_words, thresholds.max_drift) == \
        (0.2, 9, 3, 2.5)


def test_clean_still_cleans_files_and_a_file_named_learn(tmp_path, monkeypatch):
    doc = tmp_path / "learn"
    doc.write_text("Harbor Media Group\n\n" + SITES[0].host + " is a test.\n", encoding="utf-8")
    proc = subprocess.run([run.__globals__["CLEAN"], "./learn"], cwd=tmp_path, capture_output=True)
    assert proc.returncode == 0 and b"Harbor Media Group" in proc.stdout
    assert b"Usage: clean learn" in run("learn", "--help").stdout
    assert b"--profile" in run("--help").stdout


def test_bad_profile_and_missing_arguments(tmp_path, corpus_file):
    bad = tmp_path / "bad.profile"
    bad.write_text("not a profile\n")
    proc = run("--profile", bad, corpus_file, check_code=2)
    assert b"not a clean profile" in proc.stderr and b"Traceback" not in proc.stderr
    assert run("--profile", tmp_path / "missing", corpus_file, check_code=2).stderr
    assert run("learn", corpus_file, check_code=2).stderr  # no -o
    a, b = tmp_path / "a.profile", tmp_path / "b.profile"
    run("learn", corpus_file, "-o", a)
    run("learn", "--min-docs", "4", corpus_file, "-o", b)
    assert b"different thresholds" in run("learn", "--merge", a, b, "-o", tmp_path / "c", check_code=2).stderr
    run("learn", "--merge", "--min-docs", "3", a, b, "-o", tmp_path / "c")


def test_explain_notes_only_lines_removed_as_site_boilerplate(tmp_path, records):
    site = [r for r in records if SITES[0].host in r["url"]]
    files = []
    for r in site:
        files.append(tmp_path / f"{r['id']}.txt")
        files[-1].write_text(r["text"], encoding="utf-8")
    profile = tmp_path / "p.profile"
    run("learn", *files, "-o", profile)
    shown = run("--explain", "--no-color", "--profile", profile, files[4]).stdout.decode().splitlines()
    noted = [ln for ln in shown if "# (no source)" in ln]
    assert noted and all(ln.startswith("- site-boilerplate") for ln in noted)
    assert any(ln.startswith("- nav-label") and "Most Viewed" in ln for ln in shown)


def test_source_option_applies_a_site_profile_to_plain_files(tmp_path, corpus_file, records):
    profile = tmp_path / "p.profile"
    run("learn", corpus_file, "-o", profile)
    r = next(r for r in records if SITES[3].host in r["url"])
    page = tmp_path / "page.txt"
    page.write_text(r["text"], encoding="utf-8")
    assert "Coast Wire is a member" in run("--profile", profile, page).stdout.decode()
    out = run("--profile", profile, "--source", r["url"], page).stdout.decode()
    assert out == "\n\n".join(r["body"]) + "\n"
    shown = run("--explain", "--no-color", "--profile", profile, "--source", SITES[3].host, page).stdout.decode()
    assert f"# {SITES[3].host}: in 12 of 12 documents" in shown


def test_clean_reads_zstd_files(tmp_path):
    import zstandard
    from test_cli import SEED

    packed = tmp_path / "seed.txt.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(SEED.read_bytes()))
    assert run(packed).stdout == run(SEED).stdout
