"""Other spellings of a place name that the gazetteer lacks as written.

Transliterated names are spelt many ways, and reports add words that are no part of the name. When
a name has no gazetteer entry as written, its variants are looked up, in order:

* a city before the quarter of it ("Seoul City - Jongno", "Chisinau - Riscani"): the city;
* a word before the name that says what it names ("Hazrati Imam Sahib", "Nahiyat ar Riyad"): the name;
* a Persian ezafe written apart ("Shahr e Kord", "Bandar e Mahshahr"): joined by a hyphen;
* a trailing "City" ("Seoul City", "Keelung City"): the name without it;
* an Arabic article glued on by a hyphen or written apart ("Ar-Raqqa", "Ar Raqqa", "Al-Rasafah"):
  the article joined by a space, written "Al", and left out;
* a final "h" after a vowel ("Raqqa" / "Raqqah", "Samawa" / "Samawah"): added or dropped; a final "eh"
  written "ah" ("Salamiyeh" / "Salamiyah");
* a doubled consonant ("Wassit", "Nassriya"): written once;
* "Tal" / "Tell" / "Tall" ("Tal Tamer", "Tell Abiad"): one another;
* an inner article glued on by a hyphen ("Ras al-Ain"): written apart; "Ain" / "Ayn" ("Ras al Ain" /
  "Ra's al 'Ayn"): one another;
* an Arabic "dh" written "th" ("Thi Qar" / "Dhi Qar"): one another, at the name's start.

The gazetteer's other names of a town in an English-named country are also old names, post offices
and words ("Orient" for Knox City, Texas; "Story" for Rochelle, Illinois): :func:`credible_candidates`
keeps such a town found by another name only where the name is a form of the town's own ("St. Paris",
"Mt. Pleasant", "Quebec City") or the town is large ("Dunkerque" for Dunkirk keeps, as any exonym of a
large town would). Elsewhere other names are mostly transliterations ("Mexmur" for Makhmur) and all count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher

from .gazetteer import Gazetteer, GazetteerEntry, fold_name
from .transliteration import TRANSLITERATED_COUNTRIES

#: Arabic articles as they are transliterated before a name ("Ar Raqqa", "Ash Shaddadi", "Ez Zor").
_ARTICLE = re.compile(
    r"\A(?:al|el|ar|as|ash|at|ath|az|ad|adh|an|ad|er|es|ez|en|ed|et|ul)[- ](?=[A-Za-z])", re.IGNORECASE
)
_QUARTER = re.compile(r"\s+[-–]\s+")
#: Words before a name that say what it names, not which ("Hazrati Imam Sahib" district, "Nahiyat ar Riyad",
#: "Qaryat X", the village of X).
_PREFIX = re.compile(r"\A(?:Hazrati?|Nahiyat|Nahiyah|Qaryat|Mantiqat)[- ](?=[A-Za-z])")
_CITY = re.compile(r"[- ](?:city|City|CITY)\Z")
_FINAL_H = re.compile(r"(?<=[aeiou])h\Z")
_FINAL_VOWEL = re.compile(r"[ae]\Z")
_DOUBLED = re.compile(r"([bcdfgklmnprstz])\1")
_HILL = re.compile(r"\A(?:Tal|Tell|Tall|Tel) ", re.IGNORECASE)
_HILL_FORMS = ("Tal ", "Tell ", "Tall ")
_DENTAL = {"Th": "Dh", "Dh": "Th"}
_INNER_ARTICLE = re.compile(r" (al|el|ar|as|ash|ad|an|ez|ed|es)-(?=[A-Za-z])", re.IGNORECASE)
#: "Ain" / "Ayn" (a spring) as a word of a name.
_SPRING = re.compile(r"\b(?:Ain|Ayn)\b")
_SPRINGS = {"ain": "Ayn", "ayn": "Ain"}


def spelling_variants(name: str) -> Iterator[str]:
    """Other spellings of ``name``, likeliest first, without ``name`` itself (none repeated)."""
    seen = {name}
    for base in _bases(name):
        for variant in _letter_variants(base):
            if variant not in seen:
                seen.add(variant)
                yield variant


def _bases(name: str) -> Iterator[str]:
    """The name without the quarter after a city and without "City", then its article forms."""
    name = name.strip()
    parts = _QUARTER.split(name, maxsplit=1)
    if len(parts) == 2 and parts[0]:
        name = parts[0]
    names = [name]
    if _CITY.search(name) and len(name) > 6:
        names.append(_CITY.sub("", name))
    for form in list(names):
        if (prefix := _PREFIX.match(form)) and len(form) > prefix.end() + 3:
            names.append(form[prefix.end() :])
        if " e " in form:  # a Persian ezafe written apart: "Shahr e Kord" is Shahr-e Kord
            names.append(form.replace(" e ", "-e "))
    for form in list(names):
        if article := _ARTICLE.match(form):
            rest = form[article.end() :]
            names += [f"{article.group()[:-1]} {rest}", f"Al {rest}", rest]
        if _HILL.match(form):
            rest = _HILL.sub("", form)
            names += [f"{hill}{rest}" for hill in _HILL_FORMS]
        if form[:2] in _DENTAL and len(form) > 4:
            names.append(_DENTAL[form[:2]] + form[2:])
    for form in list(names):
        apart = _INNER_ARTICLE.sub(r" \1 ", form)
        for spelt in {apart, _SPRING.sub(lambda m: _SPRINGS[m.group().lower()], apart)} - {form}:
            names.append(spelt)
    yield from names


def _letter_variants(name: str) -> Iterator[str]:
    """The name as written, with a final "h" added or dropped, and with its doubled consonants single."""
    yield name
    if name.endswith("eh") and len(name) > 4:  # "As-Salamiyeh" / "As Salamiyah", "Hasakeh" / "Hasakah"
        yield name[:-2] + "ah"
    if _FINAL_H.search(name):
        yield name[:-1]
    elif _FINAL_VOWEL.search(name):
        yield name + "h"
    single = _DOUBLED.sub(r"\1", name)
    if single != name:
        yield single
        if _FINAL_H.search(single):
            yield single[:-1]
        elif _FINAL_VOWEL.search(single):
            yield single + "h"


def spelling_key(name: str) -> str:
    """What two spellings of one transliterated name share: folded letters, without an Arabic article
    before the name, with doubled consonants single and no final "h" after a vowel ("Al ‘Amārah",
    "Amara" and "Amarah" share "amara")."""
    words = re.sub(r"[^a-z0-9 -]", "", fold_name(name)).replace("-", " ").split()
    if len(words) > 1 and _ARTICLE.match(" ".join(words[:2])):
        words = words[1:]
    letters = _DOUBLED.sub(r"\1", "".join(words))
    return _FINAL_H.sub("", letters)


def lookup_spelled(
    name: str, lookup: Callable[[str], tuple[GazetteerEntry, ...]]
) -> tuple[GazetteerEntry, ...]:
    """The entries of ``name`` or, when it has none, of its first variant that has some."""
    found = lookup(name)
    if found:
        return found
    for variant in spelling_variants(name):
        if len(variant) >= 3 and (found := lookup(variant)):
            return found
    return ()


#: A name found by its consonant key is another spelling of the written one when their letters are
#: this alike (difflib's ratio of their spelling keys: "Ein Issa" / "‘Ayn ‘Īsá" 0.67, "Nassriya" /
#: "An Nasiriya" 0.93); of several such names, those this close to the likest one.
TRANSLITERATED_ALIKE, TRANSLITERATED_MARGIN = 0.65, 0.1


def lookup_transliterated(name: str, gazetteer: Gazetteer) -> tuple[GazetteerEntry, ...]:
    """The towns of the countries of transliterated names that ``name`` may be another spelling of
    (see :mod:`eventwire.transliteration`): those of the names that share its consonant key and are
    likest to it in letters ("Sokhneh": As Sukhnah, by its other name "Soukhne"; "Maadan": Ma‘dān, not
    Al Mayadin). () when none is alike enough."""
    written = spelling_key(name)
    alike = [
        (SequenceMatcher(None, written, spelling_key(other), autojunk=False).ratio(), other)
        for other in gazetteer.transliterated_names(name)
    ]
    best = max((ratio for ratio, _ in alike), default=0.0)
    if best < TRANSLITERATED_ALIKE:
        return ()
    found: dict[GazetteerEntry, None] = {}
    for ratio, other in alike:
        if ratio >= max(TRANSLITERATED_ALIKE, best - TRANSLITERATED_MARGIN):
            for entry in gazetteer.lookup_key(other):
                if entry.feature_class == "P" and entry.country in TRANSLITERATED_COUNTRIES:
                    found[entry] = None
    return tuple(found)


#: Countries whose towns' other names in the gazetteer are old names and post offices, not
#: transliterations ("Mexmur" is Makhmur in Kurdish; "Orient" is no name of Knox City, Texas).
ENGLISH_NAMED = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})
#: A town this large is meant by any of its other names ("L.A.", "Philly"; not "Google" for Topeka).
ALIAS_CITY = 500_000
#: Two spellings this alike (difflib's ratio of their letters) are one name ("Jenin" / "Janīn").
ALIKE = 0.75
#: English names of one town differ by a letter or two ("Mount Royal" / "Mont-Royal"), not more
#: ("Lions" is no Lyons).
ENGLISH_ALIKE = 0.85
_ABBREVIATED = ((re.compile(r"\bst\.? "), "saint "), (re.compile(r"\bmt\.? "), "mount "), (re.compile(r"\bft\.? "), "fort "))


def _name_letters(name: str) -> str:
    folded = fold_name(name)
    for short, full in _ABBREVIATED:
        folded = short.sub(full, folded)
    return "".join(c for c in folded if c.isalnum())


def is_form_of(written: str, name: str, *, alike: float = ALIKE) -> bool:
    """Whether ``written`` is a form of the gazetteer name ``name``: a part or a whole of it ("St.
    Petersburg", "Ludwigshafen am Rhein", "Quebec City"), or another spelling of it, as alike as
    ``alike`` (difflib's ratio of their letters: "Jenin" / "Janīn")."""
    a, b = _name_letters(written), _name_letters(name)
    if not a or not b:
        return False
    if a in b or b in a or spelling_key(written) == spelling_key(name):
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= alike


def credible_candidates(written: str, candidates: Sequence[GazetteerEntry]) -> tuple[GazetteerEntry, ...]:
    """The candidates without the towns of English-named countries found by another name that is no
    form of their own ("Orient" for Knox City, "Lions" for Lyons, "Liverpool" for Washington, Indiana),
    unless they are large cities; countries and areas keep every name ("Holland")."""
    return tuple(
        c for c in candidates
        if c.feature_class != "P" or c.country not in ENGLISH_NAMED or c.population >= ALIAS_CITY
        or is_form_of(written, c.name, alike=ENGLISH_ALIKE)
    )
