"""Quality figures on labelled data: dyad coding (PLOVER, penta class) and ACLED types, with per-class scores.

The data are read from where they lie (``../shared/data`` in this project's set-up); nothing is
copied. ``scripts/eval_coding.py`` prints the figures (``make eval``) and ``tests/test_eval_coding.py``
checks them against the floors pinned in ``eval/baseline_coding.json``.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .acled import AcledCoder
from .coding import DyadCoder
from .taxonomy import penta_of

#: The dyad data use the PLOVER version with YIELD (our CONCEDE and RETREAT) and fold FIGHT into ASSAULT.
GOLD_LABEL_OF = {"CONCEDE": "YIELD", "RETREAT": "YIELD", "FIGHT": "ASSAULT"}
_MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True, slots=True)
class Dyad:
    """One labelled sentence: offsets of source and target in the unmarked text."""

    sentence_id: str
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    plover: str
    penta: int


@dataclass
class ClassificationReport:
    """Accuracy, macro F1, per-class precision/recall/F1 and the confusion matrix."""

    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)

    def add(self, gold: str, predicted: str) -> None:
        self.gold.append(gold)
        self.predicted.append(predicted)

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in zip(self.gold, self.predicted)) / max(len(self.gold), 1)

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.gold))

    def per_class(self) -> dict[str, tuple[float, float, float, int]]:
        """label -> (precision, recall, F1, support) over the gold labels."""
        scores = {}
        for label in self.labels:
            tp = sum(g == label and p == label for g, p in zip(self.gold, self.predicted))
            predicted = sum(p == label for p in self.predicted)
            support = sum(g == label for g in self.gold)
            precision = tp / predicted if predicted else 0.0
            recall = tp / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores[label] = (precision, recall, f1, support)
        return scores

    @property
    def macro_f1(self) -> float:
        scores = self.per_class()
        return sum(f1 for _, _, f1, _ in scores.values()) / max(len(scores), 1)

    def confusion(self) -> Counter:
        return Counter(zip(self.gold, self.predicted))

    def format(self) -> str:
        labels = sorted(set(self.gold) | set(self.predicted))
        width = max([11, *(len(label) + 1 for label in labels)])
        lines = [f"{'class':<{width}}{'prec':>6}{'rec':>6}{'F1':>6}{'n':>6}"]
        for label, (precision, recall, f1, support) in self.per_class().items():
            lines.append(f"{label:<{width}}{precision:6.2f}{recall:6.2f}{f1:6.2f}{support:6d}")
        confusion = self.confusion()
        lines.append("confusion (rows gold, columns predicted):")
        lines.append(" " * width + "".join(f"{label[:5]:>6}" for label in labels))
        for gold in labels:
            lines.append(f"{gold:<{width}}" + "".join(f"{confusion[(gold, p)]:6d}" for p in labels))
        return "\n".join(lines)


def read_dyads(path: Path) -> list[Dyad]:
    """Read a ``plover_dyads_*.tsv`` file: source and target offsets come from the ``<s>``/``<t>`` marks."""
    dyads = []
    with open(path, encoding="utf-8", newline="") as lines:
        for row in csv.DictReader(lines, delimiter="\t"):
            text, source, target = unmark(row["marked_sentence"])
            dyads.append(Dyad(row["sentence_id"], text, source, target, row["gold_root"], int(row["gold_penta"])))
    return dyads


def unmark(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """``<s>Russia</s> attacked <t>Ukraine</t>`` -> text and the two character spans."""
    spans: dict[str, list[int]] = {}
    parts: list[str] = []
    length = 0
    position = 0
    for match in _MARK.finditer(marked):
        chunk = marked[position : match.start()]
        parts.append(chunk)
        length += len(chunk)
        spans.setdefault(match.group().strip("</>"), []).append(length)
        position = match.end()
    parts.append(marked[position:])
    text = "".join(parts)

    def span(key: str) -> tuple[int, int] | None:
        marks = spans.get(key, [])
        return (marks[0], marks[1]) if len(marks) >= 2 else None

    return text, span("s"), span("t")


def dev_split(train: Sequence[Dyad], dev: Sequence[Dyad]) -> list[Dyad]:
    """Dev dyads whose sentence never occurs in the training pool (the data overlap otherwise)."""
    seen = {_normalise(d.text) for d in train}
    unique: dict[tuple[str, tuple | None, tuple | None], Dyad] = {}
    for dyad in dev:
        if _normalise(dyad.text) not in seen:
            unique.setdefault((_normalise(dyad.text), dyad.source, dyad.target), dyad)
    return list(unique.values())


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class DyadScores:
    plover: ClassificationReport
    penta: ClassificationReport
    dyads_per_second: float

    def summary(self) -> dict[str, float]:
        return {
            "plover_accuracy": round(self.plover.accuracy, 4),
            "plover_macro_f1": round(self.plover.macro_f1, 4),
            "penta_accuracy": round(self.penta.accuracy, 4),
        }


def evaluate_dyads(dyads: Iterable[Dyad], *, coder: DyadCoder | None = None) -> DyadScores:
    """Code every dyad and score PLOVER type and penta class (from the CAMEO root)."""
    dyads = list(dyads)
    coder = coder or DyadCoder()
    start = time.perf_counter()
    codes = list(coder.code_many((d.text, d.source, d.target) for d in dyads))
    seconds = time.perf_counter() - start
    plover, penta = ClassificationReport(), ClassificationReport()
    for dyad, code in zip(dyads, codes):
        plover.add(dyad.plover, GOLD_LABEL_OF.get(code.plover, code.plover))
        penta.add(str(dyad.penta), str(penta_of(code.cameo)))
    return DyadScores(plover, penta, len(dyads) / seconds if seconds else 0.0)


# -- ACLED event descriptions ---------------------------------------------------------------------

#: The share of de-duplicated ACLED notes held out from training for evaluation, and the hash seed.
ACLED_HELD_OUT = 0.2
ACLED_SEED = "eventwire-acled-13"


@dataclass(frozen=True, slots=True)
class AcledNote:
    """An ACLED analyst's event description with its gold event and sub-event type."""

    notes: str
    event_type: str
    sub_event_type: str


def read_acled_notes(path: Path) -> list[AcledNote]:
    """ACLED rows with notes, one per distinct note (normalised text; the first row's types win)."""
    unique: dict[str, AcledNote] = {}
    with open(path, encoding="utf-8", newline="") as lines:
        for row in csv.DictReader(lines, delimiter="\t"):
            notes = (row.get("notes") or "").strip()
            if notes and row.get("sub_event_type"):
                unique.setdefault(_normalise(notes), AcledNote(notes, row["event_type"], row["sub_event_type"]))
    return list(unique.values())


def is_acled_held_out(note: AcledNote) -> bool:
    """Seeded, order-independent 80/20 split: a hash of the normalised note decides."""
    digest = hashlib.sha256((ACLED_SEED + _normalise(note.notes)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < ACLED_HELD_OUT


def split_acled(notes: Iterable[AcledNote]) -> tuple[list[AcledNote], list[AcledNote]]:
    """(training notes, held-out notes)."""
    train, held_out = [], []
    for note in notes:
        (held_out if is_acled_held_out(note) else train).append(note)
    return train, held_out


@dataclass
class AcledScores:
    event_type: ClassificationReport
    sub_event_type: ClassificationReport
    notes_per_second: float

    def weighted_f1(self) -> float:
        """Sub-event F1 averaged with the gold support as weights (CASE 2021 Task 2's measure)."""
        scores = self.sub_event_type.per_class()
        total = sum(support for *_, support in scores.values())
        return sum(f1 * support for _, _, f1, support in scores.values()) / max(total, 1)

    def summary(self) -> dict[str, float]:
        return {
            "event_type_accuracy": round(self.event_type.accuracy, 4),
            "sub_event_type_accuracy": round(self.sub_event_type.accuracy, 4),
            "sub_event_type_weighted_f1": round(self.weighted_f1(), 4),
        }


def evaluate_acled(notes: Iterable[AcledNote], *, coder: AcledCoder | None = None) -> AcledScores:
    """Classify every note (no restriction by PLOVER type) and score event and sub-event type."""
    notes = list(notes)
    coder = coder or AcledCoder()
    start = time.perf_counter()
    predictions = [coder.classify(note.notes).acled for note in notes]
    seconds = time.perf_counter() - start
    event_type, sub_event_type = ClassificationReport(), ClassificationReport()
    for note, predicted in zip(notes, predictions):
        event_type.add(note.event_type, predicted.event_type)
        sub_event_type.add(note.sub_event_type, predicted.sub_event_type)
    return AcledScores(event_type, sub_event_type, len(notes) / seconds if seconds else 0.0)
