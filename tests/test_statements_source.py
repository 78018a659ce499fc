"""The trained source chooser of the statements stage: its candidates, their features, the choice
on hand-made weights, the packaged model loaded for real, and the stage with and without it."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import LexiconError
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.runner import extract_text
from eventwire.statement_content import ArticleLayout
from eventwire.statement_source import NONE, SourceChooser, cue_context, source_candidates, source_features
from eventwire.statements import StatementExtractor

APPOSITION = "Alan Berger, a gynecologist from Englewood, said the new rules would hurt his patients."
PARTICIPLE = "Senator Maria Lopez spoke for an hour on Monday, suggesting that the bill would fail."
PRONOUN = "He said the talks had failed."


@pytest.fixture(scope="module")
def parsed():
    """The articles of the texts after nlp, actors and events (statements not run)."""
    pipeline = Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events")))
    return {text: extract_text(text, published=date(2022, 2, 23), pipeline=pipeline) for text in (APPOSITION, PARTICIPLE, PRONOUN)}


def rule_statements(article):
    """The rules' (and tagger's) statements of the article, before any source or content choice."""
    extractor = StatementExtractor(content_chooser=None, source_chooser=None)
    return extractor.apply_tagger(article, extractor.extract_statements(article))


def candidates_of(article, cue_text: str):
    item = next(f for f in rule_statements(article) if f.cue.text == cue_text)
    layout = ArticleLayout(article)
    source = item.source.span if item.source else None
    return item, source_candidates(article, cue=item.cue, source=source, content=item.content, layout=layout)


def phrases(article, candidates) -> dict[str, str | None]:
    return {kind: (article.text[s:e] if (s, e) != NONE else None) for kind, (s, e) in candidates}


def test_candidates_start_with_the_rules_source_and_offer_none(parsed):
    article = parsed[APPOSITION]
    item, candidates = candidates_of(article, "said")
    assert candidates[0] == ("current", (item.source.span.start, item.source.span.end))
    assert ("none", NONE) in candidates
    assert len({bounds for _, bounds in candidates}) == len(candidates)
    blocked = [item.cue, *item.content]
    for _, (start, end) in candidates:
        assert not any(start < b.end and b.start < end for b in blocked)


def test_an_apposition_is_offered_with_and_without(parsed):
    article = parsed[APPOSITION]
    _, candidates = candidates_of(article, "said")
    offered = set(phrases(article, candidates).values())
    assert {"Alan Berger", "Alan Berger, a gynecologist from Englewood", "Alan Berger, a gynecologist from Englewood,"} <= offered


def test_a_participle_takes_the_subject_of_the_verb_it_hangs_on(parsed):
    article = parsed[PARTICIPLE]
    _, candidates = candidates_of(article, "suggesting")
    offered = phrases(article, candidates)
    assert "Senator Maria Lopez" in offered.values()
    assert "Maria Lopez" in offered.values()  # the named entity without the title


def test_features_describe_the_shape_and_the_position(parsed):
    article = parsed[APPOSITION]
    item, candidates = candidates_of(article, "said")
    layout = ArticleLayout(article)
    cue_dep, cue_word = cue_context(layout, item.cue)
    current = candidates[0][1]
    kind, bounds = next((k, b) for k, b in candidates if article.text[b[0] : b[1]] == "Alan Berger")
    features = set(source_features(article, kind, bounds, cue=item.cue, current=current, cue_dep=cue_dep, cue_word=cue_word, layout=layout))
    assert {"pos=before", "fw=alan", "lw=berger", "nw=,", "after=,", "same=0", "ent=PERSON", "is_ent=1"} <= features
    none = source_features(article, "none", NONE, cue=item.cue, current=current, cue_dep=cue_dep, cue_word=cue_word, layout=layout)
    assert "k=none" in none and "none|cw=said" in none


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({}, "rules"),  # nothing learned: the rules' source stays
        ({"lw=berger": 5.0}, "Alan Berger"),
        ({"k=none": 5.0}, None),
    ],
)
def test_the_chooser_keeps_the_best_scored_candidate(parsed, weights, expected):
    article = parsed[APPOSITION]
    item = next(f for f in rule_statements(article) if f.cue.text == "said")
    [chosen] = SourceChooser(weights=weights).choose_sources(article, [item])
    if expected == "rules":
        assert chosen is item
    elif expected is None:
        assert chosen.source is None
    else:
        assert chosen.source.span.text == expected
        assert chosen.cue == item.cue and chosen.content == item.content


def test_a_one_word_source_is_kept(parsed):
    article = parsed[PRONOUN]
    [item] = rule_statements(article)
    assert item.source.span.text == "He"
    assert SourceChooser(weights={"k=none": 5.0}).choose_sources(article, [item]) == [item]


def test_the_packaged_model_loads():
    chooser = SourceChooser.load()
    assert len(chooser.weights) > 100
    assert all(isinstance(w, float) for w in list(chooser.weights.values())[:10])


def test_a_missing_model_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError):
        SourceChooser.load(directory=tmp_path)


def test_the_stage_with_and_without_the_chooser(parsed):
    article = parsed[PARTICIPLE]
    plain = StatementExtractor(source_chooser=None)(article).statements
    chosen = StatementExtractor()(article).statements
    assert [s.cue.text for s in chosen] == [s.cue.text for s in plain]
    assert all(s.source is None or s.source.span.text.endswith("Lopez") for s in chosen)
