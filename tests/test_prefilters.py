"""The cheap tests that spare a line a full regex search never spare one the search would match.

Each prefilter is checked against the search it guards on every line of the fixtures and the
bench renderings,
as written and with its case changed (ignore-case patterns fold case; their gates must too),
and on generated text for the characters that fold unlike `str.lower`.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean import segment
from clean.residue import _text, captions, comments, footer, related

INPUTS = Path(__file__).parent.parent / "bench" / "zyte-dev" / "inputs"
CASES = Path(__file__).parent / "fixtures" / "cases"
HINTED = {
    f"{module.__name__.rsplit('.', 1)[1]}.{name}": value
    for module in (captions, comments, footer, related)
    for name, value in vars(module).items()
    if isinstance(value, _text.Hinted)
}


@pytest.fixture(scope="module")
def lines() -> list[str]:
    texts = [case["input"] for path in sorted(CASES.glob("*.json")) for case in json.loads(path.read_text("utf-8"))]
    for path in sorted(INPUTS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts += [json.loads(record)["text"] for record in f]
    seen = {block.text for text in texts for block in segment.segment(text)}
    variants = {v for text in seen for v in (text, text.upper(), text.swapcase())}
    return sorted(variants)


def test_there_are_gates_to_check():
    assert HINTED


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HINTED))
def test_a_hint_gate_never_hides_a_match(name, lines):
    hinted = HINTED[name]
    matched = [text for text in lines if hinted.pattern.search(text)]
    assert matched, f"{name}: no line of the bench matches, so the gate is not checked"
    hidden = [text for text in matched if not hinted.may_match(text)]
    assert not hidden, f"{name} gate hides {len(hidden)} matches, e.g. {hidden[0][:200]!r}"


@pytest.mark.slow
def test_cut_summary_gate_agrees_with_its_pattern(lines):
    for text in lines:
        if related._CUT_SUMMARY.search(text):
            assert text.endswith(("…", "..."))


# The signs of Markdown the native segmentation counts (src/segment.rs, markdown_signs), behind a
# gate that looks for "*", "](" or a leading "#" first.
_MD_SIGNS = re.compile(r"\]\(|^#{1,6} |^\* |\*\*")


@pytest.mark.slow
def test_markdown_gate_agrees_with_its_pattern(lines):
    for text in lines:
        if len(text) * 5 < 200_000:  # the verdict's budget of characters
            # five copies of a line make the verdict if and only if the line holds a sign
            assert segment.looks_like_markdown([(0, 0, text)] * 5) == bool(_MD_SIGNS.search(text)), text


# A gate of the tests' own over an ignore-case pattern (the families' ignore-case gates went
# native with their judges, behind `Subject::holds`): words that hold the letters folding unlike
# `str.lower`.
PITCH = _text.Hinted(re.compile(r"\b(?:sign up for our|subscribe (?:now|today)|support us)\b", re.I),
                     ("sign up", "subscri", "support"))


@pytest.mark.parametrize("letter, word", [
    ("\u0130", "S\u0130GN UP FOR OUR"),  # dotted capital I: lower() makes it two characters
    ("\u0131", "subscr\u0131be now"),  # dotless i
    ("\u017f", "\u017fubscribe now"),  # long s
])
def test_letters_that_fold_unlike_lower_still_reach_the_pattern(letter, word):
    hinted = PITCH
    assert letter not in word.lower() or letter in "\u0131\u017f"
    assert hinted.pattern.search(word), "the regex engine folds the letter to its Latin one"
    assert hinted.may_match(word)


_FOLDING = st.sampled_from(["subscribe", "SUBSCRIBE", "SUBSCR\u0130BE", "subscr\u0131be", "\u017fubscribe", "now",
                            "sign up", "S\u0130GN UP", "for our", "support", "\u017fupport", "us", "Please", "é", "’", " "])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(_FOLDING, max_size=8).map(" ".join))
def test_an_ignore_case_gate_never_hides_a_match(text):
    if PITCH.pattern.search(text):
        assert PITCH.may_match(text)


_SPACES = "  \t\u00a0\u2003\u3000\u200b\ufeff\u00ad\x0b\x1c"


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.-’é") + list(_SPACES)), max_size=30))
def test_normalise_folds_as_its_patterns_say(line):
    folded = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", line)
    assert segment.normalise(line) == re.sub(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", folded).strip()
