"""The escort-site template in a real browser: a core-group member signs in, opens
``eskortsidor``, sees the warning against identifying details, types two adverts of one
search occasion (two sites, two nationalities, the same advertiser's name twice),
submits, and sees the summary per search occasion and per month. The advertiser's name
typed is then nowhere in the app's SQLite file: only its keyed hash is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from stadforstad import accounts
from stadforstad.keyed import Key, keyed_hash
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.preferences import PreferenceStore
from tests.helpers.accounts import actor_for_user
from tests.helpers.browser import (
    PASSWORD,
    ROW_HEIGHT,
    served,
    sign_in,
    type_cell,
    wait_for_cookie,
    wait_idle,
)

pytestmark = pytest.mark.browser

#: The installation's key, given to the app so the test can compute the expected code.
HASH_KEY = "en-hemlig-testnyckel-for-eskortsidor"
#: ASCII first: under load the first keystroke into a cell can be lost.
ADVERTISER = "Zelda Qwertyson"
DAY = "2026-11-03"
#: site typed beside the list (the option it names is stored), nationality
ADVERTS = [("rosasidan", "Rumanien"), ("xescorts", "Thailand")]
#: From the grid's left edge to the middle of the columns typed in (each as wide as its
#: title): "Datum", "Webbsida: annan (skriv)", "Namn på annonsör", "Nationalitet".
DATE_X, SITE_X, ADVERTISER_X, NATIONALITY_X = 75, 335, 516, 661


@pytest.fixture(scope="module")
def escort_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eskort")
    path = folder / "eskort.sqlite"
    database_url = f"sqlite:///{path}"
    engine = make_engine(database_url)
    store = Store(engine)
    local = Actor.local()
    place = store.create_workspace(actor=local, name="Alfastad")
    accounts.create_user(store, actor=local, username="medlem", password=PASSWORD)
    accounts.grant_role(store, actor=local, username="medlem", workspace_id=place.id, role="member")
    member = actor_for_user(store, username="medlem")
    anna = store.respondent(actor=member, workspace_id=place.id, name="Anna")
    PreferenceStore(store).link_participant(
        actor=member, workspace_id=place.id, respondent_id=anna.id
    )
    engine.dispose()
    with served(
        database_url,
        {"STADFORSTAD_AUTH": "local", "STADFORSTAD_HASH_KEY": HASH_KEY},
        log=folder / "streamlit.log",
    ) as running:
        running.path = path
        yield running


def _fill_date(page: Page, x: float, y: float, day: str) -> None:
    """The date cell's editor is a date input: open it (a double click), set the day,
    commit with Enter."""
    page.mouse.dblclick(x, y)
    editor = page.locator("input[type='date']")
    expect(editor).to_be_visible()
    editor.fill(day)
    page.wait_for_timeout(300)
    editor.press("Enter")
    page.wait_for_timeout(300)


def _database_text(path: Path) -> str:
    """Every row of every table, and the raw bytes of the file and its write-ahead log."""
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    return dump + "\n" + raw.decode("utf-8", errors="replace")


def test_member_types_two_adverts_sees_the_summary_and_the_name_is_only_a_code(
    escort_app, page: Page
) -> None:
    page.goto(escort_app.url)
    sign_in(page, "medlem")
    wait_for_cookie(page.context)
    page.goto(f"{escort_app.url}/form?form=eskortsidor")
    expect(
        page.get_by_role(
            "heading", name="Mall för insamling av information från escortsidor", exact=True
        )
    ).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Det här är du (kopplat till ditt konto).")).to_be_visible()
    # The warnings: the page's own for sensitive forms, and the form's against anything
    # that identifies a person.
    expect(
        page.get_by_text("Det här formuläret kan röra uppgifter om enskilda personer.")
    ).to_be_visible()
    expect(
        page.get_by_text("skriv inget som kan identifiera en person", exact=False)
    ).to_be_visible()

    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    wait_idle(page)
    grid.scroll_into_view_if_needed()
    for row, (site, nationality) in enumerate(ADVERTS):
        box = grid.bounding_box()
        assert box is not None
        y = box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2
        # The "+" row under the last one: a click adds a row.
        page.mouse.click(box["x"] + DATE_X, y)
        page.wait_for_timeout(1500)
        wait_idle(page)
        _fill_date(page, box["x"] + DATE_X, y, DAY)
        # Each cell on its own: selected by a click once the grid has settled.
        for x, text in ((SITE_X, site), (ADVERTISER_X, ADVERTISER), (NATIONALITY_X, nationality)):
            wait_idle(page)
            page.mouse.click(box["x"] + x, y)
            page.wait_for_timeout(300)
            type_cell(page, text, "Tab")
        wait_idle(page)
    page.get_by_role("button", name="Skicka in").click()

    expect(page.get_by_text("Tack! Svaret är inskickat (version 1).")).to_be_visible(timeout=60_000)
    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="Annonser")).to_contain_text("2")
    expect(metrics.filter(has_text="Söktillfällen")).to_contain_text("1")
    expect(metrics.filter(has_text="Olika annonsörer")).to_contain_text("1")
    expect(metrics.filter(has_text="Sedda vid flera tillfällen")).to_contain_text("0")
    body = page.locator("body")
    expect(body).to_contain_text("Per söktillfälle")
    expect(body).to_contain_text("Per månad")
    expect(body).to_contain_text("rosasidan 1, xescorts 1")
    expect(body).to_contain_text("Rumanien 1, Thailand 1")
    expect(body).to_contain_text(DAY)
    expect(body).to_contain_text(DAY[:7])

    code = keyed_hash(ADVERTISER, Key(HASH_KEY.encode(), "env"))
    engine = make_engine(escort_app.database_url)
    try:
        store = Store(engine)
        (response,) = store.submitted(
            actor=Actor.local(),
            workspace_ids=[w.id for w in store.list_workspaces(actor=Actor.local())],
            form_id="eskortsidor",
        )
    finally:
        engine.dispose()
    assert response.answers["annonser"] == [
        {"datum": DAY, "webbsida": site, "namn_pa_annonsor": code, "nationalitet": nationality}
        for site, nationality in ADVERTS
    ]
    stored = _database_text(escort_app.path)
    assert code in stored
    for part in (ADVERTISER, *ADVERTISER.split()):
        assert part.casefold() not in stored.casefold(), part
