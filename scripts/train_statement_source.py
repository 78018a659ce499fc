"""Train the statements stage's source chooser on PolNeAR train (../shared, read in place); seeded.

    .venv/bin/python scripts/train_statement_source.py [--shared ../shared] [--out src/eventwire/data/models]
                                                       [--cache DIR]

Every train article goes through the real spaCy stage and the statements stage up to its source
choice (rules and cue tagger: StatementExtractor.extract_statements and apply_tagger); each
statement's source candidates (eventwire.statement_source.source_candidates) get the features of
source_features and the label 1 when the candidate equals the gold source of an attribution whose
cue meets the statement's cue ("no source" is right when such attributions exist and none has a
source); statements that meet no gold cue teach nothing. The model is a conditional logit (the
ranker of scripts/train_statement_content.py) stored as numpy weights plus a JSON vocabulary (no
pickle). ``--cache`` keeps the parsed train split outside the repository between runs (the same
cache as scripts/train_statements.py). The dev split is never read here.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from eventwire.statement_content import ArticleLayout
from eventwire.statement_source import NONE, SOURCE_MODEL, cue_context, source_candidates, source_features
from eventwire.statements import StatementExtractor
from train_statement_content import fit_ranker, group_matrix, read_articles, write_ranker  # the sibling script (same folder)

SEED = 5
ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 5
#: Features whose weight stays under this are dropped from the stored model.
PRUNE = 0.01

Attribution = tuple[list[tuple[int, int]], list[tuple[int, int]]]  # cue pieces, source pieces


def read_attributions(path: Path) -> dict[str, list[Attribution]]:
    """text -> (cue pieces, source pieces) of every attribution of all its annotations."""
    found: dict[str, list[Attribution]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            items = found.setdefault(record["text"], [])
            for attribution in record["attributions"]:
                pieces = {}
                for role in ("cue", "source"):
                    pieces[role] = [
                        (int(s), int(e))
                        for part in attribution.get(role) or ()
                        for s, e in (part.get("spans") or [[part["start"], part["end"]]])
                    ]
                items.append((pieces["cue"], pieces["source"]))
    return found


def gold_sources(cue, attributions: list[Attribution]) -> set[tuple[int, int]] | None:
    """The gold sources (``NONE`` for an attribution without one) of the attributions whose cue
    meets ``cue``; ``None`` when no gold cue meets it."""
    meeting = [sources for cues, sources in attributions if any(s < cue.end and cue.start < e for s, e in cues)]
    if not meeting:
        return None
    return {piece for sources in meeting for piece in sources} | ({NONE} if any(not s for s in meeting) else set())


def statement_groups(article, extractor: StatementExtractor, attributions: list[Attribution]) -> tuple[list, Counter]:
    """Per statement of the article that meets a gold cue, its candidates' features and labels,
    and counts of how often the gold source is among the candidates."""
    found = extractor.apply_tagger(article, extractor.extract_statements(article))
    layout = ArticleLayout(article)
    groups = []
    tally: Counter[str] = Counter()
    for item in found:
        gold = gold_sources(item.cue, attributions)
        if gold is None:
            continue
        source = item.source.span if item.source is not None else None
        candidates = source_candidates(article, cue=item.cue, source=source, content=item.content, layout=layout)
        labels = [int(bounds in gold) for _, bounds in candidates]
        tally["statements"] += 1
        tally["rules right"] += labels[0]
        tally["some candidate right"] += int(any(labels))
        if len(candidates) < 2:
            continue
        current = candidates[0][1]
        cue_dep, cue_word = cue_context(layout, item.cue)
        groups.append([
            (source_features(article, kind, bounds, cue=item.cue, current=current, cue_dep=cue_dep, cue_word=cue_word, layout=layout), label)
            for (kind, bounds), label in zip(candidates, labels)
        ])
    return groups, tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "eventwire" / "data" / "models")
    parser.add_argument("--cache", type=Path, default=None, help="a folder outside the repository for the parsed split")
    args = parser.parse_args()
    np.random.seed(SEED)
    attributions = read_attributions(args.shared / "data" / "quotes" / "polnear_train.jsonl")
    texts = sorted(attributions)
    cache = args.cache / "polnear_train_docs.pkl" if args.cache else None
    extractor = StatementExtractor(content_chooser=None, source_chooser=None)
    started = time.perf_counter()
    groups = []
    tally: Counter[str] = Counter()
    for text, article in zip(texts, read_articles(texts, cache)):
        article_groups, article_tally = statement_groups(article, extractor, attributions[text])
        groups.extend(article_groups)
        tally.update(article_tally)
    print(f"{len(groups)} statements with alternatives from {len(texts)} train texts in {time.perf_counter() - started:.0f} s")
    print(f"oracle: of {tally['statements']} statements that meet a gold cue, the rules' source is right for "
          f"{tally['rules right']}, some candidate for {tally['some candidate right']}")

    vocabulary, matrix, y = group_matrix(groups, min_count=MIN_COUNT)
    print(f"{len(y)} candidates ({int(y.sum())} right), {len(vocabulary)} features")
    sizes = np.asarray([len(group) for group in groups])
    weights = fit_ranker(matrix, y, sizes).astype(np.float32)
    scores = matrix @ weights
    offset = right_top = right_rules = 0
    for group in groups:
        labels = [label for _, label in group]
        right_top += labels[int(np.argmax(scores[offset : offset + len(group)]))]
        right_rules += labels[0]
        offset += len(group)
    print(f"train, statements with alternatives: rules' source right {right_rules}, chosen right {right_top} of {len(groups)}")
    write_ranker(args.out, SOURCE_MODEL, vocabulary, weights, script="scripts/train_statement_source.py", seed=SEED, prune=PRUNE)


if __name__ == "__main__":
    main()
