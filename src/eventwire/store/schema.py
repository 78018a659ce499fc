"""The store's schema: its tables, the migrations that build them, and the columns each insert fills.

The event store in an embedded DuckDB database file.

Schema. The tables are ``articles`` (keyed by the SHA-256 of the cleaned text), ``actors`` and
``actor_mentions``, ``events`` (one row per event, with the source and target actors denormalised
into it and the sentence text copied for search), ``statements`` and ``statement_content``,
``places`` and ``place_mentions``, and ``failures``. Offsets are character offsets into
``articles.text``, as in :mod:`eventwire.model`. Timestamps (``added_at``, ``at``) are UTC.

Migrations. ``schema_version`` records every migration applied. :data:`MIGRATIONS` is the ordered
list of migrations (version 1 is the initial schema); opening a file applies the ones it lacks,
each in its own transaction. A file written by a newer eventwire (a version above
:data:`SCHEMA_VERSION`) is refused with :class:`StoreError`, and so is a file that needs migrating
when it is opened read-only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ..errors import StoreError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: SQL statements run in one transaction."""

    version: int
    description: str
    statements: tuple[str, ...]


_SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        title TEXT,
        published DATE,
        url TEXT,
        source TEXT,
        author TEXT,
        credits TEXT[],
        path TEXT,
        text TEXT NOT NULL,
        added_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE actors (
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        name TEXT NOT NULL,
        code TEXT,
        country TEXT,
        sector TEXT,
        wikidata TEXT,
        PRIMARY KEY (article_id, actor_id)
    )""",
    """CREATE TABLE actor_mentions (
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT
    )""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        sentence_start INTEGER,
        sentence_end INTEGER,
        sentence_text TEXT,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text TEXT,
        source_start INTEGER,
        source_end INTEGER,
        source_text TEXT,
        source_actor TEXT,
        source_name TEXT,
        source_code TEXT,
        source_country TEXT,
        source_sector TEXT,
        target_start INTEGER,
        target_end INTEGER,
        target_text TEXT,
        target_actor TEXT,
        target_name TEXT,
        target_code TEXT,
        target_country TEXT,
        target_sector TEXT,
        plover TEXT,
        cameo TEXT,
        quad_class INTEGER,
        goldstein DOUBLE,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        status TEXT,
        date DATE,
        location_place TEXT,
        location_name TEXT,
        lat DOUBLE,
        lon DOUBLE,
        statement_id TEXT,
        confidence DOUBLE,
        pattern TEXT
    )""",
    """CREATE TABLE statements (
        article_id TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        source_start INTEGER,
        source_end INTEGER,
        source_text TEXT,
        source_actor TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        medium TEXT,
        via TEXT[],
        disputes TEXT[],
        PRIMARY KEY (article_id, statement_id)
    )""",
    """CREATE TABLE statement_content (
        article_id TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT
    )""",
    """CREATE TABLE places (
        article_id TEXT NOT NULL,
        place_id TEXT NOT NULL,
        name TEXT NOT NULL,
        geonameid BIGINT,
        feature_class TEXT,
        country TEXT,
        admin1 TEXT,
        lat DOUBLE,
        lon DOUBLE,
        PRIMARY KEY (article_id, place_id)
    )""",
    """CREATE TABLE place_mentions (
        article_id TEXT NOT NULL,
        place_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT
    )""",
    "CREATE SEQUENCE failures_id_seq",
    """CREATE TABLE failures (
        id BIGINT PRIMARY KEY DEFAULT nextval('failures_id_seq'),
        doc_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        message TEXT,
        "at" TIMESTAMP NOT NULL
    )""",
    "CREATE INDEX events_date_idx ON events (date)",
    "CREATE INDEX events_plover_idx ON events (plover)",
    "CREATE INDEX events_cameo_idx ON events (cameo)",
    "CREATE INDEX events_article_idx ON events (article_id)",
)

#: Every migration, in order. Append new ones; never edit one that has shipped.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _SCHEMA_V1),
    Migration(
        2,
        "how precise event dates and locations are",
        (
            "ALTER TABLE events ADD COLUMN date_precision TEXT",
            "ALTER TABLE events ADD COLUMN location_precision TEXT",
        ),
    ),
)

#: The schema version this code reads and writes.
SCHEMA_VERSION = MIGRATIONS[-1].version

_CREATE_SCHEMA_VERSION = (
    "CREATE TABLE IF NOT EXISTS schema_version ("
    "version INTEGER PRIMARY KEY, description TEXT, applied_at TIMESTAMP NOT NULL)"
)

# The columns each insert fills, with their DuckDB types (the current schema).
_ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "TEXT"), ("doc_id", "TEXT"), ("title", "TEXT"), ("published", "DATE"), ("url", "TEXT"),
    ("source", "TEXT"), ("author", "TEXT"), ("credits", "TEXT[]"), ("path", "TEXT"),
    ("text", "TEXT"), ("added_at", "TIMESTAMP"),
)  # fmt: skip
_ACTOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "TEXT"), ("actor_id", "TEXT"), ("name", "TEXT"), ("code", "TEXT"),
    ("country", "TEXT"), ("sector", "TEXT"), ("wikidata", "TEXT"),
)  # fmt: skip
_MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "TEXT"), ("{owner}", "TEXT"), ("start", "INTEGER"), ('"end"', "INTEGER"),
    ("text", "TEXT"),
)  # fmt: skip
ARGUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("{role}_start", "INTEGER"), ("{role}_end", "INTEGER"), ("{role}_text", "TEXT"),
    ("{role}_actor", "TEXT"), ("{role}_name", "TEXT"), ("{role}_code", "TEXT"),
    ("{role}_country", "TEXT"), ("{role}_sector", "TEXT"),
)  # fmt: skip
_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "TEXT"), ("article_id", "TEXT"), ("event_id", "TEXT"),
    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("sentence_text", "TEXT"),
    ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger_text", "TEXT"),
    *((name.format(role="source"), kind) for name, kind in ARGUMENT_COLUMNS),
    *((name.format(role="target"), kind) for name, kind in ARGUMENT_COLUMNS),
    ("plover", "TEXT"), ("cameo", "TEXT"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
    ("acled_event_type", "TEXT"), ("acled_sub_event_type", "TEXT"), ("status", "TEXT"),
    ("date", "DATE"), ("location_place", "TEXT"), ("location_name", "TEXT"), ("lat", "DOUBLE"),
    ("lon", "DOUBLE"), ("statement_id", "TEXT"), ("confidence", "DOUBLE"), ("pattern", "TEXT"),
    ("date_precision", "TEXT"), ("location_precision", "TEXT"),
)  # fmt: skip
_STATEMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "TEXT"), ("statement_id", "TEXT"), ("source_start", "INTEGER"),
    ("source_end", "INTEGER"), ("source_text", "TEXT"), ("source_actor", "TEXT"),
    ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue_text", "TEXT"), ("medium", "TEXT"),
    ("via", "TEXT[]"), ("disputes", "TEXT[]"),
)  # fmt: skip
_PLACE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "TEXT"), ("place_id", "TEXT"), ("name", "TEXT"), ("geonameid", "BIGINT"),
    ("feature_class", "TEXT"), ("country", "TEXT"), ("admin1", "TEXT"), ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
)  # fmt: skip
FAILURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "TEXT"), ("stage", "TEXT"), ("reason", "TEXT"), ("message", "TEXT"),
    ('"at"', "TIMESTAMP"),
)  # fmt: skip

TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _ARTICLE_COLUMNS,
    "actors": _ACTOR_COLUMNS,
    "actor_mentions": tuple((n.format(owner="actor_id"), k) for n, k in _MENTION_COLUMNS),
    "events": _EVENT_COLUMNS,
    "statements": _STATEMENT_COLUMNS,
    "statement_content": tuple((n.format(owner="statement_id"), k) for n, k in _MENTION_COLUMNS),
    "places": _PLACE_COLUMNS,
    "place_mentions": tuple((n.format(owner="place_id"), k) for n, k in _MENTION_COLUMNS),
}

def utc_now() -> datetime:
    """The current UTC time as a naive timestamp (DuckDB ``TIMESTAMP``)."""
    return datetime.now(UTC).replace(tzinfo=None)


def read_schema_version(connection: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database; 0 when it has no ``schema_version`` table."""
    found = connection.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = connection.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(
    connection: duckdb.DuckDBPyConnection,
    *,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> int:
    """Apply the migrations the database lacks, each in one transaction; return the new version.

    Raises :class:`StoreError` when the database is at a version above the last migration.
    """
    known = migrations[-1].version if migrations else 0
    current = read_schema_version(connection)
    if current > known:
        raise StoreError(
            f"the store is at schema version {current}, newer than this eventwire "
            f"understands ({known}); upgrade eventwire to open it"
        )
    if current == known:
        return current
    connection.execute(_CREATE_SCHEMA_VERSION)
    for migration in migrations:
        if migration.version <= current:
            continue
        logger.info("migrating store to schema version %d (%s)", migration.version,
                    migration.description)  # fmt: skip
        connection.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                connection.execute(statement)
            connection.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.description, utc_now()],
            )
            connection.execute("COMMIT")
        except duckdb.Error as e:
            connection.execute("ROLLBACK")
            raise StoreError(
                f"migration to schema version {migration.version} failed: {e}"
            ) from e
        current = migration.version
    return current
