"""Fixtures for the invitation-link tests: a small shareable form, a workspace, and a
store on SQLite and on a PostgreSQL database of its own (created and dropped here, so
tests never touch tables other developers use on the shared server)."""

from __future__ import annotations

import pytest

from stadforstad.catalog import parse_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore
from tests.helpers.sample_forms import (
    SHAREABLE_YAML,
)

PRIVATE_YAML = SHAREABLE_YAML.replace("shareable: true", "shareable: false").replace(
    "id: enkat", "id: intern"
)


@pytest.fixture(scope="session")
def shareable_yaml() -> str:
    return SHAREABLE_YAML


@pytest.fixture(scope="session")
def shareable_form():
    return parse_form(SHAREABLE_YAML)


@pytest.fixture(scope="session")
def private_form():
    return parse_form(PRIVATE_YAML)


@pytest.fixture
def links(database_url) -> LinkStore:
    """Links on a real SQLite file and on PostgreSQL (the root conftest's databases)."""
    engine = make_engine(database_url)
    yield LinkStore(Store(engine))
    engine.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor.local()


@pytest.fixture
def workspace(links, admin):
    return links.store.create_workspace(actor=admin, name="Testby")


@pytest.fixture
def app_env(monkeypatch, tmp_path, shareable_yaml):
    """The app's settings pointed at a fresh SQLite file and a forms folder holding the
    small shareable form; a link store on the same file, an administrator and
    a municipality."""
    from stadforstad.settings import get_settings
    from tests.storage.links.apptest_links import make_app_env

    links, admin, workspace, engine = make_app_env(monkeypatch, tmp_path, shareable_yaml)
    yield links, admin, workspace
    engine.dispose()
    get_settings.cache_clear()
