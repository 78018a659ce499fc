"""Offices named by title alone are linked to their holder on the report's date; IGO office holders and
sector terms added with them (real lexicon, real spaCy for the stage)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actor_lexicon import ActorLexicon, ActorRecord, Role, resolve_actor
from eventwire.actor_offices import OfficeIndex, office_of_role, titled_office
from eventwire.actors import ActorResolver
from eventwire.model import Article, Entity, Metadata


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


@pytest.fixture(scope="module")
def annotate(lexicon):
    from eventwire.nlp import load_spacy

    nlp = load_spacy()
    resolver = ActorResolver(lexicon=lexicon)

    def run(text: str, published: date) -> Article:
        doc = nlp(text)
        entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        article = Article(doc_id="t", text=text, meta=Metadata(published=published)).replace(doc=doc, entities=entities)
        return resolver(article)

    return run


@pytest.mark.parametrize(
    ("role", "office"),
    [
        ("President of Ukraine", "president"),
        ("transitional President of Mali", "president"),
        ("Prime Minister of Israel", "prime minister"),
        ("Federal Chancellor of Germany", "chancellor"),
        ("Foreign Minister of Spain", "foreign minister"),
        ("US Secretary of State", "foreign minister"),
        ("Defence Minister of Russia", "defence minister"),
        ("Vice President of the United States", None),
        ("White House press secretary", None),
        (None, None),
    ],
)
def test_office_of_role(role, office):
    assert office_of_role(role) == office


@pytest.mark.parametrize(
    ("phrase", "office"),
    [
        ("ukrainian president", "president"),
        ("russia foreign minister", "foreign minister"),
        ("president of ukraine", "president"),
        ("former ukrainian president", None),
        ("ukrainian vice president", None),
        ("president office", None),
    ],
)
def test_titled_office(phrase, office):
    keys = phrase.split()
    start = next(i for i, key in enumerate(keys) if key in ("president", "foreign"))
    end = start + (2 if keys[start] == "foreign" else 1)
    assert titled_office(keys, start, end) == office


def test_office_index_needs_one_holder_on_the_date():
    first = ActorRecord("A", "person", roles=(Role("XXA", "GOV", "President of X", date(2010, 1, 1), date(2015, 1, 1)),))
    second = ActorRecord("B", "person", roles=(Role("XXA", "GOV", "President of X", date(2015, 1, 1), None),))
    index = OfficeIndex([first, second])
    assert index.holder("XXA", "president", date(2012, 6, 1)) is first
    assert index.holder("XXA", "president", date(2020, 6, 1)) is second
    assert index.holder("XXA", "president", date(2015, 1, 1)) is None  # two on the hand-over day
    assert index.holder("XXA", "president", date(2005, 1, 1)) is None
    assert index.holder("XXA", "prime minister", date(2012, 6, 1)) is None


@pytest.mark.parametrize(
    ("text", "day", "name"),
    [
        ("the Ukrainian president", date(2022, 2, 23), "Volodymyr Zelenskyy"),
        ("the Ukrainian president", date(2017, 5, 1), "Petro Poroshenko"),
        ("Russia's foreign minister", date(2022, 2, 23), "Sergey Lavrov"),
        ("the US secretary of state", date(2022, 2, 23), "Antony Blinken"),
        ("the German chancellor", date(2018, 5, 1), "Angela Merkel"),
        ("the German chancellor", date(2022, 5, 1), "Olaf Scholz"),
    ],
)
def test_a_title_names_the_holder_on_the_date(lexicon, text, day, name):
    assert resolve_actor(lexicon, text, on=day).name == name


def test_a_title_without_a_date_stays_a_group(lexicon):
    info = resolve_actor(lexicon, "the Ukrainian president")
    assert (info.country, info.sector) == ("UKR", "GOV")
    assert info.name != "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("U.N. Secretary-General", "IGO", "GOV"),
        ("the UN Security Council", "IGO", "GOV"),
        ("UN refugee agency", "IGO", "REF"),
        ("the United Nations", "IGO", None),
        ("Kenyan security forces", "KEN", "COP"),
        ("Palestinian gunmen", "PSE", "UAF"),
        ("the U.S. border patrol", "USA", "COP"),
        ("Iraqi villages", "IRQ", "CVL"),
        ("ousted Ukrainian president", "UKR", "ELI"),
    ],
)
def test_sector_terms(lexicon, text, country, sector):
    info = resolve_actor(lexicon, text, on=date(2022, 2, 23))
    assert (info.country, info.sector) == (country, sector)


def test_igo_office_holders_are_government(lexicon):
    info = resolve_actor(lexicon, "Antonio Guterres", on=date(2022, 2, 23))
    assert (info.country, info.sector, info.code) == ("IGO", "GOV", "IGOUNO")


def test_the_stage_links_a_title_to_the_holder_and_merges_mentions(annotate):
    article = annotate("The Ukrainian president said the country would defend itself. Zelensky asked for weapons.", date(2022, 2, 23))
    [actor] = [a for a in article.actors if a.name == "Volodymyr Zelenskyy"]
    assert [m.text for m in actor.mentions] == ["Ukrainian president", "Zelensky"]
    assert (actor.country, actor.sector) == ("UKR", "GOV")


def test_the_stage_links_president_of_country(annotate):
    article = annotate("The president of Ukraine addressed the Israeli parliament.", date(2022, 5, 1))
    assert any(a.name == "Volodymyr Zelenskyy" for a in article.actors)
