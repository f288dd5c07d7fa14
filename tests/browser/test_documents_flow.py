"""In a real browser: submit `redo` on the form page, download the response with its
result as a PDF, and read the PDF back: it holds the total, the verdict and the answers."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from stadforstad.catalog import load_form
from tests.helpers.browser import wait_idle

pytestmark = pytest.mark.browser


def test_download_the_submitted_response_as_pdf(app, page: Page) -> None:
    page.goto(app.url)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Höör")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Höör är skapad och vald.")).to_be_visible()

    page.goto(f"{app.url}/form?form=redo")
    expect(page.get_by_role("heading", name="Är ni redo?")).to_be_visible()
    page.get_by_label("Ditt namn").fill("Åsa")
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("Politisk vilja", exact=True)).to_be_visible()
    wait_idle(page)
    items = [i for i in load_form("redo").answerable() if i.kind == "scale"]
    for item, value in zip(items, [2, 2, 3, 4, 3, 1, 4]):  # total 19: not yet ready
        group = page.get_by_role("radiogroup", name=f"{item.label.sv} *")
        group.get_by_text(re.compile(rf"^{value}( – .*)?$")).click()
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    wait_idle(page)

    button = page.get_by_test_id("stDownloadButton").filter(has_text="Ladda ner som PDF").first
    expect(button).to_be_visible()
    with page.expect_download(timeout=60_000) as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert "asa" in download.suggested_filename or "åsa" in download.suggested_filename
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    for expected in ("19 / 35", "Ännu inte redo", "Politisk vilja", "2 (1–5)", "Höör", "Åsa"):
        assert expected in text, expected
