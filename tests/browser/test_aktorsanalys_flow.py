"""The actor analysis in a real browser: type three actors into the table (a canvas grid,
glide-data-grid), submit, and see each placed on the influence × support map in its
quadrant, with the one to invest in named."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.helpers.browser import (
    ROW_HEIGHT,
    type_cell,
    wait_idle,
)

pytestmark = pytest.mark.browser

#: name, influence, support → the quadrant the map must put it in
ACTORS = [
    ("Polisen", 5, 4, "Nyckelaktörer – håll nära"),
    ("Hotellet", 4, 1, "Satsa mer"),
    ("Kyrkan", 1, 5, "Håll informerade"),
]
#: From the grid's left edge to the middle of the first column (after the row markers).
FIRST_COLUMN_X = 70


def test_type_three_actors_submit_and_see_them_on_the_map(app, page: Page) -> None:
    page.goto(app.url)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Malmö")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Malmö är skapad och vald.")).to_be_visible()

    page.goto(f"{app.url}/form?form=aktorsanalys")
    expect(page.get_by_role("heading", name="Analys av samverkansaktörer")).to_be_visible()
    page.get_by_label("Ditt namn").fill("Anna")
    page.get_by_role("button", name="Lägg till").click()
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    wait_idle(page)
    grid.scroll_into_view_if_needed()

    for row, (name, influence, support, _) in enumerate(ACTORS):
        # Clicking the empty row under the last one (the grid's "+" row) adds a row and
        # selects its first cell; the grid grows by a row each time.
        box = grid.bounding_box()
        page.mouse.click(
            box["x"] + FIRST_COLUMN_X, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2
        )
        page.wait_for_timeout(300)
        type_cell(page, name, "Tab")
        type_cell(page, str(influence), "Tab")
        type_cell(page, str(support), "Enter")
    page.get_by_role("button", name="Skicka in").click()

    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="Aktörer")).to_contain_text("3")
    expect(metrics.filter(has_text="På kartan")).to_contain_text("3")
    expect(page.get_by_test_id("stText").first).to_have_text("1. Hotellet (påverkan 4, stöd 1)")

    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible()
    for name, influence, support, quadrant in ACTORS:
        # Vega describes each dot in its ARIA label: where it is, which quadrant, who.
        dot = chart.locator(f"[aria-label*='kvadrant: {quadrant}; aktörer: {name};']")
        expect(dot).to_have_count(1)
        label = dot.get_attribute("aria-label")
        assert f"påverkan: {influence}; stöd: {support}" in label, label
        expect(chart.locator("text", has_text=name)).to_have_count(1)
    for corner in ("Satsa mer", "Nyckelaktörer – håll nära", "Håll informerade", "Bevaka"):
        expect(chart.locator("text", has_text=corner).first).to_be_visible()
