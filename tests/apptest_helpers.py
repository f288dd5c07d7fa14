"""Driving pages with ``streamlit.testing.v1.AppTest``.

In this Streamlit version ``AppTest.switch_page`` runs a page without ``app.py``; the
pages draw their own sidebar (``frame()``), so each is tested as it really runs.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

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
