"""Storage on a real SQLite file and the real PostgreSQL server: draft → resume →
submit → edit with the earlier version kept; bad answers refused; concurrent edits
refused rather than overwritten."""

from __future__ import annotations

import pytest

from stadforstad import errors
from stadforstad.catalog import load_form
from stadforstad.errors import AnswerError, StorageError
from stadforstad.storage import Store, make_engine

REDO_ALL_3 = {
    "behov": 3,
    "politisk_vilja": 3,
    "organisatorisk_vilja": 3,
    "deltagarnas_vilja": 3,
    "perioden": 3,
    "tid_resurser": 3,
    "hallbarhet": 3,
}


@pytest.fixture
def person(store, admin):
    workspace = store.create_workspace(actor=admin, name="Landskrona")
    return workspace, store.respondent(actor=admin, workspace_id=workspace.id, name="Anna")


def test_draft_resume_submit_edit_keeps_every_version(store, admin, person) -> None:
    workspace, anna = person
    form = load_form("redo")
    ids = {"actor": admin, "workspace_id": workspace.id, "respondent_id": anna.id}

    store.save_draft(**ids, form=form, answers={"behov": 2, "behov_comment": "Oklart behov"})
    resumed = store.response_state(**ids, form_id="redo")
    assert resumed.draft == {"behov": 2, "behov_comment": "Oklart behov"}
    assert resumed.revision == 0 and resumed.answers is None

    first = store.submit(
        **ids, form=form, answers={**resumed.draft, **REDO_ALL_3, "behov": 2}, expected_revision=0
    )
    assert first.revision == 1 and first.draft is None
    assert first.answers["behov"] == 2

    store.save_draft(**ids, form=form, answers={**first.answers, "hallbarhet": 5})
    mid = store.response_state(**ids, form_id="redo")
    assert mid.draft["hallbarhet"] == 5 and mid.answers["hallbarhet"] == 3

    second = store.submit(
        **ids, form=form, answers={**first.answers, "hallbarhet": 5}, expected_revision=1
    )
    assert second.revision == 2
    revisions = store.revisions(
        actor=admin, workspace_id=workspace.id, response_id=second.response_id
    )
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].answers["hallbarhet"] == 3, "the earlier version must stay as it was"
    assert revisions[1].answers["hallbarhet"] == 5
    assert all(r.form_version == form.version for r in revisions)

    rows = store.submitted(actor=admin, workspace_ids=[workspace.id], form_id="redo")
    assert len(rows) == 1 and rows[0].revision == 2 and rows[0].respondent == "Anna"
    assert store.form_progress(actor=admin, workspace_id=workspace.id) == {
        "redo": {"submitted": 1, "drafts": 0}
    }


def test_a_stale_edit_is_refused_not_overwritten(store, admin, person) -> None:
    workspace, anna = person
    form = load_form("redo")
    ids = {"actor": admin, "workspace_id": workspace.id, "respondent_id": anna.id, "form": form}
    store.submit(**ids, answers=REDO_ALL_3, expected_revision=0)
    store.submit(**ids, answers={**REDO_ALL_3, "behov": 5}, expected_revision=1)
    with pytest.raises(StorageError) as caught:
        store.submit(**ids, answers={**REDO_ALL_3, "behov": 1}, expected_revision=1)
    assert caught.value.code == errors.STORE_CONFLICT
    state = store.response_state(
        actor=admin, workspace_id=workspace.id, respondent_id=anna.id, form_id="redo"
    )
    assert state.answers["behov"] == 5


def test_out_of_range_answers_are_refused_with_the_item(store, admin, person) -> None:
    workspace, anna = person
    form = load_form("redo")
    with pytest.raises(AnswerError) as caught:
        store.save_draft(
            actor=admin,
            workspace_id=workspace.id,
            respondent_id=anna.id,
            form=form,
            answers={"behov": 9},
        )
    assert caught.value.problems[0].code == errors.ANSWER_OUT_OF_RANGE
    assert caught.value.problems[0].item == "behov"
    with pytest.raises(AnswerError) as caught:
        store.submit(
            actor=admin,
            workspace_id=workspace.id,
            respondent_id=anna.id,
            form=form,
            answers={"behov": 3},
        )
    assert {p.code for p in caught.value.problems} == {errors.ANSWER_REQUIRED}
    assert store.form_progress(actor=admin, workspace_id=workspace.id) == {}


def test_rounds_are_kept_apart(store, admin, person) -> None:
    workspace, anna = person
    form = load_form("redo")
    ids = {"actor": admin, "workspace_id": workspace.id, "respondent_id": anna.id, "form": form}
    store.submit(**ids, answers=REDO_ALL_3, round=1)
    store.submit(**ids, answers={**REDO_ALL_3, "behov": 5}, round=2)
    rows = store.submitted(actor=admin, workspace_ids=[workspace.id], form_id="redo")
    assert sorted((r.round, r.answers["behov"]) for r in rows) == [(1, 3), (2, 5)]


def test_workspace_names_are_unique_and_trimmed(store, admin) -> None:
    store.create_workspace(actor=admin, name="  Landskrona ")
    with pytest.raises(StorageError) as caught:
        store.create_workspace(actor=admin, name="Landskrona")
    assert caught.value.code == errors.STORE_DUPLICATE


def test_the_same_person_is_one_respondent(store, admin, person) -> None:
    workspace, anna = person
    again = store.respondent(actor=admin, workspace_id=workspace.id, name=" Anna ")
    assert again.id == anna.id


def test_a_sqlite_file_survives_a_restart(tmp_path, admin) -> None:
    """Closing the browser and coming back the next day: a new process, the same file."""
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    first = Store(make_engine(url))
    workspace = first.create_workspace(actor=admin, name="Lund")
    anna = first.respondent(actor=admin, workspace_id=workspace.id, name="Anna")
    first.save_draft(
        actor=admin,
        workspace_id=workspace.id,
        respondent_id=anna.id,
        form=load_form("engagemang"),
        answers={"svart": True},
    )
    first.engine.dispose()
    second = Store(make_engine(url))
    state = second.response_state(
        actor=admin, workspace_id=workspace.id, respondent_id=anna.id, form_id="engagemang"
    )
    assert state.draft == {"svart": True}
    with second.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_find_workspace_by_name(store, admin) -> None:
    created = store.create_workspace(actor=admin, name="Helsingborg")
    found = store.find_workspace(actor=admin, name="Helsingborg")
    assert (found.id, found.name) == (created.id, created.name)
    with pytest.raises(StorageError) as caught:
        store.find_workspace(actor=admin, name="Atlantis")
    assert caught.value.code == errors.STORE_NOT_FOUND
