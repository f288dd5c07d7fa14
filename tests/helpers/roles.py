"""A database with answered forms, for the pages that read them."""

from __future__ import annotations

import pytest

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import Identity, LinkStore, new_token
from tests.helpers.apptest import fresh_database, open_page  # noqa: F401 (fixture)


def answered(store: Store, count: int):
    """A workspace with ``count`` answers to kartlaggning through a link that asked for
    names; a coordinator and a member of it."""
    place = store.create_workspace(actor=ADMIN, name="Källby")
    grid = load_form("kartlaggning")
    links = LinkStore(store)
    created = links.create_link(
        actor=ADMIN, workspace_id=place.id, form=grid, label="Hotell", ask_identity=True
    )
    respondent, _ = links.open_link(created.token)
    scale = next(i.id for i in grid.answerable() if i.kind == "scale")
    required = {i.id: "x" for i in grid.answerable() if i.required and i.kind == "text"}
    for n in range(count):
        links.submit(
            actor=respondent,
            resume=new_token(),
            submission_key=f"k{n}",
            form=grid,
            answers={scale: 2 + n % 3, **required},
            identity=Identity(industry="Hotell", name=f"Kim {n}", contact=f"kim{n}@example.se"),
        )
    coordinator = Actor(name="samordnare", user_id=7, grants={place.id: "coordinator"})
    member = Actor(name="medlem", user_id=8, grants={place.id: "member"})
    return place, coordinator, member


@pytest.fixture
def page_store(fresh_database):
    engine = make_engine(fresh_database)
    yield Store(engine)
    engine.dispose()


ADMIN = Actor.local()
