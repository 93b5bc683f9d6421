"""Data-driven cases: raw text as a scraper left it, the body and metadata expected from it."""

import pytest
from conftest import load_cases

from clean import clean_text

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    article = clean_text(case["input"])
    assert article.text == case["body"]
    meta = article.metadata()
    for name, expected in case.get("metadata", {}).items():
        assert meta[name] == expected, name
    reasons = {r.reason for r in article.removed}
    if case.get("unchanged"):
        assert reasons == set()
    else:
        assert set(case.get("reasons", [])) <= reasons


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_is_idempotent(case):
    once = clean_text(case["input"]).text
    assert clean_text(once).text == once


def test_there_are_enough_cases():
    # The seeds plus at least twenty cases of our own, negative ones among them.
    assert len(CASES) >= 22
    assert sum(1 for c in CASES if c.get("unchanged")) >= 5
