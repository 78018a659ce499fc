"""``make eval``: quality figures on the evaluation data in ../shared (read in place, never copied).

Prints, for dyad coding on the de-duplicated dev split of the PLOVER dyads (dev sentences that do
not occur in the training pool): PLOVER accuracy and macro F1, per-class precision/recall/F1, the
confusion matrix, penta-class accuracy, and dyads per second. Compares with eval/baseline_coding.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluation import dev_split, evaluate_dyads, read_dyads

BASELINE = Path(__file__).resolve().parent.parent / "eval" / "baseline_coding.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    events = args.shared / "data" / "events"
    train = read_dyads(events / "plover_dyads_train.tsv")
    dev = dev_split(train, read_dyads(events / "plover_dyads_dev.tsv"))
    scores = evaluate_dyads(dev)
    print(f"== dyad coding: PLOVER dyads dev split ({len(dev)} dyads, sentences unseen in train) ==")
    print(scores.plover.format())
    summary = scores.summary()
    print(
        f"PLOVER accuracy {summary['plover_accuracy']:.3f}  macro F1 {summary['plover_macro_f1']:.3f}  "
        f"penta accuracy {summary['penta_accuracy']:.3f}  {scores.dyads_per_second:.0f} dyads/s"
    )
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["dyads_dev"]
    for name, floor in floors.items():
        value = summary.get(name)
        if value is not None:
            print(f"  {name}: {value:.3f} (floor {floor:.3f}){'  BELOW FLOOR' if value < floor else ''}")


if __name__ == "__main__":
    main()
