"""A real browser opens the comparison on demo data and sees the readiness chart and
the progress grid (the shared fixtures of ``tests/browser/conftest.py``).

The app runs without accounts here, so the browser acts as the local user, who may do
everything. That a member cannot open the page needs sign-in (accounts branch); until
it lands that half is tested with AppTest in ``tests/ui/test_compare_page.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from stadforstad.compare import step_forms
from tests.helpers import ROOT
from tests.helpers.browser import served

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    database_url = f"sqlite:///{folder / 'demo.sqlite'}"
    subprocess.run(
        [sys.executable, "-m", "stadforstad.cli", "demo"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "STADFORSTAD_DATABASE_URL": database_url},
    )
    with served(database_url, log=folder / "streamlit.log") as running:
        yield running


def test_coordinator_sees_readiness_and_progress(demo_app, page):
    from playwright.sync_api import expect

    page.goto(demo_app.url)
    # Through the app's navigation, as a user goes (app.py runs and lists the page).
    page.get_by_role("link", name="Jämför kommuner").click()
    expect(page.get_by_role("heading", name="Jämför kommuner")).to_be_visible()
    expect(page.get_by_text("Visar 10 av 10 kommuner.")).to_be_visible()
    expect(page.get_by_text("Redo – totalpoäng mot gränsen 20")).to_be_visible()
    charts = page.locator("[data-testid='stVegaLiteChart']")
    expect(charts).to_have_count(2)
    readiness = charts.first
    expect(readiness.locator("svg text", has_text="Varje deltagares total")).to_have_count(1)
    # A point per distinct total and a median tick per municipality, against the rule at 20.
    expect(readiness.locator("[aria-roledescription='circle']").first).to_be_attached()
    expect(readiness.locator("[aria-roledescription='tick']")).to_have_count(10)
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()

    page.get_by_text("Framsteg", exact=True).click()
    expect(page.get_by_text("Ett formulär räknas som klart")).to_be_visible()
    expect(charts).to_have_count(1)
    grid = charts.first
    expect(grid.locator("svg text", has_text="Framsteg genom stegen")).to_have_count(1)
    forms = len(step_forms())
    expect(grid.locator("[aria-roledescription='rect mark']")).to_have_count(10 * forms)
    done = grid.locator("[aria-roledescription='rect mark'][aria-label*='status: Klart']")
    assert 0 < done.count() < 10 * forms
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
