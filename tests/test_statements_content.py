"""The trained content chooser of the statements stage: its candidates, their features, the
choice on hand-made weights, the packaged model loaded for real, and the stage with and without it."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import LexiconError
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.runner import extract_text
from eventwire.statement_content import (
    ArticleLayout,
    ContentChooser,
    candidate_features,
    content_candidates,
    cue_dependency,
)
from eventwire.statement_spans import find_quotations
from eventwire.statements import StatementExtractor

QUOTE = "“We will not give up. The talks are over,” Peskov said on Monday, according to the agency."
CLAUSE = "Peskov said that the talks had failed, which surprised nobody in Moscow."


@pytest.fixture(scope="module")
def parsed():
    """The articles of the two texts after nlp, actors and events (statements not run)."""
    pipeline = Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events")))
    return {text: extract_text(text, published=date(2022, 2, 23), pipeline=pipeline) for text in (QUOTE, CLAUSE)}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "statements")))


def rule_statement(article):
    """The rules' (and tagger's) first statement of the article, before any content choice."""
    extractor = StatementExtractor(content_chooser=None)
    return extractor.apply_tagger(article, extractor.extract_statements(article))[0]


def candidates_of(article):
    item = rule_statement(article)
    layout = ArticleLayout(article)
    return item, content_candidates(
        article, cue=item.cue, source=item.source.span if item.source else None, content=item.content,
        sentence=layout.sentence_at(item.cue.start), quotations=find_quotations(article.text), layout=layout,
    )


@pytest.mark.parametrize("text", [QUOTE, CLAUSE])
def test_candidates_start_with_the_rules_content_and_avoid_cue_and_source(parsed, text):
    article = parsed[text]
    item, candidates = candidates_of(article)
    assert candidates[0] == ("current", tuple((c.start, c.end) for c in item.content))
    assert len({pieces for _, pieces in candidates}) == len(candidates)
    blocked = [item.cue] + ([item.source.span] if item.source else [])
    for _, pieces in candidates:
        assert pieces == tuple(sorted(pieces))
        assert not any(s < b.end and b.start < e for s, e in pieces for b in blocked)


def test_a_clause_is_offered_cut_at_its_comma(parsed):
    article = parsed[CLAUSE]
    _, candidates = candidates_of(article)
    texts = {kind: article.text[pieces[0][0] : pieces[-1][1]] for kind, pieces in candidates}
    assert texts["current"].startswith("that the talks had failed")
    assert texts["cut_end"] == "that the talks had failed"


def test_features_describe_kind_boundaries_and_position(parsed):
    article = parsed[CLAUSE]
    item, candidates = candidates_of(article)
    layout = ArticleLayout(article)
    kind, pieces = next(c for c in candidates if c[0] == "cut_end")
    features = candidate_features(
        article, kind, pieces, cue=item.cue, source=item.source.span, sentence=layout.sentence_at(item.cue.start),
        cue_dep=cue_dependency(layout, item.cue), layout=layout,
    )
    assert {"k=cut_end", "pos=after", "fw=that", "lw=failed", "nw=,", "after=,"} <= set(features)
    assert "k|src=cut_end|before" in features and "pos|gap=after|" in features


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({}, None),  # nothing learned: the rules' content stays
        ({"k=sentence_head": 5.0}, ["The talks are over,”"]),
    ],
)
def test_the_chooser_keeps_the_best_scored_candidate(parsed, weights, expected):
    article = parsed[QUOTE]
    item = rule_statement(article)
    [chosen] = ContentChooser(weights=weights).choose_contents(article, [item])
    if expected is None:
        assert chosen is item
    else:
        assert [c.text for c in chosen.content] == expected
        assert chosen.cue == item.cue and chosen.source == item.source


def test_the_packaged_model_loads():
    chooser = ContentChooser.load()
    assert len(chooser.weights) > 100
    assert all(isinstance(w, float) for w in list(chooser.weights.values())[:10])


def test_a_missing_model_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError):
        ContentChooser.load(directory=tmp_path)


def test_the_stage_with_and_without_the_chooser(pipeline, parsed):
    [statement] = extract_text(CLAUSE, published=date(2022, 2, 23), pipeline=pipeline).statements[:1]
    assert statement.cue.text == "said" and statement.source.span.text == "Peskov"
    assert statement.content[0].text.startswith("that the talks had failed")
    plain = StatementExtractor(content_chooser=None)(parsed[CLAUSE]).statements
    assert [s.cue.text for s in plain] == ["said"]


def test_an_abbreviation_keeps_its_period_in_a_candidate():
    pipeline = Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events")))
    article = extract_text("Peskov said the talks would move to the U.S.", published=date(2022, 2, 23), pipeline=pipeline)
    _, candidates = candidates_of(article)
    texts = {kind: article.text[pieces[0][0] : pieces[-1][1]] for kind, pieces in candidates}
    assert texts["current"] == "the talks would move to the U.S"
    assert texts["keep_period"] == "the talks would move to the U.S."


def test_the_sentence_around_a_parenthetical_credit_is_offered_in_two_pieces():
    pipeline = Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events")))
    text = "If the talks fail, Peskov said on Monday, Moscow will recognise the two republics."
    article = extract_text(text, published=date(2022, 2, 23), pipeline=pipeline)
    _, candidates = candidates_of(article)
    offered = [[article.text[s:e] for s, e in pieces] for kind, pieces in candidates if kind == "around"]
    assert offered == [["If the talks fail", "on Monday, Moscow will recognise the two republics"]]
