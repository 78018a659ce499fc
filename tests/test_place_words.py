"""The words of locative phrases: a place named after them is where something happens; the titles after
which a name is a person's; landform words that end a longer name."""

from __future__ import annotations

import re

import pytest

from eventwire.place_words import after_person_title, ends_longer_name, is_locative


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Troops shelled positions in eastern Ukraine.", "Ukraine", True),
        ("Protesters marched through Norwich.", "Norwich", True),
        ("Drones struck the village of Kashkash.", "Kashkash", True),
        ("Militants fired rockets in As Samawah.", "Samawah", True),
        ("Soldiers returned to Camp Bastion.", "Bastion", False),
        ("A blast hit troops in Camp Bastion.", "Bastion", True),
        # a capitalised place noun is part of the name, not a locative word
        ("Jimmy Carter sponsored the Camp David Accords.", "David", False),
        ("Moscow said Ukrainian forces shelled Donetsk.", "Moscow", False),
    ],
)
def test_is_locative(text, name, expected):
    start = text.index(name)
    assert is_locative(text, start, 0) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We kept going," comments coach Ripley', True),
        ("a quilt show hosted by Mrs. Lincoln", True),
        ("a visit by President Obama", True),
        ("said Sen. Miller", True),
        ("a storm hit Lincoln", False),
        ("his big brother. U.S.", False),  # a sentence's end, not an abbreviated title
        ("to compete for the Miss Ohio", False),
        ("a Municipal Court Judge. Columbus", False),
    ],
)
def test_after_person_title(text, expected):
    assert after_person_title(text, text.rfind(" ") + 1) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at Eastern Creek station", True),  # the suburb's name ends in "Creek"
        ("across the Rift Valley", True),
        ("in Valley, Alabama", False),  # the town alone
        ("the river Creek", False),  # no capitalised word before it
        ("Eastern Ukraine", False),  # no landform word
    ],
)
def test_a_landform_word_after_a_capitalised_word_ends_a_longer_name(text, expected):
    words = list(re.finditer(r"\w+", text))
    index = next(i for i, w in enumerate(words) if w.group() in ("Creek", "Valley", "Ukraine"))
    assert ends_longer_name(text, words, index) == expected
