"""The comparison page through Streamlit's AppTest, on a temporary SQLite file.

Rights: the page (and the data layer under it) shows nothing to a member without a
coordinator grant. With sign-in from the accounts branch the same is checked in a
real browser; until then it is checked here by setting the actor in the session.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers import ROOT

PAGE = str(ROOT / "pages" / "compare.py")
APP = str(ROOT / "app.py")


@pytest.fixture
def page(demo_url, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", demo_url)
    get_settings.cache_clear()
    yield AppTest.from_file(PAGE, default_timeout=60)
    get_settings.cache_clear()


def ids_by_name(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        return {w.name: w.id for w in Store(engine).list_workspaces(actor=Actor.local())}
    finally:
        engine.dispose()


def charts(at) -> list:
    return at.get("vega_lite_chart")


def test_administrator_sees_every_view(page):
    at = page.run()
    assert not at.exception
    assert at.title[0].value == "Jämför kommuner"
    assert len(charts(at)) == 2  # the totals and the heatmap
    assert "Visar 10 av 10 kommuner." in [c.value for c in at.caption]
    table = at.dataframe[0].value
    assert len(table) == 10 and "Median total" in table.columns
    assert "1 svar" in set(table["Obs"])  # Demo: Mossby has one respondent
    assert len(at.get("download_button")) == 2
    for view in ("forandring", "arenden", "samverkan", "indikatorer", "framsteg"):
        at.radio(key="compare.view").set_value(view).run()
        assert not at.exception, view
        assert charts(at), view
        assert at.dataframe and len(at.get("download_button")) == 1, view
    assert len(at.dataframe[0].value) == 10  # the progress table


def test_top_n_search_and_municipality_filter(page, demo_url):
    at = page.run()
    at.number_input(key="compare.limit").set_value(3)
    at.selectbox(key="compare.order").set_value("low").run()
    table = at.dataframe[0].value
    assert len(table) == 3
    medians = list(table["Median total"])
    assert medians == sorted(medians)  # the three least ready first
    at.number_input(key="compare.limit").set_value(0)
    at.text_input(key="compare.search").input("berg").run()
    assert list(at.dataframe[0].value["Kommun"]) == ["Demo: Bergholm"]
    ids = ids_by_name(demo_url)
    at.text_input(key="compare.search").input("").run()
    at.multiselect(key="compare.workspaces").set_value([ids["Demo: Ekbacka"]]).run()
    assert list(at.dataframe[0].value["Kommun"]) == ["Demo: Ekbacka"]


def test_round_filter(page):
    at = page.run()
    at.selectbox(key="compare.round").set_value(1).run()
    table = at.dataframe[0].value.set_index("Kommun")
    assert not at.exception and set(table["Omgång"].dropna()) == {1}


def test_coordinator_sees_only_granted_municipalities(page, demo_url):
    ids = ids_by_name(demo_url)
    page.session_state["app.actor"] = Actor(
        name="länet",
        grants={ids["Demo: Norrvik"]: "coordinator", ids["Demo: Sjöstad"]: "coordinator"},
    )
    at = page.run()
    assert not at.exception
    assert sorted(at.dataframe[0].value["Kommun"]) == ["Demo: Norrvik", "Demo: Sjöstad"]
    assert not at.expander  # the demo controls are for administrators


def test_member_gets_a_message_and_no_data(page, demo_url):
    ids = ids_by_name(demo_url)
    page.session_state["app.actor"] = Actor(name="medlem", grants={ids["Demo: Norrvik"]: "member"})
    at = page.run()
    assert not at.exception
    assert "länssamordnare" in at.warning[0].value
    assert not at.dataframe and not charts(at)
    assert [r.key for r in at.radio] == ["app.lang"]  # no view picker, no filters
    assert not at.multiselect


def test_navigation_shows_the_page_to_coordinators_only(demo_url, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", demo_url)
    get_settings.cache_clear()
    ids = ids_by_name(demo_url)
    member = AppTest.from_file(APP, default_timeout=60)
    member.session_state["app.actor"] = Actor(name="m", grants={ids["Demo: Norrvik"]: "member"})
    member.run()
    coordinator = AppTest.from_file(APP, default_timeout=60)
    coordinator.session_state["app.actor"] = Actor(
        name="k", grants={ids["Demo: Norrvik"]: "coordinator"}
    )
    coordinator.run()
    assert not member.exception and not coordinator.exception
    assert "compare" not in _page_names(member) and "compare" in _page_names(coordinator)
    get_settings.cache_clear()


def _page_names(at) -> set[str]:
    # The pages st.navigation registered in the last run (AppTest keeps them to resolve
    # switch_page); named by their file.
    return {Path(str(info.get("script_path", ""))).stem for info in at._registered_pages.values()}


def test_the_views_label_their_data_in_the_readers_language(page, demo_url):
    """The same frames in Swedish, then in English: the categories and the notes follow
    the language (the cached frames are kept per language). After a switch to English
    AppTest cannot pick another view (it formats the options outside the session), so
    a second session opens in English."""
    from stadforstad.catalog import load_form

    form = load_form("kartlaggning")
    titles = {lang: {s.title.get(lang) for s in form.sections[1:-1]} for lang in ("sv", "en")}
    at = page.run()
    assert "1 svar" in set(at.dataframe[0].value["Obs"])
    at.radio(key="compare.view").set_value("indikatorer").run()
    assert titles["sv"] <= set(at.dataframe[0].value.columns)
    at.radio(key="app.lang").set_value("en").run()
    assert not at.exception
    columns = set(at.dataframe[0].value.columns)
    assert titles["en"] <= columns and not titles["sv"] & columns
    english = AppTest.from_file(PAGE, default_timeout=60)
    english.session_state["app.lang"] = "en"
    english.run()
    assert not english.exception
    assert "1 response" in set(english.dataframe[0].value["Note"])
