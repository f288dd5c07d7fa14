"""The comparison views on a small dataset whose figures are computed by hand below.

Alby answers ``redo`` in two rounds, Bergå once with a single respondent, Cedby never.

========  =====  ==========================================  ======  ========
place     round  respondents' item values (7 items each)     totals  median
========  =====  ==========================================  ======  ========
Alby      1      Ada 3333333, Bo 2222222, Cia 5555555        21 14 35  21
Alby      2      Ada 4444444, Bo 3333333                      28 21    24.5
Bergå     1      Dan 4444444                                  28       28
========  =====  ==========================================  ======  ========

More than 20 is ready: Alby round 1 has 2 ready (21, 35) and 1 not (14); round 2 both
ready. Alby round 1 mean of ``behov``: (3 + 2 + 5) / 3 = 3.33, spread 5 − 2 = 3.
Change for Alby: 24.5 − 21 = +3.5; Bergå has one round only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from stadforstad import compare
from stadforstad.catalog import load_form
from stadforstad.compare import Filters
from stadforstad.errors import ForbiddenError
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.storage import Actor

REDO_ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
UTC = dt.UTC
ROUND_1 = dt.datetime(2024, 3, 10, 9, tzinfo=UTC)
ROUND_2 = dt.datetime(2025, 3, 10, 9, tzinfo=UTC)


def redo(value: int) -> dict:
    return dict.fromkeys(REDO_ITEMS, value)


@pytest.fixture
def county(store, admin):
    """Three municipalities with the answers of the table in the module docstring."""
    form = load_form("redo")
    ids = {
        name: store.create_workspace(actor=admin, name=name).id
        for name in ("Alby", "Bergå", "Cedby")
    }
    store.submit_many(
        actor=admin,
        workspace_id=ids["Alby"],
        form=form,
        round=1,
        saved_at=ROUND_1,
        rows=[("Ada", redo(3)), ("Bo", redo(2)), ("Cia", redo(5))],
    )
    store.submit_many(
        actor=admin,
        workspace_id=ids["Alby"],
        form=form,
        round=2,
        saved_at=ROUND_2,
        rows=[("Ada", redo(4)), ("Bo", redo(3))],
    )
    store.submit_many(
        actor=admin,
        workspace_id=ids["Bergå"],
        form=form,
        round=1,
        saved_at=ROUND_1,
        rows=[("Dan", redo(4))],
    )
    engagemang = load_form("engagemang")
    yes = {item.id: True for item in engagemang.answerable() if item.kind == "yes_no"}
    some = dict(yes, **{next(iter(yes)): False})
    store.submit_many(
        actor=admin,
        workspace_id=ids["Alby"],
        form=engagemang,
        round=1,
        saved_at=ROUND_1,
        rows=[("Ada", yes), ("Bo", some)],
    )
    return ids


def by_name(frame):
    return frame.set_index("workspace")


def test_readiness_latest_round_per_municipality(store, admin, county):
    frame = by_name(compare.readiness(store, actor=admin))
    assert list(frame.index) == ["Alby", "Bergå", "Cedby"]
    alby = frame.loc["Alby"]
    assert (alby["round"], alby["respondents"], alby["median_total"]) == (2, 2, 24.5)
    assert (alby["ready_count"], alby["not_ready_count"]) == (2, 0)
    assert alby["mean_behov"] == 3.5 and alby["spread_total"] == 7
    bergå = frame.loc["Bergå"]
    assert (bergå["respondents"], bergå["median_total"], bool(bergå["single"])) == (1, 28.0, True)
    assert bergå["note"] == "1 svar"
    cedby = frame.loc["Cedby"]
    assert cedby["respondents"] == 0 and cedby["note"] == "inga svar"


def test_readiness_of_round_one(store, admin, county):
    frame = by_name(compare.readiness(store, actor=admin, filters=Filters(round=1)))
    alby = frame.loc["Alby"]
    assert (alby["respondents"], alby["median_total"], alby["mean_total"]) == (3, 21.0, 23.33)
    assert (alby["ready_count"], alby["not_ready_count"]) == (2, 1)
    assert alby["mean_behov"] == pytest.approx(3.33)
    assert (alby["min_total"], alby["max_total"], alby["spread_total"]) == (14, 35, 21)


def test_readiness_heatmap_and_totals(store, admin, county):
    frames = compare.readiness_frames(store, actor=admin, filters=Filters(round=1))
    items = frames.items.set_index(["workspace", "item"])
    behov = items.loc[("Alby", "behov")]
    assert (behov["n"], behov["mean"], behov["min"], behov["max"], behov["spread"]) == (
        3,
        3.33,
        2,
        5,
        3,
    )
    assert bool(behov["disagree"]) and not bool(behov["single"])
    assert bool(items.loc[("Bergå", "behov"), "single"])
    assert len(frames.items) == 2 * len(REDO_ITEMS)  # Cedby has nothing to draw
    totals = frames.totals[frames.totals["workspace"] == "Alby"]
    assert totals[["total", "count", "ready"]].values.tolist() == [
        [14, 1, False],
        [21, 1, True],
        [35, 1, True],
    ]


def test_change_first_and_latest_round(store, admin, county):
    frame = by_name(compare.change(store, actor=admin))
    alby = frame.loc["Alby"]
    assert (
        alby["first_round"],
        alby["first_value"],
        alby["latest_round"],
        alby["latest_value"],
        alby["change"],
    ) == (1, 21.0, 2, 24.5, 3.5)
    assert (alby["first_n"], alby["latest_n"]) == (3, 2)
    bergå = frame.loc["Bergå"]
    assert bergå["rounds"] == 1 and bergå["note"] == "en omgång"
    assert bergå["change"] != bergå["change"]  # NaN: no change from a single round
    assert "Cedby" not in frame.index


def test_change_of_another_scored_form(store, admin, county):
    frame = by_name(compare.change(store, actor=admin, form_id="engagemang"))
    total = len([i for i in load_form("engagemang").answerable() if i.kind == "yes_no"])
    assert frame.loc["Alby", "first_value"] == (total + total - 1) / 2
    assert frame.loc["Alby", "rounds"] == 1


def test_scores_of_any_scored_form(store, admin, county):
    frame = by_name(compare.scores(store, actor=admin, form_id="redo", filters=Filters(round=1)))
    assert (frame.loc["Alby", "median"], frame.loc["Alby", "mean"]) == (21.0, 23.33)
    assert frame.loc["Cedby", "respondents"] == 0


def test_period_reads_answers_as_they_stood(store, admin, county):
    # Ada corrects her round-1 answer after the period: the period still shows the old one.
    form = load_form("redo")
    store.submit_many(
        actor=admin,
        workspace_id=county["Alby"],
        form=form,
        round=1,
        saved_at=dt.datetime(2025, 6, 1, tzinfo=UTC),
        rows=[("Ada", redo(1))],
    )
    in_2024 = Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    alby = by_name(compare.readiness(store, actor=admin, filters=in_2024)).loc["Alby"]
    assert (alby["round"], alby["respondents"], alby["median_total"]) == (1, 3, 21.0)
    later = by_name(compare.readiness(store, actor=admin, filters=Filters(round=1))).loc["Alby"]
    assert later["median_total"] == 14.0  # 7, 14, 35
    only_2025 = Filters(date_from=dt.date(2025, 1, 1))
    frame = by_name(compare.readiness(store, actor=admin, filters=only_2025))
    assert frame.loc["Bergå", "respondents"] == 0


def test_progress_grid(store, admin, county):
    frame = compare.progress(store, actor=admin)
    done = frame[frame["completed"]]
    assert sorted(map(tuple, done[["workspace", "form_id", "responses"]].values.tolist())) == [
        ("Alby", "engagemang", 2),
        ("Alby", "redo", 5),
        ("Bergå", "redo", 1),
    ]
    forms = compare.step_forms()
    assert len(frame) == 3 * len(forms)
    summary = by_name(compare.progress_summary(frame))
    assert summary.loc["Alby", "completed"] == 2 and summary.loc["Cedby", "completed"] == 0
    assert summary.loc["Alby", "furthest_step"] == 0
    grid = by_name(compare.progress_grid(frame))
    assert list(grid.columns) == [f"{f.step} · {f.title.sv}" for f in forms]  # named, not ids
    redo = "0 · Är ni redo?"
    assert (grid.loc["Alby", redo], grid.loc["Cedby", redo]) == ("✓", "")
    english = compare.progress_grid(compare.progress(store, actor=admin, lang="en"))
    assert f"0 · {load_form('redo').title.en}" in english.columns
    in_round_2 = compare.progress(store, actor=admin, filters=Filters(round=2))
    assert in_round_2[in_round_2["completed"]]["workspace"].tolist() == ["Alby"]


def test_choose_and_keep_workspaces(store, admin, county):
    summary = compare.readiness(store, actor=admin)
    ids = compare.choose_workspaces(summary, sort_by="median_total", descending=True)
    assert ids == [county["Bergå"], county["Alby"], county["Cedby"]]  # no answers last
    assert compare.choose_workspaces(summary, sort_by="median_total", limit=1) == [county["Alby"]]
    assert compare.choose_workspaces(summary, search="BERG") == [county["Bergå"]]
    kept = compare.keep_workspaces(summary, [county["Cedby"], county["Alby"]])
    assert kept["workspace"].tolist() == ["Cedby", "Alby"]


def test_rights_are_checked_in_the_data_layer(store, admin, county):
    member = Actor(name="m", grants={county["Alby"]: "member"})
    with pytest.raises(ForbiddenError):
        compare.readiness(store, actor=member)
    coordinator = Actor(
        name="k", grants={county["Alby"]: "coordinator", county["Bergå"]: "coordinator"}
    )
    frame = compare.readiness(store, actor=coordinator)
    assert frame["workspace"].tolist() == ["Alby", "Bergå"]
    with pytest.raises(ForbiddenError):
        compare.progress(
            store, actor=coordinator, filters=Filters(workspace_ids=(county["Cedby"],))
        )
    chosen = compare.readiness(
        store, actor=coordinator, filters=Filters(workspace_ids=(county["Bergå"],))
    )
    assert chosen["workspace"].tolist() == ["Bergå"]


def test_every_scored_instrument_has_a_headline():
    for instrument in INSTRUMENTS.values():
        assert (instrument.headline is not None) == instrument.scored, instrument.form_id


def test_excel_export_has_a_sheet_per_frame(store, admin, county):
    import io

    import openpyxl

    data = compare.to_xlsx(
        {
            "Redo": compare.readiness(store, actor=admin),
            "Framsteg": compare.progress(store, actor=admin),
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Redo", "Framsteg"]
    assert book["Redo"]["B2"].value == "Alby"


def test_data_stamp_changes_with_a_submission(store, admin, county):
    before = store.data_stamp()
    store.submit_many(
        actor=admin, workspace_id=county["Cedby"], form=load_form("redo"), rows=[("Eva", redo(3))]
    )
    assert store.data_stamp() != before
