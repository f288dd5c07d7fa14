"""In a real browser: create a municipality whose name is Markdown with an external
image, rename it and delete it after confirming – and the browser never asks for the
image (the name is shown as text everywhere on the way)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

IMAGE = "http://127.0.0.1:9/spåra.png"  # nothing answers there; a request would be a leak
NAME = f"![bild]({IMAGE}) Kärrby"


def test_create_rename_delete_a_municipality_named_with_markdown(app, page: Page) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{app.url}/workspaces")
    expect(page.get_by_role("heading", name="Kommuner")).to_be_visible()

    page.get_by_label("Kommunens namn").fill(NAME)
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text(f"{NAME} är skapad och vald.")).to_be_visible()

    renamed = page.get_by_label("Nytt namn")
    renamed.fill("Kärrby kommun")
    page.get_by_role("button", name="Byt namn").click()
    expect(page.get_by_text(f"{NAME} heter nu Kärrby kommun.")).to_be_visible()

    page.get_by_role("button", name="Ta bort kommunen").click()
    expect(page.get_by_text("Kryssa i rutan för att bekräfta.")).to_be_visible()
    # A rerun may briefly show the form twice (the old copy fading out): wait for one.
    sure = page.get_by_text(re.compile("^Ja, ta bort kommunen"))
    expect(sure).to_have_count(1)
    sure.click()
    page.get_by_role("button", name="Ta bort kommunen").click()
    expect(page.get_by_text("Kärrby kommun är borttagen.")).to_be_visible()
    expect(page.get_by_text("Det finns ingen kommun än.")).to_be_visible()

    assert not [url for url in asked if "spåra" in url or "sp%C3%A5ra" in url]
    assert page.locator('img[src*="127.0.0.1:9"]').count() == 0
