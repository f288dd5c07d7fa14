"""The coordinator's first morning, in a real browser: create the municipality, fill in
`redo`, submit, see the total, the verdict and the chart."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from stadforstad.catalog import load_form
from tests.helpers.browser import (
    wait_idle,
)

pytestmark = pytest.mark.browser


def test_create_workspace_fill_in_redo_and_see_the_result(app, page: Page) -> None:
    page.goto(app.url)
    expect(page.get_by_role("heading", name="Stad för stad")).to_be_visible()

    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Landskrona")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Landskrona är skapad och vald.")).to_be_visible()

    page.goto(f"{app.url}/form?form=redo")
    expect(page.get_by_role("heading", name="Är ni redo?")).to_be_visible()
    page.get_by_label("Ditt namn").fill("Anna")
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("Politisk vilja", exact=True)).to_be_visible()
    wait_idle(page)

    values = [4, 2, 3, 4, 3, 1, 4]  # total 21: ready; two things to work on
    items = [i for i in load_form("redo").answerable() if i.kind == "scale"]
    for item, value in zip(items, values):
        group = page.get_by_role("radiogroup", name=f"{item.label.sv} *")
        group.get_by_text(re.compile(rf"^{value}( – .*)?$")).click()
    page.get_by_role("button", name="Skicka in").click()

    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("21 / 35")
    expect(page.get_by_test_id("stMetric").filter(has_text="Bedömning")).to_contain_text("Redo")
    expect(page.get_by_text("Att arbeta med (svar 1–2):")).to_be_visible()
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible()
    expect(chart.locator("canvas, svg").first).to_be_visible()
