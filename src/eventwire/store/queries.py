"""The SQL the store reads with: event selection and filters, statements and claims, span grouping."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .base import EventQuery

# What events() returns: the event columns (sentence_text renamed) and the article's metadata.
EVENT_SELECT = (
    "SELECT e.* EXCLUDE (sentence_text), e.sentence_text AS sentence, "
    "a.doc_id, a.title, a.published, a.source "
    "FROM events e JOIN articles a ON a.id = e.article_id"
)
EVENT_ORDER = (
    " ORDER BY e.date NULLS LAST, e.article_id, e.sentence_start, e.trigger_start, e.event_id"
)


STATEMENT_FROM = (
    " FROM statements s JOIN articles a ON a.id = s.article_id "
    "LEFT JOIN actors act ON act.article_id = s.article_id AND act.actor_id = s.source_actor "
    "LEFT JOIN (SELECT article_id, statement_id, string_agg(text, ' … ' ORDER BY start) AS content "
    "FROM statement_content GROUP BY 1, 2) c "
    "ON c.article_id = s.article_id AND c.statement_id = s.statement_id"
)


#: Claims: events inside statements, with their claimant, supporters and disputers.
CLAIMS_SQL = """
WITH claimant AS (
    SELECT s.article_id, s.statement_id, coalesce(act.name, s.source_text) AS who, s.medium, s.via, s.disputes
    FROM statements s
    LEFT JOIN actors act ON act.article_id = s.article_id AND act.actor_id = s.source_actor
),
claim AS (
    SELECT e.article_id, e.event_id, e.statement_id, e.trigger_start, e.trigger_text, e.cameo, e.plover,
           e.status, e.sentence_text, coalesce(e.source_name, e.source_text) AS event_source,
           coalesce(e.target_name, e.target_text) AS event_target,
           coalesce(e.source_code, e.source_name, lower(e.source_text), '') AS source_key,
           coalesce(e.target_code, e.target_name, lower(e.target_text), '') AS target_key,
           c.who AS claimed_by, c.medium, c.via, a.title, a.published, a.source
    FROM events e
    JOIN claimant c ON c.article_id = e.article_id AND c.statement_id = e.statement_id
    JOIN articles a ON a.id = e.article_id
),
support AS (
    SELECT cameo, source_key, target_key, list(DISTINCT claimed_by ORDER BY claimed_by) AS supporters
    FROM claim WHERE claimed_by IS NOT NULL GROUP BY 1, 2, 3
),
dispute AS (
    SELECT cl.article_id, cl.event_id, list(DISTINCT d.who ORDER BY d.who) AS disputed_by
    FROM claim cl
    JOIN claimant d ON d.article_id = cl.article_id
        AND (list_contains(d.disputes, cl.event_id) OR list_contains(d.disputes, cl.statement_id))
    WHERE d.who IS NOT NULL
    GROUP BY 1, 2
)
SELECT * FROM (
    SELECT cl.article_id, cl.event_id, cl.statement_id, cl.trigger_start, cl.trigger_text AS trigger, cl.cameo,
           cl.plover, cl.status, cl.event_source, cl.event_target, cl.claimed_by, cl.medium, cl.via,
           coalesce(sp.supporters, []) AS supporters, coalesce(dp.disputed_by, []) AS disputed_by,
           cl.sentence_text AS sentence, cl.title, cl.published, cl.source
    FROM claim cl
    LEFT JOIN support sp ON sp.cameo = cl.cameo AND sp.source_key = cl.source_key AND sp.target_key = cl.target_key
    LEFT JOIN dispute dp ON dp.article_id = cl.article_id AND dp.event_id = cl.event_id
)"""


def statement_filter(q: str | None) -> tuple[str, list[Any]]:
    if not q:
        return "", []
    return " WHERE contains(lower(c.content), lower(?))", [q]


# -- rows ----------------------------------------------------------------------------------------


def group_spans(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    """``(owner id, start, end, text)`` rows -> owner id -> span records."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for owner, start, end, text in rows:
        grouped.setdefault(owner, []).append({"start": start, "end": end, "text": text})
    return grouped


def statement_record(row: dict[str, Any], content: list[dict[str, Any]]) -> dict[str, Any]:
    source = None
    if row["source_start"] is not None:
        source = {
            "start": row["source_start"],
            "end": row["source_end"],
            "text": row["source_text"],
            "actor": row["source_actor"],
        }
    return {
        "id": row["statement_id"],
        "source": source,
        "cue": {"start": row["cue_start"], "end": row["cue_end"], "text": row["cue_text"]},
        "content": content,
        "medium": row["medium"],
        "via": list(row["via"] or []),
        "disputes": list(row["disputes"] or []),
    }


def event_filters(query: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading space, or empty) and parameters for ``query``."""
    clauses: list[str] = []
    parameters: list[Any] = []
    if query.actor:
        clauses.append(
            "(contains(lower(coalesce(e.source_name, e.source_text)), lower(?))"
            " OR contains(lower(coalesce(e.target_name, e.target_text)), lower(?))"
            " OR starts_with(e.source_code, upper(?)) OR starts_with(e.target_code, upper(?)))"
        )
        parameters.extend([query.actor] * 4)
    if query.country:
        clauses.append("(e.source_country = upper(?) OR e.target_country = upper(?))")
        parameters.extend([query.country] * 2)
    if query.plover:
        clauses.append("lower(e.plover) = lower(?)")
        parameters.append(query.plover)
    if query.cameo:
        clauses.append("starts_with(e.cameo, ?)")
        parameters.append(query.cameo)
    if query.quad_class is not None:
        clauses.append("e.quad_class = ?")
        parameters.append(query.quad_class)
    if query.since is not None:
        clauses.append("e.date >= ?::DATE")
        parameters.append(query.since)
    if query.until is not None:
        clauses.append("e.date <= ?::DATE")
        parameters.append(query.until)
    if query.status:
        clauses.append("e.status = lower(?)")
        parameters.append(query.status)
    if query.q:
        clauses.append("contains(lower(e.sentence_text), lower(?))")
        parameters.append(query.q)
    if query.place:
        clauses.append("contains(lower(e.location_name), lower(?))")
        parameters.append(query.place)
    if query.dyad is not None:
        first, second = query.dyad
        clauses.append(
            f"(({_SIDE_MATCHES.format(side='source')} AND {_SIDE_MATCHES.format(side='target')})"
            f" OR ({_SIDE_MATCHES.format(side='target')} AND {_SIDE_MATCHES.format(side='source')}))"
        )
        parameters.extend([first] * 2 + [second] * 2 + [first] * 2 + [second] * 2)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), parameters


# One side of a dyad: an actor code prefix, or a substring of the actor's name (or argument text).
_SIDE_MATCHES = (
    "(starts_with(e.{side}_code, upper(?))"
    " OR contains(lower(coalesce(e.{side}_name, e.{side}_text)), lower(?)))"
)


def event_conditions(query: EventQuery, *conditions: str) -> tuple[str, list[Any]]:
    """:func:`event_filters` with more conditions (SQL without parameters) ANDed to them."""
    where, parameters = event_filters(query)
    if conditions:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(conditions)
    return where, parameters


def query_has_filters(query: EventQuery) -> bool:
    """Whether ``query`` filters events at all (paging aside)."""
    return bool(event_filters(query)[0])


FROM_EVENTS = " FROM events e JOIN articles a ON a.id = e.article_id"
