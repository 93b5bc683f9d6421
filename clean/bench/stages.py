"""``python -m clean.bench stages``: where a document's cleaning time goes, and how much of it
the native core takes.

Cleans every text of a set's ``inputs/`` with the default ``Cleaner``, warm, in one process,
and times each stage apart by CPU time: building the document (segmentation, the language guess
and the line features), the line judges' one call, each family's detector, and the decision.
Each article is checked against ``Cleaner().clean`` of the same text, so the stages are the
pipeline's own. Then the same documents run once under cProfile, which names every call into
the native core (``clean._core``): their time a document is the part no Python layer can take
away, and the docs/s it allows is the most a cleaner around these native calls could reach.
cProfile slows the Python calls more than the native ones, so the split is read from the native
side and the stages' table gives the whole.
"""

from __future__ import annotations

import cProfile
import gzip
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

NATIVE_MODULE = "clean._core"


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path,
                        help="set folder with inputs/<rendering>.jsonl(.gz), records with a 'text' field")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds over every text (default 2)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N texts (default: all)")


def command(args) -> int:
    texts = read_texts(args.data)
    if args.limit:
        texts = texts[:args.limit]
    if not texts:
        print(f"no texts under {args.data}/inputs", file=sys.stderr)
        return 2
    stages = time_stages(texts, max(1, args.rounds))
    native, calls = native_share(texts)
    print(format_report(len(texts), max(1, args.rounds), stages, native, calls))
    return 0


def read_texts(data: Path) -> list[str]:
    texts = []
    for path in sorted((data / "inputs").glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def time_stages(texts: list[str], rounds: int) -> dict[str, float]:
    """CPU seconds a document, by stage, over `rounds` warm rounds."""
    from clean import Cleaner, document
    from clean.cleaner import DETECTORS
    from clean.decide import decide

    cleaner = Cleaner()
    for text in texts:  # compiled patterns and warm caches, as a long run has them
        cleaner.clean(text)
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for _ in range(rounds):
        for text in texts:
            a = clock()
            doc = document.build(text, cleaner.newline_token, cleaner.lang)
            b = clock()
            doc.judged
            c = clock()
            spent["build the document"] += b - a
            spent["line judges"] += c - b
            verdicts = []
            for detect in DETECTORS:
                a = clock()
                verdicts.extend(detect(doc))
                spent[detect.__module__.rsplit(".", 1)[1]] += clock() - a
            a = clock()
            article = decide(doc, verdicts, cleaner.enabled, cleaner._priority, cleaner.mode,
                             cleaner._line_residue, cleaner._repeated)
            spent["decide"] += clock() - a
            if article != cleaner.clean(text):
                raise RuntimeError("the stages gave another article than Cleaner().clean: the bench no "
                                   "longer follows the pipeline")
    return {stage: seconds / rounds / len(texts) for stage, seconds in spent.items()}


def native_share(texts: list[str]) -> tuple[float, list[tuple[str, int, float]]]:
    """CPU seconds a document in calls into the native core, and those calls (name, count,
    seconds a document), from one profiled round."""
    from clean import Cleaner

    cleaner = Cleaner()
    for text in texts:
        cleaner.clean(text)
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    for text in texts:
        cleaner.clean(text)
    profile.disable()
    calls = []
    for (filename, _, name), (_, count, own, _, _) in pstats.Stats(profile).stats.items():
        if filename == "~" and NATIVE_MODULE in name:
            calls.append((name, count, own / len(texts)))
    calls.sort(key=lambda call: -call[2])
    return sum(call[2] for call in calls), calls


def format_report(docs: int, rounds: int, stages: dict[str, float], native: float,
                  calls: list[tuple[str, int, float]]) -> str:
    total = sum(stages.values())
    lines = [f"{docs} documents, {rounds} warm rounds, each stage timed apart by CPU time",
             "", "| stage | µs a document | share |", "|---|---|---|"]
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        lines.append(f"| {stage} | {seconds * 1e6:.1f} | {seconds / total:.1%} |")
    lines.append(f"| total | {total * 1e6:.1f} | {1 / total:.0f} docs/s |")
    lines += ["", "calls into the native core (one round under cProfile):", "",
              "| call | calls a document | µs a document |", "|---|---|---|"]
    for name, count, seconds in calls:
        lines.append(f"| {name} | {count / docs:.2f} | {seconds * 1e6:.1f} |")
    lines.append(f"| all | | {native * 1e6:.1f} |")
    if native > 0:
        lines += ["", f"native calls: {native * 1e6:.0f} µs of {total * 1e6:.0f} a document; with every "
                      f"Python step around them free, at most {1 / native:.0f} docs/s"]
    return "\n".join(lines)
