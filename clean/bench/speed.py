"""Throughput of `clean` on one machine, side by side with references, in one run.

    python -m clean.bench speed --data ../shared/bench/zyte-dev [--mb 300] [--rss-mb 1024]

Builds a JSONL corpus from every rendering in DATA/inputs/ repeated to about --mb MB, then times,
each in its own process: `clean --jsonl -j 1`, `clean --jsonl -j N` (all cores), a floor (a
plain Python loop that reads the same records, decodes the JSON, splits the text into lines, joins
them, encodes and writes the records), jusText on a sample of the same texts (each line a
paragraph, English stoplist), datatrove's C4 line rules on the whole corpus (where the `datatrove`
extra is installed) and trafilatura.extract on the original pages (DATA/html/*.html.gz).
Prints docs/s, MB/s, CPU seconds, peak RSS and the ratios to each reference. Then streams a
generated ~--rss-mb MB JSONL (the dev texts with each page's HTML carried along in another field)
through `clean -j 1` and `-j 2` on stdin and reports their peak RSS.

The references need the `bench` extra (jusText, trafilatura, psutil). The machine may be shared:
only ratios from one run mean much; CPU seconds are steadier than wall time.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

TARGETS = {  # ratio name -> (the target it must reach, what it compares)
    "floor": (0.25, "clean -j1 docs/s / floor docs/s"),
    "justext": (10.0, "clean -j1 docs/s / jusText-on-text docs/s"),
    "c4": (1.5, "clean -j1 docs/s / C4-line-rules docs/s"),
    "trafilatura": (30.0, "clean -j1 docs/s / trafilatura-on-HTML docs/s"),
    "workers": (1.8, "clean -jN docs/s / clean -j1 docs/s"),
}
RSS_LIMIT_MB = 200
IMPORT_LIMIT_MS = 150


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path, help="zyte-dev folder (inputs/, html/)")
    parser.add_argument("--mb", type=float, default=300, help="corpus size in MB (default 300)")
    parser.add_argument("--workers", type=int, default=None, help="N for the all-cores run (default: all cores)")
    parser.add_argument("--justext-docs", type=int, default=400, help="documents in the jusText sample")
    parser.add_argument("--html-pages", type=int, default=0, help="pages for trafilatura (default: all)")
    parser.add_argument("--rss-mb", type=float, default=1024, help="size of the generated stream for peak RSS; 0 skips")
    parser.add_argument("--workdir", type=Path, help="where corpus and outputs go (default: a temporary folder)")
    parser.add_argument("--json", dest="json_out", type=Path, help="also write the results as JSON")


@dataclass
class Run:
    name: str
    docs: int
    megabytes: float
    seconds: float  # wall time of the measured work
    cpu: float  # user + system seconds: of the process and its workers (clean), of the loop (references)
    rss_mb: float  # peak RSS of the largest process
    tree_rss_mb: float | None = None  # peak of the summed PSS of the process and its workers (psutil)
    note: str = ""

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    @property
    def docs_per_cpu_s(self) -> float:
        return self.docs / self.cpu if self.cpu else 0.0


def command(args) -> int:
    data: Path = args.data
    inputs = sorted((data / "inputs").glob("*.jsonl"))
    if not inputs:
        print(f"no inputs/*.jsonl under {data}", file=sys.stderr)
        return 2
    workers = args.workers or _cores()
    with tempfile.TemporaryDirectory(prefix="clean-speed-") as scratch:
        work = args.workdir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus.jsonl"
        docs, size = build_corpus(inputs, corpus, args.mb)
        print(f"corpus: {docs} documents, {size / 1e6:.1f} MB ({corpus}); all cores = {workers}", flush=True)
        sample = work / "sample.jsonl"
        sample_docs, sample_size = build_sample(inputs, sample, args.justext_docs)
        runs: dict[str, Run] = {}
        clean_cmd = [sys.executable, "-m", "clean", "--jsonl", "--no-progress"]
        runs["clean -j1"] = measure("clean -j1", [*clean_cmd, "-j", "1", str(corpus), "-o", str(work / "out-j1.jsonl")],
                                    docs, size / 1e6)
        runs[f"clean -j{workers}"] = measure(
            f"clean -j{workers}", [*clean_cmd, "-j", str(workers), str(corpus), "-o", str(work / "out-jn.jsonl")],
            docs, size / 1e6)
        same = _same_file(work / "out-j1.jsonl", work / "out-jn.jsonl")
        runs["floor"] = measure("floor", _child("floor", corpus, work / "out-floor.jsonl"), docs, size / 1e6)
        runs["jusText (text)"] = measure("jusText (text)", _child("justext", sample, work / "out-justext.jsonl"),
                                         sample_docs, sample_size / 1e6)
        if _has_datatrove():
            runs["C4 line rules"] = measure("C4 line rules", _child("c4", corpus, work / "out-c4.jsonl"),
                                            docs, size / 1e6)
        else:
            print("C4 line rules skipped: datatrove is not installed (the `datatrove` extra)", flush=True)
        pages = sorted((data / "html").glob("*.html.gz"))
        if args.html_pages:
            pages = pages[:args.html_pages]
        html_list = work / "pages.txt"
        html_list.write_text("\n".join(map(str, pages)) + "\n", encoding="utf-8")
        html_mb = sum(len(gzip.decompress(p.read_bytes())) for p in pages) / 1e6
        runs["trafilatura (HTML)"] = measure("trafilatura (HTML)", _child("trafilatura", html_list, work / "out-traf.jsonl"),
                                             len(pages), html_mb)
        report(runs, workers, same)
        imported = import_ms()
        print(f"import clean: {imported:.0f} ms (median of {IMPORT_RUNS} fresh interpreters, -X importtime, "
              f"bytecode compiled as installed); < {IMPORT_LIMIT_MS} ms: {'yes' if imported < IMPORT_LIMIT_MS else 'NO'}")
        rss = []
        if args.rss_mb:
            stream = work / "pages.jsonl"
            build_page_records(inputs, data / "html", stream)
            for n in (1, 2):
                rss.append(measure_stream(f"clean -j{n} on {args.rss_mb:.0f} MB stream", stream, args.rss_mb, n))
            report_rss(rss)
        if args.json_out:
            args.json_out.write_text(json.dumps({
                "workers": workers, "identical_output": same, "import_ms": imported,
                "runs": {k: {**vars(v), "docs_per_s": v.docs_per_s, "mb_per_s": v.mb_per_s} for k, v in runs.items()},
                "rss": [vars(r) for r in rss]}, indent=2), encoding="utf-8")
    return 0


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _dev_records(inputs: list[Path]):
    for path in inputs:
        with path.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                yield path.stem, record["id"], record["text"]


def build_corpus(inputs: list[Path], path: Path, megabytes: float) -> tuple[int, int]:
    """Whole passes over every rendering's records until the file holds at least `megabytes` MB,
    so the mix of documents is the dev set's own."""
    docs = size = 0
    records = list(_dev_records(inputs))
    with path.open("wb") as out:
        rep = 0
        while size < megabytes * 1e6 or rep == 0:
            for rendering, doc_id, text in records:
                line = json.dumps({"id": f"{rendering}/{doc_id}/{rep}", "text": text}, ensure_ascii=False).encode() + b"\n"
                out.write(line)
                docs += 1
                size += len(line)
            rep += 1
    return docs, size


def build_sample(inputs: list[Path], path: Path, wanted: int) -> tuple[int, int]:
    """Every k-th dev record, about `wanted` of them: the same mix as the corpus."""
    records = list(_dev_records(inputs))
    step = max(1, len(records) // max(wanted, 1))
    docs = size = 0
    with path.open("wb") as out:
        for rendering, doc_id, text in records[::step]:
            line = json.dumps({"id": f"{rendering}/{doc_id}", "text": text}, ensure_ascii=False).encode() + b"\n"
            out.write(line)
            docs += 1
            size += len(line)
    return docs, size


def build_page_records(inputs: list[Path], html_dir: Path, path: Path) -> None:
    """One pass of dev records, each carrying its page's HTML in a field `clean` passes through:
    the shape of a crawl export, where most of the bytes are not the text being cleaned."""
    pages: dict[str, str] = {}
    with path.open("wb") as out:
        for rendering, doc_id, text in _dev_records(inputs):
            if doc_id not in pages:
                page = html_dir / f"{doc_id}.html.gz"
                pages[doc_id] = gzip.decompress(page.read_bytes()).decode("utf-8", "replace") if page.exists() else ""
            record = {"id": f"{rendering}/{doc_id}", "text": text, "html": pages[doc_id]}
            out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")


def _child(kind: str, source: Path, target: Path) -> list[str]:
    return [sys.executable, "-m", "clean.bench.speed", kind, str(source), str(target)]


class _TreeRss:
    """Samples the summed PSS of the launched command and its workers (needs psutil); the
    launcher itself is left out."""

    def __init__(self, pid: int):
        self.peak: float | None = None
        try:
            import psutil
        except ImportError:
            return
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(psutil, pid), daemon=True)
        self._thread.start()

    def _sample(self, psutil, pid: int) -> None:
        try:
            root = psutil.Process(pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                total = 0
                for child in root.children(recursive=True):
                    try:
                        total += _pss(child)
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            self.peak = max(self.peak or 0.0, total / 2**20)
            self._stop.wait(0.1)

    def stop(self) -> float | None:
        if self.peak is not None:
            self._stop.set()
            self._thread.join()
        return self.peak


# Peak RSS comes from wait4's ru_maxrss, read by a small launcher process: Linux carries the
# RSS high-water mark of a forked parent over into the child, so a child of this (larger) process
# would report at least this process's size. The launcher is small; the number it reads is the
# peak of the measured command's largest process (itself or a worker).
_LAUNCHER = """
import json, os, sys
report, cmd = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as f:
    json.dump({"code": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime,
               "maxrss_mb": usage.ru_maxrss / 1024}, f)
"""


def _launch(cmd: list[str], report: Path, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), *cmd], **popen)


def _pss(process) -> int:
    """Proportional set size where the system tells it: pages a forked worker still shares with
    its parent are counted once across the tree, not once per process as RSS would."""
    try:
        return process.memory_full_info().pss
    except AttributeError:
        return process.memory_info().rss


def _wait(proc: subprocess.Popen, report: Path) -> tuple[int, float, float]:
    """Exit code, CPU seconds and peak RSS (MB) of the launched command and its workers."""
    proc.wait()
    if proc.returncode != 0 or not report.exists():
        return proc.returncode or 1, 0.0, 0.0
    result = json.loads(report.read_text())
    report.unlink()
    return result["code"], result["cpu"], result["maxrss_mb"]


def measure(name: str, cmd: list[str], docs: int, megabytes: float) -> Run:
    """Run `cmd` once. A reference child prints its own loop time (imports excluded) as JSON on
    stdout; for `clean` the whole process is timed, start-up included."""
    print(f"  running {name} ...", flush=True)
    start = time.perf_counter()
    report = Path(tempfile.mktemp(prefix="clean-speed-", suffix=".json"))
    proc = _launch(cmd, report, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tree = _TreeRss(proc.pid)
    errors: list[bytes] = []
    drain = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
    drain.start()
    out = proc.stdout.read()
    drain.join()
    err = errors[0] if errors else b""
    code, cpu, rss = _wait(proc, report)
    wall = time.perf_counter() - start
    peak_tree = tree.stop()
    if code != 0:
        raise SystemExit(f"{name} failed ({code}): {err.decode(errors='replace')[-2000:]}")
    seconds, note = wall, ""
    if out.strip():
        reported = json.loads(out.decode().strip().splitlines()[-1])
        seconds, cpu, note = reported["seconds"], reported["cpu"], reported.get("note", "")
    return Run(name, docs, megabytes, seconds, cpu, rss, peak_tree, note)


def measure_stream(name: str, records: Path, megabytes: float, workers: int) -> Run:
    """Stream ~`megabytes` MB (the page records repeated) into `clean` on stdin; its output is
    read and dropped by this process."""
    print(f"  running {name} ...", flush=True)
    report = Path(tempfile.mktemp(prefix="clean-speed-", suffix=".json"))
    proc = _launch([sys.executable, "-m", "clean", "--jsonl", "--no-progress", "-j", str(workers)], report,
                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = _TreeRss(proc.pid)
    docs = written = 0
    start = time.perf_counter()
    while written < megabytes * 1e6:  # whole passes, read in pieces: this process stays small
        with records.open("rb") as f:
            while chunk := f.read(1 << 20):
                proc.stdin.write(chunk)
                written += len(chunk)
                docs += chunk.count(b"\n")
    proc.stdin.close()
    code, cpu, rss = _wait(proc, report)
    seconds = time.perf_counter() - start
    peak_tree = tree.stop()
    if code != 0:
        raise SystemExit(f"{name} failed ({code})")
    return Run(name, docs, written / 1e6, seconds, cpu, rss, peak_tree)


IMPORT_RUNS = 9


def import_ms(runs: int = IMPORT_RUNS) -> float:
    """What `import clean` costs a fresh interpreter, in milliseconds: the cumulative time
    Python's own import timer gives the package, the median of several starts.

    Timed as an installed package runs, with the bytecode of every module compiled already
    (pip compiles it at install): one start fills a bytecode cache of its own, so the figure
    holds whether or not PYTHONDONTWRITEBYTECODE is set or the install is writable.
    """
    with tempfile.TemporaryDirectory(prefix="clean-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        command = [sys.executable, "-X", "importtime", "-c", "import clean"]
        subprocess.run(command, capture_output=True, check=True, env=env)
        times = []
        for _ in range(runs):
            err = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stderr
            # The line of the package itself: "import time: self [us] | cumulative | clean".
            row = next(line for line in err.splitlines() if line.split("|")[-1].strip() == "clean")
            times.append(int(row.split("|")[1]) / 1000)
    return sorted(times)[len(times) // 2]


def _same_file(a: Path, b: Path) -> bool:
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def report(runs: dict[str, Run], workers: int, same: bool) -> None:
    print()
    print("| run | docs | MB | s | docs/s | MB/s | CPU s | docs/CPU-s | peak RSS MB | tree PSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for run in runs.values():
        tree = f"{run.tree_rss_mb:.0f}" if run.tree_rss_mb is not None else "-"
        print(f"| {run.name} | {run.docs} | {run.megabytes:.1f} | {run.seconds:.1f} | {run.docs_per_s:.1f} | "
              f"{run.mb_per_s:.2f} | {run.cpu:.1f} | {run.docs_per_cpu_s:.1f} | {run.rss_mb:.0f} | {tree} |")
    one, many = runs["clean -j1"], runs[f"clean -j{workers}"]
    references = {"floor": runs["floor"], "justext": runs["jusText (text)"], "c4": runs.get("C4 line rules"),
                  "trafilatura": runs["trafilatura (HTML)"], "workers": one}
    print()
    print("| ratio | by wall time | by CPU time | target | met (wall) |")
    print("|---|---|---|---|---|")
    for key, (target, what) in TARGETS.items():
        if references[key] is None:
            continue
        mine = many if key == "workers" else one
        value = _ratio(mine.docs_per_s, references[key].docs_per_s)
        by_cpu = "-" if key == "workers" else f"{_ratio(mine.docs_per_cpu_s, references[key].docs_per_cpu_s):.3g}"
        print(f"| {what} | {value:.3g} | {by_cpu} | >= {target:g} | {'yes' if value >= target else 'NO'} |")
    print(f"\nclean -j1 and -j{workers} outputs identical: {'yes' if same else 'NO'}")
    print("clean is timed as a whole process (start-up included); the references time their loop only.")
    print(f"CPU time of clean -j{workers} (all processes) / clean -j1: {_ratio(many.cpu, one.cpu):.2f} "
          "(the cost of the workers; on a busy machine the wall-time ratio is the one that suffers)")


def report_rss(runs: list[Run]) -> None:
    print()
    print("| stream run | docs | MB | s | MB/s | peak RSS MB (largest process) | tree PSS MB (sum) | < 200 MB |")
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        tree = f"{run.tree_rss_mb:.0f}" if run.tree_rss_mb is not None else "-"
        worst = max(run.rss_mb, run.tree_rss_mb or 0)
        print(f"| {run.name} | {run.docs} | {run.megabytes:.0f} | {run.seconds:.1f} | {run.mb_per_s:.2f} | "
              f"{run.rss_mb:.0f} | {tree} | {'yes' if worst < RSS_LIMIT_MB else 'NO'} |")


# The reference children: `python -m clean.bench.speed KIND SOURCE TARGET`. Each prints
# {"seconds": loop time} as its last stdout line.

def floor(source: str, target: str) -> dict:
    start, cpu = time.perf_counter(), time.process_time()
    with open(source, "rb") as f, open(target, "wb") as out:
        for line in f:
            record = json.loads(line)
            lines = record["text"].split("\n")
            record["text"] = "\n".join(lines)
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def justext_on_text(source: str, target: str) -> dict:
    from html import escape

    import justext

    stoplist = justext.get_stoplist("English")
    failed = 0
    start, cpu = time.perf_counter(), time.process_time()
    with open(source, "rb") as f, open(target, "wb") as out:
        for line in f:
            record = json.loads(line)
            paragraphs = [p for p in record["text"].split("\n") if p.strip()]
            kept = []
            if paragraphs:
                page = "<html><body>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + "</body></html>"
                try:
                    kept = [p.text for p in justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
                            if not p.is_boilerplate]
                except Exception:
                    failed += 1
            record["text"] = "\n\n".join(kept)
            out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "note": f"{failed} failed" if failed else ""}


def _has_datatrove() -> bool:
    from importlib.util import find_spec

    return find_spec("datatrove") is not None


def c4_line_rules(source: str, target: str) -> dict:
    """datatrove's C4 filter as the field's pre-training pipelines run it, line rules only: its
    sentence count needs nltk's punkt data, which a machine without network cannot fetch, and it
    drops whole documents rather than cleaning them."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    rules = C4QualityFilter(min_num_sentences=-1)
    dropped = 0
    start, cpu = time.perf_counter(), time.process_time()
    with open(source, "rb") as f, open(target, "wb") as out:
        for line in f:
            record = json.loads(line)
            doc = Document(text=record["text"], id=record["id"])
            kept = rules.filter(doc)
            if kept is not True:
                dropped += 1
                doc.text = ""
            record["text"] = doc.text
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "note": f"{dropped} documents dropped whole" if dropped else ""}


def trafilatura_on_html(source: str, target: str) -> dict:
    import trafilatura

    pages = [Path(p) for p in Path(source).read_text(encoding="utf-8").split()]
    start, cpu = time.perf_counter(), time.process_time()
    with open(target, "wb") as out:
        for page in pages:
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            text = trafilatura.extract(html) or ""
            out.write(json.dumps({"id": page.name.split(".")[0], "text": text}, ensure_ascii=False).encode() + b"\n")
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


CHILDREN = {"floor": floor, "justext": justext_on_text, "c4": c4_line_rules, "trafilatura": trafilatura_on_html}

if __name__ == "__main__":
    kind, source_path, target_path = sys.argv[1:4]
    print(json.dumps(CHILDREN[kind](source_path, target_path)))
