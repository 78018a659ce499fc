"""``make eval``: quality figures on the evaluation data in ../shared (read in place, never copied).

Dyad coding, on the de-duplicated dev split of the PLOVER dyads (dev sentences that do not occur
in the training pool; scripts/train_coder.py removes them from all its training data): PLOVER
accuracy and macro F1, per-class precision/recall/F1, the confusion matrix, penta-class accuracy,
and dyads per second; the same for the rules alone, for comparison.

ACLED typology, on the seeded 20% held-out split of the de-duplicated ACLED notes
(eventwire.evaluation.split_acled; scripts/train_acled.py never trains on it): event type and
sub-event type accuracy, weighted F1 over sub-event types, per-class scores, notes per second.

Compares every figure with eval/baseline_coding.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.coding import DyadCoder
from eventwire.evaluation import dev_split, evaluate_acled, evaluate_dyads, read_acled_notes, read_dyads, split_acled

BASELINE = Path(__file__).resolve().parent.parent / "eval" / "baseline_coding.json"


def compare(summary: dict[str, float], floors: dict[str, float]) -> None:
    for name, floor in floors.items():
        value = summary.get(name)
        if value is not None:
            print(f"  {name}: {value:.3f} (floor {floor:.3f}){'  BELOW FLOOR' if value < floor else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    events = args.shared / "data" / "events"
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))

    train = read_dyads(events / "plover_dyads_train.tsv")
    dev = dev_split(train, read_dyads(events / "plover_dyads_dev.tsv"))
    rules_scores = evaluate_dyads(dev, coder=DyadCoder(use_model=False))
    rules = rules_scores.summary()
    scores = evaluate_dyads(dev)
    print(f"== dyad coding: PLOVER dyads dev split ({len(dev)} dyads, sentences unseen in any training data) ==")
    print(scores.plover.format())
    summary = scores.summary()
    print(
        f"PLOVER accuracy {summary['plover_accuracy']:.3f}  macro F1 {summary['plover_macro_f1']:.3f}  "
        f"penta accuracy {summary['penta_accuracy']:.3f}  {scores.dyads_per_second:.0f} dyads/s"
    )
    print(
        f"(rules alone: PLOVER accuracy {rules['plover_accuracy']:.3f}  macro F1 {rules['plover_macro_f1']:.3f}  "
        f"penta accuracy {rules['penta_accuracy']:.3f}  {rules_scores.dyads_per_second:.0f} dyads/s)"
    )
    compare(summary, baseline["dyads_dev"])

    notes = read_acled_notes(events / "acled_dev.tsv")
    acled_train, held_out = split_acled(notes)
    acled = evaluate_acled(held_out)
    print(f"\n== ACLED typology: held-out notes ({len(held_out)} of {len(notes)} distinct notes; trained on the other {len(acled_train)}) ==")
    print(acled.event_type.format())
    print(acled.sub_event_type.format())
    acled_summary = acled.summary()
    print(
        f"ACLED event type accuracy {acled_summary['event_type_accuracy']:.3f}  sub-event type accuracy "
        f"{acled_summary['sub_event_type_accuracy']:.3f}  sub-event weighted F1 {acled_summary['sub_event_type_weighted_f1']:.3f}  "
        f"{acled.notes_per_second:.0f} notes/s"
    )
    compare(acled_summary, baseline["acled_held_out"])


if __name__ == "__main__":
    main()
