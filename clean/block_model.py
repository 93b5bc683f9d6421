"""A learned judge of every block of a full-page dump: article or page furniture.

The main block chosen by `main_content` is one contiguous run; real pages break that shape (a
list article with no prose, a comment section as long as the story, a teaser between two halves
of the article). A logistic regression over each block's shape, its neighbours, its place on
the page and its likeness to the page title corrects the run block by block.

The weights are data (`data/block_model.json`), trained by `bench/train_block_model.py` on the
dev benchmark with cross-validation grouped by site. The features and the scoring are native
(src/block_model.rs): this module reads the weights and hands them over once.
"""

from __future__ import annotations

from functools import lru_cache

from . import _core
from .document import Document

# The features of a row, in the order of the weights; what a block says on its own (the same
# for every copy of a line, worked out and weighed once per distinct line) and what its place on
# the page says. The native core names them; the shipped model must name the same.
FEATURES: tuple[str, ...] = _core.BLOCK_FEATURES
OWN: tuple[str, ...] = _core.BLOCK_OWN
PLACE: tuple[str, ...] = _core.BLOCK_PLACE


@lru_cache(maxsize=1)
def weights() -> dict:
    # Loaded on first use, not on import: importlib.resources pulls in tempfile and shutil.
    import json
    from importlib import resources

    path = resources.files("clean") / "data" / "block_model.json"
    return json.loads(path.read_text(encoding="utf-8"))


_last: tuple[dict, _core.BlockModel] | None = None


def native(model: dict) -> _core.BlockModel:
    """The model as the native core holds it, made once for the model in use (the shipped
    weights, or the ones a retraining tries)."""
    global _last
    if _last is None or _last[0] is not model:
        _last = (model, _core.BlockModel(model["features"], model["weights"], model.get("threshold", 0.5),
                                         model.get("drop_inside", 0.0), model.get("keep_outside", 1.01),
                                         model.get("length_power", 0.5)))
    return _last[1]


def features(doc: Document, flagged: list[bool], main: tuple[int, int] | None) -> list[tuple[float, ...]]:
    """One feature row per block, in the order of FEATURES."""
    return [tuple(row) for row in doc.page.features(flagged, main)]


def probabilities(doc: Document, flagged: list[bool], main: tuple[int, int] | None,
                  model: dict | None = None) -> list[float]:
    """The model's probability that each block is the article's (the shipped model by default)."""
    return doc.page.probabilities(native(model if model is not None else weights()), flagged, main)


def article_blocks(doc: Document, flagged: list[bool], main: tuple[int, int] | None,
                   model: dict | None = None) -> list[bool] | None:
    """Which blocks of a page dump are the article, or None when no model is shipped.

    The article is still one stretch of the page: each block argues for or against the
    stretch around it with its probability, weighed by its length, and the best stretch wins
    (as in `main_content.main_block`). Inside it, a block the model is sure is furniture still
    goes; outside it, a block the model is sure is article still stays.
    """
    model = model if model is not None else weights()
    if not model:
        return None
    return doc.page.article_blocks(native(model), flagged, main)
