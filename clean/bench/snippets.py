"""The snippet metric of trafilatura's evaluation set, as `shared/bench/score_snippets.py` has it.

Written again here so that the bench command does not depend on where the external script
lives; it gives the same F, recall and residue. Per document, after collapsing every run of
whitespace to one space (matching is case-sensitive substring search):

    recall  = share of the `with` snippets found in the text      (wanted text kept)
    residue = share of the `without` snippets found in the text   (boilerplate left)

averaged over the documents that have such snippets; clean = 1 - residue and F is the harmonic
mean of recall and clean.

Given the input the cleaner was fed, it also says what cleaning did to each document:
``lost`` is the share of all `with` snippets that the input held and the output no longer
does; a document is made ``better`` or ``worse`` when the mean of its recall and its clean
share rises or falls (a lost wanted passage and a boilerplate passage left count alike);
``emptied`` counts documents whose input held a wanted passage and whose output is empty.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def found(item: dict, text: str) -> tuple[int, int]:
    """How many of `item`'s `with` and `without` snippets the normalised `text` holds."""
    return (sum(norm(s) in text for s in item["with"]), sum(norm(s) in text for s in item["without"]))


def doc_score(item: dict, hits: tuple[int, int]) -> float:
    """One document's mean of recall and clean share, over the parts it has snippets for."""
    parts = []
    if item["with"]:
        parts.append(hits[0] / len(item["with"]))
    if item["without"]:
        parts.append(1 - hits[1] / len(item["without"]))
    return sum(parts) / len(parts) if parts else 1.0


def score(snippets: Mapping[str, dict], pred: Mapping[str, str],
          inputs: Mapping[str, str] | None = None) -> dict:
    """Averaged metrics over the documents of `snippets` ({id: {"with", "without"}}); a
    document missing from `pred` counts as empty text. With `inputs`, also lost, better,
    worse and emptied."""
    recalls, residues = [], []
    empty = lost = total_with = better = worse = emptied = 0
    for doc_id, item in snippets.items():
        text = norm(pred.get(doc_id, ""))
        hits = found(item, text)
        empty += not text
        total_with += len(item["with"])
        if item["with"]:
            recalls.append(hits[0] / len(item["with"]))
        if item["without"]:
            residues.append(hits[1] / len(item["without"]))
        if inputs is not None:
            source = norm(inputs.get(doc_id, ""))
            before = found(item, source)
            lost += sum(norm(s) in source and norm(s) not in text for s in item["with"])
            change = doc_score(item, hits) - doc_score(item, before)
            better += change > 1e-9
            worse += change < -1e-9
            emptied += not text and before[0] > 0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    clean = 1 - (sum(residues) / len(residues) if residues else 0.0)
    result = {"f": 2 * recall * clean / (recall + clean) if recall + clean else 0.0,
              "recall": recall, "residue": 1 - clean, "empty": empty, "docs": len(snippets)}
    if inputs is not None:
        result.update(lost=lost / total_with if total_with else 0.0, better=better, worse=worse, emptied=emptied)
    return result
