"""AppTest for the pages the workshop tools touch: the form page (the table's own-answer
column, the network picture, the draw, the search, the event's progress, the products,
the candidate actors), the group's picture and the overview."""

from __future__ import annotations

import datetime as dt

import pytest

from stadforstad.catalog import load_form
from stadforstad.documents.meta import today
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import RESPONDENT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    button,
    fill_table,
    fresh_database,
    open_page,
)


@pytest.fixture
def hoerby(fresh_database):
    """Hörby with Anna; returns a function that submits Anna's answers to a form."""
    store, actor = Store(make_engine(get_settings().database_url)), Actor.local()
    workspace = store.create_workspace(actor=actor, name="Hörby")
    anna = store.respondent(actor=actor, workspace_id=workspace.id, name="Anna")

    def submit(form_id: str, answers: dict) -> None:
        """As Anna, or as the core group for a form the group answers together."""
        form = load_form(form_id)
        who = anna.id
        if getattr(form, "owner", None) == "group":
            group = store.group_respondent(actor=actor, workspace_id=workspace.id)
            assert group is not None
            who = group.id
        store.submit(
            actor=actor,
            workspace_id=workspace.id,
            respondent_id=who,
            form=form,
            answers=answers,
        )

    yield anna.id, submit, store, workspace.id
    store.engine.dispose()


def _form(form_id: str, person: int):
    at = open_page("form", query={"form": form_id}, state={RESPONDENT_KEY: person})
    assert not at.exception
    return at


def _texts(at) -> str:
    return "\n".join(
        [t.value for t in at.text]
        + [str(d.value.to_dict("records")) for d in at.dataframe]
        + [m.value for m in at.markdown]
        + [c.value for c in at.caption]
    )


def test_a_new_target_group_typed_in_the_table_is_stored_and_drawn(hoerby) -> None:
    anna, _, store, workspace_id = hoerby
    at = _form("malgrupp_kontaktyta", anna)
    editor = at.data_editor[0]
    assert "malgrupp__annat" in editor.value.columns
    fill_table(
        at,
        [
            {
                "malgrupp__annat": "Ensamkommande barn",
                "platser": "Stationen",
                "aktorer": ["skolor"],
            },
            {"malgrupp": "hemlosa", "andra_aktorer": "Stadsmissionen"},
        ],
    )
    at.run()
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception
    (row,) = store.submitted(
        actor=Actor.local(), workspace_ids=[workspace_id], form_id="malgrupp_kontaktyta"
    )
    assert [r["malgrupp"] for r in row.answers["malgrupper"]] == ["Ensamkommande barn", "hemlosa"]
    page = _texts(at)
    assert "Ensamkommande barn" in page and "Stadsmissionen" in page
    assert at.get("vega_lite_chart"), "the network picture is drawn"
    # A reload shows the typed group in the text column, not lost from the drop-down.
    at = _form("malgrupp_kontaktyta", anna)
    frame = at.data_editor[0].value
    assert frame["malgrupp__annat"].tolist()[0] == "Ensamkommande barn"


def test_the_points_of_contact_are_offered_as_actors_not_forced(hoerby) -> None:
    anna, submit, store, workspace_id = hoerby
    submit(
        "malgrupp_kontaktyta",
        {
            "malgrupper": [
                {"malgrupp": "hemlosa", "aktorer": ["hotell"], "andra_aktorer": "Polisen"}
            ]
        },
    )
    at = _form("aktorsanalys", anna)
    assert at.data_editor[0].value.empty, "nothing is added before the group chooses"
    chooser = next(m for m in at.multiselect if m.label == "Aktörer att lägga till")
    assert chooser.options == ["Hotell", "Polisen"]
    chooser.set_value(["Polisen"])
    at.run()
    button(at, "Lägg till i tabellen").click()
    at.run()
    assert not at.exception
    assert at.data_editor[0].value["aktor"].tolist() == ["Polisen"]
    state = store.response_state(
        actor=Actor.local(),
        workspace_id=workspace_id,
        respondent_id=anna,
        form_id="aktorsanalys",
        round=1,
    )
    assert state.draft == {"aktorer": [{"aktor": "Polisen"}]}
    chooser = next(m for m in at.multiselect if m.label == "Aktörer att lägga till")
    assert chooser.options == ["Hotell"], "an actor in the table is not offered again"


def test_the_icebreaker_draws_every_question_once_before_any_again(hoerby) -> None:
    anna, submit, _, _ = hoerby
    submit(
        "icebreaker",
        {"valda_fragor": ["te_kaffe", "disney"], "egna_fragor": [{"fraga": "Hund eller katt?"}]},
    )
    at = _form("icebreaker", anna)
    drawn = []
    for _ in range(3):
        button(at, "Dra en fråga").click()
        at.run()
        drawn.append(
            next(
                t.value
                for t in at.text
                if t.value
                in {
                    "Te eller kaffe?",
                    "Vilken Disney film relaterar du mest till?",
                    "Hund eller katt?",
                }
            )
        )
    assert sorted(drawn) == sorted(
        ["Te eller kaffe?", "Vilken Disney film relaterar du mest till?", "Hund eller katt?"]
    )
    assert "3 av 3 frågor dragna." in _texts(at)
    labels = [b.label for b in at.get("download_button")]
    assert "Ladda ner som PDF" in labels


def test_the_knowledge_bank_is_searched_and_filtered(hoerby) -> None:
    anna, submit, _, _ = hoerby
    submit(
        "kunskapsbank",
        {
            "poster": [
                {"fokusomrade": "migration", "typ": "lank", "titel": "Migrationsverket"},
                {"fokusomrade": "Eget område", "typ": "kurs", "titel": "Kurs om arbetsmarknad"},
            ]
        },
    )
    at = _form("kunskapsbank", anna)
    assert "2 poster av 2." in _texts(at)
    search = next(t for t in at.text_input if t.label == "Sök")
    search.input("kurs")
    at.run()
    assert "1 post av 2." in _texts(at)
    next(t for t in at.text_input if t.label == "Sök").set_value("")
    at.run()
    area = next(m for m in at.multiselect if m.label == "Fokusområde")
    area.set_value(["migration"])
    at.run()
    page = _texts(at)
    assert "1 post av 2." in page and "Migrationsverket" in page


def test_event_progress_on_the_form_and_the_overview(hoerby) -> None:
    anna, submit, _, _ = hoerby
    submit("event", {"punkter": ["lokal", "syfte", "fika"], "datum": "2026-05-20"})
    at = _form("event", anna)
    assert any("3 av 10 klara" in p.text for p in at.get("progress")), "the form shows it"
    at = open_page("home")
    assert not at.exception
    assert "Förberedelser: 3 av 10 klara" in _texts(at)


def test_overdue_tasks_on_the_overview(hoerby) -> None:
    _, submit, _, _ = hoerby
    yesterday = (today() - dt.timedelta(days=1)).isoformat()
    submit(
        "kartlaggningsplan",
        {
            "uppgifter": [
                {"vad": "Ring hotellen", "vem": "Sara", "nar": yesterday, "status": "pagar"},
                {"vad": "Läs lägesbilden", "vem": "Kim", "nar": yesterday, "status": "klar"},
                {"vad": "Sök på nätet", "vem": "Ali", "nar": today().isoformat()},
            ]
        },
    )
    at = open_page("home")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("1 uppgift har passerat sitt datum" in w for w in warnings), warnings
    page = _texts(at)
    assert "Ring hotellen" in page and "Läs lägesbilden" not in page


def test_the_group_page_offers_the_summary_of_a_team_exercise(hoerby) -> None:
    _, submit, _, _ = hoerby
    submit("dodsfallan", {"komma_ihag": "Förankra hos ledningen"})
    at = open_page("group", state={"group.form": "dodsfallan"})
    assert not at.exception
    page = _texts(at)
    assert "Förankra hos ledningen" in page
    assert "Sammanfattning" in page


def test_a_choice_and_a_typed_answer_in_one_row_says_which_counts(hoerby) -> None:
    anna, _, store, workspace_id = hoerby
    at = _form("malgrupp_kontaktyta", anna)
    fill_table(at, [{"malgrupp": "flyktingar", "malgrupp__annat": "Ensamkommande barn"}])
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Rad 1, Sårbar målgrupp: ni har både valt") for c in captions)
    button(at, "Spara utkast").click()
    at.run()
    state = store.response_state(
        actor=Actor.local(),
        workspace_id=workspace_id,
        respondent_id=anna,
        form_id="malgrupp_kontaktyta",
        round=1,
    )
    assert state.draft == {"malgrupper": [{"malgrupp": "Ensamkommande barn"}]}
