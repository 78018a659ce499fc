"""Administrative chains: the names of a chain agree on one country (hand-made entries), and event
locations from chains end to end on the real model and gazetteer."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from eventwire.gazetteer import GazetteerEntry, load_gazetteer
from eventwire.model import Metadata, RawDocument, Span
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.place_chain import _resolve_chain, chain_location, coded_location
from eventwire.place_ranking import distance_km
from eventwire.places import _score


def entry(name, code, country, lat, lon, population=0) -> GazetteerEntry:
    return GazetteerEntry(None, name, "A" if code.startswith("ADM") else "P", code, country, None, lat, lon, population)


AMPANG_MY = entry("Ampang", "PPL", "MYS", 3.15, 101.76, 126_000)
MANGU = entry("Mangu", "PPL", "NGA", 9.52, 9.10)
PLATEAU = entry("Plateau", "ADM1", "NGA", 9.2, 9.5)
PLATEAU_BJ = entry("Plateau", "ADM1", "BEN", 7.1, 2.6)
LA_PAZ_AR = entry("La Paz", "PPL", "ARG", -30.74, -59.64, 24_000)
LA_PAZ_BO = entry("La Paz", "PPLG", "BOL", -16.5, -68.15, 2_000_000)
ENTRE_RIOS_AR = entry("Entre Rios", "ADM1", "ARG", -32.0, -59.3)
ENTRE_RIOS_BO = entry("Entre Ríos", "PPL", "BOL", -21.5, -64.2, 2_700)


def test_a_large_city_of_another_country_is_not_the_locality_of_a_chain():
    place, precision = _resolve_chain((AMPANG_MY,), [(MANGU,), (PLATEAU, PLATEAU_BJ)], Counter(), _score)
    assert place.country == "NGA" and precision == "admin"


def test_the_country_where_the_locality_lies_in_an_area_wins_a_tie():
    place, precision = _resolve_chain((LA_PAZ_AR, LA_PAZ_BO), [(ENTRE_RIOS_AR, ENTRE_RIOS_BO)], Counter(), _score)
    assert place == LA_PAZ_AR and precision == "point"


def test_the_locality_in_the_chains_area_wins_over_a_larger_namesake_of_its_country():
    """"Bailundo (Bailundo, Huambo)": the chain repeats the town's name; the one in Huambo province is meant."""
    large = entry("Bailundo", "PPL", "AGO", -9.57, 15.99, 70_000)
    local = entry("Bailundo", "PPL", "AGO", -12.2, 15.87)
    huambo = entry("Huambo", "ADM1", "AGO", -12.75, 15.4)
    place, precision = _resolve_chain((large, local), [(large, local), (huambo,)], Counter(), _score)
    assert place == local and precision == "point"


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (10.97, -63.87, "MER"),  # a town of the name 850 km away in the chain's country: another place, the area is meant
        (8.4, -71.3, "town"),  # within 300 km of the area's point: the town (the gazetteer's codes may disagree)
    ],
)
def test_a_locality_far_from_its_chains_area_falls_back_to_the_area(lat, lon, expected):
    """"San Juan (Merida)": Venezuela has a San Juan Bautista by that name on Margarita island."""
    town = entry("San Juan Bautista", "PPL", "VEN", lat, lon, 10_000)
    merida = entry("Merida", "ADM1", "VEN", 8.5, -71.2)
    place, precision = _resolve_chain((town,), [(merida,)], Counter(), _score)
    assert (place, precision) == ((merida, "admin") if expected == "MER" else (town, "point"))


def test_a_repeated_area_counts_once_and_the_report_breaks_the_tie():
    local = entry("Saint-Denis", "PPLC", "REU", -20.88, 55.45, 150_000)
    far = entry("Saint-Denis", "PPL", "FRA", 48.94, 2.36, 110_000)
    namesake = entry("Saint Dennis", "PPL", "GBR", 50.38, -4.88, 2_200)
    place, _ = _resolve_chain((local, far), [(namesake,), (namesake,)], Counter({"REU": 1}), _score)
    assert place == local


@pytest.mark.parametrize(
    "text",
    [
        "Shops closed in Dagon Myothit (East) township (Yangon-East district, Yangon region).",
        "Students marched in Chicago - Far North Side (Illinois) on Monday.",
    ],
)
def test_chain_location_reads_sections_and_quarters_of_names(text):
    found = chain_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is not None
    place, _ = found
    assert place.country in ("MMR", "USA")
    assert place.country != "MMR" or distance_km(place.lat, place.lon, 16.87, 96.2) < 60  # Yangon
    assert place.country != "USA" or distance_km(place.lat, place.lon, 41.88, -87.63) < 60  # Chicago


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places")))


@pytest.mark.parametrize(
    "text, trigger, lat, lon",
    [
        ("On 11 July 2022, an angry crowd killed a suspected cattle thief in Ampang (Mangu, Plateau).", "killed", 9.5, 9.3),
        ("On 28 May 2022, militants ambushed and killed two hunters in Kaublin, Damboa LGA (Borno).", "killed", 11.15, 12.76),
        # an area of the chain decides between the locality's namesakes abroad ("Chin" the state, not Jinzhou)
        ("On 9 August 2022, soldiers burned several homes in Kyin Dway village (Kanpetlet, Mindat district, Chin).",
         "burned", 22.5, 93.6),
        ("On 2 September 2022, members of the Imbonerakure killed a farmer near Burunga hill (Bururi, Bururi).", "killed", -3.95, 29.62),
        # the state, not a town of its name in another state (California, Maryland): Hinkley, a town only the
        # ZIP codes know, in it
        ("On 12 March 2022, about thirty residents rallied in Hinkley (California) against a planned landfill.", "rallied", 34.93, -117.2),
        # a locality of one country keeps it against an area the gazetteer knows only elsewhere (Haiti's Nord-Ouest)
        ("On 8 October 2022, gunmen attacked a checkpoint near Bessi-Awum, coded as Batibo (Batibo, Momo, Nord-Ouest).", "attacked", 5.83, 9.85),
        # an organisation and its short name in brackets is no chain
        ("On 17 October 2022, the Labor Union Movement (Gasper), joined by dock workers, held a sit-in outside the governor's office in Surabaya city (East Java province).",
         "held", -7.25, 112.75),
    ],
)
def test_event_location_from_a_chain_in_its_country(pipeline, text, trigger, lat, lon):
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=date(2022, 6, 1)))
    (article,) = list(pipeline.process([raw], strict=True))
    event = next(e for e in article.events if e.trigger.text == trigger)
    assert distance_km(event.location.lat, event.location.lon, lat, lon) < 150


def test_an_organisation_acronym_in_brackets_is_no_chain():
    text = "Boko Haram (JAS) fighters stole cattle near Gueskerou (Diffa, Diffa)."
    found = chain_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is not None and found[0].country == "NER"


def test_a_chain_with_no_country_gives_none_and_an_acronym_is_no_locality():
    sahara = GazetteerEntry(None, "Sahara", "T", "DSRT", None, None, 23.0, 13.0, 0)
    assert _resolve_chain((), [(sahara,)], Counter(), _score) is None
    text = "ISWAP (Greater Sahara) gunmen extorted money from herders around the village of Aboulala Bargoumawa (Dogondoutchi department, Dosso)."
    found = chain_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is not None and found[0].country == "NER"


def test_the_locality_of_the_name_itself_before_a_larger_place_of_another_name():
    khenifra = entry("Khenifra", "PPL", "MAR", 32.94, -5.67, 128_000)
    kenitra = entry("Kenitra", "PPL", "MAR", 34.26, -6.58, 470_000)  # has "Khenifra" among its names
    place, _ = _resolve_chain((khenifra, kenitra), [(entry("Khenifra", "ADM2", "MAR", 32.9, -5.6),)], Counter(), _score, name="Khenifra")
    assert place == khenifra


@pytest.mark.parametrize(
    "text, lat, lon",
    [
        ("Students marched in Quito - Eloy Alfaro (Pichincha) on Monday.", -0.22, -78.51),
        ("Hundreds rallied in Los Angeles - Central (California) on Friday.", 34.05, -118.24),
        # the city's own name picks among namesakes in the state's reach, not the quarter's name
        ("Commuters blocked the highway at Sao Goncalo - Monjolo (Rio de Janeiro) after a shooting.", -22.83, -43.05),
        # "D.C." designates the capital district, no area of its own (not Bogota, New Jersey, near Washington)
        ("On 15 August 2022, street vendors were threatened by police officers at Bogota - San Cristobal (Bogota, D.C.).", 4.61, -74.08),
    ],
)
def test_a_city_before_its_quarter_is_the_locality_of_a_chain(text, lat, lon):
    found = chain_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is not None and distance_km(found[0].lat, found[0].lon, lat, lon) < 25


@pytest.mark.parametrize(
    "text, lat, lon",
    [
        ("On 3 October 2022, nurses protested over unpaid wages across Sucre state (coded to Cumana, Sucre).", 10.45, -64.17),
        ("On 7 November 2022, Taliban members detained a shopkeeper in the bazaar of Takhar province [location coded as Taluqan with GP3].", 36.73, 69.53),
        ("On 26 August 2022, cult members shot a trader dead at Atakumosa East LGA (Osun), location coded to Iperindo.", 7.5, 4.82),
        # a capital "Coded" opens a sentence
        ("On 21 February 2022, police deployed along the Baghdad - Kut city road. Coded as Kut city.", 32.51, 45.82),
        ("Bomb threats arrived at schools in Republika Srpska. (Coded to Banja Luka)", 44.78, 17.21),
        ("Farmers blocked a road in Muthanna province. Coded as the provincial capital As Samawah city.", 31.33, 45.29),
    ],
)
def test_the_place_a_note_codes_its_event_to(text, lat, lon):
    found = coded_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is not None and distance_km(found[0].lat, found[0].lon, lat, lon) < 25


@pytest.mark.parametrize("text", ["Two soldiers were killed (coded separately).", "Rebels (coded as Kashmir Rebels) attacked a post."])
def test_a_coding_that_names_no_place_gives_none(text):
    found = coded_location(
        load_gazetteer(), text, Span(0, len(text), text), votes=Counter(), inside=lambda start, end: [], score=_score
    )
    assert found is None



def test_a_party_in_brackets_is_no_chain_though_it_holds_a_country_name():
    """'Mayor of Venezia (Courage Italy)' names a party; the chain is the next one, 'Mestre (Venezia, Veneto)'."""
    text = "Supporters of the Mayor of Venezia (Courage Italy) held a sit-in near Forte Marghera in Mestre (Venezia, Veneto) against cruise ships."
    gazetteer = load_gazetteer()
    italy = next(e for e in gazetteer.lookup("Italy") if e.is_country)
    at_italy = text.index("Italy")
    found = chain_location(
        gazetteer, text, Span(0, len(text), text), votes=Counter({"ITA": 1}),
        inside=lambda start, end: [italy] if start <= at_italy < end else [], score=_score,
    )
    assert found is not None and found[0].name == "Mestre"


def test_a_toponym_of_the_text_names_a_part_with_its_section():
    """'(Awka North, Anambra)': the text's 'Awka' is the part, 'North' a section of it."""
    text = "Gunmen shot dead three traders at Amago-Ebenebe (Awka North, Anambra) on a market day."
    gazetteer = load_gazetteer()
    awka = next(e for e in gazetteer.lookup("Awka") if e.country == "NGA")
    at_awka = text.index("Awka")
    found = chain_location(
        gazetteer, text, Span(0, len(text), text), votes=Counter({"NGA": 1}),
        inside=lambda start, end: [awka] if start <= at_awka < end else [], score=_score,
    )
    assert found is not None and distance_km(found[0].lat, found[0].lon, awka.lat, awka.lon) < 25
