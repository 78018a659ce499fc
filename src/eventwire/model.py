"""The document model: one :class:`Article` flows through every stage.

An article carries the cleaned text, its metadata and typed annotation layers. Every annotation
points into ``article.text`` with character offsets (``start`` inclusive, ``end`` exclusive): that
is the evidence. All classes are frozen; a stage returns a new article with ``article.replace(...)``.

``Article.to_record()`` gives the JSON contract of ``eventwire extract``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

#: The annotation layers a stage may require or provide.
LAYERS = frozenset(
    {"text", "meta", "doc", "sentences", "entities", "actors", "events", "statements", "places", "dates"}
)

Status = Literal["asserted", "reported", "negated", "hypothetical", "requested"]
STATUSES: tuple[str, ...] = ("asserted", "reported", "negated", "hypothetical", "requested")


def _pickled_by_fields(cls):
    """Pickle instances as a call with their field values: twice as fast as the default for slotted
    dataclasses, and annotated articles cross from worker processes in bulk."""
    names = tuple(f.name for f in dataclasses.fields(cls))

    def __reduce__(self):
        return (type(self), tuple(getattr(self, name) for name in names))

    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Metadata:
    """What we know about a document besides its text."""

    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None  # the outlet or site ("DW", "Reuters")
    author: str | None = None
    credits: tuple[str, ...] = ()  # wire agencies credited ("AFP", "AP", "Interfax")
    path: str | None = None  # where it was read from


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before cleaning.

    ``format`` is ``"text"`` (plain or scraped text), ``"html"`` or ``"record"`` (a JSON Lines record:
    ``text`` is given and taken verbatim, ``meta`` holds its other fields). For text and HTML the
    undecoded bytes are in ``data``.
    """

    doc_id: str
    format: Literal["text", "html", "record"]
    data: bytes = b""
    text: str | None = None
    meta: Metadata = Metadata()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, and why. Failures are data, never lost."""

    doc_id: str
    stage: str  # "ingest", "clean", or a stage name
    reason: str  # machine-readable ("binary", "empty", ...)
    message: str  # for people

    def to_record(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "error": self.message, "reason": self.reason, "stage": self.stage}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention from the NER layer (spaCy labels: PERSON, ORG, GPE, NORP, LOC...)."""

    start: int
    end: int
    text: str
    label: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor of the article, with every mention of it."""

    id: str  # unique within the article: "a1", "a2"...
    name: str
    code: str | None = None  # CAMEO-style actor code: "RUSGOV", "UKRMIL", "IGOUNO"
    country: str | None = None  # ISO3, or "IGO"
    sector: str | None = None  # GOV, MIL, REB, ...
    wikidata: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "mentions": [m.to_record() for m in self.mentions],
        }


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Argument:
    """A source or target of an event: the text span and the actor it resolves to, if any."""

    span: Span
    actor: str | None = None  # Actor.id

    def to_record(self) -> dict[str, Any]:
        return {**self.span.to_record(), "actor": self.actor}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class AcledType:
    event_type: str
    sub_event_type: str

    def to_record(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a place of the article, with how precisely it is known."""

    place: str | None  # Place.id
    name: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # "point", "admin", "country"

    def to_record(self) -> dict[str, Any]:
        return {"place": self.place, "name": self.name, "lat": self.lat, "lon": self.lon, "precision": self.precision}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one coded event with its evidence."""

    id: str  # unique within the article: "e1", "e2"...
    sentence: Span
    trigger: Span
    source: Argument | None
    target: Argument | None
    plover: str
    cameo: str
    quad_class: int
    goldstein: float
    status: str = "asserted"
    confidence: float = 0.5
    acled: AcledType | None = None
    date: date | None = None
    date_precision: str | None = None  # "day", "week", "month", "year"
    location: Location | None = None
    statement: str | None = None  # Statement.id
    pattern: str | None = None  # why: the lexicon rule or model that coded it

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": self.trigger.to_record(),
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "plover": self.plover,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "acled": self.acled.to_record() if self.acled else None,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location.to_record() if self.location else None,
            "statement": self.statement,
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
        }


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Statement:
    """Somebody says so: a quote or reported speech (filled by the statements stage)."""

    id: str
    source: Argument | None
    cue: Span
    content: tuple[Span, ...]
    medium: str = "statement"
    via: tuple[str, ...] = ()
    disputes: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_record() if self.source else None,
            "cue": self.cue.to_record(),
            "content": [c.to_record() for c in self.content],
            "medium": self.medium,
            "via": list(self.via),
            "disputes": list(self.disputes),
        }


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry (filled by the places stage)."""

    id: str
    name: str
    mentions: tuple[Span, ...]
    geonameid: int | None = None
    feature_class: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "geonameid": self.geonameid,
            "feature_class": self.feature_class,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "mentions": [m.to_record() for m in self.mentions],
        }


@dataclass(frozen=True)
class Article:
    """A cleaned document with its metadata and annotation layers.

    ``doc`` is the spaCy parse, kept for the stages that need it; it is not part of the record and
    is dropped (``without_doc()``) before an article crosses a process boundary or is stored.
    """

    doc_id: str
    text: str
    meta: Metadata = Metadata()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[Place, ...] = ()
    doc: Any = field(default=None, compare=False, repr=False)

    @cached_property
    def content_hash(self) -> str:
        """Identity of the article in the store: SHA-256 of its cleaned text."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)

    def without_doc(self) -> Article:
        return self if self.doc is None else dataclasses.replace(self, doc=None)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of this article's text."""
        return Span(start, end, self.text[start:end])

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None) if actor_id else None

    def to_record(self) -> dict[str, Any]:
        """The ``eventwire extract`` JSON contract."""
        meta = self.meta
        return {
            "doc_id": self.doc_id,
            "title": meta.title,
            "published": meta.published.isoformat() if meta.published else None,
            "url": meta.url,
            "source": meta.source,
            "credits": list(meta.credits),
            "text": self.text,
            "actors": [a.to_record() for a in self.actors],
            "events": [e.to_record() for e in self.events],
            "statements": [s.to_record() for s in self.statements],
            "places": [p.to_record() for p in self.places],
        }
