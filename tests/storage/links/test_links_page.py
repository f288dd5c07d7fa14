"""AppTest of the members' links page: safe by default (the form starts afresh after
"Skapa länk", the placeholder must be replaced, a localhost link is flagged), labels
as text, late drafts to read and erase, Swedish times."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import client
from stadforstad.questionnaire import link_form
from stadforstad.storage.link_drafts import list_late_drafts
from stadforstad.storage.links import (
    LINK_BAD_SETTING,
    LinkClosedError,
    new_token,
    today,
)
from stadforstad.ui.context import LANG_KEY
from tests.storage.links.apptest_links import ROOT, TIMEOUT, button, make_link, texts, with_contact


def _page(state: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/links.py"), default_timeout=TIMEOUT)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at.run()


def _links(links, admin, workspace):
    return sorted(links.list_links(actor=admin, workspace_id=workspace.id), key=lambda i: i.id)


def test_the_form_starts_afresh_after_a_link_is_made(app_env):
    links, admin, workspace = app_env
    at = _page()
    at.text_input(key="links.label").input("Hotell")
    with_contact(at)
    at.number_input(key="links.cap").set_value(5)
    at.date_input(key="links.closes").set_value(today() + dt.timedelta(days=10))
    at.toggle(key="links.ask").set_value(True)
    at.selectbox(key="links.lang").set_value("en")
    button(at, "Skapa länk").click().run()
    assert not at.exception
    # Safe by default: no cap, no last day, no names, Swedish – and no label left over.
    assert at.text_input(key="links.label").value == ""
    assert at.number_input(key="links.cap").value is None
    assert at.date_input(key="links.closes").value is None
    assert at.toggle(key="links.ask").value is False
    assert at.selectbox(key="links.lang").value == "sv"
    assert "Kim Kvist" in at.text_area(key="links.intro").value  # the words stay
    at.text_input(key="links.label").input("Taxi")
    button(at, "Skapa länk").click().run()
    first, second = _links(links, admin, workspace)
    assert (first.label, first.max_answers, first.ask_identity, first.lang) == (
        "Hotell",
        5,
        True,
        "en",
    )
    assert first.closes_on == today() + dt.timedelta(days=10)
    assert (second.label, second.max_answers, second.closes_on, second.ask_identity) == (
        "Taxi",
        None,
        None,
        False,
    )
    assert second.lang == "sv"
    codes = [c.value for c in at.code if "?t=" in c.value]
    assert any(c.endswith("&lang=en") for c in codes)  # the English link says so


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_placeholder_cannot_be_sent_unedited(app_env, lang):
    links, admin, workspace = app_env
    at = _page({LANG_KEY: lang})
    at.text_input(key="links.label").input("Hotell")
    at.toggle(key="links.ask").set_value(True)
    button(at, "Skapa länk" if lang == "sv" else "Create link").click().run()
    assert not at.exception
    error = " ".join(e.value for e in at.error)
    assert f"({LINK_BAD_SETTING})" in error
    assert ("Byt ut" in error) if lang == "sv" else ("Replace the placeholder" in error)
    assert _links(links, admin, workspace) == []
    # Nothing typed is lost: the label, the toggle and the introduction are still there.
    assert at.text_input(key="links.label").value == "Hotell"
    assert at.toggle(key="links.ask").value is True
    placeholder = "[namn, e-post, telefon]" if lang == "sv" else "[name, e-mail, phone]"
    assert placeholder in at.text_area(key="links.intro").value


def test_a_link_to_localhost_is_flagged_when_the_app_is_reached_elsewhere(app_env, monkeypatch):
    from stadforstad.settings import get_settings

    monkeypatch.delenv("STADFORSTAD_PUBLIC_URL")
    get_settings.cache_clear()
    monkeypatch.setattr(client, "browser_url", lambda: "https://stad.landskrona.se/links")
    at = _page()
    warning = " ".join(w.value for w in at.warning)
    assert "STADFORSTAD_PUBLIC_URL" in warning and "https://stad.landskrona.se" in warning
    # On the laptop itself a localhost link is right: no warning.
    monkeypatch.setattr(client, "browser_url", lambda: "http://localhost:8501/links")
    assert not [w for w in _page().warning if "STADFORSTAD_PUBLIC_URL" in w.value]
    # With the setting in place, no warning either.
    monkeypatch.setenv("STADFORSTAD_PUBLIC_URL", "https://stad.landskrona.se")
    get_settings.cache_clear()
    monkeypatch.setattr(client, "browser_url", lambda: "https://stad.landskrona.se/links")
    assert not [w for w in _page().warning if "STADFORSTAD_PUBLIC_URL" in w.value]


def test_labels_are_shown_as_text(app_env):
    links, admin, workspace = app_env
    label = "**Fet** ![spår](https://evil.example/x.png) <b>x</b>"
    at = _page()
    at.text_input(key="links.label").input(label)
    with_contact(at)
    button(at, "Skapa länk").click().run()
    assert not at.exception
    shown = [m.value for m in at.markdown if "spår" in m.value]
    assert shown, "the new link's label is shown"
    assert all("![" not in m and "**Fet**" not in m and "<b>" not in m for m in shown)
    table = at.dataframe[0].value
    assert label in list(table.iloc[:, 1])  # a table cell is text as it is


def test_members_read_and_erase_late_drafts(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, label="Hotell", max_answers=1)
    late, _ = links.open_link(created.token)
    other, _ = links.open_link(created.token)
    links.submit(
        actor=other,
        resume=new_token(),
        submission_key="first",
        form=link_form("enkat"),
        answers={"generell_1": 1},
    )
    with pytest.raises(LinkClosedError):
        links.submit(
            actor=late,
            resume=new_token(),
            submission_key="late",
            form=link_form("enkat"),
            answers={"generell_2": 3, "anteckningar": "**Kom** för sent"},
        )
    at = _page()
    assert not at.exception
    assert "Sena utkast" in texts(at)
    shown = next(c.value for c in at.code if "för sent" in c.value)
    assert "**Kom** för sent" in shown and "Rädda eller sårbara: 3" in shown
    table = at.dataframe[0].value
    assert list(table["Sena utkast"]) == [1] and list(table["Svar"]) == [1]
    button(at, "Radera det här utkastet").click().run()
    assert not at.exception
    assert list_late_drafts(links, actor=admin, workspace_id=workspace.id) == []
    assert "1 utkast raderade." in texts(at)


def test_members_erase_a_links_drafts(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, label="Hotell")
    actor, _ = links.open_link(created.token)
    for _ in range(2):
        links.save_draft(
            actor=actor, resume=new_token(), form=link_form("enkat"), answers={"generell_2": 1}
        )
    at = _page()
    button(at, "Radera länkens utkast").click().run()
    assert "Kryssa i rutan" in " ".join(w.value for w in at.warning)
    assert _links(links, admin, workspace)[0].drafts == 2
    at.checkbox(key="links.erase_sure").check()
    button(at, "Radera länkens utkast").click().run()
    assert not at.exception
    assert _links(links, admin, workspace)[0].drafts == 0


def test_times_are_swedish_time(app_env):
    from zoneinfo import ZoneInfo

    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    actor, _ = links.open_link(created.token)
    links.submit(
        actor=actor,
        resume=new_token(),
        submission_key="k",
        form=link_form("enkat"),
        answers={"generell_1": 1},
    )
    sent = links.link_answers(actor=admin, workspace_id=workspace.id)[0].submitted_at
    if sent.tzinfo is None:  # SQLite keeps no zone: UTC
        sent = sent.replace(tzinfo=dt.UTC)
    local = f"{sent.astimezone(ZoneInfo('Europe/Stockholm')):%Y-%m-%d %H:%M}"
    assert local != f"{sent:%Y-%m-%d %H:%M}"
    at = _page()
    caption = " ".join(c.value for c in at.caption)
    assert "svensk tid" in caption and "UTC" not in caption
    assert at.metric[2].value == local
    assert list(at.dataframe[0].value["Senaste svar"]) == [local]
