"""Train the ACLED sub-event type model from ACLED notes in ../shared; seeded, held-out split kept out.

    .venv/bin/python scripts/train_acled.py [--shared ../shared] [--out src/eventwire/data/models]

Reads /shared/data/events/acled_dev.tsv in place (never copied): the analysts' ``notes`` with their
``sub_event_type``, one row per distinct note. The seeded 20% held-out split
(eventwire.evaluation.split_acled) is never trained on; ``make eval`` reports on it. The model is a
scikit-learn logistic regression over word uni- and bigrams, stored as numpy weights plus a JSON
vocabulary (eventwire.classifier.LinearModel).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from eventwire.acled import ACLED_MODEL
from eventwire.classifier import LinearModel, text_features
from eventwire.evaluation import read_acled_notes, split_acled

SEED = 13
ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "eventwire" / "data" / "models")
    parser.add_argument("--c", type=float, default=10.0)
    args = parser.parse_args()
    np.random.seed(SEED)
    train, held_out = split_acled(read_acled_notes(args.shared / "data" / "events" / "acled_dev.tsv"))
    features = [text_features(note.notes) for note in train]
    counts = Counter(f for row in features for f in set(row))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1.0 for f in row if counts[f] >= MIN_COUNT} for row in features])
    model = LogisticRegression(C=args.c, max_iter=5000, random_state=SEED)
    model.fit(matrix, [note.sub_event_type for note in train])
    vocabulary = {f: i for i, f in enumerate(vectorizer.feature_names_)}
    linear = LinearModel(
        name=ACLED_MODEL,
        labels=list(model.classes_),
        vocabulary=vocabulary,
        weights=model.coef_.T.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
    )
    info = {"script": "scripts/train_acled.py", "seed": SEED, "C": args.c, "rows": len(train), "held_out": len(held_out)}
    linear.save(args.out, info=info)
    print(f"trained on {len(train)} notes ({len(held_out)} held out), {len(model.classes_)} sub-event types, "
          f"{len(vocabulary)} features -> {args.out}/{ACLED_MODEL}.npz")


if __name__ == "__main__":
    main()
