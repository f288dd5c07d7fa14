"""AppTest for eskortsidor (issue 12): the form page codes the advertiser's name before
anything is saved and shows the summary per search occasion and per month; the group
page shows the same summary; the administration page's export leaves the answers out
unless the box is ticked, and the audit log records an export that holds them."""

from __future__ import annotations

import gzip
import json

import pytest
from sqlalchemy import text

from stadforstad import keyed
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_page,
    texts,
)

KEY = "apptest-key-for-keyed-hashes-0123456789"
NAME = "Sofia Kamelia"
ROWS = [
    {"datum": "2025-03-04", "webbsida": "rosasidan", "namn_pa_annonsor": NAME,
     "nationalitet": "Rumänien"},
    {"datum": "2025-03-18", "webbsida": "xescorts", "namn_pa_annonsor": NAME,
     "nationalitet": "Rumänien"},
    {"datum": "2025-04-02", "webbsida": "rosasidan", "nationalitet": "Nigeria"},
]  # fmt: skip


@pytest.fixture(autouse=True)
def workspace(fresh_database, monkeypatch):
    monkeypatch.setenv(keyed.KEY_ENV, KEY)
    create_workspace()
    return fresh_database


def stored(url: str) -> str:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT draft FROM responses")).all()
        rows += connection.execute(text("SELECT answers FROM revisions")).all()
    engine.dispose()
    return json.dumps([str(r[0]) for r in rows], ensure_ascii=False)


def all_text(at) -> str:
    kinds = ("markdown", "caption", "warning", "info", "success", "text")
    return " ".join(str(e.value) for kind in kinds for e in at.get(kind))


def frames(at) -> list[list[dict]]:
    return [d.value.to_dict("records") for d in at.dataframe if d.editing_mode == "read_only"]


def submit_adverts(name: str = "Kim"):
    at = open_page("form", query={"form": "eskortsidor"})
    add_person(at, name)
    words = all_text(at)
    assert "skriv inget som kan identifiera en person" in words
    assert "sparas bara som en kod" in words
    fill_table(at, ROWS)
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception, at.exception
    assert any("inskickat" in s for s in texts(at.success)), texts(at.error)
    return at


def test_the_form_page_codes_the_name_and_summarises_per_occasion_and_month(workspace):
    at = submit_adverts()
    saved = stored(workspace)
    assert NAME not in saved and keyed.keyed_hash(NAME) in saved
    tables = frames(at)
    occasions = next(t for t in tables if t and "Söktillfälle" in t[0])
    assert [(r["Söktillfälle"], r["Annonser"]) for r in occasions] == [
        ("2025-03-04", 1),
        ("2025-03-18", 1),
        ("2025-04-02", 1),
    ]
    assert occasions[1]["Annonsör sedd tidigare"] == 1
    months = next(t for t in tables if t and "Månad" in t[0])
    assert [(r["Månad"], r["Annonser"], r["Per webbsida"]) for r in months] == [
        ("2025-03", 2, "rosasidan 1, xescorts 1"),
        ("2025-04", 1, "rosasidan 1"),
    ]
    assert NAME not in all_text(at)


def test_the_group_page_shows_the_summary_of_everyones_adverts(workspace):
    submit_adverts("Kim")
    at = open_page("group", state={"group.form": "eskortsidor"})
    assert not at.exception, at.exception
    months = next(t for t in frames(at) if t and "Månad" in t[0])
    assert [r["Annonser"] for r in months] == [2, 1]


def test_the_admin_export_leaves_the_answers_out_unless_ticked(workspace):
    submit_adverts()
    code = keyed.keyed_hash(NAME)
    at = open_page("admin")
    assert not at.exception, at.exception
    box = at.checkbox(key="admin.export_sensitive")
    assert box.value is False
    button(at, "Förbered export").click()
    at.run()
    _, body = at.session_state["admin.export_file"]
    plain = gzip.decompress(body).decode("utf-8")
    assert code not in plain and "h:" not in plain and NAME not in plain
    assert json.loads(plain)["left_out"] == ["eskortsidor"]

    at.checkbox(key="admin.export_sensitive").check()
    at.run()
    button(at, "Förbered export").click()
    at.run()
    _, body = at.session_state["admin.export_file"]
    full = gzip.decompress(body).decode("utf-8")
    assert code in full and NAME not in full
    store = Store(make_engine(workspace))
    actions = [e.action for e in store.audit_log(actor=Actor.local())]
    store.engine.dispose()
    assert actions.count("export_sensitive") == 1
