"""The REST API as clients meet it: httpx against the real app served by uvicorn over a real DuckDB file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from web_support import (
    HOSTILE_TITLE,
    LiveServer,
    attack_report,
    event_id_of,
    hostile_report,
    letter_report,
    write_store,
)

from eventwire.api import create_app
from eventwire.pipeline import PipelineConfig
from eventwire.store import EventQuery
from eventwire.store.duckdb_store import DuckDBStore

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    return write_store(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="module")
def client(store_file: Path):
    """A client of a server with no ingestion token."""
    with LiveServer(create_app(store_file)) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="module")
def ingesting(tmp_path_factory, store_file: Path):
    """(client, store path) of a server that accepts ingestion with TOKEN, over its own store copy."""
    path = tmp_path_factory.mktemp("ingest") / "events.duckdb"
    shutil.copy(store_file, path)
    app = create_app(path, token=TOKEN, config=PipelineConfig())
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=120) as http:
        yield http, path


def triggers(answer: dict) -> list[str]:
    return sorted(item["trigger_text"] for item in answer["items"])


def test_openapi_lists_every_endpoint(client: httpx.Client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/statements", "/api/places",
                 "/api/timeline", "/api/articles", "/api/articles/{article_id}", "/api/network"):  # fmt: skip
        assert path in paths
    assert set(paths["/api/articles"]["post"]["requestBody"]["content"]) == {"text/plain", "text/html", "application/json"}


def test_events_lists_everything_with_the_total(client: httpx.Client):
    answer = client.get("/api/events").json()
    assert answer["total"] == 7 and len(answer["items"]) == 7
    first = answer["items"][0]
    assert first["date"] == "2022-02-23" and first["title"] == "Separatists ask Moscow for help"


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"actor": "RUS"}, ["accused", "asked", "attacked", "shelled"]),
        ({"actor": "white house"}, ["called"]),
        ({"country": "POL"}, ["agreed"]),
        ({"plover": "request"}, ["asked", "requested"]),
        ({"cameo": "19"}, ["attacked", "shelled"]),
        ({"quad_class": 4}, ["attacked", "shelled"]),
        ({"since": "2022-02-24"}, ["accused", "agreed", "attacked"]),
        ({"until": "2022-02-23"}, ["asked", "called", "requested", "shelled"]),
        ({"since": "2022-02-24", "until": "2022-02-24"}, ["agreed", "attacked"]),
        ({"place": "kharkiv"}, ["shelled"]),
        ({"q": "FALSE FLAG"}, ["called"]),
        ({"status": "reported"}, ["asked"]),
        ({"dyad": "RUS-UKR"}, ["accused", "asked", "attacked", "shelled"]),
        ({"dyad": "UKR,RUS"}, ["accused", "asked", "attacked", "shelled"]),
        ({"dyad": "RUSMIL-UKRMIL", "cameo": "195"}, ["shelled"]),
        ({"dyad": "POL-UKR"}, []),
    ],
)
def test_events_filters(client: httpx.Client, params: dict, expected: list[str]):
    answer = client.get("/api/events", params=params).json()
    assert triggers(answer) == expected
    assert answer["total"] == len(expected)


def test_events_paging(client: httpx.Client):
    everything = [item["id"] for item in client.get("/api/events").json()["items"]]
    pages = [client.get("/api/events", params={"limit": 3, "offset": offset}).json() for offset in (0, 3, 6)]
    assert [item["id"] for page in pages for item in page["items"]] == everything
    assert all(page["total"] == 7 for page in pages)


@pytest.mark.parametrize(
    "query",
    [EventQuery(), EventQuery(limit=2), EventQuery(limit=2, offset=3), EventQuery(offset=5),
     EventQuery(dyad=("RUS", "UKR"), limit=3), EventQuery(actor="rus", quad_class=4, limit=1, offset=1)],
)  # fmt: skip
def test_a_page_of_events_is_what_events_returns(store_file: Path, query: EventQuery):
    with DuckDBStore(store_file, read_only=True) as store:
        assert store.event_page(query) == store.events(query)


@pytest.mark.parametrize(
    "params, status",
    [({"quad_class": 7}, 422), ({"since": "yesterday"}, 422), ({"since": "2022-03-01", "until": "2022-02-01"}, 400),
     ({"dyad": "RUS"}, 400), ({"limit": -1}, 422), ({"limit": 100000}, 422)],
)  # fmt: skip
def test_bad_filters_are_client_errors(client: httpx.Client, params: dict, status: int):
    assert client.get("/api/events", params=params).status_code == status


def test_event_evidence_with_its_attribution_chain(client: httpx.Client):
    article = letter_report()
    answer = client.get(f"/api/events/{event_id_of(article, 'e1')}").json()
    assert answer["event"]["trigger_text"] == "asked"
    assert answer["article"]["title"] == "Separatists ask Moscow for help"
    assert answer["article"]["published"] == "2022-02-23" and answer["article"]["source"] == "DW"
    sentence = answer["sentence"]
    assert sentence["text"] == "Separatist leaders asked Russia for military help, Kremlin spokesman Dmitry Peskov said."
    spans = {span["kind"]: span for span in answer["spans"]}
    assert spans["trigger"]["text"] == "asked"
    assert spans["source"]["text"] == "Separatist leaders" and spans["source"]["code"] == "UKRREB"
    assert spans["target"]["text"] == "Russia"
    for span in answer["spans"]:
        assert article.text[span["start"] : span["end"]] == span["text"]
    assert answer["statement"]["id"] == "s1" and answer["statement"]["medium"] == "letter"
    assert [(link["role"], link["name"]) for link in answer["chain"]] == [
        ("outlet", "DW"), ("via", "Interfax"), ("speaker", "Dmitry Peskov"), ("medium", "letter"),
    ]  # fmt: skip
    assert answer["disputed_by"] == ["White House"]


def test_event_evidence_marks_the_place(client: httpx.Client):
    answer = client.get(f"/api/events/{event_id_of(letter_report(), 'e2')}").json()
    places = [span for span in answer["spans"] if span["kind"] == "place"]
    assert [span["text"] for span in places] == ["Kharkiv"]
    assert answer["event"]["location_name"] == "Kharkiv" and answer["chain"] == [{"role": "outlet", "name": "DW"}]


def test_event_without_statement_credits_the_agencies(client: httpx.Client):
    answer = client.get(f"/api/events/{event_id_of(attack_report(), 'e1')}").json()
    assert [(link["role"], link["name"]) for link in answer["chain"]] == [
        ("outlet", "Wire"), ("agency", "AFP"), ("agency", "AP"),
    ]  # fmt: skip
    assert answer["statement"] is None and answer["disputed_by"] == []


def test_unknown_event_and_article_are_404(client: httpx.Client):
    assert client.get("/api/events/nope:e1").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_article_view_carries_text_layers_and_chains(client: httpx.Client):
    article = letter_report()
    answer = client.get(f"/api/articles/{article.content_hash}").json()
    assert answer["text"] == article.text
    assert {actor["code"] for actor in answer["actors"]} >= {"RUS", "RUSGOV", "USAGOV"}
    assert [place["name"] for place in answer["places"]] == ["Kharkiv"]
    assert [s["id"] for s in answer["statements"]] == ["s1", "s2"]
    chains = {event["event_id"]: [link["name"] for link in event["chain"]] for event in answer["events"]}
    assert chains["e1"] == ["DW", "Interfax", "Dmitry Peskov", "letter"]
    assert chains["e3"] == ["DW", "White House"]
    disputed = {event["event_id"]: event["disputed_by"] for event in answer["events"]}
    assert disputed == {"e1": ["White House"], "e2": [], "e3": [], "e4": []}


def test_actors(client: httpx.Client):
    items = client.get("/api/actors").json()["items"]
    by_id = {item["id"]: item for item in items}
    assert by_id["RUS"]["events"] == 3 and by_id["RUS"]["as_source"] == 2 and by_id["RUS"]["as_target"] == 1
    assert by_id["UKR"]["name"] == "Ukraine"
    assert items[0]["events"] >= items[-1]["events"]
    assert [item["id"] for item in client.get("/api/actors", params={"plover": "AID"}).json()["items"]] == ["POL"]


def test_network_weights_who_acts_on_whom(client: httpx.Client):
    edges = client.get("/api/network").json()["edges"]
    pairs = {(edge["source"], edge["target"]): edge for edge in edges}
    assert pairs[("RUS", "UKR")]["events"] == 1 and pairs[("RUS", "UKR")]["conflict"] == 1
    assert pairs[("RUSMIL", "UKRMIL")]["goldstein"] == -10.0
    assert ("UKRREB", "RUS") in pairs and ("UKR", "IGOUNO") in pairs
    assert all(source != target for source, target in pairs)


def test_statements(client: httpx.Client):
    answer = client.get("/api/statements").json()
    assert answer["total"] == 2
    first, second = answer["items"]
    assert first["source_name"] == "Dmitry Peskov" and first["via"] == ["Interfax"] and first["medium"] == "letter"
    assert first["content"] == "Separatist leaders asked Russia for military help"
    assert second["disputes"] == ["s1"] and second["title"] == "Separatists ask Moscow for help"
    assert client.get("/api/statements", params={"q": "false flag"}).json()["total"] == 1


def test_places_are_geojson(client: httpx.Client):
    answer = client.get("/api/places").json()
    assert answer["type"] == "FeatureCollection"
    [feature] = answer["features"]
    assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}
    assert feature["properties"]["name"] == "Kharkiv" and feature["properties"]["events"] == 1
    assert client.get("/api/places", params={"plover": "AID"}).json()["features"] == []


def test_timeline_per_day_for_a_dyad(client: httpx.Client):
    everything = client.get("/api/timeline").json()
    assert [day["date"] for day in everything["days"]] == ["2022-02-23", "2022-02-24", "2022-02-25"]
    assert everything["dyad"] is None
    answer = client.get("/api/timeline", params={"dyad": "RUS-UKR"}).json()
    assert answer["dyad"] == ["RUS", "UKR"]
    days = {day["date"]: day for day in answer["days"]}
    assert days["2022-02-23"] == {"date": "2022-02-23", "events": 2, "q1": 1, "q2": 0, "q3": 0, "q4": 1, "goldstein": -3.3}
    assert days["2022-02-24"]["q4"] == 1 and days["2022-02-25"]["q3"] == 1


def test_hostile_text_is_data_not_markup(client: httpx.Client):
    answer = client.get(f"/api/events/{event_id_of(hostile_report(), 'e1')}").json()
    assert answer["article"]["title"] == HOSTILE_TITLE  # JSON carries it verbatim; the page escapes it


def test_dashboard_and_its_files_are_served(client: httpx.Client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for name in ("app.js", "style.css", "land.json"):
        assert client.get(f"/static/{name}").status_code == 200
    assert "http" not in client.get("/static/app.js").text.replace("http://www.w3.org/2000/svg", "")


# -- ingestion ------------------------------------------------------------------------------------


def test_ingestion_is_refused_without_a_configured_token(client: httpx.Client):
    answer = client.post("/api/articles", json={"text": "Russia attacked Ukraine."}, headers={"Authorization": "Bearer x"})
    assert answer.status_code == 403


@pytest.mark.parametrize(
    "headers, status",
    [({}, 401), ({"Authorization": "Basic abc"}, 401), ({"Authorization": "Bearer wrong"}, 403)],
)
def test_ingestion_needs_the_right_token(ingesting, headers: dict, status: int):
    http, _ = ingesting
    assert http.post("/api/articles", json={"text": "Russia attacked Ukraine."}, headers=headers).status_code == status


AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"json": {"id": "j1", "title": "Json report", "published": "2022-03-05", "source": "Test",
                  "text": "Russian troops attacked the city of Mariupol on Saturday."}},
        {"content": "Poland's president agreed to send humanitarian aid to Ukraine on Saturday.".encode(),
         "headers": {"Content-Type": "text/plain"}, "params": {"title": "Text report", "published": "2022-03-05"}},
        {"content": b"<html><head><title>Html report</title></head><body><article><h1>Html report</h1>"
                    b"<p>On Saturday Ukraine's foreign minister asked the UN Security Council to meet at once, "
                    b"officials said in Kyiv.</p></article></body></html>",
         "headers": {"Content-Type": "text/html"}, "params": {"published": "2022-03-05"}},
    ],
    ids=["json", "text", "html"],
)  # fmt: skip
def test_ingestion_stores_the_events_and_the_api_serves_them(ingesting, kwargs: dict):
    http, _ = ingesting
    headers = {**AUTH, **kwargs.pop("headers", {})}
    answer = http.post("/api/articles", headers=headers, **kwargs)
    assert answer.status_code == 201, answer.text
    [result] = answer.json()["results"]
    assert result["added"] and result["events"], result
    for event_id in result["events"]:
        evidence = http.get(f"/api/events/{event_id}").json()
        assert evidence["article"]["id"] == result["article_id"]
    listed = http.get("/api/events", params={"since": "2022-03-05", "until": "2022-03-05"}).json()
    assert set(result["events"]) <= {item["id"] for item in listed["items"]}
    again = http.post("/api/articles", headers=headers, **kwargs).json()["results"][0]
    assert not again["added"] and again["article_id"] == result["article_id"]


@pytest.mark.parametrize(
    "body, content_type",
    [(b"{not json", "application/json"), (b'{"title": "no text"}', "application/json"), (b"", "text/plain")],
)
def test_bad_bodies_are_refused_with_a_reason(ingesting, body: bytes, content_type: str):
    http, _ = ingesting
    answer = http.post("/api/articles", content=body, headers={**AUTH, "Content-Type": content_type})
    assert answer.status_code == 422 and answer.json()


def test_hostile_article_is_stored_verbatim(ingesting):
    http, _ = ingesting
    text = "Russia accused Ukraine of provocations <script>alert(1)</script> on Sunday."
    answer = http.post("/api/articles", headers=AUTH, json={"title": HOSTILE_TITLE, "text": text, "published": "2022-03-06"})
    [result] = answer.json()["results"]
    article = http.get(f"/api/articles/{result['article_id']}").json()
    assert article["title"] == HOSTILE_TITLE and article["text"] == text


def test_the_store_keeps_serving_while_eventwire_run_adds_documents(ingesting, tmp_path: Path):
    """`eventwire run` in another process writes the file the server reads; no restart needed."""
    http, path = ingesting
    reports = [
        {"id": f"live-{n}", "published": "2022-04-0" + str(n), "title": f"Live {n}",
         "text": f"Russian troops attacked the town of Izium on day {n}. Ukraine asked NATO for air defence systems."}
        for n in range(1, 6)
    ]  # fmt: skip
    corpus = tmp_path / "live.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    before = http.get("/api/summary").json()
    process = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "run", "--db", str(path), "--workers", "1", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    statuses: list[int] = []
    try:
        while process.poll() is None:
            statuses.append(http.get("/api/events", params={"limit": 1}).status_code)
            time.sleep(0.05)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "added: 5" in stdout
    assert statuses and set(statuses) == {200}, statuses
    after = http.get("/api/summary").json()
    assert after["articles"] == before["articles"] + 5 and after["events"] > before["events"]
    live = http.get("/api/events", params={"since": "2022-04-01", "until": "2022-04-05"}).json()
    assert live["total"] >= 5 and {item["title"] for item in live["items"]} == {f"Live {n}" for n in range(1, 6)}


HOLD_THE_FILE = (
    "import sys, time; from eventwire.store.duckdb_store import DuckDBStore;"
    "store = DuckDBStore(sys.argv[1]); print('holding', flush=True); time.sleep(float(sys.argv[2])); store.close()"
)


def test_requests_wait_for_a_writer_then_answer_or_give_up(store_file: Path):
    """Another process holding the file: a request waits for it, or answers 503 after its wait."""
    patient = create_app(store_file, wait=20)
    impatient = create_app(store_file, wait=0.3)
    with LiveServer(patient) as slow, LiveServer(impatient) as quick, httpx.Client(timeout=30) as http:
        holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_FILE, str(store_file), "1.5"], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "holding"
            refused = http.get(f"{quick.url}/api/summary")
            assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
            began = time.monotonic()
            answered = http.get(f"{slow.url}/api/summary")
            assert answered.status_code == 200 and answered.json()["events"] == 7
            assert time.monotonic() - began > 0.3  # it waited for the writer to let go
        finally:
            holder.wait(timeout=30)
