"""Ray Data adapter (extra `ray`): clean a Dataset, and learn a site profile from one.

    import ray
    from clean.ray import clean_dataset, learn_profile

    ray.init()                                   # or ray.init(address="auto") on a cluster
    ds = ray.data.read_json("s3://bucket/crawl/")
    profile = learn_profile(ds)                  # the same profile `clean learn` gives
    cleaned = clean_dataset(ds, profile=profile, drop={"dateline"})

Learning maps each batch to a partial profile (every line it holds, counted exactly) and merges
them on the driver with the bounded learner, so the result equals `clean learn` on the same
records whenever the driver's table was not pruned (see `clean.profile`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from importlib.util import find_spec

_MISSING = "clean.ray needs Ray Data ({} is not installed): pip install 'clean-article[ray]'"
# Ray itself is imported by the caller, who builds the Dataset; importing it here as well would
# cost seconds. Only its presence is checked, so that the message names the extra to install.
if find_spec("ray") is None:
    raise ImportError(_MISSING.format("ray"), name="ray")
try:
    import numpy as np  # Ray Data's batches are numpy arrays; Ray depends on numpy
except ImportError as e:
    raise ImportError(_MISSING.format(e.name), name=e.name) from None

from . import profile as prof
from .cleaner import Cleaner
from .render import body_text


def _sources(batch: Mapping, n: int, group_key: str) -> list[str]:
    if group_key in batch:
        return [prof.source_of(v) for v in batch[group_key]]
    if "metadata" in batch:
        return [prof.record_source(m, group_key) if isinstance(m, Mapping) else prof.NO_SOURCE
                for m in batch["metadata"]]
    return [prof.NO_SOURCE] * n


class CleanBatch:
    """A map_batches callable: the Cleaner (and its profile) is built once per Ray worker."""

    def __init__(self, text_key: str = "text", group_key: str = "url", metadata_key: str | None = "clean",
                 options: dict | None = None):
        self.cleaner = Cleaner(**(options or {}))
        self.text_key, self.group_key, self.metadata_key = text_key, group_key, metadata_key

    def __call__(self, batch: dict) -> dict:
        cleaner = self.cleaner
        texts = batch[self.text_key]
        sources = (_sources(batch, len(texts), self.group_key) if cleaner.profile is not None
                   else [None] * len(texts))
        out, meta = [], []
        for text, source in zip(texts, sources):
            if not isinstance(text, str):
                out.append(text)
                meta.append(None)
                continue
            article = cleaner.clean(text, source=source)
            out.append(body_text(article, cleaner.newline_token, cleaner.doc_sep))
            meta.append(json.dumps(article.metadata(), ensure_ascii=False))
        batch = dict(batch)
        batch[self.text_key] = np.array(out, dtype=object)
        if self.metadata_key:
            batch[self.metadata_key] = np.array(meta, dtype=object)
        return batch


def clean_dataset(ds, text_key: str = "text", group_key: str = "url", metadata_key: str | None = "clean",
                  batch_size: int | None = 256, concurrency=None, **options):
    """A Dataset whose `text_key` column holds the clean bodies, and (unless `metadata_key` is
    None) a `metadata_key` column with the JSON of each record's metadata and removed spans.
    `options` are the Cleaner's (`keep`, `drop`, `profile`, `mode`, ...); with a profile the
    source of a row is the host of its `group_key` column (or `metadata[group_key]`).
    `concurrency` bounds the number of Ray workers (Ray decides when None)."""
    extra = {"concurrency": concurrency} if concurrency is not None else {}
    return ds.map_batches(CleanBatch, batch_size=batch_size,
                          fn_constructor_kwargs={"text_key": text_key, "group_key": group_key,
                                                 "metadata_key": metadata_key, "options": options},
                          **extra)


def _partial_batch(batch: dict, text_key: str, group_key: str, newline_token: str | None,
                   thresholds: prof.Thresholds) -> dict:
    texts = batch[text_key]
    learner = prof.Learner(thresholds, newline_token=newline_token, partial=True)
    for text, source in zip(texts, _sources(batch, len(texts), group_key)):
        if isinstance(text, str):
            learner.add(text, source)
    return {"partial": np.array([prof.dumps(learner.profile(), compress=True)], dtype=object)}


def learn_profile(ds, text_key: str = "text", group_key: str = "url", thresholds: prof.Thresholds | None = None,
                  newline_token: str | None = None, cap: int = prof.DEFAULT_CAP,
                  batch_size: int | None = 1024) -> prof.Profile:
    """The site profile of a Dataset's records, as `clean learn` would learn it."""
    thresholds = thresholds or prof.Thresholds()
    partials = ds.map_batches(_partial_batch, batch_size=batch_size,
                              fn_kwargs={"text_key": text_key, "group_key": group_key,
                                         "newline_token": newline_token, "thresholds": thresholds})
    learner = prof.Learner(thresholds, cap)
    for row in partials.iter_rows():
        learner.add_profile(prof.loads(row["partial"]))
    return learner.profile()
