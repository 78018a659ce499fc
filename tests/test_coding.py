"""Dyad coding (``eventwire code``): the trained linear model over the parse, its explanations, the
rules-only fallback, and the linear model's own file format."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eventwire.classifier import LinearModel, dyad_features
from eventwire.coding import DyadCoder
from eventwire.errors import LexiconError


@pytest.fixture(scope="module")
def coder() -> DyadCoder:
    return DyadCoder()


@pytest.fixture(scope="module")
def rules_only(coder) -> DyadCoder:
    return DyadCoder(use_model=False, extractor=coder.extractor)


def spans(text: str, source: str, target: str):
    return (text.index(source), text.index(source) + len(source)), (text.index(target), text.index(target) + len(target))


@pytest.mark.parametrize(
    "text, source, target, plover, cameo_prefix",
    [
        ("Russia attacked Ukraine.", "Russia", "Ukraine", "ASSAULT", "19"),
        ("France praised Germany.", "France", "Germany", "SUPPORT", "05"),
        ("The separatists asked Russia for military aid.", "separatists", "Russia", "REQUEST", "0232"),
        ("Poland sent humanitarian aid to Ukraine.", "Poland", "Ukraine", "AID", "07"),
        ("Iran rejected the proposal by the United States.", "Iran", "United States", "REJECT", "12"),
        ("Police arrested dozens of protesters in Minsk.", "Police", "protesters", "COERCE", "173"),
        ("The minister met his Chinese counterpart in Beijing.", "minister", "counterpart", "CONSULT", "04"),
        ("Syria threatened to retaliate against Israel.", "Syria", "Israel", "THREATEN", "13"),
        ("Turkey withdrew its troops from northern Iraq.", "Turkey", "Iraq", "RETREAT", "08"),
        ("Workers protested against the government in Paris.", "Workers", "government", "PROTEST", "14"),
        ("Moscow accused Kyiv of shelling civilians.", "Moscow", "Kyiv", "ACCUSE", "11"),
        ("The two countries agreed to resume talks.", "two countries", "talks", "AGREE", "03"),
        # the PLOVER codebook: promises to sign are AGREE, cyber attacks COERCE, lifting sanctions a retreat
        ("The United States and China agreed to sign a trade deal.", "United States", "China", "AGREE", "03"),
        ("Chinese hackers launched cyber attacks on Indian power grids.", "Chinese hackers", "Indian power grids", "COERCE", ""),
        ("Washington removed the sanctions on the shipping companies.", "Washington", "shipping companies", "RETREAT", "085"),
        ("Syria's government lifted the emergency law.", "Syria's government", "emergency law", "RETREAT", "0814"),
    ],
)
def test_codes_dyads(coder, text, source, target, plover, cameo_prefix):
    source_span, target_span = spans(text, source, target)
    code = coder.code(text, source=source_span, target=target_span)
    assert (code.plover, code.cameo[: len(cameo_prefix)]) == (plover, cameo_prefix)
    assert 0.0 < code.confidence <= 1.0


def test_model_code_says_why(coder):
    source, target = spans("Russia attacked Ukraine.", "Russia", "Ukraine")
    code = coder.code("Russia attacked Ukraine.", source=source, target=target)
    assert code.pattern.startswith("model:plover=ASSAULT p=")
    assert "via triggers:" in code.pattern and "top features: " in code.pattern
    assert code.trigger == "attacked"
    record = code.to_record(7, explain=True)
    assert record["id"] == 7 and record["pattern"] == code.pattern and record["trigger"] == "attacked"
    assert set(code.to_record(7)) == {"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}


def test_rules_alone_name_the_rule(rules_only):
    source, target = spans("Russia attacked Ukraine.", "Russia", "Ukraine")
    code = rules_only.code("Russia attacked Ukraine.", source=source, target=target)
    assert code.plover == "ASSAULT" and code.pattern.startswith("triggers:")


def test_rules_alone_fall_back_without_a_trigger(rules_only):
    code = rules_only.code("The weather in Paris was mild.")
    assert code.cameo == "010" and code.pattern is None


@pytest.mark.parametrize("text", ["", "   ", "..."])
def test_text_without_words_gets_the_low_confidence_fallback(coder, text):
    code = coder.code(text)
    assert (code.cameo, code.pattern) == ("010", None) and code.confidence <= 0.1


def test_model_codes_a_sentence_without_trigger_or_dyad(coder):
    code = coder.code("The weather in Paris was mild.")
    assert code.pattern.startswith("model:") and "via" not in code.pattern


def test_code_lines_keep_order_and_report_bad_lines(coder):
    lines = [
        json.dumps({"id": "a", "text": "Russia attacked Ukraine.", "source": {"start": 0, "end": 6}, "target": {"start": 16, "end": 23}}),
        "{not json",
        json.dumps({"id": "c", "text": "France praised Germany."}),
    ]
    out = list(coder.code_lines(lines, explain=True))
    assert [o["id"] for o in out] == ["a", None, "c"]
    assert "error" in out[1] and out[0]["plover"] == "ASSAULT" and "pattern" in out[2]


def test_features_mask_the_dyad_and_follow_the_path(coder):
    text = "Germany imposed sanctions on Russia."
    doc = coder.nlp(text)
    features, best, _ = coder.dyad_features(doc, *spans(text, "Germany", "Russia"))
    assert best is not None and doc[best.token_index].text == "imposed"
    assert {"gov=impose", "t_prep=on", "w=SRC", "w=TGT", "b=SRC_impose"} <= set(features)
    assert "w=germany" not in features and "w=russia" not in features
    assert dyad_features(doc, source=None, target=None)[:2] == ["bias", "rule=none"]


def test_function_words_only_count_inside_bigrams(coder):
    text = "Germany imposed sanctions on Russia."
    features = set(coder.dyad_features(coder.nlp(text), *spans(text, "Germany", "Russia"))[0])
    assert "w=on" not in features and "b=on_TGT" in features and "w=sanction" in features


# -- the linear model's files ---------------------------------------------------------------------


def small_model() -> LinearModel:
    weights = np.array([[2.0, -1.0], [-1.0, 2.0], [0.5, 0.5]], dtype=np.float32)
    return LinearModel(name="toy", labels=["A", "B"], vocabulary={"w=a": 0, "w=b": 1, "bias": 2}, weights=weights, bias=np.zeros(2, np.float32))


def test_linear_model_round_trip_and_explain(tmp_path):
    small_model().save(tmp_path, info={"seed": 1})
    model = LinearModel.load("toy", directory=tmp_path)
    assert model.labels == ("A", "B") and json.loads((tmp_path / "toy.json").read_text())["info"] == {"seed": 1}
    prediction = model.predict(["w=a", "bias", "unknown"], explain=2)
    assert prediction.label == "A" and prediction.probability == pytest.approx(sum([prediction.probability]))
    assert sum(prediction.scores.values()) == pytest.approx(1.0)
    assert prediction.evidence == ("w=a",)
    assert model.predict(["w=a"], allowed=["B"]).label == "B"


def test_linear_model_rejects_bad_files(tmp_path):
    with pytest.raises(LexiconError):
        LinearModel.load("missing", directory=tmp_path)
    with pytest.raises(LexiconError):
        LinearModel(name="bad", labels=["A"], vocabulary={"x": 0}, weights=np.zeros((2, 1)), bias=np.zeros(1))
