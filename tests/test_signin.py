"""Sign-in, the first-run screen, navigation by role and the administration page,
through AppTest on a temporary SQLite file with local accounts (STADFORSTAD_AUTH=local)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import accounts
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.context import USERNAME_KEY
from tests.apptest_helpers import (  # noqa: F401 (fresh_database is a fixture)
    TIMEOUT,
    button,
    fresh_database,
    open_app,
    texts,
)
from tests.conftest import ROOT

PASSWORD = "ett-långt-lösenord"


@pytest.fixture
def url(fresh_database, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_AUTH", "local")
    get_settings.cache_clear()
    return fresh_database


@pytest.fixture
def store(url):
    engine = make_engine(url)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def county(store):
    """An administrator, workspaces A and B, a member of A and a coordinator of B."""
    accounts.create_user(store, actor=None, username="admin", password=PASSWORD, admin=True)
    admin = accounts.actor_for_user(store, username="admin")
    a = store.create_workspace(actor=admin, name="Alfastad")
    b = store.create_workspace(actor=admin, name="Betaby")
    for name, place, role in (("medlem", a, "member"), ("samordnare", b, "coordinator")):
        accounts.create_user(store, actor=admin, username=name, password=PASSWORD)
        accounts.grant_role(store, actor=admin, username=name, workspace_id=place.id, role=role)
    return {"A": a, "B": b}


def open_as(page: str, state: dict):
    """The app run with ``state`` already set (the menu depends on who is signed in),
    then ``page``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def page_alone(page: str, state: dict):
    """One page run by itself, as a typed URL would reach it if the menu let it."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    return at


def sign_in(at, username: str, password: str = PASSWORD):
    at.text_input(key="signin.username").input(username)
    at.text_input(key="signin.password").input(password)
    button(at, "Logga in").click()
    at.run()
    return at


def all_text(at) -> str:
    parts = []
    for kind in ("markdown", "title", "subheader", "caption", "info", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(o) for box in at.selectbox for o in box.options]
    return "\n".join(parts)


def test_first_run_creates_the_first_administrator(store) -> None:
    at = open_app()
    assert not at.exception
    assert any("första administratören" in s.value for s in at.subheader)
    at.text_input(key="firstrun.username").input("Chefen@Example.se")
    at.text_input(key="firstrun.password").input(PASSWORD)
    at.text_input(key="firstrun.again").input(PASSWORD)
    button(at, "Skapa administratör").click()
    at.run()
    assert not at.exception
    assert at.session_state[USERNAME_KEY] == "chefen@example.se"
    assert not accounts.needs_first_admin(store)
    assert accounts.actor_for_user(store, username="chefen@example.se").is_admin
    assert any(e.label.startswith("Steg 0") for e in at.expander)  # the overview now


def test_first_run_refuses_different_passwords(store) -> None:
    at = open_app()
    at.text_input(key="firstrun.username").input("chefen")
    at.text_input(key="firstrun.password").input(PASSWORD)
    at.text_input(key="firstrun.again").input(PASSWORD + "x")
    button(at, "Skapa administratör").click()
    at.run()
    assert "inte lika" in at.error[0].value
    assert accounts.needs_first_admin(store)


def test_wrong_password_is_refused_in_swedish_with_its_code(county, monkeypatch) -> None:
    monkeypatch.setattr(accounts.time, "sleep", lambda _s: None)
    at = sign_in(open_app(), "medlem", "fel-lösenord-här")
    assert not at.exception
    assert texts(at.error) == ["Fel användarnamn eller lösenord. Försök igen. (AUTH_002)"]
    assert USERNAME_KEY not in at.session_state


def test_member_signs_in_sees_only_a_and_can_sign_out(county) -> None:
    at = sign_in(open_app(), "medlem")
    assert not at.exception
    assert at.session_state[USERNAME_KEY] == "medlem"
    shown = all_text(at)
    assert "Alfastad" in shown and "Betaby" not in shown
    # The member's own pages; no comparison or administration.
    page = page_alone("admin", {USERNAME_KEY: "medlem"})
    assert "bara för administratörer" in page.error[0].value
    assert "Betaby" not in all_text(page)
    button(at, "Logga ut").click()
    at.run()
    assert USERNAME_KEY not in at.session_state
    assert at.text_input(key="signin.username") is not None


def test_a_revoked_grant_takes_effect_on_the_next_run(store, county) -> None:
    at = sign_in(open_app(), "medlem")
    assert "Alfastad" in all_text(at)
    admin = accounts.actor_for_user(store, username="admin")
    accounts.revoke_role(store, actor=admin, username="medlem", workspace_id=county["A"].id)
    at.run()
    assert "Alfastad" not in all_text(at)


def test_coordinator_reads_b_but_gets_no_form(county) -> None:
    at = page_alone("form", {USERNAME_KEY: "samordnare"})
    assert not at.exception
    assert any("inte fylla i" in i.value for i in at.info)


def test_admin_page_creates_a_user_and_grants_a_role(store, county) -> None:
    at = open_as("admin", {USERNAME_KEY: "admin"})
    assert not at.exception, at.exception
    next(t for t in at.text_input if t.label.startswith("Användarnamn (t.ex.")).input("ny")
    next(t for t in at.text_input if t.label.startswith("Lösenord (minst")).input(PASSWORD)
    button(at, "Skapa användare").click()
    at.run()
    assert not at.exception
    assert "ny är skapad." in texts(at.success)
    at.selectbox(key="admin.grant_who").set_value("ny")
    at.multiselect(key="admin.grant_where").set_value([county["B"].id])
    at.radio(key="admin.grant_role").set_value("coordinator")
    button(at, "Ge behörighet").click()
    at.run()
    assert not at.exception
    assert accounts.actor_for_user(store, username="ny").grants == {county["B"].id: "coordinator"}
    assert any(d.value.shape[0] > 0 for d in at.dataframe)  # the users and the audit log


def test_admin_page_erases_a_respondent_after_confirmation(store, county) -> None:
    admin = accounts.actor_for_user(store, username="admin")
    person = store.respondent(actor=admin, workspace_id=county["A"].id, name="Kim")
    at = open_as("admin", {USERNAME_KEY: "admin"})
    at.selectbox(key="admin.erase_where").set_value(county["A"].id)
    at.run()
    button(at, "Radera").click()
    at.run()
    assert "Kryssa i rutan" in at.warning[0].value
    assert store.list_respondents(actor=admin, workspace_id=county["A"].id)
    at.checkbox(key="admin.erase_sure").check()
    button(at, "Radera").click()
    at.run()
    assert not at.exception
    assert store.list_respondents(actor=admin, workspace_id=county["A"].id) == []
    assert any(
        e.action == "erase" and e.target == f"respondent {person.id}"
        for e in store.audit_log(actor=admin)
    )


def test_admin_page_refuses_an_actor_without_admin_rights(county) -> None:
    at = page_alone("admin", {"app.actor": Actor(name="x", grants={county["A"].id: "member"})})
    assert not at.exception
    assert "AUTH_001" in at.error[0].value
