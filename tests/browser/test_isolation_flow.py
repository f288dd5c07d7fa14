"""A real browser signs in as a member of municipality A and finds no way to B: not in
the municipality picker, not on any page in the menu, and not by editing the URL
(``?kommun=<B>``, ``/admin``, ``/compare``). The app runs with local accounts
(``STADFORSTAD_AUTH=local``), set up through the accounts functions before the server
starts."""

from __future__ import annotations

import pytest

from stadforstad import accounts
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.accounts import actor_for_user
from tests.helpers.browser import served

pytestmark = pytest.mark.browser

PASSWORD = "ett-långt-lösenord"
A, B = "Alfastad", "Betaby"


@pytest.fixture(scope="module")
def county_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("isolation")
    database_url = f"sqlite:///{folder / 'county.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    accounts.create_user(
        store, actor=Actor.local(), username="admin", password=PASSWORD, admin=True
    )
    admin = actor_for_user(store, username="admin")
    a = store.create_workspace(actor=admin, name=A)
    b = store.create_workspace(actor=admin, name=B)
    store.respondent(actor=admin, workspace_id=b.id, name="Bengt i Betaby")
    accounts.create_user(store, actor=admin, username="medlem", password=PASSWORD)
    accounts.grant_role(store, actor=admin, username="medlem", workspace_id=a.id, role="member")
    engine.dispose()
    with served(
        database_url, {"STADFORSTAD_AUTH": "local"}, log=folder / "streamlit.log"
    ) as running:
        running.ids = {"A": a.id, "B": b.id}
        yield running


def sign_in(page, address: str) -> None:
    from playwright.sync_api import expect

    page.goto(address)
    page.get_by_label("Användarnamn").fill("medlem")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def settled_text(page) -> str:
    """The whole page's text once the script run has finished."""
    from playwright.sync_api import expect

    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=30_000)
    page.wait_for_timeout(500)
    return page.locator("body").inner_text()


def test_member_of_a_finds_no_way_to_b(county_app, page):
    from playwright.sync_api import expect

    url = county_app.url
    # Not signed in: the sign-in form only, and no menu.
    page.goto(url)
    expect(page.get_by_role("button", name="Logga in")).to_be_visible()
    assert B not in settled_text(page) and A not in settled_text(page)

    sign_in(page, url)
    expect(page.get_by_role("heading", name=A)).to_be_visible()
    assert B not in settled_text(page)
    menu = page.locator("[data-testid='stSidebarNav']").inner_text()
    for hidden in ("Administration", "Jämför kommuner", "Kommuner"):
        assert hidden not in menu

    # The municipality picker offers A only.
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    assert options.all_inner_texts() == [A]
    page.keyboard.press("Escape")

    # Every page in the menu, and nothing of B on any of them.
    for link in page.locator("[data-testid='stSidebarNav'] a").all():
        link.click()
        text = settled_text(page)
        assert B not in text and "Bengt" not in text, link.inner_text()

    # Edited addresses: B's id in the query, the admin and the comparison pages.
    for address in (
        f"{url}/?kommun={county_app.ids['B']}",
        f"{url}/admin",
        f"{url}/compare",
        f"{url}/group?kommun={county_app.ids['B']}",
    ):
        page.goto(address)  # a new page load: still signed in, through the cookie
        expect(page.get_by_text("Du är inloggad som medlem")).to_be_visible()
        text = settled_text(page)
        assert B not in text and "Bengt" not in text, address
        assert "Granskningslogg" not in text and "Jämför kommuner" not in text, address
        if "kommun=" in address:  # the picker falls back to the member's own A
            picker = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']")
            shown = (
                picker.inner_text()
                + " "
                + " ".join(box.input_value() for box in picker.locator("input").all())
            )
            assert A in shown and B not in shown, (address, shown)
