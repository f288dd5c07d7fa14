"""Who is signed in, and the screens of someone who is not: sign-in, the first
administrator (with the one-time code), the identity provider's button, signing out.

A sign-in lives on the server (``stadforstad.sessions``). The tab that signed in
keeps the sign-in's id in its Streamlit state; every other page load (a reload, a new
tab, a typed address) finds it through the HttpOnly cookie that ``stadforstad.web``
sets. Getting the cookie there: after the password check the page runs a line of
script that posts the one-time handoff code to ``/_stadforstad/signin``, whose answer
sets the cookie (``deliver_cookie``). Signing out ends every sign-in of the user on
the server first, then empties this tab's whole Streamlit state, then clears the
cookie and reloads the page.

Interface words (shared/GLOSSARY.md): "inloggning", "Du är inloggad som …",
"Logga ut", "engångskod"; never "session".
"""

from __future__ import annotations

import json

import streamlit as st

from stadforstad import client, oidc, sessions, throttle
from stadforstad.accounts import needs_first_admin
from stadforstad.authentication import actor_for_oidc, actor_for_user_id, authenticate
from stadforstad.errors import AuthError, StadError
from stadforstad.first_admin import announce_setup_code, create_first_admin, has_setup_code
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store
from stadforstad.storage.tables import utcnow
from stadforstad.ui.context import ACTOR_KEY, error_text, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.web import (
    COOKIE_NAME,
    SIGNIN_PATH,
    SIGNOUT_PATH,
    base_path,
    route_url,
)

#: This tab's sign-in: the id of its ``user_sessions`` row (server-side state only).
SESSION_KEY = "app.signin_id"
#: The handoff code, while the browser has not fetched its cookie yet.
HANDOFF_KEY = "app.signin_handoff"
SIGNIN_ERROR_KEY = "app.signin_error"
#: Set right after signing out: the next run clears the cookie and reloads, once.
SIGNED_OUT_KEY = "app.signed_out"

NONE, LOCAL, OIDC, BROKEN = "none", "local", "oidc", "broken"


# -- the mode -------------------------------------------------------------------------
def _auth_secrets() -> dict | None:
    try:
        if "auth" not in st.secrets:
            return None
        return dict(st.secrets["auth"])
    except Exception:  # noqa: BLE001 - no secrets.toml at all (Streamlit raises on any access)
        return None


def auth_mode() -> str:
    """``none`` (STADFORSTAD_AUTH=none: a single-user install, everyone is the local
    administrator), ``oidc`` (``[auth]`` in secrets: ``st.login``), ``broken``
    (``[auth]`` with an untrustworthy cookie secret: nobody signs in) or ``local``
    (accounts in the database, with a first-run screen while there are none)."""
    if get_settings().auth == NONE:
        return NONE
    section = _auth_secrets()
    if section is None:
        return LOCAL
    return BROKEN if oidc.cookie_secret_problem(section) else OIDC


# -- the browser's side: cookie and address -------------------------------------------
def read_cookie() -> str | None:
    """The sign-in cookie the browser sent when this page was loaded."""
    value = st.context.cookies.get(COOKIE_NAME)
    return value if isinstance(value, str) and value else None  # AppTest has no browser


def request_address_key() -> throttle.Key:
    """The throttle's key for this browser's address (a keyed hash, never the address):
    one client is an IPv4 address or an IPv6 /64, read as ``stadforstad.client`` says."""
    address = client.address_group(client.client_address())
    secret = str(st.get_option("server.cookieSecret") or "stad-för-stad")
    return throttle.address_key(address, secret)


def _script(body: str) -> None:
    st.html(f"<script>{body}</script>", unsafe_allow_javascript=True)


def _post(path: str, data: str = "") -> str:
    return (
        f"fetch({json.dumps(route_url(path))}, {{method: 'POST', credentials: 'same-origin', "
        "headers: {'Content-Type': 'application/x-www-form-urlencoded'}, "
        f"body: {json.dumps(data)}}})"
    )


def deliver_cookie(store: Store) -> None:
    """Right after a sign-in: let the browser fetch its cookie (once)."""
    code = st.session_state.get(HANDOFF_KEY)
    if not code:
        return
    session_id = st.session_state.get(SESSION_KEY)
    if session_id is None or not sessions.handoff_pending(store, session_id=session_id):
        st.session_state.pop(HANDOFF_KEY, None)
        return
    _script(_post(SIGNIN_PATH, f"code={code}"))


# -- who is signed in -----------------------------------------------------------------
def _start(store: Store, user_id: int) -> None:
    signed_in, code = sessions.start_session(store, user_id=user_id)
    st.session_state[SESSION_KEY] = signed_in.id
    st.session_state[HANDOFF_KEY] = code


def current_signin(store: Store) -> sessions.SignIn | None:
    """This tab's live sign-in: by the id it keeps, else by the browser's cookie."""
    session_id = st.session_state.get(SESSION_KEY)
    if session_id is not None:
        found = sessions.resume_session(store, session_id=session_id)
        if found is None:
            st.session_state.pop(SESSION_KEY, None)
            st.session_state.pop(HANDOFF_KEY, None)
            st.session_state[SIGNIN_ERROR_KEY] = tr(
                "Du är utloggad (AUTH_012): du loggade ut i en annan flik, fick ett nytt "
                "lösenord eller var borta länge. Logga in igen.",
                "You are signed out (AUTH_012): you signed out in another tab, got a new "
                "password or were away a long time. Sign in again.",
            )
        return found
    # A cookie of a sign-in that has ended (signed out) finds nothing: its row is gone.
    found = sessions.resume_session(store, token=read_cookie())
    if found is not None:
        st.session_state[SESSION_KEY] = found.id
    return found


def current_actor() -> Actor | None:
    """Who is acting, or None when nobody is signed in (nothing is drawn)."""
    ready = st.session_state.get(ACTOR_KEY)
    if ready is not None:
        return ready
    mode = auth_mode()
    if mode == NONE:
        return Actor.local()
    if mode == BROKEN:
        return None
    store = get_store()
    if mode == OIDC and not st.user.is_logged_in:
        return None
    signed_in = current_signin(store)
    if signed_in is not None:
        try:
            return actor_for_user_id(store, user_id=signed_in.user_id)
        except AuthError as exc:  # the account was deleted meanwhile
            st.session_state.pop(SESSION_KEY, None)
            st.session_state[SIGNIN_ERROR_KEY] = error_text(exc)
            return None
    if mode == OIDC:
        return _start_from_provider(store)
    return None


def _start_from_provider(store: Store) -> Actor | None:
    """The provider says who this is and we have no live sign-in: a fresh provider
    sign-in starts one; an old one (sign-out elsewhere, timeouts) must sign in anew."""
    claims = st.user.to_dict()
    if not oidc.is_fresh(claims, utcnow()):
        return None
    try:
        actor = actor_for_oidc(store, claims)
    except AuthError as exc:
        st.session_state[SIGNIN_ERROR_KEY] = error_text(exc)
        return None
    assert actor.user_id is not None
    _start(store, actor.user_id)
    return actor


# -- screens --------------------------------------------------------------------------
def show_signin() -> None:
    """The screen of someone not signed in."""
    heading("Stad för stad", 1)
    problem = st.session_state.pop(SIGNIN_ERROR_KEY, None)
    _forget_cookie()
    mode = auth_mode()
    if mode == BROKEN:
        st.error(
            tr(
                "Inloggningen via organisationens konto är felaktigt inställd, så ingen kan "
                "logga in just nu (AUTH_010). Den som driftar Stad för stad behöver byta "
                "cookie_secret i secrets.toml mot en lång slumpad sträng – se docs/auth.md.",
                "Sign-in through the organisation's account is set up unsafely, so nobody "
                "can sign in right now (AUTH_010). Whoever runs Stad för stad needs to "
                "replace cookie_secret in secrets.toml with a long random string – see "
                "docs/auth.md.",
            )
        )
        return
    if mode == OIDC:
        if problem:
            st.error(problem)
        st.markdown(
            tr(
                "Logga in med er organisations konto för att använda Stad för stad.",
                "Sign in with your organisation's account to use Stad för stad.",
            )
        )
        if st.user.is_logged_in:
            st.button(tr("Logga ut", "Sign out"), key="signin.logout", on_click=st.logout)
        st.button(tr("Logga in", "Sign in"), key="signin.login", type="primary", on_click=st.login)
        return
    store = get_store()
    if needs_first_admin(store):
        _first_run(store, problem)
    else:
        _signin_form(store, problem)


def _forget_cookie() -> None:
    """A page showing the sign-in screen clears a cookie that no longer signs anyone
    in; right after signing out it also reloads, so nothing of the last user's page
    stays in the browser."""
    if st.session_state.pop(SIGNED_OUT_KEY, None):  # once: a reload may keep the state
        _script(
            f"{_post(SIGNOUT_PATH)}.finally(() => window.location.replace({json.dumps(base_path() + '/')}))"
        )
    elif read_cookie():
        _script(_post(SIGNOUT_PATH))


def _signin_form(store: Store, problem: str | None) -> None:
    heading(tr("Logga in", "Sign in"), 2)
    with st.form("signin.form"):
        username = st.text_input(
            tr("Användarnamn", "Username"), key="signin.username", max_chars=200
        )
        password = st.text_input(
            tr("Lösenord", "Password"), type="password", key="signin.password", max_chars=1024
        )
        submitted = st.form_submit_button(tr("Logga in", "Sign in"), type="primary")
    if submitted:
        try:
            actor = authenticate(
                store, username=username, password=password, address=request_address_key()
            )
        except StadError as exc:
            problem = error_text(exc)
        else:
            assert actor.user_id is not None
            _start(store, actor.user_id)
            st.rerun()
    if problem:
        st.error(problem)


def _first_run(store: Store, problem: str | None) -> None:
    if not has_setup_code(store):
        # The server printed one at start; if it has expired, print a new one.
        announce_setup_code(store)
    heading(
        tr(
            "Välkommen! Skapa den första administratören", "Welcome! Create the first administrator"
        ),
        2,
    )
    st.markdown(
        tr(
            "Det finns inga användare än. Kontot du skapar här blir administratör: det "
            "lägger till de andra användarna och ger dem behörighet till kommuner.\n\n"
            "Du behöver **engångskoden** som servern skrev ut när Stad för stad startade "
            "(i terminalen eller i serverns logg). Har du ingen kod: starta om servern, "
            "eller skapa administratören på servern med "
            "`uv run stadforstad users create NAMN --admin`.",
            "There are no users yet. The account you create here becomes administrator: "
            "it adds the other users and gives them access to municipalities.\n\n"
            "You need the **one-time code** the server printed when Stad för stad started "
            "(in the terminal or the server's log). No code: restart the server, or create "
            "the administrator on the server with `uv run stadforstad users create NAME --admin`.",
        )
    )
    with st.form("firstrun.form"):
        code = st.text_input(tr("Engångskod", "One-time code"), key="firstrun.code", max_chars=40)
        username = st.text_input(
            tr("Användarnamn (t.ex. er e-postadress)", "Username (e.g. your e-mail address)"),
            key="firstrun.username",
            max_chars=200,
        )
        display = st.text_input(
            tr("Namn som visas", "Display name"), key="firstrun.display", max_chars=200
        )
        password = st.text_input(
            tr(
                "Lösenord (minst 10 tecken, svårt att gissa)",
                "Password (at least 10 characters, hard to guess)",
            ),
            type="password",
            key="firstrun.password",
            max_chars=1024,
        )
        again = st.text_input(
            tr("Lösenordet igen", "The password again"),
            type="password",
            key="firstrun.again",
            max_chars=1024,
        )
        submitted = st.form_submit_button(
            tr("Skapa administratör", "Create administrator"), type="primary"
        )
    if submitted:
        if password != again:
            problem = tr(
                "Lösenorden är inte lika. Skriv samma lösenord två gånger.",
                "The passwords differ. Type the same password twice.",
            )
        else:
            try:
                created = create_first_admin(
                    store,
                    setup_code=code,
                    username=username,
                    password=password,
                    display_name=display or None,
                    address=request_address_key(),
                )
            except StadError as exc:
                problem = error_text(exc)
            else:
                _start(store, created.id)
                st.rerun()
    if problem:
        st.error(problem)


def sign_out() -> None:
    """End every sign-in of this user, then empty the tab's whole state: nothing the
    last user saw or prepared (an export, a new link's address) stays for the next."""
    store = get_store()
    signed_in = current_signin(store)
    if signed_in is not None:
        sessions.end_sessions(store, user_id=signed_in.user_id)
    provider = auth_mode() == OIDC
    st.session_state.clear()
    st.session_state[SIGNED_OUT_KEY] = True
    if provider:
        st.logout()


def show_account(actor: Actor) -> None:
    """Who is signed in, and the sign-out button, in the sidebar; and, right after a
    sign-in, the browser's cookie."""
    if auth_mode() == NONE or st.session_state.get(ACTOR_KEY) is not None:
        return
    with st.sidebar:
        deliver_cookie(get_store())
        st.caption(tr(f"Du är inloggad som {actor.name}", f"You are signed in as {actor.name}"))
        st.button(tr("Logga ut", "Sign out"), key="app.signout", on_click=sign_out)


__all__ = [
    "BROKEN",
    "LOCAL",
    "NONE",
    "OIDC",
    "SESSION_KEY",
    "auth_mode",
    "current_actor",
    "error_text",
    "show_account",
    "show_signin",
]
