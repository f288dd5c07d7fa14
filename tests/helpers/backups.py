"""Backups in tests: a second, empty database to restore into, and answers to back up."""

from __future__ import annotations

import pytest

from stadforstad.catalog import parse_form
from stadforstad.storage import Store, make_engine
from stadforstad.storage.links import Identity, LinkStore, new_token
from tests.helpers.sample_forms import SHAREABLE_YAML


def _empty_like(store: Store, sqlite_url: str, tmp_path) -> Store:
    if store.engine.dialect.name == "sqlite":
        return Store(make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}"))
    from sqlalchemy import create_engine, text

    url = store.engine.url
    name = f"{url.database}_copy"
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    target = Store(make_engine(url.set(database=name).render_as_string(hide_password=False)))
    _COPIES.append((url, name))
    return target


_COPIES: list = []


@pytest.fixture(autouse=True)
def _drop_copies():
    yield
    from sqlalchemy import create_engine, text

    while _COPIES:
        url, name = _COPIES.pop()
        server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def _answered(store, admin):
    """A workspace with a named link: one sent answer (name, contact) and one draft."""
    links = LinkStore(store)
    store.create_workspace(actor=admin, name="Annan kommun")  # ids in the source are not 1
    place = store.create_workspace(actor=admin, name="Kommun L")
    created = links.create_link(
        actor=admin, workspace_id=place.id, form=FORM, label="Hotell", ask_identity=True
    )
    actor, _ = links.open_link(created.token)
    sent = links.submit(
        actor=actor,
        resume=new_token(),
        submission_key="k1",
        form=FORM,
        answers=GOOD,
        identity=Identity(industry="Hotell", name="Kim Kvist", contact="kim@example.se"),
    )
    links.save_draft(actor=actor, resume=new_token(), form=FORM, answers={"generell_2": 3})
    return links, place, created, sent


GOOD = {"generell_1": 4, "generell_2": 2, "tiggeri_1": 1, "anteckningar": "Hej"}


FORM = parse_form(SHAREABLE_YAML)
