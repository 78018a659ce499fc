"""Localities with their administrative chain: "Burasi (Irumu, Ituri)", "Nyaung Yin village (Pauk
township, Pakokku district, Magway region)", "Shiroro LGA (Niger)".

The names of a chain agree on one country: the country where most of them (the locality included)
have a candidate, the report's countries breaking ties. Names with no candidate there are other
places of that name (or missing from the gazetteer) and are left out, so "Ampang (Mangu, Plateau)"
is not the Malaysian city and "(Ukum, Benue)" is not in Mexico. The locality is its candidate in that
country, inside (or near) the chain's areas; a locality the gazetteer lacks, or knows there only far
from the chain's areas, falls back to the innermost area it knows (precision "admin").

Event notes also say outright where an event is placed: "(coded to Cumana, Sucre)", "[coded as
Taluqan]", "(coded to territorial capital Kalehe, Kalehe, Sud-Kivu)": that place, read like a chain,
is the event's place (:func:`coded_location`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from .gazetteer import Gazetteer, GazetteerEntry
from .model import Span
from .place_ranking import km_between, lies_locally, lies_within, name_letters
from .place_spelling import ALIKE, lookup_spelled, lookup_transliterated

#: A locality with its administrative chain.
CHAIN = re.compile(
    r"(?:\s+(?:village|town|city|township|municipality|rural municipality|district|area|neighbou?rhood|"
    r"sub-county|subcounty|locality|camp|ward|commune|county|parish|LGA|kebele|woreda|corregimiento|"
    r"groupement|block|hill|sub-hill|colline|upazila|union|barangay|sector|cell|zone|settlement|quarter|"
    r"market|village tract)(?:-\d+)?)?\s*\((?P<areas>[A-Z][^()]{1,120})\)"
)
#: Nouns after a chain's name that make it a district ("Ghamr district (Sadah)").
_DISTRICT_NOUNS = frozenset({"district", "township", "municipality", "county", "upazila", "woreda", "block", "lga", "commune"})
#: Words that end an area's name in a chain ("Pakokku district", "Magway region").
CHAIN_TYPES = frozenset(
    {"region", "province", "state", "district", "township", "municipality", "county", "sub", "subcounty",
     "governorate", "division", "city", "area", "prefecture", "department", "commune", "rural", "oblast",
     "raion", "territory", "zone", "ward", "lga", "local", "government", "counties", "circle", "tehsil",
     "regency", "woreda"}
)
#: A part of a name, not an area: "Dagon Myothit (North)", "Sa Thar (Upper)".
_NAME_SECTIONS = frozenset(
    {"north", "south", "east", "west", "upper", "lower", "middle", "central", "northeast", "northwest",
     "southeast", "southwest", "new", "old", "inner", "outer"}
)
#: A capital district's designation after its city's name, no area of its own: "(Bogota, D.C.)".
_DESIGNATIONS = frozenset({"d.c.", "dc", "d.f.", "df"})
#: An acronym in brackets names an organisation, not an area: "(JAS)", "(FSM)", "(CPN-UML)".
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,6}")
#: Last words of an organisation's name before its short name in brackets: "Labor Union Movement (Gasper)".
_ORGANISATION_WORDS = frozenset(
    {"movement", "union", "party", "front", "council", "association", "federation", "committee", "army", "forces",
     "group", "alliance", "coalition", "brigade", "brigades", "battalion", "league", "organisation", "organization",
     "confederation", "congress", "network", "platform", "company", "corporation", "bank", "university", "school"}
)
#: A city before the quarter of it that a chain follows: "Chicago - Far North Side (Illinois)".
_CITY_DASH = re.compile(r"(?P<city>[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3}) [-–] \Z")
_NAME_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[\w'’.]+)*\Z")
_SECTION_WORD = re.compile(r"\((?:North|South|East|West|Upper|Lower|Middle|Central)\)\Z")
#: Lower-case words inside place names ("Port of Spain", "Ribeirao das Neves").
_CONNECTORS = frozenset(
    {"of", "de", "da", "das", "do", "dos", "del", "la", "le", "el", "al", "wa", "upon", "sur", "di", "du", "des",
     "az", "ar", "ash", "ad", "ez", "es", "ed", "ul", "um", "bin", "ibn", "abu", "e"}
)  # Arabic articles that are no English words ("Bab az Zawiyah"; not "at", "as", "an"), a Persian ezafe ("Shahr e Kord")


def chain_location(
    gazetteer: Gazetteer,
    text: str,
    sentence: Span,
    *,
    votes: Counter,
    inside: Callable[[int, int], list[GazetteerEntry]],
    score: Callable[[GazetteerEntry, Counter], float],
    not_places: frozenset[str] = frozenset(),
) -> tuple[GazetteerEntry, str] | None:
    """The place and precision of the first locality with an administrative chain in ``sentence``.

    ``votes`` are the report's countries; ``inside(start, end)`` gives the resolved entries of the
    text's toponyms in a stretch (for an area the gazetteer knows only as a toponym of the text);
    ``score`` ranks the candidates of one name.
    """
    for match in CHAIN.finditer(text, sentence.start, sentence.end):
        parts = chain_parts(gazetteer, text, match.start("areas"), match.end("areas"), inside)
        if not parts:
            continue
        name_start = _name_start(text, match.start(), sentence.start, not_places)
        if name_start is None:
            # a building before the chain ("in front of the Prefecture Government office (Naha, Okinawa)"):
            # the chain's first part is the town
            if len(parts) >= 2 and (resolved := _resolve_chain((), parts, votes, score)) is not None:
                return resolved
            continue
        name = text[name_start : match.start()].strip()
        if _ACRONYM.fullmatch(name) or name.rsplit(" ", 1)[-1].lower() in _ORGANISATION_WORDS:
            continue  # "ISWAP (Greater Sahara)", "Labor Union Movement (Gasper)": an organisation, not a place
        # a city before the quarter of it: "Chicago - Far North Side (Illinois)", "Quito - Eloy Alfaro (Pichincha)"
        city = _CITY_DASH.search(text, max(sentence.start, name_start - 40), name_start)
        locality = lookup_spelled(city.group("city"), gazetteer.lookup) if city else ()
        if locality:  # the city's own name picks among its namesakes ("Sao Goncalo - Monjolo")
            name = city.group("city")
            # and its country the chain's: "Taizz - Usayfarah (Al Qahirah)" is the Al Qahirah district of
            # Taiz, not Cairo
            parts = _in_countries_of(locality, parts)
        locality = (
            locality or lookup_spelled(name, gazetteer.lookup) or _named_last(gazetteer, name)
            or _inside_chain(lookup_transliterated(name, gazetteer), parts)
        )
        if not locality and match.group().split(maxsplit=1)[0].lower() in _DISTRICT_NOUNS:
            # "Ghamr district (Sadah)": the district of that name, where the gazetteer knows it as one
            locality = tuple(
                c for c in lookup_spelled(name, gazetteer.lookup_area)
                if c.feature_class == "A" and parts and any(lies_within(c, area) for area in parts[0])
            )
        # an American town only the ZIP codes know, in the state of the chain ("near Sasabe (Arizona)",
        # not Sásabe, Sonora)
        locality = (*locality, *_inside_chain(gazetteer.lookup_town(name), parts))
        resolved = _resolve_chain(locality, parts, votes, score, name=name)
        if resolved is not None:
            return resolved
    return None


def _in_countries_of(
    locality: Sequence[GazetteerEntry], parts: Sequence[Sequence[GazetteerEntry]]
) -> list[tuple[GazetteerEntry, ...]]:
    """The chain's parts with only their candidates in the locality's countries; a part with none is dropped."""
    countries = {c.country for c in locality}
    return [kept for part in parts if (kept := tuple(c for c in part if c.country in countries))]


def _named_last(gazetteer: Gazetteer, name: str) -> tuple[GazetteerEntry, ...]:
    """The places of the name's end after "of" or "in", when its whole is no place ("the Rosemary
    District of Sarasota (Florida)", "the Diagonal Avenue of Barcelona (Cataluna)"); never a country
    ("the Embassy of Sudan (Seoul City - Yongsan)" stands in Seoul)."""
    words = name.split()
    for index, word in enumerate(words[:-1]):
        if word in ("of", "in") and words[index + 1][:1].isupper():
            found = lookup_spelled(" ".join(words[index + 1 :]), gazetteer.lookup)
            return tuple(c for c in found if not c.is_country)
    return ()


def _inside_chain(
    candidates: Sequence[GazetteerEntry], parts: Sequence[Sequence[GazetteerEntry]]
) -> tuple[GazetteerEntry, ...]:
    """The candidates that lie in the chain's innermost area, unless that is a country: a locality found
    only by its consonants must be where the chain says ("Maligaon (Kamrup Metropolitan, Assam)" is no
    Malegaon in Maharashtra, "Sindri (Dhanbad, Jharkhand)" no Sinduria 300 km from Dhanbad)."""
    if not parts:
        return ()
    return tuple(c for c in candidates if any(lies_locally(c, area, province=False) for area in parts[0]))


def _resolve_chain(
    locality: Sequence[GazetteerEntry],
    parts: Sequence[Sequence[GazetteerEntry]],
    votes: Counter,
    score: Callable[[GazetteerEntry, Counter], float],
    *,
    name: str = "",
) -> tuple[GazetteerEntry, str] | None:
    """The place and precision of a locality and its areas (innermost first), all in one country;
    None when no candidate lies in a country (a sea, a desert)."""
    names = list(dict.fromkeys(tuple(n) for n in ([locality, *parts] if locality else parts)))  # "X (X, X)"
    support: Counter = Counter()
    for candidates in names:
        support.update({c.country for c in candidates if c.country})
    if not support:
        return None
    # the areas that are areas there: "Chin" the Myanmar state, not a Chinese town of that other name
    # when the locality's name is no help: missing, or found in several countries ("Muse" in Ohio and
    # Yemen); a locality of one country ("Batibo (Batibo, Momo, Nord-Ouest)") keeps its own
    area_support: Counter = Counter()
    if len({c.country for c in locality if c.country}) != 1:
        for candidates in dict.fromkeys(tuple(part) for part in parts):
            if not locality or set(candidates) != set(locality):
                # a province counts more than a district of the name ("Merida, Merida": the Venezuelan
                # state, not the Mexican municipality)
                areas = {c.country: c.feature_code for c in candidates if c.country and c.feature_class == "A"}
                for area_country, code in areas.items():
                    area_support[area_country] += 1.0 if code == "ADM1" else 0.5

    def nested(country: str) -> bool:
        """Whether a locality of the country lies in an area of it ("La Paz (Entre Rios)")."""
        return any(
            lies_within(place, area)
            for place in locality if place.country == country
            for part in parts for area in part if area.country == country and area.feature_class != "P"
        )

    country = max(
        support,
        key=lambda c: (support[c], area_support[c], nested(c), votes[c], max(score(e, votes) for n in names for e in n if e.country == c), c),
    )
    kept = [[c for c in part if c.country == country] for part in parts]
    kept = [part for part in kept if part]
    areas = [c for part in kept for c in part]
    in_country = [c for c in locality if c.country == country]
    if in_country:
        best = max(
            in_country,
            key=lambda c: (
                # the areas it lies in, most first ("Sahiwal (Sahiwal, Punjab)": in the district and the
                # province, not the province only), then any place of the chain
                sum(lies_within(c, a) for a in areas if a.feature_class == "A"),
                any(lies_within(c, a) for a in areas),
                c.feature_class == "P",
                name_letters(c.name) == name_letters(name),  # "Khenifra" is Khenifra, not Kenitra of that other name
                score(c, votes),
            ),
        )
        if not _elsewhere(best, areas):
            return best, best.precision
    if not kept:
        best = max(locality, key=lambda c: score(c, votes))
        return best, best.precision
    outer = [c for part in kept[1:] for c in part]
    areas_here = [c for c in kept[0] if c.feature_class == "A"]
    area = max(
        kept[0],
        key=lambda c: (
            any(lies_within(c, o) for o in outer),
            # the town of the area's name, inside it, is a better point than the area's middle (not
            # California, Maryland for the state)
            c.feature_class == "P" and (not areas_here or any(lies_within(c, a) for a in areas_here)),
            score(c, votes),
        ),
    )
    return area, "country" if area.is_country else "admin"


#: A locality this far from every area of its chain (and in none of them) is another place of its name.
_ELSEWHERE_KM = 300.0


def _elsewhere(locality: GazetteerEntry, areas: Sequence[GazetteerEntry]) -> bool:
    """Whether the chain's country has the locality's name only far from where the chain says: then
    the gazetteer lacks the place meant, and the chain's area is the better point ("San Juan (Merida)"
    is no San Juan Bautista 850 km away in Nueva Esparta, "Tete (Mocimboa da Praia, Cabo Delgado)" no
    provincial capital Tete)."""
    return any(a.feature_class == "A" and not a.is_country for a in areas) and not any(
        lies_within(locality, a) or km_between(locality, a) <= _ELSEWHERE_KM for a in areas
    )


def chain_parts(
    gazetteer: Gazetteer, text: str, start: int, end: int, inside: Callable[[int, int], list[GazetteerEntry]]
) -> list[tuple[GazetteerEntry, ...]]:
    """The gazetteer candidates of the comma-separated areas of a chain, innermost first."""
    parts: list[tuple[GazetteerEntry, ...]] = []
    position = start
    for part in text[start:end].split(","):
        part_start = position + len(part) - len(part.lstrip())
        position += len(part) + 1
        words = part.split()
        if len(words) == 1 and (words[0].lower() in _NAME_SECTIONS | _DESIGNATIONS or _ACRONYM.fullmatch(words[0])):
            # "Dagon Myothit (North)"; "Boko Haram (JAS)", an organisation's acronym; "(Bogota, D.C.)"; but a
            # province's initials as the whole chain name it ("Rajouri city (J&K)")
            if "," in text[start:end] or not (candidates := _province_initials(gazetteer, words[0])):
                continue
            parts.append(candidates)
            continue
        candidates = lookup_spelled(" ".join(words), gazetteer.lookup_area) if len(words) > 1 else ()
        while words and words[-1].lower().split("-")[0] in CHAIN_TYPES:
            words.pop()
        if not words or not words[0][:1].isupper():
            continue
        # a toponym of the text inside the part names it ("Jogulamba Gadwal district"), but a country
        # only if it is the part's whole name: "(Courage Italy)" is a party, not Italy
        found = [
            e for e in inside(part_start, part_start + len(part))
            if not e.is_country or _alike(" ".join(w for w in words if w.lower() not in _NAME_SECTIONS), e.name)
        ]
        candidates = candidates or lookup_spelled(" ".join(words), gazetteer.lookup_area) or tuple(found[:1])
        if candidates:
            parts.append(candidates)
    return parts


def _province_initials(gazetteer: Gazetteer, word: str) -> tuple[GazetteerEntry, ...]:
    """The provinces that ``word``, an acronym, is another name of ("J&K", "KPK"), or ()."""
    if not _ACRONYM.fullmatch(word):
        return ()
    return tuple(c for c in gazetteer.lookup_area(word) if c.feature_code == "ADM1")


def _name_start(text: str, end: int, floor: int, not_places: frozenset[str]) -> int | None:
    """Where the capitalised name ending at ``end`` begins ("Ribeirao das Neves", "Dagon Myothit
    (North)"), or None."""
    start = None
    words = 0
    for match in reversed(list(re.finditer(r"\S+", text[max(floor, end - 80) : end]))):
        word = match.group()
        if _NAME_WORD.match(word) or (not words and _SECTION_WORD.match(word)):
            start, words = max(floor, end - 80) + match.start(), words + 1
        elif not (word in _CONNECTORS and words):
            break
        if words >= 5:
            break
    if start is not None and text[start:end].strip().lower() in not_places:
        return None
    return start


def _alike(written: str, name: str) -> bool:
    """Whether a written name is the gazetteer's ``name`` in another spelling ("Ar Raqqa" / "Ar Raqqah")."""
    return SequenceMatcher(None, name_letters(written), name_letters(name)).ratio() >= ALIKE


#: "coded to X", "coded as X", "location coded as X", "coded to territorial capital X": the place an
#: event note says the event is placed at; its areas may follow ("coded to Cumana, Sucre").
_CODED = re.compile(
    r"\b[Cc]oded\s+(?:to|as)\s+(?:the\s+)?(?:(?:territorial\s+|district\s+|provincial\s+)?capital\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|al|de|del|da|do|dos|wa|el|ez|of|la|las|los)){0,5})"
)
#: Words after a coded place's name that are no part of it: "coded to Al Kamb Military Camp".
_CODED_TAIL = frozenset({"military", "camp", "base", "city", "town", "village", "area", "district", "airport", "port"})
_CODED_AREAS = re.compile(
    r"(?:\s+(?:city|town|village|district|area))?(?:,\s*|\)?\s*\()(?P<areas>[A-Z][^()\[\]]{1,120}?)[)\]]"
)  # "coded as Rampurhat city (Birbhum district, WB)", "(coded to Al Khawkhah) (Al Khawkhah, Al Hudaydah)"


def coded_location(
    gazetteer: Gazetteer,
    text: str,
    sentence: Span,
    *,
    votes: Counter,
    inside: Callable[[int, int], list[GazetteerEntry]],
    score: Callable[[GazetteerEntry, Counter], float],
    not_places: frozenset[str] = frozenset(),
) -> tuple[GazetteerEntry, str] | None:
    """The place and precision an event note codes the event to, in ``sentence`` or else anywhere in
    the text (a note's coding holds for its event); None when it codes none or the gazetteer lacks it."""
    matches = list(_CODED.finditer(text, sentence.start, sentence.end)) or list(_CODED.finditer(text))
    for match in matches:
        words = match.group("name").split(" ")
        locality: tuple[GazetteerEntry, ...] = ()
        for size in range(len(words), 0, -1):  # "Al Kamb Military Camp", then "Al Kamb Military"...
            if size < len(words) and words[size].lower() not in _CODED_TAIL:
                break  # "coded as Kashmir Rebels" codes an actor
            name = " ".join(words[:size]).rstrip(".,")
            if name.lower() not in not_places and len(name) >= 3:
                locality = lookup_spelled(name, gazetteer.lookup)
            if locality:
                break
        if not locality:
            continue
        parts: list[tuple[GazetteerEntry, ...]] = []
        if size == len(words) and (areas := _CODED_AREAS.match(text, match.end())):
            parts = chain_parts(gazetteer, text, areas.start("areas"), areas.end("areas"), inside)
            parts = [part for part in parts if set(part) != set(locality)]  # "Kalehe, Kalehe"
            # the areas of the coded place's countries ("coded to the capital Manama) (Capital)": no Capital
            # elsewhere)
            parts = _in_countries_of(locality, parts)
        resolved = _resolve_chain(locality, parts, votes, score, name=name) if parts else None
        if resolved is not None:
            return resolved
        best = max(locality, key=lambda c: score(c, votes))
        return best, best.precision
    return None
