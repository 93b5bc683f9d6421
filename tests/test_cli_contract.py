"""What the command promises around a run: it never harms what its output names, never
overwrites an input, reads input for what it is, and refuses what does not apply."""

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seeds" / "000_59105e75d0756e0d.txt"
CLEAN = shutil.which("clean", path=str(Path(sys.executable).parent)) or shutil.which("clean")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args, stdin: bytes = b"", check_code: int | None = 0, timeout: float = 120):
    assert CLEAN, "the clean command is not installed"
    proc = subprocess.run([CLEAN, *map(str, args)], input=stdin, capture_output=True, timeout=timeout)
    if check_code is not None:
        assert proc.returncode == check_code, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc


@pytest.fixture(scope="module")
def expected() -> bytes:
    return run(SEED).stdout


# --- Output never destroys what it points at -------------------------------------------------

def test_output_into_a_fifo_reaches_its_reader(tmp_path, expected):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run(SEED, "-o", fifo, timeout=60)
    reader.join(30)
    assert got == [expected]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(os.listdir(tmp_path)) == ["pipe"]  # no temporary file beside it


def test_output_through_a_symlink_writes_its_target(tmp_path, expected):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    run(SEED, "-o", link)
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_bytes() == expected
    assert sorted(os.listdir(tmp_path)) == ["link.txt", "real.txt"]


def test_output_to_a_dangling_symlink_creates_its_target(tmp_path, expected):
    link = tmp_path / "link.txt"
    link.symlink_to("new.txt")
    run(SEED, "-o", link)
    assert link.is_symlink() and (tmp_path / "new.txt").read_bytes() == expected


def test_output_keeps_an_existing_files_mode(tmp_path, expected):
    target = tmp_path / "private.txt"
    target.write_bytes(b"old\n")
    target.chmod(0o600)
    run(SEED, "-o", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == expected
    target.chmod(0o640)
    run(SEED, "-o", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(not ROOT, reason="changing a file's owner needs root")
def test_output_keeps_an_existing_files_owner(tmp_path):
    target = tmp_path / "theirs.txt"
    target.write_bytes(b"old\n")
    os.chown(target, 12345, 23456)
    run(SEED, "-o", target)
    assert (target.stat().st_uid, target.stat().st_gid) == (12345, 23456)


def test_output_into_a_character_device_leaves_it_a_device(tmp_path):
    if ROOT:  # a device of our own: the machine's /dev/null is not put at risk
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        device = Path(os.devnull)
    run(SEED, "-o", device)
    run("--jsonl", "-o", device, stdin=b'{"text": "A line."}\n')
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    if ROOT:
        assert sorted(os.listdir(tmp_path)) == ["null"]
        assert os.stat(device).st_rdev == os.makedev(1, 3)


def test_output_to_a_directory_is_refused(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    proc = run(SEED, "-o", folder, check_code=2)
    assert b"Is a directory" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert list(folder.iterdir()) == [] and sorted(os.listdir(tmp_path)) == ["out"]


def _fails_before_reading(*args) -> subprocess.CompletedProcess:
    """Run with a stdin held open and empty: only a check made before reading can end the run."""
    proc = subprocess.Popen([CLEAN, *map(str, args)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"clean {' '.join(map(str, args))} waited for input instead of failing")
    finally:
        proc.stdin.close()
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def test_a_bad_stats_path_fails_before_any_input_is_read(tmp_path):
    proc = _fails_before_reading("--jsonl", "--stats-file", tmp_path / "no" / "such" / "stats.json")
    assert proc.returncode == 2 and b"stats.json" in proc.stderr and b"Traceback" not in proc.stderr
    proc = _fails_before_reading("--jsonl", f"--stats={tmp_path}")
    assert proc.returncode == 2 and b"Is a directory" in proc.stderr


def test_a_bad_output_path_fails_before_any_input_is_read(tmp_path):
    proc = _fails_before_reading("--jsonl", "-o", tmp_path / "no" / "such" / "out.jsonl")
    assert proc.returncode == 2 and b"out.jsonl" in proc.stderr
    proc = _fails_before_reading("--jsonl", "-o", tmp_path)
    assert proc.returncode == 2 and b"Is a directory" in proc.stderr


def test_learn_writes_through_a_symlink_and_keeps_the_mode(tmp_path):
    target = tmp_path / "site.profile"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "current.profile"
    link.symlink_to(target.name)
    run("learn", SEED, "-o", link)
    assert link.is_symlink() and target.read_bytes() != b"old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    run("--profile", link, SEED)  # the profile written is a profile


# --- No spelling of the command overwrites one of its inputs -------------------------------------

def test_stats_is_a_flag_and_the_file_after_it_is_an_input(tmp_path, expected):
    story = tmp_path / "a.txt"
    story.write_bytes(SEED.read_bytes())
    proc = run("--stats", story)
    assert story.read_bytes() == SEED.read_bytes()  # cleaned, not overwritten with the counters
    assert proc.stdout == expected
    counters = json.loads(proc.stderr.decode().splitlines()[-1])
    assert counters["records"] == counters["cleaned"] == 1 and counters["completed"] is True
    assert counters["bytes_in"] == SEED.stat().st_size and counters["bytes_out"] == len(expected)


@pytest.mark.parametrize("spelling", [["--stats-file", "{}"], ["--stats={}"]])
def test_stats_file_spellings_write_the_counters(tmp_path, spelling):
    target = tmp_path / "run.json"
    proc = run(*[s.format(target) for s in spelling], SEED)
    assert json.loads(target.read_text())["records"] == 1
    assert b"{" not in proc.stderr  # the counters go to the file only


def _same_file_refused(tmp_path, *args, story: Path) -> None:
    before = story.read_bytes()
    proc = run(*args, check_code=2)
    assert b"same file" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert story.read_bytes() == before
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]


def test_an_output_that_is_an_input_is_refused_whatever_its_name(tmp_path):
    story = tmp_path / "a.txt"
    story.write_bytes(SEED.read_bytes())
    hard = tmp_path / "hard.txt"
    os.link(story, hard)
    soft = tmp_path / "soft.txt"
    soft.symlink_to(story)
    for out in (story, hard, soft, tmp_path / "." / "a.txt"):
        _same_file_refused(tmp_path, story, "-o", out, story=story)
        _same_file_refused(tmp_path, "--stats-file", out, story, story=story)
        _same_file_refused(tmp_path, f"--stats={out}", story, story=story)
    records = tmp_path / "in.jsonl"
    records.write_bytes(b'{"text": "A line of the story."}\n')
    _same_file_refused(tmp_path, "--jsonl", records, "-o", records, story=records)
    _same_file_refused(tmp_path, "learn", story, "-o", hard, story=story)
    proc = run(story, "-o", tmp_path / "new.txt", "--stats-file", tmp_path / "." / "new.txt", check_code=2)
    assert b"same file" in proc.stderr and not (tmp_path / "new.txt").exists()


def test_stdout_appended_to_an_input_is_refused(tmp_path):
    story = tmp_path / "a.txt"
    story.write_bytes(SEED.read_bytes())
    with open(story, "ab") as out:
        proc = subprocess.run([CLEAN, str(story)], stdout=out, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 2 and b"stdout is the same file as the input" in proc.stderr
    assert story.read_bytes() == SEED.read_bytes()
    with open(story, "rb") as stdin, open(story, "ab") as out:
        proc = subprocess.run([CLEAN], stdin=stdin, stdout=out, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 2 and b"input stdin" in proc.stderr
    assert story.read_bytes() == SEED.read_bytes()


# --- Input is read for what it is ------------------------------------------------------------------

def write_wet(path: Path, texts) -> None:
    """A WET file as Common Crawl writes them: a warcinfo record, then one `conversion` record of
    text/plain per page."""
    import io

    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "clean tests"}))
        for url, text in texts:
            writer.write_record(writer.create_warc_record(url, "conversion", payload=io.BytesIO(text),
                                                          warc_content_type="text/plain"))


@pytest.fixture()
def wet(tmp_path, warc_reader) -> Path:
    pytest.importorskip("warcio")
    path = tmp_path / "CC-MAIN-0001.warc.wet.gz"
    write_wet(path, [("http://xinhuanet.com/a", SEED.read_bytes()),
                     ("https://example.com/b", b"Ferry service resumes on the lake.\nA second line of the story.\n")])
    return path


def test_wet_records_are_cleaned_as_text(wet, expected):
    proc = run("--warc", wet)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["url"] for r in records] == ["http://xinhuanet.com/a", "https://example.com/b"]
    first = records[0]
    assert first["warc_record_id"].startswith("<urn:uuid:") and first["date"]
    assert first["text"] + "\n" == expected.decode()  # the same clean text as the file gives
    meta = first["metadata"]["clean"]
    assert meta["source"] == "Xinhua" and meta["removed"] and meta.get("extractor") is None
    assert records[1]["text"].startswith("Ferry service resumes")
    assert "2 WET text records read, 2 cleaned" in proc.stderr.decode()
    counters = json.loads(run("--stats", wet).stderr.decode().splitlines()[-1])
    assert counters["records"] == counters["cleaned"] == 2 and counters["removals"] == {
        reason: sum(1 for r in records for *_, why in r["metadata"]["clean"]["removed"] if why == reason)
        for reason in counters["removals"]}


def test_wet_record_with_nul_bytes_is_an_error_record_and_the_run_goes_on(tmp_path, warc_reader):
    pytest.importorskip("warcio")
    path = tmp_path / "x.wet"
    write_wet(path, [("https://example.com/bin", b"\x00\x01\x02\x03"), ("https://example.com/ok", b"A story.\n")])
    records = [json.loads(line) for line in run(path).stdout.splitlines()]
    assert records[0]["text"] == "" and "binary" in records[0]["metadata"]["clean"]["error"]
    assert records[1]["text"] == "A story."


def test_warc_input_is_detected_by_name_and_by_content(wet, tmp_path):
    given = run("--warc", wet).stdout
    assert run(wet).stdout == given  # by name
    renamed = tmp_path / "crawl.gz"
    renamed.write_bytes(wet.read_bytes())
    assert run(renamed).stdout == given  # by its first record
    assert run(stdin=wet.read_bytes()).stdout == given  # stdin too
    plain = tmp_path / "crawl.txt"
    plain.write_bytes(gzip_decompress(wet.read_bytes()))
    assert run(plain).stdout == given


def run_with_a_slow_writer(*args, stdin: bytes, split: int):
    """`clean` reading a pipe whose writer sends the first `split` bytes, pauses, then the rest,
    as a producer upstream in a pipeline may."""
    proc = subprocess.Popen([CLEAN, *map(str, args)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)

    def write():
        proc.stdin.write(stdin[:split])
        proc.stdin.flush()
        time.sleep(0.5)
        proc.stdin.write(stdin[split:])
        proc.stdin.close()

    errors = []
    threads = [threading.Thread(target=write, daemon=True),
               threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)]
    for thread in threads:
        thread.start()
    out = proc.stdout.read()
    for thread in threads:
        thread.join(60)
    return proc.wait(60), out, errors[0]


@pytest.mark.parametrize("split", [1, 20, 100])
def test_stdin_is_recognised_however_its_writer_splits_it(wet, expected, split):
    given = run("--warc", wet).stdout
    for flags in ([], ["--warc"]):
        code, out, err = run_with_a_slow_writer(*flags, stdin=wet.read_bytes(), split=split)
        assert (code, out) == (0, given), err.decode()
    # text is looked at too (is it a WARC?) and then read whole, the looked-at head included
    assert run_with_a_slow_writer(stdin=SEED.read_bytes(), split=split)[:2] == (0, expected)


def gzip_decompress(data: bytes) -> bytes:
    import gzip

    return gzip.decompress(data)


def test_warc_mixed_with_text_is_refused_naming_the_option(wet):
    proc = run(wet, SEED, check_code=2)
    assert b"--warc" in proc.stderr and b"Traceback" not in proc.stderr


def _jsonl_records(tmp_path: Path, name: str) -> Path:
    import gzip

    records = b"".join(json.dumps({"id": n, "text": SEED.read_text(encoding="utf-8")}).encode() + b"\n"
                       for n in range(3))
    path = tmp_path / name
    path.write_bytes(gzip.compress(records) if name.endswith(".gz") else records)
    return path


@pytest.mark.parametrize("name", ["in.jsonl", "in.ndjson", "in.jsonl.gz"])
def test_a_file_named_jsonl_is_read_as_json_lines(tmp_path, expected, name):
    path = _jsonl_records(tmp_path, name)
    before = path.read_bytes()
    proc = run(path)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == [0, 1, 2]
    assert all(r["text"] + "\n" == expected.decode() for r in records)
    assert proc.stdout == run("--jsonl", path).stdout
    assert path.read_bytes() == before


def test_json_lines_mixed_with_text_is_refused_and_text_reads_one_document(tmp_path):
    path = _jsonl_records(tmp_path, "in.jsonl")
    proc = run(path, SEED, check_code=2)
    assert b"--jsonl" in proc.stderr
    one = run("--text", path)  # asked for: the whole file as one text, not three records cleaned
    assert one.stdout and one.stdout != run("--jsonl", path).stdout


# --- Help, refusals, quiet, a terminal on stdin --------------------------------------------------

@pytest.mark.parametrize("module", [False, True])
def test_help_lists_the_subcommands_every_reason_and_examples(module):
    from clean.cleaner import OPTIONAL_REASONS, REASONS

    cmd = [sys.executable, "-m", "clean"] if module else [CLEAN]
    out = subprocess.run([*cmd, "--help"], capture_output=True, timeout=60, check=True).stdout.decode()
    assert "clean learn" in out and "clean report" in out and "Examples:" in out and "clean page.txt" in out
    words = set(out.replace(",", " ").replace(".", " ").replace("(", " ").replace(")", " ").split())
    assert set(REASONS) | set(OPTIONAL_REASONS) <= words  # whole codes, never split at a hyphen
    assert "--quiet" in out and "--stats-file" in out
    learn = subprocess.run([*cmd, "learn", "--help"], capture_output=True, timeout=60)
    assert learn.returncode == 0 and b"Usage: clean learn" in learn.stdout
    report = subprocess.run([*cmd, "report", "--help"], capture_output=True, timeout=60)
    assert report.returncode == 0 and b"Usage: clean report" in report.stdout


@pytest.mark.parametrize("args, says", [
    (["--target-lang", "de", SEED], b"--target-lang applies to HTML"),
    (["--no-html", "--favor-precision", SEED], b"--favor-* applies to HTML"),
    (["--jsonl", "--format", "json"], b"--format applies to documents"),
    (["--explain", "--jsonl"], b"--explain"),
    (["--source", "example.com", SEED], b"--source"),
    (["--group-key", "site", "--jsonl"], b"--group-key"),
    (["--strict", SEED], b"--strict applies to JSON lines"),
    (["-j", "2", SEED], b"-j/--workers applies to JSON lines"),
    (["--lang", "xx", SEED], b"--lang xx"),
])
def test_options_that_do_not_apply_are_refused_in_one_line(tmp_path, args, says):
    target = tmp_path / "out.txt"
    proc = run(*args, "-o", target, check_code=2)
    assert says in proc.stderr and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert proc.stdout == b"" and os.listdir(tmp_path) == []


def test_options_that_apply_are_accepted():
    record = b'{"text": "A line of the story, long enough to be a sentence of it."}\n'
    run("--jsonl", "--target-lang", "de", "--html-key", "page", stdin=record)
    run("--lang", "EN", SEED)
    story = run("--lang", "en", SEED).stdout
    assert story == run(SEED).stdout


def test_quiet_silences_summaries_and_warnings_not_errors(tmp_path):
    records = b'{"text": "A line."}\n{not json\n'
    loud = run("--jsonl", stdin=records)
    assert b"not valid JSON" in loud.stderr and b"records read" in loud.stderr
    quiet = run("--jsonl", "-q", stdin=records)
    assert quiet.stderr == b"" and quiet.stdout == loud.stdout
    assert run("-q", stdin=b"bad \xff bytes in a line of text.\n").stderr == b""
    failed = run("--quiet", tmp_path / "missing.txt", check_code=2)
    assert b"missing.txt" in failed.stderr


@pytest.mark.parametrize("command", ["learn", "report"])
def test_learn_and_report_are_quiet_with_q_and_still_write_and_fail_aloud(tmp_path, command):
    records = _jsonl_records(tmp_path, "in.jsonl")
    loud, quiet = tmp_path / "loud.out", tmp_path / "quiet.out"
    assert f"clean {command}: ".encode() in run(command, records, "-o", loud).stderr
    assert run(command, "-q", records, "-o", quiet).stderr == b""
    assert quiet.stat().st_size > 0 and (command == "report" or quiet.read_bytes() == loud.read_bytes())
    failed = run(command, "-q", tmp_path / "missing.jsonl", "-o", quiet, check_code=2)
    assert b"missing.jsonl" in failed.stderr


def _on_a_terminal(*args) -> subprocess.CompletedProcess:
    import pty  # noqa: F401 -- the test needs a pseudo-terminal

    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([CLEAN, *args], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(slave)
        os.write(master, b"A line typed at the terminal, a sentence long.\n")
        os.write(master, b"\x04")  # Ctrl-D at the start of a line: end of input
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_terminal_on_stdin_is_told_what_clean_waits_for():
    proc = _on_a_terminal()
    assert proc.returncode == 0
    assert proc.stderr.decode().count("\n") == 1 and "reading text from stdin" in proc.stderr.decode()
    assert "Ctrl-D" in proc.stderr.decode()
    assert b"A line typed at the terminal" in proc.stdout
    assert _on_a_terminal("-q").stderr == b""


def test_a_fifo_input_is_read_whole(tmp_path, expected):
    """Looking at an input's first bytes (WARC? HTML?) must not take them from a pipe: `clean <(cmd)`."""
    fifo = tmp_path / "story"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "wb") as f:
            f.write(SEED.read_bytes())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert run(fifo, timeout=60).stdout == expected
    writer.join(30)


def test_text_or_no_warc_reads_a_warc_file_as_text(wet):
    for option in ("--text", "--no-warc"):
        out = run(option, wet).stdout
        assert out and not out.startswith(b'{"url"')
