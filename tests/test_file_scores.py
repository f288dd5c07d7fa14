"""The vectorised scoring path gives exactly what the row path gives: the same results
and the same problems (codes, rows, columns, words), on random files with bad rows, and
the same refusals of whole files. And ``stadforstad score --format json|jsonl|csv``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stadforstad import errors
from stadforstad.catalog import load_form
from stadforstad.errors import ResponseFileError
from stadforstad.file_scores import score_columns, score_file, score_rows
from stadforstad.score_formats import flatten
from tests.helpers import ROOT

ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
FORM = load_form("redo")
GOOD = [str(v) for v in range(1, 6)]
#: Cells the row path accepts in other spellings, refuses, or reads as empty.
ODD = [" 3", "4 ", "3.0", "", "0", "6", "x", "-1", "2.5", "1e0", "\u00a05", "[1]", "{}", "05"]
NAMES = ["Anna", " Bo ", "", "  ", "[1, 2]", "{x}", "=1+1", "å" * 301, "Örjan Öst"]


def row_cells(draw) -> dict[str, str]:
    bad = draw(st.integers(0, 9)) == 0  # about one row in ten has a cell that is not plain
    cells = {item: draw(st.sampled_from(GOOD)) for item in ITEMS}
    if bad:
        for item in draw(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=3)):
            cells[item] = draw(st.sampled_from(ODD))
    cells["respondent"] = draw(st.sampled_from(NAMES)) if bad else f"p{draw(st.integers(0, 99))}"
    return cells


@st.composite
def files(draw) -> tuple[str, bool]:
    """A redo CSV as text, and whether it is plain (the vectorised path must take it)."""
    columns = ["respondent", *ITEMS]
    if draw(st.booleans()):
        columns = draw(st.permutations(columns))
    if draw(st.integers(0, 9)) == 0:
        columns = [c for c in columns if c != "respondent"]
    separator = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    rows = [row_cells(draw) for _ in range(draw(st.integers(1, 30)))]
    lines = [separator.join(columns)]
    lines += [separator.join(row[c] for c in columns) for row in rows]
    plain = True
    twist = draw(st.integers(0, 11))
    if twist == 0:  # a line of empty fields: skipped, not an error
        lines.insert(draw(st.integers(1, len(lines))), separator * (len(columns) - 1))
    elif twist == 1:  # a ragged row: the row path's refusal
        lines.insert(draw(st.integers(1, len(lines))), separator.join(["1"] * (len(columns) + 1)))
        plain = False
    elif twist == 2:  # quotes: left to the row path
        lines[-1] = separator.join(f'"{c}"' if c else c for c in lines[-1].split(separator))
        plain = False
    elif twist == 3:  # a blank line
        lines.insert(draw(st.integers(1, len(lines))), "")
        plain = False
    elif twist == 4:  # an unknown column
        lines = [lines[0] + separator + "okänd"] + [line + separator + "1" for line in lines[1:]]
        plain = False
    elif twist == 5:  # a required column missing
        lines = [separator.join(line.split(separator)[1:]) for line in lines]
        plain = False
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return text, plain


def outcome(scored):
    records = list(scored.records)
    return records, list(scored.problems)  # every field: code, place and words


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=files())
def test_both_paths_give_the_same_results_and_problems(tmp_path, case):
    text, plain = case
    path = tmp_path / "svar.csv"
    path.write_bytes(text.encode("utf-8"))
    try:
        expected = outcome(score_rows(FORM, path))
    except ResponseFileError as refused:
        with pytest.raises(ResponseFileError) as also:
            outcome(score_file(FORM, path))
        assert also.value.problems == refused.problems
        return
    fast = score_columns(FORM, path)
    if plain:
        assert fast is not None, text  # the case it is for: not left to the row path
    if fast is not None:
        assert outcome(fast) == expected
    assert outcome(score_file(FORM, path)) == expected


def test_bad_rows_keep_their_codes_and_places(tmp_path):
    path = tmp_path / "svar.csv"
    lines = ["respondent;" + ";".join(ITEMS)]
    lines.append("Anna;" + ";".join(["5"] * 7))
    lines.append("Bo;" + ";".join(["6", "x", "", "3.0", " 2 ", "1", "1"]))
    lines.append(";;;;;;;")
    lines.append("Cai;" + ";".join(["1"] * 7))
    path.write_text("\n".join(lines), encoding="utf-8")
    scored = score_columns(FORM, path)
    assert scored is not None and scored.path == "columns"
    records, problems = outcome(scored)
    assert [(r["row"], r["respondent"], r["total"], r["ready"]) for r in records] == [
        (2, "Anna", 35, True),
        (5, "Cai", 7, False),
    ]
    assert [(p.code, p.file_row, p.item) for p in problems] == [
        (errors.ANSWER_OUT_OF_RANGE, 3, "behov"),
        (errors.ANSWER_NOT_A_NUMBER, 3, "politisk_vilja"),
        (errors.ANSWER_REQUIRED, 3, "organisatorisk_vilja"),
    ], problems


def test_other_forms_and_formats_take_the_row_path(tmp_path):
    path = tmp_path / "svar.json"
    path.write_text(json.dumps([dict.fromkeys(ITEMS, 3)]), encoding="utf-8")
    assert score_columns(FORM, path) is None
    assert score_file(FORM, path).path == "rows"
    grid = tmp_path / "grid.csv"
    grid.write_text("generell_1\n3\n", encoding="utf-8")
    assert score_columns(load_form("kartlaggning"), grid) is None


def run_score(path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stadforstad.cli", "score", "redo", str(path), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_score_writes_json_jsonl_and_csv(tmp_path):
    path = tmp_path / "svar.csv"
    lines = ["respondent," + ",".join(ITEMS), "=Anna," + ",".join("5432112")]
    lines.append("Bo," + ",".join(["9"] * 7))
    lines.append("Cai," + ",".join("1111111"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    as_json = run_score(path)
    assert as_json.returncode == 3 and "row 3, column behov" in as_json.stderr
    results = json.loads(as_json.stdout)
    assert [r["row"] for r in results] == [2, 4]

    as_lines = run_score(path, "--format", "jsonl")
    assert as_lines.returncode == 3 and as_lines.stderr == as_json.stderr
    assert [json.loads(line) for line in as_lines.stdout.splitlines()] == results

    as_csv = run_score(path, "--format", "csv")
    assert as_csv.returncode == 3 and as_csv.stderr == as_json.stderr
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(table[0]) == list(flatten(results[0]))
    first = table[0]
    assert first["respondent"] == "'=Anna"  # a formula stays text in a spreadsheet
    assert (first["row"], first["total"], first["ready"]) == ("2", "18", "false")
    assert first["items.behov.value"] == "5" and first["items.hallbarhet.work_on"] == "true"
    assert json.loads(first["to_work_on"]) == ITEMS[3:]
    assert table[1]["ready"] == "false" and table[1]["total"] == "7"
