"""Sign-in, the first-run screen (with the one-time code), signing out, navigation by
role and the administration page, through AppTest on a temporary SQLite file with
local accounts (STADFORSTAD_AUTH=local). The cookie's round trip through a real
browser is in tests/browser/test_signin_flow.py."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import accounts, authentication, sessions
from stadforstad.first_admin import issue_setup_code
from stadforstad.storage import Actor
from stadforstad.ui import signin
from stadforstad.ui.context import LANG_KEY
from stadforstad.ui.signin import HANDOFF_KEY, SESSION_KEY
from tests.helpers import ROOT
from tests.helpers.accounts import actor_for_user
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    TIMEOUT,
    button,
    fresh_database,
    open_app,
    texts,
)
from tests.helpers.signin import (  # noqa: F401
    PASSWORD,
    county,
    open_as,
    signed_in,
    store,
    url,
)


def signed_in_user(store, at) -> str | None:
    found = (
        sessions.resume_session(store, session_id=at.session_state[SESSION_KEY])
        if (SESSION_KEY in at.session_state)
        else None
    )
    return authentication.actor_for_user_id(store, user_id=found.user_id).name if found else None


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
    for kind in ("markdown", "title", "header", "subheader", "caption", "info", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(o) for box in at.selectbox for o in box.options]
    return "\n".join(parts)


def first_run(at, code: str, password: str = PASSWORD, again: str | None = None):
    at.text_input(key="firstrun.code").input(code)
    at.text_input(key="firstrun.username").input("Chefen@Example.se")
    at.text_input(key="firstrun.password").input(password)
    at.text_input(key="firstrun.again").input(password if again is None else again)
    button(at, "Skapa administratör").click()
    at.run()
    return at


def test_a_fresh_installation_needs_the_one_time_code(store) -> None:
    """Before, anyone who reached a fresh installation became its administrator."""
    at = open_app()
    assert not at.exception
    assert any("första administratören" in s.value for s in at.header)
    for wrong in ("", "ABCD-EFGH-JKLM"):
        first_run(at, wrong)
        assert not at.exception
        assert "AUTH_009" in at.error[0].value
        assert accounts.needs_first_admin(store)
        assert SESSION_KEY not in at.session_state


def test_first_run_with_the_code_creates_the_first_administrator(store) -> None:
    code = issue_setup_code(store)
    at = first_run(open_app(), code.lower().replace("-", " "))  # as typed, roughly
    assert not at.exception
    assert signed_in_user(store, at) == "chefen@example.se"
    assert at.session_state[HANDOFF_KEY]  # the browser is handed its cookie next
    assert actor_for_user(store, username="chefen@example.se").is_admin
    assert any(e.label.startswith("Steg 0") for e in at.expander)  # the overview now
    # The code is used up.
    with pytest.raises(accounts.AuthError):
        from stadforstad.first_admin import create_first_admin

        create_first_admin(store, setup_code=code, username="smyg", password=PASSWORD)


def test_first_run_refuses_different_passwords_and_guessable_ones(store) -> None:
    code = issue_setup_code(store)
    at = first_run(open_app(), code, again=PASSWORD + "x")
    assert "inte lika" in at.error[0].value
    at = first_run(at, code, password="password12")
    assert "AUTH_005" in at.error[0].value
    assert accounts.needs_first_admin(store)


def test_wrong_password_is_refused_in_swedish_with_its_code(county, monkeypatch) -> None:
    monkeypatch.setattr("stadforstad.throttle.time.sleep", lambda _s: None)
    at = sign_in(open_app(), "medlem", "fel-lösenord-här")
    assert not at.exception
    assert texts(at.error) == ["Fel användarnamn eller lösenord. Försök igen. (AUTH_002)"]
    assert SESSION_KEY not in at.session_state


def test_sign_in_messages_follow_the_language(county) -> None:
    at = open_app()
    at.session_state[LANG_KEY] = "en"
    at.run()
    at.text_input(key="signin.username").input("medlem")
    at.text_input(key="signin.password").input("fel-lösenord-här")
    button(at, "Sign in").click()
    at.run()
    assert texts(at.error) == ["Wrong username or password. Try again. (AUTH_002)"]


def test_member_signs_in_sees_only_a_and_signs_out_leaving_nothing(store, county) -> None:
    at = sign_in(open_app(), "medlem")
    assert not at.exception
    assert signed_in_user(store, at) == "medlem"
    assert any("Du är inloggad som medlem" in c.value for c in at.sidebar.caption)
    shown = all_text(at)
    assert "Alfastad" in shown and "Betaby" not in shown
    # The member's own pages; no comparison or administration.
    page = page_alone("admin", signed_in(store, "medlem"))
    assert "bara för administratörer" in page.error[0].value
    assert "Betaby" not in all_text(page)
    # What a page left in the tab: an export ready to download, a new link's address.
    at.session_state["admin.export_file"] = ("Alfastad", b"hemligt")
    at.session_state["links_page.created"] = "http://localhost:8501/?t=hemlig-token"
    other_tab = signed_in(store, "medlem")[SESSION_KEY]
    button(at, "Logga ut").click()
    at.run()
    assert not at.exception
    for key in ("admin.export_file", "links_page.created", SESSION_KEY, HANDOFF_KEY):
        assert key not in at.session_state, key
    assert at.text_input(key="signin.username") is not None
    # Signing out ended the member's other sign-ins too (another tab, another browser).
    assert sessions.resume_session(store, session_id=other_tab) is None


def test_a_reload_finds_the_sign_in_through_the_cookie(store, county, monkeypatch) -> None:
    """A new page load has none of the tab's state: only the cookie. (The cookie's
    trip through a real browser: tests/browser/test_signin_flow.py.)"""
    at = sign_in(open_app(), "medlem")
    token, _ = sessions.redeem_handoff(store, code=at.session_state[HANDOFF_KEY])
    monkeypatch.setattr(signin, "read_cookie", lambda: token)
    again = open_app()  # a reload or a new tab: a new session, the same browser
    assert not again.exception
    assert signed_in_user(store, again) == "medlem"
    assert "Alfastad" in all_text(again)
    monkeypatch.setattr(signin, "read_cookie", lambda: token + "x")
    assert open_app().text_input(key="signin.username") is not None


def test_a_new_password_ends_every_sign_in_of_that_user(store, county) -> None:
    at = sign_in(open_app(), "medlem")
    admin = actor_for_user(store, username="admin")
    accounts.set_password(store, actor=admin, username="medlem", password="ett-nytt-långt-lösen")
    at.run()
    assert not at.exception
    assert at.text_input(key="signin.username") is not None
    assert any("AUTH_012" in e.value for e in at.error)


def test_an_unsafe_identity_provider_secret_lets_nobody_in(store, county) -> None:
    """The example file's cookie_secret let a forged cookie sign in as administrator."""
    from stadforstad.oidc import EXAMPLE_FILE

    example = EXAMPLE_FILE.read_text(encoding="utf-8")
    secret = example.split('cookie_secret = "')[1].split('"')[0]
    for bad in (secret, "", "kort-hemlighet"):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
        at.secrets["auth"] = {
            "redirect_uri": "http://localhost:8501/oauth2callback",
            "cookie_secret": bad,
            "client_id": "x",
            "client_secret": "y",
            "server_metadata_url": "http://localhost:1/.well-known/openid-configuration",
        }
        at.run()
        assert not at.exception
        assert any("AUTH_010" in e.value for e in at.error), bad
        assert not at.button or all(b.label != "Logga in" for b in at.button)


def test_a_revoked_grant_takes_effect_on_the_next_run(store, county) -> None:
    at = sign_in(open_app(), "medlem")
    assert "Alfastad" in all_text(at)
    admin = actor_for_user(store, username="admin")
    accounts.revoke_role(store, actor=admin, username="medlem", workspace_id=county["A"].id)
    at.run()
    assert "Alfastad" not in all_text(at)


def test_coordinator_reads_b_but_gets_no_form(store, county) -> None:
    at = page_alone("form", signed_in(store, "samordnare"))
    assert not at.exception
    assert any("inte fylla i" in i.value for i in at.info)


def test_admin_page_creates_a_user_and_grants_a_role(store, county) -> None:
    at = open_as("admin", signed_in(store, "admin"))
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
    assert actor_for_user(store, username="ny").grants == {county["B"].id: "coordinator"}
    assert any(d.value.shape[0] > 0 for d in at.dataframe)  # the users and the audit log


def test_admin_page_erases_a_respondent_after_confirmation(store, county) -> None:
    admin = actor_for_user(store, username="admin")
    person = store.respondent(actor=admin, workspace_id=county["A"].id, name="Kim")
    at = open_as("admin", signed_in(store, "admin"))
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
