"""``python -m clean.bench adversarial``: seconds per MB on hostile input next to ordinary text.

Cleaning runs unattended over scraped text, some of it garbage or built to hurt: one line of
ten megabytes, a megabyte of one character, a caption prefix repeated a hundred thousand times.
Every row here is timed in the same run as ordinary article text (the fixture seeds and case
inputs, repeated to a few MB, once as separate documents and once as one long document), and
reported as seconds per MB and as a ratio to ordinary text: to half a MB of the ordinary
documents timed just before the row (`ratio`, which is what is flagged), and to the baseline
row at the start of the run (`vs run`). A row costing more than ``--limit`` times ordinary text
per MB is flagged, and the exit status is 1.

``--scale`` multiplies every size, so ``--scale 0.02`` is a quick run; timings of tiny inputs
are noisy, so judge the ratios at the default scale.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MB = 1_000_000
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
BASELINE = "ordinary: separate documents"


def add_arguments(parser) -> None:
    parser.add_argument("--scale", type=float, default=1.0, metavar="X",
                        help="multiply every input size by X (default 1: 10 MB for the one-line row)")
    parser.add_argument("--limit", type=float, default=5.0, metavar="R",
                        help="flag rows costing more than R times ordinary text per MB (default 5)")
    parser.add_argument("--only", nargs="+", metavar="SUBSTRING",
                        help="run only the rows whose name holds one of these (the baseline always runs)")
    parser.add_argument("--row-timeout", type=float, default=300.0, metavar="SECONDS",
                        help="stop a row after this long and report it as over (default 300)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")


def command(args) -> int:
    if args.scale <= 0:
        print("--scale must be positive", file=sys.stderr)
        return 2
    rows = run(args.scale, args.only, row_timeout=args.row_timeout)
    flagged = [r for r in rows if r["ratio"] > args.limit]
    print(json.dumps(rows, indent=1) if args.json else format_table(rows, args.limit))
    if flagged:
        print(f"\n{len(flagged)} row(s) over {args.limit:g}x ordinary text per MB", file=sys.stderr)
        return 1
    return 0


def ordinary_texts() -> list[str]:
    """Real article text shipped with the tests: the seeds and every fixture case's input."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in [FIXTURES / "seeds.json", *sorted((FIXTURES / "cases").glob("*.json"))]:
        for case in json.loads(path.read_text(encoding="utf-8")):
            if "input" in case:
                texts.append(case["input"])
    return [t for t in texts if t.strip()]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _hard_wrapped(paragraphs: list[str], width: int = 72) -> str:
    """Paragraphs folded at a fixed column, as html2text and mail clients write them."""
    out = []
    for para in paragraphs:
        line = ""
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
        out.append("")
    return "\n".join(out)


def cases(scale: float) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """(row name, a function building its documents). Built lazily: some rows are large."""
    texts = ordinary_texts()
    prose = [p for t in texts for p in t.split("\n") if len(p.split()) >= 8]

    def size(mb: float) -> int:
        return max(1000, int(mb * MB * scale))

    def documents(mb: float) -> list[str]:
        out, total = [], 0
        while total < size(mb):
            for t in texts:
                out.append(t)
                total += len(t)
        return out

    def long_document(mb: float) -> list[str]:
        return ["\n\n".join(documents(mb))]

    yield BASELINE, lambda: documents(3)
    yield "ordinary: one long document", lambda: long_document(3)
    yield "ordinary: hard-wrapped, one document", lambda: [_hard_wrapped(prose * (size(3) // (len(" ".join(prose)) or 1) + 1))]
    yield "10 MB on one line (prose)", lambda: [_repeat(" ".join(prose) + " ", size(10))]
    for ch, label in (("a", "a"), (" ", "space"), (".", "."), ("(", "("), ("0", "0"), ("\u200b", "U+200B"),
                      ("-", "-"), ("*", "*"), ("[", "["), ("|", "|"), ("\u0301", "U+0301")):
        yield f"1 MB of one character: {label}", lambda ch=ch: [_repeat(ch, size(1))]
    yield "digit run, one line", lambda: [_repeat("0123456789", size(1))]
    yield "space run inside text", lambda: ["Start " + " " * size(1) + " end."]
    yield "punctuation run", lambda: [_repeat(".,;:!?-", size(1))]
    yield "'((((' run", lambda: [_repeat("((((", size(1))]
    yield "'(((( a' run", lambda: [_repeat("(((( a ", size(1))]
    yield "200k one-word lines", lambda: ["\n".join(["word"] * int(200_000 * scale or 1))]
    yield "200k one-word lines, blank between", lambda: ["\n\n".join(["Word"] * int(200_000 * scale or 1))]
    n = max(100, int(100_000 * scale))
    for prefix in ("Image copyright ", "Image caption ", "(AP Photo/", "Above: ", "Above: x Image Credit: ",
                   "Read more: ", "By ", "By Jane, ", "Source: |", "Published: ", "Credit... ", "(Photo by ",
                   "QARA, Syria, Aug. 29 ", "www.", "https://", "© ", "Video Player", "Home > "):
        yield f"{prefix!r} x {n}, one line", lambda p=prefix: [p * n]
        yield f"{prefix!r} x {n}, one per line", lambda p=prefix: [(p.strip() + "\n") * n]
    yield "mixed scripts and combining marks", lambda: [_repeat(
        "Ελληνικά русский 中文字符 العربية हिन्दी e\u0301a\u0300o\u0302 ̈̈̈ ไทย 日本語のテキスト ", size(1))]
    yield "combining marks only", lambda: [_repeat("a" + "\u0301\u0302\u0303" * 20 + " ", size(1))]
    yield "long URL-like tokens", lambda: ["\n".join(
        "https://example.com/" + "a1b2c3/" * 3000 + "?q=" + "x" * 5000 for _ in range(max(1, size(1) // 26_000)))]
    yield "one long URL-like token", lambda: ["https://example.com/" + _repeat("ab-12_/", size(1))]
    yield "markdown-link-like '[a](' x N", lambda: [_repeat("[a](", size(1))]
    yield "markdown-link-like '![a](' x N", lambda: [_repeat("![a](", size(1))]
    yield "markdown emphasis '**a ' x N", lambda: [_repeat("**a ", size(1))]
    yield "markdown emphasis '_a' x N", lambda: [_repeat("_a", size(1))]
    yield "markdown links, valid, one line", lambda: [_repeat("[link text](http://example.com/x) ", size(1))]
    yield "markdown page, many lines", lambda: ["\n".join(
        f"* [Item {i}](http://example.com/{i}) **bold** _it_" for i in range(size(1) // 48))]
    yield "html2text-like hard-wrapped, many MB", lambda: [_hard_wrapped(
        [f"[{p[:20]}](http://example.com/x) {p} **note**" for p in prose] * (size(5) // (len(" ".join(prose)) or 1) + 1))]
    yield "'Credit: ' + a's, one line", lambda: ["Photo credit: " + _repeat("a ", size(1))]
    yield "dateline-like capitals", lambda: [_repeat("ABC ", size(1)) + "-- text"]
    yield "by-line-like words", lambda: ["By " + _repeat("Jane and ", size(1))]
    yield "label colons", lambda: [_repeat(":a", size(1))]
    yield "sentence ends", lambda: [_repeat(". A", size(1))]
    yield "closing quotes and brackets", lambda: [_repeat(".”)]'", size(1)) + "x"]
    yield "control characters and breaks", lambda: [_repeat("a\x0b\x0c\x1c\x85\u2028\u2029\r\n\r", size(1))]


def time_clean(docs: list[str], clean) -> float:
    start = time.perf_counter()
    for d in docs:
        clean(d)
    return time.perf_counter() - start


def _measure(build, clean, conn) -> None:
    docs = build()
    mb = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / MB
    conn.send((len(docs), mb))
    conn.send(time_clean(docs, clean))


def measure(build, clean, timeout: float | None) -> tuple[int, float, float | None]:
    """(documents, MB, seconds) for one row, timed in a child process so that a pathological
    input is stopped after `timeout` seconds (seconds is then None) instead of hanging the run."""
    if timeout is None:
        docs = build()
        mb = sum(len(d.encode("utf-8", "surrogatepass")) for d in docs) / MB
        return len(docs), mb, time_clean(docs, clean)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_measure, args=(build, clean, child), daemon=True)
    proc.start()
    child.close()
    try:
        n, mb = parent.recv()
        seconds = parent.recv() if parent.poll(timeout) else None
    except EOFError:
        raise RuntimeError("the measuring process died") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    return n, mb, seconds


def ordinary_sample(scale: float) -> Callable[[], list[str]]:
    """Half a MB (at scale 1) of the ordinary documents, timed next to every row."""
    texts = ordinary_texts()
    size = max(1000, int(0.5 * MB * scale))

    def build() -> list[str]:
        out, total = [], 0
        while total < size:
            for t in texts:
                out.append(t)
                total += len(t)
        return out
    return build


def run(scale: float, only: list[str] | None = None, clean=None, row_timeout: float | None = None) -> list[dict]:
    """One row per case. `ratio` compares a row with ordinary text timed just before it (the
    machine's load drifts during a long run; a neighbour shares its conditions), and
    `ratio_run` with the baseline row at the start of the run."""
    if clean is None:
        from clean import clean_text as clean
    # Load the stoplists and compile the patterns once, before the rows fork: a row should
    # not pay start-up costs that a long run pays once.
    clean(" ".join(ordinary_texts()))
    sample = ordinary_sample(scale)
    rows = []
    base = None
    for name, build in cases(scale):
        if only and name != BASELINE and not any(s in name for s in only):
            continue
        if base is None:
            local = None
        else:
            _, sample_mb, sample_seconds = measure(sample, clean, row_timeout)
            local = (sample_seconds or 0.0) / sample_mb or 1e-9
        n, mb, seconds = measure(build, clean, row_timeout)
        per_mb = (seconds if seconds is not None else float("inf")) / mb
        if base is None:
            base = per_mb or 1e-9
        ratio = per_mb / (local or base)
        rows.append({"input": name, "docs": n, "mb": round(mb, 3),
                     "seconds": round(seconds, 3) if seconds is not None else None,
                     "s_per_mb": round(per_mb, 4), "ordinary_s_per_mb": round(local or base, 4),
                     # Significant figures, not decimals: a row far cheaper than ordinary text
                     # (a megabyte of one invisible character) would round to a ratio of 0.
                     "ratio": _significant(ratio), "ratio_run": _significant(per_mb / base)})
        print(f"  {name}: {per_mb:.4f} s/MB ({ratio:.2f}x)", file=sys.stderr, flush=True)
    return rows


def _significant(x: float, digits: int = 3) -> float:
    return float(f"{x:.{digits}g}")


def format_table(rows: list[dict], limit: float) -> str:
    width = max(len(r["input"]) for r in rows)
    lines = [f"{'input':<{width}}  {'docs':>6}  {'MB':>7}  {'s':>8}  {'s/MB':>8}  {'ordinary':>8}  {'ratio':>7}"
             f"  {'vs run':>7}",
             "-" * (width + 66)]
    for r in rows:
        flag = "  OVER" if r["ratio"] > limit else ""
        secs = f"{r['seconds']:>8.3f}" if r["seconds"] is not None else f"{'timeout':>8}"
        lines.append(f"{r['input']:<{width}}  {r['docs']:>6}  {r['mb']:>7.3f}  {secs}  "
                     f"{r['s_per_mb']:>8.4f}  {r['ordinary_s_per_mb']:>8.4f}  {r['ratio']:>6.2f}x  "
                     f"{r['ratio_run']:>6.2f}x{flag}")
    return "\n".join(lines)
