"""American local-news context of place resolution: counties listed before "counties" or "parishes", the
states a report is about (hand-made gazetteer entries)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import GazetteerEntry
from eventwire.place_context import county_list_names, report_state, state_votes
from eventwire.places import Toponym


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("road crews from Barrow, Jackson and Madison counties met", ["Barrow County", "Jackson County", "Madison County"]),
        ("in Butler, Clark or Preble counties", ["Butler County", "Clark County", "Preble County"]),
        ("Mahnomen, Otter Tail and Wilkin counties", ["Mahnomen County", "Otter Tail County", "Wilkin County"]),
        ("in Orleans and Jefferson parishes", ["Orleans Parish", "Jefferson Parish"]),
        ("the county commissioners of two counties met", []),  # no names listed
        ("Madison County voted", []),  # one county, by its own name: found as any place name
    ],
)
def test_county_list_names(text, expected):
    found = county_list_names(text)
    assert [name for _, _, name in found] == expected
    assert all(name.startswith(text[start:end]) for start, end, name in found)


def place(name, code, country, admin1=None, population=0) -> GazetteerEntry:
    feature_class = "A" if code.startswith(("ADM", "PCL")) else "P"
    return GazetteerEntry(None, name, feature_class, code, country, admin1, 0.0, 0.0, population)


def named(text, name, *candidates) -> Toponym:
    start = text.index(name)
    return Toponym(start, start + len(name), name, tuple(candidates))


@pytest.mark.parametrize(
    ("local_town", "expected"),
    [
        (None, None),  # three countries, each with a namesake in Maine: no report on Maine
        (("Skowhegan", "ME"), "ME"),  # a Maine town named too: the countries' namesakes add to its state
    ],
)
def test_names_read_as_countries_vote_only_for_states_the_other_places_vote_for(local_town, expected):
    text = "Cases rose in Mexico, Norway and China, officials in Skowhegan said."
    countries = {name: place(name, "PCLI", iso) for name, iso in (("Mexico", "MEX"), ("Norway", "NOR"), ("China", "CHN"))}
    toponyms = [
        named(text, name, country, place(name, "PPL", "USA", "ME", 2_000), place(name, "PPL", "USA", "TX", 1_000))
        for name, country in countries.items()
    ]
    chosen = list(countries.values())
    if local_town is not None:
        town = place(local_town[0], "PPL", "USA", local_town[1], 8_000)
        toponyms.append(named(text, local_town[0], town))
        chosen.append(town)
    votes = state_votes(text, toponyms, chosen)
    assert report_state(votes) == expected
    assert votes["TX"] == 0


def test_a_lone_name_read_as_a_country_still_votes_for_its_namesakes_states():
    """"Jordan" alone (named twice) in a local paper: its only American namesake's state is the report's."""
    text = "Jordan league play starts. Call the Jordan coordinator."
    jordan = place("Jordan", "PCLI", "JOR")
    toponyms = [
        Toponym(start, start + 6, "Jordan", (jordan, place("Jordan", "PPL", "USA", "MN", 6_000)))
        for start in (0, text.index("Jordan", 1))
    ]
    assert report_state(state_votes(text, toponyms, [jordan, jordan])) == "MN"
