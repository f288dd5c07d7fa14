"""AppTest of "Fyll i formulär" (issue 9.1, 9.3, 9.6, 9.8, 9.11): the picker sticks,
every change is kept as a draft, numbers typed as text are read or flagged at their
item or cell, the version history names items by label, one "Vem svarar?"."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.catalog import load_form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import FORM_KEY, RESPONDENT_NEXT_KEY
from tests.helpers import ROOT
from tests.helpers.accounts import actor_for_user
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_app,
    open_page,
    scale_radios,
    texts,
)


@pytest.fixture(autouse=True)
def database(fresh_database):
    yield


def store() -> Store:
    return Store(make_engine(get_settings().database_url))


def state_of(form_id: str, respondent_id: int = 1):
    return store().response_state(
        actor=Actor.local(), workspace_id=1, respondent_id=respondent_id, form_id=form_id
    )


def test_the_chosen_form_sticks_and_goes_into_the_address() -> None:
    create_workspace()
    at = open_page("form", query={"form": "redo"})
    assert at.header[0].value == load_form("redo").title.sv
    at.selectbox(key=FORM_KEY).set_value("engagemang")
    at.run()
    assert at.header[0].value == load_form("engagemang").title.sv
    assert at.query_params["form"] in ("engagemang", ["engagemang"])
    at.run()  # the next rerun (any click) keeps it: no snapping back to the address's old form
    assert at.header[0].value == load_form("engagemang").title.sv


def test_a_new_address_picks_its_form() -> None:
    create_workspace()
    at = open_page("form", query={"form": "redo"})
    at.query_params["form"] = "riktning"  # a link from the overview
    at.run()
    assert at.selectbox(key=FORM_KEY).value == "riktning"
    assert at.header[0].value == load_form("riktning").title.sv


def test_every_change_is_kept_as_a_draft_with_its_time() -> None:
    create_workspace()
    at = open_page("form", query={"form": "redo"})
    add_person(at, "Anna")
    assert any("sparas som utkast när ni lämnar ett fält" in c for c in texts(at.caption))
    scale_radios(at, "redo")[0].set_value(4)
    at.run()
    assert state_of("redo").draft == {"behov": 4}
    assert any("Utkastet sparades" in c for c in texts(at.caption))
    next(t for t in at.text_area if t.label == "Kommentarer").input("Oklart")
    at.run()
    assert state_of("redo").draft == {"behov": 4, "behov_comment": "Oklart"}
    # A reload is a new session: the form comes back as it was left.
    again = open_page("form", query={"form": "redo"})
    assert scale_radios(again, "redo")[0].value == 4
    assert any("Ni fortsätter på ett utkast" in i for i in texts(again.info))


def test_text_in_a_number_field_is_flagged_and_the_rest_kept() -> None:
    create_workspace()
    at = open_page("form", query={"form": "redo"})
    add_person(at, "Anna")
    scale_radios(at, "redo")[0].set_value(2)
    at.run()
    months = next(t for t in at.text_input if t.key.endswith(".period_manader"))
    months.input("tolv")
    at.run()
    errors = " ".join(texts(at.error))
    assert "'tolv' är inte ett heltal" in errors and "ANSWER_003" in errors
    assert next(t for t in at.text_input if t.key.endswith(".period_manader")).value == "tolv"
    assert state_of("redo").draft == {"behov": 2}  # kept without the bad value
    next(t for t in at.text_input if t.key.endswith(".period_manader")).input("18")
    at.run()
    assert not at.error
    assert state_of("redo").draft == {"behov": 2, "period_manader": 18}


def test_a_decimal_comma_is_read_as_a_decimal() -> None:
    from stadforstad.widgets import read_number

    assert read_number("12,5") == 12.5
    assert read_number("1 000") == 1000
    assert read_number("tolv") == "tolv"
    assert read_number("  ") is None


def test_text_in_a_number_cell_is_flagged_at_the_row_and_column() -> None:
    create_workspace()
    at = open_page("form", query={"form": "aktorsanalys"})
    add_person(at, "Anna")
    fill_table(
        at,
        [
            {"aktor": "Polisen", "paverkansgrad": "5", "stod": "fyra"},
            {"aktor": "Kyrkan", "paverkansgrad": "2,0", "stod": "5"},
        ],
    )
    button(at, "Spara utkast").click()  # (AppTest calls no on_change for a table)
    at.run()
    errors = " ".join(texts(at.error))
    assert "Rad 1, kolumn »Upplevt stöd" in errors and "ANSWER_003" in errors
    saved = state_of("aktorsanalys").draft["aktorer"]
    assert saved == [
        {"aktor": "Polisen", "paverkansgrad": 5},
        {"aktor": "Kyrkan", "paverkansgrad": 2, "stod": 5},
    ]


def test_the_draft_notice_goes_when_the_response_is_submitted() -> None:
    create_workspace()
    at = open_page("form", query={"form": "engagemang"})
    add_person(at, "Bo")
    for radio in [r for r in at.radio if r.key and r.key.startswith("engagemang.")]:
        radio.set_value(True)
    at.run()
    assert len(state_of("engagemang").draft) == 7
    again = open_page("form", query={"form": "engagemang"})
    assert any("Ni fortsätter på ett utkast" in i for i in texts(again.info))
    button(again, "Skicka in").click()
    again.run()
    assert any("inskickat (version 1)" in s for s in texts(again.success))
    assert not any("utkast" in i for i in texts(again.info))


def test_the_version_history_names_items_by_label_and_shows_tables_as_tables() -> None:
    create_workspace()
    at = open_page("form", query={"form": "aktorsanalys"})
    add_person(at, "Bo")
    fill_table(at, [{"aktor": "Polisen", "paverkansgrad": "5", "stod": "4"}])
    at.run()
    button(at, "Skicka in").click()
    at.run()
    again = open_page("form", query={"form": "aktorsanalys"})
    fill_table(again, [{"aktor": "Kyrkan", "paverkansgrad": "1", "stod": "5"}])
    again.run()
    button(again, "Skicka in").click()
    again.run()
    assert any("version 2" in s for s in texts(again.success))
    history = next(e for e in again.expander if e.label == "Tidigare versioner")
    tables = [d.value for d in history.dataframe]
    column = load_form("aktorsanalys").item("aktorer").columns[0].label.sv
    assert any(column in t.columns and "Polisen" in set(t[column]) for t in tables)
    assert not any("aktor" in t.columns or "fråga" in t.columns for t in tables)


def test_kartlaggning_asks_who_answers_once() -> None:
    create_workspace()
    at = open_page("form", query={"form": "kartlaggning"}, state={RESPONDENT_NEXT_KEY: 1})
    add_person(at, "Anna")
    shown = [s.label for s in at.selectbox] + [h.value for h in at.subheader]
    assert sum("Vem svarar" in s for s in shown) == 1
    bransch = next(s for s in at.selectbox if s.key and s.key.endswith(".bransch"))
    assert bransch.placeholder == "Välj (eller skriv)"


def test_the_overview_says_1_inskickat_svar_and_an_empty_notes_form_is_not_done() -> None:
    create_workspace()
    at = open_page("form", query={"form": "staden"})
    add_person(at, "Anna")
    button(at, "Skicka in").click()  # nothing written
    at.run()
    assert any("inskickat (version 1)" in s for s in texts(at.success))
    home = open_page("home")
    links = [link.label for link in home.get("page_link")]
    title = load_form("staden").title.sv
    assert f"📝 {title} – 1 inskickat svar, inte klart än (fyll i varje del)" in links
    assert home.expander[0].label.endswith("(0/5)")
    filled = open_page("form", query={"form": "staden"})
    next(t for t in filled.text_area if t.key.endswith(".mojligheter")).input("Hamnen")
    filled.run()
    button(filled, "Skicka in").click()
    filled.run()
    home = open_page("home")
    assert f"✅ {title} – 1 inskickat svar" in [link.label for link in home.get("page_link")]


def test_the_installation_language_is_honoured(monkeypatch) -> None:
    monkeypatch.setenv("STADFORSTAD_LANGUAGE", "en")
    get_settings.cache_clear()
    store().create_workspace(actor=Actor.local(), name="Landskrona")
    at = open_page("form", query={"form": "redo"})
    assert at.title[0].value == "Fill in a form"
    assert at.radio(key="app.lang").value == "en"
    assert at.query_params["lang"] in ("en", ["en"])


def test_the_language_holds_from_page_to_page() -> None:
    create_workspace()
    store().respondent(actor=Actor.local(), workspace_id=1, name="Anna")
    at = open_app()
    at.radio(key="app.lang").set_value("en")
    at.run()
    for page in ("form", "group", "home"):
        at.switch_page(f"pages/{page}.py")
        at.run()
        assert not at.exception
        assert at.radio(key="app.lang").value == "en", page
    assert at.title[0].value == "Stad för stad"
    assert any(e.label.startswith("Step 0") for e in at.expander)


def test_a_user_starts_in_the_municipality_used_last_but_never_in_a_demo() -> None:
    from stadforstad import accounts
    from stadforstad.storage.preferences import PreferenceStore

    db = store()
    accounts.create_user(
        db, actor=Actor.local(), username="chefen", password="ett-långt-lösenord", admin=True
    )
    admin = actor_for_user(db, username="chefen")
    demo = db.create_workspace(actor=admin, name="Demo: Alby", is_demo=True)
    first = db.create_workspace(actor=admin, name="Bjuv")
    second = db.create_workspace(actor=admin, name="Kävlinge")
    at = open_page("home", state={"app.actor": admin})
    assert at.selectbox(key="app.workspace").value == first.id  # not the demo, though first
    at.selectbox(key="app.workspace").set_value(second.id)
    at.run()
    at.selectbox(key="app.workspace").set_value(demo.id)
    at.run()
    assert PreferenceStore(db).preferences(actor=admin).last_workspace_id == second.id
    # A new sign-in: the user is known from the first run on, as after the sign-in screen.
    later = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    later.session_state["app.actor"] = admin
    later.run()
    assert later.selectbox(key="app.workspace").value == second.id
