"""Low-priority sources of the gazetteer: names the main sources lack, and nothing more.

Each source here only adds names that are not yet in the gazetteer's index, so that no new entry
ever competes with a country, a city of GeoNames' extract or a curated region of the same name:

* American towns and villages by their postal names, from the installed ``zipcodes`` package (an
  optional dependency: its bundled file of US ZIP codes with city, state and coordinates, read at
  cache-build time); a town stands at the middle of its delivery ZIP codes, without population,
  so it is a place in text only where the text says so (a place entity, "in Harwinton", "Lanexa, Va.");
* provinces and states of every country by their own names ("Zhejiang", "Rogaland", "Limpopo"),
  from the administrative areas that :mod:`eventwire.gazetteer` derives, where no place of the
  gazetteer has that name and the name is not a generic one ("Central", "North-West");
* our own table of seas, rivers, lakes, mountain ranges, islands and regions
  (``data/features_geo.tsv``, facts in our format).
"""

from __future__ import annotations

import bz2
import importlib
import importlib.resources
import importlib.resources.abc
import importlib.util
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import LexiconError

logger = logging.getLogger(__name__)

#: The optional package of US ZIP codes, and the data file its 1.x versions ship (3.x compiles it in).
ZIP_PACKAGE, ZIP_DATA_FILE = "zipcodes", "zips.json.bz2"
#: ZIP codes that stand for a town: delivery areas and post-office boxes (not one firm's own code,
#: nor military mail).
TOWN_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})
FEATURES_FILE = "features_geo.tsv"
#: Words of names of areas that say nothing of where they are: a province called only by these
#: ("Central", "North-West", "Upper East", "Centre") is not looked for by its name alone.
GENERIC_AREA_WORDS = frozenset(
    {"central", "centre", "center", "centro", "north", "south", "east", "west", "northern", "southern",
     "eastern", "western", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
     "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
     "lower", "middle", "mid", "capital", "coast", "coastal", "littoral", "lakes", "lake", "islands", "island",
     "plateau", "highlands", "mountain", "mountains", "river", "rivers", "valley", "nord", "sud", "est",
     "ouest", "norte", "sur", "este", "oeste", "leste", "sul", "region", "province", "district", "city",
     "federal", "national", "special", "autonomous", "territory", "greater", "great", "new", "old", "and",
     "of", "the", "de", "del", "la", "el", "al", "bay", "sea", "atoll", "atolls", "delta", "cape", "point",
     "town", "parish", "quarter", "municipality", "distrito", "estado", "departamento", "provincia", "far",
     "gulf", "pool", "hills", "plains", "forest", "desert", "midlands", "lowlands", "heights", "falls", "springs",
     "harbour", "harbor", "port", "park", "bridge", "border", "frontier", "interior", "metropolitan", "urban",
     "rural", "inner", "outer", "high", "low", "little", "grand", "gold", "golden", "green", "red", "white",
     "black", "blue", "free", "union", "kingdom", "republic", "land", "lands", "country", "states", "state",
     "maritime", "nacional", "centrale", "plateaux", "collines", "cordillera", "atlantique", "atlantico",
     "lagunes", "savanes", "savanne", "lacs", "valle", "unity"}
)
#: Provinces whose names are common English words or people's names ("Paul", Cape Verde; "Falcon",
#: Venezuela; "Balkan", Turkmenistan): found in text far more often as those than as the province.
WORD_AREA_NAMES = frozenset(
    {"paul", "falcon", "quiche", "balkan", "bloke", "mono", "para", "brava", "cesar", "vargas", "mara", "granma",
     "pool", "gulf", "delta", "plateau", "lakes", "victoria", "georgia", "maritime", "central", "somali"}
)
#: Provinces are looked for by name only in countries of at least this many people: the provinces
#: of small states are villages and parishes ("Agat", Guam; "Laamu", Maldives).
MIN_COUNTRY_POPULATION = 1_000_000
#: First words of the names of parishes and small provinces named after saints ("Saint Andrew",
#: "Sveti Nikole"): people's names more often than places in news.
SAINT_WORDS = frozenset({"saint", "st", "st.", "sainte", "ste", "san", "santa", "sao", "sveti", "sankt"})
#: Provinces are looked for by their names of at least this many letters.
MIN_AREA_NAME = 4
_AREA_AFFIXES = re.compile(
    r"^(?:sha`biyat|baladiyat|mintaqat|changwat|opstina|ostan-e|velayat-e|provincia di|provincia del|"
    r"judetul|wilayah)\s+|"
    r"\s+(?:sheng|shi|zizhiqu|zhuangzu zizhiqu|huizu zizhiqu|uygur zizhiqu|weiwu'er zizhiqu|fylke|"
    r"voivodeship|rajons|apskritis|marz|okrug|avtonomnyy okrug|lan|kraj|megye|ili|vilayeti|atoll)$"
)


def zip_source_version() -> str | None:
    """The version of the installed ZIP-code package (part of the gazetteer cache's key), or None."""
    spec = importlib.util.find_spec(ZIP_PACKAGE)
    if spec is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(ZIP_PACKAGE)
    except PackageNotFoundError:
        return "unknown"


def read_zip_records() -> list[dict[str, Any]]:
    """The records of the installed ZIP-code package (one per US ZIP code), or [] when it is missing.

    Versions 1.x ship the records as a compressed JSON file, read as data; later versions compile them
    in and give them through ``zipcodes.list_all()``."""
    spec = importlib.util.find_spec(ZIP_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        logger.info("no %s package: American towns below 1,000 people are not in the gazetteer", ZIP_PACKAGE)
        return []
    data_file = Path(list(spec.submodule_search_locations)[0]) / ZIP_DATA_FILE
    try:
        if data_file.exists():
            with bz2.open(data_file, "rt", encoding="utf-8") as handle:
                return list(json.load(handle))
        module = importlib.import_module(ZIP_PACKAGE)
        return [dict(record) for record in module.list_all()]
    except (OSError, ValueError, AttributeError, ImportError) as e:
        raise LexiconError(f"cannot read the US ZIP codes of the {ZIP_PACKAGE} package: {e}") from e


def us_town_rows(
    records: Iterable[Mapping[str, Any]], *, is_known: Callable[[str, str], bool], fold: Callable[[str], str]
) -> list[tuple[str, str, float, float, str | None]]:
    """American towns from ZIP-code records: (name, state, lat, lon, county), each at the middle of
    its town ZIP codes, for the names that ``is_known(name, state)`` does not know in that state
    (names folded with ``fold``).

    A ZIP code's other accepted names ("Saint Huberts" for 12943, Keene Valley) are towns of their own
    at that code's point. Towns of one name in one state are one town."""
    sums: dict[tuple[str, str], list] = {}
    for record in records:
        if record.get("zip_code_type") not in TOWN_ZIP_TYPES or record.get("country", "US") != "US":
            continue
        try:
            lat, lon = float(record["lat"]), float(record["long"])
        except (KeyError, TypeError, ValueError):
            continue
        state = record.get("state") or ""
        for name in (record.get("city") or "", *(record.get("acceptable_cities") or ())):
            name = _title(name)
            key = fold(name)
            if not key or not state or is_known(key, state):
                continue
            total = sums.setdefault((key, state), [name, 0.0, 0.0, 0, record.get("county")])
            total[1] += lat
            total[2] += lon
            total[3] += 1
    return [
        (name, state, round(lat / count, 4), round(lon / count, 4), county)
        for (_, state), (name, lat, lon, count, county) in sums.items()
    ]


def _title(name: str) -> str:
    """A postal name in the case of text ("HOLTSVILLE" -> "Holtsville"); mixed case is kept."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def area_short_name(name: str, *, fold: Callable[[str], str]) -> str:
    """The folded name of a province without its kind ("Zhejiang Sheng" -> "zhejiang")."""
    key = fold(name)
    previous = None
    while previous != key:
        previous, key = key, _AREA_AFFIXES.sub("", key).strip()
    return key


def is_distinctive_area_name(key: str, *, name_tails: frozenset[str] = frozenset()) -> bool:
    """Whether a province's folded name says where it is: not only generic words ("central",
    "upper east", "gulf"), not a saint's name ("saint andrew"), not too short ("bay"), and not the end
    of a longer name (``name_tails``: "zealand" of "new zealand", whose first word a scan may skip)."""
    words = key.replace("-", " ").split()
    if len(key) < MIN_AREA_NAME or not words or key in name_tails or key in WORD_AREA_NAMES:
        return False
    if words[0] in SAINT_WORDS:
        return False
    return not all(word in GENERIC_AREA_WORDS for word in words)


def name_tails(keys: Iterable[str]) -> frozenset[str]:
    """The last words of folded names of several words ("new zealand" -> "zealand", "papua new
    guinea" -> "new guinea", "guinea")."""
    tails = set()
    for key in keys:
        words = key.split()
        tails.update(" ".join(words[n:]) for n in range(1, len(words)))
    return frozenset(tails)


def features_resource() -> importlib.resources.abc.Traversable:
    """Our table of natural features, as packaged data."""
    return importlib.resources.files("eventwire") / "data" / FEATURES_FILE
