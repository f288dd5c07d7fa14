"""Fixtures for the invitation-link tests: a small shareable form, a workspace, and a
store on SQLite and on a PostgreSQL database of its own (created and dropped here, so
tests never touch tables other developers use on the shared server)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from stadforstad.catalog import parse_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore

PG_URL = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")

#: A small shareable form shaped like the indicator grid: two categories of two
#: ratings, a begging note and free notes.
SHAREABLE_YAML = """
id: enkat
version: 1
step: 2
title: {sv: Liten enkät}
source: {heading: TEST}
shareable: true
sections:
  - id: generell
    title: {sv: Generella indikatorer}
    items:
      - {kind: scale, id: generell_1, label: {sv: Begränsade av andra}, required: true}
      - {kind: scale, id: generell_2, label: {sv: Rädda eller sårbara}}
  - id: tiggeri
    title: {sv: Tiggeri}
    items:
      - {kind: scale, id: tiggeri_1, label: {sv: Personer i tiggeri}}
      - {kind: scale, id: tiggeri_2, label: {sv: Organisering kring tiggeri}}
      - {kind: text, id: tiggeri_riskfaktorer, long: true, max_length: 300, label: {sv: Riskfaktorer}}
  - id: anteckningar_sektion
    items:
      - {kind: text, id: anteckningar, long: true, max_length: 500, label: {sv: Övriga anteckningar}}
"""

PRIVATE_YAML = SHAREABLE_YAML.replace("shareable: true", "shareable: false").replace(
    "id: enkat", "id: intern")


@pytest.fixture(scope="session")
def shareable_yaml() -> str:
    return SHAREABLE_YAML


@pytest.fixture(scope="session")
def shareable_form():
    return parse_form(SHAREABLE_YAML)


@pytest.fixture(scope="session")
def private_form():
    return parse_form(PRIVATE_YAML)


def _own_postgres():
    """A fresh database on the shared server; yields its URL, drops it afterwards."""
    server = make_url(PG_URL)
    name = f"links_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'links.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("STADFORSTAD_TEST_DATABASE_URL is not set")
    yield from _own_postgres()


@pytest.fixture
def links(db_url) -> LinkStore:
    engine = make_engine(db_url)
    yield LinkStore(Store(engine))
    engine.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor.local()


@pytest.fixture
def workspace(links, admin):
    return links.store.create_workspace(actor=admin, name="Testby")
