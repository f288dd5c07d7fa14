"""The local collaboration plan in a real browser: fill a small plan (two sub-goals, three
activities, two budget rows) in the grids, send it, see the SMART verdicts, the hours and
the timeline, and download the plan as a PDF that holds them.

The grids (glide-data-grid, drawn on a canvas) are filled the way a user pastes rows from
a spreadsheet: tab-separated text on the clipboard, pasted into the first cell. Typing cell
by cell on a busy machine lost keystrokes and clicked the wrong column once a grid had
scrolled sideways; a paste is one edit, and a pasted block longer than the grid adds rows."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from tests.browser.test_aktorsanalys_flow import FIRST_COLUMN_X, ROW_HEIGHT
from tests.browser.test_redo_flow import wait_idle
from tests.helpers.browser import fresh_name

pytestmark = pytest.mark.browser

#: The plan's grids in page order: sub-goals, risks, activities, budget, timeline, signatures.
GRIDS = {"delmal": 0, "risker": 1, "aktiviteter": 2, "budget": 3}

# Columns: nummer, delmal, fokusomrade, matbart_mal, startar, mal_ar_1..5, ansvarig.
GOALS = [
    ["delmal_1", "Fler sexköpare lagförs i Ystad", "lagforing", "Antal lagförda sexköpare",
     "2025", "6", "8", "10", "", "", "Polisen"],
    ["delmal_2", "Hotell", "", "", "", "", "", "", "", "", ""],
]  # fmt: skip
# Columns: delmal, vad, vem, nar, ar.
ACTIVITIES = [
    ["delmal_1", "Utbildning för polisen", "Polisen", "Våren", "ar_1"],
    ["delmal_1", "Tillsyn", "Kommunen", "Hösten", "ar_2"],
    ["delmal_2", "Frukostmöte med hotellen", "Polisen", "Maj", "ar_3"],
]
# Columns: aktivitet, delmal, moten, personer, timmar, kostnad_ar_1.
BUDGET = [
    ["Utskick", "delmal_2", "2", "3", "2", "500"],  # 2 × 3 × 2 = 12 hours
    ["Nätverksmöten", "delmal_1", "12", "10", "4", "7533"],  # 12 × 10 × 4 = 480 hours
]
HOURS = 12 + 480


def grid_of(page: Page, item_id: str) -> Locator:
    return page.get_by_test_id("stDataFrame").nth(GRIDS[item_id])


def paste_rows(page: Page, grid: Locator, rows: list[list[str]], shown: int) -> None:
    """Add a row with the grid's own "Add row" button, select its first cell and paste
    ``rows`` as tab-separated text: the grid adds the rows the paste needs. Then wait
    until the grid shows each row's column ``shown`` and the page has saved the draft."""
    grid.scroll_into_view_if_needed()
    grid.hover()
    # By keyboard: under load the grid's scroller can lie over its toolbar and take a
    # pointer click meant for the button.
    grid.get_by_role("button", name="Add row").press("Enter")
    wait_idle(page)  # the new row reruns the page: a click before that is lost
    text = "\n".join("\t".join(row) for row in rows)
    for attempt in range(3):
        # A fresh grid is not scrolled sideways: its first column is at the left edge.
        # Clicking the grid's scroller (over its canvas; not page coordinates) scrolls it
        # into view first: a rerun may have moved the page.
        grid.locator(".dvn-scroller").click(position={"x": FIRST_COLUMN_X, "y": ROW_HEIGHT * 1.5})
        page.evaluate("text => navigator.clipboard.writeText(text)", text)
        page.keyboard.press("Control+V")
        try:
            for row in rows:
                # The grid's accessible table (inside its canvas) holds the cells it draws.
                cell = grid.locator("td", has_text=re.compile(f"^{re.escape(row[shown])}$"))
                expect(cell).to_have_count(1, timeout=10_000)
            break
        except AssertionError:
            # A rerun that redraws the grid between the click and the paste drops the
            # selection, and the paste with it; pasting the same block again is harmless.
            if attempt == 2:
                raise
            wait_idle(page)
    wait_idle(page)


def test_fill_a_small_plan_see_smart_hours_timeline_and_download_it(app, page: Page) -> None:
    try:
        _fill_send_and_download(app, page)
    except Exception:
        page.screenshot(
            path=str(Path(app.database_url.removeprefix("sqlite:///")).parent / "plan.png"),
            full_page=True,
        )
        raise


def _fill_send_and_download(app, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.url)
    page.goto(app.url)
    # The first page of a fresh server imports pandas and altair: slow on a busy machine.
    expect(page.get_by_role("link", name="Kommuner", exact=True)).to_be_visible(timeout=120_000)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    place = fresh_name("Ystad")
    page.get_by_label("Kommunens namn").fill(place)
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text(f"{place} är skapad och vald.")).to_be_visible()

    page.goto(f"{app.url}/form?form=samverkansplan")
    expect(page.get_by_role("heading", name="Lokal samverkansplan")).to_be_visible()
    wait_idle(page)

    vision = page.get_by_role("textbox", name="3. Skissa på ett utkast av en vision")
    vision.fill("En trygg stad för alla")
    vision.press("Tab")
    wait_idle(page)
    length = page.get_by_role("textbox", name="Hur många år gäller planen (3–5 år)?")
    length.fill("3")
    length.press("Tab")
    wait_idle(page)

    paste_rows(page, grid_of(page, "delmal"), GOALS, shown=1)
    paste_rows(page, grid_of(page, "aktiviteter"), ACTIVITIES, shown=1)
    paste_rows(page, grid_of(page, "budget"), BUDGET, shown=0)
    expect(page.get_by_text(re.compile(r"Utkastet sparades \d\d:\d\d:\d\d"))).to_be_visible()

    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    wait_idle(page)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="SMARTA delmål")).to_contain_text("1 / 2")
    expect(metrics.filter(has_text="Arbetstid")).to_contain_text(f"{HOURS} timmar")
    timeline = page.get_by_test_id("stVegaLiteChart").first
    timeline.scroll_into_view_if_needed()
    expect(timeline).to_be_visible()
    for _, what, *_ in ACTIVITIES:
        expect(timeline.locator(f"[aria-label*='{what}']").first).to_be_attached()

    button = page.get_by_test_id("stDownloadButton").filter(has_text="Ladda ner som PDF").first
    with page.expect_download(timeout=90_000) as download_info:
        button.click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(data)).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    for expected in (
        "En trygg stad för alla",
        GOALS[0][1],
        "SMART-kontroll per delmål",
        str(HOURS),
        "Tidslinje",
        "Frukostmöte med hotellen",
        place,
    ):
        assert expected in text, expected
