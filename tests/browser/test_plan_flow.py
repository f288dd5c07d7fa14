"""The local collaboration plan in a real browser: fill a small plan (two sub-goals, three
activities, two budget rows) in the grids, save it, see the SMART verdicts, the hours
and the timeline, and download the plan as a PDF that holds them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from tests.browser.test_aktorsanalys_flow import FIRST_COLUMN_X, ROW_HEIGHT, type_cell
from tests.browser.test_redo_flow import wait_idle

pytestmark = pytest.mark.browser


def choose_cell(page: Page, text: str) -> None:
    """A drop-down cell: Enter opens its list, typing filters it, Enter picks; the
    arrow then moves on to the next column."""
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.type(text, delay=40)
    page.wait_for_timeout(400)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)


def skip_cell(page: Page) -> None:
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)


def new_row(page: Page, grid: Locator, row: int) -> None:
    """Click the grid's empty "+" row under row ``row`` (0-based): a new row, first cell."""
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + FIRST_COLUMN_X, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2)
    page.wait_for_timeout(400)


def grid_of(page: Page, label: str) -> Locator:
    """The data editor right under the heading ``label``."""
    heading = page.get_by_text(label, exact=True).first
    container = page.get_by_test_id("stElementContainer").filter(has=heading).last
    return container.locator("xpath=following::*[@data-testid='stDataFrame'][1]")


def test_fill_a_small_plan_see_smart_hours_timeline_and_download_it(app, page: Page) -> None:
    try:
        _fill_save_and_download(app, page)
    except Exception:
        page.screenshot(
            path=str(Path(app.database_url.removeprefix("sqlite:///")).parent / "plan.png"),
            full_page=True,
        )
        raise


def _fill_save_and_download(app, page: Page) -> None:
    page.goto(app.url)
    # The first page of a fresh server imports pandas and altair: slow on a busy machine.
    expect(page.get_by_role("link", name="Kommuner", exact=True)).to_be_visible(timeout=120_000)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Ystad")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Ystad är skapad och vald.")).to_be_visible()

    page.goto(f"{app.url}/form?form=samverkansplan")
    expect(page.get_by_role("heading", name="Lokal samverkansplan")).to_be_visible()
    expect(page.get_by_text("Ett gemensamt svar för hela kärngruppen", exact=False)).to_be_visible()
    expect(page.get_by_text("Vem svarar?")).to_have_count(0)
    wait_idle(page)

    page.get_by_role("textbox", name="3. Skissa på ett utkast av en vision").fill(
        "En trygg stad för alla"
    )
    page.get_by_role("textbox", name="Hur många år gäller planen (3–5 år)?").fill("3")
    page.keyboard.press("Tab")
    wait_idle(page)

    goals = grid_of(page, "Delmål")
    new_row(page, goals, 0)
    choose_cell(page, "Delmål 1")
    type_cell(page, "Ökad lagföring av sexköpare", "Tab")
    choose_cell(page, "Lagföring")
    type_cell(page, "Antal lagförda sexköpare", "Tab")
    type_cell(page, "2025", "Tab")
    type_cell(page, "6", "Tab")
    type_cell(page, "8", "Tab")
    type_cell(page, "10", "Tab")
    skip_cell(page)
    skip_cell(page)
    type_cell(page, "Polisen", "Enter")
    wait_idle(page)
    new_row(page, goals, 1)
    choose_cell(page, "Delmål 2")
    type_cell(page, "Hotell", "Enter")
    wait_idle(page)

    activities = grid_of(page, "Aktiviteter / insatser")
    for row, (goal, what, year) in enumerate(
        [("Delmål 1", "Utbildning för polisen", "År 1"), ("Delmål 1", "Tillsyn", "År 2"),
         ("Delmål 2", "Frukostmöte med hotellen", "År 3")]
    ):  # fmt: skip
        new_row(page, activities, row)
        choose_cell(page, goal)
        type_cell(page, what, "Tab")
        skip_cell(page)
        skip_cell(page)
        choose_cell(page, year)
        wait_idle(page)

    budget = grid_of(page, "2. Skissa på en enkel budget för arbetet.")
    new_row(page, budget, 0)
    type_cell(page, "Nätverksmöten", "Tab")
    choose_cell(page, "Delmål 1")
    type_cell(page, "12", "Tab")
    type_cell(page, "10", "Tab")
    type_cell(page, "4", "Tab")
    type_cell(page, "7533", "Enter")
    wait_idle(page)
    new_row(page, budget, 1)
    type_cell(page, "Utskick", "Tab")
    skip_cell(page)
    type_cell(page, "5", "Tab")
    skip_cell(page)
    type_cell(page, "5", "Enter")
    wait_idle(page)

    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    wait_idle(page)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="SMARTA delmål")).to_contain_text("1 / 2")
    expect(metrics.filter(has_text="Arbetstid")).to_contain_text("505 timmar")
    expect(page.get_by_text("Delmål 2 har ingen aktivitet.", exact=False)).to_have_count(0)
    timeline = page.get_by_test_id("stVegaLiteChart").first
    expect(timeline).to_be_visible()
    for what in ("Utbildning för polisen", "Tillsyn", "Frukostmöte med hotellen"):
        expect(timeline.locator(f"[aria-label*='{what}']").first).to_be_attached()

    button = page.get_by_test_id("stDownloadButton").filter(has_text="Ladda ner som PDF").first
    with page.expect_download(timeout=90_000) as download_info:
        button.click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    for expected in (
        "En trygg stad för alla",
        "SMART-kontroll per delmål",
        "S (Specifikt)",
        "505",
        "Tidslinje",
        "Frukostmöte med hotellen",
        "Ystad",
    ):
        assert expected in text, expected
