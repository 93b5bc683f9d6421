"""The learning benchmark's corpus and its bounded-memory claim, at a small size."""

from clean.bench.learn import _one, documents
from clean.profile import Learner


def test_generated_corpus_is_reproducible():
    assert list(documents(30, 3, 10)) == list(documents(30, 3, 10))
    assert {s for _, s in documents(30, 3, 10)} == {"site0.example", "site1.example", "site2.example"}


def test_table_stays_bounded_while_the_corpus_grows():
    cap = 1000
    peaks = []
    for n in (150, 600):
        learner = Learner(cap=cap)
        peak = 0
        for text, source in documents(n, 5, 20):
            learner.add(text, source)
            peak = max(peak, learner.entries)
        profile = learner.profile()
        repeated = sum(len(s.lines) for s in profile.sources.values())
        assert profile.pruned > 0
        assert peak <= max(cap, 2 * repeated) + 40  # 40: more than one document's lines
        peaks.append(peak)
        # Every source's template (3 head, 5 tail, the time stamp, "Related stories") is learned.
        assert profile.boilerplate_lines() >= 5 * 10
    assert peaks[1] <= peaks[0] * 1.5


def test_one_run_reports_its_figures():
    row = _one(100, 3, 10, 500, trace=True)
    assert row["docs"] == 100 and row["pruned"] >= 1 and row["traced_peak_mb"] > 0
    assert row["peak_entries"] <= 500 + 40
