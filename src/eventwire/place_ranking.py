"""Ranking toponym candidates: geometry of gazetteer entries, qualifiers, and what the text says of
a place.

* A qualifier ("X, Y", "X (Y)", "X town, Y") names the area a place lies in. Its two names are
  resolved together: of all the pairs of candidates, the one where X lies within Y wins, so that
  "Zaragoza, La Libertad" is not the Spanish city and "San Jose, San Jose" is the city in the
  province of its name. A list ("Paris, London and Berlin") is no qualifier.
* Feature cues: "the province of Ontario" is the province, "the city of Hamilton" a town, for every
  mention of the name in the report.
* The areas of a name that the gazetteer knows only as areas (Suffolk, the English county) are
  candidates beside its towns; a surname of a person of the text ("Harrison said") is no place; a
  place name the recogniser split ("Port" "of" "Spain") is joined back.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from .gazetteer import GazetteerEntry, fold_name
from .model import Entity
from .place_spelling import spelling_key
from .place_words import LONE_ARTICLES, PLAIN_LOCATIVES

if TYPE_CHECKING:
    from .places import Toponym

#: Two places this close are near each other ("minimum spread": a place near the report's others).
NEAR_KM = 150.0
#: What may stand between a place and its qualifier: "X, Y", "X (Y", "X town, Y", "X LGA (Y".
_QUALIFIER_GAP = re.compile(
    r"(?:\s+(?:town|village|city|district|municipality|township|county|area|LGA|neighbou?rhood|"
    r"sub-county|locality|commune|department))?\s*(?:,\s*\(?|\()\s*"
)
#: A list ends after its second name: "Paris, London and Berlin" ("Toronto, Ontario, Canada" is a chain).
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\s*\Z")
#: Between two items of a list of names: a comma, "and", "or" (", and").
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_LIST_WORD = re.compile(r"\b(?:and|or)\b|&")
_DISTRICT_OF_COLUMBIA = re.compile(r",?\s*D\.\s?C\b")  # "Texas and Washington, D.C.": the capital


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def km_between(a: GazetteerEntry, b: GazetteerEntry) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def lies_within(entry: GazetteerEntry, area: GazetteerEntry) -> bool:
    """Whether ``entry`` lies in ``area`` (a country, a US state with its code, or near a place)."""
    if entry is area:
        return False
    if area.is_country:
        return entry.country == area.country
    if area.admin1 and entry.country == area.country and entry.admin1:
        return entry.admin1 == area.admin1
    return km_between(entry, area) < 2 * NEAR_KM


#: A place found only by another spelling of its name must lie this close to a town the report names
#: (or in its province).
LOCAL_KM = 30.0


def lies_locally(entry: GazetteerEntry, other: GazetteerEntry, *, province: bool = True) -> bool:
    """Whether ``entry`` lies where ``other`` (no country) says: in it (an area), within :data:`LOCAL_KM`
    of it (a town) or, with ``province``, in the province of that town ("Sokhneh in Homs": As Sukhnah
    lies 150 km from the city, in its governorate)."""
    if other.feature_class == "P":
        return km_between(entry, other) <= LOCAL_KM or province and bool(
            entry.admin1 and entry.country == other.country and entry.admin1 == other.admin1
        )
    return not other.is_country and lies_within(entry, other)


def qualifier_entries(
    text: str,
    toponyms: Sequence[Toponym],
    prior: Callable[[GazetteerEntry], float],
    *,
    areas_of: Callable[[str], Sequence[GazetteerEntry]] = lambda name: (),
) -> tuple[dict[int, GazetteerEntry], dict[int, GazetteerEntry]]:
    """The qualifiers of the text: for a toponym X (by its start) qualified by Y, the entry of Y that X
    lies in; and for Y (by its start), that same entry, its reading as X's area.

    The pair is chosen together: a candidate of Y that a candidate of X lies in (by the best sum of
    their priors), else Y's most likely candidate alone (which then qualifies X only). Y's candidates
    include the areas of its name (``areas_of``) that the gazetteer knows only as areas.
    """
    outer: dict[int, GazetteerEntry] = {}
    chosen: dict[int, GazetteerEntry] = {}
    for number, (first, second) in enumerate(zip(toponyms, toponyms[1:])):
        if not _QUALIFIER_GAP.fullmatch(text, first.end, second.start):
            continue
        after = toponyms[number + 2].start if number + 2 < len(toponyms) else None
        if after is not None and after - second.end < 8 and _LIST_GOES_ON.search(text[second.end : after]):
            continue
        areas = list(second.candidates)
        areas += [a for a in areas_of(second.text) if a.feature_class == "A" and a not in areas]  # "Nuevo Leon"
        area, joint = _joint_area(first.candidates, areas, prior, name_letters(first.text), area_key=name_letters(second.text))
        outer[first.start] = area
        if joint or area.feature_class == "A" and name_letters(area.name) == name_letters(second.text):
            chosen[second.start] = area  # an area by its very name is the qualifier's reading anyway
    return outer, chosen


#: How far from an area's point a place of it may lie: a province (of no admin1 code), a town.
_PROVINCE_KM = 800.0
_TOWN_KM = 60.0
#: How far from a province's point a district of no province code may lie to be read in it (add_qualified_areas).
_DISTRICT_KM = 300.0
_TOWN_PAIR_SLACK = 2.0  # log10 of population: a hundredfold


def _fits_area(place: GazetteerEntry, area: GazetteerEntry) -> bool:
    """Whether ``place`` can lie in ``area`` named as its qualifier: in the country; in the US state
    of that code; in the country and not far from a province's point; next to a town of the name of
    an area the gazetteer lacks ("Guanyin, Taoyuan City")."""
    if place.country != area.country or place.country is None:
        return False
    if area.is_country:
        return True
    if area.feature_class == "P":
        return km_between(place, area) < _TOWN_KM
    if area.admin1 and place.admin1:
        return area.admin1 == place.admin1
    return km_between(place, area) < _PROVINCE_KM


def name_letters(name: str) -> str:
    """A name's letters only: "Dar‘ā" and "Dara" are one name, spelt two ways."""
    return "".join(c for c in fold_name(name) if c.isalnum())


def _areas_named(name: str, areas_of: Callable[[str], Sequence[GazetteerEntry]]) -> tuple[GazetteerEntry, ...]:
    """The administrative areas (``areas_of``) of exactly ``name`` (not "Washington County" for "Washington")."""
    key = fold_name(name)
    return tuple(a for a in areas_of(name) if a.feature_class == "A" and fold_name(a.name) == key)


def _is_american_state(entry: GazetteerEntry) -> bool:
    return entry.country == "USA" and entry.feature_code == "ADM1"


def add_qualified_areas(
    toponyms: Sequence[Toponym],
    qualifiers: Mapping[int, GazetteerEntry],
    *,
    areas_of: Callable[[str], Sequence[GazetteerEntry]],
) -> list[Toponym]:
    """``toponyms``, a name qualified by an area (``qualifiers``, by the name's start) none of whose
    candidates can lie there taking the areas of its very name there as further candidates: "Surrey,
    UK" is the English county, which the gazetteer knows only as an area, not the Canadian city. An area
    without a province code is taken in a province only near its point (a Mexican state has no
    "Benito Juarez" district of its own, and another state's is no reading of "Benito Juarez, Nuevo Leon")."""
    found = []
    for toponym in toponyms:
        area = qualifiers.get(toponym.start)
        if area is not None and toponym.kind != "demonym" and not any(_fits_area(c, area) for c in toponym.candidates):
            extra = tuple(
                a for a in _areas_named(toponym.text, areas_of)
                if a not in toponym.candidates and _fits_area(a, area)
                and (area.is_country or a.admin1 is not None or km_between(a, area) < _DISTRICT_KM)
            )
            if extra:
                toponym = dataclasses.replace(toponym, candidates=(*toponym.candidates, *extra))
        found.append(toponym)
    return found


def _joint_area(
    places: Sequence[GazetteerEntry],
    areas: Sequence[GazetteerEntry],
    prior: Callable[[GazetteerEntry], float],
    text_key: str = "",
    *,
    area_key: str = "",
) -> tuple[GazetteerEntry, bool]:
    """The area of ``areas`` that one of ``places`` lies in, the likeliest pair first; else the
    likeliest area (and False). A town of the qualifier's name far less likely than an area of that
    very name is no qualifier ("Benito Juarez, Nuevo Leon": the state, though no Benito Juarez of the
    gazetteer lies in it and one lies next to a village called Nuevo Leon; but "Quezaltepeque, San
    Salvador": the capital)."""
    named = [prior(a) for a in areas if a.feature_class == "A" and name_letters(a.name) == area_key] if area_key else []
    town_floor = max(named) - _TOWN_PAIR_SLACK if named else -math.inf
    best: tuple[float, GazetteerEntry] | None = None
    # a place of the name itself, not one that has it as another name ("Illinois" is not Riverside)
    names = {name_letters(p.name) for p in places if name_letters(p.name) == text_key} or {name_letters(p.name) for p in places}
    same_name = tuple(places) == tuple(areas)  # "San Jose, San Jose": the city in the province of its name
    likeliest = max(prior(p) for p in places)
    for area in areas:
        if area.feature_class == "P" and (same_name or prior(area) < town_floor):
            continue
        # a town qualifies a town only where the place is not a far less likely namesake
        # ("Monterrey, Nuevo Leon" is not the village next to a village of Nuevo León)
        floor = likeliest - _TOWN_PAIR_SLACK if area.feature_class == "P" else -math.inf
        inside = [
            prior(p) for p in places
            if p != area and prior(p) >= floor and name_letters(p.name) in names and _fits_area(p, area)
        ]
        if inside:
            value = prior(area) + max(inside)
            if best is None or value > best[0]:
                best = (value, area)
    if best is not None:
        return best[1], True
    return max(areas, key=prior), False


#: Words that join the pieces of one place name the recogniser split ("Port" "of" "Spain").
#: Between two pieces of one place name: a joining word, or a bare space ("Baja" + "California").
_JOINING = re.compile(r" (?:(?:of|de|del|de la|do|da|dos|das|di|du|des|el|al|upon|on|y|in|in der|an der|am|im|bei) )?")


def joined_place_entities(text: str, entities: Sequence[Entity], has_name: Callable[[str], bool]) -> list[Entity]:
    """The entities with place pieces the recogniser split at a joining word merged back, when the
    whole is a gazetteer name: "Port" + "of" + "Spain" is Port of Spain, "Neustadt" + "in" + "Holstein"
    is Neustadt in Holstein (not Neustadt an der Weinstrasse and a Swiss Hölstein), "Landau" + "in der" +
    "Pfalz" is Landau in der Pfalz."""
    merged: list[Entity] = []
    for entity in entities:
        previous = merged[-1] if merged else None
        if previous is not None and entity.end <= previous.end:
            continue  # inside a name joined already
        if (
            previous is not None
            and previous.label in _PLACE_PIECES | {"PERSON"}  # "Tapachula de Cordova" + "y" + "Ordonez"
            and entity.label in _PLACE_PIECES
            and _JOINING.fullmatch(text, previous.end, entity.start)
            and has_name(text[previous.start : entity.end])
        ):
            merged[-1] = Entity(previous.start, entity.end, text[previous.start : entity.end], "GPE")
            continue
        if entity.label in ("GPE", "LOC") and entity.text.lower() in LONE_ARTICLES:
            # an article the recogniser cut off its name: "Al" + " Bab", "El" + " Fasher"
            tails = _article_tails(text, entity.end)
            whole = next((m.end() for m in tails if has_name(text[entity.start : m.end()])), None)
            if whole is not None:
                entity = Entity(entity.start, whole, text[entity.start : whole], entity.label)
        elif entity.label in ("GPE", "LOC") and (tail := _JOINED_TAIL.match(text, entity.end)):
            if has_name(text[entity.start : tail.end()]):  # "Deir" + " ez Zor", "Guinea" + "-Bissau"
                entity = Entity(entity.start, tail.end(), text[entity.start : tail.end()], entity.label)
        elif (tail := _HYPHENATED_TAIL.match(text, entity.end)) and has_name(text[entity.start : tail.end()]):
            # a hyphenated place name the recogniser cut and took for a person: "Croix" + "-des-Bouquets"
            entity = Entity(entity.start, tail.end(), text[entity.start : tail.end()], "GPE")
        merged.append(entity)
    return merged


def _article_tails(text: str, start: int) -> list[re.Match]:
    """The one, two or three capitalised words after ``start``, longest first."""
    return [m for m in (_TAIL_WORDS[n].match(text, start) for n in (2, 1, 0)) if m]


_TAIL_WORDS = [re.compile(r"[ -][A-Z][\w'’]+" + r"(?: [A-Z][\w'’]+)" * n) for n in range(3)]
_JOINED_TAIL = re.compile(r"(?: (?:of|de|del|do|da|dos|das|du|di|della|el|al|ez|es|ed|ad|ar|as|ash|at|az|an|en|ul|um)[ -]|-)[A-Z][\w'’]+")


_HYPHENATED_TAIL = re.compile(r"(?:-[^\W\d_][\w'’]*)+")
_PLACE_PIECES = frozenset({"GPE", "LOC", "FAC", "ORG"})


_BEFORE_COMMA = re.compile(r"([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3}),\s\Z")
_QUALIFIER_END = re.compile(r"[^\w\s]*(?:[,.;:)]|\Z)")


def follows_place(text: str, start: int, end: int, known: set[str]) -> bool:
    """Whether the name at ``start`` stands right after a place of the text and a comma, where a
    qualifier stands ("in Manzanillo, Colima, a journalist was attacked"); the place before it may be one
    the gazetteer lacks, named after "in", "at" or "near" ("in Navestad, Norrkoping, in relation")."""
    match = _BEFORE_COMMA.search(text, max(0, start - 60), start)
    if match is None or not _QUALIFIER_END.match(text, end):
        return False
    words = match.group(1).split(" ")
    before = text[max(0, match.start() - 8) : match.start()].split()
    words_before = [w.lower() for w in before[-1:]] + [w.lower() for w in words]
    return any(
        fold_name(" ".join(words[n:])) in known or words[n][:1].isupper() and words_before[n] in PLAIN_LOCATIVES
        for n in range(len(words))
    )



def surnames(entities: Sequence[Entity]) -> frozenset[str]:
    """The last names of the people of a text ("Jim Harrison"): alone ("Harrison said") they name
    that person, not a place."""
    names = (entity.text.split() for entity in entities if entity.label == "PERSON")
    names = ([w for w in words if w.rstrip(".,").lower() not in _NAME_SUFFIXES] for words in names)
    return frozenset(fold_name(words[-1]) for words in names if len(words) > 1)


#: Words after a surname: "George Bush Jr", "Martin Luther King Jr.".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


_AREA_WORDS = r"(?:province|state|region|oblast|governorate|county|district|prefecture|department|territory|emirate)"
_TOWN_WORDS = r"(?:city|town|village|municipality|capital)"
_AREA_BEFORE = re.compile(rf"\b(?:the )?{_AREA_WORDS} of \Z", re.IGNORECASE)
_TOWN_BEFORE = re.compile(rf"\b(?:the )?{_TOWN_WORDS} of \Z", re.IGNORECASE)
_AREA_AFTER = re.compile(rf" {_AREA_WORDS}\b")
_TOWN_AFTER = re.compile(rf" {_TOWN_WORDS}\b")


def feature_cues(text: str, toponyms: Sequence[Toponym]) -> dict[str, str]:
    """The kind of place the text calls a name, by its folded name: "A" for an area ("the province of
    Ontario", "Kherson region"), "P" for a town ("the city of Hamilton", "Dara town"); a name called both
    is left out. One sense per report: every mention of the name follows."""
    cues: dict[str, set[str]] = {}
    for toponym in toponyms:
        before = text[max(0, toponym.start - 30) : toponym.start]
        after = text[toponym.end : toponym.end + 16]
        kinds = cues.setdefault(fold_name(toponym.text), set())
        if _AREA_BEFORE.search(before) or _AREA_AFTER.match(after):
            kinds.add("A")
        if _TOWN_BEFORE.search(before) or _TOWN_AFTER.match(after):
            kinds.add("P")
    return {name: kinds.pop() for name, kinds in cues.items() if len(kinds) == 1}


def follow_cues(
    toponyms: Sequence[Toponym], cues: dict[str, str], *, areas_of: Callable[[str], Sequence[GazetteerEntry]] = lambda name: ()
) -> list[Toponym]:
    """The toponyms with only the candidates of the kind the text calls them, where it has some; a name
    called an area that has none takes the American state of its very name (``areas_of``): "a Washington
    state farm", "New York state", states the gazetteer lists only as areas beside their cities. Other
    areas are left out: "the Charlotte region" is no parish of Saint Vincent, and "Kulu district of
    Konya" is placed by its town, as the gazetteer's towns are the better points."""
    followed = []
    for toponym in toponyms:
        kind = cues.get(fold_name(toponym.text))
        if kind == "A" and not any(c.feature_class == "A" and not c.is_country for c in toponym.candidates):
            areas = tuple(a for a in _areas_named(toponym.text, areas_of) if _is_american_state(a))
            toponym = dataclasses.replace(toponym, candidates=(*toponym.candidates, *areas))
        if kind is not None and len(toponym.candidates) > 1:
            fitting = tuple(c for c in toponym.candidates if c.feature_class == kind and not c.is_country)
            if fitting:
                toponym = dataclasses.replace(toponym, candidates=fitting)
        followed.append(toponym)
    return followed


#: A city this large elsewhere is what its name means before an area of another country ("Gaza").
_CITY_BEFORE_AREA = 100_000
#: A capital this large is not outranked by a village that merely lies near a metropolis the report names.
_CAPITAL_OF_MILLIONS = 1_000_000


def _adds_reading(area: GazetteerEntry, candidates: Sequence[GazetteerEntry]) -> bool:
    """Whether an area is a new reading of a name that only towns have: no town of its very name in
    its country (the town of an area's name is the better point: Novosibirsk, Tlaxco; a town that
    GeoNames also calls so is not: Jawf al Maqbabah for Al Jawf, Yemen) nor a large city elsewhere
    (Gaza); a name that has an area's reading already (Niger, the Red Sea) keeps it."""
    key = spelling_key(area.name)
    return not any(
        (c.country == area.country and spelling_key(c.name) == key)
        or c.feature_class != "P"
        or c.population >= _CITY_BEFORE_AREA
        for c in candidates
    )


def with_named_areas(toponyms: Sequence[Toponym], areas_of: Callable[[str], Sequence[GazetteerEntry]]) -> list[Toponym]:
    """The toponyms with the administrative areas of their very name among their candidates, that
    the gazetteer knows only as areas: New York the state beside the city, Suffolk the English county
    beside the Virginian town ("Suffolk County" is another name, not added)."""
    found: dict[str, tuple[GazetteerEntry, ...]] = {}
    extended = []
    for toponym in toponyms:
        key = fold_name(toponym.text)
        if key not in found:
            found[key] = tuple(a for a in _areas_named(toponym.text, areas_of) if _adds_reading(a, toponym.candidates))
        if found[key] and toponym.kind != "demonym":
            toponym = dataclasses.replace(toponym, candidates=toponym.candidates + found[key])
        extended.append(toponym)
    return extended


def anchors_for(toponym: Toponym, anchors: Sequence[GazetteerEntry], *, own: GazetteerEntry) -> list[GazetteerEntry]:
    """The co-mentioned places whose nearness counts for ``toponym``'s candidates: not its own first
    choice, nor a metropolis when the name is also a capital of millions ("Moscow" in a report that
    names New York is not the village in Pennsylvania for lying 150 km from the city)."""
    capital = any(c.feature_code == "PPLC" and c.population >= _CAPITAL_OF_MILLIONS for c in toponym.candidates)
    return [a for a in anchors if a != own and not (capital and a.population >= _CAPITAL_OF_MILLIONS)]


def names_a_metropolis(toponym: Toponym) -> bool:
    """Whether one of the name's readings is a city of millions (:data:`_CAPITAL_OF_MILLIONS`)."""
    return any(c.population >= _CAPITAL_OF_MILLIONS for c in toponym.candidates)


#: A name of one of these kinds is no partner (paired_readings): a street's, a transliteration's, a people's.
_UNPAIRED_KINDS = frozenset({"namesake", "transliterated", "demonym"})
_AREA_WORD_AT_END = re.compile(r"\b(?:county|parish|province|district|region|state)\Z")


def paired_readings(
    toponyms: Sequence[Toponym], *, qualifiers: Collection[int] = (), sure: Sequence[GazetteerEntry] = ()
) -> set[GazetteerEntry]:
    """The readings of ambiguous names that lie within :data:`LOCAL_KM` of a reading of another name
    of the report: "Huntsville" beside "Walker County" is the Texan town, the county's seat, though
    Alabama's Huntsville is larger (it lies 120 km from Alabama's Walker County). Towns and counties
    only; not a qualifier ("X, Y", by its start in ``qualifiers``: Y is read with X anyway), nor the
    lesser namesakes of a metropolis ("Edmonton" beside "Brent" is no district of London), nor a town
    X as the reading of "X County"; and none for a name with a reading near a ``sure`` place (a name
    of one reading says more than two chance namesakes: "Mansfield" near Shreveport is Louisiana's,
    though "DeSoto" has a Texan reading beside Texas's Mansfield)."""
    def local(toponym: Toponym) -> list[GazetteerEntry]:
        return [c for c in toponym.candidates if not c.is_country and (c.feature_class == "P" or c.feature_code == "ADM2")]

    named = [
        (toponym, fold_name(toponym.text), local(toponym))
        for toponym in toponyms if toponym.start not in qualifiers and toponym.kind not in _UNPAIRED_KINDS
    ]
    cells: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = {}
    for _, key, readings in named:
        for entry in readings:
            if not (entry.feature_class == "P" and _AREA_WORD_AT_END.search(key)):
                cells.setdefault((math.floor(entry.lat), math.floor(entry.lon)), []).append((key, entry))
    paired: set[GazetteerEntry] = set()
    for toponym, key, readings in named:
        if len(toponym.candidates) < 2:
            continue
        if any(km_between(c, s) < NEAR_KM for c in toponym.candidates for s in sure if s not in toponym.candidates):
            continue
        metropolis = names_a_metropolis(toponym)
        for entry in readings:
            if metropolis and entry.population < _CAPITAL_OF_MILLIONS:
                continue
            lat, lon = math.floor(entry.lat), math.floor(entry.lon)
            if any(
                other != key and km_between(entry, partner) <= LOCAL_KM
                for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)
                for other, partner in cells.get((lat + dlat, lon + dlon), ())
            ):
                paired.add(entry)
    return paired


def states_in_lists(
    text: str, toponyms: Sequence[Toponym], *, areas_of: Callable[[str], Sequence[GazetteerEntry]]
) -> list[Toponym]:
    """The toponyms, a name listed beside a state or province taking the province of its name in that
    country as its only candidate: "Ohio, New York, Oregon and Washington", "in Washington, Pennsylvania
    and California", "Alberta, Manitoba, Ontario and New Brunswick" (not Ontario, Ohio, nor New
    Brunswick, New Jersey). A province beside it is a name whose readings include its province and no
    country ("Georgia" is no sign); abroad, a town of the country by the name keeps it ("Hamburg and
    Berlin" are the cities). Two names and a comma are no list ("Washington, Pennsylvania" is a town):
    the list needs an "and" or a third name; "Texas and Washington, D.C." lists the capital."""

    def provinces_of(toponym: Toponym, *, named_only: bool = False) -> list[GazetteerEntry]:
        key = fold_name(toponym.text)
        readings = [c for c in toponym.candidates if fold_name(c.name) == key]
        if not named_only:
            readings += _areas_named(toponym.text, areas_of)
        return [a for a in readings if a.feature_code == "ADM1" and a.country]

    def state_of(toponym: Toponym, countries: set[str]) -> GazetteerEntry | None:
        key = fold_name(toponym.text)
        for province in provinces_of(toponym):
            if province.country not in countries:
                continue
            # a province abroad is no reading where a town of its country has its name ("Berlin")
            if province.country == "USA" or not any(
                c.feature_class == "P" and c.country == province.country and fold_name(c.name) == key
                for c in toponym.candidates
            ):
                return province
        return None

    gaps = [_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in zip(toponyms, toponyms[1:])]
    listed = []
    for number, toponym in enumerate(toponyms):
        before = gaps[number - 1] if number > 0 else None
        after = gaps[number] if number < len(gaps) else None
        items = [number - 1] if before else []
        items += [number + 1] if after else []
        # a list: an "and" or "or" beside the name, or a third item beyond it or its neighbour
        is_list = any(gap is not None and _LIST_WORD.search(gap.group()) for gap in (before, after)) or (
            bool(before and after) or bool(before and number > 1 and gaps[number - 2])
            or bool(after and number + 1 < len(gaps) and gaps[number + 1])
        )
        countries = {
            p.country for i in items if not any(c.is_country for c in toponyms[i].candidates)
            for p in provinces_of(toponyms[i], named_only=True)
        } if is_list and not _DISTRICT_OF_COLUMBIA.match(text, toponym.end) else set()
        if countries and (state := state_of(toponym, countries)) is not None:
            toponym = dataclasses.replace(toponym, candidates=(state,))
        listed.append(toponym)
    return listed


#: A place by another of its names, when another place has that name (see alias_penalty).
_ALIAS_PENALTY = 2.0
#: The rest of a long form of a name: "Newcastle upon Tyne", "Frankfurt am Main", "Stratford-upon-Avon".
_LONG_FORM = re.compile(r"[ -](?:upon|on|am|an|in|im|sur|sous|les|lès|de|del|di|du|da|do)[ -]")


def alias_penalty(toponym: Toponym, candidate: GazetteerEntry) -> float:
    """A place found by one of its other names ("Valence" for Valencia) comes after a place of that
    very name ("Valence", France); not a short form of its name ("Newcastle" for Newcastle upon Tyne)
    nor another spelling of it ("Amara" for Al ‘Amārah). A city before a quarter goes by the city's name
    ("Delhi - New Delhi": Delhi, not Dili by its other name)."""
    written = toponym.text.split(" - ", 1)[0]
    key = name_letters(written)
    name = name_letters(candidate.name)
    if name == key or spelling_key(candidate.name) == spelling_key(written) or _LONG_FORM.match(fold_name(candidate.name), len(fold_name(written))) and name.startswith(key) or not any(
        name_letters(c.name) == key for c in toponym.candidates
    ):
        return 0.0
    return _ALIAS_PENALTY
