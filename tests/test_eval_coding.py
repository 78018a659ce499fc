"""The CI quality gate: dyad coding on the shared dev split must not fall below eval/baseline_coding.json.

The data are read in place from ../shared (never copied). ``make eval`` prints the full figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation import dev_split, evaluate_dyads, read_dyads, unmark

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT.parent / "shared" / "data" / "events"
FLOORS = json.loads((ROOT / "eval" / "baseline_coding.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not EVENTS.exists(), reason="../shared/data is not beside the checkout")


@pytest.fixture(scope="module")
def dyad_scores():
    train = read_dyads(EVENTS / "plover_dyads_train.tsv")
    dev = dev_split(train, read_dyads(EVENTS / "plover_dyads_dev.tsv"))
    return evaluate_dyads(dev).summary()


@pytest.mark.parametrize("metric", sorted(FLOORS["dyads_dev"]))
def test_dyad_coding_floor(dyad_scores, metric):
    floor = FLOORS["dyads_dev"][metric]
    assert dyad_scores[metric] >= floor, f"{metric} {dyad_scores[metric]:.3f} fell below the floor {floor:.3f}"


@pytest.mark.parametrize(
    "marked, text, source, target",
    [
        ("<s>Russia</s> attacked <t>Ukraine</t>.", "Russia attacked Ukraine.", (0, 6), (16, 23)),
        ("Talks with <t>Iran</t> resumed.", "Talks with Iran resumed.", None, (11, 15)),
    ],
)
def test_unmark(marked, text, source, target):
    assert unmark(marked) == (text, source, target)
