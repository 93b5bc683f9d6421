"""The native segmentation (src/segment.rs, through clean.segment) against the Python one it
replaced (tests/segment_reference.py): the same blocks, offsets and text on every dev input and
fixture, and on hostile text. Delete this test with the reference once the port is done."""

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import segment_reference as reference
from clean import _core, segment
from conftest import FIXTURES, load_cases

ROOT = Path(__file__).resolve().parent.parent


def _shared_bench() -> Path | None:
    """The shared development sets (../shared/bench beside the repository or above it)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "bench").is_dir():
            return parent / "shared" / "bench"
    return None


SHARED = _shared_bench()
NO_SHARED = "the shared dev sets (../shared/bench) are not on this machine"


def _jsonl(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def assert_same(text: str, token: str | None = None) -> None:
    want = reference.segment(text, token)
    got = segment.segment(text, token)
    assert got == want
    assert [type(b) for b in got] == [type(b) for b in want]
    assert segment.split_lines(text, token) == reference.split_lines(text, token)
    for block in want:
        n = len(block.text)
        ranges = [(0, n), (0, n // 2), (n // 3, n), (max(0, n - 1), n), (n // 2, n // 2)]
        if reference.to_source_ranges(block, text, ranges[:1]) != [(block.start, block.end)] and n <= 3000:
            ranges += [(k, k + 1) for k in range(n)]  # a folded block: every character
        assert segment.to_source_ranges(block, text, ranges) == reference.to_source_ranges(block, text, ranges)


def _texts_of(path: Path, key: str = "text"):
    return [record[key] for record in _jsonl(path)]


ZYTE = sorted((ROOT / "bench" / "zyte-dev" / "inputs").glob("*.jsonl.gz"))


@pytest.mark.parametrize("path", ZYTE, ids=lambda p: p.name)
def test_zyte_dev_renderings(path):
    texts = _texts_of(path)
    assert texts
    for text in texts:
        assert_same(text)


@pytest.mark.skipif(SHARED is None, reason=NO_SHARED)
def test_multinews_dev_records():
    records = list(_jsonl(SHARED / "multinews-dev" / "records.jsonl.gz"))
    assert records
    for record in records:
        text = record["document"]
        assert_same(text, "NEWLINE_CHAR")
        for story in text.split("|||||"):  # what the cleaner segments with --doc-sep '|||||'
            assert_same(story, "NEWLINE_CHAR")


@pytest.mark.skipif(SHARED is None, reason=NO_SHARED)
@pytest.mark.parametrize("name", ["bs4-lines", "html-text", "newspaper4k", "trafilatura", "trafilatura-recall"])
def test_trafi_dev_pages(name):
    texts = _texts_of(SHARED / "trafi-dev" / "inputs" / f"{name}.jsonl")
    assert texts
    for text in texts:
        assert_same(text)


def test_fixtures():
    cases = load_cases()
    assert cases
    for case in cases:
        assert_same(case["input"])
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        assert_same(path.read_text(encoding="utf-8"))


# Hostile text: every kind of line end and space, invisibles, NUL, lone surrogates, combining
# marks, the punctuation the joins look at, Markdown marks, digits of other scripts, and cased
# letters that are neither upper nor lower as Rust and Python might disagree on.
_PIECES = st.sampled_from([
    "\n", "\r", "\r\n", "\n\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
    " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u202f", "\u1680", "\u200b", "\ufeff", "\u00ad", "\u2060",
    "\x00", "\ud800", "\udfff", "\u0301", "\u093e", "\u0663", "\u00b2", "\u01c5", "\u2162", "\u0130", "ß",
    ".", ",", ")", "(", "’", "”", "“", "«", "…", "%", "!", "?", ":", ";", '"',
    "*", "**", "_", "__", "#", "# ", "###### ", "####### ", "* ", "- ", "> ", "1. ", "12) ", "1234. ", "•",
    "[", "]", "](", "![", "[!", "[a](b)", "![i](u)", '[t](u "x")', "|", "NL",
    "word", "Word", "the", "a", "é", "Ünï", "中文", "x" * 45, "y" * 70,
])
_HOSTILE = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_HOSTILE, st.sampled_from([None, "", "NL", "\r", "|"]))
def test_hostile_text(text, token):
    assert_same(text, token)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text(text):
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab *_[]()!#\n\"\u00a0") + ["](", "**", "é"]), max_size=80).map("".join))
def test_markdown_pieces(text):
    assert segment.strip_markdown(text) == reference.strip_markdown(text)
    assert segment.normalise(text) == reference.normalise(text)


def test_very_long_lines():
    line = ("word " * 50_000).strip()
    for text in [line, line + "\n" + line, "* " + line + "**", "[" * 20_000 + "](" * 20_000, "_a " * 30_000,
                 ("x" * 70 + "\n") * 3000, "\u00a0 " * 40_000 + "z", "\ud800" * 10_000 + "\r\n" * 10_000]:
        assert_same(text)
    assert_same("NL".join([line] * 3), "NL")


def test_the_tables_are_this_pythons():
    """src/tables.rs pins the character classes of the CPython that generated it."""
    import unicodedata

    if unicodedata.unidata_version != _core.UNICODE_VERSION:
        pytest.skip(f"tables from Unicode {_core.UNICODE_VERSION}, this Python has {unicodedata.unidata_version}")
    spec = (ROOT / "src" / "tables.py")
    namespace: dict = {}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    assert namespace["render"]() == (ROOT / "src" / "tables.rs").read_text(encoding="utf-8")
