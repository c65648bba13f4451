"""Fixtures for the render tests: synthetic chronologies and one headless chromium per module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.render.browser import find_browser, make_driver
from tests.render.synthetic import synthetic_chronology


@pytest.fixture(scope="session")
def small():
    return synthetic_chronology(40, 6)


@pytest.fixture(scope="session")
def hostile():
    return synthetic_chronology(30, 6, hostile=True, conflict_rate=0.3)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless chromium session for a whole test module (skips when not installed)."""
    chromium, driver = find_browser()
    if not chromium or not driver:
        pytest.skip(
            "chromium/chromedriver not installed (run scripts/setup-browser.sh); "
            "browser tests skipped"
        )
    session = make_driver(tmp_path_factory.mktemp("chromium-profile"))
    session.set_page_load_timeout(60)
    session.set_script_timeout(30)
    yield session
    session.quit()


class Page:
    """Load a local page in the shared browser and read what it did."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def open(self, path: Path, *, wait_chart: bool = True) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        self.logs()  # drop what earlier pages logged
        self.browser.get(path.resolve().as_uri())
        if wait_chart:
            WebDriverWait(self.browser, 30).until(
                lambda d: d.execute_script(
                    "var c = document.getElementById('chart');"
                    "return !!(c && c.getAttribute('data-ready'));"
                )
            )

    def js(self, script: str, *args):
        return self.browser.execute_script(script, *args)

    def logs(self) -> list[dict]:
        return self.browser.get_log("browser")

    def errors(self) -> list[str]:
        return [e["message"] for e in self.logs() if e["level"] in ("SEVERE", "ERROR")]

    def requests(self) -> list[str]:
        """URLs the page asked for since the last call (from the DevTools performance log)."""
        urls = []
        for entry in self.browser.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls


@pytest.fixture(scope="module")
def page(browser) -> Page:
    return Page(browser)
