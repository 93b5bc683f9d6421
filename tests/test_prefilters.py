"""The cheap tests that spare a line a full regex search never spare one the search would match.

Each prefilter is checked against the search it guards on every line of the fixtures and the
bench renderings, as written and with its case changed. (The native judges' literal gates,
`Subject::holds`, are held by each judge's cargo tests and the differential tests.)
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

INPUTS = Path(__file__).parent.parent / "bench" / "zyte-dev" / "inputs"
CASES = Path(__file__).parent / "fixtures" / "cases"


@pytest.fixture(scope="module")
def lines() -> list[str]:
    texts = [case["input"] for path in sorted(CASES.glob("*.json")) for case in json.loads(path.read_text("utf-8"))]
    for path in sorted(INPUTS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts += [json.loads(record)["text"] for record in f]
    seen = {block.text for text in texts for block in segment.segment(text)}
    variants = {v for text in seen for v in (text, text.upper(), text.swapcase())}
    return sorted(variants)


# The signs of Markdown the native segmentation counts (src/segment.rs, markdown_signs), behind a
# gate that looks for "*", "](" or a leading "#" first.
_MD_SIGNS = re.compile(r"\]\(|^#{1,6} |^\* |\*\*")


@pytest.mark.slow
def test_markdown_gate_agrees_with_its_pattern(lines):
    for text in lines:
        if len(text) * 5 < 200_000:  # the verdict's budget of characters
            # five copies of a line make the verdict if and only if the line holds a sign
            assert segment.looks_like_markdown([(0, 0, text)] * 5) == bool(_MD_SIGNS.search(text)), text


_SPACES = "  \t\u00a0\u2003\u3000\u200b\ufeff\u00ad\x0b\x1c"


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.-’é") + list(_SPACES)), max_size=30))
def test_normalise_folds_as_its_patterns_say(line):
    folded = re.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", line)
    assert segment.normalise(line) == re.sub(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", folded).strip()
