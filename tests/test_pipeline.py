"""Pipeline assembly (order checks) and per-document failure isolation."""

from __future__ import annotations

import pytest

from eventwire.errors import InputError, PipelineError
from eventwire.model import Article, Failure, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig, make_stage
from eventwire.stage import Stage


class Upper(Stage):
    name = "upper"
    requires = frozenset({"text"})
    provides = frozenset({"sentences"})

    def __call__(self, article: Article) -> Article:
        return article.replace(sentences=(article.span(0, len(article.text)),))


class NeedsActors(Stage):
    name = "needs-actors"
    requires = frozenset({"actors"})
    provides = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        return article


class Explodes(Stage):
    """Fails on any article whose text contains 'boom', like a bug triggered by one document."""

    name = "explodes"
    requires = frozenset({"text"})

    def __call__(self, article: Article) -> Article:
        if "boom" in article.text:
            raise ValueError("boom")
        return article


def record(doc_id: str, text: str) -> RawDocument:
    return RawDocument(doc_id, "record", text=text, meta=Metadata())


def test_order_is_checked_when_built():
    with pytest.raises(PipelineError, match="needs actors"):
        Pipeline([Upper(), NeedsActors()])


def test_unknown_stage_name():
    with pytest.raises(PipelineError, match="unknown stage"):
        make_stage("nonsense", PipelineConfig())


def test_valid_order_builds():
    pipeline = Pipeline([Upper(), Explodes()])
    assert pipeline.stage_names == ("upper", "explodes")


@pytest.mark.parametrize("bad_position", [0, 1, 2])
def test_one_failing_document_does_not_stop_the_batch(bad_position):
    texts = ["fine one", "fine two", "fine three"]
    texts[bad_position] = "this goes boom"
    pipeline = Pipeline([Upper(), Explodes()])
    results = list(pipeline.process([record(f"d{i}", t) for i, t in enumerate(texts)]))
    assert [r.doc_id for r in results] == ["d0", "d1", "d2"]
    failed = [r for r in results if isinstance(r, Failure)]
    assert len(failed) == 1 and failed[0].doc_id == f"d{bad_position}"
    assert failed[0].stage == "explodes" and "boom" in failed[0].message


def test_failures_from_ingest_pass_through_in_order():
    pipeline = Pipeline([Upper()])
    upstream = Failure("x.bin", "ingest", "binary", "binary file")
    results = list(pipeline.process([record("a", "text"), upstream, record("b", "more")]))
    assert [r.doc_id for r in results] == ["a", "x.bin", "b"]
    assert results[1] is upstream


def test_empty_record_is_a_clean_failure():
    pipeline = Pipeline([Upper()])
    [result] = list(pipeline.process([record("blank", "   \n ")]))
    assert isinstance(result, Failure) and result.reason == "empty" and result.stage == "clean"


def test_strict_stops_at_first_bad_document():
    pipeline = Pipeline([Upper()])
    with pytest.raises(InputError):
        list(pipeline.process([record("ok", "text"), record("blank", "  ")], strict=True))
