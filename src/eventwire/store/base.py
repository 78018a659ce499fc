"""What an event store is: the :class:`Store` protocol and the small value types it speaks.

A store keeps articles (keyed by their content hash), the events, actors, statements and places
found in them, and the documents that failed. It is queried with an :class:`EventQuery` and
summarised with a :class:`StoreSummary`. The only implementation is
:class:`~eventwire.store.duckdb_store.DuckDBStore`; callers open one with
:func:`eventwire.store.open_store`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from ..errors import StoreError
from ..model import Article, Failure


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one :meth:`Store.add_articles` call did.

    ``added``: articles stored; ``duplicates``: articles skipped because an article with the same
    content hash was already stored (or came earlier in the same call); ``events``: event rows
    stored with the added articles.
    """

    added: int
    duplicates: int
    events: int


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to return. Every filter left at ``None`` matches everything.

    - ``actor``: case-insensitive substring of the source or target actor name (or of the
      argument text when no actor was resolved), or a prefix of the source or target actor code
      (``"RUS"`` matches ``"RUSGOV"`` and ``"RUSMIL"``).
    - ``country``: ISO3 country of the source or target actor.
    - ``plover``: PLOVER event type, exact, case-insensitive.
    - ``cameo``: CAMEO code prefix (``"19"`` matches ``"190"`` and ``"193"``).
    - ``quad_class``: 1 to 4.
    - ``since`` / ``until``: inclusive bounds on the event date (the article's published date
      when the event has none); events with no date at all never match them.
    - ``status``: ``"asserted"``, ``"reported"``, ``"negated"``...
    - ``q``: case-insensitive text search in the sentence the event was found in.
    - ``limit`` / ``offset``: paging, applied after ordering by date, article, position.
    - ``place``: case-insensitive substring of the name of the place the event is located at.
    - ``dyad``: ``(a, b)``: events between ``a`` and ``b`` in either direction (source matches
      one and target the other); each side matches as ``actor`` does (code prefix or name).
    """

    actor: str | None = None
    country: str | None = None
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    q: str | None = None
    limit: int | None = None
    offset: int = 0
    place: str | None = None
    dyad: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise StoreError(f"limit must be zero or more, not {self.limit}")
        if self.offset < 0:
            raise StoreError(f"offset must be zero or more, not {self.offset}")
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise StoreError(f"quad_class must be 1, 2, 3 or 4, not {self.quad_class}")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise StoreError(f"since ({self.since}) is after until ({self.until})")
        if self.dyad is not None and (len(self.dyad) != 2 or not all(self.dyad)):
            raise StoreError(f"a dyad is two non-empty actors, not {self.dyad!r}")


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """Counts and breakdowns of a store's content.

    ``events_by_plover`` is ordered by count, largest first. ``top_dyads`` holds
    ``(source, target, count)`` for the most frequent pairs of events that have both, each side
    labelled by its actor code when known, else by its text. ``failures_by_reason`` is ordered by
    count, largest first.
    """

    articles: int
    events: int
    failures: int
    events_by_plover: dict[str, int] = field(default_factory=dict)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    failures_by_reason: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class Store(Protocol):
    """An event store. Usable as a context manager; ``close()`` is idempotent."""

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store articles not stored yet (by content hash), all in one transaction."""
        ...

    def add_failures(self, failures: Iterable[Failure]) -> int:
        """Store failures not stored yet; return how many were added."""
        ...

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events matching ``query``, one dict per event."""
        ...

    def count_events(self, query: EventQuery) -> int:
        """How many events match ``query``, ignoring ``limit`` and ``offset``."""
        ...

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its layers, or ``None`` if the id is unknown."""
        ...

    def failures(self) -> list[dict[str, Any]]:
        """Every stored failure, oldest first."""
        ...

    def summary(self, *, top: int = 10) -> StoreSummary:
        """Counts and breakdowns; ``top`` bounds the number of dyads."""
        ...

    def claims(self, *, disputed: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
        """Events inside statements, with ``claimed_by``, ``via``, ``supporters`` and ``disputed_by``;
        ``disputed=True`` keeps the claims somebody disputes."""
        ...

    def close(self) -> None:
        """Release the database; later calls raise :class:`StoreError`."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
