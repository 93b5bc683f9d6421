"""Invariants of learning for any corpus: order independence, exact merging of partial
profiles, and the error bound of pruning."""


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean.profile import Learner, dumps, learn, line_fingerprint, merge

pytestmark = pytest.mark.slow  # hypothesis: many corpora learned and merged

LINES = ["Home", "TOP STORIES", "Share this", "© 2021 Site", "Follow us on the social networks of the site today",
         "The mayor said the bridge would reopen in May after the repairs were finished.",
         "Prices rose again.", "A quiet street in the old town.", "Read more", "Editor: Kim"]
document = st.tuples(st.lists(st.sampled_from(LINES) | st.text(min_size=1, max_size=20), max_size=8),
                     st.sampled_from(["", "a.example", "b.example", "c.example"]))
corpora = st.lists(document, max_size=40)


def _pairs(corpus):
    return [("\n".join(lines), source) for lines, source in corpus]


@settings(max_examples=60, deadline=None)
@given(corpora, st.randoms(use_true_random=False))
def test_any_order_gives_the_same_bytes(corpus, rng):
    docs = _pairs(corpus)
    shuffled = list(docs)
    rng.shuffle(shuffled)
    assert dumps(learn(docs)) == dumps(learn(shuffled))


@settings(max_examples=60, deadline=None)
@given(corpora, st.integers(1, 4), st.randoms(use_true_random=False))
def test_partial_shards_merge_into_the_whole(corpus, k, rng):
    docs = _pairs(corpus)
    shards = [[] for _ in range(k)]
    for doc in docs:
        shards[rng.randrange(k)].append(doc)
    assert dumps(merge(*(learn(s, partial=True) for s in shards))) == dumps(learn(docs))


@settings(max_examples=40, deadline=None)
@given(corpora, st.integers(1, 30))
def test_pruned_counts_are_within_the_bound(corpus, cap):
    docs = _pairs(corpus)
    exact = learn(docs, partial=True)
    learner = Learner(cap=cap)
    for text, source in docs:
        learner.add(text, source)
    pruned = learner.profile()
    p = pruned.pruned
    for source, sp in exact.sources.items():
        kept = pruned.sources[source].lines
        for fp, line in sp.lines.items():
            if fp in kept:
                assert line.df - p <= kept[fp].df <= line.df
            if line.df >= p + 2:
                assert fp in kept


def test_lines_are_matched_whatever_their_case_digits_and_punctuation():
    docs = [(f"TOP STORIES:\nBody line number {i} says something else entirely.\n© {2000 + i} Site", "x")
            for i in range(5)]
    profile = learn(docs)
    assert profile.match("x", "Top stories") and profile.match("x", "(c) 1999 SITE") is None
    assert profile.match("x", "© 1999 SITE")
    assert line_fingerprint("Top stories") in profile.sources["x"].boilerplate()
