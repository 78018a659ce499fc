"""Context of American local news for place resolution: the US state a report is about, its towns
that only the ZIP-code source knows, the counties it lists, and the namesakes it prefers there (the
town in its state, a state before a foreign country of the name).

Local papers rarely name their state; their towns agree on it ("Paris" and "Lamar County" are both in
Texas), and "City, ST" or "City, Tenn." says it outright.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from .gazetteer import US_STATE_CODES, GazetteerEntry, fold_name

if TYPE_CHECKING:
    from .places import Toponym

_NAMED_STATE_VOTE = 2.0  # a state named in the text, against 1 for each American place name
#: The top state's votes for the report to be about it: a place name found in that state only, or a state named.
_LOCAL_STATE_VOTES = 1.0
_LOCAL_DOMINANCE = 3.0  # American context this many times the foreign place's (prefer_local_namesake)
_STATE_BONUS = 3.0  # a place in the US state the report is most about; other states in proportion
_LARGE_NAMESAKE = 200_000  # a city this large is meant by its name even where a village shares it
#: US state abbreviations (postal codes and the AP's) to admin1 codes: "Paris, Tenn.", "Gainesville, GA".
US_STATE_ABBREVIATIONS = MappingProxyType({
    **{code.lower(): code for code in sorted(US_STATE_CODES)},
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "d.c": "DC", "fla": "FL", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "md": "MD",
    "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE",
    "nev": "NV", "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK",
    "ore": "OR", "pa": "PA", "penn": "PA", "r.i": "RI", "s.c": "SC", "s.d": "SD", "tenn": "TN", "tex": "TX",
    "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV", "w. va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
    "ga": "GA",
})
_STATE_AFTER_COMMA = re.compile(
    r"(?<=[a-z]),\s(?P<state>[A-Z]{2}\b(?!\.?\s?[a-z])|(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z]|[A-Z]\.\s?[A-Z][a-z])\.)"
)


_LISTED_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
#: A list of two or more names before "counties" or "parishes": "Barrow, Jackson and Madison counties".
_COUNTY_LIST = re.compile(
    rf"(?P<names>{_LISTED_NAME}(?:(?:, (?:and |or )?| (?:and|or) ){_LISTED_NAME})+) (?P<kind>counties|parishes)\b"
)
_LIST_SEPARATOR = re.compile(r", (?:and |or )?| (?:and|or) ")


def county_list_names(text: str) -> list[tuple[int, int, str]]:
    """The names of American counties listed before "counties" ("Navarro, Henderson and Ellis counties")
    or "parishes": ``(start, end, name)``, the name as the gazetteer writes it ("Navarro County")."""
    found = []
    for match in _COUNTY_LIST.finditer(text):
        suffix = " County" if match.group("kind") == "counties" else " Parish"
        start = match.start("names")
        for piece in _LIST_SEPARATOR.split(match.group("names")):
            offset = text.index(piece, start)
            found.append((offset, offset + len(piece), piece + suffix))
            start = offset + len(piece)
    return found


def listed_counties(
    text: str, lookup: Callable[[str], Sequence[GazetteerEntry]]
) -> list[tuple[int, int, tuple[GazetteerEntry, ...]]]:
    """The American counties listed in ``text`` (:func:`county_list_names`) that ``lookup`` knows:
    ``(start, end, candidates)``; a sentence's first word before the list is no part of a name ("In
    Navarro, Henderson and Ellis counties": Navarro County)."""
    found = []
    for start, end, name in county_list_names(text):
        words = name.split(" ")
        for first in range(min(2, len(words) - 1)):
            candidates = tuple(c for c in lookup(" ".join(words[first:])) if c.country == "USA")
            if candidates:
                found.append((start + len(" ".join(words[:first])) + (1 if first else 0), end, candidates))
                break
    return found


def state_votes(text: str, toponyms: Sequence[Toponym], chosen: Sequence[GazetteerEntry]) -> Counter:
    """The US states a report is about, by admin1 code: states it names ("Texas", "Paris, Tenn.",
    "Gainesville, GA"), and the states of its American place names, a name found in one state only
    counting fully and a name found in several sharing its vote (a local paper's towns agree). Names
    read as countries vote only for states the report's other places vote for, when there are several:
    "Mexico", "Norway" and "China" are all towns of Maine, and a report on a pandemic that names the
    three countries is no report on Maine; a lone "Jordan" in a local paper still votes for Minnesota."""
    votes: Counter = Counter()
    countries: list[tuple[str, set[str]]] = []  # names read as countries, with the states of their namesakes
    for toponym, entry in zip(toponyms, chosen):
        if entry.country == "USA" and entry.feature_code == "ADM1" and entry.admin1:
            votes[entry.admin1] += _NAMED_STATE_VOTE
            continue
        states = {c.admin1 for c in toponym.candidates if c.country == "USA" and c.admin1 and c.feature_code != "ADM1"}
        if entry.is_country:
            if states:
                countries.append((fold_name(toponym.text), states))
            continue
        for state in states:
            votes[state] += 1.0 / len(states)
    for match in _STATE_AFTER_COMMA.finditer(text):
        state = US_STATE_ABBREVIATIONS.get(match.group("state").rstrip(".").lower())
        if state:
            votes[state] += _NAMED_STATE_VOTE
    lone = len({name for name, _ in countries}) == 1
    for _, states in countries:
        for state in states:
            if votes[state] > 0 or lone:
                votes[state] += 1.0 / len(states)
    return votes


def report_state(states: Counter) -> str | None:
    """The US state a report is about (by :func:`state_votes`), when its votes say so clearly enough."""
    if not states:
        return None
    state, votes = states.most_common(1)[0]
    return state if votes >= _LOCAL_STATE_VOTES else None


def add_local_towns(
    text: str,
    toponyms: list[Toponym],
    towns: Sequence[tuple[Toponym, str]],
    *,
    prior: Callable[[GazetteerEntry], float],
) -> list[tuple[Toponym, str]]:
    """Add to ``toponyms`` the American towns that only the ZIP-code source knows ("Harwinton"), each
    as its town in the state the report is most about, when it has one there; return the others
    (with their entity labels), which are no such towns here.

    ``towns`` are place entities with their ZIP-code towns as candidates; ``prior`` ranks the
    candidates of the other toponyms, whose states say what the report is about."""
    top = report_state(state_votes(text, toponyms, [max(t.candidates, key=prior) for t in toponyms]))
    others = []
    for town, label in towns:
        local = tuple(c for c in town.candidates if top is not None and c.admin1 == top)
        if local:
            toponyms.append(dataclasses.replace(town, candidates=local))
        else:
            others.append((town, label))
    return others


def add_local_namesakes(
    toponyms: Sequence[Toponym], states: Counter, *, towns_of: Callable[[str], Sequence[GazetteerEntry]]
) -> list[Toponym]:
    """``toponyms``, a place name with no reading in the state the report is most about taking the town
    of its name there as a further candidate, when only the ZIP-code source knows it (``towns_of``):
    "Brandon" in a Minnesota report is no town of Vermont (see :func:`with_local_town`)."""
    state = report_state(states)
    if state is None:
        return list(toponyms)
    return [with_local_town(toponym, state, towns_of=towns_of) for toponym in toponyms]


def add_qualified_towns(
    toponyms: Sequence[Toponym],
    qualifiers: Mapping[int, GazetteerEntry],
    *,
    towns_of: Callable[[str], Sequence[GazetteerEntry]],
) -> list[Toponym]:
    """``toponyms``, a place name qualified by a US state ("Orient, Ohio", "Greenwood, W. Va.": ``qualifiers``
    by the name's start) taking the town of its name in that state as a further candidate, when only
    the ZIP-code source knows it (``towns_of``; GeoNames calls Knox City, Texas, "Orient" too)."""
    found = []
    for toponym in toponyms:
        area = qualifiers.get(toponym.start)
        if area is not None and area.country == "USA" and area.feature_code == "ADM1" and area.admin1:
            toponym = with_local_town(toponym, area.admin1, towns_of=towns_of)
        found.append(toponym)
    return found


def with_local_town(toponym: Toponym, state: str, *, towns_of: Callable[[str], Sequence[GazetteerEntry]]) -> Toponym:
    """``toponym`` with the ZIP-code towns of its name in ``state`` as further candidates, when none of
    its candidates lies there. Countries, provinces and other areas keep their candidates, and so does a
    large city's name ("Atlanta", "Denver": the city, even in a report about a state with a village of
    that name)."""
    if toponym.kind in ("town", "demonym") or any(
        c.feature_class != "P" or (c.country == "USA" and c.admin1 == state) or c.population >= _LARGE_NAMESAKE
        for c in toponym.candidates
    ):
        return toponym
    local = tuple(town for town in towns_of(toponym.text) if town.admin1 == state)
    return dataclasses.replace(toponym, candidates=(*toponym.candidates, *local)) if local else toponym


_HYPHENATED = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)+")


def inside_compound_name(text: str, start: int, end: int, is_name) -> bool:
    """Whether ``text[start:end]`` is only a piece of a hyphenated proper name ("Croix" in
    "Croix-des-Bouquets", "Babila" in "Babila-Babombi"): another capitalised piece of the compound is
    no place name itself. "Kyiv-based", "anti-Israel" and "Russia-Ukraine" keep their place names."""
    if not ((start > 0 and text[start - 1] in "-‐") or (end < len(text) and text[end : end + 1] in ("-", "‐"))):
        return False
    left = start
    while left > 1 and text[left - 1] in "-‐" and text[left - 2].isalpha():
        left -= 1
        while left > 0 and text[left - 1].isalpha():
            left -= 1
    match = _HYPHENATED.match(text, left)
    if match is None or match.end() < end:
        return False
    pieces = [m for m in re.finditer(r"[^\W\d_]+", match.group()) if not (start <= left + m.start() < end)]
    return any(piece.group()[0].isupper() and not is_name(piece.group()) for piece in pieces)


def prefer_state(
    toponym: Toponym, entry: GazetteerEntry, states: Counter, score: Callable[[GazetteerEntry], float]
) -> GazetteerEntry:
    """Among American places of the same name ("Paris", "Henry County"), the one in the state the
    report is most about, population breaking ties (a town of 10,000 people before one of 500)."""
    if not states or entry.country != "USA" or not (entry.feature_class == "P" or entry.feature_code == "ADM2"):
        return entry
    key = fold_name(entry.name)
    namesakes = [
        c for c in toponym.candidates
        if c.country == "USA" and c.feature_code == entry.feature_code and fold_name(c.name) == key
    ]
    if len(namesakes) < 2:
        return entry
    top = states.most_common(1)[0][1]
    return max(namesakes, key=lambda c: _STATE_BONUS * states[c.admin1] / top + score(c))


def prefer_local_namesake(
    toponym: Toponym, entry: GazetteerEntry, states: Counter, context: Counter, *, prior: Callable[[GazetteerEntry], float]
) -> GazetteerEntry:
    """An American town of the name in the state an American report is about, before a foreign place
    (or a country) that nothing else in the report points to: "Paris" in a Texan paper that names
    Lamar County, "Lebanon" in a Pennsylvanian one."""
    if entry.country in ("USA", None) or not states or context["USA"] < _LOCAL_DOMINANCE * context[entry.country]:
        return entry  # a continent or a region of several countries is not foreign ("the Middle East")
    if not context["USA"] or context.most_common(1)[0][0] != "USA":
        return entry
    state = report_state(states)
    if state is None:
        return entry
    key = fold_name(toponym.text)
    local = [
        c for c in toponym.candidates
        if c.country == "USA" and c.admin1 == state and c.feature_class == "P" and fold_name(c.name) == key
    ]
    return max(local, key=prior) if local else entry


def prefer_admin_area(toponym: Toponym, entry: GazetteerEntry, context: Counter) -> GazetteerEntry:
    """A state of the report's main country before a foreign country of the same name ("Georgia" in
    American news), when the report's context is mostly that country's."""
    if not entry.is_country or not context:
        return entry
    top, votes = context.most_common(1)[0]
    rivals = [c for c in toponym.candidates if c.feature_code == "ADM1" and c.country == top != entry.country]
    if rivals and votes >= 2 * context[entry.country]:
        return rivals[0]
    return entry
