"""The command line on good and bad files, run as a user runs it: a separate process,
exit status and stderr checked, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers.cli import (  # noqa: F401
    Outcome,
    run,
)

REDO_COLUMNS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]


def test_a_real_process_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("behov\n9\n")
    out = subprocess.run(
        [sys.executable, "-m", "stadforstad.cli", "score", "redo", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode != 0
    assert "row 2, column behov" in out.stderr and "Traceback" not in out.stderr


def test_forms_lists_ids(run) -> None:
    out = run("forms")
    assert out.returncode == 0
    ids = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert ids[:5] == ["engagemang", "riktning", "rekrytering", "staden", "redo"]


def test_describe_prints_items_with_plain_kinds(run) -> None:
    out = run("describe", "redo")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    scales = [i for i in data["items"] if i["kind"] == "scale"]
    assert [i["id"] for i in scales] == REDO_COLUMNS
    assert scales[1]["label"] == "Politisk vilja"
    assert scales[0]["options"] == [1, 2, 3, 4, 5]
    assert scales[0]["min_label"]["sv"] == "inte alls redo"
    rekrytering = json.loads(run("describe", "rekrytering").stdout)
    table = next(i for i in rekrytering["items"] if i["kind"] == "table")
    assert "typer" in [c["id"] for c in table["columns"]]


def test_describe_unknown_form_is_a_clear_error(run) -> None:
    out = run("describe", "nope")
    assert out.returncode != 0
    assert "FORM_001" in out.stderr and "Traceback" not in out.stderr


def _write(tmp_path: Path, rows: list[dict], suffix: str) -> Path:
    path = tmp_path / f"answers{suffix}"
    if suffix == ".csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    elif suffix == ".xlsx":
        pd.DataFrame(rows).to_excel(path, index=False)
    else:
        path.write_text(json.dumps(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_score_redo_file(run, tmp_path: Path, suffix: str) -> None:
    rows = [
        {"respondent": "Anna", **dict.fromkeys(REDO_COLUMNS, 3)},
        {"respondent": "Bo", **dict.fromkeys(REDO_COLUMNS, 1)},
        {"respondent": "Cilla", **dict.fromkeys(REDO_COLUMNS, 5)},
    ]
    out = run("score", "redo", str(_write(tmp_path, rows, suffix)))
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)
    assert [(r["respondent"], r["total"], r["ready"]) for r in results] == [
        ("Anna", 21, True),
        ("Bo", 7, False),
        ("Cilla", 35, True),
    ]
    assert isinstance(results[0]["total"], int) and isinstance(results[0]["ready"], bool)


def test_score_reports_bad_rows_with_row_column_and_reason(run, tmp_path: Path) -> None:
    rows = [
        {"respondent": "Anna", **dict.fromkeys(REDO_COLUMNS, 3)},
        {"respondent": "Bo", **dict.fromkeys(REDO_COLUMNS, 3), "behov": 6},
        {"respondent": "Cilla", **dict.fromkeys(REDO_COLUMNS, 3), "hallbarhet": "mycket"},
    ]
    path = _write(tmp_path, rows, ".csv")
    path.write_text(path.read_text().replace("respondent,", "respondent,", 1))
    out = run("score", "redo", str(path))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "row 3, column behov" in out.stderr and "ANSWER_002" in out.stderr
    assert "row 4, column hallbarhet" in out.stderr and "ANSWER_003" in out.stderr
    assert [r["respondent"] for r in json.loads(out.stdout)] == ["Anna"]


def test_score_unknown_column(run, tmp_path: Path) -> None:
    rows = [{**dict.fromkeys(REDO_COLUMNS, 3), "humor": 5}]
    out = run("score", "redo", str(_write(tmp_path, rows, ".csv")))
    assert out.returncode != 0
    assert "row 2, column humor" in out.stderr and "ANSWER_005" in out.stderr


@pytest.mark.parametrize(
    ("content", "suffix", "code"),
    [
        ("", ".csv", "FILE_004"),
        ("not json", ".json", "FILE_002"),
        ("PK\x03\x04broken", ".xlsx", "FILE_002"),
        ("a,b", ".txt", "FILE_003"),
    ],
)
def test_score_broken_files(run, tmp_path: Path, content: str, suffix: str, code: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_text(content)
    out = run("score", "redo", str(path))
    assert out.returncode != 0
    assert code in out.stderr and "Traceback" not in out.stderr


def test_score_missing_file_and_unscored_form(run, tmp_path: Path) -> None:
    out = run("score", "redo", str(tmp_path / "missing.csv"))
    assert out.returncode != 0 and "FILE_001" in out.stderr
    out = run("score", "staden", str(tmp_path / "missing.csv"))
    assert out.returncode != 0 and "FORM_010" in out.stderr


def test_workspaces_create_and_list(run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert run("workspaces", env_url=url).stdout == ""
    created = run("workspaces", "create", "Landskrona", env_url=url)
    assert created.returncode == 0 and "Landskrona" in created.stdout
    again = run("workspaces", "create", "Landskrona", env_url=url)
    assert again.returncode != 0 and "STORE_002" in again.stderr
    assert "Landskrona" in run("workspaces", env_url=url).stdout


# -- kartlaggning: one actor per row, 12 indicator columns --------------------------------
KARTLAGGNING_CATEGORIES = ["generell", "sexuell", "tiggeri", "arbete", "kriminell", "hushall"]


def _kartlaggning_rows() -> list[dict]:
    full = {
        "respondent": "Anna",
        "aktor": "Hotell Norra",
        "bransch": "hotell",
        **{
            f"{c}_{n}": v
            for c, values in zip(
                KARTLAGGNING_CATEGORIES, [(2, 3), (5, 4), (1, 1), (3, 4), (1, 2), (1, 1)]
            )
            for n, v in zip((1, 2), values)
        },
    }
    # Bo answered one indicator of 'generell' and none of the rest: partial, not zero.
    partial = {
        "respondent": "Bo",
        "aktor": "Taxi Syd",
        "bransch": "Biltvätt i hamnen",
        "generell_1": 4,
    }
    return [full, partial]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_score_kartlaggning_file_gives_category_means(run, tmp_path: Path, suffix: str) -> None:
    out = run("score", "kartlaggning", str(_write(tmp_path, _kartlaggning_rows(), suffix)))
    assert out.returncode == 0, out.stderr
    anna, bo = json.loads(out.stdout)
    assert anna["category_means"] == {
        "generell": 2.5,
        "sexuell": 4.5,
        "tiggeri": 1.0,
        "arbete": 3.5,
        "kriminell": 1.5,
        "hushall": 1.0,
    }
    assert anna["complete"] is True and anna["ranking"][:2] == ["sexuell", "arbete"]
    assert (anna["respondent"], anna["actor"], anna["industry"]) == (
        "Anna",
        "Hotell Norra",
        "hotell",
    )
    assert bo["category_means"] == {"generell": 4.0, **dict.fromkeys(KARTLAGGNING_CATEGORIES[1:])}
    assert bo["partial_categories"] == ["generell"] and bo["industry"] == "Biltvätt i hamnen"
    first_row = 1 if suffix == ".json" else 2
    assert [anna["row"], bo["row"]] == [first_row, first_row + 1]


def test_score_kartlaggning_bad_file_names_row_column_and_code(run, tmp_path: Path) -> None:
    good, _ = _kartlaggning_rows()
    rows = [
        good,
        {**good, "respondent": "Bo", "aktor": ""},  # required actor
        {**good, "respondent": "Cilla", "generell_1": 6},  # outside 1–5
        {**good, "respondent": "Dan", "sexuell_2": "ofta"},  # not a number
    ]
    path = _write(tmp_path, rows, ".csv")
    out = run("score", "kartlaggning", str(path))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "[ANSWER_001] row 3, column aktor" in out.stderr
    assert "[ANSWER_002] row 4, column generell_1" in out.stderr
    assert "[ANSWER_003] row 5, column sexuell_2" in out.stderr
    assert [r["respondent"] for r in json.loads(out.stdout)] == ["Anna"]
    assert "category_means" in json.loads(out.stdout)[0]


def test_score_kartlaggning_unknown_indicator_column(run, tmp_path: Path) -> None:
    good, _ = _kartlaggning_rows()
    out = run("score", "kartlaggning", str(_write(tmp_path, [{**good, "generell_3": 2}], ".csv")))
    assert out.returncode != 0
    assert "row 2, column generell_3" in out.stderr and "ANSWER_005" in out.stderr


def test_python_dash_m_stadforstad_is_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stadforstad", "forms"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("engagemang\t")
