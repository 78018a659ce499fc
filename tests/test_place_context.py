"""American local-news context of place resolution: counties listed before "counties" or "parishes"."""

from __future__ import annotations

import pytest

from eventwire.place_context import county_list_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("school boards in Barrow, Jackson and Madison counties met", ["Barrow County", "Jackson County", "Madison County"]),
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
