"""The CI quality gate for actor resolution: figures on the PLOVER gold spans in ../shared must not
fall below eval/baseline_actors.json. The data are read in place (never copied); ``make eval`` prints
the full figures with a confusion of sectors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "events" / "plover_gold_records.json"
FLOORS = json.loads((ROOT / "eval" / "baseline_actors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/data is not beside the checkout")


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_actors", ROOT / "scripts" / "eval_actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_actors", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(evaluation):
    from eventwire.actors import ActorLexicon, ActorResolver

    spans = evaluation.read_gold_spans(GOLD)
    lexicon = ActorLexicon.load()
    return {
        "plover_gold_stage": evaluation.evaluate_stage(spans, resolver=ActorResolver(lexicon=lexicon)).summary(),
        "plover_gold_string": evaluation.evaluate_strings(spans, lexicon=lexicon).summary(),
    }


@pytest.mark.parametrize(
    ("mode", "metric"), [(mode, metric) for mode in sorted(FLOORS) if not mode.startswith("_") for metric in sorted(FLOORS[mode])]
)
def test_actor_resolution_floor(scores, mode, metric):
    floor = FLOORS[mode][metric]
    assert scores[mode][metric] >= floor, f"{mode} {metric} {scores[mode][metric]:.3f} fell below the floor {floor:.3f}"


def test_gold_spans_are_read(evaluation):
    spans = evaluation.read_gold_spans(GOLD)
    assert len(spans) > 600
    assert all(span.text[span.start : span.end] for span in spans)
