"""``python -m clean.bench quality``: how much cleaning improves each benchmark's own measure.

For every rendering in DIR/inputs/ the uncleaned input is scored against the
gold, every record is cleaned with :func:`clean.clean_text`, and the output is
scored again. A ``gold`` row cleans the gold texts themselves: on text that is
already clean the cleaner should take nothing away.

``--data`` takes a set with a gold article per page (the shingle metric of
Zyte's benchmark); ``--trafi`` a set with `with`/`without` snippets per page
(trafilatura's evaluation set; see :mod:`clean.bench.snippets`), reported per
rendering and per language. Per rendering both say how many documents cleaning
made better and how many worse, by the set's own measure.
"""

import gzip
import json
import sys
import time
from pathlib import Path

from clean.bench import metric, snippets

GOLD_ROW = "gold"
FLOOR_TOLERANCE = 0.0005
FLOOR_METRICS = ("f1", "precision", "recall", "kept", "noise_removed", "f")
# Scores that must stay at or under their pinned value: boilerplate left, wanted passages
# lost, documents made worse or emptied.
CEILING_METRICS = ("residue", "lost", "worse", "emptied")
# Floors of a snippet set's renderings are named "trafi/<rendering>" in the same file.
SNIPPET_PREFIX = "trafi/"
# Which rendering names a page's language: the one with the least furniture in it.
LANGUAGE_FROM = ("trafilatura", "trafilatura-recall", "newspaper4k")


class BenchError(Exception):
    """A problem with the data or the floors file, not with the cleaner."""


def add_arguments(parser) -> None:
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="set folder with gold.jsonl and inputs/<rendering>.jsonl "
                             "(each may be gzipped: .jsonl.gz)")
    parser.add_argument("--trafi", type=Path, metavar="DIR",
                        help="snippet set folder with snippets.jsonl and inputs/<rendering>.jsonl "
                             "(trafilatura's evaluation pages, e.g. ../shared/bench/trafi-dev)")
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
    if args.data is None and args.trafi is None:
        return _fail("give --data DIR, --trafi DIR or both")
    try:
        floors = load_floors(args.check) if args.check else None
        both = args.data is not None and args.trafi is not None
        sources = find_sources(args.data, args.only, strict=not both) if args.data is not None else {}
        trafi = find_sources(args.trafi, args.only, gold_row=False, strict=not both) if args.trafi else {}
        if both and args.only:
            unknown = [name for name in args.only if name not in sources and name not in trafi]
            if unknown:
                raise BenchError(f"unknown rendering(s) {', '.join(unknown)}; available: "
                                 f"{', '.join(sorted(set(sources) | set(trafi)))}")
        report = {"renderings": {}}
        if sources:
            report = run(find_gold(args.data), sources, args.workers, args.out)
        if trafi:
            report["trafi"] = run_snippets(args.trafi, trafi, args.workers,
                                           None if args.out is None else args.out / "trafi")
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
    failures = check_floors(report, floors, checked_all=not args.only,
                            sets=(args.data is not None, args.trafi is not None))
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


def find_sources(data: Path, only, gold_row: bool = True, strict: bool = True) -> dict:
    """{row name: path of the texts to clean}, the gold row last (if `gold_row`); `strict`: a
    name in `only` that the set lacks is an error."""
    sources = {}
    for p in sorted((data / "inputs").glob("*.jsonl*")):
        if p.name.endswith((".jsonl", ".jsonl.gz")):
            name = _jsonl_name(p)
            if name in sources:
                raise BenchError(f"{data}/inputs: {name} given both plain and gzipped")
            sources[name] = p
    if not sources:
        raise BenchError(f"no {data}/inputs/*.jsonl(.gz)")
    if gold_row:
        sources[GOLD_ROW] = find_gold(data)
    if only:
        unknown = [name for name in only if name not in sources]
        if unknown and strict:
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
    inputs, cleaned, timing = clean_renderings(sources, set(gold), "gold", workers, out)
    gold_shingles = {doc_id: metric.shingles(text) for doc_id, text in gold.items()}
    rows = {name: score_rendering(gold_shingles, inputs[name], cleaned[name])
            for name in inputs}
    return {"renderings": rows, **timing, "seconds_total": time.perf_counter() - started}


def clean_renderings(sources: dict, known: set, gold_name: str, workers: int, out) -> tuple[dict, dict, dict]:
    """Every rendering's texts ({name: {id: text}}), cleaned the same way, and the cleaning's
    timing; the cleaned texts are also written to `out` when given. An id the gold does not
    know is an error: a rendering of another set."""
    inputs = {name: load_jsonl(path) for name, path in sources.items()}
    for name, texts in inputs.items():
        unknown = sorted(set(texts) - known)
        if unknown:
            raise BenchError(f"{sources[name]}: {len(unknown)} id(s) not in {gold_name}, e.g. {unknown[:3]}")
    items = [(name, doc_id, text) for name, texts in inputs.items() for doc_id, text in texts.items()]
    clean_started = time.perf_counter()
    cleaned_texts = clean_all(items, workers)
    clean_seconds = time.perf_counter() - clean_started
    cleaned = {name: {} for name in inputs}
    for (name, doc_id, _), text in zip(items, cleaned_texts):
        cleaned[name][doc_id] = text
    if out is not None:
        write_outputs(out, cleaned)
    timing = {"docs_cleaned": len(items), "workers": workers, "seconds_cleaning": clean_seconds,
              "docs_per_second": len(items) / clean_seconds if clean_seconds else None}
    return inputs, cleaned, timing


def score_rendering(gold_shingles: dict, inputs: dict, cleaned: dict) -> dict:
    input_shingles = {doc_id: metric.shingles(t) for doc_id, t in inputs.items()}
    cleaned_shingles = {doc_id: metric.shingles(t) for doc_id, t in cleaned.items()}
    after = metric.score_shingles(gold_shingles, cleaned_shingles, input_shingles)
    after.update(_changed(gold_shingles, input_shingles, cleaned_shingles))
    return {"before": metric.score_shingles(gold_shingles, input_shingles), "after": after}


def _changed(gold: dict, before: dict, after: dict) -> dict:
    """Documents whose own F1 cleaning raised or lowered, and those it emptied."""
    from collections import Counter

    def f1(g, p):
        tp = metric.overlap(g, p)
        n_pred, n_gold = sum(p.values()), sum(g.values())
        return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0

    better = worse = emptied = 0
    for doc_id, g in gold.items():
        b, a = before.get(doc_id, Counter()), after.get(doc_id, Counter())
        change = f1(g, a) - f1(g, b)
        better += change > 1e-9
        worse += change < -1e-9
        emptied += not a and metric.overlap(g, b) > 0
    return {"better": better, "worse": worse, "emptied": emptied}


# --- the snippet set --------------------------------------------------------

def load_snippets(data: Path) -> dict:
    path = data / "snippets.jsonl"
    if not path.is_file():
        raise BenchError(f"{path} not found")
    items = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    row = json.loads(line)
                    items[row["id"]] = {"with": list(row.get("with") or ()), "without": list(row.get("without") or ())}
                except (ValueError, KeyError, TypeError) as e:
                    raise BenchError(f"{path}:{n}: not a snippet record ({e})") from e
    return items


def run_snippets(data: Path, sources: dict, workers: int, out) -> dict:
    """Clean every rendering of a snippet set and score it before and after, in all and per
    language (the language `clean` detects in the page's extracted text)."""
    from clean import language

    started = time.perf_counter()
    items = load_snippets(data)
    inputs, cleaned, timing = clean_renderings(sources, set(items), "snippets.jsonl", workers, out)

    named_by = [name for name in LANGUAGE_FROM if name in inputs] or list(inputs)
    langs = {}
    for doc_id in items:
        text = next((inputs[name][doc_id] for name in named_by if inputs[name].get(doc_id)), "")
        langs[doc_id] = language.detect(text) or "?"
    rows = {name: {"before": snippets.score(items, inputs[name]),
                   "after": snippets.score(items, cleaned[name], inputs[name])} for name in inputs}
    per_language = {}
    for lang in sorted(set(langs.values()), key=lambda code: (-list(langs.values()).count(code), code)):
        subset = {doc_id: item for doc_id, item in items.items() if langs[doc_id] == lang}
        per_language[lang] = {name: {"before": snippets.score(subset, inputs[name]),
                                     "after": snippets.score(subset, cleaned[name], inputs[name])}
                              for name in inputs}
    return {"renderings": rows, "languages": per_language, **timing,
            "seconds_total": time.perf_counter() - started}


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
    lines = []
    if rows:
        width = max([len(name) for name in rows] + [len("rendering")])
        lines += [
            f"{'':<{width}}  {' before ':-^20}   {' after ':-^20}",
            f"{'rendering':<{width}}  {'F1':>6} {'P':>6} {'R':>6}   {'F1':>6} {'P':>6} {'R':>6}"
            f"  {'kept':>6} {'noise-':>6} {'empty':>5} {'better':>6} {'worse':>5} {'emptd':>5}",
        ]
        for name, row in rows.items():
            b, a = row["before"], row["after"]
            lines.append(
                f"{name:<{width}}  {b['f1']:6.3f} {b['precision']:6.3f} {b['recall']:6.3f}"
                f"   {a['f1']:6.3f} {a['precision']:6.3f} {a['recall']:6.3f}"
                f"  {_number(a['kept'])} {_number(a['noise_removed'])} {a['empty']:5d}"
                f" {a['better']:6d} {a['worse']:5d} {a['emptied']:5d}")
        lines.append(_timing(report))
    if "trafi" in report:
        lines += ["", "snippet set (trafilatura's evaluation pages)" if rows else ""]
        lines += format_snippet_table(report["trafi"])
    return "\n".join(lines).strip("\n")


def _timing(report: dict) -> str:
    rate = report["docs_per_second"]
    return (f"\n{report['seconds_total']:.1f}s total; cleaned {report['docs_cleaned']} docs in "
            f"{report['seconds_cleaning']:.1f}s = {_number(rate, '.0f', 0)} docs/s "
            f"(workers={report['workers']})")


def format_snippet_table(report: dict) -> list:
    rows = report["renderings"]
    width = max([len(name) for name in rows] + [len("rendering")])
    lines = [
        f"{'':<{width}}  {' before ':-^20}   {' after ':-^20}",
        f"{'rendering':<{width}}  {'F':>6} {'recall':>6} {'resid':>6}   {'F':>6} {'recall':>6} {'resid':>6}"
        f"  {'lost':>6} {'empty':>5} {'better':>6} {'worse':>5} {'emptd':>5}",
    ]
    for name, row in rows.items():
        b, a = row["before"], row["after"]
        lines.append(
            f"{name:<{width}}  {b['f']:6.3f} {b['recall']:6.3f} {b['residue']:6.3f}"
            f"   {a['f']:6.3f} {a['recall']:6.3f} {a['residue']:6.3f}"
            f"  {a['lost']:6.3f} {a['empty']:5d} {a['better']:6d} {a['worse']:5d} {a['emptied']:5d}")
    names = list(rows)
    lines += ["", "per language: F before -> after (documents made better/worse)"]
    cell = 24
    lines.append(f"{'lang':<6} {'docs':>4}  " + " ".join(f"{n[:cell]:<{cell}}" for n in names))
    for lang, by_rendering in report["languages"].items():
        docs = next(iter(by_rendering.values()))["after"]["docs"]
        cells = []
        for n in names:
            b, a = by_rendering[n]["before"], by_rendering[n]["after"]
            cells.append(f"{b['f']:.3f} -> {a['f']:.3f} ({a['better']}/{a['worse']})".ljust(cell))
        lines.append(f"{lang:<6} {docs:4d}  " + " ".join(cells))
    lines.append(_timing(report))
    return lines


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
            if key not in FLOOR_METRICS + CEILING_METRICS or not isinstance(value, (int, float)):
                raise BenchError(f"{path}: bad floor {name}.{key} = {value!r}; "
                                 f"metrics: {', '.join(FLOOR_METRICS + CEILING_METRICS)}")
    return floors


# Written floors sit this far under the score reached: the cleaner is deterministic, so the
# margin only absorbs rounding, not noise.
FLOOR_MARGIN = 0.001
WRITTEN_METRICS = ("f1", "precision", "recall", "kept")
WRITTEN_SNIPPET_METRICS = ("f", "recall")
WRITTEN_SNIPPET_CEILINGS = ("residue", "lost", "worse", "emptied")


def write_floors(path: Path, report: dict) -> None:
    import math

    floors = {"_comment": "Quality floors of `python -m clean.bench quality --check`: the scores after "
                          "cleaning, less a small margin. Raise them with --write-floors when a "
                          "change improves quality; never lower them to let a change through."}
    if path.is_file():
        # A run of one set rewrites that set's floors and leaves the other's as they were.
        old = json.loads(path.read_text(encoding="utf-8"))
        ran_trafi = "trafi" in report
        ran_gold = bool(report["renderings"])
        for name, entry in old.items():
            if name.startswith("_"):
                continue
            if name.startswith(SNIPPET_PREFIX) and not ran_trafi or not name.startswith(SNIPPET_PREFIX) and not ran_gold:
                floors[name] = entry
    for name, row in report["renderings"].items():
        entry = {}
        for key in WRITTEN_METRICS:
            value = row["after"].get(key)
            if value is not None:
                entry[key] = math.floor((value - FLOOR_MARGIN) * 1000) / 1000
        entry["emptied"] = row["after"]["emptied"]
        floors[name] = entry
    for name, row in report.get("trafi", {}).get("renderings", {}).items():
        after = row["after"]
        entry = {key: math.floor((after[key] - FLOOR_MARGIN) * 1000) / 1000 for key in WRITTEN_SNIPPET_METRICS}
        for key in WRITTEN_SNIPPET_CEILINGS:
            value = after[key]
            entry[key] = value if isinstance(value, int) else math.ceil((value + FLOOR_MARGIN) * 1000) / 1000
        floors[SNIPPET_PREFIX + name] = entry
    path.write_text(json.dumps(dict(sorted(floors.items())), indent=1) + "\n", encoding="utf-8")


def check_floors(report: dict, floors: dict, checked_all: bool, sets: tuple = (True, False)) -> list:
    """One line per (rendering, metric) below its floor or above its ceiling; empty if all
    pass. `sets`: whether the gold set and the snippet set ran; the floors of a set that did
    not run are not checked."""
    rows = dict(report["renderings"])
    rows.update({SNIPPET_PREFIX + name: row for name, row in report.get("trafi", {}).get("renderings", {}).items()})
    failures = []
    skipped = 0
    for name, entry in floors.items():
        if name not in rows:
            if not sets[name.startswith(SNIPPET_PREFIX)]:
                skipped += 1
                continue
            # A floor nobody checks is worse than none: with the full run, a
            # floor naming a rendering that does not exist is a failure.
            if checked_all:
                failures.append(f"{name}: floor given but no such rendering in the data")
            continue
        for key, bound in entry.items():
            actual = rows[name]["after"].get(key)
            if key in CEILING_METRICS:
                if actual is None or actual > bound + (0 if isinstance(bound, int) else FLOOR_TOLERANCE):
                    shown = "n/a" if actual is None else f"{actual:.4f}"
                    failures.append(f"{name}: {key} {shown} > ceiling {bound}")
            elif actual is None or actual < bound - FLOOR_TOLERANCE:
                shown = "n/a" if actual is None else f"{actual:.4f}"
                failures.append(f"{name}: {key} {shown} < floor {bound:.4f}")
    if skipped:
        print(f"note: {skipped} floor(s) of a set not run here were not checked", file=sys.stderr)
    missing = [name for name in rows if name not in floors]
    if missing:
        print(f"note: no floor for {', '.join(missing)}", file=sys.stderr)
    return failures
