"""Real-browser tests: the app served by ``streamlit run`` on a free local port, driven
by Playwright for Python in Debian's headless Chromium (test tools cannot download
browsers here). Each test module gets its own server and SQLite file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.browser import served

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
    with served(f"sqlite:///{folder / 'app.sqlite'}", log=folder / "streamlit.log") as running:
        yield running


@pytest.fixture(scope="module")
def landskrona_app(tmp_path_factory):
    """The app on a SQLite file of its own, with one municipality, Landskrona, and its
    participant Anna: where a member starts filling in forms."""
    from stadforstad.storage import Actor, Store, make_engine

    folder = tmp_path_factory.mktemp("landskrona")
    database_url = f"sqlite:///{folder / 'landskrona.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    place = store.create_workspace(actor=Actor.local(), name="Landskrona")
    store.respondent(actor=Actor.local(), workspace_id=place.id, name="Anna")
    engine.dispose()
    with served(database_url, log=folder / "streamlit.log") as running:
        yield running


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
