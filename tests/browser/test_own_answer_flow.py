"""A table's own answer in a real browser: in "Hitta målgruppen och kontaktytan" a new
target group is typed in the column beside the list ("… annan (skriv)"), submitted,
stored as typed, and drawn in the network picture."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import ROW_HEIGHT, type_cell, wait_idle

pytestmark = pytest.mark.browser

NEW_GROUP = "Ensamkommande barn"
#: From the grid's left edge to the middle of the second column, "Sårbar målgrupp:
#: annan (skriv)" (the columns are as wide as their titles).
OTHER_COLUMN_X = 290


def test_type_a_new_target_group_submit_and_see_it_stored_and_drawn(
    landskrona_app, page: Page
) -> None:
    page.goto(f"{landskrona_app.url}/form?form=malgrupp_kontaktyta")
    expect(
        page.get_by_role("heading", name="Hitta målgruppen och kontaktytan", exact=True)
    ).to_be_visible(timeout=60_000)
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    wait_idle(page)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # Clicking the "+" row under the header, in the text column beside the list, adds
    # a row and selects that cell; the new group is typed there. (Typed into the list's
    # own cell, the text would only filter the list and be dropped: the reason for the
    # column.)
    page.mouse.click(box["x"] + OTHER_COLUMN_X, box["y"] + ROW_HEIGHT + ROW_HEIGHT / 2)
    # The new row is kept as a draft at once: let that rerun start and end first (keys
    # typed while it redraws the grid are lost).
    page.wait_for_timeout(1500)
    wait_idle(page)
    type_cell(page, NEW_GROUP, "Tab")
    type_cell(page, "Stationen", "Enter")
    wait_idle(page)
    page.get_by_role("button", name="Skicka in").click()

    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible(timeout=60_000)
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart).to_be_visible()
    expect(chart.locator("text", has_text=NEW_GROUP)).to_have_count(1)

    engine = make_engine(landskrona_app.database_url)
    try:
        (row,) = Store(engine).submitted(
            actor=Actor.local(),
            workspace_ids=[w.id for w in Store(engine).list_workspaces(actor=Actor.local())],
            form_id="malgrupp_kontaktyta",
        )
    finally:
        engine.dispose()
    assert row.answers["malgrupper"] == [{"malgrupp": NEW_GROUP, "platser": "Stationen"}]
