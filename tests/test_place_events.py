"""An event's place inside another that the text names ("outside Holyrood in Edinburgh"): the
outer place, when the inner one's entry does not lie in it; hand-made entries and real-model runs."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.gazetteer import GazetteerEntry
from eventwire.model import Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.place_events import enclosing_place, inner_place
from eventwire.place_ranking import distance_km
from eventwire.places import ResolvedToponym, Toponym


def _resolved(text: str, name: str, entry: GazetteerEntry) -> ResolvedToponym:
    start = text.index(name)
    return ResolvedToponym(Toponym(start, start + len(name), name, (entry,)), entry)


def _place(name, country, lat, lon, population=0, code="PPL"):
    return GazetteerEntry(None, name, "A" if code.startswith(("ADM", "PCL")) else "P", code, country, None, lat, lon, population)


EDINBURGH = _place("Edinburgh", "GBR", 55.95, -3.19, 460_000)
HOLYROOD_AU = _place("Holyrood", "AUS", -33.0, 151.0, 300)
LEITH = _place("Leith", "GBR", 55.98, -3.17, 20_000)
KARTAL_FAR = _place("Kartal", "TUR", 40.6, 34.0, 10_000)
ISTANBUL = _place("Istanbul", "TUR", 41.01, 28.95, 14_000_000)
# a province known by the middle of its places only (no admin1 code), and towns 300 and 900 km off it
CHIHUAHUA_STATE = _place("Chihuahua", "MEX", 28.8, -106.1, code="ADM1")
JUAREZ = _place("Ciudad Juarez", "MEX", 31.72, -106.46, 1_300_000)
TORREON_NAMESAKE = _place("Juarez", "MEX", 20.7, -103.3, 5_000)
KHANEH_IRAN = _place("Piranshahr", "IRN", 36.7, 45.14, 90_000)  # GeoNames also calls it Khaneh
AIN_AL_ARAB = _place("Ayn al Arab", "SYR", 36.89, 38.35, 45_000)


@pytest.mark.parametrize(
    "text, inner, inner_entry, outer, outer_entry, expected",
    [
        ("A crowd rallied outside Holyrood in Edinburgh.", "Holyrood", HOLYROOD_AU, "Edinburgh", EDINBURGH, "Edinburgh"),
        ("A crowd rallied in Leith in Edinburgh.", "Leith", LEITH, "Edinburgh", EDINBURGH, "Leith"),
        ("Members protested in Kartal town, Istanbul, on Monday.", "Kartal", KARTAL_FAR, "Istanbul", ISTANBUL, "Istanbul"),
        # a list of places is no containment; nor is a larger inner place a part of a smaller town
        ("Strikes hit Kartal, Istanbul and Ankara.", "Kartal", KARTAL_FAR, "Istanbul", ISTANBUL, "Kartal"),
        ("Protests in Istanbul, Kartal on Monday.", "Istanbul", ISTANBUL, "Kartal", KARTAL_FAR, "Istanbul"),
        ("People marched in Holyrood to denounce the war in Edinburgh.", "Holyrood", HOLYROOD_AU, "Edinburgh", EDINBURGH, "Holyrood"),
        # a province without an admin1 code holds the places of its country within a province's reach
        ("Mothers marched in Ciudad Juarez, Chihuahua, on Monday.", "Ciudad Juarez", JUAREZ, "Chihuahua", CHIHUAHUA_STATE, "Ciudad Juarez"),
        ("Mothers marched in Juarez, Chihuahua, on Monday.", "Juarez", TORREON_NAMESAKE, "Chihuahua", CHIHUAHUA_STATE, "Chihuahua"),
        # a village is small, whatever town of another country shares its name
        ("Mortars hit Khaneh village in the southern countryside of Ain al Arab city.", "Khaneh", KHANEH_IRAN, "Ain al Arab",
         AIN_AL_ARAB, "Ain al Arab"),
    ],
)
def test_enclosing_place(text, inner, inner_entry, outer, outer_entry, expected):
    first, second = _resolved(text, inner, inner_entry), _resolved(text, outer, outer_entry)
    assert enclosing_place(text, first, [first, second]).toponym.text == expected


ALEPPO = _place("Aleppo", "SYR", 36.2, 37.16, 1_600_000)
AL_BAB = _place("Al Bab", "SYR", 36.37, 37.52, 130_000)
OSLO = _place("Oslo", "NOR", 59.91, 10.75, 580_000)
NORWAY = _place("Norway", "NOR", 62.0, 10.0, 5_000_000, code="PCLI")


@pytest.mark.parametrize(
    "text, inner, inner_entry, outer, outer_entry, expected",
    [
        ("The farms of Al Bab city in Aleppo governorate were shelled.", "Al Bab", AL_BAB, "Aleppo", ALEPPO, "Al Bab"),
        ("Troops detained men in the vicinity of Al Bab in Aleppo.", "Al Bab", AL_BAB, "Aleppo", ALEPPO, "Al Bab"),
        # a country, or a larger town, is no place inside the one after it
        ("Students gathered at the Parliament of Norway in Oslo.", "Norway", NORWAY, "Oslo", OSLO, None),
        ("People from Aleppo city in Al Bab rallied.", "Aleppo", ALEPPO, "Al Bab", AL_BAB, None),
        # a namesake far off is not inside it; a list is no containment
        ("A crowd rallied outside Holyrood in Edinburgh.", "Holyrood", HOLYROOD_AU, "Edinburgh", EDINBURGH, None),
        ("Strikes hit Leith, and Edinburgh.", "Leith", LEITH, "Edinburgh", EDINBURGH, None),
    ],
)
def test_inner_place(text, inner, inner_entry, outer, outer_entry, expected):
    first, second = _resolved(text, inner, inner_entry), _resolved(text, outer, outer_entry)
    found = inner_place(text, second, [first, second])
    assert (found.toponym.text if found else None) == expected


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places")))


@pytest.mark.parametrize(
    "text, lat, lon",
    [
        ("On 14 September 2022, several hundred nurses demonstrated outside Holyrood in Edinburgh over pay.", 55.95, -3.19),
        ("On 6 October 2022, farmers protested outside the Energy Regulation Agency office building in Chisinau - Riscani "
         "over fuel prices.", 47.0, 28.86),
        ("On 14 July 2022, some 300 union members gathered outside the Gwanghwamun Gate (Seoul City - Jongno) to demand "
         "higher wages.", 37.57, 126.98),
        # a chain after a building, not after a place's name: its first part is the town
        ("On 2 July 2022, about 40 women staged a sit-in outside Okinawa Prefecture Government office (Naha, "
         "Okinawa) calling for the removal of US bases.", 26.21, 127.68),
    ],
)
def test_note_locations_end_to_end(pipeline, text, lat, lon):
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=date(2022, 7, 1)))
    (article,) = list(pipeline.process([raw], strict=True))
    assert article.events
    location = article.events[0].location
    assert location is not None and distance_km(location.lat, location.lon, lat, lon) < 25
