"""The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium).

The page is served by the real app over a real store file. Screenshots go to artifacts/ (kept out
of git) for people to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from web_support import HOSTILE_ACTOR, HOSTILE_TITLE, LiveServer, write_store

from eventwire.api import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
BROWSER_ARGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
    "--window-size=1400,1800",
)  # fmt: skip

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
    reason="needs the Debian packages chromium and chromium-driver (make test installs them)",
)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in BROWSER_ARGS:
        options.add_argument(argument)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download a driver
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = write_store(tmp_path_factory.mktemp("dashboard") / "events.duckdb")
    with LiveServer(create_app(path)) as live:
        live.store_path = path
        yield live


def wait_until(condition: Callable[[], object], *, timeout: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def open_page(browser, server, fragment: str = "") -> None:
    browser.get(f"{server.url}/{fragment}")
    if fragment:  # going to the same page with another #fragment does not reload it
        browser.refresh()
    wait_until(lambda: browser.execute_script("return document.body.dataset.ready") == "1", what="first render")


def rows(browser) -> list:
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")


def text_of(browser, selector: str) -> str:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent).join('')", selector
    )


def test_page_shows_timeline_map_network_and_events(browser, server):
    open_page(browser, server)
    assert text_of(browser, "#counts").startswith("3 articles \u00b7 7 events")
    assert browser.execute_script("return document.querySelectorAll('#timeline svg rect.q4').length") == 2
    assert browser.execute_script("return document.querySelectorAll('#map svg circle.place').length") == 1
    assert browser.execute_script("return document.querySelectorAll('#map svg path.land').length") == 1
    assert browser.execute_script("return document.querySelectorAll('#network svg path.edge').length") >= 5
    assert len(rows(browser)) == 7


def test_filter_by_dyad_open_an_event_and_see_its_evidence(browser, server):
    from selenium.webdriver.common.by import By

    open_page(browser, server)
    field = browser.find_element(By.ID, "f-dyad")
    field.clear()
    field.send_keys("RUS-UKR")
    browser.find_element(By.ID, "apply").click()
    wait_until(lambda: len(rows(browser)) == 4, what="the dyad's 4 events")
    # the table and the timeline load by separate requests: the title may follow the rows
    wait_until(lambda: text_of(browser, "#timeline-title") == "RUS \u2013 UKR", what="the dyad's timeline title")
    assert text_of(browser, "#timeline-title") == "RUS \u2013 UKR"
    assert "dyad=RUS-UKR" in browser.current_url
    [row] = [r for r in rows(browser) if "asked" in r.text]
    row.click()
    wait_until(lambda: browser.find_element(By.ID, "article").is_displayed(), what="the article view")
    sentence = "Separatist leaders asked Russia for military help, Kremlin spokesman Dmitry Peskov said."
    wait_until(lambda: text_of(browser, "#evidence .quote") == sentence, what="the evidence sentence")
    assert text_of(browser, "#evidence .quote .trigger") == "asked"
    assert text_of(browser, "#evidence .quote .source") == "Separatist leaders"
    assert text_of(browser, "#article-text .sentence") == sentence  # highlighted in the article
    assert "Dmitry Peskov" in text_of(browser, "#article-text .actor")
    assert "Kharkiv" in text_of(browser, "#article-text .place")
    assert "the request a false flag" in text_of(browser, "#article-text .statement")
    chain = browser.execute_script(
        "return Array.from(document.querySelectorAll('#evidence .chain .link')).map(l => l.lastChild.textContent)"
    )
    assert chain == ["DW", "Interfax", "Dmitry Peskov", "letter"]
    assert "disputed by White House" in text_of(browser, "#evidence .disputed")
    assert text_of(browser, "#article-title") == "Separatists ask Moscow for help"
    ARTIFACTS.mkdir(exist_ok=True)
    browser.find_element(By.TAG_NAME, "body").screenshot(str(ARTIFACTS / "dashboard.png"))


def test_hostile_article_shows_as_text(browser, server):
    from selenium.webdriver.common.by import By

    open_page(browser, server, "#q=provocations")
    wait_until(lambda: len(rows(browser)) == 1, what="the hostile event")
    rows(browser)[0].click()
    wait_until(lambda: text_of(browser, "#article-title") == HOSTILE_TITLE, what="the hostile title, as text")
    assert browser.execute_script("return window.__xss") is None
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return document.scripts.length") == 1
    assert "<script>window.__xss=3</script>" in text_of(browser, "#article-text")
    assert HOSTILE_TITLE in text_of(browser, "#events tbody")
    assert HOSTILE_ACTOR in text_of(browser, "#network svg text title")
    assert "<b>Wire</b>" in text_of(browser, "#article-meta")
    browser.find_element(By.TAG_NAME, "body").screenshot(str(ARTIFACTS / "dashboard-hostile.png"))
    assert browser.execute_script("return window.__xss") is None


ADD_FRESH_REPORT = (
    "import sys; sys.path.insert(0, sys.argv[2]);"
    "from web_support import fresh_report;"
    "from eventwire.store.sharing import SharedFileStore;"
    "SharedFileStore(sys.argv[1]).add_articles([fresh_report(1)])"
)


def test_new_events_appear_without_a_reload(browser, server):
    open_page(browser, server)
    assert len(rows(browser)) == 7
    subprocess.run(
        [sys.executable, "-c", ADD_FRESH_REPORT, str(server.store_path), str(Path(__file__).parent)],
        check=True, timeout=60,
    )  # fmt: skip
    wait_until(lambda: len(rows(browser)) == 8, timeout=15, what="the new event in the table")
    wait_until(lambda: text_of(browser, "#counts").startswith("4 articles \u00b7 8 events"), what="new counts")
    assert "Talks 1" in text_of(browser, "#events tbody")
