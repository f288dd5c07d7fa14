"""Roles enforced in the storage layer: a member of workspace A calls the repository
directly and tries to read, write and delete in workspace B; a coordinator reads the
workspaces granted to her but writes nowhere. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from stadforstad.errors import ForbiddenError, StorageError
from stadforstad.storage import Actor
from tests.helpers.sample_forms import TINY


@pytest.fixture
def world(store, admin):
    a = store.create_workspace(actor=admin, name="Kommun A")
    b = store.create_workspace(actor=admin, name="Kommun B")
    bo = store.respondent(actor=admin, workspace_id=b.id, name="Bo i B")
    state = store.submit(
        actor=admin, workspace_id=b.id, respondent_id=bo.id, form=TINY, answers={"a": 3}
    )
    store.save_draft(
        actor=admin, workspace_id=b.id, respondent_id=bo.id, form=TINY, answers={"a": 4}, round=2
    )
    return a, b, bo, state.response_id


def _calls_on_b(store, b, bo, response_id):
    """Every repository call that touches workspace B, by what it does."""
    reads = {
        "get_workspace": lambda actor: store.get_workspace(actor=actor, workspace_id=b.id),
        "list_respondents": lambda actor: store.list_respondents(actor=actor, workspace_id=b.id),
        "response_state": lambda actor: store.response_state(
            actor=actor, workspace_id=b.id, respondent_id=bo.id, form_id="tiny"
        ),
        "revisions": lambda actor: store.revisions(
            actor=actor, workspace_id=b.id, response_id=response_id
        ),
        "submitted": lambda actor: store.submitted(actor=actor, workspace_ids=[b.id]),
        "form_progress": lambda actor: store.form_progress(actor=actor, workspace_id=b.id),
    }
    writes = {
        # Exporting hands out everything: members and administrators only.
        "export": lambda actor: store.export_workspace(actor=actor, workspace_id=b.id),
        "respondent": lambda actor: store.respondent(
            actor=actor, workspace_id=b.id, name="Inkräktare"
        ),
        "save_draft": lambda actor: store.save_draft(
            actor=actor, workspace_id=b.id, respondent_id=bo.id, form=TINY, answers={"a": 1}
        ),
        "submit": lambda actor: store.submit(
            actor=actor, workspace_id=b.id, respondent_id=bo.id, form=TINY, answers={"a": 1}
        ),
    }
    deletes = {
        "discard_draft": lambda actor: store.discard_draft(
            actor=actor, workspace_id=b.id, respondent_id=bo.id, form_id="tiny", round=2
        ),
        "erase_respondent": lambda actor: store.erase_respondent(
            actor=actor, workspace_id=b.id, respondent_id=bo.id
        ),
        "delete_workspace": lambda actor: store.delete_workspace(actor=actor, workspace_id=b.id),
    }
    return reads, writes, deletes


def test_a_member_of_a_can_do_nothing_in_b(store, admin, world):
    a, b, bo, response_id = world
    member = Actor(name="anna", user_id=7, grants={a.id: "member"})
    reads, writes, deletes = _calls_on_b(store, b, bo, response_id)
    for what, call in {**reads, **writes, **deletes}.items():
        with pytest.raises(ForbiddenError) as caught:
            call(member)
        assert caught.value.code == "AUTH_001", what
    # Nor does B show up by name or in lists, and mixing A and B is refused whole.
    assert [w.name for w in store.list_workspaces(actor=member)] == ["Kommun A"]
    with pytest.raises(StorageError) as caught:
        store.find_workspace(actor=member, name="Kommun B")
    assert caught.value.code == "STORE_001"  # the same as a name that does not exist
    with pytest.raises(ForbiddenError):
        store.submitted(actor=member, workspace_ids=[a.id, b.id])
    # B is untouched.
    assert [r.name for r in store.list_respondents(actor=admin, workspace_id=b.id)] == ["Bo i B"]
    state = store.response_state(
        actor=admin, workspace_id=b.id, respondent_id=bo.id, form_id="tiny", round=2
    )
    assert state.draft == {"a": 4}


def test_a_member_cannot_reach_b_through_ids_that_belong_to_b(store, admin, world):
    a, b, bo, response_id = world
    member = Actor(name="anna", user_id=7, grants={a.id: "member"})
    # Own workspace id, but B's respondent or response: refused as not found.
    for call in (
        lambda: store.submit(
            actor=member, workspace_id=a.id, respondent_id=bo.id, form=TINY, answers={"a": 1}
        ),
        lambda: store.revisions(actor=member, workspace_id=a.id, response_id=response_id),
        lambda: store.erase_respondent(actor=member, workspace_id=a.id, respondent_id=bo.id),
    ):
        with pytest.raises(StorageError) as caught:
            call()
        assert caught.value.code == "STORE_001"
    assert store.revisions(actor=admin, workspace_id=b.id, response_id=response_id)


def test_a_coordinator_reads_granted_workspaces_but_writes_nowhere(store, admin, world):
    a, b, bo, response_id = world
    coordinator = Actor(name="lena", user_id=8, grants={b.id: "coordinator"})
    reads, writes, deletes = _calls_on_b(store, b, bo, response_id)
    for call in reads.values():
        call(coordinator)  # no error
    for what, call in {**writes, **deletes}.items():
        with pytest.raises(ForbiddenError) as caught:
            call(coordinator)
        assert caught.value.code == "AUTH_001", what
    with pytest.raises(ForbiddenError):
        store.list_respondents(actor=coordinator, workspace_id=a.id)
    assert [w.name for w in store.list_workspaces(actor=coordinator)] == ["Kommun B"]


def test_a_member_works_in_their_own_workspace(store, admin, world):
    a, b, bo, response_id = world
    member = Actor(name="anna", user_id=7, grants={a.id: "member"})
    me = store.respondent(actor=member, workspace_id=a.id, name="Anna")
    store.save_draft(
        actor=member, workspace_id=a.id, respondent_id=me.id, form=TINY, answers={"a": 2}
    )
    store.submit(actor=member, workspace_id=a.id, respondent_id=me.id, form=TINY, answers={"a": 2})
    assert store.export_workspace(actor=member, workspace_id=a.id)["workspace"]["name"] == (
        "Kommun A"
    )
    store.erase_respondent(actor=member, workspace_id=a.id, respondent_id=me.id)
    assert store.list_respondents(actor=member, workspace_id=a.id) == []


@pytest.mark.parametrize("who", ["member", "coordinator", "nobody"])
def test_only_administrators_manage_workspaces_and_read_the_audit_log(store, world, who):
    a, b, bo, response_id = world
    actor = Actor(name="x", user_id=9, grants={a.id: who} if who != "nobody" else {})
    for call in (
        lambda: store.create_workspace(actor=actor, name="Ny"),
        lambda: store.delete_workspace(actor=actor, workspace_id=a.id),
        lambda: store.audit_log(actor=actor),
        lambda: store.import_workspace(actor=actor, data={}),
    ):
        with pytest.raises(ForbiddenError):
            call()
