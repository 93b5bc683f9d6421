"""The command as a stream filter: workers, compression, -o, stats, pipes, signals, memory."""

import contextlib
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clean.parallel import Batch, Pool, batches, run_batch
from clean.records import RecordError
from clean.stats import Stats
from conftest import load_cases
from test_cli import CLEAN, run

TEXTS = [case["input"] for case in load_cases()]


def corpus(n: int = 300) -> bytes:
    """n lines: records made from every fixture case, with malformed lines, blank lines,
    invalid UTF-8 and a record without a text field mixed in."""
    lines = []
    for i in range(n):
        if i % 37 == 5:
            lines.append(b"{not json")
        elif i % 41 == 7:
            lines.append(b"")
        elif i % 43 == 9:
            lines.append(json.dumps({"id": i, "body": "no text field"}).encode())
        elif i % 47 == 11:
            lines.append(b'{"id": %d, "text": "bad \xff bytes in a line. And more prose follows here."}' % i)
        else:
            record = {"id": i, "text": TEXTS[i % len(TEXTS)], "metadata": {"n": i}}
            lines.append(json.dumps(record, ensure_ascii=i % 2 == 0).encode())
    return b"\n".join(lines) + b"\n"


@pytest.fixture(scope="module")
def records_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("streams") / "records.jsonl"
    path.write_bytes(corpus())
    return path


@pytest.fixture(scope="module")
def one_worker(records_file) -> subprocess.CompletedProcess:
    return run("--jsonl", "-j", "1", records_file)


@pytest.mark.slow
def test_output_is_identical_with_any_number_of_workers(records_file, one_worker):
    assert one_worker.stdout.count(b"\n") == corpus().count(b"\n")
    for workers in ("2", "3"):
        proc = run("--jsonl", "-j", workers, records_file)
        assert proc.stdout == one_worker.stdout
        assert proc.stderr == one_worker.stderr  # warnings in input order, the same summary
    piped = run("--jsonl", "-j", "2", stdin=records_file.read_bytes())
    assert piped.stdout == one_worker.stdout


def test_default_uses_workers_only_for_more_than_one_batch(records_file, one_worker, tmp_path):
    stats = tmp_path / "stats.json"
    assert run("--jsonl", "--stats-file", stats, records_file).stdout == one_worker.stdout
    assert json.loads(stats.read_text())["workers"] == len(os.sched_getaffinity(0))
    small = tmp_path / "small.jsonl"
    small.write_bytes(b"".join(corpus().splitlines(keepends=True)[:10]))
    run("--jsonl", "--stats-file", stats, small)
    assert json.loads(stats.read_text())["workers"] == 1


def test_stats_file_counts_records_bytes_and_removals(records_file, one_worker, tmp_path):
    stats_path = tmp_path / "stats.json"
    proc = run("--jsonl", "-j", "2", "--stats-file", stats_path, records_file)
    stats = json.loads(stats_path.read_text())
    data = records_file.read_bytes()
    lines = data.splitlines()
    blank = sum(1 for line in lines if not line.strip())
    assert stats["completed"] is True and stats["workers"] == 2
    assert stats["records"] == len(lines) - blank and stats["blank_lines"] == blank
    assert stats["bytes_in"] == len(data) and stats["bytes_out"] == len(proc.stdout)
    assert stats["errors"] == 0 and stats["invalid_utf8"] > 0
    # malformed: "{not json" and records without a text field
    malformed = sum(1 for line in lines if line == b"{not json" or b'"body"' in line)
    assert stats["passed_through"] == malformed
    assert stats["cleaned"] == stats["records"] - malformed
    # removals add up to the spans reported in the records themselves
    spans: dict[str, int] = {}
    removed_bytes: dict[str, int] = {}
    for out_line, in_line in zip(proc.stdout.splitlines(), lines):
        if not out_line.strip() or out_line == in_line:
            continue
        text = json.loads(in_line.decode("utf-8", "replace"))["text"]
        for start, end, reason in json.loads(out_line)["metadata"]["clean"]["removed"]:
            spans[reason] = spans.get(reason, 0) + 1
            removed_bytes[reason] = removed_bytes.get(reason, 0) + len(text[start:end].encode())
    assert spans and stats["removals"] == spans and stats["removed_bytes"] == removed_bytes


def test_text_mode_stats(tmp_path):
    seed = Path(__file__).parent / "fixtures" / "seeds" / "000_59105e75d0756e0d.txt"
    stats_path = tmp_path / "stats.json"
    proc = run("--stats-file", stats_path, seed)
    stats = json.loads(stats_path.read_text())
    assert stats["records"] == stats["cleaned"] == 1
    assert stats["bytes_in"] == seed.stat().st_size and stats["bytes_out"] == len(proc.stdout)
    assert stats["removals"]["tracking-id"] == 1


def _raise_on_boom(raw: bytes, where: str, job, stats: Stats) -> bytes:
    if b"boom" in raw:
        raise RuntimeError("detector bug")
    if b"bad" in raw:
        raise RecordError(f"{where}: malformed")
    return raw.upper()


def test_a_record_the_cleaner_fails_on_is_passed_through_and_counted():
    lines = [b"a", b"boom", b"", b"bad", b"c"] * 30
    numbered = [("in.jsonl", n, raw) for n, raw in enumerate(lines, 1)]
    for workers in (1, 2):
        with Pool(_raise_on_boom, None, workers, in_flight=3) as pool:
            results = list(pool.map(batches(numbered, max_records=7)))
        out = [line for r in results for line in r.lines]
        assert out == [b"A", b"boom", b"", b"bad", b"C"] * 30
        total = Stats()
        for r in results:
            total.merge(r.stats)
        assert (total.records, total.cleaned, total.errors, total.passed_through, total.blank_lines) == \
            (120, 60, 30, 30, 30)
        notes = [n for r in results for n in r.notes]
        assert notes[0].kind == "error" and "in.jsonl:2: cleaning failed (RuntimeError: detector bug)" in notes[0].message


def test_batches_hold_one_source_and_bounded_size():
    numbered = [("a", n, b"x" * 10) for n in range(1, 8)] + [("b", n, b"y" * 10) for n in range(1, 4)]
    got = [(b.source, b.first, len(b.lines)) for b in batches(numbered, max_records=3, max_bytes=25)]
    assert got == [("a", 1, 3), ("a", 4, 3), ("a", 7, 1), ("b", 1, 3)]
    assert run_batch(_raise_on_boom, None, Batch("s", 1, [b"ok", b"\x00"])).lines == [b"OK", b"\x00"]


@pytest.mark.slow
def test_binary_record_stops_the_run_in_order(tmp_path):
    data = corpus(150).splitlines(keepends=True)
    data.insert(100, b'{"text": "nul \x00 byte"}\n')
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b"".join(data))
    one = run("--jsonl", "-j", "1", path, check_code=2)
    two = run("--jsonl", "-j", "2", path, check_code=2)
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 100
    assert b"binary" in two.stderr and b"Traceback" not in two.stderr


def test_strict_stops_at_the_same_record_with_workers(records_file):
    one = run("--jsonl", "--strict", "-j", "1", records_file, check_code=1)
    two = run("--jsonl", "--strict", "-j", "2", records_file, check_code=1)
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 5
    assert b":6: not valid JSON" in two.stderr


@pytest.mark.slow
def test_gzip_and_zstd_round_trips(records_file, one_worker, tmp_path):
    import zstandard
    data = records_file.read_bytes()
    gz_in, zst_in = tmp_path / "in.jsonl.gz", tmp_path / "in.jsonl.zst"
    gz_in.write_bytes(gzip.compress(data))
    half = len(data) // 2
    cut = data.index(b"\n", half) + 1
    compressor = zstandard.ZstdCompressor()
    zst_in.write_bytes(compressor.compress(data[:cut]) + compressor.compress(data[cut:]))  # two frames
    for source in (gz_in, zst_in):
        for target in ("out.jsonl.gz", "out.jsonl.zst"):
            out = tmp_path / target
            run("--jsonl", "-j", "2", source, "-o", out)
            raw = out.read_bytes()
            plain = gzip.decompress(raw) if target.endswith(".gz") else \
                zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True).read()
            assert plain == one_worker.stdout
    text_out = tmp_path / "doc.txt.zst"
    seed = Path(__file__).parent / "fixtures" / "seeds" / "000_59105e75d0756e0d.txt"
    run(seed, "-o", text_out)
    assert zstandard.ZstdDecompressor().stream_reader(text_out.read_bytes()).read() == run(seed).stdout


@pytest.mark.slow
def test_output_file_appears_only_when_complete(tmp_path):
    target = tmp_path / "out.jsonl"
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(corpus(100) + b'{"text": "\x00"}\n')
    for workers in ("1", "2"):
        proc = run("--jsonl", "-j", workers, bad, "-o", target, check_code=2)
        assert not target.exists() and b"binary" in proc.stderr
        assert os.listdir(tmp_path) == ["bad.jsonl"]  # no temporary file left behind
    target.write_bytes(b"old\n")
    run("--jsonl", bad, "-o", target, check_code=2)
    assert target.read_bytes() == b"old\n"  # a failed run leaves the previous file alone
    good = tmp_path / "good.jsonl"
    good.write_bytes(corpus(20))
    run("--jsonl", good, "-o", target)
    assert target.read_bytes() == run("--jsonl", good).stdout
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert run("--jsonl", good, "-o", tmp_path / "no" / "such" / "dir.jsonl", check_code=2).stderr


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("workers", ["1", "2"])
def test_broken_pipe_exits_at_once_without_traceback(records_file, workers):
    proc = subprocess.Popen([CLEAN, "--jsonl", "-j", workers, records_file], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.read(100)
    closed = time.monotonic()
    proc.stdout.close()
    code = proc.wait(timeout=60)
    assert time.monotonic() - closed < 5
    assert code in (0, 141) and b"Traceback" not in proc.stderr.read()


def _processes_mentioning(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(int(pid))
            except OSError:
                pass
    return found


def _as_from_a_terminal() -> None:
    """Ctrl-C reaches a run started from a terminal. One started in the background of a script
    (a CI job launched with `&`) inherits SIGINT ignored, and Python then never raises
    KeyboardInterrupt: the tests play the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_stops_workers_and_removes_partial_output(tmp_path, sig, code):
    target = tmp_path / "out.jsonl.gz"
    # Input comes from a pipe held open, so the run is still going whenever the signal lands.
    proc = subprocess.Popen([CLEAN, "--jsonl", "-j", "2", "-", "-o", target],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_as_from_a_terminal)
    proc.stdin.write(corpus(300) * 3)
    proc.stdin.flush()
    deadline = time.monotonic() + 30
    while not any(name.endswith(".part") for name in os.listdir(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are running
    proc.send_signal(sig)
    assert proc.wait(timeout=30) == code
    err = proc.stderr.read()
    assert b"Traceback" not in err and (b"interrupted" in err or b"terminated" in err), err
    assert _processes_mentioning(str(target)) == []  # the workers went with it
    proc.stdin.close()
    assert os.listdir(tmp_path) == []


# A generator of a large JSONL stream: records with a short text (cheap to clean) and a large field
# that is passed through, so hundreds of MB flow through the reader, the pool and the writer fast.
GENERATOR = textwrap.dedent("""
    import json, sys
    texts = json.loads(sys.argv[2])
    filler = "lorem ipsum dolor sit amet " * 2000
    out = sys.stdout.buffer
    written, i = 0, 0
    while written < int(sys.argv[1]):
        line = json.dumps({"id": i, "text": texts[i % len(texts)], "raw": filler + str(i)}).encode() + b"\\n"
        out.write(line)
        written += len(line)
        i += 1
""")


# Runs the pipeline and reports `clean`'s peak RSS. It is a process of its own because Linux
# counts a forked child's peak from the parent's memory at fork time: measured straight from
# pytest, the peak would be that of whatever the test process holds by then.
MEASURE = textwrap.dedent("""
    import os, subprocess, sys
    gen = subprocess.Popen([sys.executable, "-c", sys.argv[1], sys.argv[2], sys.argv[3]], stdout=subprocess.PIPE)
    proc = subprocess.Popen([sys.argv[4], "--jsonl", "-j", sys.argv[5]], stdin=gen.stdout, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    gen.stdout.close()
    size = 0
    while chunk := proc.stdout.read(1 << 20):
        size += len(chunk)
    _, status, usage = os.wait4(proc.pid, 0)
    gen.wait()
    print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, size)
""")


def _peak_rss_mb(megabytes: int, workers: str) -> tuple[float, int]:
    """Peak RSS of `clean` (largest of its processes) with a generated stream on stdin."""
    out = subprocess.run([sys.executable, "-c", MEASURE, GENERATOR, str(megabytes << 20), json.dumps(TEXTS[:8]),
                          CLEAN, workers], capture_output=True, text=True, check=True).stdout
    code, maxrss, size = map(int, out.split())
    assert code == 0
    return maxrss / 1024, size


@pytest.mark.slow
@pytest.mark.skipif(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss == 0, reason="no ru_maxrss here")
@pytest.mark.parametrize("workers, megabytes", [("1", 200), ("2", 120)])
def test_memory_stays_flat_on_a_large_stream(workers, megabytes):
    small, _ = _peak_rss_mb(8, workers)
    large, size = _peak_rss_mb(megabytes, workers)
    assert size > (megabytes - 10) << 20
    assert large < small + 25, (small, large)
    assert large < 150, large


def test_import_clean_loads_only_the_core():
    code = ("import sys, clean, clean.records, clean.parallel; "
            "print(sorted(m for m in ('click', 'tqdm', 'zstandard', 'gzip', 'clean.cli', 'clean.bench') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_a_killed_worker_fails_the_run_with_status_3(tmp_path):
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen([CLEAN, "--jsonl", "-j", "2", "-", "-o", target],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdin.write(corpus(300) * 3)
    proc.stdin.flush()
    children_file = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 30
    workers: list[str] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = children_file.read_text().split()
    time.sleep(0.3)
    os.kill(int(workers[0]), signal.SIGKILL)
    # If the reader was waiting on the pipe, more input has it hand on work and meet the dead
    # worker; if it had already noticed, the pipe is closed.
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.write(corpus(300))
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    assert proc.wait(timeout=60) == 3
    err = proc.stderr.read()
    assert b"worker process died" in err and b"Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_documents_over_the_size_limit_pass_through_unchanged_and_counted(tmp_path):
    big = "A line of the story that goes on, officials said on Monday.\n" * 2000
    records = [{"id": 0, "text": "TOP STORIES\nShort story here, officials said in the city on Monday."},
               {"id": 1, "text": big}]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    stats = tmp_path / "stats.json"
    for workers in ("1", "2"):
        proc = subprocess.run([CLEAN, "--jsonl", "-j", workers, "--max-doc-size", "1000", "--stats-file", str(stats)],
                              input=stdin, capture_output=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode().splitlines()
        assert json.loads(out[0])["text"] == "Short story here, officials said in the city on Monday."
        assert out[1] == stdin.decode().splitlines()[1]
        assert b"-:2: 120000 characters, over the limit of 1000" in proc.stderr
        assert json.loads(stats.read_text())["over_limit"] == 1
    text = subprocess.run([CLEAN, "--max-doc-size", "1000"], input=big.encode(), capture_output=True, timeout=30)
    assert text.returncode == 0 and text.stdout == big.encode()


def test_a_document_over_its_time_budget_passes_through_unchanged(tmp_path):
    stdin = (json.dumps({"text": "TOP STORIES\n" + "Officials said the talks would resume next week.\n" * 3000})
             + "\n").encode()
    proc = subprocess.run([CLEAN, "--jsonl", "--doc-timeout", "0.001", "--strict"], input=stdin,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == stdin
    assert b"took longer than 0.001s" in proc.stderr and b"1 over a size or time limit" in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", [[], ["--jsonl"]])
def test_a_full_disk_is_a_clear_error(args):
    seed = Path(__file__).parent / "fixtures" / "seeds" / "000_59105e75d0756e0d.txt"
    text = seed.read_text(encoding="utf-8")
    stdin = (json.dumps({"text": text}) + "\n").encode() if args else text.encode()
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([CLEAN, *args], input=stdin, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 2
    assert b"No space left on device" in proc.stderr and b"Traceback" not in proc.stderr


# A pool interrupted while its workers are writing large results. Without care the process
# cannot exit: the executor's thread waits for the rest of a result that a stopped worker will
# never write. Each delay runs in a process of its own, so a hang is a timeout, not a stuck suite.
# Once the pool is left, the executor's thread has ended too: left running into the interpreter's
# exit, it races concurrent.futures' exit hook, which can then write to a pipe it just closed.
POOL_INTERRUPT = textwrap.dedent("""
    import sys, threading, time
    from clean.parallel import Batch, Pool

    def widen(raw, where, job, stats):
        return raw * 100_000_000

    try:
        with Pool(widen, None, workers=2) as pool:
            results = pool.map(Batch("-", 1, [b"x"]) for _ in range(6))
            next(results)  # the other batches are in flight now, their results on their way
            time.sleep(float(sys.argv[1]))
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        running = [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]
        print("stopped", len(running), flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_an_interrupted_pool_exits_while_workers_write_their_results(delay):
    proc = subprocess.run([sys.executable, "-c", POOL_INTERRUPT, str(delay)], capture_output=True, timeout=30)
    assert proc.returncode == 0 and proc.stdout == b"stopped 0\n", proc.stderr
    assert proc.stderr == b""


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("command, target", [("learn", "site.profile"), ("report", "report.html")])
def test_learn_and_report_interrupted_leave_no_partial_output(tmp_path, sig, code, command, target):
    proc = subprocess.Popen([CLEAN, command, "--jsonl", "-", "-o", tmp_path / target],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_as_from_a_terminal)
    try:
        proc.stdin.write(corpus(300))
        proc.stdin.flush()
        deadline = time.monotonic() + 30
        while not any(name.endswith(".part") for name in os.listdir(tmp_path)) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(sig)
        assert proc.wait(timeout=30) == code
        err = proc.stderr.read().decode()
        assert err.strip().splitlines()[-1] == f"clean {command}: " + (
            "terminated" if sig == signal.SIGTERM else "interrupted")
        assert os.listdir(tmp_path) == []
    finally:
        proc.kill()  # a run the signal did not end is not left behind
        proc.wait()
        proc.stdin.close()
