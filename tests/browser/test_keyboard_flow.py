"""The keyboard alone: `redo` filled in and sent without the mouse. Tab moves from
control to control (the sidebar first, as a screen-reader user meets it), Space and the
arrow keys choose an answer, Enter presses a button. Nothing here clicks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import fresh_name

pytestmark = pytest.mark.browser

#: More Tab presses than the page has controls: a control never reached is a failure.
MAX_TABS = 250

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e) return {};
  const group = e.closest('[role="radiogroup"]');
  return {
    tag: e.tagName.toLowerCase(),
    type: e.getAttribute('type') || '',
    label: e.getAttribute('aria-label') || '',
    text: (e.innerText || '').trim(),
    group: group ? group.getAttribute('aria-label') || '' : '',
    checked: !!e.checked,
    value: e.value || '',
  };
}"""


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def tab_to(page: Page, wanted, what: str) -> dict:
    """Press Tab until the focused element is ``wanted`` (a test on its description)."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
        seen.append(focused.get("label") or focused.get("text") or focused.get("tag"))
    raise AssertionError(f"Tab never reached {what}; it passed {seen[-30:]}")


def test_redo_filled_in_and_sent_with_the_keyboard_alone(app, page: Page) -> None:
    engine = make_engine(app.database_url)
    place = Store(engine).create_workspace(actor=Actor.local(), name=fresh_name("Tangentby"))
    engine.dispose()
    form = load_form("redo")

    page.goto(f"{app.url}/form?form=redo&kommun={place.id}")
    # The first run of the form page imports and builds much: give it time on a busy machine.
    expect(page.get_by_role("heading", name="Är ni redo?")).to_be_visible(timeout=120_000)
    wait_idle(page)

    tab_to(page, lambda f: f["tag"] == "input" and f["label"] == "Ditt namn", "the name box")
    page.keyboard.type("Anna")
    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Lägg till", "“Lägg till”")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Politisk vilja", exact=True)).to_be_visible()
    wait_idle(page)

    values = [4, 2, 3, 4, 3, 1, 4]  # total 21: ready
    scales = [i for i in form.answerable() if i.kind == "scale"]
    for item, value in zip(scales, values):
        name = item.label.sv
        tab_to(
            page,
            lambda f, name=name: f["type"] == "radio" and f["group"].startswith(name),
            f"the answers to “{name}”",
        )
        page.keyboard.press("Space")  # chooses the first answer, 1
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")  # the next answer, chosen as focus moves
        group = page.get_by_role("radiogroup", name=name)
        expect(group.get_by_role("radio").nth(value - 1)).to_be_checked()
        wait_idle(page)

    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Skicka in", "“Skicka in”")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("21 / 35")
