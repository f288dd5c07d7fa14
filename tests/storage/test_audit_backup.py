"""Audit log, workspace export/import and erasure on request. SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import json

import pytest
from sqlalchemy import func, select

from stadforstad.errors import ForbiddenError, StorageError
from stadforstad.storage import Actor, Store
from stadforstad.storage.backup import read_backup, write_backup
from stadforstad.storage.tables import Response, Revision
from tests.helpers.backups import (  # noqa: F401
    _COPIES,
    _drop_copies,
    _empty_like,
)
from tests.helpers.sample_forms import TINY


def _fill(store: Store, admin: Actor, name: str = "Kommun A"):
    place = store.create_workspace(actor=admin, name=name)
    member = Actor(name="anna", user_id=2, grants={place.id: "member"})
    anna = store.respondent(actor=member, workspace_id=place.id, name="Anna Åberg")
    bo = store.respondent(actor=member, workspace_id=place.id, name="Bo")
    store.submit(
        actor=member,
        workspace_id=place.id,
        respondent_id=anna.id,
        form=TINY,
        answers={"a": 3, "note": 'första "citat" <b>inte html</b>'},
    )
    store.submit(
        actor=member,
        workspace_id=place.id,
        respondent_id=anna.id,
        form=TINY,
        answers={"a": 5, "note": "ändrad"},
    )
    store.save_draft(
        actor=member, workspace_id=place.id, respondent_id=anna.id, form=TINY, answers={"a": 1}
    )
    store.save_draft(
        actor=member,
        workspace_id=place.id,
        respondent_id=bo.id,
        form=TINY,
        answers={"note": "bara utkast"},
        round=2,
    )
    store.submit(
        actor=member, workspace_id=place.id, respondent_id=bo.id, form=TINY, answers={"a": 2}
    )
    return place, member, anna, bo


def test_every_create_change_export_and_delete_is_audited(store, admin):
    place, member, anna, bo = _fill(store, admin)
    store.discard_draft(
        actor=member, workspace_id=place.id, respondent_id=bo.id, form_id="tiny", round=2
    )
    store.export_workspace(actor=member, workspace_id=place.id)
    store.erase_respondent(actor=member, workspace_id=place.id, respondent_id=anna.id)
    store.delete_workspace(actor=admin, workspace_id=place.id)
    log = [
        (e.actor, e.action, e.target.split(" ")[0])
        for e in reversed(store.audit_log(actor=admin, workspace_id=place.id))
    ]
    assert log == [
        ("lokal", "create", "workspace"),
        ("anna", "create", "respondent"),
        ("anna", "create", "respondent"),
        ("anna", "submit", "response"),
        ("anna", "change", "response"),
        ("anna", "draft", "response"),
        ("anna", "draft", "response"),
        ("anna", "submit", "response"),
        ("anna", "delete", "draft"),
        ("anna", "export", "workspace"),
        ("anna", "erase", "respondent"),
        ("lokal", "delete", "workspace"),
    ]


def test_the_audit_log_names_no_respondent(store, admin):
    place, member, anna, bo = _fill(store, admin)
    store.erase_respondent(actor=member, workspace_id=place.id, respondent_id=anna.id)
    text = " ".join(f"{e.target} {e.detail}" for e in store.audit_log(actor=admin))
    assert "Anna" not in text and "Bo" not in text


def test_the_audit_log_only_grows(store, admin):
    place, member, anna, bo = _fill(store, admin)
    before = [
        (e.id, e.at, e.actor, e.action, e.target, e.detail) for e in store.audit_log(actor=admin)
    ]
    store.erase_respondent(actor=member, workspace_id=place.id, respondent_id=anna.id)
    store.delete_workspace(actor=admin, workspace_id=place.id)
    after = [
        (e.id, e.at, e.actor, e.action, e.target, e.detail) for e in store.audit_log(actor=admin)
    ]
    assert after[len(after) - len(before) :] == before and len(after) == len(before) + 2


def test_erasing_a_respondent_removes_all_their_answers_and_is_audited(store, admin):
    place, member, anna, bo = _fill(store, admin)
    counts = store.erase_respondent(actor=member, workspace_id=place.id, respondent_id=anna.id)
    assert counts == {"responses": 1, "revisions": 2}
    assert [r.name for r in store.list_respondents(actor=admin, workspace_id=place.id)] == ["Bo"]
    with store.read_session() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Response).where(Response.respondent_id == anna.id)
            )
            == 0
        )
        assert session.scalar(select(func.count()).select_from(Revision)) == 1  # Bo's
    last = store.audit_log(actor=admin, limit=1)[0]
    assert (last.action, last.target, last.actor) == ("erase", f"respondent {anna.id}", "anna")
    exported = json.dumps(
        store.export_workspace(actor=admin, workspace_id=place.id), ensure_ascii=False
    )
    assert "Anna Åberg" not in exported and "ändrad" not in exported


@pytest.mark.parametrize("suffix", [".json", ".json.gz"])
def test_export_and_import_into_an_empty_database_round_trip(
    store, admin, tmp_path, sqlite_url, suffix
):
    store.create_workspace(actor=admin, name="Annan kommun")  # ids in the source are not 1
    place, member, anna, bo = _fill(store, admin)
    first = store.export_workspace(actor=member, workspace_id=place.id)
    path = write_backup(first, tmp_path / f"kommun-a{suffix}")
    if suffix.endswith(".gz"):
        assert path.read_bytes()[:2] == b"\x1f\x8b"

    # An empty database of the same kind as the source (SQLite file or PostgreSQL).
    target = _empty_like(store, sqlite_url, tmp_path)
    new_id = target.import_workspace(actor=admin, data=read_backup(path))
    second = target.export_workspace(actor=admin, workspace_id=new_id)

    assert new_id == place.id
    audit_in, audit_out = first.pop("audit"), second.pop("audit")
    assert second == first
    assert audit_out[: len(audit_in)] == audit_in
    assert [e["action"] for e in audit_out[len(audit_in) :]] == ["import"]
    state = target.response_state(
        actor=admin, workspace_id=new_id, respondent_id=anna.id, form_id="tiny"
    )
    assert state.revision == 2 and state.draft == {"a": 1}
    # The database goes on normally after a restore with the original ids.
    more = target.respondent(actor=admin, workspace_id=new_id, name="Cecilia")
    assert more.id > max(r["id"] for r in first["respondents"])
    target.engine.dispose()


def test_import_beside_existing_data_gets_new_ids(store, admin):
    place, member, anna, bo = _fill(store, admin)
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    with pytest.raises(StorageError) as caught:
        store.import_workspace(actor=admin, data=data)
    assert caught.value.code == "STORE_002"
    copy_id = store.import_workspace(actor=admin, data=data, name="Kommun A (kopia)")
    assert copy_id != place.id
    copy = store.export_workspace(actor=admin, workspace_id=copy_id)
    assert [r["name"] for r in copy["respondents"]] == ["Anna Åberg", "Bo"]
    assert [[v["answers"] for v in r["revisions"]] for r in copy["responses"]] == [
        [v["answers"] for v in r["revisions"]] for r in data["responses"]
    ]


def test_export_lists_the_form_versions_used(store, admin):
    place, member, anna, bo = _fill(store, admin)
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    assert [(f["id"], f["versions"]) for f in data["forms"]] == [("tiny", [1])]


def test_bad_backups_are_refused_with_a_code(store, admin, tmp_path):
    for content, code in (
        (b"not json", "STORE_005"),
        (gzip.compress(b"{"), "STORE_005"),
        (b'{"format": "annat"}', "STORE_005"),
        (b'{"format": "stadforstad-workspace", "version": 99}', "STORE_005"),
        # The right format, but nothing in it: refused by the schema, part by part.
        (b'{"format": "stadforstad-workspace", "version": 1}', "BACKUP_001"),
    ):
        path = tmp_path / "fil.json"
        path.write_bytes(content)
        with pytest.raises(StorageError) as caught:
            store.import_workspace(actor=admin, data=read_backup(path))
        assert caught.value.code == code
    with pytest.raises(StorageError) as caught:
        read_backup(tmp_path / "saknas.json")
    assert caught.value.code == "STORE_005"
    assert store.list_workspaces(actor=admin) == []


def test_only_administrators_import(store, admin):
    place, member, anna, bo = _fill(store, admin)
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    with pytest.raises(ForbiddenError) as caught:
        store.import_workspace(actor=member, data=data, name="Ny")
    assert caught.value.code == "AUTH_001"


def test_file_helpers_for_the_command_line(store, admin, tmp_path):
    from stadforstad.storage.backup import export_workspace_file, import_workspace_file

    place, member, anna, bo = _fill(store, admin)
    path = export_workspace_file(
        store, actor=member, workspace_id=place.id, path=tmp_path / "a.json.gz"
    )
    copy_id = import_workspace_file(store, actor=admin, path=path, name="Kopia")
    assert store.get_workspace(actor=admin, workspace_id=copy_id).name == "Kopia"
