"""In a real browser: the routine for individual cases shows its steps and flow chart,
and its one-page flyer downloads as a PDF holding every step and contact; the
statistics show the collaboration plan's target against the outcome."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from stadforstad import demo
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.browser import served, wait_idle
from tests.helpers.steps import PLAN, ROUTINE, STATS, answering

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def routine_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("routine")
    database_url = f"sqlite:///{folder / 'routine.sqlite'}"
    engine = make_engine(database_url)
    store, actor = Store(engine), Actor.local()
    place = store.create_workspace(actor=actor, name="Helsingborg")
    anna = store.respondent(actor=actor, workspace_id=place.id, name="Anna")
    plan = demo._Generator(random.Random(1), 3.5, ()).answers(load_form("samverkansplan"))
    plan["delmal"] = PLAN["delmal"]
    for form_id, answers in (
        ("arenderutin", ROUTINE),
        ("samverkansplan", plan),
        ("statistik", STATS),
    ):
        form = load_form(form_id)
        store.submit(
            actor=actor,
            workspace_id=place.id,
            respondent_id=answering(store, actor, place.id, form_id, anna.id),
            form=form,
            answers=check_answers(form, answers, coerce=True),
        )
    engine.dispose()
    with served(database_url, log=folder / "streamlit.log") as running:
        yield running


def test_download_the_routine_as_a_one_page_flyer(routine_app, page: Page) -> None:
    page.goto(f"{routine_app.url}/form?form=arenderutin")
    # The first run of the form page imports the document and chart libraries.
    expect(page.get_by_role("heading", name="Rutin för enskilda ärenden")).to_be_visible(
        timeout=120_000
    )
    expect(page.get_by_text("Rutinen steg för steg")).to_be_visible()
    chart = page.get_by_role("img", name="1. Ring polisen vid misstanke", exact=False)
    expect(chart).to_be_visible()
    wait_idle(page)

    expect(page.get_by_text("Rutinen som flygblad (en sida)")).to_be_visible()
    buttons = page.get_by_test_id("stDownloadButton").filter(has_text="Ladda ner som PDF")
    expect(buttons).to_have_count(3)
    with page.expect_download(timeout=60_000) as download_info:
        buttons.nth(2).click()
    download = download_info.value
    assert "flygblad" in download.suggested_filename
    assert download.suggested_filename.endswith(".pdf")
    data = Path(download.path()).read_bytes()
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    for expected in (
        "Lokala rutiner gällande människohandel & prostitution",
        "Ring polisen vid misstanke",
        "Telefon (1:a hand): 0738216384",
        "I akuta fall: 112",
        "Dokumentera incidenten",
        "Helsingborg",
    ):
        assert expected in text, expected


def test_statistics_show_target_against_outcome(routine_app, page: Page) -> None:
    page.goto(f"{routine_app.url}/form?form=statistik")
    expect(page.get_by_role("heading", name="Statistik från nätverket")).to_be_visible()
    expect(
        page.get_by_text("Stödsamtal utförda: målet i samverkansplanen nått 1 av 2 år.")
    ).to_be_visible()
    expect(page.get_by_text("Totalt per mått")).to_be_visible()
    # The chart is drawn when it comes into view.
    page.get_by_text("Diagrammet i ord och siffror").scroll_into_view_if_needed()
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
