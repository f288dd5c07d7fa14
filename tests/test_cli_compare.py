"""``stadforstad import``, ``compare`` and ``demo`` on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from stadforstad import cli
from stadforstad.cli.shell import EXIT_BAD_INPUT, EXIT_BAD_ROWS
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine

ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
HEADER = "respondent," + ",".join(ITEMS)


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(make_engine(url))
    store.create_workspace(actor=Actor.local(), name="Alby")
    yield store
    get_settings.cache_clear()
    store.engine.dispose()


def write(tmp_path, name: str, lines: list[str]):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored(store: Store) -> int:
    workspace = store.find_workspace(actor=Actor.local(), name="Alby")
    return len(store.submitted(actor=Actor.local(), workspace_ids=[workspace.id]))


def test_import_stores_one_response_per_row(database, tmp_path, capsys):
    path = write(
        tmp_path, "redo.csv", [HEADER, "Ada,3,3,3,3,3,3,3", "Bo,2,2,2,2,2,2,2", "Cia,5,5,5,5,5,5,5"]
    )
    assert cli.main(["import", "Alby", "redo", str(path), "--round", "2"]) == 0
    assert "3 responses" in capsys.readouterr().out
    rows = database.submitted(actor=Actor.local(), workspace_ids=[1])
    assert [(r.respondent, r.round, r.answers["behov"]) for r in rows] == [
        ("Ada", 2, 3),
        ("Bo", 2, 2),
        ("Cia", 2, 5),
    ]


def test_import_of_a_group_form_stores_the_groups_one_answer(database, tmp_path, capsys):
    """The group's SWOT typed in a file: one row, no name needed, and no participant made."""
    path = tmp_path / "swot.json"
    path.write_text(json.dumps([{"styrkor": [{"punkt": "Engagerade"}]}]), encoding="utf-8")
    assert cli.main(["import", "Alby", "swot", str(path)]) == 0
    assert "1 responses" in capsys.readouterr().out
    rows = database.submitted(actor=Actor.local(), workspace_ids=[1])
    assert [(r.form_id, r.answers) for r in rows] == [
        ("swot", {"styrkor": [{"punkt": "Engagerade"}]})
    ]
    assert database.list_respondents(actor=Actor.local(), workspace_id=1) == []

    two = tmp_path / "swot2.json"
    two.write_text(json.dumps([{"styrkor": [{"punkt": "A"}]}] * 2), encoding="utf-8")
    assert cli.main(["import", "Alby", "swot", str(two)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "STORE_004" in err and "en rad, den har 2" in err and "Traceback" not in err
    assert stored(database) == 1


def test_import_xlsx(database, tmp_path):
    import pandas as pd

    path = tmp_path / "redo.xlsx"
    pd.DataFrame([{"respondent": "Ada", **dict.fromkeys(ITEMS, 4)}]).to_excel(path, index=False)
    assert cli.main(["import", "1", "redo", str(path)]) == 0
    assert stored(database) == 1


@pytest.mark.parametrize(
    ("lines", "where", "code"),
    [
        (
            ["Ada,3,3,3,3,3,3,3", "Bo,2,2,9,2,2,2,2"],
            "row 3, column organisatorisk_vilja",
            "ANSWER_002",
        ),
        (["Ada,3,3,3,3,3,3,3", ",2,2,2,2,2,2,2"], "row 3, column respondent", "ANSWER_001"),
        (["Ada,3,3,3,3,3,3,3", "Ada,2,2,2,2,2,2,2"], "row 3, column respondent", "STORE_002"),
        (["Ada,3,3,3,3,3,3,x"], "row 2, column hallbarhet", "ANSWER_003"),
    ],
    ids=["out-of-range", "no-respondent", "same-respondent-twice", "not-a-number"],
)
def test_a_bad_row_refuses_the_whole_file(database, tmp_path, capsys, lines, where, code):
    path = write(tmp_path, "bad.csv", [HEADER, *lines])
    assert cli.main(["import", "Alby", "redo", str(path)]) == EXIT_BAD_ROWS
    err = capsys.readouterr().err
    assert f"[{code}] {where}" in err and "Nothing was stored" in err
    assert stored(database) == 0


def test_import_unknown_column_and_unknown_workspace(database, tmp_path, capsys):
    path = write(tmp_path, "bad.csv", [HEADER + ",extra", "Ada,3,3,3,3,3,3,3,1"])
    assert cli.main(["import", "Alby", "redo", str(path)]) == EXIT_BAD_ROWS
    assert "[ANSWER_005] row 2, column extra" in capsys.readouterr().err
    good = write(tmp_path, "good.csv", [HEADER, "Ada,3,3,3,3,3,3,3"])
    assert cli.main(["import", "Ingenstans", "redo", str(good)]) == EXIT_BAD_INPUT
    assert "STORE_001" in capsys.readouterr().err
    assert stored(database) == 0


def test_compare_prints_the_readiness_frame(database, tmp_path, capsys):
    path = write(
        tmp_path, "redo.csv", [HEADER, "Ada,3,3,3,3,3,3,3", "Bo,2,2,2,2,2,2,2", "Cia,5,5,5,5,5,5,5"]
    )
    assert cli.main(["import", "Alby", "redo", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["compare", "redo", "--json"]) == 0
    (alby,) = json.loads(capsys.readouterr().out)
    assert (alby["workspace"], alby["respondents"], alby["median_total"], alby["ready_count"]) == (
        "Alby",
        3,
        21.0,
        2,
    )
    assert alby["mean_behov"] == pytest.approx(3.33)
    assert all(f"mean_{item}" in alby for item in ITEMS)
    assert cli.main(["compare", "redo", "--round", "2"]) == 0
    text = capsys.readouterr().out
    assert "median_total" in text and "inga svar" in text


def test_compare_labels_in_english(database, capsys):
    """``--lang en``: the labels are the forms' English texts, the notes English."""
    from stadforstad.compare import step_forms

    assert cli.main(["compare", "redo", "--lang", "en", "--json"]) == 0
    (alby,) = json.loads(capsys.readouterr().out)
    assert alby["note"] == "no responses"
    assert cli.main(["compare", "progress", "--lang", "en", "--json"]) == 0
    titles = [r["form_title"] for r in json.loads(capsys.readouterr().out)]
    assert titles == [f.title.get("en") for f in step_forms()]
    assert "Commitment" in titles and "Engagemang" not in titles
    assert cli.main(["compare", "progress", "--json"]) == 0
    assert "Engagemang" in [r["form_title"] for r in json.loads(capsys.readouterr().out)]


def test_compare_progress_and_a_form_without_scoring(database, capsys):
    assert cli.main(["compare", "progress", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and not any(r["completed"] for r in rows)
    assert cli.main(["compare", "staden"]) == EXIT_BAD_INPUT
    assert "FORM_010" in capsys.readouterr().err


def test_demo_and_its_removal(database, capsys):
    assert cli.main(["demo"]) == 0
    names = [w.name for w in database.list_workspaces(actor=Actor.local())]
    assert len(names) == 11 and sum(n.startswith("Demo: ") for n in names) == 10
    capsys.readouterr()
    assert cli.main(["compare", "redo", "--json"]) == 0
    demo_rows = [r for r in json.loads(capsys.readouterr().out) if r["respondents"]]
    assert len(demo_rows) == 10 and len({r["median_total"] for r in demo_rows}) > 3
    assert cli.main(["demo", "--remove"]) == 0
    assert [w.name for w in database.list_workspaces(actor=Actor.local())] == ["Alby"]
