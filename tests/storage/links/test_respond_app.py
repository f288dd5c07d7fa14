"""AppTest of the respondent page (through app.py with ``?t=``): a link that fills up or
closes mid-answer keeps the answer; the original link resumes a draft in the same
browser; empty answers and bursts are refused with a message; Swedish and English;
Swedish times; the industry list before a new industry."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from stadforstad import client
from stadforstad.questionnaire import link_form
from stadforstad.storage.link_drafts import list_late_drafts
from stadforstad.storage.links import (
    LINK_EMPTY,
    LINK_LATE,
    LINK_THROTTLED,
    LINK_UNUSABLE,
    Identity,
    LinkResponse,
    hash_token,
    new_token,
)
from stadforstad.ui.respond_parts import INDUSTRY_KEY, OTHER, OTHER_KEY, cookie_name
from tests.storage.links.apptest_links import button, fill, make_link, open_respondent, texts


def _consent(at):
    next(c for c in at.checkbox if c.key == "respond.consent").check().run()
    return at


def _fill_up(links, token):
    actor, _ = links.open_link(token)
    links.submit(
        actor=actor,
        resume=new_token(),
        submission_key=new_token(),
        form=link_form("enkat"),
        answers={"generell_1": 1},
    )


def test_a_link_filling_up_mid_answer_keeps_the_answer(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, label="Hotell", max_answers=1)
    at = _consent(open_respondent(created.token))
    fill(at, generell_2=4, anteckningar="Det jag hann skriva")
    _fill_up(links, created.token)  # someone else sends first
    button(at, "Skicka in").click().run()
    assert not at.exception
    text = texts(at)
    assert f"({LINK_LATE})" in text and "sent utkast" in text
    assert "så många svar" in text  # it says why
    shown = next(c.value for c in at.code if "Det jag hann skriva" in c.value)
    assert "Rädda eller sårbara: 4" in shown  # the whole answer, to copy
    late = list_late_drafts(links, actor=admin, workspace_id=workspace.id)
    assert [d.answers["anteckningar"] for d in late] == ["Det jag hann skriva"]
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 1
    # Reloading the page (same session) tells the same story, without a form.
    at.run()
    assert f"({LINK_LATE})" in texts(at) and not [b for b in at.button if b.label == "Skicka in"]


def test_a_link_closed_while_answering_keeps_the_form_and_what_was_typed(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    links.revoke_link(actor=admin, link_id=created.info.id)
    at.run()  # any rerun, e.g. a widget outside the form: no blank refusal
    assert not at.exception
    assert "Kommunen har stängt länken" in texts(at)
    assert f"({LINK_UNUSABLE})" not in texts(at)
    # The form is still there (in a browser with what was typed; AppTest keeps no
    # unsent form values, so the test types here).
    fill(at, generell_2=2)
    button(at, "Skicka in").click().run()
    assert "sent utkast" in texts(at)
    late = list_late_drafts(links, actor=admin, workspace_id=workspace.id)
    assert [d.answers for d in late] == [{"generell_2": 2}]
    # Anyone else – or this person in a new browser without their resume – gets the
    # one refusal.
    assert f"({LINK_UNUSABLE})" in texts(open_respondent(created.token))


def test_the_original_link_resumes_the_draft_in_the_same_browser(app_env, monkeypatch):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    fill(at, generell_2=5)
    button(at, "Spara utkast").click().run()
    resume = at.query_params["r"]
    resume = resume[0] if isinstance(resume, list) else resume
    # The browser is told to keep the resume token, for this link only.
    name = cookie_name(hash_token(created.token))
    script = " ".join(h.proto.body for h in at.get("html"))
    assert f"{name}={resume}" in script and "max-age=2592000" in script
    assert "samma länk igen i den här webbläsaren" in texts(at)

    # Later, the original link (no &r=) in the same browser: the cookie comes along.
    monkeypatch.setattr(client, "browser_cookie", {name: resume}.get)
    again = open_respondent(created.token)
    assert not again.exception
    assert "Ni fortsätter på ert utkast" in texts(again)
    assert next(w for w in again.radio if w.key.endswith(".generell_2")).value == 5
    # A cookie that matches nothing is ignored: a fresh form.
    monkeypatch.setattr(client, "browser_cookie", {name: new_token()}.get)
    fresh = open_respondent(created.token)
    assert "Ni fortsätter på ert utkast" not in texts(fresh)


def test_a_respondent_erases_their_draft(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    fill(at, generell_2=3)
    button(at, "Spara utkast").click().run()
    at.run()
    button(at, "Radera utkastet nu").click().run()
    assert not at.exception
    assert "Ert utkast är raderat." in texts(at)
    assert links.list_links(actor=admin, workspace_id=workspace.id)[0].drafts == 0
    assert "max-age=0" in " ".join(h.proto.body for h in at.get("html"))  # cookie forgotten


def test_an_empty_answer_is_refused_with_a_message(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, max_answers=1)
    at = _consent(open_respondent(created.token))
    button(at, "Skicka in").click().run()
    assert not at.exception
    assert f"({LINK_EMPTY})" in texts(at)
    button(at, "Spara utkast").click().run()
    assert f"({LINK_EMPTY})" in texts(at)
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts, info.status()) == (0, 0, "open")


def test_a_burst_is_stopped_with_a_clear_message(app_env, monkeypatch):
    from stadforstad.settings import get_settings

    monkeypatch.setenv("STADFORSTAD_LINK_RATE_PER_LINK", "1")
    get_settings.cache_clear()
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    fill(at, generell_2=3, anteckningar="Kvar efteråt")
    button(at, "Spara utkast").click().run()
    button(at, "Spara utkast").click().run()
    assert not at.exception
    assert f"({LINK_THROTTLED})" in texts(at) and "Vänta" in texts(at)
    notes = next(w for w in at.text_area if w.key.endswith(".anteckningar"))
    assert notes.value == "Kvar efteråt"  # nothing typed is lost


def test_english_by_address_by_link_and_by_switch(app_env):
    links, admin, workspace = app_env
    swedish = make_link(links, admin, workspace)
    english = make_link(links, admin, workspace, lang="en")

    by_address = open_respondent(swedish.token, lang="en")
    assert not by_address.exception
    assert "About you" in texts(by_address)
    assert button(by_address, "Submit") and button(by_address, "Save draft")
    assert "You answer anonymously" in texts(by_address)

    by_link = open_respondent(english.token)
    assert "About you" in texts(by_link)

    switched = open_respondent(swedish.token)
    assert "Om er" in texts(switched)
    switched.radio(key="respond.lang").set_value("en").run()
    assert "About you" in texts(switched)
    assert switched.query_params["lang"] in ("en", ["en"])  # a reload keeps it

    refused = open_respondent(new_token(), lang="en")
    assert "This link can no longer be used" in texts(refused)
    both = open_respondent(new_token())
    assert "Den här länken" in texts(both) and "This link" in texts(both)


def test_english_answer_problems_and_times_in_swedish_time(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    actor, _ = links.open_link(created.token)
    resume = new_token()
    links.save_draft(actor=actor, resume=resume, form=link_form("enkat"), answers={"generell_2": 2})
    saved = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )
    with links.store._write() as session:
        session.execute(update(LinkResponse).values(draft_saved_at=saved))
    local = saved.astimezone(ZoneInfo("Europe/Stockholm"))
    assert local.hour in (13, 14)  # CET or CEST: never the UTC hour
    at = open_respondent(created.token, resume, lang="en")
    assert f"You are continuing your draft from {local:%Y-%m-%d %H:%M} (Swedish time)" in texts(at)
    assert "UTC" not in texts(at)
    button(at, "Submit").click().run()
    assert "this question must be answered (ANSWER_001)" in texts(at)
    fill(at, generell_1=3)
    button(at, "Submit").click().run()
    receipt = next(c.value for c in at.code if "Receipt code" in c.value)
    assert "(Swedish time)" in receipt and "UTC" not in receipt


def test_the_industry_list_suggests_before_a_new_industry_is_added(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    box = at.selectbox(key=INDUSTRY_KEY)
    assert "Restaurang" in box.options and box.options[-1] == "Annan bransch – skriv den själv"
    box.set_value(OTHER).run()
    at.text_input(key=OTHER_KEY).input("Rest").run()
    suggest = button(at, "Välj Restaurang")
    suggest.click().run()
    assert at.selectbox(key=INDUSTRY_KEY).value == "Restaurang"
    # Written in another case or language, a listed industry is the listed one.
    at.selectbox(key=INDUSTRY_KEY).set_value(OTHER).run()
    at.text_input(key=OTHER_KEY).input("restaurants").run()
    fill(at, generell_1=2)
    button(at, "Skicka in").click().run()
    assert links.link_answers(actor=admin, workspace_id=workspace.id)[0].industry == "Restaurang"


def test_an_industry_of_ones_own_is_kept_as_written(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    at.selectbox(key=INDUSTRY_KEY).set_value(OTHER).run()
    at.text_input(key=OTHER_KEY).input("Tandvård").run()
    assert not [b for b in at.button if b.label.startswith("Välj ")]
    fill(at, generell_1=2)
    button(at, "Skicka in").click().run()
    assert links.link_answers(actor=admin, workspace_id=workspace.id)[0].industry == "Tandvård"


def test_a_new_answer_after_the_receipt(app_env, monkeypatch):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = _consent(open_respondent(created.token))
    fill(at, generell_1=2)
    button(at, "Skicka in").click().run()
    assert "Tack! Ert svar är inskickat." in texts(at)
    resume = at.query_params["r"]
    resume = resume[0] if isinstance(resume, list) else resume
    # Reopening the link in this browser shows the receipt (the cookie) …
    name = cookie_name(hash_token(created.token))
    monkeypatch.setattr(client, "browser_cookie", {name: resume}.get)
    again = open_respondent(created.token)
    assert "Tack! Ert svar är inskickat." in texts(again)
    # … until someone starts a new answer (a shared computer): then a fresh form, and
    # the cookie the browser still sends does not bring the old one back.
    button(again, "Börja ett nytt svar").click().run()
    assert "Tack!" not in texts(again) and button(again, "Skicka in")
    again.run()
    assert "Tack!" not in texts(again)
    assert "max-age=0" in " ".join(h.proto.body for h in again.get("html"))
    _consent(again)  # the next person agrees for themselves
    fill(again, generell_1=5)
    button(again, "Skicka in").click().run()
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 2


def test_an_expired_draft_in_this_browser_is_explained(app_env, monkeypatch):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    name = cookie_name(hash_token(created.token))
    monkeypatch.setattr(client, "browser_cookie", {name: new_token()}.get)
    at = open_respondent(created.token)
    assert "Ert tidigare utkast finns inte kvar" in texts(at)
    assert "max-age=0" in " ".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("lang, mark", [("sv", "2,5"), ("en", "2.5")])
def test_numbers_in_the_receipt_use_the_languages_decimal_mark(shareable_yaml, lang, mark):
    from stadforstad.catalog import parse_form
    from stadforstad.questionnaire import receipt_text

    form = parse_form(
        shareable_yaml.replace(
            "  - id: anteckningar_sektion\n    items:\n",
            "  - id: anteckningar_sektion\n    items:\n"
            "      - {kind: number, id: timmar, integer: false, label: {sv: Timmar, en: Hours}}\n",
        )
    )
    text = receipt_text(
        form,
        {"timmar": 2.5, "generell_1": 3},
        Identity(industry="Hotell"),
        "ABCD-EFGH",
        dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC),
        lang,
    )
    assert f": {mark}" in text
    assert "12:00" in text  # 10:00 UTC is 12:00 in Swedish summer time
