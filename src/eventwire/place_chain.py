"""Localities with their administrative chain: "Burasi (Irumu, Ituri)", "Nyaung Yin village (Pauk
township, Pakokku district, Magway region)", "Shiroro LGA (Niger)".

The names of a chain agree on one country: the country where most of them (the locality included)
have a candidate, the report's countries breaking ties. Names with no candidate there are other
places of that name (or missing from the gazetteer) and are left out, so "Ampang (Mangu, Plateau)"
is not the Malaysian city and "(Ukum, Benue)" is not in Mexico. The locality is its candidate in that
country, inside (or near) the chain's areas; a locality the gazetteer lacks falls back to the
innermost area it knows (precision "admin").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from .gazetteer import Gazetteer, GazetteerEntry
from .model import Span
from .place_ranking import lies_within

#: A locality with its administrative chain.
CHAIN = re.compile(
    r"(?:\s+(?:village|town|city|township|municipality|rural municipality|district|area|neighbou?rhood|"
    r"sub-county|subcounty|locality|camp|ward|commune|county|parish|LGA|kebele|woreda|corregimiento|"
    r"groupement|block)(?:-\d+)?)?\s*\((?P<areas>[A-Z][^()]{1,120})\)"
)
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
#: A city before the quarter of it that a chain follows: "Chicago - Far North Side (Illinois)".
_CITY_DASH = re.compile(r"(?P<city>[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3}) [-–] \Z")
_NAME_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[\w'’.]+)*\Z")
_SECTION_WORD = re.compile(r"\((?:North|South|East|West|Upper|Lower|Middle|Central)\)\Z")
#: Lower-case words inside place names ("Port of Spain", "Ribeirao das Neves").
_CONNECTORS = frozenset({"of", "de", "da", "das", "do", "dos", "del", "la", "le", "el", "al", "wa", "upon", "sur", "di", "du", "des"})


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
            continue
        locality = gazetteer.lookup(text[name_start : match.start()].strip())
        if not locality and (city := _CITY_DASH.search(text, max(sentence.start, name_start - 40), name_start)):
            locality = gazetteer.lookup(city.group("city"))  # "Chicago - Far North Side (Illinois)"
        return _resolve_chain(locality, parts, votes, score)
    return None


def _resolve_chain(
    locality: Sequence[GazetteerEntry],
    parts: Sequence[Sequence[GazetteerEntry]],
    votes: Counter,
    score: Callable[[GazetteerEntry, Counter], float],
) -> tuple[GazetteerEntry, str]:
    names = list(dict.fromkeys(tuple(n) for n in ([locality, *parts] if locality else parts)))  # "X (X, X)"
    support: Counter = Counter()
    for candidates in names:
        support.update({c.country for c in candidates if c.country})

    def nested(country: str) -> bool:
        """Whether a locality of the country lies in an area of it ("La Paz (Entre Rios)")."""
        return any(
            lies_within(place, area)
            for place in locality if place.country == country
            for part in parts for area in part if area.country == country and area.feature_class != "P"
        )

    country = max(
        support,
        key=lambda c: (support[c], nested(c), votes[c], max(score(e, votes) for n in names for e in n if e.country == c), c),
    )
    kept = [[c for c in part if c.country == country] for part in parts]
    kept = [part for part in kept if part]
    areas = [c for part in kept for c in part]
    in_country = [c for c in locality if c.country == country]
    if in_country:
        best = max(
            in_country,
            key=lambda c: (any(lies_within(c, a) for a in areas), c.feature_class == "P", score(c, votes)),
        )
        return best, best.precision
    if not kept:
        best = max(locality, key=lambda c: score(c, votes))
        return best, best.precision
    outer = [c for part in kept[1:] for c in part]
    area = max(
        kept[0],
        key=lambda c: (
            any(lies_within(c, o) for o in outer),
            c.feature_class == "P",  # the town of the area's name is a better point than the area's middle
            score(c, votes),
        ),
    )
    return area, "country" if area.is_country else "admin"


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
        if len(words) == 1 and words[0].lower() in _NAME_SECTIONS:
            continue
        candidates = gazetteer.lookup_area(" ".join(words)) if len(words) > 1 else ()
        while words and words[-1].lower().split("-")[0] in CHAIN_TYPES:
            words.pop()
        if not words or not words[0][:1].isupper():
            continue
        found = inside(part_start, part_start + len(part))
        candidates = candidates or gazetteer.lookup_area(" ".join(words)) or tuple(found[:1])
        if candidates:
            parts.append(candidates)
    return parts


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
