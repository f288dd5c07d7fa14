"""Shared fixtures: a real SQLite file per test, and the real PostgreSQL server when
``STADFORSTAD_TEST_DATABASE_URL`` is set (CI sets it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stadforstad.storage import Actor, Store, make_engine

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'stadforstad.sqlite'}"


def _fresh_postgres(url: str):
    from stadforstad.storage.tables import Base

    engine = make_engine(url, create=False)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, sqlite_url: str) -> Store:
    """A store on a real SQLite file, and again on the real PostgreSQL server."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url)
    else:
        if not PG_URL:
            pytest.skip("STADFORSTAD_TEST_DATABASE_URL is not set")
        engine = _fresh_postgres(PG_URL)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor.local()
