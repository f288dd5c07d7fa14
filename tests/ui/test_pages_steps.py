"""AppTest: the form pages of the SWOT, the shared starting point, the routine for
individual cases, the statistics and the two step reflections, as a member sees them
after a submit (pictures, summaries, the flyer's buttons, target against outcome)."""

from __future__ import annotations

import random

import pytest

from stadforstad import demo
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import RESPONDENT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_page,
)
from tests.helpers.steps import (
    PLAN,
    ROUTINE,
    START,
    SWOT,
    answering,
)


def _submit(store: Store, actor: Actor, where: dict, form_id: str, answers: dict, **kw) -> None:
    form = load_form(form_id)
    respondent = answering(store, actor, where["workspace_id"], form_id, where["respondent_id"])
    store.submit(
        actor=actor,
        form=form,
        answers=check_answers(form, answers, coerce=True),
        **{**where, "respondent_id": respondent},
        **kw,
    )


@pytest.fixture
def seeded(fresh_database):
    """Hörby, where Anna has submitted the SWOT, the starting point, the routine and, in
    round 1, a collaboration plan with yearly targets for support talks."""
    store, actor = Store(make_engine(get_settings().database_url)), Actor.local()
    workspace = store.create_workspace(actor=actor, name="Hörby")
    anna = store.respondent(actor=actor, workspace_id=workspace.id, name="Anna")
    where = {"workspace_id": workspace.id, "respondent_id": anna.id}
    _submit(store, actor, where, "swot", SWOT)
    _submit(store, actor, where, "utgangspunkt", START)
    _submit(store, actor, where, "arenderutin", ROUTINE)
    plan_form = load_form("samverkansplan")
    plan = demo._Generator(random.Random(1), 3.5, ()).answers(plan_form)
    plan["delmal"] = PLAN["delmal"]
    _submit(store, actor, where, "samverkansplan", plan)
    store.engine.dispose()
    return anna.id


def _texts(at) -> str:
    parts = [t.value for t in at.text] + [m.value for m in at.markdown]
    parts += [str(d.value.to_dict("records")) for d in at.dataframe]
    parts += [str(d.value.columns.tolist()) for d in at.dataframe]
    for kind in ("info", "warning", "success"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(parts)


def _images(at) -> list:
    return at.get("image")


def test_swot_page_shows_the_2x2_picture(seeded) -> None:
    at = open_page("form", query={"form": "swot"}, state={RESPONDENT_KEY: seeded})
    assert not at.exception
    assert len(_images(at)) == 1
    page = _texts(at)
    assert "De viktigaste insikterna" in page
    assert "• Engagerad kärngrupp" in page
    assert "Polisen deltar <b>aktivt</b> & länge" in page  # typed text as text


def test_starting_point_page_shows_the_summary(seeded) -> None:
    at = open_page("form", query={"form": "utgangspunkt"}, state={RESPONDENT_KEY: seeded})
    assert not at.exception
    page = _texts(at)
    assert "Vi har kartlagt hotell och taxi." in page
    assert "Ännu inte besvarat" in page
    assert "I Steg 4 av Stad för stad" in page


def test_routine_page_shows_the_list_the_flow_chart_and_the_flyer(seeded) -> None:
    at = open_page("form", query={"form": "arenderutin"}, state={RESPONDENT_KEY: seeded})
    assert not at.exception
    assert len(_images(at)) == 1
    page = _texts(at)
    assert "Rutinen steg för steg" in page
    assert "Ring polisen vid misstanke" in page
    captions = [c.value for c in at.caption]
    assert "Rutinen som flygblad (en sida)" in captions
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Ladda ner som PDF") == 3  # the response, the flyer, the blank form


def test_statistics_page_sets_targets_against_outcome(seeded) -> None:
    at = open_page("form", query={"form": "statistik"}, state={RESPONDENT_KEY: seeded})
    assert not at.exception
    fill_table(
        at,
        [
            {"ar": 2021, "stodsamtal": 4, "incidenter": 6},
            {"ar": 2022, "stodsamtal": 4, "incidenter": 9},
        ],
    )
    at.run()
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception
    page = _texts(at)
    assert "Totalt per mått" in page
    assert "Stödsamtal utförda: målet i samverkansplanen nått 1 av 2 år." in page
    assert "Mål i planen" in page
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_the_group_picture_of_the_statistics_sets_the_plans_targets_too(seeded) -> None:
    at = open_page("form", query={"form": "statistik"}, state={RESPONDENT_KEY: seeded})
    fill_table(at, [{"ar": 2021, "stodsamtal": 4}, {"ar": 2022, "stodsamtal": 4}])
    at.run()
    button(at, "Skicka in").click()
    at.run()
    group = open_page("group", state={"group.form": "statistik"})
    assert not group.exception
    page = _texts(group)
    assert "Stödsamtal utförda: målet i samverkansplanen nått 1 av 2 år." in page
    assert "Mål i planen" in page


def test_statistics_in_another_round_has_no_plan_targets(seeded) -> None:
    at = open_page("form", query={"form": "statistik"}, state={RESPONDENT_KEY: seeded})
    at.number_input(key="form_page.round").set_value(2)
    at.run()
    fill_table(at, [{"ar": 2021, "stodsamtal": 4}])
    at.run()
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception
    page = _texts(at)
    assert "Totalt per mått" in page
    assert "Mål i planen" not in page


@pytest.mark.parametrize(
    ("form_id", "described"),
    [
        ("reflektion_6", "On the Verge (figur 11, s. 117, Zondervan 2011)"),
        ("reflektion_6", "multiplicering av engagemang och aktivitet"),
        ("reflektion_7", "1. Ring polisen vid misstanke"),
        ("reflektion_7", "Socialförvaltningen och Frälsningsarmén i Helsingborg"),
    ],
)
def test_reflection_pages_describe_the_picture(fresh_database, form_id: str, described) -> None:
    create_workspace()
    at = open_page("form", query={"form": form_id})
    add_person(at, "Anna")
    assert not at.exception
    assert described in " ".join(_texts(at).split())
