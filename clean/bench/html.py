"""``python -m clean.bench html``: HTML pages to clean text, against the gold.

Every page of DIR/html/<id>.html.gz (ids from DIR/gold.jsonl) goes through each system:

- ``trafilatura``: ``trafilatura.extract(page)`` with its defaults, the extractor alone;
- ``trafilatura recall``: the same with ``favor_recall=True``;
- ``clean --html``: :class:`clean.html.HtmlCleaner` with the command's defaults (trafilatura in
  recall mode, no comments), and with trafilatura's balanced and precision modes;
- where resiliparse is installed, ``resiliparse`` (its main-content text alone) and
  ``clean --html --extractor resiliparse`` (the fast path, :mod:`clean.html_fast`).

Scores use the benchmark's shingle metric (:mod:`clean.bench.metric`). The systems take turns
page by page, so that a busy machine slows them alike and the time ratios stay comparable within
one run; ``time x`` is each system's time per page over trafilatura's, and ``cpu x`` the same
for CPU time (this process's, which other work on a shared machine does not inflate). For
``clean --html`` the share of the time spent in the text cleaner is printed under the table.
"""

import gzip
import json
import sys
import time
from pathlib import Path

from clean.bench import metric

WARM_UP = 3
BASELINE = "trafilatura"


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path, metavar="DIR",
                        help="set folder with gold.jsonl and html/<id>.html.gz")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages")
    parser.add_argument("--only", nargs="+", metavar="SYSTEM", help="run only these systems (by name)")
    parser.add_argument("--out", type=Path, metavar="OUTDIR",
                        help="write each system's texts to OUTDIR/<system>.jsonl")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def systems() -> dict:
    """{name: (page bytes -> text, timed cleaner or None)}; trafilatura is imported here only."""
    import trafilatura

    from clean import html_fast
    from clean.html import HtmlOptions, page_cleaner

    TimedCleaner = _timed_cleaner_class()

    def extractor(**options):
        return lambda page: trafilatura.extract(page, **options) or ""

    def cleaner(**options):
        timed = TimedCleaner()
        pages = page_cleaner(timed, HtmlOptions(**options))
        return (lambda page: pages.clean(page).article.text), timed

    chosen = {
        BASELINE: (extractor(), None),
        "trafilatura recall": (extractor(favor_recall=True), None),
        "clean --html": cleaner(),
        "clean --html --favor-balanced": cleaner(favor="balanced"),
        "clean --html --favor-precision": cleaner(favor="precision"),
    }
    if html_fast.available():
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import detect_encoding
        from resiliparse.parse.html import HTMLTree

        def resiliparse(page):
            return extract_plain_text(HTMLTree.parse_from_bytes(page, detect_encoding(page)), main_content=True)

        chosen["resiliparse"] = (resiliparse, None)
        chosen["clean --html --extractor resiliparse"] = cleaner(extractor="resiliparse")
    return chosen


def _timed_cleaner_class():
    from clean import Cleaner

    class TimedCleaner(Cleaner):
        """A Cleaner that adds up the time it spends, to tell cleaning from extraction."""

        def __init__(self):
            super().__init__()
            self.spent = [0.0]  # shared by the copies HtmlCleaner makes (page mode, article mode)

        @property
        def seconds(self):
            return self.spent[0]

        @seconds.setter
        def seconds(self, value):
            self.spent[0] = value

        def clean(self, text):
            started = time.perf_counter()
            try:
                return super().clean(text)
            finally:
                self.spent[0] += time.perf_counter() - started

    return TimedCleaner


def load(data: Path, limit) -> tuple[dict, dict]:
    gold, pages = {}, {}
    with open(data / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row.get("text") or ""
    for doc_id in list(gold)[:limit] if limit else list(gold):
        path = data / "html" / f"{doc_id}.html.gz"
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found")
        pages[doc_id] = gzip.decompress(path.read_bytes())
    gold = {doc_id: gold[doc_id] for doc_id in pages}
    return gold, pages


def run(gold: dict, pages: dict, chosen: dict) -> dict:
    for page in list(pages.values())[:WARM_UP]:
        for work, _ in chosen.values():
            work(page)
    for _, timed in chosen.values():
        if timed is not None:
            timed.seconds = 0.0
    seconds = {name: 0.0 for name in chosen}
    cpu = {name: 0.0 for name in chosen}
    texts = {name: {} for name in chosen}
    names = list(chosen)
    caches = _text_caches()
    for n, (doc_id, page) in enumerate(pages.items()):
        # Each system is first on a page as often as the others, and none finds the page's
        # strings in the extractor's memo caches because another system just extracted it.
        for name in names[n % len(names):] + names[:n % len(names)]:
            for clear in caches:
                clear()
            work = chosen[name][0]
            started, cpu_started = time.perf_counter(), time.process_time()
            texts[name][doc_id] = work(page)
            seconds[name] += time.perf_counter() - started
            cpu[name] += time.process_time() - cpu_started
    gold_shingles = {doc_id: metric.shingles(t) for doc_id, t in gold.items()}
    base, cpu_base = seconds.get(BASELINE), cpu.get(BASELINE)
    rows = {}
    for name in chosen:
        row = metric.score_shingles(gold_shingles, {i: metric.shingles(t) for i, t in texts[name].items()})
        row["seconds"] = seconds[name]
        row["docs_per_second"] = len(pages) / seconds[name] if seconds[name] else None
        row["ms_per_page"] = 1000 * seconds[name] / len(pages)
        row["time_ratio"] = seconds[name] / base if base else None
        row["cpu_ms_per_page"] = 1000 * cpu[name] / len(pages)
        row["cpu_ratio"] = cpu[name] / cpu_base if cpu_base else None
        timed = chosen[name][1]
        if timed is not None:
            row["ms_per_page_cleaning"] = 1000 * timed.seconds / len(pages)
        rows[name] = row
    return {"systems": rows, "pages": len(pages), "texts": texts}


def _text_caches() -> list:
    """The cache_clear of every memoised function in trafilatura, htmldate and courlan."""
    clears = []
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in ("trafilatura", "htmldate", "courlan") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and clear not in clears:
                clears.append(clear)
    return clears


def format_table(report: dict) -> str:
    rows = report["systems"]
    width = max(len(name) for name in rows)
    lines = [f"{'system':<{width}}  {'F1':>6} {'P':>6} {'R':>6} {'empty':>5}  {'docs/s':>6} {'ms/page':>7} {'time x':>6}"
             f"  {'cpu ms':>6} {'cpu x':>6}"]
    for name, r in rows.items():
        ratio = "-" if r["time_ratio"] is None else f"{r['time_ratio']:.2f}"
        cpu_ratio = "-" if r["cpu_ratio"] is None else f"{r['cpu_ratio']:.2f}"
        lines.append(f"{name:<{width}}  {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['empty']:5d}"
                     f"  {r['docs_per_second']:6.1f} {r['ms_per_page']:7.1f} {ratio:>6}  {r['cpu_ms_per_page']:6.1f} {cpu_ratio:>6}")
    lines.append(f"\n{report['pages']} pages; systems take turns page by page; time x = time per page "
                 f"over {BASELINE}'s; cpu ms, cpu x: the same in CPU time")
    for name, r in rows.items():
        if "ms_per_page_cleaning" in r:
            lines.append(f"{name}: {r['ms_per_page_cleaning']:.1f} ms/page in the text cleaner, "
                         f"{r['ms_per_page'] - r['ms_per_page_cleaning']:.1f} in extraction and metadata")
    return "\n".join(lines)


def command(args) -> int:
    try:
        available = systems()
    except ImportError as e:
        print(f"error: the html benchmark needs the HTML packages ({e}); pip install clean-article", file=sys.stderr)
        return 2
    chosen = available
    if args.only:
        unknown = [name for name in args.only if name not in available]
        if unknown:
            print(f"error: unknown system(s) {unknown}; available: {list(available)}", file=sys.stderr)
            return 2
        chosen = {name: available[name] for name in args.only}
    try:
        gold, pages = load(args.data, args.limit)
    except (OSError, ValueError, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not pages:
        print(f"error: no pages in {args.data}", file=sys.stderr)
        return 2
    report = run(gold, pages, chosen)
    texts = report.pop("texts")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, by_id in texts.items():
            with open(args.out / f"{name.replace(' ', '_').replace('-', '')}.jsonl", "w", encoding="utf-8") as f:
                for doc_id, text in by_id.items():
                    f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    print(json.dumps(report, indent=1) if args.json else format_table(report))
    return 0
