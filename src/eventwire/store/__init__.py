"""The event store: articles, events and failures in an embedded DuckDB database.

::

    with open_store("events.duckdb") as store:
        store.add_articles(articles)
        rows = store.events(EventQuery(actor="RUS", since=date(2024, 1, 1), limit=50))

A store opened read-write holds its file: DuckDB lets one process write a database, so other
processes cannot open it until it is closed. Open with ``read_only=True`` to query a file no
writer holds. See :mod:`eventwire.store.duckdb_store` for the schema and its migrations.
"""

from __future__ import annotations

from pathlib import Path

from .base import AddResult, EventQuery, Store, StoreSummary
from .duckdb_store import DuckDBStore
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "AddResult",
    "DuckDBStore",
    "EventQuery",
    "Store",
    "StoreSummary",
    "open_store",
]


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at ``path``; ``":memory:"`` is allowed.

    Raises :class:`~eventwire.errors.StoreError` when the file is locked by another process, is
    not a DuckDB database, or has a schema this version cannot use.
    """
    return DuckDBStore(path, read_only=read_only)
