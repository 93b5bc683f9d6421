"""`clean learn`: learn a site profile from a corpus, or merge profiles learned on shards.

    clean learn corpus/*.jsonl.zst -o site.profile.gz
    clean learn --merge shard1.profile shard2.profile -o whole.profile
"""

from __future__ import annotations

import click

from . import profile as prof
from .corpus import ReadStats, documents
from .exits import catch_sigterm, failures
from .readers import InputError
from .writers import Output, check_distinct


def read_profile(path: str) -> prof.Profile:
    """A profile from a file (gzip or not); unreadable or malformed files raise InputError."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None
    try:
        return prof.loads(data)
    except (ValueError, KeyError, TypeError, OSError, EOFError) as e:
        raise InputError(f"{path}: not a clean profile ({e})") from None


def write_profile(profile: prof.Profile, sink: Output) -> None:
    """Into an Output made before the corpus was read, so that a bad path fails at once."""
    data = prof.dumps(profile, compress=(sink.path or "").endswith(".gz"))
    try:
        sink.stream.write(data)
        sink.commit()
    finally:
        sink.close()


def _thresholds(min_docs, min_share, max_sources, label_words, max_drift, base: prof.Thresholds,
                frame_words=None) -> prof.Thresholds:
    given = {"min_docs": min_docs, "min_share": min_share, "max_sources": max_sources, "label_words": label_words,
             "max_drift": max_drift, "frame_words": frame_words}
    return prof.Thresholds(**{**base.as_dict(), **{k: v for k, v in given.items() if v is not None}})


D = prof.Thresholds()


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="PROFILE",
              help="Where to write the profile ('-' for stdout; a name ending in .gz is compressed).")
@click.option("--merge", is_flag=True, help="INPUTs are profiles: merge them into one.")
@click.option("--jsonl/--text", "jsonl", default=None,
              help="INPUTs are JSON lines / plain text documents (default: by name, .jsonl[.gz|.zst] is JSONL).")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--group-key", default="url", show_default=True,
              help="JSONL field naming the source: a URL (its host is the source) or a site name; "
                   "looked up in metadata too.")
@click.option("--newline-token", metavar="TOKEN", help="TOKEN stands for a line break (Multi-News: NEWLINE_CHAR).")
@click.option("--doc-sep", metavar="SEP",
              help="SEP joins the stories of one record (Multi-News: '|||||'): a line counts once per record, "
                   "its place is taken in its story.")
@click.option("--frame-words", type=click.IntRange(min=0), default=None,
              help="Also learn the openings and closings lines share, this many words long (5 is a good "
                   "start); 0 turns it off [0].")
@click.option("--min-docs", type=click.IntRange(min=1), default=None,
              help=f"A line is boilerplate only in at least this many documents of its source [{D.min_docs}].")
@click.option("--min-share", type=click.FloatRange(0, 1), default=None,
              help=f"... and in at least this share of them [{D.min_share}].")
@click.option("--max-sources", type=click.IntRange(min=1), default=None,
              help=f"A line longer than --label-words that repeats in more sources than this is body "
                   f"text (a quote every outlet printed), never boilerplate [{D.max_sources}].")
@click.option("--label-words", type=click.IntRange(min=0), default=None,
              help=f"Lines of at most this many words are labels, learnable on any number of sources "
                   f"and anywhere in a document [{D.label_words}].")
@click.option("--max-drift", type=click.FloatRange(min=0), default=None,
              help=f"A longer line must sit at a fixed place: its offset from the top or the bottom "
                   f"varies by at most this many blocks (standard deviation) [{D.max_drift}].")
@click.option("--cap", type=click.IntRange(min=1), default=prof.DEFAULT_CAP, show_default=True,
              help="Table entries before lines seen once are dropped (bounds memory; see docs/profiles.md).")
@click.option("--partial", is_flag=True,
              help="Keep lines seen once too, so that merging shard profiles is exact.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr; errors still print.")
def learn(inputs, output, merge, jsonl, text_key, group_key, newline_token, doc_sep, frame_words, min_docs,
          min_share, max_sources, label_words, max_drift, cap, partial, quiet):
    """Learn which lines each source repeats across its documents, and write them as a profile.

    INPUTs are text files (one document each, no source) or JSON lines (the source of a record is
    the host of its URL); '-' is stdin; .gz and .zst are decompressed. Apply the profile with
    `clean --profile PROFILE`.
    """
    catch_sigterm()
    sink = None
    with failures("clean learn", output):
        try:
            check_distinct([("-o", output)], inputs)  # never write a profile over what it is learned from
            sink = Output(output, compress=False)  # a profile compresses itself
            if merge:
                profiles = [read_profile(p) for p in inputs]
                found = {p.thresholds for p in profiles}
                given = (min_docs, min_share, max_sources, label_words, max_drift, frame_words)
                if len(found) > 1 and all(v is None for v in given):
                    raise click.UsageError("the profiles were learned with different thresholds; give them")
                thresholds = _thresholds(min_docs, min_share, max_sources, label_words, max_drift,
                                         profiles[0].thresholds, frame_words)
                result = prof.merge(*profiles, thresholds=thresholds, partial=partial, cap=cap)
                stats = None
            else:
                thresholds = _thresholds(min_docs, min_share, max_sources, label_words, max_drift, D, frame_words)
                stats = ReadStats()
                learner = prof.Learner(thresholds, cap, newline_token, partial, doc_sep)
                for text, source in documents(inputs, jsonl, text_key, group_key, stats):
                    learner.add(text, source)
                result = learner.profile()
            write_profile(result, sink)
        finally:
            if sink is not None:
                sink.close()
    if quiet:
        return
    read = f"{stats.documents} documents read, {stats.skipped} records skipped; " if stats else ""
    click.echo(f"clean learn: {read}{len(result.sources)} sources, {result.repeated_lines()} repeated lines, "
               f"{result.boilerplate_lines()} learned as boilerplate"
               + (f"; table pruned {result.pruned} times (counts approximate)" if result.pruned else ""), err=True)
