"""The compilation's exports in English, in a real browser: four answers have come in
through a hotel link; the member switches the app to English in the side menu and
downloads the compilation (Excel) and the answers (CSV). The sheets and the headers
are English, and so are the words in the cells the app writes (the row for all
industries). (``tests/storage/links/test_links_compilation.py`` covers the tables.)"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from stadforstad.storage import Store, make_engine
from tests.helpers.browser import served, wait_idle
from tests.helpers.roles import answered

pytestmark = pytest.mark.browser

SHEETS = [
    "Industry x category",
    "Distribution",
    "Answers per industry",
    "Answers per link",
    "Notes",
]
SWEDISH = {"bransch", "antal", "antal svar", "länk", "svar", "kontakt", "inskickat", "fråga"}


@pytest.fixture(scope="module")
def compilation_app(tmp_path_factory):
    """Källby, whose hotel link has four answers with names (``answered``)."""
    folder = tmp_path_factory.mktemp("compilation")
    database_url = f"sqlite:///{folder / 'compilation.sqlite'}"
    engine = make_engine(database_url)
    place, _coordinator, _member = answered(Store(engine), 4)
    engine.dispose()
    with served(database_url, log=folder / "streamlit.log") as app:
        app.workspace_id = place.id
        yield app


def download(page: Page, label: str) -> bytes:
    button = page.get_by_test_id("stDownloadButton").filter(has_text=label)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def test_the_exports_in_english_after_switching_the_language(compilation_app, page: Page) -> None:
    page.goto(f"{compilation_app.url}/compilation?kommun={compilation_app.workspace_id}")
    expect(page.get_by_role("heading", name="Sammanställning", exact=True)).to_be_visible(
        timeout=120_000
    )
    wait_idle(page)
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Compilation", exact=True)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Answers sent")).to_contain_text("4")

    book = load_workbook(io.BytesIO(download(page, "Compilation (Excel)")), read_only=True)
    assert book.sheetnames == SHEETS
    table = [list(row) for row in book["Industry x category"].iter_rows(values_only=True)]
    assert table[0][0] == "industry" and table[0][-1] == "answers", table[0]
    assert [row[0] for row in table[1:]] == ["Hotell", "All industries"]
    assert table[1][-1] == 4
    headers = {
        name: [c for c in next(book[name].iter_rows(values_only=True)) if c is not None]
        for name in SHEETS[1:]
    }
    assert headers["Notes"] == ["question", "note"], headers
    assert "count" in headers["Answers per industry"], headers
    assert not SWEDISH & {str(c) for cells in [table[0], *headers.values()] for c in cells}

    text = download(page, "Answers (CSV)").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), csv.Sniffer().sniff(text.splitlines()[0])))
    assert rows[0][:6] == ["answer", "link", "industry", "name", "contact", "submitted"], rows[0]
    assert [row[3] for row in rows[1:]] == [f"Kim {n}" for n in range(4)]
    assert any(column.startswith("mean_") for column in rows[0]), rows[0]
