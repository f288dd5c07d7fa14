"""``stadforstad score samverkansplan plan.json``: a plan as JSON, its tables as lists of
row objects keyed by column id; the result's hours and costs, and bad cells named by
row and column with a code."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import run  # noqa: F401 (a fixture)
from tests.helpers.plan import (
    PLAN,
)


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_plan_file_gives_hours_costs_and_smart(run, tmp_path: Path) -> None:
    out = run("score", "samverkansplan", str(_write(tmp_path, PLAN)))
    assert out.returncode == 0, out.stderr
    (result,) = json.loads(out.stdout)
    assert result["hours_total"] == 505
    assert [row["hours"] for row in result["budget"]] == [480, 25]
    assert result["cost_per_year"] == [7533, 15066, 1000.5]
    assert result["cost_total"] == 7533 + 15066 + 1000.5
    assert result["hours_per_subgoal"] == {"delmal_1": 480}
    assert result["subgoals"][0]["smart_ok"] is True
    assert {i["code"] for i in result["issues"]} == {"uncovered_area"}


def test_bad_cells_are_named_by_row_and_column_with_a_code(run, tmp_path: Path) -> None:
    bad = json.loads(json.dumps(PLAN))
    bad["budget"][0]["moten"] = "tolv"
    bad["budget"][1]["kostnad_ar_6"] = 5
    bad["aktiviteter"][0]["delmal"] = "delmal_9"
    bad["planens_langd"] = 7
    out = run("score", "samverkansplan", str(_write(tmp_path, bad)))
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "[ANSWER_003] row 1, column budget[rad 1]/moten" in out.stderr
    assert "[ANSWER_005] row 1, column budget[rad 2]/kostnad_ar_6" in out.stderr
    assert "[ANSWER_004] row 1, column aktiviteter[rad 1]/delmal" in out.stderr
    assert "[ANSWER_002] row 1, column planens_langd" in out.stderr
    assert json.loads(out.stdout) == []


def test_explain_says_the_plan_in_words(run, tmp_path: Path) -> None:
    out = run("score", "samverkansplan", str(_write(tmp_path, PLAN)), "--explain")
    assert out.returncode == 0, out.stderr
    assert "SMART" in out.stdout and "505" in out.stdout
    assert "Arbetsområdet Förebyggande arbete har inget delmål." in out.stdout
