"""The CI quality gate: dyad coding on the shared dev split and ACLED typing on the held-out ACLED notes
must not fall below eval/baseline_coding.json.

The data are read in place from ../shared (never copied). ``make eval`` prints the full figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation import (
    AcledNote,
    dev_split,
    evaluate_acled,
    evaluate_dyads,
    is_acled_held_out,
    read_acled_notes,
    read_dyads,
    split_acled,
    unmark,
)

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


@pytest.fixture(scope="module")
def acled_scores():
    _, held_out = split_acled(read_acled_notes(EVENTS / "acled_dev.tsv"))
    return evaluate_acled(held_out).summary()


@pytest.mark.parametrize("metric", sorted(FLOORS["acled_held_out"]))
def test_acled_floor(acled_scores, metric):
    floor = FLOORS["acled_held_out"][metric]
    assert acled_scores[metric] >= floor, f"{metric} {acled_scores[metric]:.3f} fell below the floor {floor:.3f}"


def test_acled_split_is_seeded_and_independent_of_order():
    notes = [AcledNote(f"On {day} May 2022, protesters marched in town {day}.", "Protests", "Peaceful protest") for day in range(1, 200)]
    train, held_out = split_acled(notes)
    assert 10 < len(held_out) < 80 and len(train) + len(held_out) == len(notes)
    assert split_acled(reversed(notes))[1] == list(reversed(held_out))
    assert all(is_acled_held_out(note) for note in held_out)


@pytest.mark.parametrize(
    "marked, text, source, target",
    [
        ("<s>Russia</s> attacked <t>Ukraine</t>.", "Russia attacked Ukraine.", (0, 6), (16, 23)),
        ("Talks with <t>Iran</t> resumed.", "Talks with Iran resumed.", None, (11, 15)),
    ],
)
def test_unmark(marked, text, source, target):
    assert unmark(marked) == (text, source, target)
