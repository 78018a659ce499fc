"""Words around place names, shared by the stages' place modules: what joins the words of a name,
ends an administrative one, and makes a phrase locative ("in eastern", "the village of"), so that a
place named there is where something happens; what calls a name a place (a place noun after it, a
qualifier, the brackets of an administrative chain), names a building after it, or makes it a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Lower-case words inside place names ("Port of Spain", "Ribeirao das Neves").
NAME_CONNECTORS = frozenset(
    {"of", "de", "da", "das", "do", "dos", "del", "la", "le", "el", "al", "wa", "upon", "sur", "di", "du", "des", "on", "and",
     "los", "las", "les", "y", "della", "van", "der", "den", "am", "im",
     "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "en", "er", "ul", "um", "bin", "ibn", "abu", "e"}  # "Deir ez Zor"; "Shahr e Kord", a Persian ezafe
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


LONE_ARTICLES = frozenset(
    {"los", "las", "el", "la", "al", "le", "les", "de", "del", "das", "dos", "des", "y", "abu", "bin", "ibn", "wa"}
)  # "Wa" of "Al Madaribah Wa Al Arah" is no Wa, Ghana
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


#: The brackets of an administrative chain after a name: "HLM district (Grand Dakar, Dakar, Dakar)",
#: "(Pauk township, Pakokku district, Magway region)": two or more capitalised parts.
_CHAIN_BRACKETS = re.compile(r"(?<=[\w.'’-]) \(([A-Z][^(),]{0,40}(?:, [A-Z][^(),]{0,40})+)\)")
QUALIFIED = re.compile(r"(?:,\s*(?:[A-Z][a-z]+\.?\s?){1,3}(?:[,.;:)]|\s|$)|\s*\((?:[A-Z][\w.-]*\s?){1,4}[,)])")

_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+){0,3})(?:,\s*[A-Z][A-Za-z .]+?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*[-–—]"
)
_LINE_DATELINE = re.compile(
    r"(?:\A|\n|\.\s)\s*(?P<place>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?:--|[-–—])\s"
)

#: After a name, a street or a building that lies elsewhere: the name is the street's or building's
#: ("blocked Yonge Street in central Toronto", "rallied at Voltaire high school in Nantes");
#: not a county's ("Otter Tail County Road 80" lies in that county).
NAMES_A_BUILDING = re.compile(
    r" (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Bridge)\b"
    r"| (?:[\w'’-]+ ){0,2}(?:school|college|university|hospital|clinic|station|mosque|church|temple|stadium|"
    r"factory|office|building)s? (?:in|of|at) [A-Z]"
)
#: A place noun after a name: "Nassriya city", "Tassil town".
PLACE_NOUN_AFTER = re.compile(
    r"\s+(city|town|village|governorate|countryside|district|province|camp|municipality|township)\b", re.IGNORECASE
)
AREA_NOUNS = frozenset({"governorate", "district", "province"})
#: A disease after a name: "Marburg virus", "Rift Valley fever", "Lyme disease" name no place of the report.
DISEASE_AFTER = re.compile(r"[ -](?:virus|ebolavirus|fever|disease)\b", re.IGNORECASE)
#: "X in Y", "X near Y": a place told by another.
_IN_PLACE_AFTER = re.compile(r"\s+(?:in|near|of)\s+(?:the\s+)?[A-Z]")


def called_a_place(text: str, start: int, end: int) -> bool:
    """Whether the words around a name make it a place: a locative before it, a place noun, a qualifier
    or "in Y" after it, or the brackets of an administrative chain around it."""
    return bool(
        is_locative(text, start, max(0, start - 60)) or PLACE_NOUN_AFTER.match(text, end)
        or QUALIFIED.match(text, end) or _IN_PLACE_AFTER.match(text, end) or in_chain_brackets(text, start)
    )


def in_chain_brackets(text: str, start: int) -> bool:
    """Whether ``start`` lies inside the brackets of an administrative chain: the names there are
    places whatever the recogniser says ("(Grand Dakar, Dakar, Dakar)" read as people)."""
    opening = text.rfind("(", max(0, start - 80), start)
    if opening < 1 or ")" in text[opening:start]:
        return False
    return _CHAIN_BRACKETS.match(text, opening - 1) is not None


#: Words for a kind of land or water: alone after another capitalised word they end a longer name.
_LANDFORMS = frozenset(
    {"creek", "valley", "river", "lake", "lakes", "hill", "hills", "bay", "coast", "beach", "springs", "falls",
     "heights", "mountain", "mountains", "plain", "plains", "forest", "desert", "harbour", "harbor", "island"}
)


def ends_longer_name(text: str, words: Sequence[re.Match], index: int) -> bool:
    """Whether ``words[index]`` is a landform word that ends the name of the capitalised word before it
    ("Eastern Creek" is a suburb of Sydney, not Creek in the Cayman Islands; "Rift Valley" no Valley, Alabama)."""
    return (
        index > 0 and words[index].group().lower() in _LANDFORMS and words[index - 1].group()[:1].isupper()
        and text[words[index - 1].end() : words[index].start()] == " "
    )


def joined_words(text: str, words: Sequence[re.Match]) -> bool:
    """Whether words follow each other as one name: spaces or hyphens between, inner words capitalised
    or connectors ("Port of Spain")."""
    for previous, word in zip(words, words[1:]):
        if text[previous.end() : word.start()] not in (" ", "-"):
            return False
        if not word.group()[:1].isupper() and word.group() not in NAME_CONNECTORS:
            return False
    return True


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The place of a dateline: "KYIV, Feb 23 (Reuters) -", "TORRINGTON -- " (at a line start)."""
    spans = []
    if match := _DATELINE.match(text):
        spans.append(match.span("place"))
    for match in _LINE_DATELINE.finditer(text, 0, min(len(text), 600)):
        if match.span("place") not in spans:
            spans.append(match.span("place"))
    return spans


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the" and a trailing possessive."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= 2
    return start, end
