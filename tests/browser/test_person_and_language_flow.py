"""Answering as yourself in your municipality, and English that stays English, in a
real browser (issue 9.4 and 9.8).

The app runs with local accounts (``STADFORSTAD_AUTH=local``), set up through the
accounts functions before the server starts. A new page load is a new Streamlit
session: the user signs in again, as after a new sign-in on another day.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from stadforstad import accounts
from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.tables import Respondent, Response
from tests.helpers.accounts import actor_for_user
from tests.helpers.browser import served, wait_idle

pytestmark = pytest.mark.browser

PASSWORD = "ett-långt-lösenord"
DEMO, FIRST, SECOND = "Demo: Alby", "Bjuv", "Kävlinge"


@pytest.fixture(scope="module")
def people_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("people")
    database_url = f"sqlite:///{folder / 'people.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    accounts.create_user(
        store, actor=Actor.local(), username="admin", password=PASSWORD, admin=True
    )
    admin = actor_for_user(store, username="admin")
    ids = {}
    for name in (DEMO, FIRST, SECOND):
        ids[name] = store.create_workspace(actor=admin, name=name, is_demo=name == DEMO).id
    for name in ("Anders", "Karin Svensson"):
        store.respondent(actor=admin, workspace_id=ids[FIRST], name=name)
    accounts.create_user(store, actor=admin, username="karin", password=PASSWORD)
    for workspace_id in ids.values():
        accounts.grant_role(
            store, actor=admin, username="karin", workspace_id=workspace_id, role="member"
        )
    engine.dispose()
    with served(
        database_url, {"STADFORSTAD_AUTH": "local"}, log=folder / "streamlit.log"
    ) as running:
        running.ids = ids
        yield running


def sign_in(page: Page, address: str) -> None:
    page.goto(address)
    page.get_by_label("Användarnamn").fill("karin")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name=re.compile("Logga ut|Sign out"))).to_be_visible()
    wait_idle(page)


def municipality(page: Page):
    return page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox")


def who(page: Page):
    return page.get_by_test_id("stSelectbox").filter(has_text=re.compile("Vem svarar"))


def choose(picker, page: Page, option: str) -> None:
    picker.click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def test_answer_as_yourself_in_the_municipality_used_last(people_app, page: Page) -> None:
    sign_in(page, people_app.url)
    # A demo municipality is never the default, though it comes first.
    expect(municipality(page).locator("input")).to_have_value(FIRST)

    page.get_by_role("link", name="Fyll i formulär").click()
    wait_idle(page)
    expect(who(page).locator("input")).to_have_value("Anders")  # no one is linked to Karin yet
    choose(who(page), page, "Karin Svensson")
    page.get_by_role("button", name="Det här är jag").click()
    wait_idle(page)
    expect(who(page).locator("input")).to_have_value("Karin Svensson")
    expect(page.get_by_text("Det här är du (kopplat till ditt konto)")).to_be_visible()

    choose(municipality(page), page, SECOND)
    expect(municipality(page).locator("input")).to_have_value(SECOND)

    # Another day: a new sign-in starts in the municipality used last ...
    with page.expect_navigation():
        page.get_by_role("button", name="Logga ut").click()
    sign_in(page, people_app.url)
    expect(municipality(page).locator("input")).to_have_value(SECOND)
    choose(municipality(page), page, FIRST)
    # ... and "Vem svarar?" starts at Karin herself, not at the first name.
    page.get_by_role("link", name="Fyll i formulär").click()
    wait_idle(page)
    expect(who(page).locator("input")).to_have_value("Karin Svensson")
    expect(page.get_by_text("Det här är du (kopplat till ditt konto)")).to_be_visible()

    form = load_form("riktning")
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Formulär")
    choose(picker, page, f"Steg 0 · {form.title.sv}")
    expect(page.get_by_role("heading", name=form.title.sv, exact=True)).to_be_visible()
    wait_idle(page)
    expect(who(page).locator("input")).to_have_value("Karin Svensson")
    expect(page.get_by_text("Det här är du (kopplat till ditt konto)")).to_be_visible()
    for item in form.answerable():
        page.get_by_role("radiogroup", name=f"{item.label.sv} *").get_by_text("Ja").click()
        wait_idle(page)
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible()

    engine = make_engine(people_app.database_url)
    with engine.connect() as connection:
        answered_by = connection.execute(
            select(Respondent.name)
            .join(Response, Response.respondent_id == Respondent.id)
            .where(Response.form_id == "riktning", Response.revision == 1)
        ).scalars()
        assert list(answered_by) == ["Karin Svensson"]
    engine.dispose()


def test_english_holds_across_three_pages_a_reload_and_a_new_tab(
    people_app, page: Page, browser
) -> None:
    sign_in(page, people_app.url)
    page.get_by_role("link", name="Fyll i formulär").click()
    wait_idle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text=re.compile("Formulär|Form"))
    expect(picker.locator("input")).to_have_value(re.compile(r"^Steg 0 · "))
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_idle(page)
    # The chosen form's name follows the language too (the drop-down keeps it as text).
    expect(picker.locator("input")).to_have_value(re.compile(r"^Step 0 · "))
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Fill in a form")).to_be_visible()

    for link, heading in (
        ("Fill in a form", "Fill in a form"),
        ("The group's picture", "The group's picture"),
        ("Compilation", "Compilation"),
    ):
        sidebar.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        wait_idle(page)
        expect(sidebar.get_by_role("link", name="Fyll i formulär")).to_have_count(0)
        assert "Choose an option" not in page.locator("body").inner_text()

    # A reload keeps the language through the address; the user is still signed in.
    address = page.url
    assert "lang=en" in address
    page.goto(address)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Compilation", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Overview")).to_be_visible()

    # A new tab at the home address: the saved choice follows the user.
    other = page.context.new_page()
    other.goto(people_app.url)
    wait_idle(other)
    expect(other.get_by_test_id("stSidebar").get_by_role("link", name="Overview")).to_be_visible()
    expect(other.get_by_role("link", name="Fill in a form")).to_be_visible()
    other.close()
