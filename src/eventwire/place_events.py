"""Where an event happened, when the text names a place inside another: "outside Holyrood in
Edinburgh", "Babur neighbourhood in Yakkasaray district of Tashkent city", "Kartal town, Istanbul".

The inner place lies in the outer one. Where its resolved entry does not (a namesake elsewhere, or a
building or square the gazetteer took for a town), the outer place is the event's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .place_ranking import NEAR_KM, km_between, lies_within

#: How far from a province's middle a place of it may lie, for a province without an admin1 code.
PROVINCE_KM = 600.0

if TYPE_CHECKING:
    from .places import ResolvedToponym

#: Words of what lies inside a place: "Babur neighbourhood in", "the Energy Regulation Agency building in".
_INNER_WORDS = (
    r"(?:neighbou?rhood|district|village|town|city|area|square|building|office|street|camp|station|park|market|"
    r"mosque|church|hospital|prison|base|checkpoint|sector|quarter|suburb|township|block|locality|road|bridge|"
    r"gate|branch|headquarters|cent(?:er|re)|hall|university|school|court|embassy|compound|field|oilfield|mine|"
    r"port|airport|countryside|outskirts|vicinity|valley|region|municipality|commune|ward)"
)
#: What stands between a place and the place it lies in: "X in Y", "X located in Y", "X village of
#: Y", "X neighbourhood in Z district of Y", "X town, Y", "X's office in Y".
_INSIDE_GAP = re.compile(
    rf"(?:['’]s)?(?:\s+(?:[A-Z][\w'’-]*|{_INNER_WORDS})){{0,4}}?\s+(?:in|of|located\s+in|inside|within)\s+(?:the\s+)?"
    rf"(?:(?:city|town|province|district|region|governorate|state|county|village|municipality)\s+of\s+)?"
    rf"|(?:\s+{_INNER_WORDS})?\s*,\s*"
)
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
    # the place a smaller one lies in is the larger: "Kartal town, Istanbul", not "Tijuana, Baja"
    if area.feature_class == "P" and area.population < entry.population:
        return chosen
    # an area read as its town ("Zhezkazgan township in Qaraghandy region": the city of Karaganda): a
    # town's point says nothing of the area's extent
    if area.feature_class == "P" and entry.country == area.country and _AREA_WORD.match(text, outer.toponym.end):
        return chosen
    return outer


#: An area's word after its name: "Qaraghandy region", "Idlib province".
_AREA_WORD = re.compile(r"\s+(?:region|province|governorate|state|district|oblast|county|department|prefecture)\b", re.IGNORECASE)


def _lies_in(entry, area) -> bool:
    """Whether ``entry`` can lie in ``area``: in its country and its province, or near its point."""
    if entry.country != area.country:
        return False
    if area.is_country:
        return True
    if area.feature_code == "ADM1" and not area.admin1:  # a province known by its middle only
        return km_between(entry, area) < PROVINCE_KM
    return lies_within(entry, area) or km_between(entry, area) < NEAR_KM
