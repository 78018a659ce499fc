"""Words around place names, shared by the stages' place modules: what joins the words of a name,
ends an administrative one, and makes a phrase locative ("in eastern", "the village of"), so that a
place named there is where something happens.
"""

from __future__ import annotations

import re

#: Lower-case words inside place names ("Port of Spain", "Ribeirao das Neves").
NAME_CONNECTORS = frozenset(
    {"of", "de", "da", "das", "do", "dos", "del", "la", "le", "el", "al", "wa", "upon", "sur", "di", "du", "des", "on", "and",
     "los", "las", "les", "y", "della", "van", "der", "den", "am", "im",
     "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "en", "er", "ul", "um", "bin", "ibn", "abu"}  # "Deir ez Zor"
)
#: Articles of names that name nothing alone ("Los" of "Los Ruices"); not "Van" or "Of", Turkish towns.
#: Titles before a person's name: "coach Ripley", "President Obama" name no place; and abbreviated,
#: with their period ("Mrs. Lincoln", "Sen. Miller": a period after another word ends a sentence).
PERSON_TITLES = frozenset(
    {"coach", "senator", "governor", "president", "judge", "officer", "sergeant", "captain", "detective",
     "professor", "pastor", "father", "sister", "brother", "trooper", "deputy", "mayor", "councilman", "councilwoman"}
)
ABBREVIATED_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "sgt", "capt", "det", "lt", "col", "prof", "rev"}
)
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)(\.?)\s+\Z")


def after_person_title(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a person's title ("coach Ripley", "Mrs. Lincoln")."""
    match = _TITLE_BEFORE.search(text, max(0, start - 20), start)
    if match is None:
        return False
    title = match.group(1).lower()
    return title in ABBREVIATED_TITLES or (title in PERSON_TITLES and not match.group(2))


LONE_ARTICLES = frozenset({"los", "las", "el", "la", "al", "le", "les", "de", "del", "das", "dos", "des", "y", "abu", "bin", "ibn"})
#: Words that end an administrative name ("Kherson region"); the name without them is looked up too.
ADMIN_SUFFIXES = frozenset(
    {"region", "province", "oblast", "state", "county", "district", "governorate", "city", "prefecture",
     "department", "municipality", "sub-county", "subcounty", "division", "parish", "area", "town", "village"}
)
#: A place after one of these is where something happens ("in", "near", "the village of").
LOCATIVE_WORDS = frozenset(
    {"in", "near", "at", "outside", "around", "across", "throughout", "inside", "into", "within", "towards",
     "toward", "nearby", "on", "entering", "entered", "enter", "enters", "reached", "reaching"}
)
LOCATIVE_NOUNS = frozenset(
    {"village", "town", "city", "region", "province", "district", "outskirts", "area", "suburb", "suburbs",
     "county", "state", "governorate", "oblast", "capital", "municipality", "neighbourhood", "neighborhood",
     "port", "settlement", "centre", "center", "streets", "camp", "border", "mayor", "governor", "residents",
     "hospital", "beach", "prison", "jail", "countryside"}
)
DIRECTION_WORDS = frozenset(
    {"the", "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
     "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
     "south-eastern", "south-western", "northeast", "northwest", "southeast", "southwest", "upstate",
     "downstate", "greater", "metro", "rural", "downtown", "occupied", "besieged", "rebel-held",
     "separatist-held", "government-held", "nearby", "neighbouring", "neighboring", "of"}
)
#: Arabic articles before a name ("in As Samawah"), which the recogniser leaves out of it.
ARTICLES = frozenset({"al", "as", "ar", "an", "ash", "el", "ad", "az", "ez", "es", "ed", "ath", "adh"})
#: The plain locative prepositions ("in Navestad, Norrkoping": a name after one is a place).
PLAIN_LOCATIVES = frozenset({"in", "at", "near"})
#: An area's word after its name: "Qaraghandy region", "Idlib province".
AREA_WORD = re.compile(r"\s+(?:region|province|governorate|state|district|oblast|county|department|prefecture)\b", re.IGNORECASE)


def is_locative(text: str, start: int, floor: int) -> bool:
    """Whether the words before ``start`` make a locative phrase ("in eastern", "the village of")."""
    written = text[max(floor, start - 60) : start].split()
    if written and written[-1][:1].isupper() and written[-1].lower() in LOCATIVE_NOUNS:
        written.pop()  # a capitalised noun is part of the name: "the Camp David Accords", "in Camp Bastion"
    before = [word.lower() for word in written]
    if before and before[-1] == "through":  # "marched through Norwich", not "through the Mubarak-Gore partnership"
        return True
    for word in reversed(before[-5:]):
        word = word.strip(",;:()")
        if word in LOCATIVE_WORDS or word in LOCATIVE_NOUNS:
            return True
        if word in ARTICLES:  # "in As Samawah", the recogniser's name without its article
            continue
        if word not in DIRECTION_WORDS and not word.endswith(("-held", "'s", "’s")):
            return False
    return False
