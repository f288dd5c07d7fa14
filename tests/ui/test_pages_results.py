"""AppTest: after a submit every form page shows the answer read-only (the result of a
form without a scorer is the filled form), the group's picture offers every form and
lays the members' answers side by side, and both pages offer the documents."""

from __future__ import annotations

import random

import pytest

from stadforstad import demo
from stadforstad.answers import check_answers
from stadforstad.catalog import list_forms, load_form
from stadforstad.instruments.answers_view import answer_blocks
from stadforstad.instruments.blocks import format_cell
from stadforstad.instruments.registry import get_instrument
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.ui.form_page import RESPONDENT_KEY
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fresh_database,
    open_page,
    texts,
)


@pytest.fixture
def seeded(fresh_database):
    """Hörby with Anna, who has submitted a generated, valid response to every form."""
    store, actor = Store(make_engine(get_settings().database_url)), Actor.local()
    workspace = store.create_workspace(actor=actor, name="Hörby")
    anna = store.respondent(actor=actor, workspace_id=workspace.id, name="Anna")
    # Forms the whole group writes (``owner: group``) have the group's shared answer.
    group = store.group_respondent(actor=actor, workspace_id=workspace.id)
    answers = {}
    for form in list_forms():
        generated = demo._Generator(random.Random(form.id), 3.5, ()).answers(form)
        answers[form.id] = check_answers(form, generated, coerce=True)
        store.submit(
            actor=actor,
            workspace_id=workspace.id,
            respondent_id=group.id if form.owner == "group" else anna.id,
            form=form,
            answers=answers[form.id],
        )
    store.engine.dispose()
    return anna.id, answers


def _shown(form_id: str, answers: dict) -> list[str]:
    """Texts the read-only view must show: every answered plain value, and one cell of
    every answered table."""
    wanted = []
    for section in answer_blocks(load_form(form_id), answers, "sv").sections:
        for answer in section.answers:
            if answer.table is not None and answer.table.rows:
                wanted.append(format_cell(answer.table.rows[0][0], "sv"))
            elif answer.lines:
                wanted.append(f"• {answer.lines[0]}")
            elif answer.text:
                wanted.append(answer.text)
    return wanted


def _page_texts(at) -> str:
    plain = [t.value for t in at.text]
    tables = [str(d.value.to_dict("records")) for d in at.dataframe]
    return "\n".join(plain + tables)


def test_every_form_page_shows_the_submitted_answers_read_only(seeded) -> None:
    anna, answers = seeded
    for form in list_forms():
        at = open_page("form", query={"form": form.id}, state={RESPONDENT_KEY: anna})
        assert not at.exception, (form.id, at.exception)
        page = _page_texts(at)
        wanted = _shown(form.id, answers[form.id])
        assert wanted, form.id
        for text in wanted:
            assert text in page, (form.id, text)
        labels = [b.label for b in at.get("download_button")]
        # the response, the blank form, and each of the instrument's own products
        documents = 2 + len(get_instrument(form.id).products)
        assert labels.count("Ladda ner som PDF") == documents, (form.id, labels)
        assert labels.count("Ladda ner som Word") == documents, (form.id, labels)


def test_submitting_a_form_of_notes_shows_it_read_only_at_once(fresh_database) -> None:
    create_workspace()
    at = open_page("form", query={"form": "staden"})
    add_person(at, "Anna")
    assert "Era inskickade svar" not in [s.value for s in at.subheader]
    next(t for t in at.text_area if t.key.endswith(".mojligheter")).input(
        "Hamnen **och** <b>skolorna</b>"
    )
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception
    assert "Era inskickade svar" in [s.value for s in at.subheader]
    assert "Hamnen **och** <b>skolorna</b>" in texts(at.text)  # typed text as text
    markdown = " ".join(m.value for m in at.markdown)
    assert "skolorna" not in markdown


def test_a_scored_form_shows_its_result_and_the_answers_after_submit(fresh_database) -> None:
    create_workspace()
    at = open_page("form", query={"form": "engagemang"})
    add_person(at, "Bo")
    for radio in [r for r in at.radio if r.key and r.key.startswith("engagemang.")]:
        radio.set_value(True)
    button(at, "Skicka in").click()
    at.run()
    assert {m.label: m.value for m in at.metric}["Antal JA"] == "7 / 7"
    assert "Svaren som skickades in" in [e.label for e in at.expander]
    assert texts(at.text).count("Ja") == 7
    assert len(at.get("vega_lite_chart")) == 1


def test_the_group_page_offers_every_form_and_lays_notes_side_by_side(fresh_database) -> None:
    create_workspace()
    for name, note in (("Anna", "Hamnen"), ("Bo", "Skolorna")):
        at = open_page("form", query={"form": "staden"})
        add_person(at, name)
        next(t for t in at.text_area if t.key.endswith(".mojligheter")).input(note)
        button(at, "Skicka in").click()
        at.run()
        assert not at.exception
    group = open_page("group", state={"group.form": "staden"})
    assert not group.exception
    assert set(group.selectbox(key="group.form").options) >= {
        f"Steg {f.step} · {f.title.sv}" for f in list_forms() if f.step is not None
    }
    frames = [d.value for d in group.dataframe]
    side_by_side = next(f for f in frames if "Anna" in f.columns and "Bo" in f.columns)
    row = side_by_side[side_by_side["Anna"] == "Hamnen"]
    assert not row.empty and row["Bo"].iloc[0] == "Skolorna"
    labels = [b.label for b in group.get("download_button")]
    assert labels.count("Ladda ner som PDF") == 2 and labels.count("Ladda ner som Word") == 2


def test_the_group_page_without_answers_still_offers_the_blank_form(fresh_database) -> None:
    create_workspace()
    group = open_page("group", state={"group.form": "swot"})
    assert not group.exception
    assert [b.label for b in group.get("download_button")] == [
        "Ladda ner som PDF",
        "Ladda ner som Word",
    ]
