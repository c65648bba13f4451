"""Headless Debian chromium driven by selenium, for the page tests (and screenshots)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--window-size=1400,1000",
)


def find_browser() -> tuple[str | None, str | None]:
    """Paths of chromium and chromedriver, or None for whichever is missing."""
    chromium = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    return chromium, shutil.which("chromedriver")


def make_driver(profile_dir: Path | None = None):
    """A fresh headless chromium session with browser and performance logs switched on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = find_browser()
    if not chromium or not driver:
        raise RuntimeError("chromium or chromedriver not found")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = profile_dir or Path(tempfile.mkdtemp(prefix="timeline-chromium-"))
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)
