"""``make eval``: statement extraction on the PolNeAR dev split in ../shared (read in place, never copied).

Every dev article text goes verbatim through the real stages nlp, actors, events and statements.
For each role (source, cue, content) the predicted and the gold spans of an article are compared as
sets of distinct spans (a discontinuous content is one item: the tuple of its pieces):

* exact: same start and end (every piece, for a discontinuous content);
* overlap: a one-to-one matching of predicted to gold spans that share at least one character.

Precision, recall and F1 are micro-averaged over all articles (an article annotated twice counts
once per annotation). Compares with eval/baseline_statements.json.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig

BASELINE = Path(__file__).resolve().parent.parent / "eval" / "baseline_statements.json"
ROLES = ("source", "cue", "content")
STAGES = ("nlp", "actors", "events", "statements")

Item = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Annotated:
    """One annotated article: its text and, per role, the set of gold span tuples."""

    doc: str
    annotator: str
    text: str
    gold: dict[str, frozenset[Item]]


def read_polnear(path: Path, *, limit: int | None = None) -> list[Annotated]:
    """Read a PolNeAR JSON Lines split: ``{doc, annotator, text, attributions: [{source, cue, content}]}``."""
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            gold: dict[str, set[Item]] = {role: set() for role in ROLES}
            for attribution in record["attributions"]:
                for role in ROLES:
                    for part in attribution.get(role) or ():
                        spans = part.get("spans") or [[part["start"], part["end"]]]
                        gold[role].add(tuple((int(s), int(e)) for s, e in spans))
            articles.append(
                Annotated(record["doc"], record.get("annotator", ""), record["text"], {r: frozenset(v) for r, v in gold.items()})
            )
            if limit is not None and len(articles) >= limit:
                break
    return articles


def predicted_items(article: Article) -> dict[str, frozenset[Item]]:
    found: dict[str, set[Item]] = {role: set() for role in ROLES}
    for statement in article.statements:
        if statement.source is not None:
            found["source"].add(((statement.source.span.start, statement.source.span.end),))
        found["cue"].add(((statement.cue.start, statement.cue.end),))
        found["content"].add(tuple((c.start, c.end) for c in statement.content))
    return {role: frozenset(items) for role, items in found.items()}


def _overlaps(a: Item, b: Item) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@dataclass
class RoleScore:
    exact_tp: int = 0
    overlap_tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Iterable[Item], gold: Iterable[Item]) -> None:
        predicted, gold = sorted(predicted), sorted(gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.exact_tp += len(set(predicted) & set(gold))
        used: set[int] = set()
        for item in predicted:
            match = next((i for i, g in enumerate(gold) if i not in used and _overlaps(item, g)), None)
            if match is not None:
                used.add(match)
                self.overlap_tp += 1

    @staticmethod
    def _f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def exact(self) -> tuple[float, float, float]:
        return self._f1(self.exact_tp, self.predicted, self.gold)

    def overlap(self) -> tuple[float, float, float]:
        return self._f1(self.overlap_tp, self.predicted, self.gold)


@dataclass
class StatementScores:
    roles: dict[str, RoleScore] = field(default_factory=lambda: {role: RoleScore() for role in ROLES})
    articles: int = 0
    seconds: float = 0.0

    def summary(self) -> dict[str, float]:
        figures = {}
        for role, score in self.roles.items():
            figures[f"{role}_exact_f1"] = score.exact()[2]
            figures[f"{role}_overlap_f1"] = score.overlap()[2]
        return figures

    def format(self) -> str:
        lines = [f"{'role':<9}{'exact P':>9}{'R':>7}{'F1':>7}{'overlap P':>11}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for role, score in self.roles.items():
            ep, er, ef = score.exact()
            op, orr, of = score.overlap()
            lines.append(f"{role:<9}{ep:>9.3f}{er:>7.3f}{ef:>7.3f}{op:>11.3f}{orr:>7.3f}{of:>7.3f}{score.gold:>7}{score.predicted:>7}")
        return "\n".join(lines)


def evaluate_statements(annotated: Sequence[Annotated], *, pipeline: Pipeline | None = None) -> StatementScores:
    """Run the real stages over each text (verbatim) and score the statements against the gold."""
    pipeline = pipeline or Pipeline.from_config(PipelineConfig(stages=STAGES))
    scores = StatementScores()
    started = time.perf_counter()
    texts = {a.text for a in annotated}
    raws = [RawDocument(f"d{i}", "record", text=text, meta=Metadata()) for i, text in enumerate(sorted(texts))]
    predictions: dict[str, dict[str, frozenset[Item]]] = {}
    for raw, result in zip(raws, pipeline.process(raws, strict=True)):
        predictions[raw.text] = predicted_items(result)
    for item in annotated:
        predicted = predictions[item.text]
        for role in ROLES:
            scores.roles[role].add(predicted[role], item.gold[role])
    scores.articles = len(annotated)
    scores.seconds = time.perf_counter() - started
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N annotated articles")
    args = parser.parse_args()
    path = args.shared / "data" / "quotes" / f"polnear_{args.split}.jsonl"
    annotated = read_polnear(path, limit=args.limit)
    scores = evaluate_statements(annotated)
    print(f"== statements: PolNeAR {args.split} ({scores.articles} annotated articles, whole texts in) ==")
    print(scores.format())
    print(f"{scores.articles / max(scores.seconds, 1e-9):.1f} articles/s (nlp+actors+events+statements)")
    summary = scores.summary()
    floors = json.loads(BASELINE.read_text(encoding="utf-8")).get("polnear_dev", {}) if BASELINE.exists() else {}
    for name, floor in floors.items():
        value = summary.get(name)
        if value is not None:
            print(f"  {name}: {value:.3f} (floor {floor:.3f}){'  BELOW FLOOR' if value < floor else ''}")


if __name__ == "__main__":
    main()
