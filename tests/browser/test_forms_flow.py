"""The members' form page in a real browser (issue 9.1, 9.3, 9.6): the "Formulär"
drop-down by mouse and by keyboard, deep links from the overview, and a reload in the
middle of the long collaboration plan that loses nothing that was saved."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import wait_idle

pytestmark = pytest.mark.browser


def form_picker(page: Page):
    return page.get_by_test_id("stSelectbox").filter(has_text="Formulär")


def title(form_id: str) -> str:
    return load_form(form_id).title.sv


def test_pick_a_form_in_the_drop_down_by_mouse_and_by_keyboard(landskrona_app, page: Page) -> None:
    page.goto(landskrona_app.url)
    page.get_by_role("link", name="Fyll i formulär").click()
    expect(page.get_by_role("heading", name=title("redo"), exact=True)).to_be_visible()
    wait_idle(page)

    # Mouse: open the drop-down and click another form.
    form_picker(page).click()
    page.get_by_role("option", name=re.compile(re.escape(title("engagemang")))).click()
    expect(page.get_by_role("heading", name=title("engagemang"), exact=True)).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]form=engagemang"))
    # It sticks: after the page has settled it is still the chosen form.
    expect(page.get_by_role("heading", name=title("engagemang"), exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=title("redo"), exact=True)).to_have_count(0)

    # Keyboard: into the drop-down, type, Enter.
    form_picker(page).locator("input").focus()
    page.keyboard.type("Samverkansplan")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=title("samverkansplan"), exact=True)).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]form=samverkansplan"))
    expect(page.get_by_role("heading", name=title("engagemang"), exact=True)).to_have_count(0)

    # A link from the overview still opens its form.
    page.get_by_role("link", name="Översikt").click()
    page.get_by_role("link", name=re.compile(re.escape(title("riktning")))).click()
    expect(page.get_by_role("heading", name=title("riktning"), exact=True)).to_be_visible()
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]form=riktning"))


def test_a_reload_mid_plan_loses_nothing_saved(landskrona_app, page: Page) -> None:
    form = load_form("samverkansplan")
    texts = {
        "vem_for": "Barn och unga i Landskrona",
        "nyckelord": "trygghet, samverkan",
        "vision": "Ingen ska kunna köpas eller säljas i vår stad.",
        "motesrytm": "Varannan månad",
    }
    page.goto(f"{landskrona_app.url}/form?form=samverkansplan")
    expect(page.get_by_role("heading", name=form.title.sv, exact=True)).to_be_visible()
    wait_idle(page)
    for item_id, text in texts.items():
        item = form.item(item_id)
        label = f"{item.label.sv} *" if item.required else item.label.sv
        box = page.get_by_label(label, exact=True)
        box.scroll_into_view_if_needed()
        box.click()
        box.press_sequentially(text, delay=5)
        box.press("Tab")  # leaving the field sends it; the page keeps it as a draft
        wait_idle(page)
    expect(page.get_by_text(re.compile(r"Utkastet sparades \d\d:\d\d:\d\d"))).to_be_visible()
    # Typing in the next field without leaving it: that one may be lost, nothing else.
    unsent = page.get_by_label(form.item("plats").label.sv, exact=True)
    unsent.click()
    unsent.press_sequentially("Stadshuset", delay=5)

    page.reload()
    expect(page.get_by_role("heading", name=form.title.sv, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Ni fortsätter på ett utkast sparat"))).to_be_visible()
    for item_id, text in texts.items():
        item = form.item(item_id)
        label = f"{item.label.sv} *" if item.required else item.label.sv
        expect(page.get_by_label(label, exact=True)).to_have_value(text)

    # Typing and then pressing "Skicka in" at once keeps what was typed last, too.
    last = page.get_by_label(form.item("plats").label.sv, exact=True)
    last.fill("")
    last.click()
    last.press_sequentially("Stadshuset", delay=5)
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()
    engine = make_engine(landskrona_app.database_url)
    store = Store(engine)
    # The plan belongs to the group (``owner: group``): one shared answer per municipality.
    group = store.group_respondent(actor=Actor.local(), workspace_id=1, create=False)
    assert group is not None
    state = store.response_state(
        actor=Actor.local(), workspace_id=1, respondent_id=group.id, form_id="samverkansplan"
    )
    engine.dispose()
    assert state.answers is not None
    assert {k: state.answers.get(k) for k in [*texts, "plats"]} == {**texts, "plats": "Stadshuset"}


def test_text_in_a_number_field_is_flagged_at_the_field(landskrona_app, page: Page) -> None:
    form = load_form("redo")
    item = form.item("period_manader")
    page.goto(f"{landskrona_app.url}/form?form=redo")
    expect(page.get_by_role("heading", name=form.title.sv, exact=True)).to_be_visible()
    wait_idle(page)
    box = page.get_by_label(item.label.sv, exact=True)  # "i månader": no "(månader)" again
    box.fill("tolv")
    box.press("Enter")  # a single-line field sends its text on Enter
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"'tolv' är inte ett heltal.*ANSWER_003"))).to_be_visible()
    expect(box).to_have_value("tolv")  # kept on screen, not silently dropped
    box.fill("12,5")
    box.press("Enter")  # a single-line field sends its text on Enter
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"inte ett heltal.*ANSWER_003"))).to_be_visible()
    box.fill("12")
    box.press("Enter")  # a single-line field sends its text on Enter
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"ANSWER_003"))).to_have_count(0)
    expect(page.get_by_text(re.compile(r"Utkastet sparades"))).to_be_visible()
