"""Where an event happened: the place of its sentence in a locative phrase ("in eastern Ukraine"),
else another place of the sentence that is not its source's or target's, else the dateline, else
the report's main place (:func:`event_place`).

When the text names a place inside another ("outside Holyrood in Edinburgh", "Babur neighbourhood in
Yakkasaray district of Tashkent city", "Kartal town, Istanbul"), the inner place lies in the outer
one. Where its resolved entry does not (a namesake elsewhere, or a building or square the gazetteer
took for a town), the outer place is the event's place (:func:`enclosing_place`); where the inner
place is a town that lies in the locative one ("the farms of Al Bab city in Aleppo governorate"), the
town is (:func:`inner_place`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .place_ranking import NEAR_KM, km_between, lies_within
from .place_words import AREA_WORD, is_locative

#: How far from a province's middle a place of it may lie, for a province without an admin1 code.
PROVINCE_KM = 600.0

if TYPE_CHECKING:
    from .model import Event
    from .places import ResolvedToponym

#: Words of what lies inside a place: "Babur neighbourhood in", "the Energy Regulation Agency building in".
_INNER_WORDS = (
    r"(?:neighbou?rhood|district|village|town|city|area|square|building|office|street|camp|station|park|market|"
    r"mosque|church|hospital|prison|base|checkpoint|sector|quarter|suburb|township|block|locality|road|bridge|"
    r"gate|branch|headquarters|cent(?:er|re)|hall|university|school|court|embassy|compound|field|oilfield|mine|"
    r"port|airport|countryside|outskirts|vicinity|valley|region|municipality|commune|ward)"
)
#: What stands between a place and the place it lies in: "X in Y", "X located in Y", "X village of
#: Y", "X neighbourhood in Z district of Y", "X town, Y", "X's office in Y", "X village in the eastern
#: countryside of Y".
_INSIDE_GAP = re.compile(
    rf"(?:['’]s)?(?:\s+(?:[A-Z][\w'’-]*|{_INNER_WORDS})){{0,4}}?\s+(?:in|of|located\s+in|inside|within)\s+(?:the\s+)?"
    rf"(?:(?:city|town|province|district|region|governorate|state|county|village|municipality)\s+of\s+"
    rf"|(?:(?:north|south|east|west)(?:ern)?\s+)?(?:countryside|outskirts|suburbs|vicinity)\s+of\s+(?:the\s+)?)?"
    rf"|(?:\s+{_INNER_WORDS})?\s*,\s*"
)
#: Words by which a report says a place is small: it lies in whatever the next place is.
_SMALL_PLACE = re.compile(r"\b(?:village|hamlet|neighbou?rhood|camp|countryside|outskirts|suburbs|vicinity)\b")
#: What stands between a place and the area it is said to lie in: "Al Bab city in Aleppo governorate".
_IN_GAP = re.compile(rf"(?:\s+{_INNER_WORDS})?\s+(?:in|of|inside|within)\s+(?:the\s+)?")
#: A list goes on after the second place: "in Hajjah, Marib, and Sadah" names three places.
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|&)\b")


def enclosing_place(
    text: str, chosen: ResolvedToponym, in_sentence: Sequence[ResolvedToponym]
) -> ResolvedToponym:
    """The place that ``chosen`` is said to lie in, when its entry is not there; else ``chosen``."""
    following = [r for r in in_sentence if r.toponym.start >= chosen.toponym.end]
    if not following:
        return chosen
    outer = min(following, key=lambda r: r.toponym.start)
    if outer.entry.is_country and chosen.entry.country == outer.entry.country:
        return chosen
    gap = _INSIDE_GAP.fullmatch(text, chosen.toponym.end, outer.toponym.start)
    if gap is None or any(mark in gap.group() for mark in ".;:()[]"):
        return chosen
    if _LIST_GOES_ON.match(text, outer.toponym.end):
        return chosen
    entry, area = chosen.entry, outer.entry
    if entry == area or _lies_in(entry, area):
        return chosen
    # the place a smaller one lies in is the larger: "Kartal town, Istanbul", not "Tijuana, Baja"; but a
    # village is said to be one ("Khaneh village in the southern countryside of Ain al Arab": not Iran's
    # Piranshahr, which GeoNames also calls Khaneh)
    if area.feature_class == "P" and area.population < entry.population and not _SMALL_PLACE.search(gap.group()):
        return chosen
    # an area read as its town ("Zhezkazgan township in Qaraghandy region": the city of Karaganda): a
    # town's point says nothing of the area's extent
    if area.feature_class == "P" and entry.country == area.country and AREA_WORD.match(text, outer.toponym.end):
        return chosen
    return outer


def inner_place(text: str, chosen: ResolvedToponym, in_sentence: Sequence[ResolvedToponym]) -> ResolvedToponym | None:
    """The place named right before ``chosen`` as lying in it ("the farms of Al Bab city in Aleppo
    governorate": Al Bab), when its entry does lie there; else None."""
    before = [r for r in in_sentence if r.toponym.end <= chosen.toponym.start]
    if not before:
        return None
    inner = max(before, key=lambda r: r.toponym.end)
    if not _IN_GAP.fullmatch(text, inner.toponym.end, chosen.toponym.start):
        return None
    entry, area = inner.entry, chosen.entry
    if entry == area or entry.feature_class != "P" or not _lies_in(entry, area):
        return None  # "the Parliament of Norway in Oslo", "the Puglia Region headquarters in Lecce"
    if area.feature_class == "P" and area.population <= entry.population:
        return None
    return inner


def _lies_in(entry, area) -> bool:
    """Whether ``entry`` can lie in ``area``: in its country and its province, or near its point."""
    if entry.country != area.country:
        return False
    if area.is_country:
        return True
    if area.feature_code == "ADM1" and not area.admin1:  # a province known by its middle only
        return km_between(entry, area) < PROVINCE_KM
    return lies_within(entry, area) or km_between(entry, area) < NEAR_KM


_PRECISION_RANK = {"point": 0, "admin": 1, "country": 2}


def event_place(text: str, event: Event, resolved: Sequence[ResolvedToponym]) -> ResolvedToponym | None:
    """The resolved toponym where ``event`` happened, by the rules of the module docstring (None when
    the report has no place)."""
    sentence = event.sentence
    arguments = [a.span for a in (event.source, event.target) if a is not None]
    in_sentence = [
        r for r in resolved
        if sentence.start <= r.toponym.start and r.toponym.end <= sentence.end and not r.metonym
    ]
    qualifiers = {
        second.toponym.start
        for first, second in zip(in_sentence, in_sentence[1:])
        if text[first.toponym.end : second.toponym.start].strip() in (",", "(", ", (")
    }

    def rank(item: ResolvedToponym) -> tuple:
        """The most precise place, not a qualifier of another ("Hamilton (Ontario)"), the first."""
        return (_PRECISION_RANK[item.entry.precision], item.toponym.start in qualifiers, item.toponym.start)

    locative = [r for r in in_sentence if is_locative(text, r.toponym.start, sentence.start)]
    if locative:
        chosen = min(locative, key=rank)
        return inner_place(text, chosen, in_sentence) or enclosing_place(text, chosen, in_sentence)
    free = [r for r in in_sentence if not any(a.start <= r.toponym.start < a.end for a in arguments)]
    if free and all(r.entry.precision == "country" for r in free):
        # only countries the sentence speaks of ("They condemned Russia's attack on Ukraine"):
        # the event stays where the report last placed one ("demonstrators gathered in Sens.")
        earlier = [
            r for r in resolved
            if r.toponym.end <= sentence.start and r.entry.precision != "country" and not r.metonym
            and is_locative(text, r.toponym.start, max(0, r.toponym.start - 60))
        ]
        if earlier:
            return earlier[-1]
    if free:
        return enclosing_place(text, min(free, key=rank), in_sentence)
    dateline = next((r for r in resolved if r.toponym.kind == "dateline"), None)
    if dateline is not None:
        return dateline
    return _main_place(resolved)


def _main_place(resolved: Sequence[ResolvedToponym]) -> ResolvedToponym | None:
    """The most mentioned place of the report where it is not an actor (the first on a tie)."""
    candidates = [r for r in resolved if not r.actor] or [r for r in resolved if not r.metonym]
    if not candidates:
        return None
    counts = Counter((r.entry.geonameid, r.entry.name) for r in candidates)
    return max(candidates, key=lambda r: (counts[(r.entry.geonameid, r.entry.name)], -r.toponym.start))
