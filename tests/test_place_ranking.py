"""Place ranking: qualifiers resolved in pairs, feature cues, areas of a name, surnames, split names
(hand-made gazetteer entries, no model), and the same rules end to end on the real model and gazetteer."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.gazetteer import GazetteerEntry
from eventwire.model import Article, Entity, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.place_ranking import (
    add_qualified_areas,
    anchors_for,
    distance_km,
    feature_cues,
    follow_cues,
    follows_place,
    joined_place_entities,
    lies_within,
    paired_readings,
    qualifier_entries,
    states_in_lists,
    surnames,
    with_named_areas,
)
from eventwire.places import Toponym, _prior


def entry(name, code, country, lat, lon, population=0, admin1=None) -> GazetteerEntry:
    feature_class = "A" if code.startswith(("ADM", "PCL")) else "P"
    return GazetteerEntry(None, name, feature_class, code, country, admin1, lat, lon, population)


PARIS_FR = entry("Paris", "PPLC", "FRA", 48.85, 2.35, 2_100_000, "11")
PARIS_TX = entry("Paris", "PPL", "USA", 33.66, -95.56, 25_000, "TX")
TEXAS = entry("Texas", "ADM1", "USA", 31.25, -99.25, 0, "TX")
LONDON = entry("London", "PPLC", "GBR", 51.51, -0.13, 8_900_000, "ENG")
LONDON_ON = entry("London", "PPL", "CAN", 42.98, -81.23, 420_000, "08")
SAN_JOSE_US = entry("San Jose", "PPL", "USA", 37.34, -121.89, 1_000_000, "CA")
SAN_JOSE_CR = entry("San José", "PPLC", "CRI", 9.93, -84.08, 340_000, "08")
SAN_JOSE_PROVINCE = entry("San José", "ADM1", "CRI", 9.9, -84.0)
MONTERREY = entry("Monterrey", "PPLA", "MEX", 25.67, -100.31, 1_100_000, "19")
MONTERREY_VILLAGE = entry("Monterrey", "PPL", "MEX", 16.06, -93.37, 1_000, "05")
NUEVO_LEON_VILLAGE = entry("Nuevo León", "PPL", "MEX", 16.20, -93.20, 2_800, "05")
NUEVO_LEON = entry("Nuevo León", "ADM1", "MEX", 25.6, -99.9)


def toponyms_of(text: str, names: dict[str, tuple[GazetteerEntry, ...]]) -> list[Toponym]:
    """Toponyms at every occurrence of the given names, in text order."""
    found = []
    for name, candidates in names.items():
        start = text.find(name)
        while start >= 0:
            found.append(Toponym(start, start + len(name), name, candidates))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda t: t.start)


# --- geometry --------------------------------------------------------------------------------------


def test_distance_and_lying_within():
    assert 300 < distance_km(PARIS_FR.lat, PARIS_FR.lon, LONDON.lat, LONDON.lon) < 360
    assert lies_within(PARIS_TX, TEXAS) and not lies_within(PARIS_FR, TEXAS)


# --- qualifiers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names, place, area",
    [
        # the pair where the place lies in the area wins over the likeliest reading of each name
        ("A fire in Paris, Texas, destroyed a barn.", {"Paris": (PARIS_FR, PARIS_TX), "Texas": (TEXAS,)}, "Paris", TEXAS),
        # "X, X": the city in the province of its name, not the largest city of the name
        ("Parents protested in San Jose, San Jose.", {"San Jose": (SAN_JOSE_US, SAN_JOSE_CR, SAN_JOSE_PROVINCE)},
         "San Jose", SAN_JOSE_PROVINCE),
    ],
)
def test_qualifiers_are_resolved_in_pairs(text, names, place, area):
    toponyms = toponyms_of(text, names)
    outer, _ = qualifier_entries(text, toponyms, _prior)
    assert outer[text.find(place)] == area


def test_a_qualifier_is_also_read_from_the_areas_of_its_name():
    text = "A man was shot in Monterrey, Nuevo Leon, on Monday."
    toponyms = toponyms_of(text, {"Monterrey": (MONTERREY, MONTERREY_VILLAGE), "Nuevo Leon": (NUEVO_LEON_VILLAGE,)})
    outer, _ = qualifier_entries(text, toponyms, _prior, areas_of=lambda name: (NUEVO_LEON,))
    assert outer[text.find("Monterrey")] == NUEVO_LEON


def test_a_town_does_not_qualify_a_far_less_likely_namesake():
    """Two villages next to each other do not make "Monterrey, Nuevo Leon" the village."""
    text = "A man was shot in Monterrey, Nuevo Leon, on Monday."
    toponyms = toponyms_of(text, {"Monterrey": (MONTERREY, MONTERREY_VILLAGE), "Nuevo Leon": (NUEVO_LEON_VILLAGE,)})
    _, joint = qualifier_entries(text, toponyms, _prior)
    assert joint == {}


def test_a_list_is_no_qualifier():
    text = "Flights from Paris, London and Berlin were cancelled."
    berlin = entry("Berlin", "PPLC", "DEU", 52.52, 13.4, 3_600_000, "16")
    toponyms = toponyms_of(text, {"Paris": (PARIS_FR, PARIS_TX), "London": (LONDON, LONDON_ON), "Berlin": (berlin,)})
    outer, joint = qualifier_entries(text, toponyms, _prior)
    assert outer == {} and joint == {}


# --- what the text calls a place -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hospitals in the province of Ontario are full.", "A"),
        ("Shelling hit the Ontario region overnight.", "A"),
        ("The city of Ontario approved its budget.", "P"),
        ("Ontario is cold.", None),
    ],
)
def test_feature_cues(text, kind):
    toponyms = toponyms_of(text, {"Ontario": ()})
    assert feature_cues(text, toponyms).get("ontario") == kind


def test_a_cue_keeps_the_candidates_of_its_kind_for_every_mention():
    province = entry("Ontario", "ADM1", "CAN", 49.25, -84.5)
    town = entry("Ontario", "PPL", "USA", 34.06, -117.65, 170_000, "CA")
    text = "Women in Ontario wait. Beds in the province of Ontario are full."
    toponyms = toponyms_of(text, {"Ontario": (town, province)})
    assert all(t.candidates == (province,) for t in follow_cues(toponyms, feature_cues(text, toponyms)))


@pytest.mark.parametrize(
    ("text", "state_added"),
    [
        ("A horse from a Washington state ranch got sick.", True),  # the state, known only as an area
        ("He was born in the state of Washington.", True),
        ("Talks in Washington ended.", False),  # no cue: the capital's name
    ],
)
def test_a_name_called_a_state_takes_the_american_state_of_its_name(text, state_added):
    capital = entry("Washington", "PPLC", "USA", 38.9, -77.04, 690_000, "DC")
    state = entry("Washington", "ADM1", "USA", 47.29, -121.56, 0, "WA")
    parish = entry("Washington", "ADM1", "DMA", 15.5, -61.3, 0, "01")  # not American: never added
    toponyms = toponyms_of(text, {"Washington": (capital,)})
    (followed,) = follow_cues(toponyms, feature_cues(text, toponyms), areas_of=lambda name: (parish, state))
    assert followed.candidates == ((state,) if state_added else (capital,))


OREGON = entry("Oregon", "ADM1", "USA", 44.0, -120.5, 0, "OR")
IDAHO = entry("Idaho", "ADM1", "USA", 44.5, -114.25, 0, "ID")
WASHINGTON_DC = entry("Washington", "PPLC", "USA", 38.9, -77.04, 690_000, "DC")
WASHINGTON_PA = entry("Washington", "PPL", "USA", 40.17, -80.25, 13_000, "PA")
WASHINGTON_STATE = entry("Washington", "ADM1", "USA", 47.29, -121.56, 0, "WA")
GEORGIA_COUNTRY = entry("Georgia", "PCLI", "GEO", 42.0, 43.5)
GEORGIA_STATE = entry("Georgia", "ADM1", "USA", 32.75, -83.5, 0, "GA")


@pytest.mark.parametrize(
    ("text", "is_state"),
    [
        ("Cases in Oregon, Idaho and Washington rose.", True),
        ("Cases in Washington, Oregon and Idaho rose.", True),
        ("Laws of Oregon and Washington differ.", True),
        ("A mill in Washington, Oregon.", False),  # two names and a comma: no list
        ("Fans from Oregon and Washington, D.C. came.", False),  # the capital
        ("Talks in Washington and Georgia ended.", False),  # Georgia may be the country: no sign
    ],
)
def test_a_name_listed_beside_american_states_is_a_state(text, is_state):
    names = {"Washington": (WASHINGTON_DC, WASHINGTON_PA), "Oregon": (OREGON,), "Idaho": (IDAHO,),
             "Georgia": (GEORGIA_COUNTRY, GEORGIA_STATE)}
    toponyms = toponyms_of(text, {name: found for name, found in names.items() if name in text})
    listed = states_in_lists(text, toponyms, areas_of=lambda name: (WASHINGTON_STATE,) if name == "Washington" else ())
    washington = next(t for t in listed if t.text == "Washington")
    assert (washington.candidates == (WASHINGTON_STATE,)) == is_state


ONTARIO_OH = entry("Ontario", "PPL", "USA", 40.76, -82.59, 6_000, "OH")
ONTARIO = entry("Ontario", "ADM1", "CAN", 50.0, -86.0, 0, "08")
MANITOBA = entry("Manitoba", "ADM1", "CAN", 55.0, -97.0, 0, "03")
HAMBURG = entry("Hamburg", "ADM1", "DEU", 53.55, 10.0, 0, "04")
BERLIN_STATE = entry("Berlin", "ADM1", "DEU", 52.5, 13.4, 0, "16")
BERLIN = entry("Berlin", "PPLC", "DEU", 52.52, 13.41, 3_400_000, "16")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Cattle in Manitoba and Ontario were tested.", "Ontario", (ONTARIO,)),  # the province, not Ohio's town
        ("Cattle in Ohio and Ontario were tested.", "Ontario", (ONTARIO_OH, ONTARIO)),  # Ohio has no Ontario province
        ("Rents in Hamburg and Berlin rose.", "Berlin", (BERLIN, BERLIN_STATE)),  # a city of the name stays a reading
    ],
)
def test_a_name_listed_beside_provinces_of_a_country_is_its_province(text, name, expected):
    names = {"Ontario": (ONTARIO_OH, ONTARIO), "Manitoba": (MANITOBA,), "Ohio": (entry("Ohio", "ADM1", "USA", 40.25, -83.0, 0, "OH"),),
             "Hamburg": (HAMBURG,), "Berlin": (BERLIN, BERLIN_STATE)}
    toponyms = toponyms_of(text, {n: found for n, found in names.items() if n in text})
    listed = states_in_lists(text, toponyms, areas_of=lambda n: ())
    assert next(t for t in listed if t.text == name).candidates == expected


def test_areas_of_a_name_join_its_candidates_only_as_new_readings():
    county = entry("Suffolk", "ADM2", "GBR", 52.2, 1.1)
    town = entry("Suffolk", "PPL", "USA", 36.73, -76.58, 88_000, "VA")
    (suffolk,) = with_named_areas(toponyms_of("Farms in Suffolk.", {"Suffolk": (town,)}), lambda name: (county,))
    assert suffolk.candidates == (town, county)
    # a town of the area's country (the better point) or a large city elsewhere keeps the name to itself
    gaza_city = entry("Gaza", "PPL", "PSE", 31.5, 34.47, 410_000, "GZ")
    gaza_province = entry("Gaza", "ADM1", "MOZ", -23.0, 33.0)
    (gaza,) = with_named_areas(toponyms_of("Strikes on Gaza.", {"Gaza": (gaza_city,)}), lambda name: (gaza_province,))
    assert gaza.candidates == (gaza_city,)


@pytest.mark.parametrize(
    ("qualifier", "added"),
    [
        (entry("United Kingdom", "PCLI", "GBR", 54.8, -2.7), True),  # "Surrey, UK": the English county joins
        (entry("Canada", "PCLI", "CAN", 60.1, -113.6), False),  # the Canadian city lies there already
        (None, False),  # no qualifier: the large city keeps the name to itself
    ],
)
def test_a_qualified_name_takes_the_areas_of_its_name_in_the_qualifier(qualifier, added):
    county = entry("Surrey", "ADM2", "GBR", 51.29, -0.43)
    city = entry("Surrey", "PPL", "CAN", 49.11, -122.83, 570_000, "02")
    toponyms = toponyms_of("A farm in Surrey, UK.", {"Surrey": (city,)})
    qualifiers = {toponyms[0].start: qualifier} if qualifier is not None else {}
    (surrey,) = add_qualified_areas(toponyms, qualifiers, areas_of=lambda name: (city, county))
    assert surrey.candidates == ((city, county) if added else (city,))


def test_a_metropolis_lends_no_nearness_against_a_capital_of_millions():
    moscow = entry("Moscow", "PPLC", "RUS", 55.75, 37.62, 12_000_000, "48")
    village = entry("Moscow", "PPL", "USA", 41.34, -75.52, 2_000, "PA")
    new_york = entry("New York City", "PPL", "USA", 40.71, -74.01, 8_800_000, "NY")
    scranton = entry("Scranton", "PPL", "USA", 41.41, -75.66, 76_000, "PA")
    (capital_name,) = toponyms_of("Moscow", {"Moscow": (moscow, village)})
    assert anchors_for(capital_name, [new_york, scranton, moscow], own=moscow) == [scranton]
    (town_name,) = toponyms_of("Scranton", {"Scranton": (scranton,)})
    assert anchors_for(town_name, [new_york, scranton], own=scranton) == [new_york]


def test_readings_paired_with_a_reading_of_another_name():
    """Two ambiguous names read together: the Texan town and the county around it, not Alabama's larger town."""
    town_al = entry("Huntsville", "PPL", "USA", 34.73, -86.59, 190_000, "AL")
    town_tx = entry("Huntsville", "PPL", "USA", 30.72, -95.55, 41_000, "TX")
    county_al = entry("Walker County", "ADM2", "USA", 33.80, -87.30, 0, "AL")
    county_tx = entry("Walker County", "ADM2", "USA", 30.74, -95.57, 0, "TX")
    text = "Walker County lifted its burn ban after the Huntsville fire chief asked."
    names = {"Walker County": (county_al, county_tx), "Huntsville": (town_al, town_tx)}
    assert paired_readings(toponyms_of(text, names)) == {town_tx, county_tx}
    # a qualifier ("X, Y") neither gives nor takes the pairing: it is read with X anyway
    text = "Huntsville, Walker County"
    qualifier = text.find("Walker")
    assert paired_readings(toponyms_of(text, names), qualifiers={qualifier}) == set()
    # a town X is no partner as the reading of "X County"; the lesser namesakes of a metropolis take none
    brent = entry("Brent", "ADM2", "GBR", 51.56, -0.28, 300_000, "ENG")
    edmonton_gb = entry("Edmonton", "PPL", "GBR", 51.63, -0.06, 80_000, "ENG")
    edmonton_ca = entry("Edmonton", "PPLA", "CAN", 53.55, -113.47, 1_100_000, "01")
    text = "Brent told a station in Edmonton."
    assert paired_readings(toponyms_of(text, {"Brent": (brent,), "Edmonton": (edmonton_gb, edmonton_ca)})) == set()
    desoto_tx = entry("DeSoto", "PPL", "USA", 32.59, -96.86, 52_000, "TX")
    mansfield_tx = entry("Mansfield", "PPL", "USA", 32.56, -97.14, 56_000, "TX")
    mansfield_la = entry("Mansfield", "PPL", "USA", 32.04, -93.70, 5_000, "LA")
    text = "The DeSoto Parish seat of Mansfield"
    assert paired_readings(toponyms_of(text, {"DeSoto Parish": (desoto_tx,), "Mansfield": (mansfield_tx, mansfield_la)})) == set()
    # a name of one reading near a reading of the name outweighs chance namesakes
    shreveport = entry("Shreveport", "PPL", "USA", 32.53, -93.75, 190_000, "LA")
    text = "DeSoto officials and Mansfield police"
    names = {"DeSoto": (desoto_tx, entry("De Soto", "PPL", "USA", 38.14, -90.56, 6_000, "MO")), "Mansfield": (mansfield_tx, mansfield_la)}
    assert paired_readings(toponyms_of(text, names)) == {desoto_tx, mansfield_tx}
    assert paired_readings(toponyms_of(text, names), sure=[shreveport]) == {desoto_tx}


def test_surnames_and_places_before_a_comma():
    entities = [Entity(0, 12, "Jim Harrison", "PERSON"), Entity(20, 28, "Harrison", "PERSON"), Entity(30, 35, "Paris", "GPE")]
    assert surnames(entities) == frozenset({"harrison"})
    # a suffix is no surname: "Bush" alone names George Bush Jr ("Bushland, Texas" was found)
    assert surnames([Entity(0, 14, "George Bush Jr", "PERSON"), Entity(20, 41, "Martin Luther King Jr.", "PERSON")]) == {"bush", "king"}
    text = "in Manzanillo, Colima, four men"
    start = text.find("Colima")
    assert follows_place(text, start, start + len("Colima"), {"manzanillo"})
    text = "the Chamber of Commerce, Harrison said"
    start = text.find("Harrison")
    assert not follows_place(text, start, start + len("Harrison"), {"commerce"})  # no qualifier: a verb follows


def test_split_place_names_are_joined_back():
    text = "Workers marched in Port of Spain on Monday near Deir ez Zor and in Guinea-Bissau."
    entities = [
        Entity(text.find("Port"), text.find("Port") + 4, "Port", "GPE"),
        Entity(text.find("Spain"), text.find("Spain") + 5, "Spain", "GPE"),
        Entity(text.find("Deir"), text.find("Deir") + 4, "Deir", "GPE"),
        Entity(text.find("Guinea"), text.find("Guinea") + 6, "Guinea", "GPE"),
    ]
    known = {"port of spain", "deir ez zor", "guinea-bissau"}
    merged = joined_place_entities(text, entities, lambda name: name.lower() in known)
    assert [e.text for e in merged] == ["Port of Spain", "Deir ez Zor", "Guinea-Bissau"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells hit Al Bab city in Aleppo countryside.", "Al Bab"),  # not Ål, Norway
        ("Fighting went on in El Fasher Darfur on Monday.", "El Fasher"),
        ("Shells hit Al Khalaqah on Monday.", "Al"),  # no name of the gazetteer: the entity as it was
    ],
)
def test_an_article_cut_off_its_name_is_joined_back(text, expected):
    start = text.find(expected.split(" ")[0])
    entities = [Entity(start, start + 2, text[start : start + 2], "GPE")]
    known = {"al bab", "el fasher"}
    [merged] = joined_place_entities(text, entities, lambda name: name.lower() in known)
    assert merged.text == expected


# --- end to end ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places")))


def run(pipeline: Pipeline, text: str) -> Article:
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=date(2022, 3, 1)))
    (article,) = list(pipeline.process([raw], strict=True))
    return article


def test_a_persons_surname_is_not_a_place(pipeline):
    article = run(
        pipeline,
        "Jim Harrison, who chairs the Woodstock business association, spoke on Tuesday. Harrison warned that the "
        "levy would harm local stores. Harrison also urged the province to delay.",
    )
    assert not any(m.text == "Harrison" for p in article.places for m in p.mentions)


def test_the_province_of_a_name_is_the_province(pipeline):
    article = run(
        pipeline,
        "Sick babies may be sent to Buffalo, New York, because beds are scarce in the province of Ontario. "
        "Doctors in Ontario said the unit was full.",
    )
    ontario = [p for p in article.places if any(m.text == "Ontario" for m in p.mentions)]
    assert ontario and all(p.country == "CAN" and p.feature_class == "A" for p in ontario)


def test_a_name_after_a_word_that_is_no_place_alone(pipeline):
    article = run(pipeline, "Bushfires forced thousands to flee their homes across New South Wales this week.")
    assert any(p.name == "New South Wales" and p.country == "AUS" for p in article.places)
    assert not any(p.name == "Wales" for p in article.places)


def test_a_capital_split_by_the_recogniser(pipeline):
    article = run(pipeline, "On 9 August 2022, at Port of Spain, Port of Spain, nurses protested over unpaid wages.")
    assert any(p.country == "TTO" for p in article.places)
    assert not any(p.country == "ESP" for p in article.places)
