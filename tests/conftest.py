"""Shared fixtures: a real SQLite file per test, and the real PostgreSQL server when
``STADFORSTAD_TEST_DATABASE_URL`` is set (CI sets it).

The PostgreSQL server is shared with other test runs, so every test gets a database
of its own (``test_<random>``), made through the ``postgres`` maintenance database and
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from stadforstad.storage import Actor, Store, make_engine
from tests.helpers import ROOT

PG_URL = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'stadforstad.sqlite'}"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    if not PG_URL:
        pytest.skip("STADFORSTAD_TEST_DATABASE_URL is not set")
    return PG_URL


@pytest.fixture
def postgres_url(postgres_server_url: str):
    """The URL of a new, empty PostgreSQL database, dropped after the test, so test
    runs sharing the server never see each other's rows."""
    base = make_url(postgres_server_url)
    name = f"test_{uuid.uuid4().hex[:16]}"
    server = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request) -> str:
    """An empty database, on a SQLite file and again on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(name)


@pytest.fixture
def store(database_url: str) -> Store:
    """A store on a real SQLite file, and again on the real PostgreSQL server, with the
    schema made by the migrations."""
    engine = make_engine(database_url)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor.local()


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """argon2 at its real cost takes ~50 ms a hash; the tests hash hundreds."""
    from argon2 import PasswordHasher

    from stadforstad import passwords

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", cheap)
    passwords._dummy_hash.cache_clear()  # made again, cheaply, on first use
    yield
    passwords._dummy_hash.cache_clear()


@pytest.fixture(autouse=True)
def no_sign_in_by_default(monkeypatch):
    """The existing page tests run as the single local administrator
    (``STADFORSTAD_AUTH=none``); the sign-in tests set ``local`` themselves."""
    from stadforstad.settings import get_settings

    monkeypatch.setenv("STADFORSTAD_AUTH", "none")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def pytest_collection_modifyitems(items) -> None:
    """Tests under tests/browser/ drive a real browser: marked ``browser`` by where they
    live, so ``uv run pytest -m "not browser"`` is the fast loop.

    A browser test that fails is run once more (pytest-rerunfailures; the output marks
    it ``R`` and lists it under "rerun"), as Playwright's own runner advises for CI: on
    a loaded machine a streamlit rerun can outlast a wait. A test that fails twice
    fails the run. Nothing else is retried."""
    browser = (ROOT / "tests" / "browser").resolve()
    for item in items:
        if browser in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.flaky(reruns=1))
