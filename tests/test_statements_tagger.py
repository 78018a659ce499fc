"""The trained cue tagger of the statements stage: its arithmetic and decoding on hand-made
models, the packaged model loaded for real, and what it adds to and removes from the rules."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from eventwire.errors import LexiconError
from eventwire.nlp import load_spacy
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.runner import extract_text
from eventwire.statement_tagger import LABELS, CueTagger, RuleMarks, edge_moves, mark_rules, quoted_tokens, token_features
from eventwire.statements import StatementExtractor

NO_MARKS = RuleMarks(cue={}, source=frozenset(), content=frozenset())


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "statements")))


def tiny_tagger(*, edges: dict[str, float] | None = None) -> CueTagger:
    """'said' is a cue (B), 'to' after 'according' continues one (I), everything else is outside."""
    vocabulary = {"w=said": 0, "w=according": 1, "p1w=according|to": 2}
    weights = np.array([[4.0, 0.0, 0.0], [4.0, 0.0, 0.0], [0.0, 4.0, 0.0]])
    bias = np.array([0.0, 0.0, 2.0])
    return CueTagger(
        vocabulary=vocabulary, weights=weights, bias=bias, candidates=frozenset({"said", "according", "to"}), edges=edges
    )


def test_probabilities_are_a_softmax_of_the_summed_weights():
    tagger = tiny_tagger()
    probabilities = tagger.probabilities({0: ["bias", "w=said"], 2: ["w=unknown"]}, 3)
    expected = np.exp([4.0, 0.0, 2.0]) / np.exp([4.0, 0.0, 2.0]).sum()
    assert probabilities[0] == pytest.approx(expected)
    assert probabilities[1].tolist() == [0.0, 0.0, 1.0]  # not a candidate: outside
    assert probabilities[2] == pytest.approx(np.exp([0.0, 0.0, 2.0]) / np.exp([0.0, 0.0, 2.0]).sum())


@pytest.mark.parametrize(
    ("rows", "runs"),
    [
        ([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.0, 0.0, 1.0]], [(0, 2)]),  # B I O
        ([[0.9, 0.05, 0.05], [0.8, 0.1, 0.1]], [(0, 1), (1, 2)]),  # B B: two cues
        ([[0.0, 0.0, 1.0], [0.1, 0.7, 0.2]], [(1, 2)]),  # a lone I opens a cue
        ([[0.3, 0.1, 0.6]], []),  # under the threshold
        ([[0.9, 0.05, 0.05], [0.0, 0.0, 1.0], [0.1, 0.8, 0.1]], [(0, 1), (2, 3)]),  # a gap ends a run
        ([[0.0, 0.0, 1.0], [0.9, 0.05, 0.05], [0.1, 0.8, 0.1]], [(1, 3)]),  # a run up to the last token
    ],
)
def test_cue_runs_decode_begin_and_inside(rows, runs):
    found = tiny_tagger().cue_runs(np.array(rows))
    assert [(first, stop) for first, stop, _ in found] == runs


def test_features_follow_the_parse_and_the_rules(nlp):
    doc = nlp("Clinton said the plan “would fail,” aides said.")
    marks = mark_rules(doc, cues=[(8, 12)], sources=[(0, 7)], contents=[(13, 36)])
    quoted = quoted_tokens(doc, [(22, 36)])
    features = token_features(doc, marks, quoted, candidates=frozenset({"said"}))
    assert sorted(features) == [1, 10]  # the two "said"; others are not candidates
    first = set(features[1])
    assert {"w=said", "rc=B", "dep=" + doc[1].dep_, "ch=nsubj", "p1=clinton", "q=0", "first=0"} <= first
    assert "q=1" not in first
    assert "rc=-" in features[10]


@pytest.mark.parametrize(
    "text",
    [
        "Clinton said the plan “would fail,” aides said.",
        "According to officials, the talks in Geneva collapsed on Tuesday. He told reporters he was not worried.",
        "",
    ],
)
def test_feature_rows_are_the_rows_of_the_feature_names(nlp, text):
    tagger = CueTagger.load()
    doc = nlp(text)
    marks = mark_rules(doc, cues=[(8, 12)], sources=[(0, 7)], contents=[(13, 36)]) if len(doc) else NO_MARKS
    quoted = quoted_tokens(doc, [(22, 36)])
    features = token_features(doc, marks, quoted, candidates=tagger.candidates)
    tokens, rows, counts = tagger.feature_rows(doc, marks, quoted)
    assert tokens == list(features)
    assert rows == [tagger.vocabulary.get(name, -1) for names in features.values() for name in names]
    assert counts == [len(names) for names in features.values()]
    assert np.array_equal(tagger.row_probabilities(tokens, rows, counts, len(doc)), tagger.probabilities(features, len(doc)))


def test_feature_rows_find_pairs_whose_words_hold_a_bar(nlp):
    doc = nlp("a|b said it")
    vocabulary = {"bias": 0, "wn1=a|b|said": 1, "p1w=a|b|said": 2}
    tagger = CueTagger(vocabulary=vocabulary, weights=np.zeros((3, 3)), bias=np.zeros(3), candidates=frozenset({"a|b", "said"}))
    features = token_features(doc, NO_MARKS, frozenset(), candidates=tagger.candidates)
    _, rows, _ = tagger.feature_rows(doc, NO_MARKS, frozenset())
    assert rows == [vocabulary.get(name, -1) for names in features.values() for name in names]
    assert 1 in rows and 2 in rows


def test_edge_moves_name_side_direction_words_and_edge_word():
    words = ["when", "asked", "about", "it"]
    moves = {key: (generic, first, stop) for key, generic, first, stop in edge_moves(words, 1, 2)}
    assert moves["L+|when|asked"] == ("L+|when", 0, 2)
    assert moves["R+|about it|asked"] == ("R+|about it", 1, 4)
    assert not any(key.startswith(("L-", "R-")) for key in moves)  # a one-word cue does not shrink
    shrinking = {key for key, *_ in edge_moves(words, 0, 2)}
    assert {"L-|when|asked", "R-|asked|when"} <= shrinking


@pytest.mark.parametrize(
    ("edges", "words", "cue", "moved"),
    [
        ({"R+|in a statement": 0.8}, ["peskov", "said", "in", "a", "statement", "that"], (1, 2), (1, 5)),
        ({"L-|when": 0.9}, ["when", "asked", ",", "he"], (0, 2), (1, 2)),
        ({"R-|<date>": 0.7}, ["he", "said", "<date>", "that"], (1, 3), (1, 2)),
        # the word-specific move overrules the generic one
        ({"R+|in a statement": 0.8, "R+|in a statement|wrote": 0.2}, ["he", "wrote", "in", "a", "statement"], (1, 2), (1, 2)),
        ({"R+|to": 0.4}, ["he", "said", "to", "them"], (1, 2), (1, 2)),  # taken too rarely
    ],
)
def test_learned_edge_moves(edges, words, cue, moved):
    assert tiny_tagger(edges=edges).move_edges(words, *cue) == moved


def test_an_edge_move_may_be_refused():
    tagger = tiny_tagger(edges={"R+|in a statement": 0.8, "R+|in": 0.6})
    words = ["peskov", "said", "in", "a", "statement"]
    assert tagger.move_edges(words, 1, 2, allowed=lambda first, stop: stop <= 3) == (1, 3)


def test_the_packaged_model_loads():
    tagger = CueTagger.load()
    assert tagger.weights.shape == (len(tagger.vocabulary), len(LABELS))
    assert {"said", "according", "told"} <= tagger.candidates


def test_a_missing_model_is_a_lexicon_error(tmp_path):
    (tmp_path / "statement_cue.json").write_text(json.dumps({"labels": list(LABELS)}), encoding="utf-8")
    with pytest.raises(LexiconError):
        CueTagger.load(directory=tmp_path)


def statements(pipeline: Pipeline, text: str):
    return extract_text(text, published=date(2016, 3, 1), pipeline=pipeline).statements


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # verbs outside the rules' lexicon: the tagger finds them, the rest of the phrase is said
        (
            "Sen. Graham has attacked GOP voters for opposing mass migration policies.",
            "has attacked", "Sen. Graham", "GOP voters for opposing mass migration policies",
        ),
        (
            "Ted Cruz is congratulating his rivals in South Carolina.",
            "is congratulating", "Ted Cruz", "his rivals in South Carolina",
        ),
        # a noun cue: the object of its preposition is said, its possessor says it
        (
            "Mayor Lindgren was the sharpest of the group in his attacks on Ms. Adeyemi, while the council said little.",
            "attacks on", "his", "Ms. Adeyemi",
        ),
        # a verb with nothing after it: the quotation that ends right before its sentence
        (
            "\"The menu, the prices, the music, none of it is new, right?\" Ingrid Solberg said.",
            "said", "Ingrid Solberg", "\"The menu, the prices, the music, none of it is new, right?\"",
        ),
        # a learned edge move: PolNeAR marks "said in a statement" as the cue
        ("Peskov said in a statement that the talks had failed.", "said in a statement", "Peskov", "that the talks had failed"),
    ],
)
def test_the_tagger_adds_cues_the_rules_miss(pipeline, text, cue, source, content):
    found = [s for s in statements(pipeline, text) if s.cue.text == cue]
    assert found, [s.cue.text for s in statements(pipeline, text)]
    [statement] = found
    assert statement.source is not None and statement.source.span.text == source
    assert [c.text for c in statement.content] == [content]


def test_rules_alone_without_the_tagger(pipeline):
    text = "Ted Cruz is congratulating his rivals in South Carolina."
    article = extract_text(text, published=date(2016, 3, 1), pipeline=Pipeline.from_config(PipelineConfig(stages=("nlp",))))
    assert StatementExtractor(tagger=None)(article).statements == ()
