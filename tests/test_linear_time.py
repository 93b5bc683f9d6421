"""Cleaning time grows linearly with the input on the shapes that once made it quadratic.

Each shape is timed at two sizes in the same test (best of three, so a busy machine does not
decide it): four times the input must cost well under the sixteen times a quadratic
algorithm would take.
"""

import time

import pytest

from clean import clean_text
from clean.bench import adversarial

pytestmark = pytest.mark.slow  # times cleaning on inputs of megabytes

SIZE = 25_000
SHAPES = {
    # Markdown signs make the text markdown; then every "**" or "[" is a candidate mark.
    "emphasis marks without a close": lambda n: "[a](b) " * 5 + "**a " * (n // 4),
    "link openings without a close": lambda n: "[a](b) " * 5 + "[a](" * (n // 4),
    # One long line with thousands of inline cuts to map back to the input.
    "glued player residue on one line": lambda n: "The convoy left, officials said. Video PlayerClose " * (n // 51),
    "caption prefix repeated on one line": lambda n: "Image copyright " * (n // 16),
    # Every run of signed comments asks how much prose stands before and after it.
    "short signed threads one after another": lambda n: (
        "Nov 19, 2019 at 6:34 am\nNov 19, 2019 at 6:35 am\nNov 19, 2019 at 6:36 am\n" + "A short line\n" * 9
        + "The man visited Paris on Monday and met the mayor there.\n") * (n // 190),
    # Every "More ..." header asks whether the paragraphs from it to the end are all teasers.
    "more-stories headers over teaser-shaped lines": lambda n: (
        "More Example Herald\n\nThe man visited Paris on Monday and met the mayor there.\n\n" * (n // 77)
        + "It ended without any warning to the reader at all, she said.\n"),
}


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        clean_text(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_input_costs_well_under_sixteen_times(shape):
    clean_text("Warm up the stoplists. " * 20)
    small = _best_time(SHAPES[shape](SIZE))
    large = _best_time(SHAPES[shape](4 * SIZE))
    assert large / small < 8, f"{shape}: {small:.3f}s at {SIZE} chars, {large:.3f}s at {4 * SIZE}"


def test_adversarial_benchmark_measures_every_row():
    rows = adversarial.run(scale=0.002)
    names = [name for name, _ in adversarial.cases(0.002)]
    assert [r["input"] for r in rows] == names
    assert rows[0]["input"] == adversarial.BASELINE and rows[0]["ratio"] == 1.0
    assert all(r["mb"] > 0 and r["seconds"] is not None and r["ratio"] > 0 and r["ratio_run"] > 0 for r in rows)
    assert "OVER" in adversarial.format_table(rows, limit=0.0)
