"""AppTest for the four assessments of steps 2, 3 and 7 on the form page and the group
page: fill in, submit, see the words and the chart; two members who differ by 2 or more
get the item flagged; actors typed once are shared between aktorsanalys and
samverkansnivaer (``rows_from``)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import RESPONDENT_NEXT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_page,
    texts,
)

THREE_ACTORS = [
    {"aktor": "Polisen", "paverkansgrad": 5, "stod": 4},
    {"aktor": "Hotellet", "paverkansgrad": 4, "stod": 1},
    {"aktor": "Kyrkan", "paverkansgrad": 1, "stod": 5},
]
SHARED_NOTICE = "Aktörerna är hämtade från »{title}«"


@pytest.fixture(autouse=True)
def workspace(fresh_database):
    create_workspace()
    return fresh_database


def widget(elements, item_id: str):
    """The widget of one item, whatever context its key carries."""
    return next(e for e in elements if e.key and e.key.endswith(f".{item_id}"))


def submit(at: AppTest) -> AppTest:
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception, at.exception
    assert any("inskickat" in s for s in texts(at.success)), texts(at.error)
    return at


def has_chart(at: AppTest) -> bool:
    return bool(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))


def frames(at: AppTest) -> list:
    """Every read-only table on the page as a list of records."""
    return [d.value.to_dict("records") for d in at.dataframe if d.editing_mode == "read_only"]


def all_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "warning", "info", "success", "text")
        for e in at.get(kind)
    ]
    return " ".join(str(p) for p in parts)


def open_as(name: str, form_id: str, *, respondent_id: int | None = None) -> AppTest:
    """The form page with ``name`` answering: added as a new participant, or the existing
    one with ``respondent_id``."""
    if respondent_id is not None:
        return open_page(
            "form", query={"form": form_id}, state={RESPONDENT_NEXT_KEY: respondent_id}
        )
    at = open_page("form", query={"form": form_id})
    add_person(at, name)
    return at


# -- filling in ------------------------------------------------------------------------
def fill_kartlaggning(at: AppTest, actor: str, values: dict[str, int]) -> None:
    widget(at.text_input, "aktor").input(actor)
    widget(at.selectbox, "bransch").set_value("hotell")
    for item_id, value in values.items():
        widget(at.radio, item_id).set_value(value)


def fill_levels(at: AppTest, today: int, wished: int) -> None:
    widget(at.radio, "niva_idag").set_value(today)
    widget(at.radio, "niva_onskad").set_value(wished)


def test_kartlaggning_shows_each_category_average_and_marks_partial() -> None:
    at = open_as("Anna", "kartlaggning")
    fill_kartlaggning(
        at,
        "Hotell Norra",
        {
            "generell_1": 2,
            "generell_2": 3,
            "sexuell_1": 5,
            "sexuell_2": 4,
            "tiggeri_1": 1,
            "arbete_1": 3,
            "arbete_2": 3,
            "kriminell_1": 1,
            "kriminell_2": 2,
            "hushall_1": 1,
            "hushall_2": 1,
        },
    )  # tiggeri_2 left out: a partial category
    submit(at)
    assert {m.label: m.value for m in at.metric}["Besvarade indikatorer"] == "11 / 12"
    assert "Aktör: Hotell Norra" in texts(at.text)[0]
    categories = frames(at)[0]
    assert [(c["Kategori"], c["Genomsnitt"]) for c in categories[:2]] == [
        ("Indikatorer sexuell exploatering", 4.5),
        ("Indikatorer arbetsrelaterad exploatering/ människoexploatering", 3.0),
    ]
    begging = next(c for c in categories if c["Kategori"] == "Tiggeri")
    assert begging["Genomsnitt"] == 1.0 and begging["Besvarade"] == "1/2"
    assert begging["Anmärkning"] == "bara en av två indikatorer besvarad"
    assert any(
        "Bara en av två indikatorer besvarad" in w and "Tiggeri" in w for w in texts(at.warning)
    )
    assert "lägg ihop siffrorna och dela på 2" in all_text(at)
    assert has_chart(at)


def test_utvecklingsnivaer_shows_the_levels_and_the_gap_in_words() -> None:
    at = open_as("Anna", "utvecklingsnivaer")
    fill_levels(at, 2, 4)
    submit(at)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Idag"], metrics["Önskad"], metrics["Skillnad"]) == ("2 / 5", "4 / 5", "+2")
    words = " ".join(texts(at.markdown))
    assert "Ni vill ta 2 steg upp" in words
    assert "2 · Den förberedda krishanteraren" in words and "4 · Processägaren" in words
    assert "På vägen: 3 · Den holistiska lagspelaren" in words
    assert has_chart(at)


def test_samverkansnivaer_counts_actors_per_level_and_the_largest_gaps() -> None:
    at = open_as("Anna", "samverkansnivaer")
    fill_table(
        at,
        [
            {"aktor": "Polisen", "niva_idag": "natverkande", "niva_onskad": "samverkan"},
            {"aktor": "Skolan", "niva_idag": "samordning", "niva_onskad": "samarbete"},
            {"aktor": "Taxi"},
        ],
    )
    submit(at)
    assert {m.label: m.value for m in at.metric}["Aktörer"] == "3"
    counts, gaps = frames(at)[:2]
    assert {c["Nivå"]: (c["Idag"], c["Önskad"]) for c in counts}["Stärka varandras kapacitet"] == (
        0,
        1,
    )
    assert [(g["Aktör"], g["Skillnad"]) for g in gaps] == [("Polisen", 3), ("Skolan", 1)]
    assert any("1 aktör saknar nivå idag" in w for w in texts(at.warning))
    assert "Taxi" in texts(at.text)
    assert has_chart(at)


def test_aktorsanalys_ranks_where_to_invest_and_lists_quadrants() -> None:
    at = open_as("Anna", "aktorsanalys")
    fill_table(at, [*THREE_ACTORS, {"aktor": "Skolan", "paverkansgrad": 3}])
    submit(at)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Aktörer"], metrics["På kartan"], metrics["Satsa mer"]) == ("4", "3", "1")
    assert texts(at.text)[0] == "1. Hotellet (påverkan 4, stöd 1)"
    quadrants = {q["Ruta"]: q["Aktörer"] for q in frames(at)[0]}
    assert quadrants == {
        "Satsa mer": "Hotellet",
        "Nyckelaktörer – håll nära": "Polisen",
        "Håll informerade": "Kyrkan",
        "Bevaka": "",
    }
    assert any("1 aktör saknar påverkansgrad eller stöd" in w for w in texts(at.warning))
    assert "Skolan" in texts(at.text)
    assert has_chart(at)


# -- the group page --------------------------------------------------------------------
def group_page(form_id: str) -> AppTest:
    at = open_page("group", state={"group.form": form_id})
    assert not at.exception, at.exception
    assert has_chart(at)
    return at


def flagged(at: AppTest, column: str) -> list[str]:
    return [
        row[column]
        for frame in frames(at)
        for row in frame
        if row.get("Diskutera") == "ja – prata om det"
    ]


def test_group_kartlaggning_shows_the_spread_without_asking_to_talk_it_through() -> None:
    """Different industries answering differently is the point of the mapping: the group
    view shows where the picture varies, never "prata om det", and says blank is not 0."""
    for name, value in (("Anna", 1), ("Bo", 3)):
        at = open_as(name, "kartlaggning")
        fill_kartlaggning(at, f"Hotell {name}", {"generell_1": value, "generell_2": 2})
        submit(at)
    at = group_page("kartlaggning")
    assert {m.label: m.value for m in at.metric}["Deltagare"] == "2"
    words = all_text(at)
    assert "prata om det" not in words and not texts(at.warning)
    assert "1 av 12 indikatorer skiljer sig 2 poäng eller mer" in words
    assert "räknas inte som 0" in words
    assert flagged(at, "Fråga") == []
    label = load_form("kartlaggning").item("generell_1").label.sv
    row = next(r for f in frames(at) for r in f if r.get("Fråga") == label)
    assert (row["Medel"], row["Min"], row["Max"], row["Spridning"]) == ("2", "1", "3", "2")


def test_group_utvecklingsnivaer_flags_levels_two_apart() -> None:
    for name, today in (("Anna", 1), ("Bo", 3)):
        at = open_as(name, "utvecklingsnivaer")
        fill_levels(at, today, 4)
        submit(at)
    at = group_page("utvecklingsnivaer")
    assert flagged(at, "Fråga") == ["Var befinner ni er?"]
    assert {m.label: m.value for m in at.metric}["Medelskillnad (önskad − idag)"] == "+2"


def test_group_samverkansnivaer_flags_actors_two_levels_apart() -> None:
    for name, today in (("Anna", "natverkande"), ("Bo", "samarbete")):
        at = open_as(name, "samverkansnivaer")
        fill_table(
            at,
            [
                {"aktor": "Polisen", "niva_idag": today, "niva_onskad": "samverkan"},
                {"aktor": "Skolan", "niva_idag": "samordning", "niva_onskad": "samarbete"},
            ],
        )
        submit(at)
    at = group_page("samverkansnivaer")
    assert flagged(at, "Aktör") == ["Polisen"]
    polisen = next(r for f in frames(at) for r in f if r.get("Aktör") == "Polisen")
    assert polisen["Idag, min – max"] == "Nätverkande – Samarbete"
    assert polisen["Idag, medel"] == 2.0 and polisen["Svar"] == 2


def test_group_aktorsanalys_flags_actors_two_points_apart() -> None:
    for name, support in (("Anna", 1), ("Bo", 3)):
        at = open_as(name, "aktorsanalys")
        fill_table(
            at,
            [
                {"aktor": "Hotellet", "paverkansgrad": 4, "stod": support},
                {"aktor": "Polisen", "paverkansgrad": 5, "stod": 5},
            ],
        )
        submit(at)
    at = group_page("aktorsanalys")
    assert flagged(at, "Aktör") == ["Hotellet"]
    assert texts(at.text)[0] == "1. Hotellet (påverkan 4, stöd 2)"


# -- actors typed once (rows_from) ------------------------------------------------------
def store_for(url: str) -> Store:
    return Store(make_engine(url))


def editor_actors(at: AppTest) -> list[str]:
    return [a for a in at.data_editor[0].value["aktor"].tolist() if a]


@pytest.mark.parametrize(
    ("source", "target", "rows"),
    [
        ("aktorsanalys", "samverkansnivaer", THREE_ACTORS),
        (
            "samverkansnivaer",
            "aktorsanalys",
            [
                {"aktor": "Polisen", "niva_idag": "natverkande"},
                {"aktor": "Hotellet"},
                {"aktor": "Kyrkan"},
            ],
        ),
    ],
)
def test_a_new_table_starts_with_the_actors_of_the_linked_form(source, target, rows) -> None:
    first = open_as("Anna", source)
    fill_table(first, rows)
    submit(first)

    at = open_as("Bo", target)  # another member: the actors are the core group's
    title = load_form(source).title.sv
    assert any(SHARED_NOTICE.format(title=title) in i for i in texts(at.info))
    assert editor_actors(at) == ["Polisen", "Hotellet", "Kyrkan"]
    submit(at)  # untouched, the rows go in as they stand
    assert {m.label: m.value for m in at.metric}["Aktörer"] == "3"


def test_saved_rows_are_kept_and_nothing_is_shared_without_a_submission(workspace) -> None:
    store, admin = store_for(workspace), Actor.local()
    ws = store.list_workspaces(actor=admin)[0]
    at = open_as("Bo", "samverkansnivaer")
    assert editor_actors(at) == []
    assert not any("hämtade från" in i for i in texts(at.info))

    # Anna's draft of the actor analysis is not shared: only submitted responses are.
    anna = store.respondent(actor=admin, workspace_id=ws.id, name="Anna")
    form = load_form("aktorsanalys")
    store.save_draft(
        actor=admin,
        workspace_id=ws.id,
        respondent_id=anna.id,
        form=form,
        answers={"aktorer": THREE_ACTORS},
    )
    at.run()
    assert editor_actors(at) == []

    # Once submitted, the table Bo still has open (nothing saved) starts with the actors.
    store.submit(
        actor=admin,
        workspace_id=ws.id,
        respondent_id=anna.id,
        form=form,
        answers={"aktorer": THREE_ACTORS},
    )
    at.run()
    assert editor_actors(at) == ["Polisen", "Hotellet", "Kyrkan"]

    # Bo's own saved rows win over the shared ones.
    bo = next(p for p in store.list_respondents(actor=admin, workspace_id=ws.id) if p.name == "Bo")
    store.save_draft(
        actor=admin,
        workspace_id=ws.id,
        respondent_id=bo.id,
        form=load_form("samverkansnivaer"),
        answers={"aktorer": [{"aktor": "Taxi"}]},
    )
    again = open_as("Bo", "samverkansnivaer", respondent_id=bo.id)
    assert editor_actors(again) == ["Taxi"]
    assert not any("hämtade från" in i for i in texts(again.info))
