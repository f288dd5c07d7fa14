"""AppTest of the plan on "Fyll i formulär": a group form has no "Vem svarar?", says who
changed it last, refuses a save based on an older version and shows the difference,
and shows the plan's checks (SMART, hours) and the background from earlier steps."""

from __future__ import annotations

import pytest

from stadforstad.catalog import load_form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import RESPONDENT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    button,
    create_workspace,
    fresh_database,
    open_page,
    texts,
)

PLAN = {
    "planens_langd": 3,
    "vision": "En trygg stad för alla",
    "delmal": [
        {
            "nummer": "delmal_1",
            "delmal": "Ökad lagföring av sexköpare",
            "fokusomrade": "lagforing",
            "matbart_mal": "Antal lagförda sexköpare",
            "startar": 2025,
            "mal_ar_1": 6,
            "mal_ar_2": 8,
            "ansvarig": "Polisen",
        },
        {"nummer": "delmal_2", "delmal": "Hotell", "startar": 2025},
    ],
    "aktiviteter": [{"delmal": "delmal_1", "vad": "Utbildning för polisen", "ar": ["ar_1"]}],
    "budget": [
        {
            "aktivitet": "Nätverksmöten",
            "delmal": "delmal_1",
            "moten": 12,
            "personer": 10,
            "timmar": 4,
            "kostnad_ar_1": 7533,
        },
    ],
}


@pytest.fixture(autouse=True)
def database(fresh_database):
    yield


def _store() -> Store:
    return Store(make_engine(get_settings().database_url))


def _group_state():
    store = _store()
    group = store.group_respondent(actor=Actor.local(), workspace_id=1)
    return group, store.response_state(
        actor=Actor.local(), workspace_id=1, respondent_id=group.id, form_id="samverkansplan"
    )


def _vision(at):
    return next(t for t in at.text_area if t.key and t.key.endswith(".vision"))


def test_the_plan_has_no_participant_choice_and_says_who_changed_it() -> None:
    create_workspace()
    at = open_page("form", query={"form": "samverkansplan"})
    assert not at.exception
    assert "Vem svarar?" not in [s.label for s in at.selectbox]
    assert RESPONDENT_KEY not in at.session_state
    assert any("Ett gemensamt svar för hela kärngruppen" in c for c in texts(at.caption))
    _vision(at).input("En trygg stad")
    at.run()
    _group, state = _group_state()
    assert state.draft == {"vision": "En trygg stad"} and state.changed_by == "lokal"
    assert any("Senast ändrat av **lokal**" in c for c in texts(at.caption))


def test_a_save_after_someone_elses_is_refused_shown_and_resolved() -> None:
    create_workspace()
    at = open_page("form", query={"form": "samverkansplan"})
    group, state = _group_state()
    bo = Actor(name="Bo", user_id=7, grants={1: "member"})
    _store().save_draft(
        actor=bo, workspace_id=1, respondent_id=group.id, form=load_form("samverkansplan"),
        answers={"nyckelord": "trygghet", "vision": "Bos vision"}, expected_version=state.version,
    )  # fmt: skip
    _vision(at).input("Min vision")
    at.run()
    assert not at.exception
    warning = " ".join(texts(at.warning))
    assert "Någon annan sparade först" in warning and "STORE_007" in warning
    _g, kept = _group_state()
    assert kept.draft == {"nyckelord": "trygghet", "vision": "Bos vision"}  # not overwritten
    frame = at.dataframe[0].value
    row = frame[frame["Fråga"].str.startswith("3. Skissa")]
    assert row["Sparat av Bo"].iloc[0] == "Bos vision" and row["Ert"].iloc[0] == "Min vision"
    button(at, "Behåll mina ändringar ovanpå deras").click()
    at.run()
    assert not at.exception
    _g, merged = _group_state()
    assert merged.draft == {"nyckelord": "trygghet", "vision": "Min vision"}
    assert _vision(at).value == "Min vision"
    assert "Någon annan sparade först" not in " ".join(texts(at.warning))


def test_the_submitted_plan_shows_smart_verdicts_hours_and_charts() -> None:
    create_workspace()
    group, _state = _group_state()
    form = load_form("samverkansplan")
    _store().submit(actor=Actor.local(), workspace_id=1, respondent_id=group.id, form=form,
                    answers=PLAN)  # fmt: skip
    at = open_page("form", query={"form": "samverkansplan"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Arbetstid"] == "480 timmar"
    assert metrics["SMARTA delmål"] == "1 / 2"
    frames = [d.value for d in at.dataframe] + [t.value for t in at.table]
    smart = next(f for f in frames if "Vad som saknas och varför" in f.columns)
    assert "S (Specifikt)" in smart["Vad som saknas och varför"].iloc[1]
    assert len(at.get("vega_lite_chart")) == 2  # the timeline and the yearly targets


def test_the_plan_shows_the_organisations_and_the_swot_it_builds_on() -> None:
    create_workspace()
    store, actor = _store(), Actor.local()
    anna = store.respondent(actor=actor, workspace_id=1, name="Anna")
    store.submit(
        actor=actor, workspace_id=1, respondent_id=anna.id, form=load_form("aktorsanalys"),
        answers={"aktorer": [{"aktor": "Polisen", "paverkansgrad": 5, "stod": 4}]},
    )  # fmt: skip
    at = open_page("form", query={"form": "samverkansplan"})
    assert not at.exception
    assert "Underlag: organisationerna, kartläggningen och SWOT" in [e.label for e in at.expander]
    assert "• Polisen" in texts(at.text)  # typed names as plain text


def test_each_version_says_who_saved_it_and_what_it_changed() -> None:
    create_workspace()
    group, _state = _group_state()
    form = load_form("samverkansplan")
    store = _store()
    anna = Actor(name="Anna", user_id=5, grants={1: "member"})
    bo = Actor(name="Bo", user_id=7, grants={1: "member"})
    where = {"workspace_id": 1, "respondent_id": group.id, "form": form}
    first = store.submit(actor=anna, answers={"vision": "Trygg stad"}, expected_version=0, **where)
    store.submit(
        actor=bo, answers={"vision": "Trygg stad", "nyckelord": "Empati"},
        expected_version=first.version, **where,
    )  # fmt: skip
    at = open_page("form", query={"form": "samverkansplan"})
    assert not at.exception
    shown = texts(at.text)
    assert "Sparad av Bo; ändrade: 2. Finns det några särskilda nyckelord ni vill ha med?" in shown
    assert any(t.startswith("Sparad av Anna; ändrade: 3. Skissa på ett utkast") for t in shown)


def test_a_table_in_the_difference_shows_the_rows_that_differ_with_their_cells() -> None:
    from stadforstad.answer_changes import Difference
    from stadforstad.ui.group_form import _difference_lines

    first = {"nummer": "delmal_1", "delmal": "Ökad lagföring"}
    theirs = [first, {"nummer": "delmal_2", "delmal": "Hotell"}]
    mine = [first, {"nummer": "delmal_2", "delmal": "Hotell och taxi"}, {"delmal": "Skolor"}]
    lines = _difference_lines(load_form("samverkansplan"), Difference("delmal", theirs, mine), "sv")
    assert [label for label, _theirs, _mine in lines] == [
        f"{load_form('samverkansplan').item('delmal').label.get('sv')}, rad {n}" for n in (2, 3)
    ]
    (_, their_two, my_two), (_, their_three, my_three) = lines
    assert "Hotell" in their_two and "Hotell och taxi" in my_two
    assert their_three == "–" and "Skolor" in my_three
