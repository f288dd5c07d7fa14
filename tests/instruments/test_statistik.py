"""Statistik: the plan's yearly targets against the outcome, the blocks, the chart, and
``stadforstad score statistik`` on JSON with tables. (Series, totals and changes are
golden cases in ``tests/cases/statistik.yaml``.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.common import Rated
from scoring.statistik import measure_of, plan_targets, score_rows
from stadforstad.catalog import load_form
from stadforstad.cli import main
from stadforstad.documents.text import write_text
from stadforstad.instruments.blocks import Chart, Note, Table
from stadforstad.instruments.registry import get_instrument
from stadforstad.settings import get_settings
from tests.helpers.cli import run  # noqa: F401 (the fixture)
from tests.helpers.steps import (
    PLAN,
    STATS,
)


@pytest.mark.parametrize(
    ("row", "measure"),
    [
        ({"matbart_mal": "Antal stödsamtal"}, "stodsamtal"),
        ({"matbart_mal": "number of support talks"}, "stodsamtal"),
        ({"matbart_mal": "Incidenter inrapporterade till nätverket"}, "incidenter"),
        ({"matbart_mal": "", "delmal": "Fler möjligt utsatta identifierade"}, "utsatta_personer"),
        ({"matbart_mal": "Långsiktigt stöd till fem personer"}, "langsiktigt_stod"),
        ({"matbart_mal": "antal lagförda sexköpare"}, None),
        ({}, None),
    ],
    ids=["sv", "en", "incidents", "from_sub_goal_text", "long_term", "no_measure", "empty"],
)
def test_measure_of_a_sub_goal(row: dict, measure: str | None) -> None:
    assert measure_of(row) == measure


def test_plan_targets_by_calendar_year() -> None:
    assert plan_targets([PLAN]) == {
        "stodsamtal": {2021: (3.0, "delmal_4"), 2022: (5.0, "delmal_4"), 2023: (7.0, "delmal_4")}
    }


def test_plan_without_first_year_or_targets_gives_none() -> None:
    row = dict(PLAN["delmal"][1])
    assert plan_targets([{"delmal": [{**row, "startar": None}]}]) == {}
    bare = {k: v for k, v in row.items() if not k.startswith("mal_ar")}
    assert plan_targets([{"delmal": [bare]}]) == {}
    assert plan_targets([{}]) == {}


def test_targets_stop_at_the_plans_length() -> None:
    row = {**PLAN["delmal"][1], "mal_ar_4": 9, "mal_ar_5": 11}
    assert sorted(plan_targets([{"delmal": [row]}])["stodsamtal"]) == [2021, 2022, 2023, 2024, 2025]
    short = {"planens_langd": 3, "delmal": [row]}
    assert sorted(plan_targets([short])["stodsamtal"]) == [2021, 2022, 2023]


def test_a_later_plan_wins() -> None:
    later = {"delmal": [{**PLAN["delmal"][1], "mal_ar_1": 30}]}
    assert plan_targets([PLAN, later])["stodsamtal"][2021] == (30.0, "delmal_4")


def test_target_against_outcome() -> None:
    result = score_rows(STATS["perioder"], plan_targets([PLAN]))
    talks = next(m for m in result.measures if m.id == "stodsamtal")
    assert result.has_targets
    assert [(t.year, t.target, t.outcome, t.met) for t in talks.targets] == [
        (2021, 3.0, 4.0, True),
        (2022, 5.0, 4.0, False),
        (2023, 7.0, None, None),
    ]
    assert next(m for m in result.measures if m.id == "incidenter").targets == []


def test_instrument_reads_the_plan_from_context() -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    assert instrument.context_forms == ("samverkansplan",)
    alone = instrument.score_with(form, STATS)
    assert not alone.has_targets
    together = instrument.score_with(form, STATS, {"samverkansplan": [PLAN]})
    assert together.has_targets
    blocks = instrument.blocks(form, together, "sv")
    notes = [b.text for b in blocks if isinstance(b, Note)]
    assert any("Stödsamtal utförda" in n and "1 av 2" in n for n in notes), notes
    talks = next(b for b in blocks if isinstance(b, Table) and b.title == "Stödsamtal utförda")
    assert talks.columns[-2:] == ("Mål i planen", "Nått")
    assert talks.rows[0] == ("2021", 4.0, None, None, 3.0, "ja")
    assert talks.rows[1] == ("2022", 4.0, "0", "0 %", 5.0, "nej")
    assert talks.rows[2] == ("2023", None, None, None, 7.0, None)


def test_the_groups_picture_reads_the_plan_from_context_too() -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    responses = [Rated(respondent="Kärngruppen", answers=STATS)]
    assert not instrument.summarize_with(form, responses).has_targets
    together = instrument.summarize_with(form, responses, {"samverkansplan": [PLAN]})
    assert together == instrument.score_with(form, STATS, {"samverkansplan": [PLAN]})


def test_blocks_say_a_missing_year_in_both_languages() -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    rows = {"perioder": [{"ar": 2017, "incidenter": 5}, {"ar": 2019, "incidenter": 8}]}
    result = instrument.score(form, rows)
    sv = write_text(instrument.blocks(form, result, "sv"), "sv")
    en = write_text(instrument.blocks(form, result, "en"), "en")
    assert "inga siffror för 2018" in sv
    assert "no figures for 2018" in en
    chart = next(b for b in instrument.blocks(form, result, "en") if isinstance(b, Chart))
    assert isinstance(chart.alternative, Table)
    assert chart.alternative.rows[1][:2] == ("2018", None)
    spec = chart.build().to_dict()
    assert "Number per year" in json.dumps(spec)


def test_chart_marks_targets(tmp_path: Path) -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    result = instrument.score_with(form, STATS, {"samverkansplan": [PLAN]})
    chart = next(b for b in instrument.blocks(form, result, "sv") if isinstance(b, Chart))
    text = json.dumps(chart.build().to_dict(), ensure_ascii=False)
    assert "målet i planen" in text
    assert '"mål": 7.0' in text


def test_empty_statistics_say_so() -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    blocks = instrument.blocks(form, instrument.score(form, {"perioder": []}), "sv")
    assert any(isinstance(b, Note) and "Inga perioder" in b.text for b in blocks)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    get_settings.cache_clear()
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_scores_json_tables(tmp_path: Path, capsys) -> None:
    path = tmp_path / "stats.json"
    path.write_text(
        json.dumps(
            [
                {
                    "respondent": "Nätverket",
                    "perioder": [
                        {"ar": 2017, "incidenter": 4, "stodsamtal": 1},
                        {"ar": 2019, "incidenter": 10, "stodsamtal": 6},
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "score", "statistik", str(path), "--compact")
    assert code == 0, err
    [result] = json.loads(out)
    assert result["totals"]["incidenter"] == 14.0
    assert result["changes"]["incidenter"][1] == {
        "from_year": 2018,
        "year": 2019,
        "count": None,
        "percent": None,
    }


def test_cli_names_the_bad_cell(tmp_path: Path, capsys) -> None:
    path = tmp_path / "stats.json"
    path.write_text(
        json.dumps(
            [
                {"respondent": "A", "perioder": [{"ar": 2020, "incidenter": 3}]},
                {"respondent": "B", "perioder": [{"ar": 2020}, {"ar": 2021, "incidenter": -2}]},
                {"respondent": "C", "perioder": [{"incidenter": 2}]},
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "score", "statistik", str(path), "--compact")
    assert code != 0
    assert [r["respondent"] for r in json.loads(out)] == ["A"]
    lines = err.strip().splitlines()
    assert any(
        "row 2" in line and "perioder[" in line and "2]/incidenter" in line for line in lines
    ), err
    assert any("row 3" in line and "/ar" in line for line in lines), err
    assert all(line.split(": ", 1)[1].startswith("[") for line in lines), err


def test_headline_is_the_latest_year_with_a_figure() -> None:
    form, instrument = load_form("statistik"), get_instrument("statistik")
    assert instrument.headline is not None
    rows = {"perioder": [{"ar": 2020, "utsatta_personer": 3}, {"ar": 2021, "incidenter": 2}]}
    assert instrument.headline.value(instrument.score(form, rows)) == 3.0
    assert instrument.headline.value(instrument.score(form, {"perioder": []})) is None


def test_report_reads_the_plan_of_the_same_round(run, sqlite_url: str, tmp_path: Path) -> None:
    """``stadforstad report … statistik`` sets the plan's targets of the same round
    against the outcome; another round's plan is not read."""
    import random

    from stadforstad import demo
    from stadforstad.answers import check_answers
    from stadforstad.storage import Actor, Store, make_engine
    from tests.helpers.documents import pdf_pages

    store, actor = Store(make_engine(sqlite_url)), Actor.local()
    place = store.create_workspace(actor=actor, name="Hörby")
    anna = store.respondent(actor=actor, workspace_id=place.id, name="Anna")
    plan_form, stats_form = load_form("samverkansplan"), load_form("statistik")
    plan = demo._Generator(random.Random(1), 3.5, ()).answers(plan_form)
    plan["delmal"] = PLAN["delmal"]
    where = {"workspace_id": place.id, "respondent_id": anna.id}
    store.submit(
        actor=actor, form=plan_form, answers=check_answers(plan_form, plan, coerce=True), **where
    )
    for round_no in (1, 2):
        store.submit(actor=actor, form=stats_form, answers=STATS, round=round_no, **where)
    store.engine.dispose()
    texts = {}
    for round_no in (1, 2):
        out = tmp_path / f"stats{round_no}.pdf"
        result = run(
            "report",
            "Hörby",
            "statistik",
            "--respondent",
            "Anna",
            "--round",
            str(round_no),
            "--out",
            str(out),
            env_url=sqlite_url,
        )
        assert result.returncode == 0, result.stderr
        texts[round_no] = " ".join(pdf_pages(out.read_bytes()))
    assert "målet i samverkansplanen nått 1 av 2 år" in texts[1]
    assert "Mål i planen" in texts[1]
    assert "Mål i planen" not in texts[2]
