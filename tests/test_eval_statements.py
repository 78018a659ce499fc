"""The CI quality gate: statements on the first PolNeAR dev articles must not fall below
eval/baseline_statements.json.

The data are read in place from ../shared (never copied). ``make eval`` prints the figures on the
whole dev split (scripts/eval_statements.py, whose scoring this test uses).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUOTES = ROOT.parent / "shared" / "data" / "quotes"
BASELINE = json.loads((ROOT / "eval" / "baseline_statements.json").read_text(encoding="utf-8"))
GATE = BASELINE["polnear_dev_gate"]

pytestmark = pytest.mark.skipif(not (QUOTES / "polnear_dev.jsonl").exists(), reason="../shared/data is not beside the checkout")


def load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_statements", ROOT / "scripts" / "eval_statements.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation():
    return load_eval_script()


@pytest.fixture(scope="module")
def gate_scores(evaluation):
    annotated = evaluation.read_polnear(QUOTES / "polnear_dev.jsonl", limit=GATE["articles"])
    return evaluation.evaluate_statements(annotated).summary()


@pytest.mark.parametrize("metric", sorted(k for k in GATE if k != "articles"))
def test_statement_floor(gate_scores, metric):
    floor = GATE[metric]
    assert gate_scores[metric] >= floor, f"{metric} {gate_scores[metric]:.3f} fell below the floor {floor:.3f}"


def test_scoring_exact_and_overlap(evaluation):
    score = evaluation.RoleScore()
    score.add([((0, 5),), ((10, 20),), ((30, 31),)], [((0, 5),), ((12, 25),), ((40, 45),)])
    assert score.exact() == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert score.overlap() == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_discontinuous_content_is_one_item(evaluation, tmp_path):
    record = {
        "doc": "d", "annotator": "x", "text": '"A," he said, "B."',
        "attributions": [{
            "source": [{"start": 5, "end": 7, "spans": [[5, 7]]}],
            "cue": [{"start": 8, "end": 12, "spans": [[8, 12]]}],
            "content": [{"start": 0, "end": 18, "spans": [[0, 4], [14, 18]]}],
        }],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [annotated] = evaluation.read_polnear(path)
    assert annotated.gold["content"] == frozenset({((0, 4), (14, 18))})
    assert annotated.gold["source"] == frozenset({((5, 7),)})
