"""Invitation links in a real browser: a member creates a link; a fresh browser context
(no session) opens it, answers, stops, resumes – by the resume link and by the
original link in the same browser – and sends; the answer shows up for the members;
the respondent's context reaches no other page of the app. Also: two links in a row,
the second anonymous; a link filling up mid-answer keeps the answer; an empty answer
is refused; the page in English.

Determinism: every step waits for something that only the finished rerun shows (a
button enabled, a message, a checked radio) – never for a time – so no locator can
match an element of the run before.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.link_drafts import list_late_drafts
from stadforstad.storage.links import LinkStore, new_token
from tests.helpers.browser import fresh_name

pytestmark = pytest.mark.browser

TITLE = "Mall för att kartlägga för människohandel och prostitution"
FORM = load_form("kartlaggning")
CONSENT = "Jag har läst informationen ovan"


def rate(page: Page, item_id: str, value: int) -> None:
    group = page.get_by_role("radiogroup", name=FORM.item(item_id).label.sv)
    group.get_by_text(re.compile(rf"^{value}( – .*)?$")).click()
    expect(group.get_by_role("radio", name=re.compile(rf"^{value}\b"))).to_be_checked()


def consent(page: Page) -> None:
    """Tick the consent box and wait for the rerun that enables the form."""
    expect(page.get_by_role("button", name="Skicka in")).to_be_disabled()
    page.get_by_text(CONSENT).click()
    expect(page.get_by_role("button", name="Skicka in")).to_be_enabled()
    expect(page.get_by_role("button", name="Spara utkast")).to_be_enabled()


def only_the_respondent_page(page: Page) -> None:
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_text("Kommuner")).to_have_count(0)
    expect(page.get_by_text("Gruppens bild")).to_have_count(0)


def phone_context(browser: Browser) -> BrowserContext:
    """A respondent's own browser: no session, no cookies of the member's."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 420, "height": 900})
    context.set_default_timeout(30_000)
    return context


def store_of(app) -> tuple[LinkStore, object]:
    engine = make_engine(app.database_url)
    return LinkStore(Store(engine)), engine


def replace_placeholder(page: Page) -> None:
    intro = page.get_by_label("Introduktion som de svarande ser", exact=True)
    # The page fills in its suggested introduction on a rerun: wait for it, or a busy
    # machine reads an empty box and the link is made without an introduction.
    expect(intro).to_have_value(re.compile(r"\[namn, e-post, telefon\]"))
    text = intro.input_value()
    intro.fill(text.replace("[namn, e-post, telefon]", "Kim Kvist, kim@kommun.se"))


def test_member_link_respondent_resumes_and_sends(app, page: Page, browser) -> None:
    # The member: a municipality, then a link for hotels.
    page.goto(app.url)
    page.get_by_role("link", name="Kommuner", exact=True).click()
    page.get_by_label("Kommunens namn").fill("Helsingborg")
    page.get_by_role("button", name="Skapa kommun").click()
    expect(page.get_by_text("Helsingborg är skapad och vald.")).to_be_visible()
    page.get_by_role("link", name="Inbjudningslänkar").first.click()
    expect(page.get_by_role("heading", name="Inbjudningslänkar")).to_be_visible()
    label = page.get_by_label("Bransch eller organisation som länken är till", exact=True)
    expect(label).to_be_editable()
    label.fill("Hotell")
    replace_placeholder(page)
    page.get_by_role("button", name="Skapa länk").click()
    code = page.get_by_test_id("stCode").filter(has_text="?t=").first
    expect(code).to_be_visible()
    expect(page.get_by_role("button", name="Ladda ner QR-kod (PNG)")).to_be_visible()
    token = re.search(r"\?t=([A-Za-z0-9_-]{43,})", code.inner_text()).group(1)
    link = f"{app.url}/?t={token}"

    # The respondent: a fresh context, no session, no cookies.
    context = phone_context(browser)
    phone = context.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", name=TITLE)).to_be_visible()
    only_the_respondent_page(phone)
    expect(phone.get_by_text("Hej! Vi är kärngruppen i Helsingborg")).to_be_visible()
    consent(phone)
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

    # Later, the ORIGINAL link in the same browser continues the draft (the cookie) …
    phone = context.new_page()
    phone.goto(link)
    expect(phone.get_by_text("Ni fortsätter på ert utkast")).to_be_visible()
    group = phone.get_by_role("radiogroup", name=FORM.item("generell_1").label.sv)
    expect(group.get_by_role("radio", name="4")).to_be_checked()
    phone.close()

    # … and so does the resume link (which also works on another device).
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={token}&r={resume}")
    expect(phone.get_by_text("Ni fortsätter på ert utkast")).to_be_visible()
    expect(phone.get_by_role("button", name="Skicka in")).to_be_enabled()
    group = phone.get_by_role("radiogroup", name=FORM.item("generell_1").label.sv)
    expect(group.get_by_role("radio", name="4")).to_be_checked()
    rate(phone, "sexuell_1", 3)
    notes = phone.get_by_label("Övriga anteckningar", exact=True)
    notes.fill("<b>Nattportier</b> ser mest")
    expect(notes).to_have_value("<b>Nattportier</b> ser mest")
    phone.get_by_role("button", name="Skicka in").click()
    expect(phone.get_by_text("Tack! Ert svar är inskickat.")).to_be_visible()
    expect(phone.get_by_text("<b>Nattportier</b> ser mest").first).to_be_visible()
    receipt = phone.get_by_test_id("stCode").filter(has_text="Kvittokod").first
    expect(receipt).to_contain_text("Bransch: Hotell")
    expect(receipt).to_contain_text("svensk tid")

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


def test_two_links_in_a_row_the_second_anonymous(app, page: Page, browser) -> None:
    links, engine = store_of(app)
    place = links.store.create_workspace(actor=Actor.local(), name=fresh_name("Båstad"))
    page.goto(f"{app.url}/links?kommun={place.id}")
    expect(page.get_by_role("heading", name="Inbjudningslänkar")).to_be_visible()
    label = page.get_by_label("Bransch eller organisation som länken är till", exact=True)
    label.fill("Hotell")
    replace_placeholder(page)
    page.get_by_label("Högst antal svar (valfritt)").fill("5")
    ask = page.get_by_role("switch", name="Fråga efter namn och kontakt")
    page.get_by_text("Fråga efter namn och kontakt", exact=True).click()
    expect(ask).to_be_checked()
    page.get_by_role("button", name="Skapa länk").click()
    expect(page.get_by_text("Länken är skapad.")).to_be_visible()
    # The form has started afresh: no label, no cap, no request for names …
    expect(label).to_have_value("")
    expect(page.get_by_label("Högst antal svar (valfritt)")).to_have_value("")
    expect(ask).not_to_be_checked()
    # … so the second link, made straight away, is anonymous and uncapped.
    label.fill("Taxi")
    page.get_by_role("button", name="Skapa länk").click()
    # Both links on screen: two different tokens (during the rerun an old box can
    # briefly stand where the new one goes, so count tokens, not boxes).
    page.wait_for_function(
        """() => new Set([...document.querySelectorAll('[data-testid="stCode"]')]
              .map(e => (e.innerText.match(/[?]t=([A-Za-z0-9_-]{43,})/) || [])[1])
              .filter(Boolean)).size === 2"""
    )
    found = re.findall(r"\?t=([A-Za-z0-9_-]{43,})", page.get_by_test_id("stMain").inner_text())
    tokens = {links.open_link(token)[1].label: token for token in set(found)}
    assert set(tokens) == {"Hotell", "Taxi"}
    first, second = sorted(
        links.list_links(actor=Actor.local(), workspace_id=place.id), key=lambda i: i.id
    )
    assert (first.label, first.max_answers, first.ask_identity) == ("Hotell", 5, True)
    assert (second.label, second.max_answers, second.ask_identity) == ("Taxi", None, False)
    engine.dispose()

    context = phone_context(browser)
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={tokens['Taxi']}")
    expect(phone.get_by_text("Ni svarar anonymt").first).to_be_visible()
    expect(phone.get_by_label("Ert namn (frivilligt)")).to_have_count(0)
    phone.goto(f"{app.url}/?t={tokens['Hotell']}")
    expect(phone.get_by_label("Ert namn (frivilligt)")).to_be_visible()
    context.close()


def _link_for(app, name: str, **settings):
    links, engine = store_of(app)
    place = links.store.create_workspace(actor=Actor.local(), name=fresh_name(name))
    created = links.create_link(
        actor=Actor.local(), workspace_id=place.id, form=FORM, label="Hotell", **settings
    )
    return links, engine, place, created


def test_a_link_filling_up_mid_answer_keeps_the_answer(app, page: Page, browser) -> None:
    links, engine, place, created = _link_for(app, "Ystad", max_answers=1)
    context = phone_context(browser)
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={created.token}")
    consent(phone)
    rate(phone, "generell_1", 4)
    notes = phone.get_by_label("Övriga anteckningar", exact=True)
    notes.fill("Nattportier ser mest")
    expect(notes).to_have_value("Nattportier ser mest")

    # Meanwhile someone else sends the one answer the link takes.
    other, _ = links.open_link(created.token)
    links.submit(
        actor=other,
        resume=new_token(),
        submission_key=new_token(),
        form=FORM,
        answers={"generell_1": 1, "aktor": "Hotell"},
    )

    phone.get_by_role("button", name="Skicka in").click()
    expect(phone.get_by_text("Länken har fått så många svar")).to_be_visible()
    expect(phone.get_by_text(re.compile("sparades .* som ett sent utkast"))).to_be_visible()
    kept = phone.get_by_test_id("stCode").filter(has_text="Nattportier ser mest")
    expect(kept).to_be_visible()
    expect(phone.get_by_role("button", name="Ladda ner texten (.txt)")).to_be_visible()
    expect(phone.get_by_text("Den här länken går inte att använda längre")).to_have_count(0)

    late = list_late_drafts(links, actor=Actor.local(), workspace_id=place.id)
    assert [d.answers.get("anteckningar") for d in late] == ["Nattportier ser mest"]
    assert len(links.link_answers(actor=Actor.local(), workspace_id=place.id)) == 1

    # Opening the original link again in the same browser tells the same story.
    phone.goto(f"{app.url}/?t={created.token}")
    expect(phone.get_by_text(re.compile("sparades .* som ett sent utkast"))).to_be_visible()
    context.close()

    # The members read it on the links page.
    page.goto(f"{app.url}/links?kommun={place.id}")
    expect(page.get_by_role("heading", name="Sena utkast")).to_be_visible()
    page.get_by_test_id("stExpander").filter(has_text="Hotell").first.click()
    expect(page.get_by_test_id("stCode").filter(has_text="Nattportier ser mest")).to_be_visible()
    engine.dispose()


def test_an_empty_link_answer_is_refused(app, browser) -> None:
    links, engine, place, created = _link_for(app, "Trelleborg", max_answers=1)
    context = phone_context(browser)
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={created.token}")
    consent(phone)
    phone.get_by_role("button", name="Skicka in").click()
    expect(phone.get_by_text("Ni har inte svarat på någon fråga ännu")).to_be_visible()
    expect(phone.get_by_text("(LINK_008)", exact=False)).to_be_visible()
    expect(phone.get_by_text("Tack! Ert svar är inskickat.")).to_have_count(0)
    info = links.list_links(actor=Actor.local(), workspace_id=place.id)[0]
    assert (info.answers, info.drafts, info.status()) == (0, 0, "open")
    context.close()
    engine.dispose()


def test_the_respondent_page_in_english_and_the_industry_list(app, browser) -> None:
    links, engine, _place, created = _link_for(app, "Lomma")
    context = phone_context(browser)
    phone = context.new_page()
    phone.goto(f"{app.url}/?t={created.token}&lang=en")
    expect(
        phone.get_by_role("heading", name="Template for mapping human trafficking and prostitution")
    ).to_be_visible()
    expect(phone.get_by_role("heading", name="About you")).to_be_visible()
    expect(phone.get_by_role("button", name="Submit")).to_be_disabled()

    # Back to Swedish with the switch; the address keeps the choice.
    phone.get_by_text("Svenska", exact=True).click()
    expect(phone.get_by_role("heading", name="Om er")).to_be_visible()
    expect(phone).to_have_url(re.compile(r"lang=sv"))

    # The industry box: "Rest" finds "Restaurang" – no "Add: Rest" offered first.
    box = phone.get_by_role("combobox", name="Vilken bransch eller verksamhet arbetar ni i?")
    box.click()
    box.press_sequentially("Rest")
    options = phone.get_by_role("option")
    expect(options.first).to_have_text("Restaurang")
    expect(phone.get_by_role("option", name=re.compile("^Add"))).to_have_count(0)
    box.press("Enter")
    expect(box).to_have_value("Restaurang")
    context.close()
    engine.dispose()


def test_a_fresh_server_deep_link_with_a_token_shows_no_menu(browser, tmp_path) -> None:
    """On a server no one has opened yet, Streamlit would run a page file on its own
    with a menu of every page: a token address must still get only the respondent page."""
    from tests.helpers.browser import served

    # As the page fixture does: the first run on a fresh server imports pandas and altair.
    expect.set_options(timeout=30_000)
    with served(f"sqlite:///{tmp_path / 'fresh.sqlite'}", log=tmp_path / "streamlit.log") as fresh:
        _only_the_respondent_page_for_a_token(browser, fresh)


def _only_the_respondent_page_for_a_token(browser, fresh) -> None:
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
