"""The gazetteer's low-priority sources: US towns from ZIP codes, provinces by name, our table of
natural features; on hand-written records and on the real gazetteer."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from eventwire import gazetteer_sources
from eventwire.gazetteer import (
    FEATURE_NAMESAKE_POPULATION,
    FEATURES_FILE,
    GazetteerEntry,
    _name_is_free,
    _read_supplement,
    fold_name,
    load_gazetteer,
)
from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig

HAS_ZIPCODES = importlib.util.find_spec(gazetteer_sources.ZIP_PACKAGE) is not None


def zip_record(code: str, city: str, state: str, lat: str, lon: str, *, kind: str = "STANDARD", also=()) -> dict:
    return {
        "zip_code": code, "zip_code_type": kind, "active": True, "city": city, "acceptable_cities": list(also),
        "unacceptable_cities": [], "state": state, "county": "Test County", "country": "US", "lat": lat, "long": lon,
    }


# --- US towns from ZIP codes ----------------------------------------------------------------------


def test_us_towns_stand_at_the_middle_of_their_zip_codes():
    records = [
        zip_record("06790", "Harwinton", "CT", "41.70", "-73.00"),
        zip_record("06791", "Harwinton", "CT", "41.80", "-73.10"),
        zip_record("23089", "Lanexa", "VA", "37.40", "-76.90"),
    ]
    rows = gazetteer_sources.us_town_rows(records, is_known=lambda key, state: False, fold=fold_name)
    towns = {(name, state): (lat, lon) for name, state, lat, lon, _ in rows}
    assert towns[("Harwinton", "CT")] == (pytest.approx(41.75), pytest.approx(-73.05))
    assert towns[("Lanexa", "VA")] == (pytest.approx(37.4), pytest.approx(-76.9))


def test_us_towns_leave_known_names_firms_and_military_mail_out():
    records = [
        zip_record("75001", "Addison", "TX", "32.96", "-96.83"),
        zip_record("00501", "Holtsville", "NY", "40.81", "-73.04", kind="UNIQUE"),
        zip_record("09001", "APO", "AE", "0", "0", kind="MILITARY"),
        zip_record("12943", "KEENE VALLEY", "NY", "44.15", "-73.84", also=["Saint Huberts"]),
    ]
    rows = gazetteer_sources.us_town_rows(
        records, is_known=lambda key, state: (key, state) == ("addison", "TX"), fold=fold_name
    )
    assert sorted((name, state) for name, state, *_ in rows) == [("Keene Valley", "NY"), ("Saint Huberts", "NY")]


def test_a_us_town_of_a_known_name_is_kept_in_a_state_where_the_name_is_not_known():
    records = [
        zip_record("75001", "Addison", "TX", "32.96", "-96.83"),
        zip_record("05491", "Addison", "VT", "44.09", "-73.30"),
    ]
    rows = gazetteer_sources.us_town_rows(
        records, is_known=lambda key, state: (key, state) == ("addison", "TX"), fold=fold_name
    )
    assert [(name, state) for name, state, *_ in rows] == [("Addison", "VT")]


def test_us_towns_of_one_name_in_two_states_are_two_towns():
    records = [
        zip_record("1", "Springdale", "AR", "36.2", "-94.1"),
        zip_record("2", "Springdale", "UT", "37.2", "-113.0"),
        zip_record("3", "Nowhere", "WY", "43.0", "-107.0"),
    ]
    rows = gazetteer_sources.us_town_rows(records, is_known=lambda key, state: False, fold=fold_name)
    states = sorted((name, state) for name, state, *_ in rows)
    assert states == [("Nowhere", "WY"), ("Springdale", "AR"), ("Springdale", "UT")]


def test_zip_records_are_empty_without_the_package(monkeypatch):
    monkeypatch.setattr(gazetteer_sources, "ZIP_PACKAGE", "no_such_package_for_eventwire")
    assert gazetteer_sources.read_zip_records() == []
    assert gazetteer_sources.zip_source_version() is None


# --- provinces by name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, short",
    [("Zhejiang Sheng", "zhejiang"), ("Guangxi Zhuangzu Zizhiqu", "guangxi"), ("Finnmark Fylke", "finnmark"),
     ("Mazowieckie Voivodeship", "mazowieckie"), ("Rogaland", "rogaland"), ("Sha`biyat Nalut", "nalut")],
)
def test_area_short_name_drops_the_kind_of_area(name, short):
    assert gazetteer_sources.area_short_name(name, fold=fold_name) == short


@pytest.mark.parametrize(
    "key, distinctive",
    [("rogaland", True), ("kwazulu-natal", True), ("central", False), ("north-west", False), ("upper east", False),
     ("saint andrew", False), ("bay", False), ("eastern province", False), ("west nile", True)],
)
def test_only_distinctive_province_names_are_looked_for(key, distinctive):
    assert gazetteer_sources.is_distinctive_area_name(key) is distinctive


def entry_row(feature_class: str, country: str, population: int) -> tuple:
    code = "PPL" if feature_class == "P" else "ADM1"
    entry = GazetteerEntry(None, "X", feature_class, code, country, None, 0.0, 0.0, population)
    return tuple(getattr(entry, name) for name in entry.__slots__)


def test_a_low_priority_name_is_free_only_beside_small_villages():
    rows = [entry_row("P", "USA", 8_000), entry_row("P", "NZL", 250_000), entry_row("A", "GEO", 0)]
    index = {"crete": [0], "thames": [1], "imereti": [2]}
    assert _name_is_free("nowhere", rows, index, below=FEATURE_NAMESAKE_POPULATION)
    assert _name_is_free("crete", rows, index, below=FEATURE_NAMESAKE_POPULATION)
    assert not _name_is_free("thames", rows, index, below=FEATURE_NAMESAKE_POPULATION)
    assert not _name_is_free("imereti", rows, index, below=FEATURE_NAMESAKE_POPULATION)
    assert not _name_is_free("crete", rows, index, below=5_000)
    assert not _name_is_free("crete", rows, index, below=FEATURE_NAMESAKE_POPULATION, other_than="USA")


# --- our table of natural features ----------------------------------------------------------------


def test_feature_table_is_well_formed():
    entries = list(_read_supplement(FEATURES_FILE))
    assert len(entries) > 150
    seen: set[str] = set()
    for entry, names in entries:
        assert entry.feature_class in {"H", "T", "L"}, entry
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180, entry
        assert entry.country is None or len(entry.country) == 3, entry
        for name in names:
            assert fold_name(name) not in seen, name
            seen.add(fold_name(name))


# --- the real gazetteer ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    "name, feature_code, country",
    [("Dnieper", "STM", "UKR"), ("the Dnipro River", None, None), ("Sumatra", "ISL", "IDN"), ("Bosphorus", "STRT", "TUR"),
     ("Lake Victoria", "LK", None), ("Zhejiang", "ADM1", "CHN"), ("Rogaland", "ADM1", "NOR"), ("Limpopo", "ADM1", "ZAF")],
)
def test_features_and_provinces_are_found_by_name(gazetteer, name, feature_code, country):
    if feature_code is None:  # "the" is the resolver's to drop
        assert not gazetteer.lookup(name) and gazetteer.lookup(name[4:])
        return
    assert any(e.feature_code == feature_code and e.country == country for e in gazetteer.lookup(name))


@pytest.mark.parametrize("name, country", [("Dnipro", "UKR"), ("Kano", "NGA"), ("Paris", "FRA"), ("Lagos", "NGA")])
def test_low_priority_names_never_join_a_large_city(gazetteer, name, country):
    """The river Dnipro, Kano State and Lagos State do not compete with their cities."""
    entries = gazetteer.lookup(name)
    assert any(e.country == country and e.feature_class == "P" and e.population > 100_000 for e in entries)
    assert all(e.feature_class == "P" or e.is_country for e in entries)


@pytest.mark.parametrize(
    "name, country",
    [("Somali", "ETH"), ("Paul", "CPV"), ("Laamu", "MDV"), ("Zealand", "DNK"), ("Central", "KEN")],
)
def test_provinces_that_are_demonyms_words_or_of_small_states_are_not_looked_for(gazetteer, name, country):
    assert not any(e.feature_code == "ADM1" and e.country == country for e in gazetteer.lookup(name))


def test_a_feature_beside_small_namesakes_is_a_candidate(gazetteer):
    codes = {(e.feature_code, e.country) for e in gazetteer.lookup("Crete")}
    assert ("ISL", "GRC") in codes and ("PPL", "USA") in codes


@pytest.mark.skipif(not HAS_ZIPCODES, reason="the optional zipcodes package is not installed")
@pytest.mark.parametrize("name, state", [("Harwinton", "CT"), ("Lanexa", "VA")])
def test_small_us_towns_come_from_zip_codes(gazetteer, name, state):
    assert not gazetteer.lookup(name) and not gazetteer.lookup_area(name)  # kept apart: lookup_town
    assert any(e.country == "USA" and e.admin1 == state and e.population == 0 for e in gazetteer.lookup_town(name))


@pytest.mark.skipif(not HAS_ZIPCODES, reason="the optional zipcodes package is not installed")
def test_a_zip_code_town_of_a_name_known_in_other_states_only(gazetteer):
    """GeoNames' extract knows "Orient" only as another name of Knox City, Texas; Orient, Ohio is a town of its own."""
    assert not any(e.admin1 == "OH" for e in gazetteer.lookup("Orient"))
    assert [e.admin1 for e in gazetteer.lookup_town("Orient") if e.admin1 in ("OH", "TX")] == ["OH"]


# --- resolution with the new entries --------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places", "dates")))


def places_of(pipeline: Pipeline, text: str) -> dict[str, tuple[str, str | None]]:
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=date(2023, 6, 6)))
    (article,) = list(pipeline.process([raw], strict=True))
    assert isinstance(article, Article)
    return {m.text: (p.feature_class, p.country) for p in article.places for m in p.mentions}


def test_rivers_seas_and_provinces_are_places_of_a_report(pipeline):
    places = places_of(
        pipeline,
        "Ukrainian forces crossed the Dnieper near Kherson on Tuesday. Russian ships patrolled the Black Sea. "
        "Floods hit the Chinese province of Zhejiang.",
    )
    assert places["Dnieper"] == ("H", "UKR")
    assert places["Black Sea"][0] == "H"
    assert places["Zhejiang"] == ("A", "CHN")
