"""``python -m clean.bench quality``: how much cleaning improves the shingle metric.

For every rendering in DIR/inputs/ the uncleaned input is scored against the
gold, every record is cleaned with :func:`clean.clean_text`, and the output is
scored again. A ``gold`` row cleans the gold texts themselves: on text that is
already clean the cleaner should take nothing away.
"""

import gzip
import json
import sys
import time
from pathlib import Path

from clean.bench import metric

GOLD_ROW = "gold"
FLOOR_TOLERANCE = 0.0005
FLOOR_METRICS = ("f1", "precision", "recall", "kept", "noise_removed")


class BenchError(Exception):
    """A problem with the data or the floors file, not with the cleaner."""


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path, metavar="DIR",
                        help="set folder with gold.jsonl and inputs/<rendering>.jsonl "
                             "(each may be gzipped: .jsonl.gz)")
    parser.add_argument("--only", nargs="+", metavar="RENDERING",
                        help=f"run only these renderings ({GOLD_ROW!r} is the gold row)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="clean with N processes (default 1)")
    parser.add_argument("--out", type=Path, metavar="OUTDIR",
                        help="write the cleaned texts to OUTDIR/<rendering>.jsonl")
    parser.add_argument("--json", action="store_true",
                        help="print the results as JSON instead of a table")
    parser.add_argument("--check", type=Path, metavar="FLOORS",
                        help="exit 1 if a rendering scores below its floor in this JSON file")
    parser.add_argument("--write-floors", type=Path, metavar="FLOORS",
                        help="write this run's scores, less a margin, as the new floors")


def command(args) -> int:
    """Run the subcommand; returns the exit code."""
    if args.workers < 1:
        return _fail("--workers must be at least 1")
    try:
        floors = load_floors(args.check) if args.check else None
        sources = find_sources(args.data, args.only)
        report = run(find_gold(args.data), sources, args.workers, args.out)
    except BenchError as e:
        return _fail(str(e))

    # Keep stdout parseable with --json: the verdict then goes to stderr.
    say = sys.stderr if args.json else sys.stdout
    print(json.dumps(report, indent=1) if args.json else format_table(report))
    if args.write_floors:
        write_floors(args.write_floors, report)
        print(f"\nfloors written to {args.write_floors}", file=say)
    if floors is None:
        return 0
    failures = check_floors(report, floors, checked_all=not args.only)
    if failures:
        print(f"\nFAILED: below the floors in {args.check}:", file=say)
        for line in failures:
            print("  " + line, file=say)
        return 1
    print(f"\nfloors OK ({args.check}, tolerance {FLOOR_TOLERANCE})", file=say)
    return 0


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


# --- data -------------------------------------------------------------------

def load_jsonl(path: Path) -> dict:
    """{id: text} in file order; a .gz file is read through gzip."""
    texts = {}
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["id"] in texts:
                raise BenchError(f"{path}:{n}: duplicate id {row['id']!r}")
            texts[row["id"]] = row.get("text") or ""
    return texts


def _jsonl_name(path: Path) -> str:
    return path.name.removesuffix(".gz").removesuffix(".jsonl")


def find_gold(data: Path) -> Path:
    for name in ("gold.jsonl", "gold.jsonl.gz"):
        if (data / name).is_file():
            return data / name
    raise BenchError(f"{data}/gold.jsonl(.gz) not found")


def find_sources(data: Path, only) -> dict:
    """{row name: path of the texts to clean}, the gold row last."""
    gold = find_gold(data)
    sources = {}
    for p in sorted((data / "inputs").glob("*.jsonl*")):
        if p.name.endswith((".jsonl", ".jsonl.gz")):
            name = _jsonl_name(p)
            if name in sources:
                raise BenchError(f"{data}/inputs: {name} given both plain and gzipped")
            sources[name] = p
    if not sources:
        raise BenchError(f"no {data}/inputs/*.jsonl(.gz)")
    sources[GOLD_ROW] = gold
    if only:
        unknown = [name for name in only if name not in sources]
        if unknown:
            raise BenchError(f"unknown rendering(s) {', '.join(unknown)}; "
                             f"available: {', '.join(sources)}")
        sources = {name: path for name, path in sources.items() if name in only}
    return sources


# --- cleaning ---------------------------------------------------------------

def clean_one(item: tuple) -> str:
    """Clean one (rendering, id, text) record; runs in the worker processes."""
    from clean import clean_text

    rendering, doc_id, text = item
    try:
        cleaned = clean_text(text).text
    except Exception as e:
        # Name the record: a bare traceback from a pool worker does not say
        # which of ~1700 documents broke the cleaner.
        raise RuntimeError(f"clean_text failed on {rendering}/{doc_id}: {e!r}") from e
    if not isinstance(cleaned, str):
        raise TypeError(f"clean_text({rendering}/{doc_id}).text is "
                        f"{type(cleaned).__name__}, not str")
    return cleaned


def clean_all(items: list, workers: int) -> list:
    """Cleaned texts in the order of ``items``, whatever ``workers`` is."""
    if workers == 1:
        return [clean_one(item) for item in items]
    from multiprocessing import Pool

    # One map over every rendering keeps all workers busy to the end, and
    # chunksize 1 because documents differ in size by orders of magnitude.
    with Pool(workers) as pool:
        return pool.map(clean_one, items, chunksize=1)


# --- the run ----------------------------------------------------------------

def run(gold_path: Path, sources: dict, workers: int, out) -> dict:
    started = time.perf_counter()
    gold = load_jsonl(gold_path)
    inputs = {name: load_jsonl(path) for name, path in sources.items()}
    for name, texts in inputs.items():
        unknown = sorted(set(texts) - set(gold))
        if unknown:
            raise BenchError(f"{sources[name]}: {len(unknown)} id(s) not in gold, "
                             f"e.g. {unknown[:3]}")

    items = [(name, doc_id, text)
             for name, texts in inputs.items() for doc_id, text in texts.items()]
    clean_started = time.perf_counter()
    cleaned_texts = clean_all(items, workers)
    clean_seconds = time.perf_counter() - clean_started

    cleaned = {name: {} for name in inputs}
    for (name, doc_id, _), text in zip(items, cleaned_texts):
        cleaned[name][doc_id] = text
    if out is not None:
        write_outputs(out, cleaned)

    gold_shingles = {doc_id: metric.shingles(text) for doc_id, text in gold.items()}
    rows = {name: score_rendering(gold_shingles, inputs[name], cleaned[name])
            for name in inputs}
    return {
        "renderings": rows,
        "docs_cleaned": len(items),
        "workers": workers,
        "seconds_total": time.perf_counter() - started,
        "seconds_cleaning": clean_seconds,
        "docs_per_second": len(items) / clean_seconds if clean_seconds else None,
    }


def score_rendering(gold_shingles: dict, inputs: dict, cleaned: dict) -> dict:
    input_shingles = {doc_id: metric.shingles(t) for doc_id, t in inputs.items()}
    cleaned_shingles = {doc_id: metric.shingles(t) for doc_id, t in cleaned.items()}
    return {
        "before": metric.score_shingles(gold_shingles, input_shingles),
        "after": metric.score_shingles(gold_shingles, cleaned_shingles, input_shingles),
    }


def write_outputs(out: Path, cleaned: dict) -> None:
    """OUTDIR/<rendering>.jsonl, so that the external score.py can check us."""
    out.mkdir(parents=True, exist_ok=True)
    for name, texts in cleaned.items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for doc_id, text in texts.items():
                f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")


# --- output -----------------------------------------------------------------

def format_table(report: dict) -> str:
    rows = report["renderings"]
    width = max([len(name) for name in rows] + [len("rendering")])
    lines = [
        f"{'':<{width}}  {' before ':-^20}   {' after ':-^20}",
        f"{'rendering':<{width}}  {'F1':>6} {'P':>6} {'R':>6}   {'F1':>6} {'P':>6} {'R':>6}"
        f"  {'kept':>6} {'noise-':>6} {'empty':>5}",
    ]
    for name, row in rows.items():
        b, a = row["before"], row["after"]
        lines.append(
            f"{name:<{width}}  {b['f1']:6.3f} {b['precision']:6.3f} {b['recall']:6.3f}"
            f"   {a['f1']:6.3f} {a['precision']:6.3f} {a['recall']:6.3f}"
            f"  {_number(a['kept'])} {_number(a['noise_removed'])} {a['empty']:5d}")
    rate = report["docs_per_second"]
    lines.append(
        f"\n{report['seconds_total']:.1f}s total; cleaned {report['docs_cleaned']} docs in "
        f"{report['seconds_cleaning']:.1f}s = {_number(rate, '.0f', 0)} docs/s "
        f"(workers={report['workers']})")
    return "\n".join(lines)


def _number(value, spec: str = "6.3f", width: int = 6) -> str:
    return f"{'-':>{width}}" if value is None else format(value, spec)


# --- floors -----------------------------------------------------------------

def load_floors(path: Path) -> dict:
    """{rendering: {metric: floor}}; keys starting with "_" are comments."""
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except (OSError, ValueError) as e:
        raise BenchError(f"cannot read floors {path}: {e}") from e
    floors = {name: entry for name, entry in raw.items() if not name.startswith("_")}
    for name, entry in floors.items():
        if not isinstance(entry, dict):
            raise BenchError(f"{path}: floors for {name!r} must be an object")
        for key, value in entry.items():
            if key not in FLOOR_METRICS or not isinstance(value, (int, float)):
                raise BenchError(f"{path}: bad floor {name}.{key} = {value!r}; "
                                 f"metrics: {', '.join(FLOOR_METRICS)}")
    return floors


# Written floors sit this far under the score reached: the cleaner is deterministic, so the
# margin only absorbs rounding, not noise.
FLOOR_MARGIN = 0.001
WRITTEN_METRICS = ("f1", "precision", "recall", "kept")


def write_floors(path: Path, report: dict) -> None:
    import math

    floors = {"_comment": "Quality floors of `python -m clean.bench quality --check`: the scores after "
                          "cleaning, less a small margin. Raise them with --write-floors when a "
                          "change improves quality; never lower them to let a change through."}
    for name, row in report["renderings"].items():
        entry = {}
        for key in WRITTEN_METRICS:
            value = row["after"].get(key)
            if value is not None:
                entry[key] = math.floor((value - FLOOR_MARGIN) * 1000) / 1000
        floors[name] = entry
    path.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")


def check_floors(report: dict, floors: dict, checked_all: bool) -> list:
    """One line per (rendering, metric) below its floor; empty if all pass."""
    rows = report["renderings"]
    failures = []
    for name, entry in floors.items():
        if name not in rows:
            # A floor nobody checks is worse than none: with the full run, a
            # floor naming a rendering that does not exist is a failure.
            if checked_all:
                failures.append(f"{name}: floor given but no such rendering in the data")
            continue
        for key, floor in entry.items():
            actual = rows[name]["after"].get(key)
            if actual is None or actual < floor - FLOOR_TOLERANCE:
                shown = "n/a" if actual is None else f"{actual:.4f}"
                failures.append(f"{name}: {key} {shown} < floor {floor:.4f}")
    missing = [name for name in rows if name not in floors]
    if missing:
        print(f"note: no floor for {', '.join(missing)}", file=sys.stderr)
    return failures
