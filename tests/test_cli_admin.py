"""``stadforstad users | export | import-backup | erase``: the operator's commands."""

from __future__ import annotations

import getpass

import pytest

from stadforstad import authentication
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.accounts import actor_for_user
from tests.helpers.cli import run  # noqa: F401 (a fixture)

PASSWORD = "ett-långt-lösenord"


@pytest.fixture
def url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    monkeypatch.setenv("STADFORSTAD_PASSWORD", PASSWORD)
    return url


@pytest.fixture
def store(url):
    engine = make_engine(url)
    yield Store(engine)
    engine.dispose()


def test_users_create_list_grant_revoke(run, store) -> None:
    out = run("users", "create", "Chefen", "--admin", "--display-name", "Chef Chefsson")
    assert out.returncode == 0, out.stderr
    assert PASSWORD not in out.stdout + out.stderr
    assert authentication.authenticate(store, username="chefen", password=PASSWORD).is_admin
    assert run("workspaces", "create", "Alfastad").returncode == 0
    assert run("users", "create", "medlem").returncode == 0
    out = run("users", "grant", "medlem", "Alfastad", "member")
    assert out.returncode == 0, out.stderr
    listing = run("users", "list").stdout
    assert "chefen\tChef Chefsson\tadmin" in listing
    assert "medlem\tmedlem\t-\tAlfastad:member" in listing
    assert run("users", "revoke", "medlem", "Alfastad").returncode == 0
    assert actor_for_user(store, username="medlem").grants == {}


def test_users_create_asks_for_the_password_without_an_argument(run, store, monkeypatch) -> None:
    monkeypatch.delenv("STADFORSTAD_PASSWORD")
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert run("users", "create", "chefen", "--admin").returncode == 0
    assert authentication.authenticate(store, username="chefen", password=PASSWORD)
    with pytest.raises(SystemExit):  # there is no password option
        from stadforstad.cli import build_parser

        build_parser().parse_args(["users", "create", "x", "--password", "hemligt"])


def test_users_bad_input_is_a_coded_error(run, store) -> None:
    run("users", "create", "chefen", "--admin")
    out = run("users", "grant", "chefen", "Finnsinte", "member")
    assert out.returncode == 2 and "STORE_001" in out.stderr and "Traceback" not in out.stderr
    out = run("users", "create", "chefen")
    assert out.returncode == 2 and "STORE_002" in out.stderr


def test_export_import_backup_and_erase(run, store, tmp_path) -> None:
    admin = Actor.local()
    place = store.create_workspace(actor=admin, name="Alfastad")
    kim = store.respondent(actor=admin, workspace_id=place.id, name="Kim")
    store.respondent(actor=admin, workspace_id=place.id, name="Robin")
    path = tmp_path / "alfastad.json.gz"
    out = run("export", "Alfastad", str(path))
    assert out.returncode == 0, out.stderr and path.exists()
    out = run("import-backup", str(path), "--name", "Alfastad kopia")
    assert out.returncode == 0, out.stderr
    copy = store.find_workspace(actor=admin, name="Alfastad kopia")
    assert sorted(p.name for p in store.list_respondents(actor=admin, workspace_id=copy.id)) == [
        "Kim",
        "Robin",
    ]
    out = run("import-backup", str(path))
    assert out.returncode == 2 and "STORE_002" in out.stderr
    out = run("erase", "Alfastad", "Kim")
    assert out.returncode == 0, out.stderr
    assert [p.name for p in store.list_respondents(actor=admin, workspace_id=place.id)] == ["Robin"]
    assert any(
        e.action == "erase" and e.target == f"respondent {kim.id}"
        for e in store.audit_log(actor=admin)
    )
    out = run("erase", "Alfastad", "Nobody")
    assert out.returncode == 2 and "STORE_001" in out.stderr


def test_erase_a_link_answer_by_its_receipt(run, store) -> None:
    from tests.helpers.backups import _answered

    links, place, created, sent = _answered(store, Actor.local())
    out = run("erase", "Kommun L", sent.receipt, "--receipt")
    assert out.returncode == 0, out.stderr
    assert links.link_answers(actor=Actor.local(), workspace_id=place.id) == []
    out = run("erase", "Kommun L", sent.receipt, "--receipt")
    assert out.returncode == 2 and "STORE_001" in out.stderr
