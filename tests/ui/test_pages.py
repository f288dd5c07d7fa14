"""AppTest for every page, and the core group's flows through them."""

from __future__ import annotations

import pytest

from stadforstad.catalog import list_forms
from stadforstad.ui.form_page import RESPONDENT_NEXT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fresh_database,
    open_app,
    open_page,
    scale_radios,
    texts,
)

PAGES = ["home", "form", "group", "workspaces", "about"]


@pytest.fixture(autouse=True)
def database(fresh_database):
    """Every test gets its own SQLite file, as a fresh installation would."""
    yield


def test_app_starts_on_the_overview() -> None:
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Stad för stad"
    expanders = [e.label for e in at.expander]
    assert expanders[0].startswith("Steg 0") and any(e.startswith("Steg 7") for e in expanders)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_a_workspace(page: str) -> None:
    at = open_page(page)
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_english(page: str) -> None:
    create_workspace()
    at = open_page(page, state={"app.lang": "en"})
    assert not at.exception, at.exception


def test_every_form_renders_on_the_form_page() -> None:
    create_workspace()
    for form in list_forms():
        at = open_page("form", query={"form": form.id}, state={RESPONDENT_NEXT_KEY: 1})
        assert not at.exception, (form.id, at.exception)


def test_create_workspace_then_it_is_chosen() -> None:
    at = create_workspace("Malmö")
    assert "Malmö är skapad och vald." in texts(at.success)
    duplicate = open_page("workspaces")
    duplicate.text_input[0].input("Malmö")
    button(duplicate, "Skapa kommun").click()
    duplicate.run()
    assert any("STORE_002" in e for e in texts(duplicate.error))


def test_fill_in_redo_draft_resume_submit_and_see_the_result() -> None:
    create_workspace()
    at = open_page("form", query={"form": "redo"})
    add_person(at, "Anna")
    radios = scale_radios(at, "redo")
    assert len(radios) == 7
    radios[0].set_value(2)
    radios[1].set_value(5)
    next(t for t in at.text_area if t.label == "Kommentarer").input("Behovet är oklart")
    button(at, "Spara utkast").click()
    at.run()
    assert not at.exception

    # The next day: a new session finds the draft where she left it.
    tomorrow = open_page("form", query={"form": "redo"})
    info = " ".join(texts(tomorrow.info))
    assert "utkast" in info
    radios = scale_radios(tomorrow, "redo")
    assert [r.value for r in radios[:3]] == [2, 5, None]
    assert (
        next(t for t in tomorrow.text_area if t.label == "Kommentarer").value == "Behovet är oklart"
    )

    # Submitting with items missing keeps everything and says where.
    button(tomorrow, "Skicka in").click()
    tomorrow.run()
    errors = " ".join(texts(tomorrow.error))
    assert "ANSWER_001" in errors and "Inget av det ni skrivit har försvunnit" in errors
    assert scale_radios(tomorrow, "redo")[0].value == 2

    for radio in scale_radios(tomorrow, "redo")[2:]:
        radio.set_value(3)
    button(tomorrow, "Skicka in").click()
    tomorrow.run()
    assert not tomorrow.exception
    assert any("inskickat (version 1)" in s for s in texts(tomorrow.success))
    metrics = {m.label: m.value for m in tomorrow.metric}
    assert metrics["Totalt"] == "22 / 35"
    assert metrics["Bedömning"] == "Redo"
    assert tomorrow.get("arrow_vega_lite_chart") or tomorrow.get("vega_lite_chart")


def test_edit_a_submitted_response_keeps_the_earlier_version() -> None:
    create_workspace()
    at = open_page("form", query={"form": "engagemang"})
    add_person(at, "Bo")
    for radio in [r for r in at.radio if r.key and r.key.startswith("engagemang.")]:
        radio.set_value(True)
    button(at, "Skicka in").click()
    at.run()
    assert {m.label: m.value for m in at.metric}["Antal JA"] == "7 / 7"
    again = open_page("form", query={"form": "engagemang"})
    next(r for r in again.radio if r.key and r.key.endswith(".langsiktigt")).set_value(False)
    button(again, "Skicka in").click()
    again.run()
    assert any("version 2" in s for s in texts(again.success))
    assert {m.label: m.value for m in again.metric}["Antal JA"] == "6 / 7"
    assert any(e.label == "Tidigare versioner" for e in again.expander)


def test_the_group_picture_of_redo() -> None:
    create_workspace()
    for name, values in (
        ("Anna", [4, 1, 3, 4, 3, 2, 3]),
        ("Bo", [4, 2, 4, 4, 3, 4, 4]),
        ("Cecilia", [5, 2, 4, 5, 4, 5, 4]),
    ):
        at = open_page("form", query={"form": "redo"})
        add_person(at, name)
        for radio, value in zip(scale_radios(at, "redo"), values):
            radio.set_value(value)
        button(at, "Skicka in").click()
        at.run()
        assert not at.exception
    group = open_page("group", state={"group.form": "redo"})
    assert not group.exception
    metrics = {m.label: m.value for m in group.metric}
    assert metrics["Deltagare"] == "3" and metrics["Median"] == "25"
    assert metrics["Redo"] == "2" and metrics["Inte redo"] == "1"
    listed = " ".join(texts(group.text))
    assert "Tid, resurser och personal" in listed  # members differ by 3 points here


def test_overview_shows_completed_forms() -> None:
    create_workspace()
    at = open_page("form", query={"form": "staden"})
    add_person(at, "Anna")
    next(t for t in at.text_area if t.key.endswith(".mojligheter")).input("Hamnen och skolorna")
    button(at, "Skicka in").click()
    at.run()
    home = open_page("home")
    assert not home.exception
    step_0 = home.expander[0].label
    assert step_0.endswith("(1/5)")
