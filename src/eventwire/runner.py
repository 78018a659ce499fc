"""The Python API for batches: read inputs, run the pipeline, store or stream the results.

The CLI and the REST API call these; they hold no logic of their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from .ingest import read_inputs
from .model import Article, Failure, Metadata, RawDocument
from .pipeline import Pipeline, PipelineConfig, run_pipeline

logger = logging.getLogger(__name__)


def extract(
    paths: Sequence[str],
    *,
    config: PipelineConfig = PipelineConfig(),
    workers: int | None = None,
    strict: bool = False,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Read ``paths`` (files, directories, globs, .gz, ``-``) and yield an article or failure for each document."""
    items = read_inputs(paths, max_bytes=config.max_bytes, stdin=stdin)
    yield from run_pipeline(items, config=config, workers=workers, strict=strict)


def extract_text(
    text: str,
    *,
    doc_id: str = "text",
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Annotate one text, taken verbatim (as a JSON Lines record is). Builds a pipeline if none is given."""
    pipeline = pipeline or Pipeline.from_config()
    raw = RawDocument(doc_id, "record", text=text, meta=Metadata(title=title, published=published, source=source))
    [result] = pipeline.process_chunk([raw], strict=True)
    return result


@dataclass
class RunSummary:
    """What a ``run`` did: counts for people, failures for the record."""

    documents: int = 0
    added: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.added + self.duplicates


def run_into_store(
    paths: Sequence[str],
    store,
    *,
    config: PipelineConfig = PipelineConfig(),
    workers: int | None = None,
    strict: bool = False,
    stdin: BinaryIO | None = None,
    batch_size: int = 256,
    on_result: Callable[[Article | Failure], None] | None = None,
) -> RunSummary:
    """Extract ``paths`` and add the articles and failures to ``store`` in batches."""
    summary = RunSummary()
    results = extract(paths, config=config, workers=workers, strict=strict, stdin=stdin)
    if on_result is not None:
        results = _tap(results, on_result)
    for batch in _batched(results, batch_size):
        articles = [r for r in batch if isinstance(r, Article)]
        failures = [r for r in batch if isinstance(r, Failure)]
        if articles:
            result = store.add_articles(articles)
            summary.added += result.added
            summary.duplicates += result.duplicates
            summary.events += result.events
        if failures:
            store.add_failures(failures)
            summary.failures.extend(failures)
        summary.documents += len(batch)
    return summary


def _tap(items: Iterable, callback: Callable) -> Iterator:
    for item in items:
        callback(item)
        yield item


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
