"""AppTest: the respondent page through app.py with ``?t=``, and the members' pages
(run standalone, as ``switch_page`` does)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.storage.links import LINK_UNUSABLE, new_token
from tests.storage.links.apptest_links import (
    ROOT,
    TIMEOUT,
    button,
    fill,
    make_link,
    open_respondent,
    texts,
    with_contact,
)


def test_respondent_sees_only_the_form_and_introduction(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, label="Hotell", intro="Hej från **Testby**!")
    at = open_respondent(created.token)
    assert not at.exception
    assert at.title[0].value == "Liten enkät"
    # The introduction is shown as written (text, not Markdown).
    assert any(t.value == "Hej från **Testby**!" for t in at.text)
    # No sidebar pickers, no municipality, nothing of the rest of the app.
    assert len(at.sidebar) == 0
    assert not [s for s in at.selectbox if s.key == "app.workspace"]
    assert "Testby" not in [s.value for s in at.selectbox]
    # The industry is preset from the link's label; consent comes first.
    industry = next(s for s in at.selectbox if s.key == "respond.industry")
    assert industry.value == "Hotell"
    assert at.checkbox[0].value is False
    assert button(at, "Skicka in").disabled


@pytest.mark.parametrize("how", ["revoked", "made-up", "full"])
def test_unusable_links_get_one_friendly_message(app_env, how):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, max_answers=1)
    token = created.token
    if how == "revoked":
        links.revoke_link(actor=admin, link_id=created.info.id)
    elif how == "made-up":
        token = new_token()
    else:
        from stadforstad.questionnaire import link_form

        actor, _ = links.open_link(token)
        links.submit(
            actor=actor,
            resume=new_token(),
            submission_key="k",
            form=link_form("enkat"),
            answers={"generell_1": 3},
        )
    at = open_respondent(token)
    assert not at.exception
    assert len(at.info) == 1 and f"({LINK_UNUSABLE})" in at.info[0].value
    assert not at.button and not at.radio  # no form
    assert len(at.sidebar) == 0


def test_respondent_saves_a_draft_resumes_and_sends_once(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace, label="Taxi")
    at = open_respondent(created.token)
    at.checkbox[0].check().run()
    fill(at, generell_2=4, anteckningar="<b>inte fet</b> *inte kursiv*")
    button(at, "Spara utkast").click().run()
    assert not at.exception
    resume = at.query_params["r"]
    resume = resume[0] if isinstance(resume, list) else resume
    assert "Utkastet är sparat" in texts(at)
    assert any(f"&r={resume}" in c.value for c in at.code)  # the resume link

    # Later, a new session with the resume link continues the draft.
    again = open_respondent(created.token, resume)
    assert not again.exception
    assert "Ni fortsätter på ert utkast" in texts(again)
    assert again.checkbox[0].value is True
    saved = next(w for w in again.radio if w.key.endswith(".generell_2"))
    assert saved.value == 4
    fill(again, generell_1=5)
    button(again, "Skicka in").click().run()
    assert not again.exception
    text = texts(again)
    assert "Tack! Ert svar är inskickat." in text
    receipt = next(c.value for c in again.code if "Kvittokod" in c.value)
    assert "<b>inte fet</b> *inte kursiv*" in receipt  # shown back as written, as text
    assert "Bransch: Taxi" in receipt

    # Reloading shows the receipt again and stores nothing more.
    reload = open_respondent(created.token, resume)
    assert "Tack! Ert svar är inskickat." in texts(reload)
    stored = links.link_answers(actor=admin, workspace_id=workspace.id)
    assert len(stored) == 1 and stored[0].answers["generell_1"] == 5
    assert stored[0].industry == "Taxi"


def test_sending_without_a_required_answer_shows_where(app_env):
    links, admin, workspace = app_env
    created = make_link(links, admin, workspace)
    at = open_respondent(created.token)
    at.checkbox[0].check().run()
    fill(at, generell_2=3)
    button(at, "Skicka in").click().run()
    assert not at.exception
    assert "ANSWER_001" in texts(at)
    assert not links.link_answers(actor=admin, workspace_id=workspace.id)


def test_members_create_a_link_and_see_answers(app_env):
    links, admin, workspace = app_env
    at = AppTest.from_file(str(ROOT / "pages/links.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    at.text_input(key="links.label").input("Hotell")
    with_contact(at)
    button(at, "Skapa länk").click().run()
    assert not at.exception
    url = next(c.value for c in at.code if c.value.startswith("https://stad.example.se/?t="))
    assert any(b.label.startswith("Ladda ner QR") for b in at.get("download_button"))
    token = url.split("?t=", 1)[1]
    actor, info = links.open_link(token)
    assert info.label == "Hotell" and "Testby" in info.intro
    from stadforstad.questionnaire import link_form

    links.submit(
        actor=actor,
        resume=new_token(),
        submission_key="k",
        form=link_form("enkat"),
        answers={"generell_1": 2},
    )
    at.run()
    table = at.dataframe[0].value
    assert list(table["Svar"]) == [1]
    # Revoke it.
    button(at, "Stäng länken").click().run()
    assert not at.exception
    assert links.list_links(actor=admin, workspace_id=workspace.id)[0].revoked


def test_compilation_page_shows_and_exports(app_env):
    links, admin, workspace = app_env
    from stadforstad.questionnaire import link_form

    form = link_form("enkat")
    created = make_link(links, admin, workspace)
    actor, _ = links.open_link(created.token)
    for n, industry in enumerate(["Hotell", "Hotell", "Hotell", "Taxi"]):
        from stadforstad.storage.links import Identity

        links.submit(
            actor=actor,
            resume=new_token(),
            submission_key=f"k{n}",
            form=form,
            answers={"generell_1": 4, "generell_2": 2, "anteckningar": f"not {n}"},
            identity=Identity(industry=industry),
        )
    at = AppTest.from_file(str(ROOT / "pages/compilation.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.metric[0].value == "4"
    assert len(at.get("vega_lite_chart")) == 2
    assert "not 3" in texts(at)
    # The charts' text alternative: the heatmap's means and the distribution's counts.
    means, counts = at.dataframe[0].value, at.dataframe[1].value
    assert list(means["bransch"]) == ["Hotell", "Taxi"]
    assert means.iloc[0, 1:].notna().any() and means.iloc[1, 1:].isna().all()  # Taxi: hidden
    assert counts.iloc[:, 1:].to_numpy().sum() == 4 * 2  # four answers to two indicators
    by_industry = at.dataframe[2].value
    assert dict(zip(by_industry["bransch"], by_industry["antal"])) == {
        "Hotell": "3",
        "Taxi": "färre än 3",
    }
    assert len(at.get("download_button")) == 4
