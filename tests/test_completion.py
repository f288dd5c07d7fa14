"""When a form counts as done (issue 9.6): one pure definition, used by the overview
and the county's progress grid; an empty notes form is not done."""

from __future__ import annotations

import pytest

from stadforstad import compare
from stadforstad.catalog import list_forms, load_form
from stadforstad.completion import count_progress, is_answered, is_done


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        (None, False),
        ("", False),
        ("   ", False),
        ([], False),
        ([{}], False),
        ([{"aktor": " "}], False),
        (float("nan"), False),
        (False, True),  # "nej" is an answer
        (0, True),
        ("Hamnen", True),
        (["a"], True),
        ([{"aktor": "Polisen"}], True),
    ],
    ids=repr,
)
def test_what_counts_as_an_answer(value, answered) -> None:
    assert is_answered(value) is answered


@pytest.mark.parametrize(
    ("form_id", "answers", "done"),
    [
        ("staden", {}, False),
        ("staden", {"mojligheter": "  "}, False),
        ("staden", {"mojligheter": "Hamnen"}, True),
        # every section needs something: questions answered, notes left out
        ("reflektion_1_3", {"anteckningar": "bara anteckningar"}, False),
        ("reflektion_1_3", {"svarast": "Tiden"}, True),
        # a comment counts as something written in its section
        ("redo", {f"{i}_comment": "x" for i in ("behov",)}, False),
        ("natverksroll", {"funktion": "Samordna"}, False),
        ("natverksroll", {"funktion": "Samordna", "syfte": "Nätverket"}, True),
        # done: any_section – one scenario discussed is enough
        ("scenarier", {"hotell_vem": "Polisen"}, True),
        ("scenarier", {}, False),
        # required items must be answered, whatever else is there
        ("organisation", {"praglas_av": "Mod"}, False),
        ("organisation", {"organisation_namn": "Polisen", "praglas_av": "Mod"}, True),
        ("samverkansplan", {"vision": "Trygg stad"}, False),
        ("engagemang", {"svart": True}, False),
        ("engagemang", {i.id: False for i in load_form("engagemang").answerable()}, True),
        # a table with only empty rows is not an answer
        ("statistik", {"perioder": [{}]}, False),
    ],
)
def test_done_per_form(form_id, answers, done) -> None:
    assert is_done(load_form(form_id), answers) is done


def test_a_complete_scored_response_is_done_for_every_scored_form() -> None:
    redo = load_form("redo")
    answers = {i.id: 3 for i in redo.answerable() if i.kind == "scale"}
    assert is_done(redo, answers)  # the optional period section may stay empty


def test_no_form_is_done_when_empty() -> None:
    for form in list_forms():
        assert not is_done(form, {}), form.id


def test_count_progress_counts_submitted_done_and_drafts() -> None:
    forms = {f.id: f for f in list_forms()}
    counted = count_progress(
        forms,
        [("staden", {}), ("staden", {"mojligheter": "Hamnen"}), ("gammalt", {"x": 1})],
        {"redo": 2},
    )
    assert counted["staden"].submitted == 2 and counted["staden"].done == 1
    assert counted["redo"].drafts == 2 and counted["redo"].done == 0
    assert counted["gammalt"].submitted == 1 and counted["gammalt"].done == 0


def test_an_empty_notes_form_does_not_tick_the_progress_grid(store, admin) -> None:
    place = store.create_workspace(actor=admin, name="Landskrona")
    anna = store.respondent(actor=admin, workspace_id=place.id, name="Anna")
    bo = store.respondent(actor=admin, workspace_id=place.id, name="Bo")
    staden, dodsfallan = load_form("staden"), load_form("dodsfallan")
    store.submit(actor=admin, workspace_id=place.id, respondent_id=anna.id, form=staden, answers={})
    store.submit(
        actor=admin, workspace_id=place.id, respondent_id=anna.id, form=dodsfallan, answers={}
    )
    store.submit(
        actor=admin,
        workspace_id=place.id,
        respondent_id=bo.id,
        form=dodsfallan,
        answers={"vad_gick_fel": "Ingen ringde"},
    )
    frame = compare.progress(store, actor=admin).set_index("form_id")
    assert frame.loc["staden", "responses"] == 1
    assert not frame.loc["staden", "completed"]
    assert frame.loc["dodsfallan", "completed"]
    grid = compare.progress_grid(compare.progress(store, actor=admin))
    staden, dodsfallan = (
        f"{f.step} · {f.title.sv}" for f in map(load_form, ("staden", "dodsfallan"))
    )
    assert grid.loc[0, staden] == "" and grid.loc[0, dodsfallan] == "✓"
