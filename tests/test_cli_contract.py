"""What the command promises around a run: it never harms what its output names, never
overwrites an input, reads input for what it is, and refuses what does not apply."""

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
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
