"""The shingle metric of scrapinghub/article-extraction-benchmark.

Written again here so that the bench command does not depend on where the
external ``score.py`` lives; it must give exactly the same numbers.

Text -> tokens (regex ``\\w+``) -> multiset of 4-token shingles (a text with
fewer than 4 tokens is a single shingle). Per document, TP is the size of the
multiset intersection of prediction and gold. Precision is averaged over the
documents whose prediction is non-empty and recall over the documents whose gold
is non-empty; F1 is the harmonic mean of the two averages. Skipping empty
predictions in precision is the published benchmark's quirk, kept so that our
numbers can be compared with it: an empty output only costs recall, so
``empty`` is reported next to the scores.

Given the input the cleaner was fed, two more numbers say what it did:
``kept`` (gold shingles still in the output / gold shingles present in the
input) and ``noise_removed`` (share of the input's non-gold shingles that are no
longer in the output). Shingles created by joining the text around a removed
line are not input noise, so they do not count there, but they do cost
precision.
"""

import re
from collections import Counter
from typing import Mapping, Optional

TOKEN = re.compile(r"\w+")
N = 4


def shingles(text: Optional[str]) -> Counter:
    """Multiset of the N-token shingles of ``text``."""
    tokens = TOKEN.findall(text or "")
    if len(tokens) < N:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + N]) for i in range(len(tokens) - N + 1))


def overlap(a: Counter, b: Counter) -> int:
    """Size of the multiset intersection."""
    return sum((a & b).values())


def score(gold: Mapping[str, str], pred: Mapping[str, str],
          inputs: Optional[Mapping[str, str]] = None) -> dict:
    """Score texts keyed by document id; see :func:`score_shingles`."""
    return score_shingles(
        _shingle_all(gold), _shingle_all(pred),
        None if inputs is None else _shingle_all(inputs))


def score_shingles(gold: Mapping[str, Counter], pred: Mapping[str, Counter],
                   inputs: Optional[Mapping[str, Counter]] = None) -> dict:
    """Averaged metrics over the documents of ``gold``.

    Takes shingles rather than texts so that a caller scoring many outputs
    against the same gold (or the same input twice) shingles each text once.
    A document missing from ``pred`` or ``inputs`` counts as empty text.

    Returns f1, precision, recall, empty (docs with an empty prediction) and
    docs; with ``inputs`` also kept and noise_removed, which are None when no
    document defines them (e.g. ``noise_removed`` when the input is the gold
    itself), rather than a 0.0 that would read as "removed nothing".
    """
    empty_counter = Counter()
    precisions, recalls, kept, removed = [], [], [], []
    empty = 0
    for doc_id, g in gold.items():
        p = pred.get(doc_id, empty_counter)
        tp = overlap(g, p)
        n_pred, n_gold = sum(p.values()), sum(g.values())
        if n_pred:
            precisions.append(tp / n_pred)
        else:
            empty += 1
        if n_gold:
            recalls.append(tp / n_gold)
        if inputs is not None:
            i = inputs.get(doc_id, empty_counter)
            reachable, noise = g & i, i - g
            if reachable:
                kept.append(overlap(reachable, p) / sum(reachable.values()))
            if noise:
                removed.append(1 - overlap(noise, p) / sum(noise.values()))

    precision, recall = _mean(precisions), _mean(recalls)
    result = {
        "f1": _harmonic_mean(precision, recall),
        "precision": precision,
        "recall": recall,
        "empty": empty,
        "docs": len(gold),
    }
    if inputs is not None:
        result["kept"] = _mean(kept) if kept else None
        result["noise_removed"] = _mean(removed) if removed else None
    return result


def _shingle_all(texts: Mapping[str, str]) -> dict:
    return {doc_id: shingles(text) for doc_id, text in texts.items()}


def _mean(values: list) -> float:
    # 0.0 for no values, as in the reference scorer.
    return sum(values) / len(values) if values else 0.0


def _harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0
