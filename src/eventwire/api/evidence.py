"""Evidence for the REST API: an event with the spans that support it and who says so.

These functions shape what the store returns (:meth:`DuckDBStore.article` records and event rows)
into the answers of ``GET /api/events/{id}`` and ``GET /api/articles/{id}``; they know nothing of
HTTP. Every offset is a character offset into the article's text.
"""

from __future__ import annotations

from typing import Any

#: Metadata of an article that every evidence answer carries.
ARTICLE_FIELDS = ("id", "doc_id", "title", "published", "source", "url", "author", "credits")


def describe_article(record: dict[str, Any]) -> dict[str, Any]:
    """The article's metadata, without its text and layers."""
    return {name: record.get(name) for name in ARTICLE_FIELDS}


def event_spans(row: dict[str, Any], record: dict[str, Any]) -> list[dict[str, Any]]:
    """The spans of one event: sentence, trigger, source, target, and the mentions of its place
    inside the sentence; each ``{"kind", "start", "end", "text"}``."""
    text = record["text"]
    spans: list[dict[str, Any]] = []

    def add(kind: str, start: int | None, end: int | None, **extra: Any) -> None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            return
        spans.append({"kind": kind, "start": start, "end": end, "text": text[start:end], **extra})

    add("sentence", row.get("sentence_start"), row.get("sentence_end"))
    add("trigger", row.get("trigger_start"), row.get("trigger_end"))
    for role in ("source", "target"):
        add(
            role, row.get(f"{role}_start"), row.get(f"{role}_end"),
            actor=row.get(f"{role}_name"), code=row.get(f"{role}_code"),
        )  # fmt: skip
    place_id = row.get("location_place")
    sentence_start, sentence_end = row.get("sentence_start"), row.get("sentence_end")
    for place in record.get("places", []):
        if place["id"] != place_id:
            continue
        for mention in place["mentions"]:
            if sentence_start is None or sentence_start <= mention["start"] < (sentence_end or 0):
                add("place", mention["start"], mention["end"], place=place["name"])
    return spans


def attribution_chain(record: dict[str, Any], statement_id: str | None) -> list[dict[str, Any]]:
    """How a fact reaches the reader, from the reader towards its origin.

    The outlet that published the article, the agencies it credits (unless the statement names
    its own intermediaries), then the statement the event rests on: its ``via`` entries,
    innermost last (``via`` lists them outward from the speaker; a statement id is followed to
    that statement, any other entry is a named intermediary not already in the chain), its
    speaker (the actor's name, else the span's text) and, when it is not a plain statement, its
    medium (``"letter"``...). For the DW sample: DW <- Interfax <- Peskov <- Denis Pushilin <-
    letter. Each link is ``{"role", "name"}``
    (roles: ``outlet``, ``agency``, ``via``, ``speaker``, ``medium``), speakers with their
    ``statement`` id, ``span`` and ``cue``.
    """
    links: list[dict[str, Any]] = []
    if record.get("source"):
        links.append({"role": "outlet", "name": record["source"]})
    statements = {statement["id"]: statement for statement in record.get("statements", [])}
    current = statements.get(statement_id) if statement_id else None
    if current is None or not current.get("via"):  # the statement's own intermediaries say more
        for credit in record.get("credits") or ():
            links.append({"role": "agency", "name": credit})
    seen: set[str] = set()
    while current is not None and current["id"] not in seen:
        seen.add(current["id"])
        following = None
        named = {link["name"].casefold() for link in links}
        for step in reversed(current.get("via") or ()):  # via lists the intermediaries outward
            if step in statements:
                following = statements[step]
            elif step.casefold() not in named:
                links.append({"role": "via", "name": step})
        speaker = _speaker_name(record, current)
        if links and links[-1]["role"] in ("speaker", "via") and links[-1]["name"] == speaker:
            links.pop()  # the same speaker quoted within their own statement: one link
        links.append(
            {
                "role": "speaker",
                "name": speaker,
                "statement": current["id"],
                "span": current.get("source"),
                "cue": current.get("cue"),
            }
        )
        if current.get("medium") and current["medium"] != "statement":
            links.append({"role": "medium", "name": current["medium"]})
        current = following
    return links


def disputed_by(record: dict[str, Any], statement_id: str | None, event_id: str | None = None) -> list[str]:
    """Who disputes an event or the statement it rests on: the speakers of the other statements
    whose ``disputes`` list the event or that statement."""
    statements = {statement["id"]: statement for statement in record.get("statements", [])}
    disputed = {key for key in (statement_id, event_id) if key}
    names: list[str] = []
    for other in statements.values():
        if other["id"] != statement_id and disputed & set(other.get("disputes") or ()):
            names.append(_speaker_name(record, other))
    return list(dict.fromkeys(names))


def event_evidence(row: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """The answer of ``GET /api/events/{id}``: the event row, its article's metadata, sentence,
    spans, the statement it rests on, its attribution chain and who disputes it."""
    statement_id = row.get("statement_id")
    statement = next((s for s in record.get("statements", []) if s["id"] == statement_id), None)
    start, end = row.get("sentence_start"), row.get("sentence_end")
    sentence = None
    if start is not None and end is not None:
        sentence = {"start": start, "end": end, "text": record["text"][start:end]}
    return {
        "event": row,
        "article": describe_article(record),
        "sentence": sentence,
        "spans": event_spans(row, record),
        "statement": statement,
        "chain": attribution_chain(record, statement_id),
        "disputed_by": disputed_by(record, statement_id, row.get("event_id")),
    }


def article_view(record: dict[str, Any]) -> dict[str, Any]:
    """The answer of ``GET /api/articles/{id}``: the stored article with its layers, each event
    carrying its ``chain`` and ``disputed_by``."""
    events = [
        {
            **row,
            "chain": attribution_chain(record, row.get("statement_id")),
            "disputed_by": disputed_by(record, row.get("statement_id"), row.get("event_id")),
        }
        for row in record.get("events", [])
    ]
    return {**record, "events": events}


def _speaker_name(record: dict[str, Any], statement: dict[str, Any]) -> str:
    source = statement.get("source")
    if not source:
        return "unattributed"
    actor = next((a for a in record.get("actors", []) if a["id"] == source.get("actor")), None)
    return actor["name"] if actor else source.get("text") or "unattributed"
