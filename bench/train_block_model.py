"""Train the page-dump block model (clean/data/block_model.json) on the dev sets.

    python bench/train_block_model.py [--data bench/zyte-dev] [--trafi ../shared/bench/trafi-dev]
                                      [--folds 5] [--write]

The model judges the blocks of whole-page dumps, so it learns from the sets' page dumps: the
Zyte set's (html-text, inscriptis, html2text, bs4-lines; English) and, with --trafi, the
multilingual snippet set's (html-text, bs4-lines). Multi-News holds no page dumps: its stories
are extractor output, on which the model is not asked.

Labels. Zyte: a block is article when most of its 4-token shingles are in the gold body (for a
block of fewer than four tokens: when its tokens appear in the gold in that order). Snippets:
a block holding a `with` passage is article, one holding a `without` passage is furniture, and
the rest (most blocks) are unlabelled and left out. Features are those `clean` computes at
cleaning time, taken from inside the pipeline, so training and use cannot drift apart.

Pages come from many sites, and a model can learn a site's furniture instead of what furniture
looks like; it is therefore scored with cross-validation grouped by site (the URL host), across
both sets: each page is cleaned by a model that never saw its site, and each set's own metric of
those cleaned texts (Zyte: shingle F1 per rendering; snippets: F and the share of wanted
passages lost, per rendering and per language) is compared with the rules alone. `--write`
then trains on every page and writes the weights. Needs numpy (the `train` extra).
"""

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clean import Cleaner, block_model  # noqa: E402
from clean.bench import metric  # noqa: E402
from clean.bench import snippets  # noqa: E402
from clean.bench.quality import LANGUAGE_FROM, find_gold, find_sources, load_jsonl, load_snippets  # noqa: E402

PAGE_DUMPS = ("html-text", "inscriptis", "html2text", "bs4-lines")
SNIPPET_PAGE_DUMPS = ("html-text", "bs4-lines")
L2 = 1.0
ARTICLE_SHARE = 0.5


def rows_of(text: str) -> list:
    """(doc, feature rows) of every page-mode decision the cleaner takes on `text`."""
    captured = []
    original = block_model.article_blocks

    def record(doc, flagged, main, model=None):
        captured.append((doc, block_model.features(doc, flagged, main)))
        return None

    block_model.article_blocks = record
    try:
        Cleaner().clean(text)
    finally:
        block_model.article_blocks = original
    return captured


def labels(doc, gold: str) -> list:
    gold_shingles = metric.shingles(gold)
    gold_tokens = " " + " ".join(metric.TOKEN.findall(gold)) + " "
    out = []
    for block in doc.blocks:
        tokens = metric.TOKEN.findall(block.text)
        if len(tokens) < metric.N:
            out.append(bool(tokens) and (" " + " ".join(tokens) + " ") in gold_tokens)
            continue
        shingles = metric.shingles(block.text)
        inside = sum(min(c, gold_shingles[k]) for k, c in shingles.items())
        out.append(inside >= ARTICLE_SHARE * sum(shingles.values()))
    return out


def sample_weight(doc) -> list:
    # The metric counts shingles: a long paragraph matters more than a menu label, but not
    # so much that labels stop mattering at all.
    return [min(len(metric.TOKEN.findall(b.text)), 200) ** 0.5 + 0.5 for b in doc.blocks]


def fit(X, y, w, l2=L2, steps=50):
    """Weighted L2-regularised logistic regression by Newton's method."""
    beta = np.zeros(X.shape[1])
    reg = l2 * np.eye(X.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(X @ beta, -30, 30)))
        grad = X.T @ (w * (p - y)) + reg @ beta
        hess = (X * (w * p * (1 - p))[:, None]).T @ X + reg
        delta = np.linalg.solve(hess, grad)
        beta -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return beta


def collect(data: Path):
    """The Zyte set's page dumps: gold texts, hosts, inputs, and (host, rows, labels, weights)."""
    gold = load_jsonl(find_gold(data))
    hosts = {}
    with_url = load_rows(find_gold(data))
    for doc_id, row in with_url.items():
        hosts[doc_id] = urlparse(row.get("url") or "").hostname or doc_id
    sources = find_sources(data, None)
    inputs = {name: load_jsonl(sources[name]) for name in PAGE_DUMPS if name in sources}
    samples = []  # (host, X rows, y, w)
    for name, texts in inputs.items():
        for doc_id, text in texts.items():
            for doc, rows in rows_of(text):
                samples.append((hosts[doc_id], rows, labels(doc, gold[doc_id]), sample_weight(doc)))
    return gold, hosts, inputs, samples


def collect_snippets(data: Path):
    """The snippet set's page dumps: snippets, hosts, languages, inputs, and samples whose
    unlabelled blocks have label None."""
    from clean import language

    items = load_snippets(data)
    rows_by_id = load_rows(data / "snippets.jsonl")
    hosts = {doc_id: "snippets:" + (urlparse(rows_by_id[doc_id].get("url") or "").hostname or doc_id)
             for doc_id in items}
    sources = find_sources(data, None, gold_row=False, strict=False)
    inputs = {name: load_jsonl(sources[name]) for name in SNIPPET_PAGE_DUMPS if name in sources}
    extracted = [load_jsonl(sources[name]) for name in LANGUAGE_FROM if name in sources]
    langs = {doc_id: language.detect(next((t[doc_id] for t in extracted if t.get(doc_id)), "")) or "?"
             for doc_id in items}
    samples = []
    for texts in inputs.values():
        for doc_id, text in texts.items():
            if doc_id not in items:
                continue
            for doc, rows in rows_of(text):
                samples.append((hosts[doc_id], rows, snippet_labels(doc, items[doc_id]), sample_weight(doc)))
    return items, hosts, langs, inputs, samples


def snippet_labels(doc, item: dict) -> list:
    """Article (True), furniture (False) or unknown (None) per block, from the passages it holds."""
    wanted = [snippets.norm(s) for s in item["with"]]
    furniture = [snippets.norm(s) for s in item["without"]]
    out = []
    for block in doc.blocks:
        text = snippets.norm(block.text)
        is_wanted = any(s and s in text for s in wanted)
        is_furniture = any(s and s in text for s in furniture)
        out.append(None if is_wanted == is_furniture else is_wanted)
    return out


def load_rows(path: Path) -> dict:
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, filter(str.strip, f))}


def train(samples, keep_host=lambda host: True):
    X, y, w = [], [], []
    for host, rows, ys, ws in samples:
        if keep_host(host):
            for row, label, weight in zip(rows, ys, ws):
                if label is not None:
                    X.append(row)
                    y.append(label)
                    w.append(weight)
    return fit(np.array(X), np.array(y, dtype=float), np.array(w))


DECISION = {"drop_inside": 0.0, "keep_outside": 1.01, "length_power": 0.5}


def model_of(beta, threshold):
    return {"features": list(block_model.FEATURES), "weights": [round(float(b), 5) for b in beta],
            "threshold": threshold, **DECISION}


def cleaned_with(texts: dict, model_for_doc) -> dict:
    """{doc_id: cleaned text}, each page cleaned with the model model_for_doc(doc_id) gives (an
    empty one: the rules alone)."""
    original = block_model.weights
    cleaned = {}
    try:
        for doc_id, text in texts.items():
            model = model_for_doc(doc_id)
            block_model.weights = lambda model=model: model
            cleaned[doc_id] = Cleaner().clean(text).text
    finally:
        block_model.weights = original
    return cleaned


def score(gold, texts_by_rendering, model_for_doc):
    """Bench F1/P/R per rendering."""
    gold_shingles = {k: metric.shingles(v) for k, v in gold.items()}
    return {name: metric.score_shingles(gold_shingles, {doc_id: metric.shingles(text) for doc_id, text
                                                        in cleaned_with(texts, model_for_doc).items()})
            for name, texts in texts_by_rendering.items()}


def score_snippets(items, texts_by_rendering, langs, model_for_doc):
    """Snippet F, recall and lost per rendering, in all and per language."""
    results = {}
    for name, texts in texts_by_rendering.items():
        cleaned = cleaned_with(texts, model_for_doc)
        results[name] = {"all": snippets.score(items, cleaned, texts)}
        for lang in sorted(set(langs.values())):
            subset = {k: v for k, v in items.items() if langs[k] == lang}
            results[name][lang] = snippets.score(subset, cleaned, texts)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "zyte-dev")
    parser.add_argument("--trafi", type=Path, help="also learn from this snippet set's page dumps (trafi-dev)")
    parser.add_argument("--snippet-weight", type=float, default=1.0,
                        help="weight of the snippet set's labelled blocks against the Zyte set's")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--drop-inside", type=float, default=DECISION["drop_inside"],
                        help="inside the chosen stretch, drop blocks less likely than this")
    parser.add_argument("--keep-outside", type=float, default=DECISION["keep_outside"],
                        help="outside the chosen stretch, keep blocks more likely than this")
    parser.add_argument("--write", action="store_true", help="train on every page and write the model")
    parser.add_argument("--length-power", type=float, default=DECISION["length_power"],
                        help="a block weighs (chars + 10) ** this in the choice of the stretch")
    args = parser.parse_args(argv)
    DECISION.update(drop_inside=args.drop_inside, keep_outside=args.keep_outside,
                    length_power=args.length_power)

    gold, hosts, inputs, samples = collect(args.data)
    site_of = dict(hosts)
    if args.trafi:
        items, trafi_hosts, langs, trafi_inputs, trafi_samples = collect_snippets(args.trafi)
        samples += [(host, rows, ys, [w * args.snippet_weight for w in ws]) for host, rows, ys, ws in trafi_samples]
        site_of.update(trafi_hosts)
    labelled = sum(label is not None for s in samples for label in s[2])
    print(f"{len(samples)} page-mode documents, {sum(len(s[1]) for s in samples)} blocks ({labelled} labelled), "
          f"{len(set(site_of.values()))} sites", file=sys.stderr)

    # Sites to folds, round-robin over the sorted host names: deterministic and balanced.
    sites = sorted(set(site_of.values()))
    fold_of_site = {site: n % args.folds for n, site in enumerate(sites)}
    fold_models = []
    for k in range(args.folds):
        beta = train(samples, lambda host, k=k: fold_of_site[host] != k)
        fold_models.append(model_of(beta, args.threshold))
    held_out = lambda doc_id: fold_models[fold_of_site[site_of[doc_id]]]  # noqa: E731
    cv = score(gold, inputs, held_out)
    rules = score(gold, inputs, lambda doc_id: {})
    current = block_model.weights()
    shipped = score(gold, inputs, lambda doc_id: current)
    print(f"{'zyte':<12} {'rules F1':>9} {'P':>6} {'R':>6}   {'CV F1':>6} {'P':>6} {'R':>6}   {'shipped F1':>10}")
    for name in inputs:
        r, c = rules[name], cv[name]
        print(f"{name:<12} {r['f1']:9.3f} {r['precision']:6.3f} {r['recall']:6.3f}"
              f"   {c['f1']:6.3f} {c['precision']:6.3f} {c['recall']:6.3f}   {shipped[name]['f1']:10.3f}")
    if args.trafi:
        print_snippets(score_snippets(items, trafi_inputs, langs, lambda doc_id: {}),
                       score_snippets(items, trafi_inputs, langs, held_out),
                       score_snippets(items, trafi_inputs, langs, lambda doc_id: current), langs)

    if args.write:
        beta = train(samples)
        path = ROOT / "clean" / "data" / "block_model.json"
        path.write_text(json.dumps(model_of(beta, args.threshold), indent=1) + "\n", encoding="utf-8")
        print(f"model written to {path}", file=sys.stderr)
    return 0


def print_snippets(rules, cv, shipped, langs) -> None:
    counts = {lang: list(langs.values()).count(lang) for lang in set(langs.values())}
    print(f"\n{'snippets':<12} {'lang':<4} {'docs':>4} {'rules F':>8} {'lost':>6}   {'CV F':>6} {'lost':>6}"
          f"   {'shipped F':>9} {'lost':>6}")
    for name in rules:
        for lang in ["all", *sorted(counts, key=lambda code: (-counts[code], code))]:
            docs = len(langs) if lang == "all" else counts[lang]
            if docs < 5 and lang != "all":
                continue
            r, c, s = rules[name][lang], cv[name][lang], shipped[name][lang]
            print(f"{name:<12} {lang:<4} {docs:4d} {r['f']:8.3f} {r['lost']:6.4f}   {c['f']:6.3f} {c['lost']:6.4f}"
                  f"   {s['f']:9.3f} {s['lost']:6.4f}")


if __name__ == "__main__":
    sys.exit(main())
