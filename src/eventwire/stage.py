"""What a stage is: a small object that takes an :class:`~eventwire.model.Article` and returns one.

A stage declares the annotation layers it ``requires`` and the ones it ``provides``; the pipeline
checks the order when it is built. Stages know only the model: never the pipeline, the store or the
CLI. Heavy resources (models, lexicons) are loaded in ``__init__``, once per pipeline instance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from .model import Article


class Stage:
    """Base class of every stage. Subclasses set the class attributes and implement ``__call__``."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, article: Article) -> Article:
        raise NotImplementedError

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process a stream; stages that batch (the parser) override this."""
        for article in articles:
            yield self(article)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"
