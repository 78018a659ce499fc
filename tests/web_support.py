"""What the API and dashboard tests share: hand-written articles, a store file, a live server.

The articles are built by hand (no pipeline) so that every figure the tests expect is known:
a report that rests on a letter relayed by Interfax and is disputed by the White House, an attack,
and an article whose title, text and actor names are hostile HTML.
"""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from pathlib import Path

import uvicorn

from eventwire.model import Actor, Argument, Article, Event, Location, Metadata, Place, Span, Statement
from eventwire.store.duckdb_store import DuckDBStore, event_row_id

HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Hostile <script>window.__xss=2</script> report'
HOSTILE_TEXT = (
    "Russia accused Ukraine of provocations <script>window.__xss=3</script> and "
    '<img src=x onerror="window.__xss=4"> lies.'
)
HOSTILE_ACTOR = "Ukraine<img src=y onerror=window.__xss=5>"


def find(text: str, needle: str, *, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def sentence_of(text: str, span: Span) -> Span:
    start = text.rfind(". ", 0, span.start)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", span.end)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def make_event(
    text: str, event_id: str, trigger: str, source: tuple[str, str] | None, target: tuple[str, str] | None,
    *, plover: str, cameo: str, quad_class: int, goldstein: float, **extra,
) -> Event:  # fmt: skip
    """An event whose arguments are (span text, actor id) pairs."""
    trigger_span = find(text, trigger)

    def argument(pair: tuple[str, str] | None) -> Argument | None:
        return Argument(find(text, pair[0]), pair[1]) if pair else None

    return Event(
        id=event_id, sentence=sentence_of(text, trigger_span), trigger=trigger_span,
        source=argument(source), target=argument(target), plover=plover, cameo=cameo,
        quad_class=quad_class, goldstein=goldstein, **extra,
    )  # fmt: skip


def letter_report() -> Article:
    text = (
        "Separatist leaders asked Russia for military help, Kremlin spokesman Dmitry Peskov said. "
        "Russian forces shelled Ukrainian positions near Kharkiv on Wednesday. "
        "The White House called the request a false flag. "
        "Ukraine requested that the UN Security Council convene."
    )
    actors = (
        Actor("a1", "Separatist leaders", "UKRREB", "UKR", "REB", mentions=(find(text, "Separatist leaders"),)),
        Actor("a2", "Russia", "RUS", "RUS", mentions=(find(text, "Russia"),)),
        Actor("a3", "Dmitry Peskov", "RUSGOV", "RUS", "GOV", mentions=(find(text, "Dmitry Peskov"),)),
        Actor("a4", "Russian forces", "RUSMIL", "RUS", "MIL", mentions=(find(text, "Russian forces"),)),
        Actor("a5", "Ukrainian forces", "UKRMIL", "UKR", "MIL", mentions=(find(text, "Ukrainian positions"),)),
        Actor("a6", "White House", "USAGOV", "USA", "GOV", mentions=(find(text, "White House"),)),
        Actor("a7", "Ukraine", "UKR", "UKR", mentions=(find(text, "Ukraine", nth=0),)),
        Actor("a8", "UN Security Council", "IGOUNO", "IGO", mentions=(find(text, "UN Security Council"),)),
    )
    kharkiv = Place(
        "p1", "Kharkiv", (find(text, "Kharkiv"),), geonameid=706483, feature_class="P", country="UKR",
        lat=49.98, lon=36.25,
    )  # fmt: skip
    statements = (
        Statement(
            "s1", Argument(find(text, "Dmitry Peskov"), "a3"), find(text, "said"),
            (find(text, "Separatist leaders asked Russia for military help"),), medium="letter", via=("Interfax",),
        ),  # fmt: skip
        Statement(
            "s2", Argument(find(text, "The White House"), "a6"), find(text, "called"),
            (find(text, "the request a false flag"),), disputes=("s1",),
        ),  # fmt: skip
    )
    day = date(2022, 2, 23)
    events = (
        make_event(text, "e1", "asked", ("Separatist leaders", "a1"), ("Russia", "a2"), plover="REQUEST", cameo="0233",
                   quad_class=1, goldstein=3.4, status="reported", statement="s1", date=day),
        make_event(text, "e2", "shelled", ("Russian forces", "a4"), ("Ukrainian positions", "a5"), plover="ASSAULT",
                   cameo="195", quad_class=4, goldstein=-10.0, date=day,
                   location=Location("p1", "Kharkiv", 49.98, 36.25, "point")),
        make_event(text, "e3", "called", ("The White House", "a6"), None, plover="ACCUSE", cameo="112",
                   quad_class=3, goldstein=-2.0, statement="s2", date=day),
        make_event(text, "e4", "requested", ("Ukraine", "a7"), ("UN Security Council", "a8"), plover="REQUEST",
                   cameo="020", quad_class=1, goldstein=3.0, date=day),
    )  # fmt: skip
    meta = Metadata(title="Separatists ask Moscow for help", published=day, source="DW", url="https://example.org/dw")
    return Article("letter", text, meta, actors=actors, events=events, statements=statements, places=(kharkiv,))


def attack_report() -> Article:
    text = "Russia attacked Ukraine on Thursday. Poland agreed to send aid to Ukraine."
    actors = (
        Actor("a1", "Russia", "RUS", "RUS", mentions=(find(text, "Russia"),)),
        Actor("a2", "Ukraine", "UKR", "UKR", mentions=(find(text, "Ukraine"), find(text, "Ukraine", nth=1))),
        Actor("a3", "Poland", "POL", "POL", mentions=(find(text, "Poland"),)),
    )
    day = date(2022, 2, 24)
    events = (
        make_event(text, "e1", "attacked", ("Russia", "a1"), ("Ukraine", "a2"), plover="ASSAULT", cameo="190",
                   quad_class=4, goldstein=-10.0, date=day),
        make_event(text, "e2", "agreed", ("Poland", "a3"), None, plover="AID", cameo="070",
                   quad_class=2, goldstein=7.0, date=day),
    )  # fmt: skip
    meta = Metadata(title="Russia attacks Ukraine", published=day, source="Wire", credits=("AFP", "AP"))
    return Article("attack", text, meta, actors=actors, events=events)


def hostile_report() -> Article:
    text = HOSTILE_TEXT
    actors = (
        Actor("a1", "Russia", "RUS", "RUS", mentions=(find(text, "Russia"),)),
        Actor("a2", HOSTILE_ACTOR, None, "UKR", mentions=(find(text, "Ukraine"),)),
    )
    events = (
        make_event(text, "e1", "accused", ("Russia", "a1"), ("Ukraine", "a2"), plover="ACCUSE", cameo="112",
                   quad_class=3, goldstein=-2.0, date=date(2022, 2, 25)),
    )  # fmt: skip
    meta = Metadata(title=HOSTILE_TITLE, published=date(2022, 2, 25), source="<b>Wire</b>")
    return Article("hostile", text, meta, actors=actors, events=events)


def fresh_report(number: int) -> Article:
    """A report to add while a server runs: Poland met Lithuania (CONSULT), titled ``Talks {number}``."""
    text = f"Poland met Lithuania in Vilnius for talks number {number}."
    actors = (
        Actor("a1", "Poland", "POL", "POL", mentions=(find(text, "Poland"),)),
        Actor("a2", "Lithuania", "LTU", "LTU", mentions=(find(text, "Lithuania"),)),
    )
    events = (
        make_event(text, "e1", "met", ("Poland", "a1"), ("Lithuania", "a2"), plover="CONSULT", cameo="040",
                   quad_class=1, goldstein=1.0, date=date(2022, 3, 1)),
    )  # fmt: skip
    meta = Metadata(title=f"Talks {number}", published=date(2022, 3, 1))
    return Article(f"fresh-{number}", text, meta, actors=actors, events=events)


ARTICLES = (letter_report, attack_report, hostile_report)


def event_id_of(article: Article, event_id: str) -> str:
    return event_row_id(article.content_hash, event_id)


def write_store(path: Path) -> Path:
    """A store file holding the hand-written articles."""
    with DuckDBStore(path) as store:
        store.add_articles(make() for make in ARTICLES)
    return path


class LiveServer:
    """An app served by uvicorn on 127.0.0.1, on a free port, in a thread of this process."""

    def __init__(self, app) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
