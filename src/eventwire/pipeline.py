"""Assemble stages into a pipeline, check their order, and run documents through it.

The pipeline is the only place that knows the stages and their order. It takes raw documents from
ingest, makes articles (clean), runs the stages in chunks, and turns any per-document error into a
:class:`~eventwire.model.Failure`, so that one bad document never stops a batch. With ``workers > 1``
each worker process builds its own pipeline from the (picklable) :class:`PipelineConfig`.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from .clean import make_article
from .errors import EventwireError, InputError, PipelineError, ProcessingError
from .model import Article, Failure, RawDocument
from .stage import Stage

logger = logging.getLogger(__name__)

#: Layers every article has when it leaves ``clean``.
INITIAL_LAYERS = frozenset({"text", "meta"})
DEFAULT_STAGES = ("nlp", "actors", "events", "statements", "places", "dates")
KNOWN_STAGES = ("nlp", "actors", "events", "statements", "places", "dates")
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class PipelineConfig:
    """Everything needed to rebuild a pipeline, in this process or in a worker."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    model: str | None = None  # spaCy package name; None = the first installed English small model
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES
    actor_files: tuple[str, ...] = ()


def make_stage(name: str, config: PipelineConfig) -> Stage:
    """Build the stage called ``name``. Imports are local so that building one stage loads only it."""
    if name == "nlp":
        from .nlp import Parser

        return Parser(model=config.model, batch_size=config.batch_size)
    if name == "actors":
        from .actors import ActorResolver

        return ActorResolver(extra_files=config.actor_files)
    if name == "events":
        from .events import EventExtractor

        return EventExtractor()
    if name == "statements":
        from .statements import StatementExtractor

        return StatementExtractor()
    if name == "places":
        from .places import PlaceResolver

        return PlaceResolver()
    if name == "dates":
        from .dates import DateResolver

        return DateResolver()
    raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(KNOWN_STAGES)}")


class Pipeline:
    """An ordered list of stages whose requirements are checked when it is built."""

    def __init__(self, stages: Sequence[Stage], *, config: PipelineConfig | None = None) -> None:
        available = set(INITIAL_LAYERS)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier stage "
                    f"provides (order: {' -> '.join(s.name for s in stages)})"
                )
            available |= stage.provides
        self.stages = tuple(stages)
        self.config = config or PipelineConfig(stages=tuple(s.name for s in stages))

    @classmethod
    def from_config(cls, config: PipelineConfig = PipelineConfig()) -> Pipeline:
        return cls([make_stage(name, config) for name in config.stages], config=config)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Article:
        """Run one article through every stage; errors propagate."""
        for stage in self.stages:
            article = stage(article)
        return article

    def process(
        self, items: Iterable[RawDocument | Failure], *, strict: bool = False, chunk_size: int = 64
    ) -> Iterator[Article | Failure]:
        """Clean and annotate raw documents; yield an article or a failure for each, in order."""
        iterator = iter(items)
        while chunk := list(islice(iterator, chunk_size)):
            yield from self.process_chunk(chunk, strict=strict)

    def process_chunk(
        self, chunk: Sequence[RawDocument | Failure], *, strict: bool = False
    ) -> list[Article | Failure]:
        results: list[Article | Failure] = [
            item if isinstance(item, Failure) else _clean(item, strict=strict) for item in chunk
        ]
        for stage in self.stages:
            positions = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if not positions:
                break
            outputs = _run_stage(stage, [results[i] for i in positions], strict=strict)
            for i, output in zip(positions, outputs):
                results[i] = output
        if strict:
            failure = next((r for r in results if isinstance(r, Failure)), None)
            if failure is not None:
                raise InputError(f"{failure.doc_id}: {failure.message}")
        return results


def _clean(raw: RawDocument, *, strict: bool) -> Article | Failure:
    try:
        return make_article(raw)
    except InputError as e:
        if strict:
            raise
        return Failure(raw.doc_id, "clean", e.reason, str(e))


def _run_stage(stage: Stage, articles: list[Article], *, strict: bool) -> list[Article | Failure]:
    """Run a stage on a batch; if the batch fails, retry one by one to isolate the bad document."""
    try:
        return list(stage.pipe(articles))
    except Exception as e:  # noqa: BLE001 - a bug on one document must not stop the batch
        if strict:
            raise ProcessingError(f"stage {stage.name!r} failed: {e}") from e
        logger.debug("stage %s failed on a batch, retrying one by one", stage.name, exc_info=True)
    results: list[Article | Failure] = []
    for article in articles:
        try:
            results.append(stage(article))
        except Exception as e:  # noqa: BLE001 - recorded as a failure of this document
            logger.warning("stage %s failed on %s: %s", stage.name, article.doc_id, e, exc_info=True)
            results.append(Failure(article.doc_id, stage.name, ProcessingError.reason, f"{type(e).__name__}: {e}"))
    return results


def resolve_workers(workers: int | None) -> int:
    """``None`` or 0 means all cores."""
    return max(1, workers or os.cpu_count() or 1)


def run_pipeline(
    items: Iterable[RawDocument | Failure],
    *,
    config: PipelineConfig = PipelineConfig(),
    workers: int | None = None,
    strict: bool = False,
    chunk_size: int = 16,
) -> Iterator[Article | Failure]:
    """Process documents, in ``workers`` processes (default: all cores); results keep input order.

    Articles come back without their spaCy ``doc``.
    """
    workers = resolve_workers(workers)
    if workers == 1:
        pipeline = Pipeline.from_config(config)
        for result in pipeline.process(items, strict=strict, chunk_size=chunk_size):
            yield result.without_doc() if isinstance(result, Article) else result
        return
    chunks = _chunked(items, chunk_size)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers) as pool:
        task = functools.partial(_process_in_worker, config=config, strict=strict)
        try:
            for results in pool.imap(task, chunks):
                yield from results
        except EventwireError:
            pool.terminate()
            raise


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@functools.lru_cache(maxsize=2)
def _worker_pipeline(config: PipelineConfig) -> Pipeline:
    """One pipeline per worker process and config, built on the first chunk it receives."""
    pipeline = Pipeline.from_config(config)
    # Its models, lexicons and gazetteer live as long as the worker: keep them out of the garbage
    # collector's scans, which otherwise grow with them and slow every stage.
    gc.freeze()
    return pipeline


def _process_in_worker(
    chunk: list[RawDocument | Failure], *, config: PipelineConfig, strict: bool
) -> list[Article | Failure]:
    results = _worker_pipeline(config).process_chunk(chunk, strict=strict)
    return [r.without_doc() if isinstance(r, Article) else r for r in results]
