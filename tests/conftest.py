"""Shared fixtures: a real SQLite file per test, and the real PostgreSQL server when
``STADFORSTAD_TEST_DATABASE_URL`` is set (CI sets it)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from stadforstad.storage import Actor, Store, make_engine

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")


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
    """A new, empty database on the real server for one test, dropped afterwards, so
    test runs sharing the server never see each other's rows."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"stadforstad_test_{uuid.uuid4().hex[:12]}"
    server = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, sqlite_url: str) -> Store:
    """A store on a real SQLite file, and again on the real PostgreSQL server."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url)
    else:
        engine = make_engine(request.getfixturevalue("postgres_url"))
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor.local()
