"""Train the statements stage's cue tagger on PolNeAR train (../shared, read in place); seeded.

    .venv/bin/python scripts/train_statements.py [--shared ../shared] [--out src/eventwire/data/models]
                                                 [--cache DIR]

Every train article goes through the real spaCy stage and the rule layer of statements
(StatementExtractor.extract_statements, whose spans do not depend on actors or events); each
candidate token (a word that was part of a train cue often enough) gets the features of
eventwire.statement_tagger.token_features and a B/I/O label from the gold cues of each
annotation (an article annotated twice counts twice). The model is a scikit-learn logistic
regression stored as numpy weights plus a JSON vocabulary (no pickle). Then, with that tagger, the
whole rule and tagger layer runs over train once more and the JSON gets the edge moves
(statement_tagger.edge_moves) by which the gold cues differ from the cues found. Nothing of the data is
written to the repository; ``--cache`` keeps the parsed train split outside it between runs.
The dev split is never read here: ``make eval`` (scripts/eval_statements.py) scores it.
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
from sklearn.linear_model import LogisticRegression

from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.statement_spans import find_quotations
from eventwire.statement_tagger import (
    CUE_MODEL,
    EDGE_RATE,
    LABELS,
    CueTagger,
    RuleMarks,
    edge_moves,
    edge_words,
    mark_rules,
    quoted_tokens,
    token_features,
)
from eventwire.statements import StatementExtractor

SEED = 5
ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 2
#: Inverse regularisation strength of the logistic regression.
C = 0.5
#: Cue-token probability above which a token is a cue token (written into the model's JSON).
THRESHOLD = 0.4
#: Words scored by the tagger: part of a train cue at least this often, and this share of their occurrences.
MIN_CUE_COUNT = 2
MIN_CUE_RATE = 0.02
#: Features whose weights all stay under this are dropped from the stored model.
PRUNE = 0.05
#: An edge move (statement_tagger.edge_moves) is stored when it was possible at least this often.
MIN_EDGE_COUNT = 3


def read_split(path: Path) -> dict[str, list[list[tuple[int, int]]]]:
    """text -> the gold cue spans of each of its annotations."""
    found: dict[str, list[list[tuple[int, int]]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            cues = []
            for attribution in record["attributions"]:
                for part in attribution.get("cue") or ():
                    for start, end in part.get("spans") or [[part["start"], part["end"]]]:
                        cues.append((int(start), int(end)))
            found.setdefault(record["text"], []).append(cues)
    return found


def parse_split(texts: list[str]) -> list[tuple[Article, RuleMarks, list[tuple[int, int]]]]:
    """The article (with its doc), the rule layer's marks and the quotations of each text, through the
    real spaCy stage and the rules of statements (whose spans do not depend on actors or events)."""
    pipeline = Pipeline.from_config(PipelineConfig(stages=("nlp",)))
    extractor = StatementExtractor(tagger=None)
    raws = [RawDocument(f"t{i}", "record", text=text, meta=Metadata()) for i, text in enumerate(texts)]
    parsed = []
    for article in pipeline.process(raws, strict=True):
        found = extractor.extract_statements(article)
        doc = article.doc
        marks = mark_rules(
            doc,
            cues=[(f.cue.start, f.cue.end) for f in found],
            sources=[(f.source.span.start, f.source.span.end) for f in found if f.source is not None],
            contents=[(c.start, c.end) for f in found for c in f.content],
        )
        parsed.append((article, marks, find_quotations(article.text)))
    return parsed


def featurize(texts, parsed, gold) -> tuple[frozenset[str], list[tuple[dict[int, list[str]], list[tuple[int, int]]]]]:
    """The candidate words (part of a gold cue at least MIN_CUE_COUNT times and in at least
    MIN_CUE_RATE of their occurrences) and each text's candidate features and token offsets."""
    docs = [article.doc for article, _, _ in parsed]
    seen: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for text, doc in zip(texts, docs):
        offsets = [(t.idx, t.idx + len(t.text)) for t in doc]
        for cues in gold[text]:
            for token, label in zip(doc, labels_of(offsets, cues)):
                seen[token.lower_] += 1
                in_cue[token.lower_] += label != "O"
    candidates = frozenset(w for w, n in in_cue.items() if n >= MIN_CUE_COUNT and n / seen[w] >= MIN_CUE_RATE)
    result = []
    for doc, (_, marks, quotations) in zip(docs, parsed):
        features = token_features(doc, marks, quoted_tokens(doc, quotations), candidates=candidates)
        result.append((features, [(t.idx, t.idx + len(t.text)) for t in doc]))
    return candidates, result


def labels_of(offsets: list[tuple[int, int]], cues: list[tuple[int, int]]) -> list[str]:
    labels = ["O"] * len(offsets)
    for start, end in cues:
        inside = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
        for k, i in enumerate(inside):
            labels[i] = "B" if k == 0 else "I"
    return labels


def learn_edges(texts, articles, gold, tagger: CueTagger) -> dict[str, float]:
    """How often gold cues moved each edge of the system's cues (rules and the tagger, without
    edge moves) that overlap them: move key -> taken / (possible + 1), for the moves possible at
    least MIN_EDGE_COUNT times."""
    extractor = StatementExtractor(tagger=tagger, content_chooser=None)
    possible: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    for text, article in zip(texts, articles):
        doc = article.doc
        cues = []
        for item in extractor.apply_tagger(article, extractor.extract_statements(article)):
            span = doc.char_span(item.cue.start, item.cue.end, alignment_mode="expand")
            if span is not None and len(span):
                cues.append((span.start, min(span.end, span[0].sent.end), span[0].sent))
        for annotation in gold[text]:
            targets = []
            for start, end in annotation:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    targets.append((span.start, span.end))
            for first, stop, sent in cues:
                matches = [t for t in targets if t[0] < stop and first < t[1]]
                if not matches:
                    continue
                gold_first, gold_stop = max(matches, key=lambda t: min(stop, t[1]) - max(first, t[0]))
                words = edge_words(sent)
                for key, generic, new_first, new_stop in edge_moves(words, first - sent.start, stop - sent.start):
                    hit = new_first + sent.start == gold_first if key[0] == "L" else new_stop + sent.start == gold_stop
                    for name in (key, generic):
                        possible[name] += 1
                        taken[name] += hit
    return {name: round(taken[name] / (count + 1), 3) for name, count in sorted(possible.items()) if count >= MIN_EDGE_COUNT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "eventwire" / "data" / "models")
    parser.add_argument("--cache", type=Path, default=None, help="a folder outside the repository for the parsed split")
    args = parser.parse_args()
    gold = read_split(args.shared / "data" / "quotes" / "polnear_train.jsonl")
    texts = sorted(gold)
    cache = args.cache / "polnear_train_articles.pkl" if args.cache else None
    started = time.perf_counter()
    if cache is not None and cache.exists():
        parsed = pickle.loads(cache.read_bytes())
    else:
        parsed = parse_split(texts)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps(parsed))
    print(f"parsed {len(texts)} train texts in {time.perf_counter() - started:.0f} s")
    parsed_articles = parsed
    candidates, parsed = featurize(texts, parsed, gold)
    print(f"{len(candidates)} candidate words")

    counts: Counter[str] = Counter()
    for features, _ in parsed:
        for names in features.values():
            counts.update(names)
    vocabulary = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    rows, cols, targets = [], [], []
    row = 0
    for text, (features, offsets) in zip(texts, parsed):
        for cues in gold[text]:
            labels = labels_of(offsets, cues)
            for i, names in features.items():
                label = labels[i]
                indices = {vocabulary[n] for n in names if n in vocabulary}
                rows.extend([row] * len(indices))
                cols.extend(indices)
                targets.append(LABELS.index(label))
                row += 1
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(row, len(vocabulary)))
    y = np.asarray(targets)
    print(f"{row} tokens, {len(vocabulary)} features, labels {Counter(LABELS[t] for t in targets)}")
    model = LogisticRegression(C=C, max_iter=300, random_state=SEED, fit_intercept=True)
    started = time.perf_counter()
    model.fit(matrix, y)
    print(f"fitted in {time.perf_counter() - started:.0f} s")
    order = [list(model.classes_).index(LABELS.index(label)) for label in LABELS]
    weights = model.coef_[order].T.astype(np.float32)
    bias = model.intercept_[order].astype(np.float32)
    # drop features whose weights are all negligible
    keep = np.abs(weights).max(axis=1) >= PRUNE
    names = sorted(vocabulary, key=vocabulary.get)
    kept_names = [n for n, k in zip(names, keep) if k]
    weights = weights[keep]
    tagger = CueTagger(
        vocabulary={n: i for i, n in enumerate(kept_names)}, weights=weights.astype(np.float16).astype(np.float64),
        bias=bias.astype(np.float64), candidates=candidates, threshold=THRESHOLD,
    )
    started = time.perf_counter()
    edges = learn_edges(texts, [article for article, _, _ in parsed_articles], gold, tagger)
    print(f"{len(edges)} edge moves ({sum(r > EDGE_RATE for r in edges.values())} taken) in {time.perf_counter() - started:.0f} s")
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / f"{CUE_MODEL}.npz", weights=weights.astype(np.float16), bias=bias)
    meta = {
        "labels": list(LABELS),
        "threshold": THRESHOLD,
        "trained_on": "PolNeAR train (scripts/train_statements.py)",
        "seed": SEED,
        "candidates": sorted(candidates),
        "features": kept_names,
        # moves taken, and the word-specific moves not taken that overrule a generic move taken
        "edges": {
            name: rate for name, rate in edges.items()
            if rate > EDGE_RATE or edges.get(name.rsplit("|", 1)[0], 0.0) > EDGE_RATE and name.count("|") == 2
        },
    }
    (args.out / f"{CUE_MODEL}.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out / CUE_MODEL}.npz/.json: {len(kept_names)} features")


if __name__ == "__main__":
    main()
