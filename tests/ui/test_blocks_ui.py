"""The screen renderer: every golden case's verdict and group picture draw in both
languages, names and answers typed by users reach the page only as text, and notes
say their tone in words (never by colour alone)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from stadforstad.instruments.blocks import BLOCK_KINDS
from stadforstad.ui import blocks as ui_blocks

TIMEOUT = 180


def test_the_screen_renderer_knows_every_block_kind() -> None:
    assert set(ui_blocks.DRAW) == set(BLOCK_KINDS)


def _golden_blocks() -> None:
    import streamlit as st

    from scoring.common import Rated
    from stadforstad.answers import check_answers
    from stadforstad.catalog import load_form
    from stadforstad.instruments.registry import INSTRUMENTS
    from stadforstad.ui.blocks import show_blocks
    from tests.helpers.cases import _cases

    for param in _cases():
        form_id, case = param.values
        form = load_form(form_id)
        instrument = INSTRUMENTS[form_id]
        partial = case.get("partial", False)
        for lang in ("sv", "en"):
            st.header(f"{form_id}:{case['id']}:{lang}")
            if "group" in case:
                rated = [
                    Rated(
                        respondent=m["respondent"],
                        answers=check_answers(form, m["answers"], partial=partial, coerce=True),
                    )
                    for m in case["group"]
                ]
                show_blocks(instrument.group_response_blocks(form, rated, lang), under=1)
            else:
                answers = check_answers(form, case["answers"], partial=partial, coerce=True)
                show_blocks(instrument.response_blocks(form, answers, lang), under=3)


def test_every_golden_case_draws_in_both_languages() -> None:
    at = AppTest.from_function(_golden_blocks, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert len(at.header) > 80
    assert len(at.get("vega_lite_chart")) > 80  # one chart per case and language


HOSTILE = "**Fet** <b>x</b> [länk](http://example.com) :red[röd]"


def _hostile_names() -> None:
    from scoring.common import Rated
    from stadforstad.catalog import load_form
    from stadforstad.instruments.registry import INSTRUMENTS
    from stadforstad.ui.blocks import show_blocks

    name = "**Fet** <b>x</b> [länk](http://example.com) :red[röd]"
    rows = {
        "aktorsanalys": [
            {"aktor": name, "paverkansgrad": 5, "stod": 1},
            {"aktor": name + " 2", "paverkansgrad": 2},
        ],
        "samverkansnivaer": [
            {"aktor": name, "niva_idag": "natverkande", "niva_onskad": "samverkan"},
            {"aktor": name + " 2"},
        ],
        "rekrytering": [{"namn": name, "verksamhet": "polis"}],
    }
    for form_id, table in rows.items():
        form = load_form(form_id)
        answers = {"kandidater" if form_id == "rekrytering" else "aktorer": table}
        instrument = INSTRUMENTS[form_id]
        show_blocks(instrument.response_blocks(form, answers, "sv"), under=3)
        show_blocks(
            instrument.group_response_blocks(form, [Rated(respondent=name, answers=answers)], "sv"),
            under=1,
        )
    for form_id, answers in (
        ("kartlaggning", {"aktor": name, "generell_1": 3}),
        ("staden", {load_form("staden").answerable()[0].id: name}),
    ):
        form = load_form(form_id)
        show_blocks(INSTRUMENTS[form_id].response_blocks(form, answers, "sv"), under=3)
        show_blocks(
            INSTRUMENTS[form_id].group_response_blocks(
                form, [Rated(respondent=name, answers=answers)], "sv"
            ),
            under=1,
        )


def test_names_and_answers_typed_by_users_are_text_never_markdown() -> None:
    at = AppTest.from_function(_hostile_names, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    marked_up = [
        str(e.value)
        for kind in ("markdown", "caption", "warning", "info", "success", "subheader", "header")
        for e in at.get(kind)
    ]
    assert not any("Fet" in v for v in marked_up), marked_up
    as_text = " ".join(t.value for t in at.text)
    as_tables = " ".join(str(d.value.to_dict("records")) for d in at.dataframe)
    assert HOSTILE in as_text and HOSTILE in as_tables
    assert any(str(c) == HOSTILE for d in at.dataframe for c in d.value.columns)  # a member


def _notes() -> None:
    from stadforstad.instruments.blocks import Note
    from stadforstad.ui.blocks import show_blocks

    show_blocks(
        [
            Note("warning", "Ni är ännu inte redo.", "sv"),
            Note("success", "Redo.", "sv"),
            Note("info", "Bara en deltagare.", "en"),
        ],
        under=1,
    )


def test_notes_say_their_tone_in_words() -> None:
    at = AppTest.from_function(_notes, default_timeout=TIMEOUT).run()
    assert at.warning[0].value.startswith("**Observera:**")
    assert at.success[0].value.startswith("**Bra:**")
    assert at.info[0].value.startswith("**Note:**")
