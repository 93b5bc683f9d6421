"""The native main block and block model (src/main_content.rs, src/block_model.rs, through
clean.main_content and clean.block_model) against the Python ones they replaced
(tests/judges_reference/main_content.py and block_model.py): on every page the cleaner weighs in
every dev input and fixture, and on every document taken whole as a page, the same main block,
the same headline anchors, the same feature rows and probabilities (to 1e-12; the decisions they
feed, the same), and the same blocks kept. Delete this test with the references once the port is
done."""

import sys
from pathlib import Path

import pytest

from clean import Cleaner, block_model, decide, document, main_content
from test_lines_native import INPUTS, SETS

sys.path.insert(0, str(Path(__file__).parent / "judges_reference"))
import block_model as block_model_reference  # noqa: E402
import main_content as main_content_reference  # noqa: E402

TOLERANCE = 1e-12


def _farthest(got: list[float], want: list[float]) -> float:
    """How far apart two lists of numbers are, at their farthest (pytest.approx is slow on the
    million numbers of the dev sets)."""
    assert len(got) == len(want)
    return max((abs(a - b) for a, b in zip(got, want)), default=0.0)


def _pages(texts: list[str], options: dict):
    """(document, flagged, whether the cleaner weighed it) of every page the cleaner weighs in
    `texts`, then every document whole, every third block flagged."""
    seen = []

    def record(doc, flagged):
        seen.append((doc, list(flagged), True))
        return original(doc, flagged)

    original = main_content.main_block
    decide.main_content.main_block = record
    try:
        cleaner = Cleaner(**options)
        for text in texts:
            cleaner.clean(text)
    finally:
        decide.main_content.main_block = original
    yield from seen
    sep = options.get("doc_sep")
    for text in texts:
        for story in text.split(sep) if sep else [text]:
            doc = document.build(story, options.get("newline_token"))
            yield doc, [i % 3 == 0 for i in range(len(doc.blocks))], False


def assert_same_page(doc, flagged, model, weighed_without_main=True):
    main = main_content.main_block(doc, flagged)
    assert main == main_content_reference.main_block(doc, flagged), doc.source[:200]
    assert main_content.headline_anchors(doc) == main_content_reference.headline_anchors(doc), doc.source[:200]
    for weighed in {main, None} if weighed_without_main else {main}:
        rows = block_model.features(doc, flagged, weighed)
        want = block_model_reference.features(doc, flagged, weighed)
        assert len(rows) == len(want)
        for row, expected in zip(rows, want):
            assert _farthest(row, expected) <= TOLERANCE, doc.source[:200]
        probs = block_model.probabilities(doc, flagged, weighed)
        expected = block_model_reference.probabilities(doc, flagged, weighed, model["weights"])
        assert _farthest(probs, expected) <= TOLERANCE, doc.source[:200]
        # The threshold the probabilities are weighed against, and the blocks kept, the same.
        assert [p >= model["threshold"] for p in probs] == [p >= model["threshold"] for p in expected]
        assert (block_model.article_blocks(doc, flagged, weighed)
                == block_model_reference.article_blocks(doc, flagged, weighed, model)), doc.source[:200]


@pytest.mark.parametrize("name", [pytest.param(n, marks=[] if n == "fixtures" else [pytest.mark.slow]) for n in SETS])
def test_pages_weigh_the_same(name):
    texts, options = INPUTS[name]
    model = block_model.weights()
    pages = 0
    for doc, flagged, cleaners in _pages(texts, options):
        assert_same_page(doc, flagged, model, cleaners)
        pages += 1
    assert pages >= len(texts)  # every document whole, and the pages among them the cleaner weighed


def test_a_page_the_cleaner_weighs_is_recorded():
    """The pages above are the cleaner's own: a page dump's main block is asked for."""
    texts, options = INPUTS["fixtures"]
    page = "Storm damages homes | Example News\n" + "\n".join(
        ["Home", "World", "Business", "Sport", "Log in", "Sign up", "Privacy policy", "Terms of use"] * 5)
    assert sum(1 for _ in _pages([page], {})) == 1 + 1


def test_the_models_decisions_read_other_weights_too():
    """A retrained model (bench/train_block_model.py) is weighed as the reference weighs it."""
    texts, _ = INPUTS["fixtures"]
    model = dict(block_model.weights())
    model["weights"] = [w * (1.5 if k % 2 else -0.5) for k, w in enumerate(model["weights"])]
    model["threshold"] = 0.4
    for text in texts[:60]:
        doc = document.build(text)
        flagged = [not f.prose for f in doc.feats]
        main = main_content.main_block(doc, flagged)
        assert (block_model.article_blocks(doc, flagged, main, model)
                == block_model_reference.article_blocks(doc, flagged, main, model))
        assert _farthest(block_model.probabilities(doc, flagged, main, model),
                         block_model_reference.probabilities(doc, flagged, main, model["weights"])) <= TOLERANCE
