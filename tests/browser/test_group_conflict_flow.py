"""Two members write the same shared plan at once, in two real browsers: each adds a
second sub-goal to the "Delmål" table; the first one's is saved, the second one's
save is refused (STORE_007) and the second member sees the difference row by row –
"Delmål, rad 2", their row beside the saved one – and nothing was overwritten.
(``tests/ui/test_plan_page.py`` covers the same with AppTest and a text field.)

The app runs with local accounts, so each browser is a member of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from stadforstad import accounts
from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.browser.test_aktorsanalys_flow import FIRST_COLUMN_X
from tests.helpers.browser import PASSWORD, ROW_HEIGHT, served, sign_in, wait_idle

pytestmark = pytest.mark.browser

PLAN = load_form("samverkansplan")
FIRST_GOAL = {"nummer": "delmal_1", "delmal": "Ökad lagföring av sexköpare"}
#: What each member adds as the table's second row: number and sub-goal.
ANNAS, BOS = ["delmal_2", "Hotell"], ["delmal_2", "Taxi"]


@pytest.fixture(scope="module")
def plan_app(tmp_path_factory):
    """Landskrona with two members, Anna and Bo, and a plan with one sub-goal saved."""
    folder = tmp_path_factory.mktemp("conflict")
    database_url = f"sqlite:///{folder / 'conflict.sqlite'}"
    engine = make_engine(database_url)
    store = Store(engine)
    local = Actor.local()
    place = store.create_workspace(actor=local, name="Landskrona")
    for name in ("anna", "bo"):
        accounts.create_user(store, actor=local, username=name, password=PASSWORD)
        accounts.grant_role(store, actor=local, username=name, workspace_id=place.id, role="member")
    # Saved by someone else, so that the warning naming Anna speaks of her save below.
    group = store.group_respondent(actor=local, workspace_id=place.id)
    store.save_draft(
        actor=local,
        workspace_id=place.id,
        respondent_id=group.id,
        form=PLAN,
        answers={"delmal": [FIRST_GOAL]},
    )
    engine.dispose()
    with served(database_url, {"STADFORSTAD_AUTH": "local"}, log=folder / "streamlit.log") as app:
        app.workspace_id = place.id
        app.group_id = group.id
        yield app


def open_plan(browser: Browser, app, username: str) -> Page:
    """A browser of the member's own, signed in, on the plan with its one sub-goal."""
    expect.set_options(timeout=30_000)  # as the ``page`` fixture: a busy machine is slow
    context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.url)
    page = context.new_page()
    page.goto(app.url)
    expect(page.get_by_label("Användarnamn")).to_be_visible(timeout=120_000)
    sign_in(page, username)
    page.goto(f"{app.url}/form?form=samverkansplan&kommun={app.workspace_id}")
    expect(page.get_by_role("heading", name=PLAN.title.sv, exact=True)).to_be_visible()
    wait_idle(page)
    expect(goals(page).locator("td", has_text=FIRST_GOAL["delmal"])).to_have_count(1)
    return page


def goals(page: Page) -> Locator:
    """The "Delmål" grid: the plan's first table. The form's grids have keys, which
    Streamlit writes as a class (``st-key-<key>``); the difference shown in a conflict
    is a table without one, and its cells may hold any column's name."""
    return page.locator("[class*='st-key-samverkansplan-'] [data-testid='stDataFrame']").first


def add_second_goal(page: Page, cells: list[str]) -> None:
    """Add a row with the grid's "Add row" button and paste ``cells`` into it, tab-
    separated, from its first cell (as ``tests/browser/test_plan_flow.py`` does)."""
    grid = goals(page)
    grid.scroll_into_view_if_needed()
    grid.hover()
    grid.get_by_role("button", name="Add row").press("Enter")
    wait_idle(page)
    for attempt in range(3):
        # The second row, under the header and the first.
        grid.locator(".dvn-scroller").click(position={"x": FIRST_COLUMN_X, "y": ROW_HEIGHT * 2.5})
        page.evaluate("text => navigator.clipboard.writeText(text)", "\t".join(cells))
        page.keyboard.press("Control+V")
        try:
            expect(grid.locator("td", has_text=re.compile(f"^{cells[1]}$"))).to_have_count(
                1, timeout=10_000
            )
            break
        except AssertionError:
            if attempt == 2:
                raise
            wait_idle(page)
    wait_idle(page)


def test_the_second_of_two_members_sees_the_difference_of_the_table_row_by_row(
    plan_app, browser: Browser
) -> None:
    anna = open_plan(browser, plan_app, "anna")
    bo = open_plan(browser, plan_app, "bo")
    try:
        add_second_goal(anna, ANNAS)
        expect(anna.get_by_text(re.compile(r"Utkastet sparades \d\d:\d\d:\d\d"))).to_be_visible()
        expect(anna.get_by_text("Någon annan sparade först")).to_have_count(0)

        add_second_goal(bo, BOS)
        warning = bo.get_by_test_id("stAlert").filter(has_text="Någon annan sparade först")
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("anna sparade")
        expect(warning).to_contain_text("STORE_007")
        difference = bo.get_by_test_id("stDataFrame").filter(has_text="Sparat av anna")
        expect(difference).to_be_visible()
        # One line, for the row that differs, with both versions of it written out.
        expect(difference.locator("td", has_text=re.compile(r"^Delmål, rad 2$"))).to_have_count(1)
        expect(difference.locator("td", has_text=re.compile(r", rad 1$"))).to_have_count(0)
        expect(difference.locator("td", has_text="Delmål: Hotell")).to_have_count(1)
        expect(difference.locator("td", has_text="Delmål: Taxi")).to_have_count(1)
    except Exception:
        folder = Path(plan_app.database_url.removeprefix("sqlite:///")).parent
        for name, page in (("anna", anna), ("bo", bo)):
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        raise
    finally:
        anna.context.close()
        bo.context.close()

    # Nothing was overwritten: Anna's row stands until Bo chooses.
    engine = make_engine(plan_app.database_url)
    try:
        state = Store(engine).response_state(
            actor=Actor.local(),
            workspace_id=plan_app.workspace_id,
            respondent_id=plan_app.group_id,
            form_id="samverkansplan",
        )
    finally:
        engine.dispose()
    assert [row.get("delmal") for row in state.working_answers["delmal"]] == [
        FIRST_GOAL["delmal"],
        ANNAS[1],
    ]
