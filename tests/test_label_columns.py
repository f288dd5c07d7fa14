"""``stadforstad import … --columns by-label``: a generic survey tool's export (headers
are the question texts, answers the option labels) stored on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from stadforstad import cli
from stadforstad.catalog import load_form
from stadforstad.cli.shell import EXIT_BAD_ROWS
from stadforstad.label_columns import normalize, translate_value
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine

# Microsoft Forms' own columns, in its order, before the questions.
MS_FORMS_HEAD = ["ID", "Start time", "Completion time", "Email", "Name"]
KARTLAGGNING_QUESTIONS = [
    "Aktör/organisation",
    # The survey's author retyped the labels: case, spacing and punctuation differ.
    "bransch / kontaktyta",
    "Vi träffar på personer som upplevs begränsade/kontrollerade av andra",
    "VI TRÄFFAR PÅ PERSONER SOM VERKAR RÄDDA, DESORIENTERADE OCH/ELLER SÅRBARA.",
    # One in English: the survey was sent to an English-speaking hotel chain too.
    "We meet people we suspect buy sexual services.",
    "Övriga anteckningar",
]
KARTLAGGNING_ROWS = [
    ["Hotell Skåne AB", "Hotell", "mycket ofta", 3, "2", "Nattportier ser mycket."],
    ["Taxi Syd", "Taxi", "aldrig", "4", "never", None],
    # An answer outside the list ("Other" in Microsoft Forms exports the typed text).
    ["Nattklubben", "Nattklubbar", "5 – mycket ofta", "1", "3", None],
]


def write_ms_forms_export(path: Path, questions: list[str], answers: list[list]) -> Path:
    """An .xlsx as Microsoft Forms writes it: one sheet, its own columns first, times as
    Excel dates, respondents anonymous."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(MS_FORMS_HEAD + questions)
    start = dt.datetime(2025, 3, 4, 9, 15)
    for number, row in enumerate(answers, start=1):
        begun = start + dt.timedelta(hours=number)
        sheet.append([number, begun, begun + dt.timedelta(minutes=6), "anonymous", None, *row])
    workbook.save(path)
    return path


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'labels.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(make_engine(url))
    store.create_workspace(actor=Actor.local(), name="Alby")
    yield store
    get_settings.cache_clear()
    store.engine.dispose()


def stored(store: Store, form_id: str) -> list:
    return store.submitted(actor=Actor.local(), workspace_ids=[1], form_id=form_id)


def test_a_microsoft_forms_export_is_imported_by_its_question_texts(
    database, tmp_path, capsys
) -> None:
    path = write_ms_forms_export(
        tmp_path / "Kartläggning(1-3).xlsx", KARTLAGGNING_QUESTIONS, KARTLAGGNING_ROWS
    )
    code = cli.main(["import", "Alby", "kartlaggning", str(path), "--columns", "by-label"])
    out = capsys.readouterr()
    assert code == 0, out.err
    # The mapping is printed, and before the line saying what was stored.
    mapping = out.out.index("Columns → items of kartlaggning")
    assert mapping < out.out.index("3 responses to kartlaggning stored")
    for header, target in [
        ("'ID'", "respondent"),
        ("'Email'", "-"),
        ("'Name'", "-"),
        ("'Start time'", "-"),
        ("'bransch / kontaktyta'", "bransch"),
        ("'We meet people we suspect buy sexual services.'", "sexuell_2"),
        ("'Övriga anteckningar'", "anteckningar"),
    ]:
        line = next(line for line in out.out.splitlines() if f"← {header}" in line)
        assert line.split("←")[0].strip() == target, line

    rows = {row.respondent: row.answers for row in stored(database, "kartlaggning")}
    assert rows == {
        "1": {
            "aktor": "Hotell Skåne AB",
            "bransch": "hotell",
            "generell_1": 5,
            "generell_2": 3,
            "sexuell_2": 2,
            "anteckningar": "Nattportier ser mycket.",
        },
        "2": {
            "aktor": "Taxi Syd",
            "bransch": "taxi",
            "generell_1": 1,
            "generell_2": 4,
            "sexuell_2": 1,
        },
        "3": {
            "aktor": "Nattklubben",
            "bransch": "Nattklubbar",
            "generell_1": 5,
            "generell_2": 1,
            "sexuell_2": 3,
        },
    }
    # The tool's columns are left out: no e-mail address, no time, stored anywhere.
    assert "anonymous" not in repr(rows) and "2025" not in repr(rows)


def test_several_choices_separated_by_semicolons(database, tmp_path, capsys) -> None:
    # An English survey; one option's label holds a ";" of its own and stays whole.
    path = write_ms_forms_export(
        tmp_path / "plan.xlsx",
        [
            "As a core group you prepare by considering the following",
            "3. Sketch a draft of a vision. Listen to each other and try to find a way of "
            "putting it that appeals to everyone in the group.",
        ],
        [
            [
                "Time: Set aside plenty of time, the equivalent of 1–2 working days.;"
                "Collaboration: Make it possible for every voice to be heard; this creates "
                "ownership of the process and of the issue.;",
                "En trygg stad för alla.",
            ]
        ],
    )
    code = cli.main(["import", "Alby", "samverkansplan", str(path), "--columns", "by-label"])
    assert code == 0, capsys.readouterr().err
    [row] = stored(database, "samverkansplan")
    assert row.answers == {
        "forberedelser": ["tid", "samverkan"],
        "vision": "En trygg stad för alla.",
    }


def _refused(capsys, database, path, form_id, *extra: str) -> str:
    code = cli.main(["import", "Alby", form_id, str(path), "--columns", "by-label", *extra])
    out = capsys.readouterr()
    assert code == EXIT_BAD_ROWS
    assert "Nothing was stored" in out.err
    assert stored(database, form_id) == []
    # The mapping is shown beside the problems, so one sees what was recognised.
    assert f"Columns → items of {form_id}" in out.out
    return out.err


def test_an_ambiguous_header_is_refused_naming_the_column(database, tmp_path, capsys) -> None:
    # Microsoft Forms copies of "Är ni redo?": every statement is followed by the same
    # question "Kommentarer", which fits the comment of each of them.
    redo = load_form("redo")
    questions = [item.label.sv for item in redo.answerable()] + ["Kommentarer"]
    answers = [[3] * len(redo.answerable()) + ["Vi behöver mer tid."]]
    path = write_ms_forms_export(tmp_path / "redo.xlsx", questions, answers)
    err = _refused(capsys, database, path, "redo")
    line = next(line for line in err.splitlines() if "COLUMN_001" in line)
    assert "[COLUMN_001] column 'Kommentarer'" in line
    assert "behov_comment" in line and "hallbarhet_comment" in line


def test_a_required_question_without_a_column_is_refused(database, tmp_path, capsys) -> None:
    path = write_ms_forms_export(
        tmp_path / "svar.xlsx", KARTLAGGNING_QUESTIONS[1:], [r[1:] for r in KARTLAGGNING_ROWS]
    )
    err = _refused(capsys, database, path, "kartlaggning")
    assert "[COLUMN_002] item aktor" in err and "Aktör/organisation" in err


def test_two_columns_for_one_question_and_an_unknown_column(database, tmp_path, capsys) -> None:
    questions = [*KARTLAGGNING_QUESTIONS[:2], "Bransch/kontaktyta", "Vi träffar på personer"]
    path = write_ms_forms_export(tmp_path / "svar.xlsx", questions, [["A", "Taxi", "Hotell", 3]])
    err = _refused(capsys, database, path, "kartlaggning")
    assert "[COLUMN_004] column 'Bransch/kontaktyta'" in err
    # Only the start of several questions: not guessed at, the closest one suggested.
    assert "[COLUMN_003] column 'Vi träffar på personer'" in err


def test_a_respondent_column_that_is_not_there(database, tmp_path, capsys) -> None:
    path = write_ms_forms_export(tmp_path / "svar.xlsx", KARTLAGGNING_QUESTIONS, KARTLAGGNING_ROWS)
    err = _refused(capsys, database, path, "kartlaggning", "--respondent-column", "Kod")
    assert "[COLUMN_005] column 'Kod'" in err


def test_a_respondent_column_by_choice(database, tmp_path, capsys) -> None:
    questions = ["Kod", *KARTLAGGNING_QUESTIONS[:2]]
    answers = [["H-1", "Hotell Skåne AB", "Hotell"], ["T-7", "Taxi Syd", "Taxi"]]
    path = write_ms_forms_export(tmp_path / "svar.xlsx", questions, answers)
    code = cli.main(
        [
            "import",
            "Alby",
            "kartlaggning",
            str(path),
            "--columns",
            "by-label",
            "--respondent-column",
            "kod",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert [r.respondent for r in stored(database, "kartlaggning")] == ["H-1", "T-7"]


def test_a_google_forms_csv_needs_a_column_for_the_respondent(database, tmp_path, capsys):
    # Google Forms has no response number: its CSV starts with Tidstämpel (Timestamp).
    lines = [
        '"Tidstämpel","Aktör/organisation","Bransch/kontaktyta"',
        '"2025/03/04 10:15:00 CET","Hotell Skåne AB","Hotell"',
    ]
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _refused(capsys, database, path, "kartlaggning")
    assert "[COLUMN_005] column 'respondent'" in err
    # With a code per row it goes in; the time is left out.
    lines = ['"Kod",' + lines[0], '"H-1",' + lines[1]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = cli.main(
        ["import", "Alby", "kartlaggning", str(path), "--columns", "by-label",
         "--respondent-column", "Kod"]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    [row] = stored(database, "kartlaggning")
    assert (row.respondent, row.answers) == (
        "H-1",
        {"aktor": "Hotell Skåne AB", "bransch": "hotell"},
    )


def test_an_unknown_option_label_names_its_row_and_column(database, tmp_path, capsys) -> None:
    path = write_ms_forms_export(
        tmp_path / "svar.xlsx",
        KARTLAGGNING_QUESTIONS[:3],
        [["A", "Taxi", "ibland"]],
    )
    code = cli.main(["import", "Alby", "kartlaggning", str(path), "--columns", "by-label"])
    assert code == EXIT_BAD_ROWS
    assert "row 2, column generell_1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Politisk vilja?", "politisk vilja"),
        ("politisk_vilja", "politisk vilja"),
        ("  POLITISK \n VILJA ", "politisk vilja"),
        ("Aktör/organisation", "aktör organisation"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_values_by_label_in_either_language() -> None:
    form = load_form("utvecklingsnivaer")
    level = form.item("niva_idag")
    first = level.levels[0]
    assert translate_value(level, first.label.sv.upper()) == first.value
    assert translate_value(level, f"{first.value} - {first.label.sv}") == first.value
    yes_no = load_form("engagemang").item("svart")
    assert translate_value(yes_no, "Yes") is True and translate_value(yes_no, "nej") is False
    # Not a label: left for the answer check to report.
    assert translate_value(yes_no, "kanske") == "kanske"
