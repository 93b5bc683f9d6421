"""The datatrove steps in datatrove's local executor, against the library's results."""

import json

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from sites import corpus, write_jsonl  # noqa: E402

from clean import Cleaner  # noqa: E402
from clean.datatrove import CleanFormatter, LearnProfile  # noqa: E402
from clean.profile import dumps, learn, loads, merge, source_of  # noqa: E402


@pytest.fixture(scope="module")
def records():
    return corpus(docs_per_site=10)


def _inputs(tmp_path, records):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", records[0::2])
    write_jsonl(folder / "b.jsonl", records[1::2])
    return folder


def test_learn_profile_per_task_merges_into_the_library_profile(tmp_path, records):
    folder = _inputs(tmp_path, records)
    LocalPipelineExecutor([JsonlReader(str(folder)), LearnProfile(str(tmp_path / "profiles"))],
                          tasks=2, workers=1, logging_dir=str(tmp_path / "logs")).run()
    parts = sorted((tmp_path / "profiles").glob("*.profile.gz"))
    assert len(parts) == 2
    merged = merge(*(loads(p.read_bytes()) for p in parts))
    assert dumps(merged) == dumps(learn((r["text"], source_of(r["url"])) for r in records))


def test_clean_formatter_matches_the_library(tmp_path, records):
    folder = _inputs(tmp_path, records)
    profile = learn((r["text"], source_of(r["url"])) for r in records)
    path = tmp_path / "site.profile.gz"
    path.write_bytes(dumps(profile, compress=True))
    LocalPipelineExecutor([JsonlReader(str(folder)), CleanFormatter(profile=str(path), drop={"dateline"}),
                           JsonlWriter(str(tmp_path / "out"), compression=None)],
                          tasks=2, workers=1, logging_dir=str(tmp_path / "logs")).run()
    out = {}
    for f in (tmp_path / "out").glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out[row["id"]] = row
    assert len(out) == len(records)
    cleaner = Cleaner(profile=profile, drop={"dateline"})
    for r in records:
        article = cleaner.clean(r["text"], source=r["url"])
        assert out[r["id"]]["text"] == article.text
        assert out[r["id"]]["metadata"]["clean"] == json.loads(json.dumps(article.metadata()))
        assert out[r["id"]]["metadata"]["url"] == r["url"]


def test_format_alone_cleans_text(records):
    assert CleanFormatter().format(records[0]["text"]) == Cleaner().clean(records[0]["text"]).text
