"""Train the statements stage's content chooser on PolNeAR train (../shared, read in place); seeded.

    .venv/bin/python scripts/train_statement_content.py [--shared ../shared] [--out src/eventwire/data/models]
                                                        [--cache DIR]

Every train article goes through the real spaCy stage and the statements stage up to its content
choice (rules, cue tagger and the packaged source chooser: StatementExtractor.extract_statements,
apply_tagger, SourceChooser.choose_sources; so scripts/train_statement_source.py runs first); each
statement's content candidates (eventwire.statement_content.content_candidates) get the features
of candidate_features and the label 1 when the candidate equals a gold content of the article
(any annotation), else 0. The model is a scikit-learn logistic regression stored as numpy weights
plus a JSON vocabulary (no pickle). ``--cache`` keeps the parsed train split outside the
repository between runs (the same cache as scripts/train_statements.py). The dev split is never
read here: ``make eval`` (scripts/eval_statements.py) scores it.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from spacy.tokens import Doc

from eventwire.clean import make_article
from eventwire.model import Metadata, RawDocument
from eventwire.nlp import Parser, load_spacy
from eventwire.statement_content import (
    CONTENT_MODEL,
    ArticleLayout,
    candidate_features,
    content_candidates,
    cue_dependency,
)
from eventwire.statement_spans import find_quotations
from eventwire.statements import StatementExtractor

SEED = 5
ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 5
#: L2 penalty of the ranker's weights, and its optimiser's iterations.
L2 = 2.0
MAX_ITERATIONS = 400
#: Features whose weight stays under this are dropped from the stored model.
PRUNE = 0.01


def read_contents(path: Path) -> dict[str, set[tuple[tuple[int, int], ...]]]:
    """text -> the gold content items of all its annotations (a discontinuous content is the tuple of its pieces)."""
    found: dict[str, set[tuple[tuple[int, int], ...]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            items = found.setdefault(record["text"], set())
            for attribution in record["attributions"]:
                for part in attribution.get("content") or ():
                    spans = part.get("spans") or [[part["start"], part["end"]]]
                    items.add(tuple((int(s), int(e)) for s, e in spans))
    return found


def read_articles(texts: list[str], cache: Path | None):
    """The parsed articles of ``texts``: from the cache of doc bytes when there is one, else parsed now."""
    nlp = load_spacy()
    # scripts/train_statements.py caches (doc bytes, rule marks, quotations) per text: its doc bytes will do
    shared_cache = cache.with_name("polnear_train_parsed.pkl") if cache is not None else None
    if cache is not None and not cache.exists() and shared_cache.exists():
        cache = shared_cache
    if cache is not None and cache.exists():
        docs = [Doc(nlp.vocab).from_bytes(entry[0]) for entry in pickle.loads(cache.read_bytes())]
    else:
        docs = list(nlp.pipe(texts, batch_size=32))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps([(doc.to_bytes(),) for doc in docs]))
    for index, (text, doc) in enumerate(zip(texts, docs)):
        article = make_article(RawDocument(f"t{index}", "record", text=text, meta=Metadata()))
        if article.text != doc.text:
            raise ValueError(f"train text {index}: the cached parse does not fit the text")
        yield Parser._annotate(article, doc)


def statement_groups(article, extractor: StatementExtractor, gold: set) -> list[list[tuple[list[str], int]]]:
    """Per statement of the article, its candidates' features and labels."""
    found = extractor.apply_tagger(article, extractor.extract_statements(article))
    if extractor.source_chooser is not None:
        found = extractor.source_chooser.choose_sources(article, found)
    quotations = find_quotations(article.text)
    layout = ArticleLayout(article)
    cues = [(item.cue.start, item.cue.end) for item in found]
    groups = []
    for item in found:
        source = item.source.span if item.source is not None else None
        sentence = layout.sentence_at(item.cue.start)
        candidates = content_candidates(
            article, cue=item.cue, source=source, content=item.content, sentence=sentence, quotations=quotations, layout=layout
        )
        if len(candidates) < 2:
            continue
        cue_dep = cue_dependency(layout, item.cue)
        groups.append([
            (candidate_features(article, kind, pieces, cue=item.cue, source=source, sentence=sentence, cue_dep=cue_dep, layout=layout,
                                 other_cues=[c for c in cues if c != (item.cue.start, item.cue.end)]),
             int(pieces in gold))
            for kind, pieces in candidates
        ])
    return groups


def group_matrix(
    groups: list[list[tuple[list[str], int]]], *, min_count: int
) -> tuple[dict[str, int], sparse.csr_matrix, np.ndarray]:
    """The features seen at least ``min_count`` times (name -> column), the binary candidate-by-feature
    matrix of ``groups`` (each a list of (feature names, right or not) candidates) and the labels."""
    counts: Counter[str] = Counter(name for group in groups for names, _ in group for name in set(names))
    vocabulary = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= min_count))}
    rows, cols, targets = [], [], []
    for group in groups:
        for names, label in group:
            indices = {vocabulary[n] for n in names if n in vocabulary}
            rows.extend([len(targets)] * len(indices))
            cols.extend(indices)
            targets.append(label)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(targets), len(vocabulary)))
    return vocabulary, matrix, np.asarray(targets)


def write_ranker(
    out: Path, name: str, vocabulary: dict[str, int], weights: np.ndarray, *, script: str, seed: int, prune: float
) -> None:
    """Store a ranker as LinearChooser reads it: ``NAME.npz`` (the weights of at least ``prune``, float16)
    and ``NAME.json`` (their feature names in row order)."""
    keep = np.abs(weights) >= prune
    names = sorted(vocabulary, key=vocabulary.get)
    kept_names = [n for n, k in zip(names, keep) if k]
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"{name}.npz", weights=weights[keep].astype(np.float16))
    meta = {"trained_on": f"PolNeAR train ({script})", "seed": seed, "features": kept_names}
    (out / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out / name}.npz/.json: {len(kept_names)} features")


def fit_ranker(matrix: sparse.csr_matrix, labels: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Weights of a conditional logit: per statement, a softmax over its candidates that should put
    its mass on the right ones (statements without a right candidate teach nothing); L2-regularised."""
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    group_of = np.repeat(np.arange(len(sizes)), sizes)
    valid = np.add.reduceat(labels.astype(np.float64), starts) > 0
    transposed = matrix.T.tocsr()

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ weights
        exp = np.exp(scores - np.maximum.reduceat(scores, starts)[group_of])
        total = np.add.reduceat(exp, starts)
        right = np.add.reduceat(exp * labels, starts)
        value = -float(np.log(right[valid]).sum() - np.log(total[valid]).sum()) + 0.5 * L2 * float(weights @ weights)
        coefficient = (exp / total[group_of] - exp * labels / np.where(right > 0, right, 1.0)[group_of]) * valid[group_of]
        return value, transposed @ coefficient + L2 * weights

    result = minimize(loss, np.zeros(matrix.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS})
    return result.x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "eventwire" / "data" / "models")
    parser.add_argument("--cache", type=Path, default=None, help="a folder outside the repository for the parsed split")
    args = parser.parse_args()
    gold = read_contents(args.shared / "data" / "quotes" / "polnear_train.jsonl")
    texts = sorted(gold)
    cache = args.cache / "polnear_train_docs.pkl" if args.cache else None
    extractor = StatementExtractor(content_chooser=None)
    started = time.perf_counter()
    groups = []
    for text, article in zip(texts, read_articles(texts, cache)):
        groups.extend(statement_groups(article, extractor, gold[text]))
    print(f"{len(groups)} statements with alternatives from {len(texts)} train texts in {time.perf_counter() - started:.0f} s")

    vocabulary, matrix, y = group_matrix(groups, min_count=MIN_COUNT)
    print(f"{len(y)} candidates ({int(y.sum())} right), {len(vocabulary)} features")
    sizes = np.asarray([len(group) for group in groups])
    weights = fit_ranker(matrix, y, sizes).astype(np.float32)
    # how often the top candidate is right on train, against the rules' content alone
    scores = matrix @ weights
    offset = right_top = right_rules = reachable = 0
    for group in groups:
        labels = [label for _, label in group]
        top = int(np.argmax(scores[offset : offset + len(group)]))
        right_top += labels[top]
        right_rules += labels[0]
        reachable += any(labels)
        offset += len(group)
    print(f"train: rules' content right {right_rules}, chosen right {right_top}, some candidate right {reachable} of {len(groups)}")
    write_ranker(args.out, CONTENT_MODEL, vocabulary, weights, script="scripts/train_statement_content.py", seed=SEED, prune=PRUNE)


if __name__ == "__main__":
    main()
