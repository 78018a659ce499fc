"""The CI quality gate for places and dates: subsets of the shared sets must not fall below the floors
in eval/baseline_places.json ("gate" figures; ``make eval`` prints the full figures).

The data are read in place from ../shared (never copied).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "eval" / "baseline_places.json").read_text(encoding="utf-8"))["gate"]

pytestmark = pytest.mark.skipif(not (DATA / "geo").exists(), reason="../shared/data is not beside the checkout")


def _load_eval_script():
    spec = importlib.util.spec_from_file_location("eval_places", ROOT / "scripts" / "eval_places.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation():
    return _load_eval_script()


@pytest.fixture(scope="module")
def pipeline(evaluation):
    return evaluation.Pipeline.from_config(evaluation.PipelineConfig(stages=evaluation.STAGES))


@pytest.fixture(scope="module")
def toponym_scores(evaluation, pipeline):
    limit = FLOORS["toponym_docs_per_set"]
    return {
        name: evaluation.score_toponyms(pipeline, evaluation.read_geo(DATA / "geo" / f"{name}.jsonl", limit=limit)).summary()
        for name in evaluation.GEO_SETS
    }


@pytest.fixture(scope="module")
def acled_scores(evaluation, pipeline):
    rows = evaluation.read_acled(DATA / "events" / "acled_dev.tsv", sample=FLOORS["acled_notes"])
    return evaluation.score_acled(pipeline, rows).summary()


@pytest.mark.parametrize(
    "corpus, metric", [(c, m) for c in ("LGL", "TR-News", "GeoVirus") for m in ("recall", "precision", "accuracy_161km")]
)
def test_toponym_floor(toponym_scores, corpus, metric):
    floor = FLOORS[f"toponyms_{corpus}"][metric]
    value = toponym_scores[corpus][metric]
    assert value >= floor, f"{corpus} {metric} {value:.3f} fell below the floor {floor:.3f}"


@pytest.mark.parametrize("metric", ["date_exact", "location_25km"])
def test_acled_floor(acled_scores, metric):
    floor = FLOORS["acled"][metric]
    assert acled_scores[metric] >= floor, f"ACLED {metric} {acled_scores[metric]:.3f} fell below the floor {floor:.3f}"
