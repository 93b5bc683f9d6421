"""The Ray adapter on a local Ray instance: same profile and same clean text as the library."""

import json

import pytest

ray = pytest.importorskip("ray")

from sites import corpus  # noqa: E402

from clean import Cleaner  # noqa: E402
from clean.profile import dumps, learn, source_of  # noqa: E402
from clean.ray import clean_dataset, learn_profile  # noqa: E402

pytestmark = pytest.mark.slow  # starts a local Ray instance


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def test_learn_and_clean_on_ray_match_the_library(local_ray):
    records = corpus(docs_per_site=20)
    rows = [{"id": r["id"], "url": r["url"], "text": r["text"]} for r in records]
    ds = ray.data.from_items(rows, override_num_blocks=4)
    local = learn((r["text"], source_of(r["url"])) for r in records)

    profile = learn_profile(ds, batch_size=7)
    assert dumps(profile) == dumps(local)

    cleaned = clean_dataset(ds, profile=profile, drop={"dateline"}).take_all()
    cleaner = Cleaner(profile=local, drop={"dateline"})
    by_id = {row["id"]: row for row in cleaned}
    assert len(by_id) == len(records)
    for r in records:
        article = cleaner.clean(r["text"], source=r["url"])
        row = by_id[r["id"]]
        assert row["text"] == article.text
        assert json.loads(row["clean"]) == json.loads(json.dumps(article.metadata()))
        assert row["url"] == r["url"]


def test_batches_find_the_source_in_metadata_too():
    import numpy as np

    from clean.profile import loads
    from clean.ray import CleanBatch, _partial_batch

    records = corpus(docs_per_site=6)
    batch = {"text": np.array([r["text"] for r in records], dtype=object),
             "metadata": np.array([{"url": r["url"]} for r in records], dtype=object)}
    partial = loads(_partial_batch(batch, "text", "url", None, learn([]).thresholds)["partial"][0])
    local = learn((r["text"], source_of(r["url"])) for r in records)
    assert sorted(partial.sources) == sorted(local.sources)
    out = CleanBatch("text", "url", None, {"profile": local})(batch)
    assert list(out["text"]) == [Cleaner(profile=local).clean(r["text"], source=r["url"]).text for r in records]
    assert "clean" not in out
