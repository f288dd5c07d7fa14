"""Municipalities in storage: names unique regardless of case (in the database too),
rename and delete with an audit entry. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from stadforstad.catalog import parse_form
from stadforstad.errors import StorageError
from stadforstad.storage import Actor
from stadforstad.storage.links import LinkStore
from stadforstad.storage.tables import Workspace
from tests.helpers.sample_forms import SHAREABLE_YAML, TINY

ADMIN = Actor.local()


@pytest.mark.parametrize("other", ["landskrona", "LANDSKRONA", " Landskrona  ", "Landskrona"])
def test_names_are_unique_regardless_of_case(store, other):
    store.create_workspace(actor=ADMIN, name="Landskrona")
    with pytest.raises(StorageError) as caught:
        store.create_workspace(actor=ADMIN, name=other)
    assert caught.value.code == "STORE_002"
    assert "Landskrona" in str(caught.value)
    assert [w.name for w in store.list_workspaces(actor=ADMIN)] == ["Landskrona"]


def test_the_database_itself_refuses_a_name_in_other_case(store):
    store.create_workspace(actor=ADMIN, name="Åstorp")
    with pytest.raises(IntegrityError), store.write_session() as session:
        session.add(Workspace(name="ÅSTORP"))  # past the store's own check


def test_rename_is_audited_and_checked(store):
    a = store.create_workspace(actor=ADMIN, name="Alby")
    store.create_workspace(actor=ADMIN, name="Bergå")
    with pytest.raises(StorageError) as caught:
        store.rename_workspace(actor=ADMIN, workspace_id=a.id, name="BERGÅ")
    assert caught.value.code == "STORE_002"
    with pytest.raises(StorageError) as caught:
        store.rename_workspace(actor=ADMIN, workspace_id=a.id, name="   ")
    assert caught.value.code == "STORE_004"
    member = Actor(name="m", user_id=5, grants={a.id: "member"})
    with pytest.raises(StorageError) as caught:
        store.rename_workspace(actor=member, workspace_id=a.id, name="Ny")
    assert caught.value.code == "AUTH_001"
    renamed = store.rename_workspace(actor=ADMIN, workspace_id=a.id, name="alby")  # case only
    assert renamed.name == "alby"
    entry = store.audit_log(actor=ADMIN)[0]
    assert (entry.action, entry.workspace_id, entry.detail) == ("rename", a.id, "Alby → alby")


def test_delete_takes_everything_with_it(store):
    place = store.create_workspace(actor=ADMIN, name="Borta")
    person = store.respondent(actor=ADMIN, workspace_id=place.id, name="Kim")
    store.submit(
        actor=ADMIN, workspace_id=place.id, respondent_id=person.id, form=TINY, answers={"a": 3}
    )
    LinkStore(store).create_link(
        actor=ADMIN, workspace_id=place.id, form=parse_form(SHAREABLE_YAML)
    )
    expected = {"respondents": 1, "responses": 1, "links": 1, "link_answers": 0}
    assert store.workspace_contents(actor=ADMIN, workspace_id=place.id) == expected
    assert store.delete_workspace(actor=ADMIN, workspace_id=place.id) == expected
    assert store.list_workspaces(actor=ADMIN) == []
    entry = store.audit_log(actor=ADMIN)[0]
    assert entry.action == "delete" and "1 länkar" in entry.detail
    store.create_workspace(actor=ADMIN, name="borta")  # the name is free again
