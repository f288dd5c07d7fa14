"""``import-backup`` on damaged files: the whole file is checked against the backup's
schema before anything is stored, gzip is unpacked only so far, a second copy sits
beside the original, and every refusal is coded – on SQLite and PostgreSQL. Ends with
a fuzz test (hypothesis) of generated malformed backups: a coded error or a copy that
the comparison and the compilation can read, never a traceback, and nothing stored
from a refused file."""

from __future__ import annotations

import copy
import gzip
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stadforstad import cli, compare, errors, limits
from stadforstad.catalog import load_form
from stadforstad.cli import backup as cli_backup
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.compilation import compile_answers
from stadforstad.errors import StorageError
from stadforstad.storage import Actor, Store
from stadforstad.storage.backup import import_workspace_file, write_backup
from stadforstad.storage.links import Identity, InvitationLink, LinkResponse, LinkStore, new_token
from stadforstad.storage.tables import AuditEntry, Respondent, Response, Revision, Workspace

CODED = re.compile(r"\[[A-Z]+_\d{3}\]")
REDO = {
    "behov": 4,
    "politisk_vilja": 3,
    "organisatorisk_vilja": 3,
    "deltagarnas_vilja": 4,
    "perioden": 2,
    "tid_resurser": 3,
    "hallbarhet": 4,
}


def fill(store: Store) -> dict:
    """A workspace with core-group answers to ``redo`` (two revisions and a draft) and
    two answers to ``kartlaggning`` through a named link; its export."""
    admin = Actor.local()
    place = store.create_workspace(actor=admin, name="Källby")
    anna = store.respondent(actor=admin, workspace_id=place.id, name="Anna")
    form = load_form("redo")
    store.submit(actor=admin, workspace_id=place.id, respondent_id=anna.id, form=form, answers=REDO)
    store.submit(
        actor=admin,
        workspace_id=place.id,
        respondent_id=anna.id,
        form=form,
        answers=REDO | {"behov": 5},
    )
    bo = store.respondent(actor=admin, workspace_id=place.id, name="Bo")
    store.save_draft(
        actor=admin, workspace_id=place.id, respondent_id=bo.id, form=form, answers={"behov": 2}
    )
    links = LinkStore(store)
    grid = load_form("kartlaggning")
    created = links.create_link(
        actor=admin, workspace_id=place.id, form=grid, label="Hotell", ask_identity=True
    )
    respondent, _ = links.open_link(created.token)
    scale = next(i.id for i in grid.answerable() if i.kind == "scale")
    required = {i.id: "x" for i in grid.answerable() if i.required and i.kind == "text"}
    for n in range(2):
        links.submit(
            actor=respondent,
            resume=new_token(),
            submission_key=f"k{n}",
            form=grid,
            answers={scale: 3, **required},
            identity=Identity(industry="Hotell", name=f"Kim {n}", contact="kim@example.se"),
        )
    return store.export_workspace(actor=admin, workspace_id=place.id)


def counts(store: Store) -> tuple[int, ...]:
    tables = (Workspace, Respondent, Response, Revision, InvitationLink, LinkResponse, AuditEntry)
    with store.read_session() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in tables)


def import_file(store: Store, path, name: str | None = None):
    return import_workspace_file(store, actor=Actor.local(), path=path, name=name)


def readable(store: Store, workspace_id: int) -> None:
    """What crashed on main after a damaged import: the comparison and the compilation."""
    admin = Actor.local()
    for form_id in ("redo", "progress", "kartlaggning", "utvecklingsnivaer", "samverkansnivaer"):
        compare.frame_for(store, actor=admin, form_id=form_id)
    compare.change(store, actor=admin)
    answers = LinkStore(store).link_answers(actor=admin, workspace_id=workspace_id)
    compile_answers(load_form("kartlaggning"), answers, min_group=0)


# -- the schema refuses what crashed later ---------------------------------------------
def _set(document: dict, path: tuple, value) -> dict:
    changed = copy.deepcopy(document)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "code", "where"),
    [
        (("responses", 0, "revisions", 0, "answers", "behov"), "mycket", "BACKUP_003", "behov"),
        (("responses", 0, "revisions", 0, "answers"), [1, 2], "BACKUP_001", "answers"),
        (("responses", 0, "respondent_id"), 999, "BACKUP_001", "respondent_id"),
        (("responses", 0, "revision"), 7, "BACKUP_001", "revision"),
        (("responses", 0, "round"), 2**40, "BACKUP_001", "round"),
        (("respondents", 0, "name"), "x" * 300, "BACKUP_001", "name"),
        (("respondents", 1, "id"), 1, "BACKUP_001", "respondents/id"),
        (("link_responses", 0, "link_id"), 42, "BACKUP_001", "link_id"),
        (("links", 0, "token_hash"), "nej", "BACKUP_001", "token_hash"),
        (("workspace", "created_at"), "igår", "BACKUP_001", "created_at"),
        (("audit",), None, "BACKUP_001", "audit"),
    ],
    ids=[
        "answer-of-wrong-kind",
        "answers-not-an-object",
        "unknown-respondent",
        "revision-out-of-step",
        "huge-round",
        "long-name",
        "duplicate-id",
        "unknown-link",
        "bad-hash",
        "bad-time",
        "missing-part",
    ],
)
def test_a_damaged_backup_is_refused_whole_with_where(store, tmp_path, path, value, code, where):
    document = fill(store)
    before = counts(store)
    file = write_backup(_set(document, path, value), tmp_path / "skadad.json")
    with pytest.raises(StorageError) as caught:
        import_file(store, file, name="Kopia")
    assert code in caught.value.codes
    assert any(where in errors.place_text(p) for p in caught.value.problems)
    assert caught.value.file == str(file)
    assert counts(store) == before


@pytest.mark.parametrize(
    ("where", "raw"),
    [
        ("answer", "NaN"),
        ("answer", "1e400"),
        ("answer", "9" * 5000),
        ("answer", "[" * 100_000 + "]" * 100_000),
        ("name", '"Kim\\u0000"'),
        ("name", '"Kim \\ud800"'),
    ],
    ids=["nan", "infinity", "huge-integer", "deep-nesting", "nul", "lone-surrogate"],
)
def test_json_neither_database_can_hold_is_refused(store, tmp_path, where, raw):
    """A whole, valid export with one value JSON allows but the databases do not."""
    document = fill(store)
    if where == "answer":
        document["responses"][0]["revisions"][0]["answers"]["behov"] = "PLATS"
    else:
        document["respondents"][0]["name"] = "PLATS"
    path = tmp_path / "b.json"
    path.write_text(json.dumps(document).replace('"PLATS"', raw))
    before = counts(store)
    with pytest.raises(StorageError) as caught:
        import_file(store, path, name="Kopia")
    assert caught.value.code in {"STORE_005", "BACKUP_001"}
    assert counts(store) == before


def test_decompression_is_bounded(store, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "BACKUP_UNPACKED_BYTES", 4 * limits.MIB)
    path = tmp_path / "bomb.json.gz"
    path.write_bytes(gzip.compress(b" " * (64 * limits.MIB), compresslevel=9))
    assert path.stat().st_size < limits.MIB  # small on disk, large unpacked
    with pytest.raises(StorageError) as caught:
        import_file(store, path)
    assert caught.value.code == "BACKUP_002"


def test_a_file_larger_than_the_limit_is_refused_before_reading(store, tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "BACKUP_FILE_BYTES", 100)
    path = tmp_path / "stor.json"
    path.write_text(json.dumps({"format": "stadforstad-workspace", "pad": "x" * 200}))
    with pytest.raises(StorageError) as caught:
        import_file(store, path)
    assert caught.value.code == "BACKUP_002"


def test_second_and_third_copies_sit_beside_the_original(store, tmp_path):
    document = fill(store)
    path = write_backup(document, tmp_path / "k.json.gz")
    with pytest.raises(StorageError) as caught:
        import_file(store, path)
    assert caught.value.code == "STORE_002"
    with pytest.raises(StorageError) as caught:
        import_file(store, path, name="KÄLLBY")  # the same name in other case
    assert caught.value.code == "STORE_002"
    first = import_file(store, path, name="Källby kopia 1")
    second = import_file(store, path, name="Källby kopia 2")
    assert len({first, second, document["workspace"]["id"]}) == 3
    for workspace_id in (first, second):
        answers = LinkStore(store).link_answers(actor=Actor.local(), workspace_id=workspace_id)
        assert sorted(a.name for a in answers) == ["Kim 0", "Kim 1"]
        readable(store, workspace_id)


def test_the_command_line_prints_codes_and_where(store, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli_backup, "open_store", lambda: store)
    document = fill(store)
    bad = _set(document, ("responses", 0, "revisions", 0, "answers", "behov"), 9)
    path = write_backup(bad, tmp_path / "b.json")
    assert cli.main(["import-backup", str(path), "--name", "Kopia"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "[BACKUP_003] responses[0]/revisions[0]/answers/behov" in err
    assert str(path) in err and "Traceback" not in err


# -- fuzz ----------------------------------------------------------------------------------
SPECIAL = st.sampled_from(
    [None, True, 0, -1, 2**31, 2**63, 10**40, 1.5, "", "x" * 300, "\x00", "2025-13-40", [], {}]
)
VALUE = st.recursive(
    SPECIAL | st.integers() | st.text(max_size=12) | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(node, prefix=()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


@st.composite
def damaged(draw, document: dict) -> bytes:
    changed = copy.deepcopy(document)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(paths(changed) or [("workspace",)]))
        parent = changed
        for step in path[:-1]:
            parent = parent[step]
        how = draw(st.sampled_from(["value", "delete", "extra", "duplicate"]))
        if how == "value":
            parent[path[-1]] = draw(VALUE)
        elif how == "delete" and isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif how == "extra" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(VALUE)
        elif how == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    raw = json.dumps(changed, ensure_ascii=draw(st.booleans())).encode()
    if draw(st.booleans()):
        raw = gzip.compress(raw)
    if draw(st.integers(min_value=0, max_value=5)) == 0:  # bytes cut or changed
        cut = draw(st.integers(min_value=0, max_value=len(raw)))
        raw = raw[:cut] + draw(st.binary(max_size=6)) + raw[cut + 6 :]
    return raw


@pytest.fixture
def exported(store):
    return fill(store)


@settings(
    max_examples=70,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzz_import_backup_never_traces_back(store, exported, tmp_path, capsys, monkeypatch, data):
    monkeypatch.setattr(cli_backup, "open_store", lambda: store)
    raw = data.draw(damaged(exported))
    path = tmp_path / "fuzz.json.gz"
    path.write_bytes(raw)
    name = data.draw(st.sampled_from([None, "Kopia", "kopia", "  Kopia  2 ", "x" * 250]))
    before = counts(store)
    capsys.readouterr()
    code = cli.main(["import-backup", str(path), *(["--name", name] if name else [])])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 0:
        ids = [w.id for w in store.list_workspaces(actor=Actor.local())]
        readable(store, max(ids))  # an accepted copy never crashes the comparison
        store.delete_workspace(actor=Actor.local(), workspace_id=max(ids))
    else:
        assert code == EXIT_BAD_INPUT
        lines = [line for line in err.split("\n") if line.strip()]
        assert all(line.isprintable() for line in lines), err  # no control characters
        assert lines and all(CODED.search(line) for line in lines), err
        assert counts(store) == before  # nothing stored from a refused file


# -- the database itself refuses ----------------------------------------------------------
REFUSE_REVISIONS = {
    "sqlite": [
        "CREATE TRIGGER refuse_revisions BEFORE INSERT ON revisions "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
        "CREATE TRIGGER refuse_revisions BEFORE INSERT ON revisions "
        "FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


def test_a_backup_the_database_refuses_stores_nothing(store, tmp_path):
    """A backup the schema lets through but the database refuses (here a trigger on
    revisions) is BACKUP_004, rolled back whole: not a traceback, not half a workspace."""
    file = write_backup(fill(store), tmp_path / "kopia.json")
    with store.engine.begin() as connection:
        for statement in REFUSE_REVISIONS[store.engine.dialect.name]:
            connection.exec_driver_sql(statement)
    before = counts(store)
    with pytest.raises(StorageError) as caught:
        import_file(store, file, name="Kopia")
    assert caught.value.codes == [errors.BACKUP_NOT_STORED]
    assert counts(store) == before
