"""Dates: date expressions resolved against the publication date, event dates, publication dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.clean import find_published_date
from eventwire.dates import DateResolver, find_dates
from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig

ROOT = Path(__file__).resolve().parent.parent
DW_SAMPLE = ROOT.parent / "shared" / "samples" / "dw-2022-02-23-donbas-separatists.txt"
WEDNESDAY = date(2022, 2, 23)


@pytest.mark.parametrize(
    "text, value, precision, explicit",
    [
        ("On 23 February 2022, protesters gathered", date(2022, 2, 23), "day", True),
        ("on February 21, 2022", date(2022, 2, 21), "day", True),
        ("on 21 February", date(2022, 2, 21), "day", True),
        ("on Feb. 21", date(2022, 2, 21), "day", True),
        ("since 2022-02-20", date(2022, 2, 20), "day", True),
        ("on 21 December", date(2021, 12, 21), "day", True),  # not ten months ahead
        ("on Monday", date(2022, 2, 21), "day", False),
        ("on Wednesday", WEDNESDAY, "day", False),  # the day of the report
        ("last Wednesday", date(2022, 2, 16), "day", False),
        ("yesterday", date(2022, 2, 22), "day", False),
        ("last night", date(2022, 2, 22), "day", False),
        ("today", WEDNESDAY, "day", False),
        ("three days ago", date(2022, 2, 20), "day", False),
        ("late last week", date(2022, 2, 14), "week", False),
        ("earlier this week", date(2022, 2, 21), "week", False),
        ("last month", date(2022, 1, 1), "month", False),
        ("in January", date(2022, 1, 1), "month", False),
        ("in March 2014", date(2014, 3, 1), "month", True),
        ("last year", date(2021, 1, 1), "year", False),
        ("in 2014", date(2014, 1, 1), "year", True),
    ],
)
def test_find_dates(text, value, precision, explicit):
    (mention,) = find_dates(text, anchor=WEDNESDAY)
    assert (mention.value, mention.precision, mention.explicit) == (value, precision, explicit)
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("text", ["yesterday", "on Monday", "late last week", "last month"])
def test_relative_dates_need_an_anchor(text):
    assert find_dates(text, anchor=None) == []


@pytest.mark.parametrize("text", ["May I ask", "a 15-year-old", "in may be", "call 555-0199"])
def test_no_false_dates(text):
    assert find_dates(text, anchor=WEDNESDAY) == []


def test_an_impossible_day_keeps_only_its_month():
    assert [(m.value, m.precision) for m in find_dates("31 February 2022", anchor=WEDNESDAY)] == [
        (date(2022, 2, 1), "month")
    ]


# --- the stage ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "places", "dates")))


def run(pipeline: Pipeline, text: str, *, published: date | None = WEDNESDAY) -> Article:
    raw = RawDocument(doc_id="t", format="record", text=text, meta=Metadata(published=published))
    (article,) = list(pipeline.process([raw], strict=True))
    return article


@pytest.mark.parametrize(
    "text, published, trigger, value, precision",
    [
        ("Russian troops shelled Kharkiv on Monday.", WEDNESDAY, "shelled", date(2022, 2, 21), "day"),
        ("Ukrainian forces shelled the city.", WEDNESDAY, "shelled", WEDNESDAY, "day"),  # no date: published
        ("Russian forces attacked Kharkiv late last week.", WEDNESDAY, "attacked", date(2022, 2, 14), "week"),
        # an explicit date wins over a relative one in the same sentence
        ("Yesterday officials said troops attacked Kharkiv on 21 February.", WEDNESDAY, "attacked", date(2022, 2, 21), "day"),
        # an undated note: its opening date
        ("On 3 January 2022, rebels attacked a police post in Maiduguri. Police arrested two men.", None, "arrested", date(2022, 1, 3), "day"),
    ],
)
def test_event_dates(pipeline, text, published, trigger, value, precision):
    article = run(pipeline, text, published=published)
    event = next(e for e in article.events if e.trigger.text == trigger)
    assert (event.date, event.date_precision) == (value, precision)


def test_an_undated_text_without_dates_leaves_events_undated(pipeline):
    article = run(pipeline, "Russian forces attacked Kharkiv yesterday.", published=None)
    assert article.events and all(e.date is None and e.date_precision is None for e in article.events)


def test_the_stage_declares_its_layers():
    assert DateResolver.name == "dates"
    assert DateResolver.requires == {"doc", "events"} and DateResolver.provides == {"dates"}


def test_the_default_pipeline_has_places_and_dates():
    stages = PipelineConfig().stages
    assert stages.index("places") > stages.index("events") and stages.index("dates") > stages.index("events")


# --- the DW sample ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dw_article(pipeline) -> Article:
    if not DW_SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    raw = RawDocument(doc_id="dw", format="text", data=DW_SAMPLE.read_bytes())
    (article,) = list(pipeline.process([raw], strict=True))
    return article


def test_dw_sample_is_published_on_23_february(dw_article):
    assert dw_article.meta.published == WEDNESDAY


def test_dw_sample_events_without_a_date_take_the_publication_date(dw_article):
    late_last_week = [m for m in find_dates(dw_article.text, anchor=WEDNESDAY) if m.text == "late last week"]
    assert late_last_week, "the evacuation calls 'late last week' are in the sample"
    undated = [e for e in dw_article.events if not any(e.sentence.start <= m.start < e.sentence.end for m in find_dates(dw_article.text, anchor=WEDNESDAY))]
    assert undated and all((e.date, e.date_precision) == (WEDNESDAY, "day") for e in undated)


def test_dw_sample_evacuation_calls_late_last_week(dw_article):
    (mention,) = [m for m in find_dates(dw_article.text, anchor=WEDNESDAY) if m.text == "late last week"]
    assert (mention.value, mention.precision) == (date(2022, 2, 14), "week")  # the week of 14-20 February
    sentence = next(s for s in dw_article.sentences if s.start <= mention.start < s.end)
    for event in (e for e in dw_article.events if e.sentence.start == sentence.start):
        assert date(2022, 2, 14) <= event.date <= date(2022, 2, 20) and event.date_precision == "week"


# --- publication dates (clean) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html, published",
    [
        ('<script type="application/ld+json">{"datePublished": "2022-02-23T10:00:00+01:00"}</script>', WEDNESDAY),
        ('<meta property="article:published_time" content="2022-02-23T08:12:00Z">', WEDNESDAY),
        ('<meta name="pubdate" content="2022-02-23">', WEDNESDAY),
        ("<p>No date here</p>", None),
    ],
)
def test_find_published_date(html, published):
    assert find_published_date(html) == published


@pytest.mark.parametrize(
    "url, published",
    [
        ("https://www.example.com/2022/02/23/ukraine-emergency", WEDNESDAY),
        ("https://example.org/news/2022-02-23/ukraine.html", WEDNESDAY),
        ("https://example.org/world/20220223-ukraine", WEDNESDAY),
        ("https://example.org/world/ukraine-12345", None),
    ],
)
def test_published_date_from_the_url(url, published):
    assert find_published_date("<p>No date here</p>", url=url) == published
