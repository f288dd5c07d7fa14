"""Invitation links in the workspace export/import, and erasing one answer sent
through a link by its receipt code. SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from stadforstad.errors import ForbiddenError, StorageError
from stadforstad.storage import Actor
from stadforstad.storage.backup import read_backup, write_backup
from stadforstad.storage.links import LinkStore, hash_token, new_token
from tests.helpers.backups import (  # noqa: F401
    _COPIES,
    FORM,
    GOOD,
    _answered,
    _drop_copies,
    _empty_like,
)


def test_export_holds_links_without_the_token_and_round_trips(store, admin, tmp_path, sqlite_url):
    links, place, created, sent = _answered(store, admin)
    first = store.export_workspace(actor=admin, workspace_id=place.id)
    text = json.dumps(first, ensure_ascii=False)
    assert created.token not in text
    assert first["links"][0]["token_hash"] == hash_token(created.token)
    assert [(r["name"], r["contact"], r["receipt"]) for r in first["link_responses"]] == [
        ("Kim Kvist", "kim@example.se", sent.receipt),
        (None, None, None),
    ]

    target = _empty_like(store, sqlite_url, tmp_path)
    new_id = target.import_workspace(
        actor=admin, data=read_backup(write_backup(first, tmp_path / "l.json.gz"))
    )
    second = target.export_workspace(actor=admin, workspace_id=new_id)
    first.pop("audit"), second.pop("audit")
    assert second == first
    # The restored link still opens with its token, and the answer is there.
    restored = LinkStore(target)
    restored.open_link(created.token)
    assert [a.receipt for a in restored.link_answers(actor=admin, workspace_id=new_id)] == [
        sent.receipt
    ]
    target.engine.dispose()


def test_a_copy_beside_the_original_has_dead_links(store, admin):
    links, place, created, sent = _answered(store, admin)
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    copy_id = store.import_workspace(actor=admin, data=data, name="Kommun L (kopia)")
    copy = store.export_workspace(actor=admin, workspace_id=copy_id)
    assert [r["name"] for r in copy["link_responses"]] == ["Kim Kvist", None]
    assert copy["links"][0]["token_hash"] != data["links"][0]["token_hash"]
    _, info = links.open_link(created.token)
    assert info.workspace_id == place.id  # the token still opens the original only


def test_erasing_one_link_answer_by_its_receipt(store, admin):
    links, place, created, sent = _answered(store, admin)
    member = Actor(name="medlem", user_id=99, grants={place.id: "member"})
    reader = Actor(name="läsare", user_id=98, grants={place.id: "coordinator"})
    with pytest.raises(ForbiddenError):
        links.erase_link_response(actor=reader, workspace_id=place.id, receipt=sent.receipt)
    with pytest.raises(StorageError) as caught:
        links.erase_link_response(actor=member, workspace_id=place.id, receipt="XXXX-XXXX")
    assert caught.value.code == "STORE_001"
    answer_id = links.erase_link_response(
        actor=member, workspace_id=place.id, receipt=f" {sent.receipt.lower()} "
    )
    assert links.link_answers(actor=admin, workspace_id=place.id) == []
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    assert "Kim Kvist" not in json.dumps(data, ensure_ascii=False)
    entry = store.audit_log(actor=admin)[1]  # [0] is the export just made
    assert (entry.action, entry.actor) == ("erase", "medlem")
    assert entry.target == f"link {created.info.id} answer {answer_id}"
    assert "Kim" not in (entry.detail or "")


def test_the_links_language_and_late_drafts_round_trip(store, admin, tmp_path, sqlite_url):
    """``lang`` of a link and ``late_at`` of a late draft are in the backup and come back."""
    from stadforstad.storage.links import LinkClosedError

    links = LinkStore(store)
    place = store.create_workspace(actor=admin, name="Kommun E")
    created = links.create_link(actor=admin, workspace_id=place.id, form=FORM, lang="en")
    actor, _ = links.open_link(created.token)
    resume = new_token()
    links.save_draft(actor=actor, resume=resume, form=FORM, answers={"generell_2": 3})
    links.revoke_link(actor=admin, link_id=created.info.id)
    with pytest.raises(LinkClosedError):
        links.save_draft(actor=actor, resume=resume, form=FORM, answers={"generell_2": 4})

    first = store.export_workspace(actor=admin, workspace_id=place.id)
    assert first["links"][0]["lang"] == "en"
    assert first["link_responses"][0]["late_at"] is not None
    assert first["version"] == 3

    target = _empty_like(store, sqlite_url, tmp_path)
    new_id = target.import_workspace(
        actor=admin, data=read_backup(write_backup(first, tmp_path / "e.json.gz"))
    )
    second = target.export_workspace(actor=admin, workspace_id=new_id)
    first.pop("audit"), second.pop("audit")
    assert second == first
    restored = LinkStore(target)
    assert [k.lang for k in restored.list_links(actor=admin, workspace_id=new_id)] == ["en"]
    target.engine.dispose()


def test_a_version_2_backup_without_lang_and_late_at_is_still_read(store, admin):
    links, place, created, sent = _answered(store, admin)
    data = store.export_workspace(actor=admin, workspace_id=place.id)
    data["version"] = 2
    for link in data["links"]:
        del link["lang"]
    for answer in data["link_responses"]:
        del answer["late_at"]
    copy_id = store.import_workspace(actor=admin, data=data, name="Kommun L (v2)")
    copy = store.export_workspace(actor=admin, workspace_id=copy_id)
    assert [k["lang"] for k in copy["links"]] == ["sv"]
    assert [a["late_at"] for a in copy["link_responses"]] == [None, None]
