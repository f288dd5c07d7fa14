"""A real browser stays signed in across a reload, a new tab and a typed address, and
signing out ends it everywhere and leaves nothing of the last user in the tab. The app
runs with local accounts (``STADFORSTAD_AUTH=local``) served by ``streamlit run
app.py``, cookie routes included."""

from __future__ import annotations

import pytest

from stadforstad import accounts
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.web import COOKIE_NAME
from tests.helpers.browser import (
    PASSWORD,
    served,
    sign_in,
    wait_for_cookie,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def county_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signin")
    database_url = f"sqlite:///{folder / 'signin.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    local = Actor.local()
    for name in ("chefen", "andra"):
        accounts.create_user(store, actor=local, username=name, password=PASSWORD, admin=True)
    place = store.create_workspace(actor=local, name="Alfastad")
    accounts.create_user(store, actor=local, username="medlem", password=PASSWORD)
    accounts.grant_role(store, actor=local, username="medlem", workspace_id=place.id, role="member")
    engine.dispose()
    with served(
        database_url, {"STADFORSTAD_AUTH": "local"}, log=folder / "streamlit.log"
    ) as running:
        yield running


def sign_out(page) -> None:
    """Click "Logga ut": the page clears the cookie and loads itself anew."""
    from playwright.sync_api import expect

    with page.expect_navigation():
        page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_label("Användarnamn")).to_be_visible()


def expect_signed_in(page, username: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_text(f"Du är inloggad som {username}")).to_be_visible()
    expect(page.get_by_label("Användarnamn")).to_have_count(0)


def test_reload_new_tab_and_typed_address_stay_signed_in(county_app, page):
    from playwright.sync_api import expect

    page.goto(county_app.url)
    sign_in(page, "medlem")
    cookie = wait_for_cookie(page.context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert not cookie["secure"]  # plain http on this machine; https sets Secure

    page.reload()
    expect_signed_in(page, "medlem")
    expect(page.get_by_role("heading", name="Alfastad")).to_be_visible()

    tab = page.context.new_page()
    tab.goto(county_app.url)
    expect_signed_in(tab, "medlem")

    page.goto(f"{county_app.url}/form")  # a typed address
    expect_signed_in(page, "medlem")
    expect(page.get_by_role("heading", name="Fyll i formulär")).to_be_visible()

    # Signing out ends the sign-in in every tab, and the cookie is gone.
    sign_out(page)
    wait_for_cookie(page.context, present=False)
    page.reload()
    expect(page.get_by_label("Användarnamn")).to_be_visible()
    tab.reload()
    expect(tab.get_by_label("Användarnamn")).to_be_visible()

    # A copy of the old cookie signs nobody in: the sign-in ended on the server.
    copied = page.context.browser.new_context()
    try:
        copied.add_cookies([{"name": COOKIE_NAME, "value": cookie["value"], "url": county_app.url}])
        stolen = copied.new_page()
        stolen.goto(county_app.url)
        expect(stolen.get_by_label("Användarnamn")).to_be_visible()
    finally:
        copied.close()


def test_signing_out_leaves_nothing_for_the_next_person_in_the_tab(county_app, page):
    from playwright.sync_api import expect

    page.goto(f"{county_app.url}/admin")
    sign_in(page, "chefen")
    page.get_by_role("tab", name="Export och import").click()
    page.get_by_role("button", name="Förbered export").click()
    ready = page.get_by_role("button", name="Ladda ner Alfastad")
    expect(ready).to_be_visible()

    sign_out(page)
    sign_in(page, "andra")  # the next person, in the same tab
    page.goto(f"{county_app.url}/admin")
    expect_signed_in(page, "andra")
    page.get_by_role("tab", name="Export och import").click()
    expect(page.get_by_role("button", name="Förbered export")).to_be_visible()
    expect(page.get_by_role("button", name="Ladda ner Alfastad")).to_have_count(0)
