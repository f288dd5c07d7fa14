"""Driving pages with ``streamlit.testing.v1.AppTest``.

In this Streamlit version ``AppTest.switch_page`` runs a page without ``app.py``; the
pages draw their own sidebar (``frame()``), so each is tested as it really runs.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.settings import get_settings
from stadforstad.ui.form_page import NEW
from tests.helpers import ROOT

TIMEOUT = 60


def open_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    return at


def open_page(page: str, *, query: dict | None = None, state: dict | None = None) -> AppTest:
    at = open_app()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def texts(elements) -> list[str]:
    return [e.value for e in elements]


@pytest.fixture
def fresh_database(tmp_path, monkeypatch):
    """Its own SQLite file for one test, as a fresh installation would have; the URL."""
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def create_workspace(name: str = "Landskrona") -> AppTest:
    at = open_page("workspaces")
    at.text_input[0].input(name)
    button(at, "Skapa kommun").click()
    at.run()
    assert not at.exception
    return at


def add_person(at: AppTest, name: str) -> None:
    """Add a new participant on the form page and make them the one answering."""
    at.selectbox(key="form_page.respondent").set_value(NEW)
    at.run()
    next(t for t in at.text_input if t.label == "Ditt namn").input(name)
    button(at, "Lägg till").click()
    at.run()
    assert not at.exception


def scale_radios(at: AppTest, form_id: str) -> list:
    """The form's radio groups (scales and levels), in order; comment boxes left out."""
    return [
        r
        for r in at.radio
        if r.key and r.key.startswith(f"{form_id}.") and not r.key.endswith("comment")
    ]


def fill_table(at: AppTest, rows: list[dict], index: int = 0) -> None:
    """Type rows into a keyed ``st.data_editor``: AppTest cannot edit cells, but it takes
    the editor's edit state assigned before the next run, as the browser would send it."""
    editor = at.data_editor[index]
    at.session_state[editor.key] = {"edited_rows": {}, "added_rows": rows, "deleted_rows": []}
