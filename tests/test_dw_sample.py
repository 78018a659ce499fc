"""The motivating example: the DW report of 23 Feb 2022 in ../shared/samples, read where it lies.

The sample is third-party text: it is never copied into the repository, only read at test time.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.runner import extract

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared/samples/dw-2022-02-23-donbas-separatists.txt"
pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="../shared/samples is not beside the checkout")


@pytest.fixture(scope="module")
def article() -> Article:
    [result] = list(extract([str(SAMPLE)], workers=1))
    assert isinstance(result, Article), result
    return result


FURNITURE = ["Skip to content", "Skip to main menu", "Breaking", "PoliticsUkraine", "Image: Alexander",
             "click here", "sdi, rc/", "Skip next section", "DW's Top Story", "More stories from DW"]


@pytest.mark.parametrize("furniture", FURNITURE)
def test_body_is_free_of_page_furniture(article, furniture):
    assert furniture not in article.text


def test_metadata(article):
    assert article.meta.published == date(2022, 2, 23)
    assert article.meta.title == "Russia says Donbass separatists ask Putin for military help"
    assert article.meta.credits == ("AFP", "AP", "Interfax")
    assert article.text.startswith("Pro-Russian separatist leaders")


def events_with(article: Article, *, cameo_prefix: str, trigger: str | None = None):
    return [e for e in article.events if e.cameo.startswith(cameo_prefix) and (trigger is None or trigger in e.trigger.text)]


def source_names(article: Article, event) -> str:
    actor = article.actor(event.source.actor) if event.source else None
    return (actor.name if actor else "") + " " + (event.source.span.text if event.source else "")


def test_separatist_leaders_request_military_aid_from_russia(article):
    events = events_with(article, cameo_prefix="0232")
    assert events, [(e.trigger.text, e.cameo) for e in article.events]
    assert any(e.plover == "REQUEST" for e in events)
    sources = " ".join(source_names(article, e) for e in events)
    assert "Pushilin" in sources or "separatist" in sources.lower()
    assert any(e.target and "Russia" in e.target.span.text for e in events)


def test_kuleba_requests_security_council_meeting(article):
    events = [e for e in article.events if e.plover == "REQUEST" and "Security Council" in article.text[e.sentence.start:e.sentence.end]]
    assert any("Kuleba" in source_names(article, e) or "Ukraine" in source_names(article, e) for e in events)


def test_white_house_accuses_false_flag(article):
    events = [e for e in article.events if e.cameo.startswith("11") and e.plover == "ACCUSE"]
    assert any("White House" in source_names(article, e) for e in events)


def test_state_of_emergency(article):
    events = events_with(article, cameo_prefix="1724")
    assert events, [(e.trigger.text, e.cameo) for e in article.events]


def test_every_offset_is_evidence(article):
    for event in article.events:
        assert article.text[event.trigger.start:event.trigger.end] == event.trigger.text
        for argument in (event.source, event.target):
            if argument:
                assert article.text[argument.span.start:argument.span.end] == argument.span.text
    for actor in article.actors:
        for mention in actor.mentions:
            assert article.text[mention.start:mention.end] == mention.text
