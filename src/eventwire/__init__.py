"""eventwire: structured, evidence-linked political event data from news.

Who did what to whom, where, when, and according to whom, with every field traceable to the text.

    >>> import eventwire
    >>> article = eventwire.extract_text("Russia's foreign minister met his Chinese counterpart in Beijing.")
    >>> [(e.plover, e.cameo) for e in article.events]

The public API: :func:`extract` (paths in, articles and failures out), :func:`extract_text`,
:class:`Pipeline` / :class:`PipelineConfig`, :func:`open_store`, the model classes and the errors.
"""

from .errors import EventwireError, InputError, LexiconError, ModelError, PipelineError, StoreError
from .model import Actor, Argument, Article, Event, Failure, Metadata, Place, Span, Statement
from .pipeline import Pipeline, PipelineConfig
from .runner import RunSummary, extract, extract_text, run_into_store

__version__ = "0.1.0"


def open_store(path, *, read_only: bool = False):
    """Open (creating and migrating) the DuckDB event store at ``path``."""
    from .store import open_store as _open_store

    return _open_store(path, read_only=read_only)


__all__ = [
    "Actor", "Argument", "Article", "Event", "EventwireError", "Failure", "InputError", "LexiconError",
    "Metadata", "ModelError", "Pipeline", "PipelineConfig", "PipelineError", "Place", "RunSummary", "Span",
    "Statement", "StoreError", "extract", "extract_text", "open_store", "run_into_store",
]
