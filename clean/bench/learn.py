"""``python -m clean.bench learn``: time and memory of learning a site profile as N grows.

Generates a corpus of N documents over S sources in memory, one document at a time: each
source has a template (header, navigation, footer lines, some with changing digits), a pool
of related-story lines that recur in a few of its documents, and bodies of sentences that
never repeat. Each (N, cap) configuration runs in a fresh process and reports learning time,
peak memory (RSS growth over the idle process, and Python's own allocations with
--tracemalloc), the table's peak entries, how often it was pruned, and the profile's repeated
and boilerplate lines. Memory follows the number of distinct repeated lines (R), not N, once
the table reaches its cap.
"""

import json
import random
import resource
import subprocess
import sys
import time

WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "po", "ru", "sa", "ti", "vu", "ze", "bra", "cle", "dri",
                             "fro", "glu", "pla", "sti", "tro")
         for b in ("ban", "cor", "dil", "fen", "gat", "hom", "jil", "kun", "lar", "mes", "nor", "pid", "ros",
                   "sul", "tev", "vim", "wex", "yop", "zan", "bel")]


def add_arguments(parser) -> None:
    parser.add_argument("--docs", default="10000,100000", metavar="N,N",
                        help="corpus sizes to measure (default 10000,100000)")
    parser.add_argument("--sources", type=int, default=50, metavar="S", help="sources (default 50)")
    parser.add_argument("--related", type=int, default=200, metavar="K",
                        help="related-story lines per source that recur in some documents (default 200)")
    parser.add_argument("--caps", default="1000000,100000", metavar="C,C",
                        help="table caps to measure (default 1000000,100000)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also measure Python's peak allocations (slower)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--one", nargs=4, type=int, metavar=("N", "S", "K", "CAP"), help="internal: one run")


def documents(n: int, sources: int, related: int, seed: int = 1):
    """(text, source) pairs; a function of its arguments only."""
    rng = random.Random(seed)
    templates = []
    for s in range(sources):
        name = " ".join(rng.choices(WORDS, k=2)).title()
        head = [f"{name} Online", "Home | " + " | ".join(w.title() for w in rng.choices(WORDS, k=5)),
                f"{name} edition"]
        tail = [f"More from {name}", f"© 2024 {name} Media Group", f"Contact {name} newsroom",
                "Share this story", f"{name} is read by more readers than any other paper in the region."]
        pool = [f"{' '.join(rng.choices(WORDS, k=6)).capitalize()} ({s}-{k})" for k in range(related)]
        templates.append((f"site{s}.example", head, tail, pool))
    for i in range(n):
        host, head, tail, pool = templates[rng.randrange(sources)]
        body = []
        for _ in range(rng.randint(8, 16)):
            sentences = [" ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize() + "."
                         for _ in range(rng.randint(1, 3))]
            body.append(" ".join(sentences))
        stamp = f"Updated {rng.randint(1, 28)} May 2024, {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        lines = head + [stamp, ""] + body + ["", "Related stories"] + rng.sample(pool, 3) + tail
        yield "\n".join(lines), host


def _one(n: int, sources: int, related: int, cap: int, trace: bool) -> dict:
    from clean.profile import Learner

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        import tracemalloc
        tracemalloc.start()
    learner = Learner(cap=cap)
    peak_entries = 0
    start = time.perf_counter()
    for text, source in documents(n, sources, related):
        learner.add(text, source)
        peak_entries = max(peak_entries, learner.entries)
    profile = learner.profile()
    seconds = time.perf_counter() - start
    result = {
        "docs": n, "sources": sources, "cap": cap, "seconds": round(seconds, 1),
        "docs_per_second": round(n / seconds),
        "rss_growth_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024, 1),
        "peak_entries": peak_entries, "pruned": profile.pruned,
        "repeated_lines": profile.repeated_lines(), "boilerplate_lines": profile.boilerplate_lines(),
    }
    if trace:
        result["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    return result


def command(args) -> int:
    if args.one:
        n, s, k, cap = args.one
        print(json.dumps(_one(n, s, k, cap, args.tracemalloc)))
        return 0
    rows = []
    for cap in [int(c) for c in args.caps.split(",")]:
        for n in [int(d) for d in args.docs.split(",")]:
            cmd = [sys.executable, "-m", "clean.bench", "learn", "--one", str(n), str(args.sources),
                   str(args.related), str(cap)] + (["--tracemalloc"] if args.tracemalloc else [])
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return proc.returncode
            rows.append(json.loads(proc.stdout))
            if not args.json:
                print(_row(rows[-1]), flush=True) if len(rows) > 1 else print(_header() + "\n" + _row(rows[-1]),
                                                                               flush=True)
    if args.json:
        print(json.dumps(rows, indent=1))
    return 0


_COLUMNS = ("docs", "sources", "cap", "seconds", "docs_per_second", "rss_growth_mb", "traced_peak_mb",
            "peak_entries", "pruned", "repeated_lines", "boilerplate_lines")


def _header() -> str:
    return " ".join(f"{c:>17}" for c in _COLUMNS)


def _row(r: dict) -> str:
    return " ".join(f"{str(r.get(c, '-')):>17}" for c in _COLUMNS)
