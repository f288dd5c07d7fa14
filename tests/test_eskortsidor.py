"""Issue 12, eskortsidor: the advertiser kept only as a keyed hash, exports without the
form's answers unless asked for (and audited when asked), and the retention of the
advert rows by ``stadforstad purge``. On a SQLite file and on the real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from stadforstad import cli, errors, keyed
from stadforstad.catalog import load_form
from stadforstad.retention import purge_expired
from stadforstad.settings import get_settings
from stadforstad.storage.sensitive import months_before, purge_eskortsidor
from stadforstad.storage.tables import Response

KEY = "test-key-for-keyed-hashes-0123456789"
NAME = "Sofia Kamelia"
OTHER_INFO = "Annonsen nämner hotell vid stationen"
FORM = load_form("eskortsidor")


@pytest.fixture(autouse=True)
def installation_key(monkeypatch):
    monkeypatch.setenv(keyed.KEY_ENV, KEY)


def advert(day: str, name: str | None = NAME, **extra) -> dict:
    return {
        "datum": day,
        "webbsida": "rosasidan",
        "namn_pa_annonsor": name,
        "nationalitet": "Rumänien",
        **extra,
    }


def everything_stored(store) -> str:
    """Every answer the database holds for the form: submitted versions and drafts."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT r.draft, v.answers FROM responses r "
                "LEFT JOIN revisions v ON v.response_id = r.id WHERE r.form_id = 'eskortsidor'"
            )
        ).all()
    return json.dumps([list(map(str, row)) for row in rows], ensure_ascii=False)


# -- the keyed hash --------------------------------------------------------------------
def test_the_same_name_gives_the_same_code_and_another_key_another() -> None:
    code = keyed.keyed_hash(NAME)
    assert keyed.is_code(code) and NAME not in code
    assert keyed.keyed_hash("  sofia   KAMELIA ") == code
    assert keyed.keyed_hash("Sofia Kamelia 2") != code
    other = keyed.Key(b"another-key-for-keyed-hashes-999", "env")
    assert keyed.keyed_hash(NAME, other) != code


def test_protect_answers_codes_names_once_and_leaves_other_columns() -> None:
    answers = {"annonser": [advert("2025-03-04", annan_information=OTHER_INFO), advert("x", "")]}
    once = keyed.protect_answers(FORM, answers)
    assert once["annonser"][0]["namn_pa_annonsor"] == keyed.keyed_hash(NAME)
    assert once["annonser"][0]["annan_information"] == OTHER_INFO
    assert once["annonser"][1]["namn_pa_annonsor"] is None
    assert keyed.protect_answers(FORM, once) == once  # a code is never coded again
    redo = load_form("redo")
    assert keyed.protect_answers(redo, {"behov": 3}) == {"behov": 3}


def test_without_a_key_one_is_made_in_the_data_folder_and_said(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(keyed.KEY_ENV)
    path = tmp_path / "data" / "hash.key"
    monkeypatch.setenv(keyed.KEY_FILE_ENV, str(path))
    monkeypatch.setattr(keyed, "_made", {})
    made = keyed.installation_key()
    assert made.source == "created" and path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(path) in (keyed.key_notice("sv") or "")
    assert "No key was set" in (keyed.key_notice("en") or "")
    again = keyed.installation_key()
    assert (again.source, again.secret) == ("file", made.secret)


def test_a_short_key_is_refused_with_a_code(monkeypatch) -> None:
    monkeypatch.setenv(keyed.KEY_ENV, "kort")
    with pytest.raises(errors.StadError) as caught:
        keyed.installation_key()
    assert caught.value.code == errors.KEY_TOO_SHORT
    assert caught.value.problems[0].where == keyed.KEY_ENV


# -- stored: never the name --------------------------------------------------------------
def _workspace_with_adverts(store, admin, *, submit: bool = True):
    place = store.create_workspace(actor=admin, name="Kommun E")
    person = store.respondent(actor=admin, workspace_id=place.id, name="Kim")
    rows = [
        advert("2025-03-04", annan_information=OTHER_INFO),
        advert("2025-03-18"),
        advert("2025-04-02", "Någon Annan"),
    ]
    store.save_draft(
        actor=admin,
        workspace_id=place.id,
        respondent_id=person.id,
        form=FORM,
        answers={"annonser": rows},
    )
    if submit:
        store.submit(
            actor=admin,
            workspace_id=place.id,
            respondent_id=person.id,
            form=FORM,
            answers={"annonser": rows},
        )
    return place, person


def test_the_advertisers_name_never_reaches_the_database(store, admin) -> None:
    place, person = _workspace_with_adverts(store, admin, submit=False)
    stored = everything_stored(store)
    assert NAME not in stored and "Någon Annan" not in stored
    assert keyed.keyed_hash(NAME) in stored
    store.submit(
        actor=admin,
        workspace_id=place.id,
        respondent_id=person.id,
        form=FORM,
        answers={"annonser": [advert("2025-05-01")]},
    )
    stored = everything_stored(store)
    assert NAME not in stored and keyed.keyed_hash(NAME) in stored


# -- exports: left out unless asked, and audited --------------------------------------
def test_an_export_holds_no_advertiser_text_and_no_code_unless_asked(store, admin) -> None:
    place, _ = _workspace_with_adverts(store, admin)
    code = keyed.keyed_hash(NAME)

    plain = json.dumps(store.export_workspace(actor=admin, workspace_id=place.id))
    for secret in (NAME, code, OTHER_INFO, "h:"):
        assert secret not in plain
    assert json.loads(plain)["left_out"] == ["eskortsidor"]

    full = store.export_workspace(actor=admin, workspace_id=place.id, include_sensitive=True)
    assert code in json.dumps(full) and NAME not in json.dumps(full, ensure_ascii=False)
    assert full["left_out"] == []
    log = store.audit_log(actor=admin, workspace_id=place.id)
    sensitive = [e for e in log if e.action == "export_sensitive"]
    assert len(sensitive) == 1 and "eskortsidor (1 svar)" in (sensitive[0].detail or "")
    assert any(
        e.action == "export" and "utan känsliga formulär: eskortsidor" in (e.detail or "")
        for e in log
    )
    # A backup without the form's answers reads back: the form is simply not there.
    copy = store.import_workspace(actor=admin, data=json.loads(plain), name="Kommun E (kopia)")
    assert store.form_progress(actor=admin, workspace_id=copy) == {}


def _cli(monkeypatch, capsys, url: str, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        code = cli.main(list(args))
    finally:
        get_settings.cache_clear()
    return code, capsys.readouterr().err


def test_the_command_line_backup_leaves_the_answers_out_unless_asked(
    store, admin, database_url, tmp_path, monkeypatch, capsys
) -> None:
    place, _ = _workspace_with_adverts(store, admin)
    code = keyed.keyed_hash(NAME)
    for include, name in ((False, "plain.json.gz"), (True, "full.json")):
        path = tmp_path / name
        args = ["export", place.name, str(path)] + (["--include-sensitive"] if include else [])
        status, err = _cli(monkeypatch, capsys, database_url, *args)
        assert status == 0, err
        raw = path.read_bytes()
        body = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
        assert NAME not in body  # never: the database holds only its code
        assert (code in body) is include and ("h:" in body) is include
        assert (OTHER_INFO in body) is include
    actions = [e.action for e in store.audit_log(actor=admin, workspace_id=place.id)]
    assert actions.count("export_sensitive") == 1 and actions.count("export") == 2


# -- retention ------------------------------------------------------------------------
def test_months_before_keeps_the_day_or_the_months_last() -> None:
    assert months_before(dt.date(2026, 12, 1), 12) == dt.date(2025, 12, 1)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_purge_deletes_advert_rows_older_than_the_retention(store, admin, monkeypatch) -> None:
    place, person = _workspace_with_adverts(store, admin)
    old = store.respondent(actor=admin, workspace_id=place.id, name="Bo")
    store.submit(
        actor=admin,
        workspace_id=place.id,
        respondent_id=old.id,
        form=FORM,
        answers={"annonser": [advert("2024-01-10")]},
    )
    now = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)  # 12 months back: 2025-03-20
    assert purge_expired(store, now=now, dry_run=True, kinds=["eskortsidor"]) == {
        "eskortsidor": 3  # two of Kim's (04 and 18 March 2025), Bo's one
    }
    assert purge_expired(store, now=now, kinds=["eskortsidor"]) == {"eskortsidor": 3}
    kept = store.submitted(actor=admin, workspace_ids=[place.id], form_id="eskortsidor")
    assert [r.respondent for r in kept] == ["Kim"]  # Bo's response had nothing left
    assert [a["datum"] for a in kept[0].answers["annonser"]] == ["2025-04-02"]
    with store._read() as session:
        assert len(list(session.scalars(select(Response)))) == 1
    assert any(e.action == "purge" for e in store.audit_log(actor=admin))
    # The period is a setting.
    monkeypatch.setenv("STADFORSTAD_ESKORTSIDOR_RETENTION_MONTHS", "6")
    get_settings.cache_clear()
    try:
        with store.write_session() as session:
            later = dt.datetime(2025, 10, 3, tzinfo=dt.UTC)
            assert purge_eskortsidor(session, now=later, dry_run=True) == 1
    finally:
        get_settings.cache_clear()


def test_the_key_file_is_outside_git() -> None:
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text()
    assert "/data/" in ignored.splitlines()
    assert keyed.default_key_file().parent.name == "data"
    assert os.environ[keyed.KEY_ENV] == KEY


def test_purge_codes_names_stored_before_they_were_keyed(store, admin) -> None:
    """Answers saved by an earlier version hold the name as typed: the purge codes it."""
    place, person = _workspace_with_adverts(store, admin)
    from stadforstad.storage.tables import Revision

    with store.write_session() as session:
        for revision in session.scalars(select(Revision)):
            revision.answers = {"annonser": [advert("2026-03-01")]}  # as an old version saved
    assert NAME in everything_stored(store)
    now = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
    purge_expired(store, now=now, dry_run=True, kinds=["eskortsidor"])
    assert NAME in everything_stored(store)  # a dry run changes nothing
    purge_expired(store, now=now, kinds=["eskortsidor"])
    stored = everything_stored(store)
    assert NAME not in stored and keyed.keyed_hash(NAME) in stored
