"""The FastAPI application: JSON endpoints over an event store, and the dashboard at ``/``.

The app never holds the store file between requests (see :mod:`eventwire.store.sharing`): each
request opens it read-only (ingestion: read-write) and closes it, so ``eventwire run`` can add
documents to the same file while the server runs, and the next request sees them.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..dashboard import static_directory
from ..errors import InputError, StoreError
from ..pipeline import PipelineConfig
from ..store.base import EventQuery
from ..store.duckdb_store import DuckDBStore
from ..store.sharing import DEFAULT_WAIT, SharedFileStore, StoreLockedError
from .evidence import article_view, event_evidence
from .ingestion import Ingestor, documents_from_body

logger = logging.getLogger(__name__)

#: The most rows one page of events or statements may hold.
MAX_PAGE = 1000
DEFAULT_PAGE = 50


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """``"RUS-UKR"`` or ``"RUS,UKR"`` -> ``("RUS", "UKR")``; ``None`` or ``""`` -> ``None``."""
    if not value or not value.strip():
        return None
    separator = "," if "," in value else "-"
    first, found, second = value.partition(separator)
    if not found or not first.strip() or not second.strip():
        raise HTTPException(400, f"a dyad is two actors like RUS-UKR or RUS,UKR, not {value!r}")
    return first.strip(), second.strip()


def event_query(
    actor: Annotated[str | None, Query(description="Source or target: code prefix or name substring")] = None,
    country: Annotated[str | None, Query(description="Source or target country (ISO3)")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code prefix")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD)")] = None,
    status: Annotated[str | None, Query(description="asserted, reported, negated...")] = None,
    place: Annotated[str | None, Query(description="Substring of the event's place name")] = None,
    q: Annotated[str | None, Query(description="Text search in the sentence")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, either direction: RUS-UKR")] = None,
) -> EventQuery:
    """The event filters every listing endpoint shares."""
    try:
        return EventQuery(
            actor=actor or None, country=country or None, plover=plover or None,
            cameo=cameo or None, quad_class=quad_class, since=since, until=until,
            status=status or None, place=place or None, q=q or None, dyad=parse_dyad(dyad),
        )  # fmt: skip
    except StoreError as e:
        raise HTTPException(400, str(e)) from e


#: What ``POST /api/articles`` accepts, for the OpenAPI document.
_ARTICLE_OBJECT = {
    "type": "object",
    "properties": {
        name: {"type": "string"} for name in ("text", "html", "id", "title", "published", "url", "source", "author")
    },
}
ARTICLE_BODY_CONTENT = {
    "text/plain": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"oneOf": [_ARTICLE_OBJECT, {"type": "array", "items": _ARTICLE_OBJECT}]}},
}

Filters = Annotated[EventQuery, Depends(event_query)]
Limit = Annotated[int, Query(ge=0, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    config: PipelineConfig = PipelineConfig(),
    wait: float = DEFAULT_WAIT,
) -> FastAPI:
    """The eventwire web app over the store at ``db_path`` (created and migrated if needed).

    ``token``: the bearer token ``POST /api/articles`` requires; with none, ingestion over HTTP is
    refused (403). ``config``: the pipeline that ingestion builds, once, on its first use.
    ``wait``: how long a request waits for another process writing the file (then 503).
    """
    store = SharedFileStore(db_path, wait=wait)
    ingestor = Ingestor(store, config=config)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Evidence-linked political event data: who did what to whom, where, when, "
        "and according to whom.",
    )
    app.state.store = store
    app.state.ingestor = ingestor

    @app.exception_handler(StoreLockedError)
    def store_locked(request: Request, error: StoreLockedError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(StoreError)
    def store_failed(request: Request, error: StoreError) -> JSONResponse:
        logger.error("store error on %s: %s", request.url.path, error)
        return JSONResponse({"detail": str(error)}, status_code=500)

    def require_token(request: Request) -> None:
        if not token:
            raise HTTPException(403, "ingestion over HTTP is disabled: start the server with EVENTWIRE_TOKEN set")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise HTTPException(401, "send Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(403, "wrong token")

    @app.get("/api/summary")
    def summary() -> dict[str, Any]:
        """Counts: articles, events, failures; events by PLOVER type; top dyads."""
        overview = store.summary(top=20)
        return {
            "articles": overview.articles,
            "events": overview.events,
            "failures": overview.failures,
            "events_by_plover": overview.events_by_plover,
            "top_dyads": [{"source": s, "target": t, "events": n} for s, t, n in overview.top_dyads],
        }

    @app.get("/api/events")
    def list_events(query: Filters, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
        """Events matching the filters, by date: ``{"items": [...], "total": N}``."""
        page = _page(query, limit=limit, offset=offset)

        def read(db: DuckDBStore) -> dict[str, Any]:
            return {"items": db.event_page(page), "total": db.count_events(query), "limit": limit, "offset": offset}

        return store.read(read)

    @app.get("/api/events/{event_id}")
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its evidence: article, sentence, spans, statement and attribution chain."""

        def read(db: DuckDBStore) -> dict[str, Any] | None:
            row = db.event(event_id)
            record = db.article(row["article_id"]) if row else None
            return event_evidence(row, record) if row and record else None

        found = store.read(read)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str) -> dict[str, Any]:
        """One article with its text and layers (actors, events with their chains, statements, places)."""
        record = store.article(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return article_view(record)

    @app.get("/api/actors")
    def list_actors(query: Filters, limit: Limit = 100) -> dict[str, Any]:
        """Actors of the matching events, most active first."""
        return {"items": store.read(lambda db: db.actors(query, limit=limit))}

    @app.get("/api/network")
    def actor_network(query: Filters, limit: Limit = 60) -> dict[str, Any]:
        """Who acts on whom: weighted edges between actors, with mean Goldstein."""
        return {"edges": store.read(lambda db: db.actor_network(query, limit=limit))}

    @app.get("/api/statements")
    def list_statements(
        q: Annotated[str | None, Query(description="Text search in what was said")] = None,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Statements (who says what, via whom), oldest first: ``{"items", "total"}``."""

        def read(db: DuckDBStore) -> dict[str, Any]:
            return {"items": db.statements(q=q, limit=limit, offset=offset), "total": db.count_statements(q=q)}

        return store.read(read)

    @app.get("/api/places")
    def list_places(query: Filters, limit: Limit = 1000) -> dict[str, Any]:
        """Places as a GeoJSON FeatureCollection of points (with the events located there)."""
        rows = store.read(lambda db: db.places(query, limit=limit))
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                    "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
                }
                for row in rows
            ],
        }

    @app.get("/api/timeline")
    def timeline(query: Filters) -> dict[str, Any]:
        """Per day: event counts by QuadClass and mean Goldstein (optionally for one dyad)."""
        return {"dyad": list(query.dyad) if query.dyad else None, "days": store.read(lambda db: db.timeline(query))}

    @app.post(
        "/api/articles",
        status_code=201,
        dependencies=[Depends(require_token)],
        openapi_extra={"requestBody": {"required": True, "content": ARTICLE_BODY_CONTENT}},
    )
    async def post_articles(request: Request) -> JSONResponse:
        """Ingest text, HTML or JSON (see :mod:`eventwire.api.ingestion`); needs the bearer token.

        201 with one result per document when at least one was processed, else 422.
        """
        body = await request.body()
        try:
            documents = documents_from_body(
                body,
                content_type=request.headers.get("content-type", "text/plain"),
                params=request.query_params,
                max_bytes=config.max_bytes,
            )
        except InputError as e:
            raise HTTPException(422, str(e)) from e
        results = await run_in_threadpool(ingestor.ingest, documents)
        status = 201 if any(r.article_id for r in results) else 422
        return JSONResponse({"results": [r.to_record() for r in results]}, status_code=status)

    static = static_directory()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    return app


def _page(query: EventQuery, *, limit: int, offset: int) -> EventQuery:
    return replace(query, limit=limit, offset=offset)
