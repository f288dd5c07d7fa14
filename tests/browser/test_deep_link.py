"""A bookmark or an e-mailed link straight to a page is the first request the server
sees: the page must still come with the app's menu and layout (st.navigation), not
Streamlit's bare file-name menu for a pages/ folder."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_first_request_to_a_deep_link_gets_the_apps_navigation(app, page: Page) -> None:
    page.goto(f"{app.url}/group")
    expect(page.get_by_role("heading", name="Gruppens bild")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Översikt")).to_be_visible()
    expect(sidebar.get_by_role("link", name="Fyll i formulär")).to_be_visible()
    expect(sidebar.get_by_role("link", name="group", exact=True)).to_have_count(0)
