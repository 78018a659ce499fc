"""Offices named by title alone: "the Ukrainian president" on 23 February 2022 is Volodymyr Zelenskyy.

A phrase that names a country's office and no person ("the Ukrainian president", "Russia's foreign
minister", "the president of Ukraine") is linked to the dictionary's holder of that office on the
report's date, so that it becomes the same actor as the holder's other mentions. The index is built from
the role texts of the actor dictionaries ("President of Ukraine", "Foreign Minister of Spain",
"US Secretary of State"); an office with no known holder, or with two on that date, is left unlinked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actor_lexicon import ActorRecord

#: Title words (lower case, as the lexicon splits them) -> the office they name.
OFFICE_TITLES = {
    "president": "president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "chancellor": "chancellor",
    "foreign minister": "foreign minister",
    "foreign secretary": "foreign minister",
    "secretary of state": "foreign minister",
    "top diplomat": "foreign minister",
    "defence minister": "defence minister",
    "defense minister": "defence minister",
    "defence secretary": "defence minister",
    "defense secretary": "defence minister",
    "secretary of defense": "defence minister",
}
#: Role texts of the dictionaries -> office. Checked in order; the first match wins.
_ROLE_OFFICES = (
    ("president", re.compile(r"(?:interim |transitional |acting )?president of ", re.I)),
    ("prime minister", re.compile(r"(?:acting |interim )?(?:prime minister|premier) of ", re.I)),
    ("chancellor", re.compile(r"(?:federal )?chancellor of ", re.I)),
    ("foreign minister", re.compile(r"(?:[a-z]+ )?(?:foreign minister|foreign secretary|minister of foreign affairs|secretary of state)\b", re.I)),
    ("defence minister", re.compile(r"(?:[a-z]+ )?(?:defen[cs]e minister|defen[cs]e secretary|minister of defen[cs]e|secretary of defense)\b", re.I)),
)
#: Words that make a title name someone else ("vice president", "former foreign minister").
_NOT_THE_HOLDER = frozenset({"vice", "deputy", "former", "ex", "acting", "late", "first", "next", "future", "then", "previous"})


def office_of_role(role_text: str | None) -> str | None:
    """The office a dictionary role text describes ("President of Ukraine" -> "president"), if any."""
    if not role_text:
        return None
    for office, pattern in _ROLE_OFFICES:
        if pattern.match(role_text):
            return office
    return None


class OfficeIndex:
    """Who held each country's offices when: (country, office) -> [(start, end, record)]."""

    def __init__(self, records: Iterable[ActorRecord]) -> None:
        self._holders: dict[tuple[str, str], list[tuple[date | None, date | None, ActorRecord]]] = defaultdict(list)
        for record in records:
            if record.kind != "person":
                continue
            for role in record.roles:
                office = office_of_role(role.role)
                if office and role.country and role.country != "IGO" and role.sector == "GOV":
                    self._holders[(role.country, office)].append((role.start, role.end, record))

    def holder(self, country: str, office: str, on: date) -> ActorRecord | None:
        """The one person who held ``office`` of ``country`` on ``on``, else None."""
        found = {
            record.name: record
            for start, end, record in self._holders.get((country, office), ())
            if (start is None or start <= on) and (end is None or on <= end)
        }
        return next(iter(found.values())) if len(found) == 1 else None


def titled_office(keys: Sequence[str], start: int, end: int) -> str | None:
    """The office named by the title at ``keys[start:end]``, when the phrase is that title alone, with
    its country: "the ukrainian president", "ukraine foreign minister", "president of ukraine"."""
    office = OFFICE_TITLES.get(" ".join(keys[start:end]))
    if office is None or _NOT_THE_HOLDER.intersection(keys):
        return None
    if end == len(keys) or (keys[end] == "of" and end + 1 < len(keys)):
        return office
    return None
