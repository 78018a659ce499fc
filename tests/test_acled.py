"""ACLED typology: the notes classifier, and which events get an ACLED type."""

from __future__ import annotations

import pytest

from eventwire.acled import ACLED_EVENT_TYPES_BY_PLOVER, ACLED_SUB_EVENTS_BY_CAMEO, AcledCoder
from eventwire.model import AcledType
from eventwire.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def coder() -> AcledCoder:
    return AcledCoder()


@pytest.mark.parametrize(
    "notes, event_type, sub_event_type",
    [
        ("On 3 March 2022, about 200 teachers gathered in front of the ministry in Lima to demand higher wages. [size=about 200]",
         "Protests", "Peaceful protest"),
        ("On 5 April 2022, military forces clashed with rebel fighters near the village of Kamako. Four soldiers were killed.",
         "Battles", "Armed clash"),
        ("On 9 May 2022, police arrested 12 members of an opposition party in Harare for planning an unsanctioned rally.",
         "Strategic developments", "Arrests"),
        ("On 30 August 2022, a roadside IED hidden by suspected jihadists detonated beneath an army truck travelling towards Gao.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("On 1 February 2022, gunmen abducted a village chief and his son in Zamfara.",
         "Violence against civilians", "Abduction/forced disappearance"),
    ],
)
def test_classifies_notes(coder, notes, event_type, sub_event_type):
    prediction = coder.classify(notes, explain=3)
    assert prediction.acled == AcledType(event_type, sub_event_type)
    assert 0 < prediction.event_type_probability <= 1 and prediction.evidence


@pytest.mark.parametrize(
    "plover, status, cameo, expected",
    [
        ("ACCUSE", "asserted", "112", None),
        ("AID", "asserted", "073", None),
        ("ASSAULT", "negated", "190", None),
        ("ASSAULT", "hypothetical", "190", None),
        ("ASSAULT", "requested", "190", None),
        ("ASSAULT", "reported", "195", AcledType("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", "asserted", "194", AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("COERCE", "asserted", "173", AcledType("Strategic developments", "Arrests")),
        ("ASSAULT", "asserted", "2041", AcledType("Explosions/Remote violence", "Chemical weapon")),
    ],
)
def test_which_events_get_an_acled_type(coder, plover, status, cameo, expected):
    assert coder.code_event("Government forces attacked the town.", plover=plover, status=status, cameo=cameo) == expected


def test_restricted_to_the_event_types_of_the_plover_type(coder):
    acled = coder.code_event("Thousands marched through the capital.", plover="PROTEST", status="asserted", cameo="140")
    assert acled is not None and acled.event_type in ACLED_EVENT_TYPES_BY_PLOVER["PROTEST"]


def test_tables_use_acled_names():
    taxonomy = Taxonomy.load()
    for event_types in ACLED_EVENT_TYPES_BY_PLOVER.values():
        assert set(event_types) <= set(taxonomy.acled_event_types)
    for sub_event_types in ACLED_SUB_EVENTS_BY_CAMEO.values():
        assert set(sub_event_types) <= set(taxonomy.acled_sub_event_types())
