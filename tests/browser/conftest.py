"""Real-browser tests: the app served by ``streamlit run`` on a free local port, driven
by Playwright for Python in Debian's headless Chromium (test tools cannot download
browsers here). Each test module gets its own server and SQLite file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.browser import (  # noqa: F401
    App,
    free_port,
    start_app,
)

CHROMIUM = os.environ.get("STADFORSTAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("app")
    process, running = start_app(f"sqlite:///{folder / 'app.sqlite'}", log=folder / "streamlit.log")
    yield running
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    # The first run of a page imports pandas and altair: on a busy 2-core machine that
    # can take several seconds.
    expect.set_options(timeout=30_000)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
