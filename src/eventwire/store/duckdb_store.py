"""The event store in an embedded DuckDB database file.

The schema and its migrations are in :mod:`eventwire.store.schema`, the SQL of the read queries in
:mod:`eventwire.store.queries`.

Concurrency. DuckDB lets one process write a database file: a store opened read-write holds the
file until it is closed, and any other process that opens it (read-write or ``read_only=True``)
gets :class:`StoreError`. ``read_only=True`` opens a file for querying when no writer holds it;
several read-only processes may share a file. Within a process one :class:`DuckDBStore` may be
shared by threads (a web server): every use of its connection is serialised by a lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..errors import StoreError, StoreLockedError
from ..model import Argument, Article, Failure
from .base import AddResult, EventQuery, StoreSummary
from .queries import (
    CLAIMS_SQL,
    EVENT_ORDER,
    EVENT_SELECT,
    FROM_EVENTS,
    STATEMENT_FROM,
    event_conditions,
    event_filters,
    group_spans,
    query_has_filters,
    statement_filter,
    statement_record,
)
from .schema import (
    ARGUMENT_COLUMNS,
    FAILURE_COLUMNS,
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    migrate,
    read_schema_version,
    utc_now,
)

logger = logging.getLogger(__name__)

MEMORY = ":memory:"

#: Rows per INSERT statement; each statement sends one list per column.
INSERT_CHUNK_ROWS = 20_000


def event_row_id(article_id: str, event_id: str) -> str:
    """The primary key of an event row: the article hash prefix and the event's id."""
    return f"{article_id[:16]}:{event_id}"


def _open_error(path: str, error: duckdb.Error) -> StoreError:
    message = str(error)
    if "lock" in message.lower():
        return StoreLockedError(
            f"database {path} is locked by another process: DuckDB lets one process hold a "
            "store opened for writing; close that process (or query through it, e.g. the "
            f"server) and try again ({message})"
        )
    return StoreError(f"cannot open store {path}: {message}")


class DuckDBStore:
    """The :class:`~eventwire.store.base.Store` in a DuckDB file (or ``":memory:"``)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.Lock()
        if self.path != MEMORY and not read_only:
            file = Path(self.path)
            file.parent.mkdir(parents=True, exist_ok=True)
            if file.is_file() and file.stat().st_size == 0:
                logger.info("store file %s is empty; creating a new database in it", file)
                file.unlink()
        try:
            self._connection: duckdb.DuckDBPyConnection | None = duckdb.connect(
                self.path, read_only=read_only
            )
        except duckdb.Error as e:
            raise _open_error(self.path, e) from e
        try:
            self.schema_version = self._prepare_schema()
        except BaseException:
            self.close()
            raise

    def _prepare_schema(self) -> int:
        connection = self._require_connection()
        try:
            if not self.read_only:
                return migrate(connection)
            version = read_schema_version(connection)
        except duckdb.Error as e:
            raise StoreError(f"cannot read the schema of store {self.path}: {e}") from e
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} is at schema version {version}, newer than this "
                f"eventwire understands ({SCHEMA_VERSION}); upgrade eventwire to open it"
            )
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} is at schema version {version} and needs migrating to "
                f"{SCHEMA_VERSION}; open it once without read_only to migrate it"
            )
        return version

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                try:
                    self._connection.close()
                except duckdb.Error as e:
                    raise StoreError(f"cannot close store {self.path}: {e}") from e
                finally:
                    self._connection = None

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        state = "closed" if self._connection is None else mode
        return f"<DuckDBStore {self.path} {state}>"

    def _require_connection(self) -> duckdb.DuckDBPyConnection:
        if self._connection is None:
            raise StoreError(f"store {self.path} is closed")
        return self._connection

    def _require_writable(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only; open it without read_only")
        return self._require_connection()

    def _fetch_dicts(self, sql: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        connection = self._require_connection()
        try:
            cursor = connection.execute(sql, list(parameters))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as e:
            raise StoreError(f"query on store {self.path} failed: {e}") from e

    def _fetch_rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        connection = self._require_connection()
        try:
            return connection.execute(sql, list(parameters)).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"query on store {self.path} failed: {e}") from e

    def _spans_by_owner(self, table: str, owner: str, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """The evidence spans of one article's actors, statements or places, grouped by owner id."""
        return group_spans(
            self._fetch_rows(
                f'SELECT {owner}, start, "end", text FROM {table} WHERE article_id = ? ORDER BY start, "end"',
                [article_id],
            )
        )

    # -- writing -------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store the articles whose content hash is not stored yet, in one transaction.

        An article already stored, or repeated within ``articles``, counts as a duplicate and
        adds nothing. The spaCy ``doc`` is never stored.
        """
        with self._lock:
            connection = self._require_writable()
            batch: dict[str, Article] = {}
            duplicates = 0
            for article in articles:
                if article.content_hash in batch:
                    duplicates += 1
                else:
                    batch[article.content_hash] = article
            if not batch:
                return AddResult(added=0, duplicates=duplicates, events=0)
            rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLE_COLUMNS}
            try:
                connection.execute("BEGIN TRANSACTION")
                stored = {
                    row[0]
                    for row in connection.execute(
                        "SELECT id FROM articles WHERE id IN (SELECT unnest(?::TEXT[]))",
                        [list(batch)],
                    ).fetchall()
                }
                added_at = utc_now()
                for article_id, article in batch.items():
                    if article_id in stored:
                        duplicates += 1
                    else:
                        _collect_rows(article_id, article, added_at, rows)
                for table, table_rows in rows.items():
                    _insert_rows(connection, table, TABLE_COLUMNS[table], table_rows)
                connection.execute("COMMIT")
            except duckdb.Error as e:
                _roll_back(connection)
                raise StoreError(f"cannot add articles to store {self.path}: {e}") from e
            except BaseException:
                _roll_back(connection)
                raise
            result = AddResult(
                added=len(rows["articles"]), duplicates=duplicates, events=len(rows["events"])
            )
            logger.debug("store %s: %s", self.path, result)
            return result

    def add_failures(self, failures: Iterable[Failure]) -> int:
        """Store failures; one equal to a stored one (same document, stage, reason and message)
        is not stored again. Returns how many were added."""
        with self._lock:
            connection = self._require_writable()
            at = utc_now()
            unique = {
                (f.doc_id, f.stage, f.reason, f.message): None for f in failures
            }  # ordered set
            if not unique:
                return 0
            try:
                connection.execute("BEGIN TRANSACTION")
                stored = set(
                    connection.execute(
                        "SELECT doc_id, stage, reason, message FROM failures "
                        "WHERE doc_id IN (SELECT unnest(?::TEXT[]))",
                        [sorted({key[0] for key in unique})],
                    ).fetchall()
                )
                new_rows = [(*key, at) for key in unique if key not in stored]
                _insert_rows(connection, "failures", FAILURE_COLUMNS, new_rows)
                connection.execute("COMMIT")
            except duckdb.Error as e:
                _roll_back(connection)
                raise StoreError(f"cannot add failures to store {self.path}: {e}") from e
            except BaseException:
                _roll_back(connection)
                raise
            return len(new_rows)

    # -- reading -------------------------------------------------------------------------------

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        where, parameters = event_filters(query)
        sql = EVENT_SELECT + where + EVENT_ORDER
        if query.limit is not None:
            sql += " LIMIT ?"
            parameters.append(query.limit)
        if query.offset:
            sql += " OFFSET ?"
            parameters.append(query.offset)
        with self._lock:
            return self._fetch_dicts(sql, parameters)

    def count_events(self, query: EventQuery) -> int:
        where, parameters = event_filters(query)
        sql = "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id" + where
        with self._lock:
            return int(self._fetch_rows(sql, parameters)[0][0])

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article with its actors, events, statements and places, shaped like
        :meth:`Article.to_record` (events are flat rows as :meth:`events` returns them)."""
        with self._lock:
            found = self._fetch_dicts("SELECT * FROM articles WHERE id = ?", [article_id])
            if not found:
                return None
            record = found[0]
            mentions = self._spans_by_owner("actor_mentions", "actor_id", article_id)
            record["actors"] = [
                {**actor, "mentions": mentions.get(actor["id"], [])}
                for actor in self._fetch_dicts(
                    "SELECT actor_id AS id, name, code, country, sector, wikidata FROM actors "
                    "WHERE article_id = ? ORDER BY actor_id",
                    [article_id],
                )
            ]
            record["events"] = self._fetch_dicts(
                EVENT_SELECT + " WHERE e.article_id = ?" + EVENT_ORDER, [article_id]
            )
            contents = self._spans_by_owner("statement_content", "statement_id", article_id)
            record["statements"] = [
                statement_record(row, contents.get(row["statement_id"], []))
                for row in self._fetch_dicts(
                    "SELECT * EXCLUDE (article_id) FROM statements WHERE article_id = ? "
                    "ORDER BY cue_start, statement_id",
                    [article_id],
                )
            ]
            place_mentions = self._spans_by_owner("place_mentions", "place_id", article_id)
            record["places"] = [
                {**place, "mentions": place_mentions.get(place["id"], [])}
                for place in self._fetch_dicts(
                    "SELECT place_id AS id, * EXCLUDE (article_id, place_id) FROM places "
                    "WHERE article_id = ? ORDER BY place_id",
                    [article_id],
                )
            ]
            return record

    def failures(self) -> list[dict[str, Any]]:
        with self._lock:
            return self._fetch_dicts(
                'SELECT id, doc_id, stage, reason, message, "at" FROM failures ORDER BY id'
            )

    def summary(self, *, top: int = 10) -> StoreSummary:
        """Counts, events by PLOVER type, the ``top`` most frequent dyads of resolved actors
        (actor codes, source and target different), failures by reason."""
        with self._lock:
            counts = self._fetch_rows(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                "(SELECT count(*) FROM failures)"
            )[0]
            by_plover = self._fetch_rows(
                "SELECT coalesce(plover, ''), count(*) AS n FROM events "
                "GROUP BY ALL ORDER BY n DESC, 1"
            )
            dyads = self._fetch_rows(
                "SELECT source_code AS s, target_code AS t, count(*) AS n FROM events "
                "WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t "
                "GROUP BY ALL ORDER BY n DESC, s, t LIMIT ?",
                [max(top, 0)],
            )
            by_reason = self._fetch_rows(
                "SELECT reason, count(*) AS n FROM failures GROUP BY ALL ORDER BY n DESC, 1"
            )
        return StoreSummary(
            articles=int(counts[0]),
            events=int(counts[1]),
            failures=int(counts[2]),
            events_by_plover={plover: int(n) for plover, n in by_plover},
            top_dyads=[(source, target, int(n)) for source, target, n in dyads],
            failures_by_reason={reason: int(n) for reason, n in by_reason},
        )


    # -- views for the REST API and the dashboard ---------------------------------------------

    def event_page(self, query: EventQuery) -> list[dict[str, Any]]:
        """The same rows as :meth:`events`, faster for one page of a large store: the matching
        events are ordered and paged on the event table alone, then only that page is joined to
        its articles (about 4x faster for 50 of 100,000 events)."""
        where, parameters = event_filters(query)
        page = "SELECT e.id FROM events e" + where + EVENT_ORDER
        if query.limit is not None:
            page += " LIMIT ?"
            parameters.append(query.limit)
        if query.offset:
            page += " OFFSET ?"
            parameters.append(query.offset)
        sql = f"WITH page AS ({page}) " + EVENT_SELECT + " JOIN page ON page.id = e.id" + EVENT_ORDER
        with self._lock:
            return self._fetch_dicts(sql, parameters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event row by its id (as :meth:`events` returns rows), or ``None``."""
        with self._lock:
            found = self._fetch_dicts(EVENT_SELECT + " WHERE e.id = ?", [event_id])
        return found[0] if found else None

    def actors(self, query: EventQuery = EventQuery(), *, limit: int = 100) -> list[dict[str, Any]]:
        """Actors of the events matching ``query``, most active first.

        One row per actor code (or name, for actors without a code): ``id`` (the code or name),
        ``code``, ``name`` (the most frequent), ``country``, ``sector``, ``events``, ``as_source``,
        ``as_target``.
        """
        source_where, parameters = event_conditions(query, "e.source_name IS NOT NULL")
        target_where, _ = event_conditions(query, "e.target_name IS NOT NULL")
        sql = (
            "WITH sides AS ("
            "SELECT e.source_code AS code, e.source_name AS name, e.source_country AS country, "
            "e.source_sector AS sector, 1 AS as_source" + FROM_EVENTS + source_where + " UNION ALL "
            "SELECT e.target_code, e.target_name, e.target_country, e.target_sector, 0"
            + FROM_EVENTS + target_where + ") "
            "SELECT coalesce(code, name) AS id, any_value(code) AS code, mode(name) AS name, "
            "any_value(country) AS country, any_value(sector) AS sector, count(*) AS events, "
            "sum(as_source)::INTEGER AS as_source, (count(*) - sum(as_source))::INTEGER AS as_target "
            "FROM sides GROUP BY 1 ORDER BY events DESC, id LIMIT ?"
        )
        with self._lock:
            return self._fetch_dicts(sql, [*parameters, *parameters, max(limit, 0)])

    def actor_network(
        self, query: EventQuery = EventQuery(), *, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Who acts on whom: one row per (source, target) pair of resolved actors, most events
        first: ``source``, ``target`` (actor code, else name), ``events``, ``goldstein`` (mean),
        ``cooperation`` (QuadClass 1-2) and ``conflict`` (QuadClass 3-4) counts."""
        where, parameters = event_conditions(
            query, "e.source_name IS NOT NULL", "e.target_name IS NOT NULL"
        )
        sql = (
            "SELECT coalesce(e.source_code, e.source_name) AS source, "
            "coalesce(e.target_code, e.target_name) AS target, count(*) AS events, "
            "avg(e.goldstein) AS goldstein, "
            "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
            "count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict"
            + FROM_EVENTS + where + " GROUP BY 1, 2 HAVING source <> target "
            "ORDER BY events DESC, source, target LIMIT ?"
        )
        with self._lock:
            return self._fetch_dicts(sql, [*parameters, max(limit, 0)])

    def timeline(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        """Per day with dated events matching ``query``: ``date``, ``events``, ``q1``..``q4``
        (counts by QuadClass) and ``goldstein`` (mean), oldest first."""
        where, parameters = event_conditions(query, "e.date IS NOT NULL")
        sql = (
            "SELECT e.date AS date, count(*) AS events, "
            + ", ".join(f"count(*) FILTER (WHERE e.quad_class = {n}) AS q{n}" for n in (1, 2, 3, 4))
            + ", avg(e.goldstein) AS goldstein"
            + FROM_EVENTS + where + " GROUP BY e.date ORDER BY e.date"
        )
        with self._lock:
            return self._fetch_dicts(sql, parameters)

    def places(
        self, query: EventQuery = EventQuery(), *, limit: int = 2000
    ) -> list[dict[str, Any]]:
        """Places with coordinates: those the articles mention and those events are located at.

        One row per (name, lat, lon): ``name``, ``lat``, ``lon``, ``country``, ``feature_class``,
        ``articles`` (articles mentioning it), ``events`` (events matching ``query`` located
        there) and ``goldstein`` (their mean). When ``query`` filters events, only places with
        matching events are returned. Most events first.
        """
        where, parameters = event_conditions(query, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
        sql = (
            "WITH p AS (SELECT name, round(lat, 4) AS lat, round(lon, 4) AS lon, "
            "any_value(country) AS country, any_value(feature_class) AS feature_class, "
            "count(DISTINCT article_id) AS articles FROM places "
            "WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3), "
            "ev AS (SELECT e.location_name AS name, round(e.lat, 4) AS lat, round(e.lon, 4) AS lon, "
            "count(*) AS events, avg(e.goldstein) AS goldstein"
            + FROM_EVENTS + where + " GROUP BY 1, 2, 3) "
            "SELECT coalesce(p.name, ev.name) AS name, coalesce(p.lat, ev.lat) AS lat, "
            "coalesce(p.lon, ev.lon) AS lon, p.country, p.feature_class, "
            "coalesce(p.articles, 0) AS articles, coalesce(ev.events, 0) AS events, ev.goldstein "
            "FROM p FULL OUTER JOIN ev ON p.name = ev.name AND p.lat = ev.lat AND p.lon = ev.lon"
            + (" WHERE ev.events > 0" if query_has_filters(query) else "")
            + " ORDER BY events DESC, articles DESC, name LIMIT ?"
        )
        with self._lock:
            return self._fetch_dicts(sql, [*parameters, max(limit, 0)])

    def statements(
        self, *, q: str | None = None, limit: int | None = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Statements across the store, oldest article first: who said it (span text, resolved
        actor name and code), the cue, medium, ``via``, ``disputes``, the quoted ``content``
        (its spans joined) and the article's ``article_id``, ``title``, ``published``,
        ``source``. ``q`` searches the content, case-insensitive."""
        where, parameters = statement_filter(q)
        sql = (
            "SELECT s.article_id, s.statement_id AS id, s.source_text, s.source_actor, "
            "act.name AS source_name, act.code AS source_code, s.cue_text AS cue, s.medium, "
            "s.via, s.disputes, c.content, a.title, a.published, a.source"
            + STATEMENT_FROM + where
            + " ORDER BY a.published NULLS LAST, s.article_id, s.cue_start, s.statement_id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(max(limit, 0))
        if offset:
            sql += " OFFSET ?"
            parameters.append(offset)
        with self._lock:
            rows = self._fetch_dicts(sql, parameters)
        for row in rows:
            row["via"] = list(row["via"] or [])
            row["disputes"] = list(row["disputes"] or [])
        return rows

    def count_statements(self, *, q: str | None = None) -> int:
        """How many statements :meth:`statements` would return without paging."""
        where, parameters = statement_filter(q)
        with self._lock:
            return int(self._fetch_rows("SELECT count(*)" + STATEMENT_FROM + where, parameters)[0][0])

    def claims(self, *, disputed: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
        """Events that reach the reader as somebody's claim (events inside a statement), oldest
        article first, each with who claims it (``claimed_by``, ``medium``, ``via``), who supports
        it (``supporters``: every distinct claimant, across the store, of an event with the same
        CAMEO code and the same source and target actors or texts) and who disputes it
        (``disputed_by``: the sources of statements in the same article whose ``disputes`` list the
        event or its statement). ``disputed=True`` keeps only disputed claims."""
        sql = CLAIMS_SQL + (" WHERE len(disputed_by) > 0" if disputed else "") + (
            " ORDER BY published NULLS LAST, article_id, trigger_start, event_id"
        )
        parameters: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            parameters.append(max(limit, 0))
        with self._lock:
            return self._fetch_dicts(sql, parameters)


def _collect_rows(
    article_id: str, article: Article, added_at: datetime, rows: dict[str, list[tuple[Any, ...]]]
) -> None:
    """Append the rows of one article to ``rows`` (table name -> rows)."""
    meta = article.meta
    rows["articles"].append(
        (
            article_id, article.doc_id, meta.title, meta.published, meta.url, meta.source,
            meta.author, list(meta.credits), meta.path, article.text, added_at,
        )
    )  # fmt: skip
    actors = {actor.id: actor for actor in article.actors}
    for actor in article.actors:
        rows["actors"].append(
            (article_id, actor.id, actor.name, actor.code, actor.country, actor.sector,
             actor.wikidata)
        )  # fmt: skip
        rows["actor_mentions"].extend(
            (article_id, actor.id, m.start, m.end, m.text) for m in actor.mentions
        )
    for event in article.events:
        sentence = event.sentence
        location = event.location
        rows["events"].append(
            (
                event_row_id(article_id, event.id), article_id, event.id,
                sentence.start, sentence.end, article.text[sentence.start : sentence.end],
                event.trigger.start, event.trigger.end, event.trigger.text,
                *_argument_values(event.source, actors),
                *_argument_values(event.target, actors),
                event.plover, event.cameo, event.quad_class, event.goldstein,
                event.acled.event_type if event.acled else None,
                event.acled.sub_event_type if event.acled else None,
                event.status, event.date or meta.published,
                location.place if location else None, location.name if location else None,
                location.lat if location else None, location.lon if location else None,
                event.statement, event.confidence, event.pattern,
                event.date_precision if event.date else ("day" if meta.published else None),
                location.precision if location else None,
            )
        )  # fmt: skip
    for statement in article.statements:
        source = statement.source
        rows["statements"].append(
            (
                article_id, statement.id,
                source.span.start if source else None, source.span.end if source else None,
                source.span.text if source else None, source.actor if source else None,
                statement.cue.start, statement.cue.end, statement.cue.text, statement.medium,
                list(statement.via), list(statement.disputes),
            )
        )  # fmt: skip
        rows["statement_content"].extend(
            (article_id, statement.id, c.start, c.end, c.text) for c in statement.content
        )
    for place in article.places:
        rows["places"].append(
            (
                article_id, place.id, place.name, place.geonameid, place.feature_class,
                place.country, place.admin1, place.lat, place.lon,
            )
        )  # fmt: skip
        rows["place_mentions"].extend(
            (article_id, place.id, m.start, m.end, m.text) for m in place.mentions
        )


def _argument_values(argument: Argument | None, actors: dict[str, Any]) -> tuple[Any, ...]:
    """start, end, text, actor id, name, code, country, sector of an event argument."""
    if argument is None:
        return (None,) * len(ARGUMENT_COLUMNS)
    actor = actors.get(argument.actor) if argument.actor else None
    return (
        argument.span.start, argument.span.end, argument.span.text, argument.actor,
        actor.name if actor else None, actor.code if actor else None,
        actor.country if actor else None, actor.sector if actor else None,
    )  # fmt: skip


def _insert_rows(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Insert rows column-wise: one list parameter per column, unnested together by DuckDB.

    This is much faster than ``executemany`` for thousands of rows.
    """
    if not rows:
        return
    names = ", ".join(name for name, _ in columns)
    values = ", ".join(f"unnest(?::{kind}[])" for _, kind in columns)
    sql = f"INSERT INTO {table} ({names}) SELECT {values}"
    for first in range(0, len(rows), INSERT_CHUNK_ROWS):
        chunk = rows[first : first + INSERT_CHUNK_ROWS]
        connection.execute(sql, [list(column) for column in zip(*chunk, strict=True)])


def _roll_back(connection: duckdb.DuckDBPyConnection) -> None:
    try:
        connection.execute("ROLLBACK")
    except duckdb.Error as e:  # no transaction open: nothing to undo
        logger.debug("rollback failed: %s", e)
