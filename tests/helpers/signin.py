"""Signing in on the pages under AppTest: users, grants, the sign-in cookie."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import accounts, sessions
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.signin import SESSION_KEY
from tests.helpers import ROOT
from tests.helpers.accounts import actor_for_user
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    TIMEOUT,
    button,
    fresh_database,
    open_app,
    texts,
)

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
    accounts.create_user(
        store, actor=Actor.local(), username="admin", password=PASSWORD, admin=True
    )
    admin = actor_for_user(store, username="admin")
    a = store.create_workspace(actor=admin, name="Alfastad")
    b = store.create_workspace(actor=admin, name="Betaby")
    for name, place, role in (("medlem", a, "member"), ("samordnare", b, "coordinator")):
        accounts.create_user(store, actor=admin, username=name, password=PASSWORD)
        accounts.grant_role(store, actor=admin, username=name, workspace_id=place.id, role=role)
    return {"A": a, "B": b}


def signed_in(store, username: str) -> dict:
    """The state of a tab in which ``username`` has signed in."""
    user = actor_for_user(store, username=username)
    started, _code = sessions.start_session(store, user_id=user.user_id)
    return {SESSION_KEY: started.id}


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
