"""Consonant keys of transliterated names: spellings of one name share a key, other names mostly do not."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import fold_name
from eventwire.transliteration import consonant_key


@pytest.mark.parametrize(
    "written, gazetteer_name",
    [
        ("Ein Issa", "‘Ayn ‘Īsá"),
        ("Quamishli", "Al Qāmishlī"),
        ("Sokhneh", "As Sukhnah"),
        ("Amadiya", "Al ‘Amādīyah"),
        ("Nassriya", "An Nāşirīyah"),
        ("Mogoke", "Mogok"),
        ("Shahr e Kord", "Shahr-e Kord"),
        ("Deir-ez-Zor", "Deir ez-Zor"),
    ],
)
def test_spellings_of_one_name_share_a_key(written, gazetteer_name):
    key = consonant_key(fold_name(written))
    assert key and key == consonant_key(fold_name(gazetteer_name))


@pytest.mark.parametrize("first, second", [("Homs", "Hama"), ("Idlib", "Aleppo"), ("Mosul", "Basra"), ("Kabul", "Kunduz")])
def test_different_names_have_different_keys(first, second):
    assert consonant_key(fold_name(first)) != consonant_key(fold_name(second))


@pytest.mark.parametrize("name", ["Bara", "Muse", "Ur", ""])
def test_names_too_short_have_no_key(name):
    assert consonant_key(fold_name(name)) == ""
