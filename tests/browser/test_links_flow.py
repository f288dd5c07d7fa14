"""Invitation links in a real browser: a member creates a link; a fresh browser context
(no session) opens it, answers, stops, resumes and sends; the answer shows up for the
members; the respondent's context reaches no other page of the app."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from stadforstad.catalog import load_form

pytestmark = pytest.mark.browser

TITLE = "Mall för att kartlägga för människohandel och prostitution"


def wait_idle(page: Page) -> None:
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def rate(page: Page, item_id: str, value: int) -> None:
    label = load_form("kartlaggning").item(item_id).label.sv
    group = page.get_by_role("radiogroup", name=label)
    group.get_by_text(re.compile(rf"^{value}( – .*)?$")).click()


def only_the_respondent_page(page: Page) -> None:
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_text("Kommuner")).to_have_count(0)
    expect(page.get_by_text("Gruppens bild")).to_have_count(0)


def test_member_link_respondent_resumes_and_sends(app, page: Page, browser) -> None:
    # The member: a municipality, then a link for hotels.
    page.goto(app.url)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Helsingborg")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Helsingborg är skapad och vald.")).to_be_visible()
    page.get_by_role("link", name="Inbjudningslänkar").first.click()
    expect(page.get_by_role("heading", name="Inbjudningslänkar")).to_be_visible()
    wait_idle(page)
    page.get_by_label("Bransch eller organisation som länken är till", exact=True).fill("Hotell")
    page.get_by_role("button", name="Skapa länk").click()
    code = page.get_by_test_id("stCode").filter(has_text="?t=").first
    expect(code).to_be_visible()
    expect(page.get_by_role("button", name="Ladda ner QR-kod (PNG)")).to_be_visible()
    token = re.search(r"\?t=([A-Za-z0-9_-]{43,})", code.inner_text()).group(1)
    link = f"{app.url}/?t={token}"

    # The respondent: a fresh context, no session, no cookies.
    context = browser.new_context(locale="sv-SE", viewport={"width": 420, "height": 900})
    context.set_default_timeout(30_000)
    phone = context.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", name=TITLE)).to_be_visible()
    only_the_respondent_page(phone)
    expect(phone.get_by_text("Hej! Vi är kärngruppen i Helsingborg")).to_be_visible()
    expect(phone.get_by_role("button", name="Skicka in")).to_be_disabled()
    phone.get_by_text("Jag har läst informationen ovan").click()
    wait_idle(phone)
    expect(
        phone.get_by_role("combobox", name="Vilken bransch eller verksamhet arbetar ni i?")
    ).to_have_value("Hotell")
    rate(phone, "generell_1", 4)
    rate(phone, "generell_2", 2)
    phone.get_by_role("button", name="Spara utkast").click()
    expect(phone.get_by_text("Utkastet är sparat.")).to_be_visible()
    resume_link = phone.get_by_test_id("stCode").filter(has_text="&r=").first.inner_text()
    resume = re.search(r"&r=([A-Za-z0-9_-]+)", resume_link).group(1)
    expect(phone).to_have_url(re.compile(rf"r={resume}"))
    phone.close()

    # Later, the resume link (same context) continues the draft.
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={token}&r={resume}")
    expect(phone.get_by_text("Ni fortsätter på ert utkast")).to_be_visible()
    wait_idle(phone)
    expect(
        phone.get_by_role(
            "radiogroup", name=load_form("kartlaggning").item("generell_1").label.sv
        ).get_by_role("radio", name="4")
    ).to_be_checked()
    rate(phone, "sexuell_1", 3)
    phone.get_by_label("Övriga anteckningar", exact=True).fill("<b>Nattportier</b> ser mest")
    phone.get_by_role("button", name="Skicka in").click()
    expect(phone.get_by_text("Tack! Ert svar är inskickat.")).to_be_visible()
    expect(phone.get_by_text("<b>Nattportier</b> ser mest").first).to_be_visible()
    receipt = phone.get_by_test_id("stCode").filter(has_text="Kvittokod").first
    expect(receipt).to_contain_text("Bransch: Hotell")

    # The respondent's context cannot reach any other page, with or without the token.
    for path in ("/form", "/home", "/links", "/compilation", "/workspaces", "/group"):
        phone.goto(f"{app.url}{path}?t={token}&r={resume}")
        expect(phone.get_by_role("heading", name=TITLE)).to_be_visible()
        only_the_respondent_page(phone)
        phone.goto(f"{app.url}{path}?t=gissad-token")
        expect(phone.get_by_text("Den här länken går inte att använda längre")).to_be_visible()
        only_the_respondent_page(phone)
    context.close()

    # Back with the member: the answer has arrived.
    page.goto(f"{app.url}/links")
    expect(page.get_by_test_id("stMetric").filter(has_text="Inskickade svar")).to_contain_text("1")
    page.get_by_role("link", name="Sammanställning").first.click()
    expect(page.get_by_role("heading", name="Sammanställning")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Inskickade svar")).to_contain_text("1")
    expect(page.get_by_text("Bilden visas när minst 3 svar")).to_be_visible()
    page.get_by_text("Visa även små grupper").click()
    expect(page.get_by_text("• <b>Nattportier</b> ser mest")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()


def test_a_fresh_server_deep_link_with_a_token_shows_no_menu(browser, tmp_path) -> None:
    """On a server no one has opened yet, Streamlit would run a page file on its own
    with a menu of every page: a token address must still get only the respondent page."""
    from tests.browser.conftest import start_app

    process, fresh = start_app(
        f"sqlite:///{tmp_path / 'fresh.sqlite'}", log=tmp_path / "streamlit.log"
    )
    context = browser.new_context(locale="sv-SE")
    context.set_default_timeout(30_000)
    try:
        phone = context.new_page()
        for path in ("/respond", "/form", "/links"):
            phone.goto(f"{fresh.url}{path}?t=gissad-token")
            expect(phone.get_by_text("Den här länken går inte att använda längre")).to_be_visible()
            only_the_respondent_page(phone)
            expect(
                phone.get_by_role("link", name=re.compile("form|links|home", re.I))
            ).to_have_count(0)
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=10)
