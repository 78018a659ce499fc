"""Other spellings of place names: quarters after a city, "City", Arabic articles, a final "h",
doubled consonants, "Tal"/"Tell", "Th"/"Dh"; lookups fall back to them only when the name itself has no entry."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from eventwire.place_spelling import (
    credible_candidates,
    is_form_of,
    lookup_spelled,
    lookup_transliterated,
    spelling_key,
    spelling_variants,
)


@pytest.mark.parametrize(
    "name, variant",
    [
        ("Seoul City - Jongno", "Seoul"),
        ("Chisinau - Riscani", "Chisinau"),
        ("Keelung City", "Keelung"),
        ("Ar Raqqa", "Raqqa"),
        ("Ar-Raqqa", "Ar Raqqa"),
        ("Al-Rasafah", "Al Rasafa"),
        ("Samawa", "Samawah"),
        ("Wassit", "Wasit"),
        ("Tal Tamer", "Tell Tamer"),
        ("Thi Qar", "Dhi Qar"),
        ("Dhamar", "Thamar"),
        ("As-Salamiyeh", "As Salamiyah"),
        ("Ras al-Ain", "Ras al Ain"),
        ("Ras al-Ain", "Ras al Ayn"),
        ("Ayn al-Arab", "Ain al Arab"),
        ("Shahr e Kord", "Shahr-e Kord"),
        ("Hazrati Imam Sahib", "Imam Sahib"),
        ("Nahiyat ar Riyad", "Riyad"),
    ],
)
def test_spelling_variants_include(name, variant):
    assert variant in list(spelling_variants(name))


@pytest.mark.parametrize("name", ["Paris", "Kyiv", "Lagos"])
def test_a_plain_name_has_few_variants_and_never_itself(name):
    variants = list(spelling_variants(name))
    assert name not in variants and len(variants) <= 2


def _entry(name: str, country: str = "SYR", *, population: int = 500_000) -> GazetteerEntry:
    return GazetteerEntry(None, name, "P", "PPL", country, None, 35.95, 39.01, population)


def test_lookup_spelled_prefers_the_name_as_written():
    raqqa, other = _entry("Ar Raqqah"), _entry("Ar Raqqa", "XXX")
    gazetteer = Gazetteer.from_entries([(raqqa, ["Ar Raqqah", "Raqqa"]), (other, ["Ar Raqqa"])])
    assert lookup_spelled("Ar Raqqa", gazetteer.lookup) == (other,)
    assert lookup_spelled("Ar-Raqqa", gazetteer.lookup) == (other,)
    assert lookup_spelled("Al Raqqah", gazetteer.lookup) == (raqqa,)
    assert lookup_spelled("Nowhere Town", gazetteer.lookup) == ()


@pytest.mark.parametrize(
    "name, country",
    [("Ar Raqqa", "SYR"), ("Seoul City - Jongno", "KOR"), ("Keelung City", "TWN"), ("Tal Tamer", "SYR"), ("Thi Qar", "IRQ"),
     ("Ras al-Ain", "SYR")],  # Ra’s al ‘Ayn: its name without apostrophes is a key too
)
def test_lookup_spelled_on_the_real_gazetteer(name, country):
    found = lookup_spelled(name, load_gazetteer().lookup)
    assert found and found[0].country == country


@pytest.mark.parametrize(
    "written, name, country",
    [("Ein Issa", "‘Ayn ‘Īsá", "SYR"), ("Maadan", "Ma‘dān", "SYR"), ("Quamishli", "Al Qāmishlī", "SYR"),
     ("Amadiya", "Al ‘Amādīyah", "IRQ"), ("Mogoke", "Mogok", "MMR")],
)
def test_lookup_transliterated_finds_the_likest_spelling(written, name, country):
    found = lookup_transliterated(written, load_gazetteer())
    assert (name, country) in [(e.name, e.country) for e in found]
    assert all(e.feature_class == "P" for e in found)


@pytest.mark.parametrize("written", ["Shelbyville", "Tawileh", "Bara"])
def test_lookup_transliterated_finds_nothing_for_names_without_a_likely_spelling(written):
    assert lookup_transliterated(written, load_gazetteer()) == ()


def test_lookup_transliterated_keeps_to_countries_of_transliterated_names():
    boston = GazetteerEntry(1, "Bostān", "P", "PPL", "IRN", "01", 35.0, 50.0, 8000)
    namesake = GazetteerEntry(2, "Bostan", "P", "PPL", "FRA", "01", 45.0, 2.0, 8000)
    gazetteer = Gazetteer.from_entries([(boston, ["Bostān"]), (namesake, ["Bostan"])])
    assert lookup_transliterated("Busstan", gazetteer) == (boston,)


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("Al ‘Amārah", "Amara", True),
        ("Amarah", "Amara", True),
        ("Ar-Raqqah", "Raqqa", True),
        ("Ash Shaddadi", "Shaddadi", True),
        ("Valencia", "Valence", False),
        ("Genoa", "Genova", False),
    ],
)
def test_spelling_key_is_shared_by_spellings_of_one_name(first, second, same):
    assert (spelling_key(first) == spelling_key(second)) is same


@pytest.mark.parametrize(
    "written, name, form",
    [
        ("St. Paris", "Saint Paris", True),
        ("Mt. Pleasant", "Mount Pleasant", True),
        ("Ludwigshafen", "Ludwigshafen am Rhein", True),
        ("Quebec City", "Québec", True),
        ("Jenin", "Janīn", True),
        ("Al-Fashir", "El Fasher", True),
        ("Orient", "Knox City", False),
        ("Story", "Rochelle", False),
        ("Berea", "Aleppo", False),
        ("Passover", "Mountain City", False),
    ],
)
def test_is_form_of_tells_spellings_from_other_names(written, name, form):
    assert is_form_of(written, name) is form


def test_credible_candidates_drop_towns_found_by_an_unrelated_other_name():
    knox = _entry("Knox City", "USA", population=1_183)
    kolkata = _entry("Kolkata", "IND", population=4_600_000)
    holland = dataclasses.replace(_entry("Netherlands", "NLD"), feature_class="A", feature_code="PCLI")
    orient = _entry("Orient", "USA", population=300)
    mexmur = _entry("Mexmur", "IRQ", population=0)  # Makhmur in Kurdish: a transliteration, not an old name
    assert credible_candidates("Orient", (knox, orient)) == (orient,)
    assert credible_candidates("Makhmur", (mexmur,)) == (mexmur,)
    assert credible_candidates("Calcutta", (kolkata,)) == (kolkata,)
    assert credible_candidates("Holland", (holland,)) == (holland,)


@pytest.mark.parametrize(
    "name, dropped",
    [("Orient", "Knox City"), ("Flint Hill", "Oakton"), ("Story", "Rochelle"), ("Lions", "Lyons"), ("Liverpool", "Washington"), ("Google", "Topeka")],
)
def test_credible_candidates_on_the_real_gazetteer(name, dropped):
    kept = credible_candidates(name, load_gazetteer().lookup(name))
    assert dropped not in {entry.name for entry in kept}
