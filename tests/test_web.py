"""The sign-in cookie's routes (``stadforstad.web``) through Starlette's test client,
the client address for the throttle, and the Streamlit details the routes rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from stadforstad import accounts, heap, sessions, web
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.shared import forget_stores
from tests.helpers import ROOT
from tests.helpers.accounts import actor_for_user

PASSWORD = "rätt-lösenord-42"
ORIGIN = "http://testserver"


@pytest.fixture
def store(database_url, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", database_url)
    get_settings.cache_clear()
    forget_stores()
    engine = make_engine(database_url)
    yield Store(engine)
    engine.dispose()
    forget_stores()


@pytest.fixture
def client() -> TestClient:
    return TestClient(Starlette(routes=web.routes()))


@pytest.fixture
def handoff(store) -> str:
    accounts.create_user(store, actor=Actor.local(), username="anna", password=PASSWORD)
    user = actor_for_user(store, username="anna")
    return sessions.start_session(store, user_id=user.user_id)[1]


def _post(client, path, code="", **headers):
    return client.post(
        path,
        content=f"code={code}",
        headers={"content-type": "application/x-www-form-urlencoded", **headers},
    )


def test_the_cookie_is_httponly_lax_and_ends_with_the_sign_in(client, store, handoff):
    answer = _post(client, web.SIGNIN_PATH, handoff, origin=ORIGIN)
    assert answer.status_code == 204
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{web.COOKIE_NAME}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain http on this machine
    max_age = int(cookie.split("Max-Age=")[1].split(";")[0])
    assert 11 * 3600 < max_age <= 12 * 3600
    token = answer.cookies[web.COOKIE_NAME]
    assert sessions.resume_session(store, token=token) is not None
    # The code works once.
    assert _post(client, web.SIGNIN_PATH, handoff, origin=ORIGIN).status_code == 403


def test_the_cookie_is_secure_behind_https(client, store, handoff, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_PUBLIC_URL", "https://stadforstad.example.se")
    get_settings.cache_clear()
    answer = _post(client, web.SIGNIN_PATH, handoff, origin=ORIGIN)
    assert answer.status_code == 204 and "Secure" in answer.headers["set-cookie"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"origin": "https://elak.example"}, {"origin": ORIGIN, "sec-fetch-site": "cross-site"}],
    ids=["no-origin", "other-site", "cross-site"],
)
def test_other_sites_cannot_use_the_routes(client, store, handoff, headers):
    """Login CSRF: another site must not sign a visitor in to an account of its own."""
    answer = _post(client, web.SIGNIN_PATH, handoff, **headers)
    assert answer.status_code == 403 and "set-cookie" not in answer.headers
    assert _post(client, web.SIGNIN_PATH, handoff, origin=ORIGIN).status_code == 204


def test_signing_out_ends_the_sign_ins_and_clears_the_cookie(client, store, handoff):
    token = _post(client, web.SIGNIN_PATH, handoff, origin=ORIGIN).cookies[web.COOKIE_NAME]
    client.cookies.set(web.COOKIE_NAME, token)
    assert _post(client, web.SIGNOUT_PATH, origin="https://elak.example").status_code == 403
    assert sessions.resume_session(store, token=token) is not None
    answer = _post(client, web.SIGNOUT_PATH, origin=ORIGIN)
    assert answer.status_code == 204
    assert 'stadforstad_inloggning=""' in answer.headers["set-cookie"]
    assert "Max-Age=0" in answer.headers["set-cookie"]
    assert sessions.resume_session(store, token=token) is None


def test_streamlit_still_serves_app_py_through_st_app():
    """The cookie's routes exist only when ``streamlit run app.py`` finds the
    ``st.App`` in app.py: Streamlit finds it by reading the file (a detail of its
    ``app_discovery`` module). Should a new Streamlit stop doing so, this fails; the
    app would then still work, signed in per tab only (the cookie's post gets no
    route), which is docs/auth.md's fallback."""
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(Path(ROOT / "app.py"))
    assert found.is_asgi_app and found.import_string == "app:app"


def test_the_server_starts_without_the_storage_code(tmp_path) -> None:
    """``streamlit run app.py`` imports this module before it serves: it loads neither
    SQLAlchemy nor the storage package, so the server answers as soon as Streamlit's
    own would; the start-up work runs beside it (next test)."""
    import subprocess
    import sys

    check = "import sys, stadforstad.web; print(sorted(m for m in ('sqlalchemy', 'pydantic_settings') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_start_up_work_makes_the_database_and_prints_the_setup_code(
    tmp_path, monkeypatch, capsys
) -> None:
    """What the server does at start, in its own thread: an installation without users
    gets the database made and the one-time code printed; the first page's modules
    are imported."""
    import sys

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    monkeypatch.setenv("STADFORSTAD_AUTH", "local")
    get_settings.cache_clear()
    forget_stores()
    try:
        web.warm_up()
        printed = capsys.readouterr()
        assert "users create" in printed.out + printed.err
        from stadforstad.first_admin import has_setup_code

        assert has_setup_code(web._store())
        assert "stadforstad.ui.context" in sys.modules
    finally:
        forget_stores()
        get_settings.cache_clear()


def test_the_lifespan_does_not_wait_for_the_start_up_work(monkeypatch) -> None:
    """The server is up (the lifespan has entered) while the start-up work still runs:
    the work waits for the server, which only works if the server does not wait for it."""
    import asyncio
    import threading

    served, seen = threading.Event(), []

    def slow_warm_up() -> None:
        seen.append(served.wait(10))

    monkeypatch.setattr(web, "warm_up", slow_warm_up)
    monkeypatch.setattr(heap, "_serving", heap._serving)  # the lifespan turns it on

    async def serve() -> None:
        async with web.lifespan(None):
            served.set()

    # In a thread of its own: the browser tests' Playwright may own this thread's loop.
    runner = threading.Thread(target=lambda: asyncio.run(serve()))
    runner.start()
    runner.join(20)
    for thread in threading.enumerate():
        if thread.name == "stadforstad-warm-up":
            thread.join(10)
    assert seen == [True]
