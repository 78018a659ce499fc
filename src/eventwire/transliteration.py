"""Consonant keys: what the many English spellings of one transliterated place name share.

Names from Arabic, Persian, Pashto, Urdu, Hindi, Burmese or Amharic reach English news spelt as each
reporter hears them: "Ein Issa" is the gazetteer's "‘Ayn ‘Īsá", "Quamishli" its "Al Qāmishlī", "Sokhneh"
its "As Sukhnah", "Amadiya" its "Al ‘Amādīyah". The vowels and the digraphs vary; the consonants mostly
do not. :func:`consonant_key` keeps what stays: the first letter (any vowel written "a"), then the
consonants, single, with "kh", "q", "c" and "ck" as "k", "dh" as "d", "th" as "t", "sh" as "s", "gh" as
"g", "ph" as "f", "dj" as "j", after a leading Arabic article is dropped and a final "h" after a vowel.

The key is loose by design ("Maadan" and "Al Mayadin" share "mdn"), so the gazetteer keeps it only for
the towns of :data:`TRANSLITERATED_COUNTRIES`, and a name found by it is kept only when it is also
alike in its letters (see :func:`eventwire.place_spelling.lookup_transliterated`).
"""

from __future__ import annotations

import re

#: Countries whose place names English news writes by ear from another script: the Arab states,
#: Iran, Afghanistan, South Asia, Myanmar and the Horn of Africa (ISO3).
TRANSLITERATED_COUNTRIES = frozenset(
    {"DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT",
     "SAU", "SOM", "SDN", "SSD", "SYR", "TUN", "ARE", "YEM", "TCD", "IRN", "AFG", "PAK", "IND", "BGD", "NPL",
     "LKA", "MMR", "ETH", "ERI"}
)
#: Arabic articles written before a name ("Al Qamishli", "As Sukhnah", "Ez Zor").
_ARTICLES = frozenset(
    {"al", "el", "ar", "as", "ash", "at", "ath", "az", "ad", "adh", "an", "er", "es", "ez", "en", "ed", "et", "ul"}
)
_DIGRAPHS = (
    ("kh", "k"), ("ck", "k"), ("q", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"), ("ph", "f"),
    ("dj", "j"), ("c", "k"),
)
_NOT_LETTERS = re.compile(r"[^a-z ]")
_FINAL_H = re.compile(r"(?<=[aeiou])h\Z")
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLED = re.compile(r"(.)\1")
#: A key needs this many consonants after its first letter: shorter ones name too many places.
MIN_CONSONANTS = 2


def consonant_key(key: str) -> str:
    """The consonant key of a folded name (see :func:`eventwire.gazetteer.fold_name`); "" for a name
    too short to have a useful one ("Bara", "Muse")."""
    words = _NOT_LETTERS.sub("", key.replace("-", " ")).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    letters = _FINAL_H.sub("", "".join(words))
    if not letters:
        return ""
    for digraph, letter in _DIGRAPHS:
        letters = letters.replace(digraph, letter)
    rest = _DOUBLED.sub(r"\1", _VOWELS.sub("", letters[1:]))
    if len(rest) < MIN_CONSONANTS:
        return ""
    return ("a" if letters[0] in "aeiouy" else letters[0]) + rest
