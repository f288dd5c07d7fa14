"""A real browser (headless Chromium through Playwright) opens the comparison on demo
data and sees the readiness chart and the progress grid.

The app runs without accounts here, so the browser acts as the local user (an
administrator). That a member cannot open the page needs sign-in (accounts branch);
until it lands that half is tested with AppTest in ``test_compare_page.py``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from stadforstad.compare import step_forms
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed")
    folder = tmp_path_factory.mktemp("browser")
    env = dict(os.environ, STADFORSTAD_DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite'}")
    subprocess.run([sys.executable, "-m", "stadforstad.cli", "demo"], env=env, cwd=ROOT,
                   check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("the app did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        yield page
        if os.environ.get("STADFORSTAD_SCREENSHOT"):
            page.screenshot(path=os.environ["STADFORSTAD_SCREENSHOT"], full_page=True)
        browser.close()


def test_coordinator_sees_readiness_and_progress(app_url, page):
    from playwright.sync_api import expect

    page.goto(app_url)
    # Through the app's navigation, as a user goes (app.py runs and lists the page).
    page.get_by_role("link", name="Jämför kommuner").click()
    expect(page.get_by_role("heading", name="Jämför kommuner")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Visar 10 av 10 kommuner.")).to_be_visible(timeout=30_000)
    # The readiness chart: a Vega canvas/SVG with its title, and the municipalities' table.
    charts = page.locator("[data-testid='stVegaLiteChart']")
    expect(charts.first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Redo – totalpoäng mot gränsen 20")).to_be_visible()
    expect(charts).to_have_count(2)
    readiness = charts.first
    expect(readiness.locator("svg text", has_text="Varje deltagares total")).to_have_count(1)
    # A point per distinct total and a median tick per municipality, against the rule at 20.
    expect(readiness.locator("[aria-roledescription='circle']").first).to_be_attached()
    assert readiness.locator("[aria-roledescription='tick']").count() == 10
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()

    page.get_by_text("Framsteg", exact=True).click()
    expect(page.get_by_text("Ett formulär räknas som klart")).to_be_visible(timeout=30_000)
    expect(charts.first).to_be_visible(timeout=30_000)
    expect(charts).to_have_count(1, timeout=30_000)
    grid = charts.first
    expect(grid.locator("svg text", has_text="Framsteg genom stegen")).to_have_count(1)
    cells = grid.locator("[aria-roledescription='rect mark']")
    forms = len(step_forms())
    expect(cells).to_have_count(10 * forms)
    done = grid.locator("[aria-roledescription='rect mark'][aria-label*='status: Klart']")
    assert 0 < done.count() < 10 * forms
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
