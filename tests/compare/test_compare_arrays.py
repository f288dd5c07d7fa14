"""The comparison's fast paths give the page's figures exactly.

Seeded random municipalities are written straight into the tables of a real SQLite
file (and the real PostgreSQL server when ``STADFORSTAD_TEST_DATABASE_URL`` is set),
odd answers included: items missing or ``null``, out of the scale, yes/no, decimals
that are whole, numbers too large for the arrays. Then

* the readiness frames and the change on the array path (``arrays=True``, the page's
  default) are compared with the same frames built through the scorer for every
  municipality (``arrays=False``);
* the progress grid (first answers per form, the rest only when needed) is compared
  with the grid built from every submitted answer through ``completion.is_done``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from sqlalchemy import insert
from sqlalchemy.orm import Session

from scoring.common import rated_items
from stadforstad import compare
from stadforstad.catalog import list_forms, load_form
from stadforstad.compare import Filters, redo_arrays
from stadforstad.compare.scope import _load
from stadforstad.completion import is_done
from stadforstad.storage.tables import Respondent, Response, Revision

UTC = dt.UTC
#: Revisions are saved on these days; a response's later revisions on later ones.
DAYS = [dt.datetime(2024, 3, 1, 9, tzinfo=UTC) + dt.timedelta(days=90 * n) for n in range(6)]
#: Answers the app never stores but the scorer reads. The arrays cannot read these
#: (the group goes to the scorer)...
UNREADABLE = [True, False, 3.0, 5.0, 10**20]
#: ...and read these as the scorer does (whole numbers outside the scale, null).
ODD = [*UNREADABLE, 0, 9, -2, None]
PERIODS = [
    Filters(),
    Filters(round=1),
    Filters(round=2),
    Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 9, 30)),
    Filters(date_from=dt.date(2024, 7, 1)),
]


def redo_answers(rng: random.Random, odd: bool) -> dict:
    form = load_form("redo")
    answers: dict = {}
    for item in rated_items(form):
        draw = rng.random()
        if draw < 0.1:
            continue  # not answered
        answers[item.id] = None if draw < 0.15 else rng.randint(item.min, item.max)
    if odd:
        answers[rng.choice(rated_items(form)).id] = rng.choice(ODD)
    if rng.random() < 0.3:
        answers["period_manader"] = rng.choice([6, 12, 18, 24])
    return answers


def other_answers(rng: random.Random, form) -> dict:
    """Done, empty, or half done answers to a form of the steps (for the progress grid)."""
    draw = rng.random()
    if draw < 0.4:
        return {}
    answers = {}
    for item in form.answerable():
        if draw < 0.7 and rng.random() < 0.5:
            continue
        answers[item.id] = {
            "yes_no": True,
            "scale": getattr(item, "min", 1),
            "level": 1,
        }.get(item.kind, "text")
    return answers


def fill(store, admin, seed: int) -> list[int]:
    """Random municipalities; returns their ids. Written with plain inserts (no answer
    checks), as older or imported data may stand in the tables."""
    rng = random.Random(seed)
    others = [f for f in list_forms() if f.step is not None and f.id != "redo"]
    ids = [store.create_workspace(actor=admin, name=f"Kommun {n}").id for n in range(7)]
    with Session(store.engine) as session, session.begin():
        for workspace_id in ids:
            people = rng.randint(0, 6)
            for person in range(people):
                respondent_id = session.scalar(
                    insert(Respondent)
                    .values(workspace_id=workspace_id, name=f"Person {person}")
                    .returning(Respondent.id)
                )
                odd_place = rng.random() < 0.3
                for form_id in ["redo", *(f.id for f in rng.sample(others, 3)), "borttaget"]:
                    for round_no in sorted(rng.sample([1, 2, 3], rng.randint(1, 3))):
                        revisions = rng.choice([0, 1, 1, 2, 3])  # 0: only a draft
                        response_id = session.scalar(
                            insert(Response)
                            .values(
                                workspace_id=workspace_id,
                                respondent_id=respondent_id,
                                form_id=form_id,
                                round=round_no,
                                revision=revisions,
                            )
                            .returning(Response.id)
                        )
                        for number in range(1, revisions + 1):
                            if form_id == "redo":
                                answers = redo_answers(rng, odd_place and rng.random() < 0.3)
                            elif form_id == "borttaget":
                                answers = {"fritext": "kvar från en borttagen blankett"}
                            else:
                                form = next(f for f in others if f.id == form_id)
                                answers = other_answers(rng, form)
                            session.execute(
                                insert(Revision).values(
                                    response_id=response_id,
                                    number=number,
                                    form_version=1,
                                    answers=answers,
                                    saved_at=rng.choice(DAYS[number - 1 : number + 2]),
                                    saved_by="test",
                                )
                            )
    return ids


def progress_reference(store, admin, filters: Filters) -> pd.DataFrame:
    """The grid from every submitted answer, each through ``is_done``."""
    workspaces = store.list_workspaces(actor=admin)
    if filters.workspace_ids is not None:
        workspaces = [w for w in workspaces if w.id in filters.workspace_ids]
    saved_from, saved_to = filters.period()
    by_id = {f.id: f for f in list_forms()}
    counts: dict = {}
    done: set = set()
    for row in store.submitted(
        actor=admin,
        workspace_ids=[w.id for w in workspaces],
        round=filters.round,
        saved_from=saved_from,
        saved_to=saved_to,
    ):
        key = (row.workspace_id, row.form_id)
        counts[key] = counts.get(key, 0) + 1
        if row.form_id in by_id and is_done(by_id[row.form_id], row.answers):
            done.add(key)
    records = [
        {
            "workspace_id": w.id,
            "workspace": w.name,
            "step": f.step,
            "order": order,
            "form_id": f.id,
            "form_title": f.title.sv,
            "form": f"{f.step} · {f.title.sv}",
            "responses": counts.get((w.id, f.id), 0),
            "completed": (w.id, f.id) in done,
        }
        for w in workspaces
        for order, f in enumerate(compare.step_forms())
    ]
    return pd.DataFrame(records, columns=list(records[0]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_array_paths_give_the_scorers_figures(store, admin, seed):
    ids = fill(store, admin, seed)
    redo = load_form("redo")
    on_arrays = to_scorer = 0
    for filters in [*PERIODS, Filters(workspace_ids=tuple(ids[:3]))]:
        fast = compare.readiness_frames(store, actor=admin, filters=filters)
        scored = compare.readiness_frames(store, actor=admin, filters=filters, arrays=False)
        for name in ("summary", "items", "totals"):
            assert_frame_equal(getattr(fast, name), getattr(scored, name), check_exact=True)
        assert_frame_equal(
            compare.change(store, actor=admin, filters=filters),
            compare.change(store, actor=admin, filters=filters, arrays=False),
            check_exact=True,
        )
        assert_frame_equal(
            compare.progress(store, actor=admin, filters=filters),
            progress_reference(store, admin, filters),
            check_exact=True,
        )
        _, groups = _load(store, admin, filters, "redo")
        for rows in groups.values():
            if redo_arrays.figures(redo, rows) is None:
                to_scorer += 1
            else:
                on_arrays += 1
    # Both paths were taken: the comparison above compared something.
    assert on_arrays > 0 and to_scorer > 0, (on_arrays, to_scorer)


def test_odd_answers_go_to_the_scorer(store, admin):
    """An answer the arrays cannot read leaves the group to the scorer."""
    redo = load_form("redo")
    plain = dict.fromkeys((i.id for i in rated_items(redo)), 3)
    workspace_id = store.create_workspace(actor=admin, name="Alby").id
    store.submit_many(actor=admin, workspace_id=workspace_id, form=redo, rows=[("Ada", plain)])
    (row,) = store.submitted(actor=admin, workspace_ids=[workspace_id], form_id="redo")
    figures = redo_arrays.figures(redo, [row])
    assert figures is not None and figures.complete == [21] and figures.ready_count == 1
    for odd in UNREADABLE:
        changed = replace(row, answers={**plain, "behov": odd})
        assert redo_arrays.figures(redo, [changed]) is None, odd
        assert redo_arrays.numbers(redo, [changed]) is None, odd
    outside = replace(row, answers={**plain, "behov": 9, "politisk_vilja": None})
    figures = redo_arrays.figures(redo, [outside])
    assert figures is not None and figures.complete == [] and figures.items[0].max == 9
    # Another scorer: never on this path.
    engagemang = load_form("engagemang")
    assert redo_arrays.numbers(engagemang, [row]) is None


def test_progress_reads_the_others_only_where_the_first_is_not_done(store, admin):
    """The first response of a form is empty (not done), a later one is done."""
    form = load_form("engagemang")
    done = {item.id: True for item in form.answerable() if item.kind == "yes_no"}
    workspace_id = store.create_workspace(actor=admin, name="Alby").id
    with Session(store.engine) as session, session.begin():
        for name, answers in (("Ada", {}), ("Bo", {}), ("Cia", done)):
            person = session.scalar(
                insert(Respondent)
                .values(workspace_id=workspace_id, name=name)
                .returning(Respondent.id)
            )
            response = session.scalar(
                insert(Response)
                .values(
                    workspace_id=workspace_id,
                    respondent_id=person,
                    form_id=form.id,
                    round=1,
                    revision=1,
                )
                .returning(Response.id)
            )
            session.execute(
                insert(Revision).values(
                    response_id=response,
                    number=1,
                    form_version=1,
                    answers=answers,
                    saved_by="test",
                )
            )
    frame = compare.progress(store, actor=admin).set_index("form_id")
    assert (frame.loc["engagemang", "responses"], frame.loc["engagemang", "completed"]) == (3, True)
    assert_frame_equal(
        compare.progress(store, actor=admin), progress_reference(store, admin, Filters())
    )
