"""The Python block model that src/block_model.rs replaced (clean/block_model.py before the
port), kept as the reference tests/test_block_model_native.py compares the native one with.

A learned judge of every block of a full-page dump: article or page furniture.

The main block chosen by `main_content` is one contiguous run; real pages break that shape (a
list article with no prose, a comment section as long as the story, a teaser between two halves
of the article). A logistic regression over each block's shape, its neighbours, its place on
the page and its likeness to the page title corrects the run block by block.

The weights are data (`data/block_model.json`), trained by `bench/train_block_model.py` on the
dev benchmark with cross-validation grouped by site; applying them is a dot product in pure
Python, so nothing heavy is imported.
"""

from __future__ import annotations

import math
import operator
import re
from functools import lru_cache
from itertools import accumulate

from main_content import best_stretch

from clean import language
from clean.document import Document

_BULLET = re.compile(r"^[*•·\-–—»›>|+]")
_DIGIT = re.compile(r"\d")
# How far (in blocks) the neighbourhood of a block reaches.
REACH = 2

FEATURES = (
    "bias", "log_chars", "words", "stop_ratio", "no_stoplist", "ends_sentence", "prose",
    "title_shaped", "upper_ratio", "flagged", "in_main", "main_distance", "position",
    "prose_before", "near_prose", "near_chars", "near_flagged", "title_overlap", "in_title",
    "digits", "bullet", "blank_before", "unspaced", "main_share", "link_share", "near_links",
)


@lru_cache(maxsize=1)
def weights() -> dict:
    # Loaded on first use, not on import: importlib.resources pulls in tempfile and shutil.
    import json
    from importlib import resources

    path = resources.files("clean") / "data" / "block_model.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _words(text: str) -> set[str]:
    return {w.lower() for w in language.WORD.findall(text)}


# What a block says on its own, the same for every copy of a line, and what its place on the
# page says. A row is the two together; splitting them lets a page of repeated lines share
# the first part, worked out (and weighed) once per distinct line.
OWN = ("bias", "log_chars", "words", "stop_ratio", "no_stoplist", "ends_sentence", "prose", "title_shaped",
       "upper_ratio", "title_overlap", "in_title", "digits", "bullet", "unspaced")
PLACE = ("flagged", "in_main", "main_distance", "position", "prose_before", "near_prose", "near_chars",
         "near_flagged", "blank_before", "main_share", "link_share", "near_links")
_ORDER = [(0, OWN.index(name)) if name in OWN else (1, PLACE.index(name)) for name in FEATURES]


def features(doc: Document, flagged: list[bool], main: tuple[int, int] | None) -> list[tuple[float, ...]]:
    """One feature row per block, in the order of FEATURES."""
    own, place = _parts(doc, flagged, main)
    return [tuple((o, p)[part][k] for part, k in _ORDER) for o, p in zip(own, place)]


def _parts(doc: Document, flagged: list[bool], main: tuple[int, int] | None
           ) -> tuple[list[tuple[float, ...]], list[tuple[float, ...]]]:
    """Each block's OWN features (one shared tuple per distinct line) and PLACE features."""
    n = len(doc.blocks)
    feats = doc.feats
    title_words = _words(doc.blocks[0].text) if n else set()
    total_prose = sum(f.chars for f in feats if f.prose) or 1
    first, last = main if main else (n, n)
    main_share = (sum(f.chars for f in feats[first:last + 1]) if main else 0) / (sum(f.chars for f in feats) or 1)
    log_chars = [math.log1p(f.chars) / 6 for f in feats]
    prose = [f.prose for f in feats]
    links = [b.link_share for b in doc.blocks]
    # Running sums: the neighbourhood of a block is a difference of two.
    prose_sum, chars_sum = list(accumulate(prose, initial=0)), list(accumulate(log_chars, initial=0.0))
    flagged_sum, links_sum = list(accumulate(flagged, initial=0)), list(accumulate(links, initial=0.0))
    measured: dict[str, tuple[float, ...]] = {}
    own, place = [], []
    prose_before = 0
    for i, (block, f) in enumerate(zip(doc.blocks, feats)):
        text = block.text
        row = measured.get(text) if i else None
        if row is None:
            row = _own(text, f, log_chars[i], title_words if i else set())  # the title line itself
            if i:
                measured[text] = row
        own.append(row)
        lo = i - REACH if i > REACH else 0
        hi = i + REACH + 1 if i + REACH + 1 < n else n
        k = (hi - lo - 1) or 1
        if not main:
            distance, in_main = 50, 0.0
        elif first <= i <= last:
            distance, in_main = 0, 1.0
        else:
            distance, in_main = (first - i if i < first else i - last), 0.0
        place.append((
            1.0 if flagged[i] else 0.0,
            in_main,
            (distance if distance < 50 else 50) / 50,
            i / n,
            prose_before / total_prose,
            (prose_sum[hi] - prose_sum[lo] - prose[i]) / k,
            (chars_sum[hi] - chars_sum[lo] - log_chars[i]) / k,
            (flagged_sum[hi] - flagged_sum[lo] - flagged[i]) / k,
            1.0 if block.blank_before else 0.0,
            main_share,
            block.link_share,
            (links_sum[hi] - links_sum[lo] - links[i]) / k,
        ))
        if f.prose:
            prose_before += f.chars
    return own, place


def _own(text: str, f, log_chars: float, title_words: set[str]) -> tuple[float, ...]:
    overlap = 0.0
    if title_words:
        words = _words(text)
        overlap = len(words & title_words) / len(words) if words else 0.0
    return (
        1.0,
        log_chars,
        (f.words if f.words < 100 else 100) / 100,
        f.stop_ratio if f.stop_ratio > 0.0 else 0.0,
        1.0 if f.stop_ratio < 0 else 0.0,
        1.0 if f.ends_sentence else 0.0,
        1.0 if f.prose else 0.0,
        1.0 if f.title_shaped else 0.0,
        f.upper_ratio,
        overlap,
        1.0 if overlap >= 0.8 and f.words >= 3 else 0.0,
        len(_DIGIT.findall(text)) / f.chars if f.chars else 0.0,
        1.0 if _BULLET.match(text) else 0.0,
        1.0 if f.unspaced else 0.0,
    )


def probability(row: tuple[float, ...], w: list[float]) -> float:
    return _logistic(sum(map(operator.mul, row, w)))


def _logistic(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def probabilities(doc: Document, flagged: list[bool], main: tuple[int, int] | None, w: list[float]) -> list[float]:
    """`probability` of every block's row, the OWN part weighed once per distinct line."""
    own, place = _parts(doc, flagged, main)
    w_own = [w[FEATURES.index(name)] for name in OWN]
    w_place = [w[FEATURES.index(name)] for name in PLACE]
    weighed: dict[int, float] = {}
    out = []
    for o, p in zip(own, place):
        z = weighed.get(id(o))
        if z is None:
            z = weighed[id(o)] = sum(map(operator.mul, o, w_own))
        out.append(_logistic(z + sum(map(operator.mul, p, w_place))))
    return out


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
    w = model["weights"]
    threshold = model.get("threshold", 0.5)
    drop_inside = model.get("drop_inside", 0.0)
    keep_outside = model.get("keep_outside", 1.01)
    probs = probabilities(doc, flagged, main, w)
    power = model.get("length_power", 0.5)
    values = [(p - threshold) * (f.chars + 10) ** power for p, f in zip(probs, doc.feats)]
    first, last = best_stretch(values)
    return [
        (first <= i <= last and p >= drop_inside) or p >= keep_outside
        for i, p in enumerate(probs)
    ]
