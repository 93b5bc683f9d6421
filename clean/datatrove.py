"""datatrove steps (extra `datatrove`): clean documents in a pipeline, and learn a profile.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from clean.datatrove import CleanFormatter, LearnProfile

    # 1. partial profiles per task, merged by `clean learn --merge profiles/*.profile.gz -o site.profile.gz`
    LocalPipelineExecutor([JsonlReader("crawl/"), LearnProfile("profiles/")], tasks=8).run()
    # 2. clean with it
    LocalPipelineExecutor([JsonlReader("crawl/"), CleanFormatter(profile="site.profile.gz"),
                           JsonlWriter("clean/")], tasks=8).run()

The same steps run under datatrove's Slurm and Ray executors. A document's source is the host
of `metadata[group_key]` (JsonlReader puts a record's `url` there).
"""

from __future__ import annotations

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:
    raise ImportError(f"clean.datatrove needs datatrove ({e.name} is not installed): "
                      "pip install 'clean-article[datatrove]'", name=e.name) from None

from . import profile as prof
from .cleaner import Cleaner
from .render import body_text


def _load(profile: prof.Profile | str | None) -> prof.Profile | None:
    if profile is None or isinstance(profile, prof.Profile):
        return profile
    from datatrove.io import open_file

    with open_file(profile, "rb") as f:
        return prof.loads(f.read())


class CleanFormatter(BaseFormatter):
    """Replaces each document's text by its clean body and stores the metadata `clean` found
    (title, byline, date, captions, removed spans) under `metadata[metadata_key]`.

    profile: a Profile or the path of a profile file (any datatrove path); options are the
    Cleaner's (`keep`, `drop`, `mode`, `lang`, `newline_token`, `doc_sep`).
    """

    name = "🧹 clean"

    def __init__(self, profile: prof.Profile | str | None = None, group_key: str = "url",
                 metadata_key: str | None = "clean", **options):
        super().__init__()
        self.cleaner = Cleaner(profile=_load(profile), **options)
        self.group_key = group_key
        self.metadata_key = metadata_key

    def format(self, text: str) -> str:
        c = self.cleaner
        return body_text(c.clean(text), c.newline_token, c.doc_sep)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        c = self.cleaner
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                source = prof.record_source(doc.metadata, self.group_key) if c.profile is not None else None
                article = c.clean(doc.text, source=source)
                for reason, n in sorted(article.removed_bytes(doc.text).items()):
                    self.stat_update(f"removed_{reason}", value=n, unit="doc")
                doc.text = body_text(article, c.newline_token, c.doc_sep)
                if self.metadata_key:
                    doc.metadata[self.metadata_key] = article.metadata()
            yield doc


class LearnProfile(PipelineStep):
    """Counts the documents that pass into a partial profile, written per task as
    `{rank:05d}.profile.gz` in `output_folder`; documents pass on unchanged. Merging the
    files (`clean learn --merge`, or `clean.profile.merge`) gives the profile of all of them."""

    name = "🧹 learn profile"
    type = "📊 - STATS"

    def __init__(self, output_folder, group_key: str = "url", thresholds: prof.Thresholds | None = None,
                 newline_token: str | None = None):
        super().__init__()
        from datatrove.io import get_datafolder

        self.output_folder = get_datafolder(output_folder)
        self.group_key = group_key
        self.thresholds = thresholds or prof.Thresholds()
        self.newline_token = newline_token

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        learner = prof.Learner(self.thresholds, newline_token=self.newline_token, partial=True)
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                learner.add(doc.text, prof.record_source(doc.metadata, self.group_key))
            yield doc
        with self.output_folder.open(f"{rank:05d}.profile.gz", "wb") as f:
            f.write(prof.dumps(learner.profile(), compress=True))
