"""Events from clauses, on hand-written sentences through the real pipeline (spaCy, actors, events)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.runner import extract_text


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config()


def events_of(pipeline: Pipeline, text: str) -> tuple[Article, list]:
    article = extract_text(text, published=date(2022, 2, 24), pipeline=pipeline)
    return article, list(article.events)


def actor_code(article: Article, argument) -> str | None:
    actor = article.actor(argument.actor) if argument else None
    return actor.code if actor else None


@pytest.mark.parametrize(
    "text, trigger, plover, cameo_prefix, source_code, target_code",
    [
        ("Russian troops attacked the Ukrainian city of Kharkiv.", "attacked", "ASSAULT", "19", "RUSMIL", None),
        ("Foreign minister Dmytro Kuleba of Ukraine requested a special session of the UN Security Council.",
         "requested", "REQUEST", "02", "UKRGOV", "IGOUNO"),
        ("Kharkiv was shelled by Russian forces.", "shelled", "ASSAULT", "19", "RUSMIL", None),
        ("France condemned Russia.", "condemned", "ACCUSE", "11", "FRA", "RUS"),
        ("Germany imposed sanctions on Russia.", "imposed", None, "16", "DEU", "RUS"),
    ],
)
def test_clause_events(pipeline, text, trigger, plover, cameo_prefix, source_code, target_code):
    article, events = events_of(pipeline, text)
    [event] = [e for e in events if e.trigger.text == trigger]
    if plover:
        assert event.plover == plover
    assert event.cameo.startswith(cameo_prefix)
    assert actor_code(article, event.source) == source_code
    if target_code:
        assert actor_code(article, event.target) == target_code


def test_coordinated_subjects_give_one_event_each(pipeline):
    article, events = events_of(pipeline, "Denis Pushilin and Leonid Pasechnik requested military assistance from Russia.")
    requests = [e for e in events if e.trigger.text == "requested"]
    sources = sorted(e.source.span.text for e in requests)
    assert sources == ["Denis Pushilin", "Leonid Pasechnik"]
    assert all(e.cameo == "0232" for e in requests)
    assert all(actor_code(article, e.target) == "RUS" for e in requests)


@pytest.mark.parametrize(
    "text, trigger, codes",
    [
        ("US and British forces attacked the city.", "attacked", ["GBRMIL", "USAMIL"]),
        ("Senior Hungarian and Romanian officials met in Vienna.", "met", ["HUNGOV", "ROUGOV"]),
    ],
)
def test_coordinated_nationalities_give_one_event_each(pipeline, text, trigger, codes):
    article, events = events_of(pipeline, text)
    found = [e for e in events if e.trigger.text == trigger]
    assert sorted(actor_code(article, e.source) for e in found) == codes


def test_apposition_keeps_the_named_actor(pipeline):
    article, events = events_of(pipeline, "Dmytro Kuleba, Ukraine's foreign minister, accused Russia of lying.")
    [event] = [e for e in events if e.trigger.text == "accused"]
    assert article.actor(event.source.actor).name.endswith("Kuleba")
    assert event.plover == "ACCUSE"


def test_nominal_event(pipeline):
    article, events = events_of(pipeline, "The separatists' appeal for military help worried Western capitals.")
    [event] = [e for e in events if e.trigger.text == "appeal"]
    assert event.plover == "REQUEST" and event.source is not None


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("Russia did not attack Kyiv.", "attack", "negated"),
        ("The European Union will impose sanctions on Russia.", "impose", "hypothetical"),
        ("Russia threatened to attack Kyiv.", "attack", "hypothetical"),
        ("Ukraine demanded that Russia withdraw its troops.", "withdraw", "requested"),
        ("Peskov said Ukrainian forces shelled Donetsk.", "shelled", "reported"),
        ("Ukraine denied shelling Donetsk.", "shelling", "negated"),
        ("Russian forces shelled Kharkiv.", "shelled", "asserted"),
        ("Russia will impose sanctions on Ukraine.", "impose", "hypothetical"),
        ("Peskov said Ukrainian shelling killed civilians.", "killed", "reported"),
    ],
)
def test_status(pipeline, text, trigger, status):
    _, events = events_of(pipeline, text)
    matching = [e for e in events if e.trigger.text == trigger]
    assert matching, [(e.trigger.text, e.cameo) for e in events]
    assert matching[0].status == status


def test_speech_alone_is_no_event(pipeline):
    _, events = events_of(pipeline, "The minister said the weather was fine.")
    assert events == []


def test_event_fields_are_consistent(pipeline):
    article, events = events_of(pipeline, "Russia attacked Ukraine. Poland sent humanitarian aid to Ukraine.")
    assert len(events) >= 2
    for event in events:
        assert 1 <= event.quad_class <= 4 and -10 <= event.goldstein <= 10
        assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        assert event.date == date(2022, 2, 24)
        assert event.pattern
        assert 0 < event.confidence < 1
    assert len({e.id for e in events}) == len(events)


@pytest.mark.parametrize(
    "text, trigger, plover",
    [
        ("Ukraine demanded a ceasefire.", "demanded", "REQUEST"),
        ("Russia agreed to a ceasefire.", "agreed", "AGREE"),
        ("Ukraine denied shelling Donetsk.", "denied", "REJECT"),
    ],
)
def test_request_and_denial_are_not_the_act(pipeline, text, trigger, plover):
    _, events = events_of(pipeline, text)
    assert [e.plover for e in events if e.trigger.text == trigger] == [plover]
    assert not any(e.status == "asserted" and e.plover in ("ASSAULT", "YIELD", "RETREAT") for e in events)


@pytest.mark.parametrize(
    "text, trigger, event_type, sub_event_type",
    [
        ("Russian forces shelled Kharkiv.", "shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Israeli aircraft bombed targets in Gaza.", "bombed", "Explosions/Remote violence", "Air/drone strike"),
        ("Thousands of protesters rallied in Minsk against the government.", "rallied", "Protests", "Peaceful protest"),
        ("Police arrested 20 opposition activists in Moscow.", "arrested", "Strategic developments", "Arrests"),
    ],
)
def test_violent_and_demonstration_events_get_acled_types(pipeline, text, trigger, event_type, sub_event_type):
    _, events = events_of(pipeline, text)
    [event] = [e for e in events if e.trigger.text == trigger]
    assert event.acled is not None and event.acled.to_record() == {"event_type": event_type, "sub_event_type": sub_event_type}


@pytest.mark.parametrize(
    "text", ["France condemned Russia.", "Russia did not attack Kyiv.", "Poland sent humanitarian aid to Ukraine.", "Russia threatened to attack Kyiv."]
)
def test_talk_cooperation_and_acts_that_did_not_happen_get_no_acled_type(pipeline, text):
    _, events = events_of(pipeline, text)
    assert events and all(e.acled is None for e in events)


def test_model_override_names_the_model_and_the_rule(pipeline):
    _, events = events_of(pipeline, "Russia agreed to a ceasefire.")
    [event] = events
    assert event.pattern.startswith("model:plover=AGREE p=") and "via triggers:" in event.pattern


def test_rules_only_extractor_loads_no_models():
    from eventwire.events import EventExtractor

    extractor = EventExtractor(use_models=False)
    assert extractor.dyad_model is None and extractor.acled is None
