"""Dates: every event to the day (or week, month, year) it happened.

:func:`find_dates` finds date expressions in a text and resolves them against an anchor, the
publication date: explicit dates ("On 23 February 2022", "February 21", "21 Feb", "2022-02-21"),
weekdays ("on Monday": the last Monday on or before the anchor), "yesterday", "today", "last night",
"N days ago", "last week" and "late last week" (the week before the anchor's, week precision), "this
week", "last month", "in January", "last year", "in 2021". Written here: general date parsers read
"late last week" as nothing.

:class:`DateResolver` (the ``dates`` stage) dates each event: an explicit date in its sentence wins,
then a relative one (the closest to the trigger); else the date that opens its paragraph ("On 3
January 2022, ..."); else the publication date; for a text without one, its first explicit date.
Precision is "day", "week", "month" or "year"; a week is given by its Monday.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Article, Event
from .stage import Stage

logger = logging.getLogger(__name__)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: number for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}
#: A date without a year is taken in the year that puts it at most this many days after the anchor.
FUTURE_SLACK_DAYS = 31

_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day_month", re.compile(rf"\b{_DAY}(?:\s*(?:-|–|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*(?:-|–)\s*[0-3]?\d)?(?:,?\s+{_YEAR})?\b(?!\s*(?:%|per|percent))", re.I)),
    ("month_year", re.compile(rf"\b(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH}\s+{_YEAR}\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|early|late|mid-?|until|by)\s+{_MONTH}(?![\w-])", re.I)),
    ("in_year", re.compile(rf"\b(?:in|during)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b", re.I)),
    ("weekday", re.compile(r"\b(?P<which>last|next|this|on|early|late)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relative_day", re.compile(r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|overnight|earlier\s+today)\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<modifier>(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of)\s+)?(?P<which>last|this|past|previous)\s+(?P<unit>week|weekend|month|year)\b", re.I)),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression of the text, resolved."""

    start: int
    end: int
    text: str
    value: date
    precision: str  # "day", "week", "month", "year"
    explicit: bool  # an absolute date (true) or one relative to the anchor

    @property
    def rank(self) -> int:
        return ("day", "week", "month", "year").index(self.precision)


def find_dates(text: str, *, anchor: date | None) -> list[DateMention]:
    """Date expressions in ``text``, in order; relative ones only with an ``anchor``."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            mention = _resolve(kind, match, anchor)
            if mention is not None:
                found.append(mention)
                taken.append((start, end))
    found.sort(key=lambda m: m.start)
    return found


def _resolve(kind: str, match: re.Match, anchor: date | None) -> DateMention | None:
    groups = match.groupdict()
    value: date | None = None
    precision = "day"
    explicit = kind in ("iso", "day_month", "month_day", "month_year", "in_year")
    try:
        if kind == "iso":
            value = date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        elif kind in ("day_month", "month_day"):
            month = MONTHS.get(groups["month"].lower().rstrip("."))
            if month is None:
                return None
            day = int(groups["day"])
            if groups.get("year"):
                value = date(int(groups["year"]), month, day)
            elif anchor is not None:
                value = _in_nearest_year(anchor, month, day)
                explicit = True
            else:
                return None
        elif kind == "month_year":
            month = MONTHS.get(groups["month"].lower().rstrip("."))
            if month is None:
                return None
            value, precision = date(int(groups["year"]), month, 1), "month"
        elif kind == "in_month":
            month = MONTHS.get(groups["month"].lower().rstrip("."))
            if month is None or anchor is None or groups["month"][0].islower():
                return None
            value, precision = _in_nearest_year(anchor, month, 1), "month"
        elif kind == "in_year":
            value, precision = date(int(groups["year"]), 1, 1), "year"
        elif anchor is None:
            return None
        elif kind == "weekday":
            value = _weekday(anchor, WEEKDAYS[groups["weekday"].lower()], (groups.get("which") or "").lower())
        elif kind == "relative_day":
            word = " ".join(groups["word"].lower().split())
            value = anchor - timedelta(days=2 if "before" in word else 1 if word in ("yesterday", "last night") else 0)
        elif kind == "ago":
            value, precision = _ago(anchor, groups["count"].lower(), groups["unit"].lower())
        elif kind == "relative_period":
            value, precision = _period(anchor, groups["which"].lower(), groups["unit"].lower())
    except ValueError:  # "31 February"
        return None
    if value is None:
        return None
    return DateMention(match.start(), match.end(), match.group(), value, precision, explicit)


def _in_nearest_year(anchor: date, month: int, day: int) -> date:
    """The date in the anchor's year, or the year before when that is too far in the future."""
    value = date(anchor.year, month, day)
    if value - anchor > timedelta(days=FUTURE_SLACK_DAYS):
        value = date(anchor.year - 1, month, day)
    return value


def _weekday(anchor: date, weekday: int, which: str) -> date:
    back = (anchor.weekday() - weekday) % 7
    if which == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _ago(anchor: date, count_word: str, unit: str) -> tuple[date, str]:
    count = int(count_word) if count_word.isdigit() else NUMBER_WORDS.get(" ".join(count_word.split()), 1)
    if unit.startswith("day"):
        return anchor - timedelta(days=count), "day"
    if unit.startswith("week"):
        return _monday(anchor - timedelta(weeks=count)), "week"
    if unit.startswith("month"):
        return _months_before(anchor, count), "month"
    return date(anchor.year - count, 1, 1), "year"


def _months_before(anchor: date, count: int) -> date:
    index = anchor.year * 12 + anchor.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def _period(anchor: date, which: str, unit: str) -> tuple[date, str]:
    previous = which in ("last", "past", "previous")
    if unit in ("week", "weekend"):
        monday = _monday(anchor) - timedelta(weeks=1 if previous else 0)
        if unit == "weekend":
            if not previous and anchor.weekday() < 5:
                monday -= timedelta(weeks=1)  # "this weekend" said on a weekday: the one just past
            return monday + timedelta(days=5), "day"
        return monday, "week"
    if unit == "month":
        return _months_before(anchor, 1 if previous else 0), "month"
    return date(anchor.year - (1 if previous else 0), 1, 1), "year"


class DateResolver(Stage):
    """Give each event its date and precision (the ``dates`` stage)."""

    name = "dates"
    requires = frozenset({"doc", "events"})
    provides = frozenset({"dates"})

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        text = article.text
        published = article.meta.published
        mentions = find_dates(text, anchor=published)
        if published is None:
            first_explicit = next((m for m in mentions if m.explicit and m.precision == "day"), None)
            if first_explicit is not None:  # relative dates of an undated text: against its first date
                mentions = find_dates(text, anchor=first_explicit.value)
        fallback = _fallback(published, mentions)
        events = tuple(self.date_event(article, event, mentions, fallback) for event in article.events)
        return article.replace(events=events)

    def date_event(
        self, article: Article, event: Event, mentions: Sequence[DateMention], fallback: DateMention | None
    ) -> Event:
        chosen = _sentence_date(event, mentions) or _paragraph_date(article.text, event, mentions) or fallback
        if chosen is None:
            return dataclasses.replace(event, date=None, date_precision=None)
        return dataclasses.replace(event, date=chosen.value, date_precision=chosen.precision)


def _fallback(published: date | None, mentions: Sequence[DateMention]) -> DateMention | None:
    if published is not None:
        return DateMention(0, 0, "", published, "day", False)
    return next((m for m in mentions if m.explicit), None)


def _sentence_date(event: Event, mentions: Sequence[DateMention]) -> DateMention | None:
    sentence = event.sentence
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
    if not inside:
        return None
    trigger = event.trigger.start
    explicit = [m for m in inside if m.explicit]
    return min(explicit or inside, key=lambda m: (abs(m.start - trigger), m.rank))


def _paragraph_date(text: str, event: Event, mentions: Sequence[DateMention]) -> DateMention | None:
    """An explicit date that opens the event's paragraph ("On 3 January 2022, ...")."""
    paragraph_start = text.rfind("\n", 0, event.sentence.start) + 1
    for mention in mentions:
        if mention.start >= event.sentence.start:
            break
        if mention.start >= paragraph_start and mention.explicit and mention.start - paragraph_start <= 12:
            return mention
    return None
