"""The DuckDB event store: schema and migrations, idempotent loading, queries, summary, modes."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import duckdb
import pytest

import eventwire
from eventwire.errors import StoreError
from eventwire.model import (
    AcledType,
    Actor,
    Argument,
    Article,
    Event,
    Failure,
    Location,
    Metadata,
    Place,
    Span,
    Statement,
)
from eventwire.store import (
    SCHEMA_VERSION,
    AddResult,
    DuckDBStore,
    EventQuery,
    Store,
    StoreSummary,
    open_store,
)
from eventwire.store.schema import MIGRATIONS, Migration, migrate, read_schema_version

# -- articles built by hand ---------------------------------------------------------------------


def find(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def sentence_of(text: str, needle: str) -> Span:
    """The sentence (ending at '.') that contains ``needle``."""
    at = text.index(needle)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.index(".", at) + 1
    return Span(start, end, text[start:end])


def argument(text: str, needle: str, actor: str | None = None) -> Argument:
    return Argument(find(text, needle), actor)


def event(text: str, event_id: str, trigger: str, **fields) -> Event:
    return Event(id=event_id, sentence=sentence_of(text, trigger), trigger=find(text, trigger), **fields)


TEXT_KHARKIV = (
    "Russian forces shelled Kharkiv on Monday. The United Nations condemned Russia, "
    "a spokesman said."
)
TEXT_TBILISI = "Protesters rallied in Tbilisi against the government. Police did not arrest anyone."
TEXT_SCHOOL = "Russian troops shelled Kharkiv again, hitting a school."


def article_kharkiv(doc_id: str = "kharkiv") -> Article:
    text = TEXT_KHARKIV
    actors = (
        Actor("a1", "Russian forces", "RUSMIL", "RUS", "MIL", "Q4362045", (find(text, "Russian forces"),)),
        Actor("a2", "Kharkiv", "UKR", "UKR", None, None, (find(text, "Kharkiv"),)),
        Actor("a3", "United Nations", "IGOUNO", "IGO", None, "Q1065", (find(text, "United Nations"),)),
        Actor("a4", "Russia", "RUS", "RUS", None, "Q159", (find(text, "Russia,"),)),
    )
    place = Place(
        "p1", "Kharkiv", (find(text, "Kharkiv"),), geonameid=706483, feature_class="P",
        country="UKR", admin1="Kharkivska", lat=49.98, lon=36.25,
    )  # fmt: skip
    statement = Statement(
        "s1",
        source=argument(text, "a spokesman"),
        cue=find(text, "said"),
        content=(find(text, "The United Nations condemned Russia"),),
        via=("AFP",),
        disputes=("s0",),
    )
    events = (
        event(
            text, "e1", "shelled", source=argument(text, "Russian forces", "a1"),
            target=argument(text, "Kharkiv", "a2"), plover="ASSAULT", cameo="195", quad_class=4,
            goldstein=-10.0, acled=AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            date=date(2024, 2, 26), location=Location("p1", "Kharkiv", 49.98, 36.25),
            confidence=0.9, pattern="shell+dobj",
        ),
        event(
            text, "e2", "condemned", source=argument(text, "The United Nations", "a3"),
            target=argument(text, "Russia", "a4"), plover="ACCUSE", cameo="111", quad_class=3,
            goldstein=-2.0, status="reported", statement="s1",
        ),
    )  # fmt: skip
    meta = Metadata(
        title="Kharkiv shelled", published=date(2024, 3, 1), url="https://example.org/kharkiv",
        source="Example News", author="A. Writer", credits=("AFP", "Reuters"), path="in/kharkiv.txt",
    )  # fmt: skip
    return Article(
        doc_id, text, meta, actors=actors, events=events, statements=(statement,), places=(place,),
        doc=object(),  # a stand-in for the spaCy Doc: never stored
    )


def article_tbilisi() -> Article:
    text = TEXT_TBILISI
    police = Actor("a1", "Georgian police", "GEOCOP", "GEO", "COP", None, (find(text, "Police"),))
    events = (
        event(
            text, "e1", "rallied", source=argument(text, "Protesters"), target=None,
            plover="PROTEST", cameo="141", quad_class=3, goldstein=-6.5,
        ),
        event(
            text, "e2", "arrest", source=argument(text, "Police", "a1"), target=None,
            plover="COERCE", cameo="173", quad_class=4, goldstein=-5.0, status="negated",
            date=date(2024, 5, 14),
        ),
    )  # fmt: skip
    return Article("tbilisi", text, Metadata(title="Rally"), actors=(police,), events=events)


def article_school() -> Article:
    text = TEXT_SCHOOL
    actors = (
        Actor("a1", "Russian troops", "RUSMIL", "RUS", "MIL", None, (find(text, "Russian troops"),)),
        Actor("a2", "Kharkiv", "UKR", "UKR"),
    )
    events = (
        event(
            text, "e1", "shelled", source=argument(text, "Russian troops", "a1"),
            target=argument(text, "Kharkiv", "a2"), plover="ASSAULT", cameo="195", quad_class=4,
            goldstein=-10.0,
        ),
        event(
            text, "e2", "hitting", source=argument(text, "Russian troops", "a1"),
            target=argument(text, "a school"), plover="ASSAULT", cameo="190", quad_class=4,
            goldstein=-10.0,
        ),
    )  # fmt: skip
    return Article("school", text, Metadata(published=date(2024, 3, 2)), actors=actors, events=events)


ALL_EVENTS = [
    ("kharkiv", "e1"), ("kharkiv", "e2"), ("school", "e1"), ("school", "e2"), ("tbilisi", "e2"),
    ("tbilisi", "e1"),
]  # fmt: skip

FAILURES = (
    Failure("bin.pdf", "ingest", "binary", "the bytes are not text"),
    Failure("empty.txt", "clean", "empty", "nothing left after cleaning"),
    Failure("blank.html", "clean", "empty", "nothing left after cleaning"),
)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "events.duckdb"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> DuckDBStore:
    """A read-only store of the three articles and the failures, shared by the module."""
    store_path = tmp_path_factory.mktemp("filled") / "events.duckdb"
    with DuckDBStore(store_path) as store:
        store.add_articles([article_kharkiv(), article_tbilisi(), article_school()])
        store.add_failures(FAILURES)
    store = DuckDBStore(store_path, read_only=True)
    yield store
    store.close()


def vars_of(query: EventQuery) -> dict:
    """The fields of a query that differ from the defaults (for test ids)."""
    default = EventQuery()
    return {
        f.name: getattr(query, f.name)
        for f in dataclasses.fields(query)
        if getattr(query, f.name) != getattr(default, f.name)
    }


def keys(rows: list[dict]) -> list[tuple[str, str]]:
    return [(row["doc_id"], row["event_id"]) for row in rows]


def file_version(path: Path) -> int:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        return read_schema_version(connection)
    finally:
        connection.close()


# -- schema and migrations -------------------------------------------------------------------


def test_new_file_gets_the_schema_and_its_version(store_path: Path) -> None:
    with open_store(store_path) as store:
        assert isinstance(store, Store)
        assert store.summary() == StoreSummary(0, 0, 0, {}, [], {})
    assert file_version(store_path) == SCHEMA_VERSION == MIGRATIONS[-1].version
    connection = duckdb.connect(str(store_path), read_only=True)
    tables = {row[0] for row in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    indexes = {row[0] for row in connection.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    connection.close()
    assert tables == {
        "schema_version", "articles", "actors", "actor_mentions", "events", "statements",
        "statement_content", "places", "place_mentions", "failures",
    }  # fmt: skip
    assert {"events_date_idx", "events_plover_idx", "events_cameo_idx", "events_article_idx"} <= indexes


def test_reopening_keeps_the_data(store_path: Path) -> None:
    with open_store(store_path) as store:
        assert store.add_articles([article_kharkiv()]) == AddResult(added=1, duplicates=0, events=2)
    with open_store(store_path) as store:
        assert store.count_events(EventQuery()) == 2
        assert store.summary().articles == 1


@pytest.mark.parametrize("start", ["schema_version only", "no tables", "zero bytes"])
def test_file_at_version_zero_is_migrated(store_path: Path, start: str) -> None:
    store_path.parent.mkdir(parents=True)
    if start == "zero bytes":
        store_path.touch()
    else:
        connection = duckdb.connect(str(store_path))
        if start == "schema_version only":
            connection.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT, "
                "applied_at TIMESTAMP NOT NULL)"
            )
        connection.close()
    with open_store(store_path) as store:
        assert store.add_articles([article_school()]).events == 2
    assert file_version(store_path) == SCHEMA_VERSION


def test_missing_migrations_are_applied_in_order(store_path: Path) -> None:
    with open_store(store_path) as store:
        store.add_articles([article_school()])
    current = SCHEMA_VERSION
    later = (
        *MIGRATIONS,
        Migration(current + 1, "event notes", ("ALTER TABLE events ADD COLUMN note TEXT",)),
        Migration(current + 2, "fill notes", ("UPDATE events SET note = 'checked'",)),
    )
    connection = duckdb.connect(str(store_path))
    assert migrate(connection, migrations=later) == current + 2
    notes = connection.execute("SELECT DISTINCT note FROM events").fetchall()
    versions = connection.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    connection.close()
    assert notes == [("checked",)]
    assert versions == [(v,) for v in range(1, current + 3)]
    # this eventwire knows only the current version: the file is now from the future
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer"):
            open_store(store_path, read_only=read_only)


def test_failed_migration_is_rolled_back(store_path: Path) -> None:
    open_store(store_path).close()
    broken = (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", ("ALTER TABLE events ADD COLUMN x TEXT", "NOT SQL")))
    connection = duckdb.connect(str(store_path))
    with pytest.raises(StoreError, match=f"version {SCHEMA_VERSION + 1}"):
        migrate(connection, migrations=broken)
    columns = [row[0] for row in connection.execute("DESCRIBE events").fetchall()]
    connection.close()
    assert "x" not in columns
    assert file_version(store_path) == SCHEMA_VERSION


def test_future_schema_version_is_refused(store_path: Path) -> None:
    open_store(store_path).close()
    connection = duckdb.connect(str(store_path))
    connection.execute("INSERT INTO schema_version VALUES (?, 'from the future', now())", [SCHEMA_VERSION + 1])
    connection.close()
    with pytest.raises(StoreError, match="upgrade eventwire"):
        open_store(store_path)


def test_read_only_refuses_a_file_that_needs_migrating(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    duckdb.connect(str(store_path)).close()
    with pytest.raises(StoreError, match="needs migrating"):
        open_store(store_path, read_only=True)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a database" * 100, "not a valid DuckDB"), (None, "does not exist")],
)
def test_unreadable_files_raise_store_error(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.duckdb"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_store(path, read_only=content is None)


# -- loading ---------------------------------------------------------------------------------


def test_adding_the_same_articles_again_adds_nothing(store_path: Path) -> None:
    articles = [article_kharkiv(), article_tbilisi(), article_school()]
    with open_store(store_path) as store:
        assert store.add_articles(articles) == AddResult(added=3, duplicates=0, events=6)
        before = store.summary()
        assert store.add_articles(articles) == AddResult(added=0, duplicates=3, events=0)
        # same text under another name is the same article; repeats within one call count too
        again = [article_kharkiv("kharkiv-copy"), article_kharkiv("kharkiv-copy-2")]
        assert store.add_articles(again) == AddResult(added=0, duplicates=2, events=0)
        assert store.add_articles([]) == AddResult(added=0, duplicates=0, events=0)
        assert store.summary() == before
        assert store.article(article_kharkiv().content_hash)["doc_id"] == "kharkiv"
    with open_store(store_path) as store:
        assert store.add_articles(articles).duplicates == 3
        connection_counts = store.summary()
    assert connection_counts == before


def test_thousands_of_articles_in_one_call(tmp_path: Path) -> None:
    base = article_school()
    articles = [
        base.replace(doc_id=f"doc{i}", text=f"{base.text} ({i})") for i in range(3000)
    ]  # offsets still point into the unchanged prefix
    with open_store(tmp_path / "big.duckdb") as store:
        assert store.add_articles(articles) == AddResult(added=3000, duplicates=0, events=6000)
        assert store.add_articles(articles) == AddResult(added=0, duplicates=3000, events=0)
        assert store.count_events(EventQuery(cameo="190")) == 3000
        assert store.summary().top_dyads == [("RUSMIL", "UKR", 3000)]  # unresolved targets are not dyads


def test_article_record_round_trips(filled: DuckDBStore) -> None:
    article = article_kharkiv()
    record = filled.article(article.content_hash)
    assert record is not None
    expected = article.to_record()
    for key in ("doc_id", "title", "url", "source", "credits", "text", "actors", "statements", "places"):
        assert record[key] == expected[key], key
    assert record["published"] == date(2024, 3, 1)
    assert record["author"] == "A. Writer" and record["path"] == "in/kharkiv.txt"
    assert [row["event_id"] for row in record["events"]] == ["e1", "e2"]
    assert filled.article("0" * 64) is None


def test_event_rows_are_denormalised(filled: DuckDBStore) -> None:
    article = article_kharkiv()
    (shelling,) = filled.events(EventQuery(q="Kharkiv on"))
    assert shelling["id"] == f"{article.content_hash[:16]}:e1"
    assert shelling["article_id"] == article.content_hash
    assert shelling["sentence"] == "Russian forces shelled Kharkiv on Monday."
    assert (shelling["sentence_start"], shelling["sentence_end"]) == (0, 41)
    assert shelling["trigger_text"] == "shelled"
    assert (shelling["source_name"], shelling["source_code"], shelling["source_country"], shelling["source_sector"]) == (
        "Russian forces", "RUSMIL", "RUS", "MIL",
    )  # fmt: skip
    assert (shelling["target_actor"], shelling["target_code"], shelling["target_country"]) == ("a2", "UKR", "UKR")
    assert shelling["acled_event_type"] == "Explosions/Remote violence"
    assert (shelling["location_place"], shelling["lat"], shelling["lon"]) == ("p1", 49.98, 36.25)
    assert shelling["date"] == date(2024, 2, 26)  # the event's own date
    assert (shelling["doc_id"], shelling["title"], shelling["source"]) == ("kharkiv", "Kharkiv shelled", "Example News")
    assert shelling["published"] == date(2024, 3, 1)
    assert shelling["pattern"] == "shell+dobj" and shelling["confidence"] == pytest.approx(0.9)
    (condemnation,) = filled.events(EventQuery(plover="ACCUSE"))
    assert condemnation["date"] == date(2024, 3, 1)  # no event date: the article's
    assert (condemnation["status"], condemnation["statement_id"]) == ("reported", "s1")


def test_events_without_source_target_or_dates(filled: DuckDBStore) -> None:
    rally, arrest = (filled.events(EventQuery(actor=name))[0] for name in ("protesters", "GEOCOP"))
    assert rally["source_text"] == "Protesters" and rally["source_actor"] is None and rally["source_name"] is None
    assert all(rally[f"target_{field}"] is None for field in ("start", "end", "text", "actor", "code"))
    assert rally["date"] is None and rally["published"] is None  # no event date, no published date
    assert arrest["date"] == date(2024, 5, 14) and arrest["target_text"] is None
    assert filled.events(EventQuery())[-1]["event_id"] == rally["event_id"]  # undated events last


# -- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ALL_EVENTS),
        (EventQuery(actor="russian"), [("kharkiv", "e1"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(actor="RUS"), [("kharkiv", "e1"), ("kharkiv", "e2"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(actor="rus"), [("kharkiv", "e1"), ("kharkiv", "e2"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(actor="IGOUNO"), [("kharkiv", "e2")]),
        (EventQuery(actor="united nat"), [("kharkiv", "e2")]),
        (EventQuery(actor="school"), [("school", "e2")]),
        (EventQuery(actor="Protesters"), [("tbilisi", "e1")]),
        (EventQuery(country="ukr"), [("kharkiv", "e1"), ("school", "e1")]),
        (EventQuery(country="GEO"), [("tbilisi", "e2")]),
        (EventQuery(plover="assault"), [("kharkiv", "e1"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(plover="PROTEST"), [("tbilisi", "e1")]),
        (EventQuery(cameo="1"), ALL_EVENTS),
        (EventQuery(cameo="19"), [("kharkiv", "e1"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(cameo="195"), [("kharkiv", "e1"), ("school", "e1")]),
        (EventQuery(cameo="17"), [("tbilisi", "e2")]),
        (EventQuery(quad_class=3), [("kharkiv", "e2"), ("tbilisi", "e1")]),
        (EventQuery(since=date(2024, 3, 1)), [("kharkiv", "e2"), ("school", "e1"), ("school", "e2"), ("tbilisi", "e2")]),
        (EventQuery(until=date(2024, 2, 29)), [("kharkiv", "e1")]),
        (EventQuery(since=date(2024, 3, 2), until=date(2024, 3, 2)), [("school", "e1"), ("school", "e2")]),
        (EventQuery(status="negated"), [("tbilisi", "e2")]),
        (EventQuery(status="reported"), [("kharkiv", "e2")]),
        (EventQuery(status="asserted"), [("kharkiv", "e1"), ("school", "e1"), ("school", "e2"), ("tbilisi", "e1")]),
        (EventQuery(q="KHARKIV"), [("kharkiv", "e1"), ("school", "e1"), ("school", "e2")]),
        (EventQuery(q="did not"), [("tbilisi", "e2")]),
        (EventQuery(q="50%_"), []),
        (EventQuery(actor="RUS", quad_class=3), [("kharkiv", "e2")]),
        (EventQuery(actor="nobody"), []),
        (EventQuery(limit=2, offset=1), [("kharkiv", "e2"), ("school", "e1")]),
        (EventQuery(limit=0), []),
        (EventQuery(offset=5), [("tbilisi", "e1")]),
        (EventQuery(plover="ASSAULT", limit=1, offset=2), [("school", "e2")]),
    ],
    ids=lambda value: (
        ",".join(f"{k}={v}" for k, v in vars_of(value).items()) or "all"
        if isinstance(value, EventQuery) else ""
    ),
)
def test_event_query_filters(filled: DuckDBStore, query: EventQuery, expected: list[tuple[str, str]]) -> None:
    assert keys(filled.events(query)) == expected
    unpaged = dataclasses.replace(query, limit=None, offset=0)
    assert filled.count_events(query) == len(filled.events(unpaged))


@pytest.mark.parametrize(
    "fields",
    [{"limit": -1}, {"offset": -1}, {"quad_class": 5}, {"since": date(2024, 2, 1), "until": date(2024, 1, 1)}],
)
def test_invalid_queries_are_refused(fields: dict) -> None:
    with pytest.raises(StoreError):
        EventQuery(**fields)


# -- failures and summary --------------------------------------------------------------------


def test_failures_are_stored_once_and_listed(store_path: Path) -> None:
    with open_store(store_path) as store:
        assert store.add_failures(FAILURES) == 3
        assert store.add_failures(FAILURES) == 0
        assert store.add_failures([FAILURES[0], FAILURES[0]]) == 0
        assert store.add_failures(iter([])) == 0
        listed = store.failures()
    assert [(f["doc_id"], f["stage"], f["reason"], f["message"]) for f in listed] == [
        (f.doc_id, f.stage, f.reason, f.message) for f in FAILURES
    ]
    assert all(isinstance(f["id"], int) and f["at"] is not None for f in listed)


def test_summary_figures(filled: DuckDBStore) -> None:
    summary = filled.summary()
    assert (summary.articles, summary.events, summary.failures) == (3, 6, 3)
    assert list(summary.events_by_plover.items()) == [("ASSAULT", 3), ("ACCUSE", 1), ("COERCE", 1), ("PROTEST", 1)]
    assert summary.top_dyads == [("RUSMIL", "UKR", 2), ("IGOUNO", "RUS", 1)]  # only resolved actors
    assert list(summary.failures_by_reason.items()) == [("empty", 2), ("binary", 1)]
    assert filled.summary(top=1).top_dyads == [("RUSMIL", "UKR", 2)]
    assert filled.summary(top=0).top_dyads == []


# -- modes -----------------------------------------------------------------------------------


def test_read_only_store_queries_but_does_not_write(filled: DuckDBStore) -> None:
    assert filled.read_only
    assert filled.count_events(EventQuery()) == 6
    with pytest.raises(StoreError, match="read-only"):
        filled.add_articles([article_kharkiv("other")])
    with pytest.raises(StoreError, match="read-only"):
        filled.add_failures(FAILURES)
    assert filled.summary().failures == 3


def test_a_store_held_by_another_process_is_locked(store_path: Path) -> None:
    source_root = str(Path(eventwire.__file__).resolve().parent.parent)
    script = (
        "import sys\n"
        "from eventwire.errors import StoreError\n"
        "from eventwire.store import open_store\n"
        "try:\n"
        "    open_store(sys.argv[1], read_only=sys.argv[2] == 'ro')\n"
        "except StoreError as e:\n"
        "    print(e)\n"
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([source_root, os.environ.get("PYTHONPATH", "")])}
    with open_store(store_path):
        for mode in ("rw", "ro"):
            result = subprocess.run(
                [sys.executable, "-c", script, str(store_path), mode],
                capture_output=True, text=True, env=environment, timeout=120, check=True,
            )  # fmt: skip
            assert "locked by another process" in result.stdout, result.stderr


def test_closed_store_raises(store_path: Path) -> None:
    store = open_store(store_path)
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.events(EventQuery())
    with pytest.raises(StoreError, match="closed"):
        store.add_articles([article_school()])


def test_memory_store_and_threads() -> None:
    with open_store(":memory:") as store:
        store.add_articles([article_kharkiv(), article_tbilisi(), article_school()])
        counts: list[int] = []
        errors: list[BaseException] = []

        def query_many() -> None:
            try:
                for _ in range(20):
                    counts.append(store.count_events(EventQuery(plover="ASSAULT")))
                    store.events(EventQuery(actor="RUS", limit=2))
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=query_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    assert counts == [3] * 80
