"""``POST /api/articles``: turn a request body into documents, run the pipeline, store the results.

A body is plain text (``text/plain``), an HTML page (``text/html``) or JSON (``application/json``):
one object or a list of objects, each ``{"text": ...}`` (taken verbatim, as a JSON Lines record is)
or ``{"html": ...}``, with optional ``id``, ``title``, ``published``, ``url``, ``source``,
``author``. Text and HTML bodies take their metadata from the query string (``id``, ``title``,
``published``, ``url``, ``source``) and otherwise from the document itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..clean import parse_date
from ..errors import InputError
from ..ingest import read_inputs
from ..model import Article, Failure, Metadata, RawDocument
from ..pipeline import Pipeline, PipelineConfig
from ..store.duckdb_store import event_row_id
from ..store.sharing import SharedFileStore

logger = logging.getLogger(__name__)

_META_FIELDS = ("title", "url", "source", "author")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one document posted became: an article (with its stored events) or a failure."""

    doc_id: str
    article_id: str | None
    added: bool
    events: tuple[str, ...]
    failure: Failure | None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "doc_id": self.doc_id,
            "article_id": self.article_id,
            "added": self.added,
            "events": list(self.events),
        }
        if self.failure is not None:
            record["error"] = self.failure.message
            record["reason"] = self.failure.reason
        return record


def documents_from_body(
    body: bytes, *, content_type: str, params: Mapping[str, str], max_bytes: int
) -> list[RawDocument | Failure]:
    """The documents in a request body. Raises :class:`InputError` for a body that cannot be
    read at all (bad JSON, no ``text``/``html`` in an object, oversized)."""
    if len(body) > max_bytes:
        raise InputError(f"the body is {len(body)} bytes, over the {max_bytes} byte limit")
    kind = content_type.split(";", 1)[0].strip().lower()
    fallback_id = "api:" + hashlib.sha256(body).hexdigest()[:16]
    if kind in ("application/json", "application/x-ndjson"):
        return _documents_from_json(body, fallback_id=fallback_id, max_bytes=max_bytes)
    meta = Metadata(
        published=parse_date(params["published"]) if params.get("published") else None,
        **{name: params.get(name) or None for name in _META_FIELDS},
    )
    doc_format = "html" if kind in ("text/html", "application/xhtml+xml") else "text"
    return [RawDocument(params.get("id") or fallback_id, doc_format, data=body, meta=meta)]


def _documents_from_json(body: bytes, *, fallback_id: str, max_bytes: int) -> list[RawDocument | Failure]:
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"the body is not valid JSON: {e}") from e
    objects = value if isinstance(value, list) else [value]
    documents: list[RawDocument | Failure] = []
    for position, item in enumerate(objects, start=1):
        if not isinstance(item, dict) or not ({"text", "html"} & item.keys()):
            raise InputError(f'item {position} of the body is not an object with "text" or "html"')
        doc_id = str(item.get("id") or f"{fallback_id}:{position}")
        if "html" in item and "text" not in item:
            if not isinstance(item["html"], str):
                raise InputError(f'item {position}: "html" must be a string')
            meta = Metadata(
                published=parse_date(str(item["published"])) if item.get("published") else None,
                **{name: _string(item.get(name)) for name in _META_FIELDS},
            )
            documents.append(RawDocument(doc_id, "html", data=item["html"].encode("utf-8"), meta=meta))
            continue
        line = json.dumps({**item, "id": doc_id}, ensure_ascii=False).encode("utf-8") + b"\n"
        documents.extend(read_inputs(["-"], max_bytes=max_bytes, stdin=io.BytesIO(line)))
    return documents


def _string(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class Ingestor:
    """Runs posted documents through one pipeline, built on first use, and stores the results.

    The pipeline (spaCy and the lexicons) is loaded once per ingestor; documents are processed
    one request at a time, since a spaCy pipeline is not meant to be shared by threads.
    """

    def __init__(self, store: SharedFileStore, *, config: PipelineConfig = PipelineConfig()) -> None:
        self.store = store
        self.config = config
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def ingest(self, documents: Sequence[RawDocument | Failure]) -> list[IngestResult]:
        """Process and store ``documents``; one result each, in order."""
        with self._lock:
            if self._pipeline is None:
                logger.info("building the pipeline for ingestion (%s)", ", ".join(self.config.stages))
                self._pipeline = Pipeline.from_config(self.config)
            processed = self._pipeline.process_chunk(list(documents))
        articles = [item.without_doc() for item in processed if isinstance(item, Article)]
        failures = [item for item in processed if isinstance(item, Failure)]
        stored_before: set[str] = set()
        if articles:
            ids = [article.content_hash for article in articles]
            stored_before = self.store.read(lambda store: _stored_ids(store, ids))
            self.store.add_articles(articles)
        if failures:
            self.store.add_failures(failures)
        results = []
        for item in processed:
            if isinstance(item, Failure):
                results.append(IngestResult(item.doc_id, None, False, (), item))
                continue
            article_id = item.content_hash
            results.append(
                IngestResult(
                    doc_id=item.doc_id,
                    article_id=article_id,
                    added=article_id not in stored_before,
                    events=tuple(event_row_id(article_id, event.id) for event in item.events),
                    failure=None,
                )
            )
        return results


def _stored_ids(store: Any, ids: list[str]) -> set[str]:
    return {article_id for article_id in ids if store.article(article_id) is not None}
