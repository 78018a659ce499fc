"""Sharing one store file between processes: hold the file only while using it.

DuckDB lets one process at a time hold a database file opened for writing, and while it does no
other process can open the file at all, not even read-only. So that a server keeps answering
while ``eventwire run`` adds documents, neither keeps the file open: :class:`SharedFileStore`
opens it for each call (read-only to read, read-write to write, one short transaction), closes
it right after, and when another process holds it, waits and tries again (with growing pauses,
up to ``wait`` seconds) before giving up with :class:`StoreLockedError`. A writer closing the
file checkpoints it, so the next reader sees everything committed.

Within one process, DuckDB refuses a read-write connection to a file while a read-only one is
open, and the other way round; a :class:`SharedFileStore` therefore lets many readers or one
writer use the file at a time (threads of a web server share one instance).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from ..errors import StoreError, StoreLockedError
from ..model import Article, Failure
from .base import AddResult, EventQuery, StoreSummary
from .duckdb_store import DuckDBStore

logger = logging.getLogger(__name__)

#: How long a call waits for another process to release the file, by default (seconds).
DEFAULT_WAIT = 30.0
_FIRST_PAUSE = 0.01
_LONGEST_PAUSE = 0.25

T = TypeVar("T")


__all__ = ["DEFAULT_WAIT", "SharedFileStore", "StoreLockedError", "open_store_waiting"]


def open_store_waiting(path: str | Path, *, read_only: bool = False, wait: float = DEFAULT_WAIT) -> DuckDBStore:
    """Open the store at ``path``; while another process holds the file, wait and retry.

    Raises :class:`StoreLockedError` after ``wait`` seconds, and :class:`StoreError` at once for
    any other reason (no such file when ``read_only``, not a database, newer schema...).
    """
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    while True:
        try:
            return DuckDBStore(path, read_only=read_only)
        except StoreLockedError as e:
            if time.monotonic() + pause > deadline:
                raise StoreLockedError(f"store {path} stayed locked by another process for {wait:g} s: {e}") from e
            logger.debug("store %s is locked; retrying in %.2f s", path, pause)
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)


class _ReadersWriterLock:
    """Many readers or one writer; a waiting writer goes before readers that arrive after it."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            while self._writing or self._writers_waiting:
                self._condition.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._condition.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class SharedFileStore:
    """A :class:`~eventwire.store.base.Store` over a DuckDB file that it holds only per call.

    Creating one checks the file, creating and migrating it if needed (then releases it). Every method of
    :class:`~eventwire.store.duckdb_store.DuckDBStore` that reads is available and opens the
    file read-only for its duration; :meth:`add_articles` and :meth:`add_failures` open it
    read-write for one transaction. ``wait`` bounds how long a call waits for another process.
    """

    def __init__(self, path: str | Path, *, wait: float = DEFAULT_WAIT) -> None:
        self.path = str(path)
        self.wait = wait
        self._lock = _ReadersWriterLock()
        self._closed = False
        with self._lock.writing():
            try:  # a file at the current schema version is only read
                open_store_waiting(self.path, read_only=True, wait=wait).close()
            except StoreLockedError:
                raise
            except StoreError as e:  # missing, or needs migrating: that takes a writer
                logger.debug("store %s cannot be read as it is (%s); opening it for writing", self.path, e)
                open_store_waiting(self.path, wait=wait).close()

    # -- plumbing ------------------------------------------------------------------------------

    def read(self, use: Callable[[DuckDBStore], T]) -> T:
        """Open the file read-only, call ``use`` with the store, close it; return what ``use`` returned."""
        self._require_open()
        with self._lock.reading():
            store = open_store_waiting(self.path, read_only=True, wait=self.wait)
            try:
                return use(store)
            finally:
                store.close()

    def write(self, use: Callable[[DuckDBStore], T]) -> T:
        """Open the file read-write, call ``use`` with the store, close it (checkpointing)."""
        self._require_open()
        with self._lock.writing():
            store = open_store_waiting(self.path, wait=self.wait)
            try:
                return use(store)
            finally:
                store.close()

    def _require_open(self) -> None:
        if self._closed:
            raise StoreError(f"store {self.path} is closed")

    # -- the Store protocol ----------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        batch = list(articles)
        return self.write(lambda store: store.add_articles(batch))

    def add_failures(self, failures: Iterable[Failure]) -> int:
        batch = list(failures)
        return self.write(lambda store: store.add_failures(batch))

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        return self.read(lambda store: store.events(query))

    def count_events(self, query: EventQuery) -> int:
        return self.read(lambda store: store.count_events(query))

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.read(lambda store: store.article(article_id))

    def failures(self) -> list[dict[str, Any]]:
        return self.read(lambda store: store.failures())

    def summary(self, *, top: int = 10) -> StoreSummary:
        return self.read(lambda store: store.summary(top=top))

    def close(self) -> None:
        self._closed = True

    def __enter__(self) -> SharedFileStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<SharedFileStore {self.path}{' closed' if self._closed else ''}>"
