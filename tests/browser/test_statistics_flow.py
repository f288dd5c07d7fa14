"""The statistics' group picture in a real browser: a municipality whose collaboration
plan sets yearly targets for support talks ("Antal stödsamtal": 3, 5 and 7 from 2021)
and whose network has counted 4 talks in 2021 and in 2022. On "Gruppens bild" the
statistics put the plan's targets beside the outcome: met in one year of two, year by
year in the table, and the plan's last year with its target only.
(``tests/ui/test_pages_steps.py`` covers the same with AppTest.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import served, wait_idle
from tests.helpers.steps import PLAN, STATS

pytestmark = pytest.mark.browser

STATISTICS = load_form("statistik")


@pytest.fixture(scope="module")
def statistics_app(tmp_path_factory):
    """Hörby with the plan and the statistics submitted (both the group's, round 1)."""
    folder = tmp_path_factory.mktemp("statistics")
    database_url = f"sqlite:///{folder / 'statistics.sqlite'}"
    engine = make_engine(database_url)
    store, actor = Store(engine), Actor.local()
    place = store.create_workspace(actor=actor, name="Hörby")
    group = store.group_respondent(actor=actor, workspace_id=place.id)
    plan = {"vision": "Ingen ska kunna köpas eller säljas i Hörby.", **PLAN}
    for form_id, answers in (("samverkansplan", plan), ("statistik", STATS)):
        store.submit(
            actor=actor,
            workspace_id=place.id,
            respondent_id=group.id,
            form=load_form(form_id),
            answers=answers,
        )
    engine.dispose()
    with served(database_url, log=folder / "streamlit.log") as app:
        app.workspace_id = place.id
        yield app


def rows_of(grid: Locator) -> dict[str, list[str]]:
    """The grid's rows as its accessible table holds them: first cell → every cell."""
    cells = [row.locator("td").all_inner_texts() for row in grid.locator("tbody tr").all()]
    return {texts[0].strip(): [t.strip() for t in texts] for texts in cells if texts}


def test_the_group_picture_of_the_statistics_sets_the_plans_targets_against_the_outcome(
    statistics_app, page: Page
) -> None:
    page.goto(f"{statistics_app.url}/group?kommun={statistics_app.workspace_id}")
    expect(page.get_by_role("heading", name="Gruppens bild", exact=True)).to_be_visible(
        timeout=120_000
    )
    wait_idle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Formulär")
    picker.locator("input").focus()
    page.keyboard.type(STATISTICS.title.sv)
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(picker.locator("input")).to_have_value(re.compile(re.escape(STATISTICS.title.sv)))
    expect(page.get_by_text("1 inskickat svar i Hörby, omgång 1.")).to_be_visible()

    note = page.get_by_test_id("stAlert").filter(has_text="målet i samverkansplanen")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("Stödsamtal utförda: målet i samverkansplanen nått 1 av 2 år.")

    # The support talks year by year: the figure, the plan's target, whether it was met.
    talks = page.get_by_test_id("stDataFrame").filter(has_text="Mål i planen")
    expect(talks).to_have_count(1)
    expect(talks.locator("td", has_text=re.compile(r"^2023$"))).to_have_count(1)
    rows = rows_of(talks)
    header = [t.strip() for t in talks.locator("thead th").all_inner_texts()]
    column = {name: header.index(name) for name in ("År", "Antal", "Mål i planen", "Nått")}
    seen = {
        year: [rows[year][column[name]] for name in ("Antal", "Mål i planen", "Nått")]
        for year in ("2021", "2022", "2023")
    }
    # 2023: the plan's last year, no figure yet ("–"), so not judged.
    assert seen == {"2021": ["4", "3", "ja"], "2022": ["4", "5", "nej"], "2023": ["–", "7", "–"]}
