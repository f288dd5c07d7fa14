"""The verdict in words: every scorer has words for one response and for a group, they
draw for every golden case in both languages, and names typed by users stay text."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from scoring import SCORERS
from stadforstad.ui.results import GROUP_WORDS, WORDS

TIMEOUT = 120


def test_every_scorer_has_words_for_one_response_and_a_group() -> None:
    assert set(WORDS) == set(SCORERS)
    assert set(GROUP_WORDS) == set(SCORERS)


def _golden_words() -> None:
    import streamlit as st

    from scoring import SCORERS, SUMMARIES
    from scoring.common import Rated
    from stadforstad.answers import check_answers
    from stadforstad.catalog import load_form
    from stadforstad.ui.results import GROUP_WORDS, WORDS
    from tests.test_scoring_cases import _cases

    for param in _cases():
        form_id, case = param.values
        form = load_form(form_id)
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
                GROUP_WORDS[form.scoring](form, SUMMARIES[form.scoring](form, rated), lang)
            else:
                answers = check_answers(form, case["answers"], partial=partial, coerce=True)
                WORDS[form.scoring](form, SCORERS[form.scoring](form, answers), lang)


def test_words_draw_for_every_golden_case_in_both_languages() -> None:
    at = AppTest.from_function(_golden_words, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    assert len(at.header) > 80


def _hostile_names() -> None:
    from scoring import SCORERS, SUMMARIES
    from scoring.common import Rated
    from stadforstad.catalog import load_form
    from stadforstad.ui.results import GROUP_WORDS, WORDS

    name = "**Fet** <b>x</b> [länk](http://example.com)"
    rows = {
        "aktorsanalys": [
            {"aktor": name, "paverkansgrad": 5, "stod": 1},
            {"aktor": name + " 2", "paverkansgrad": 2},
        ],
        "samverkansnivaer": [
            {"aktor": name, "niva_idag": "natverkande", "niva_onskad": "samverkan"},
            {"aktor": name + " 2"},
        ],
    }
    for form_id, table in rows.items():
        form = load_form(form_id)
        answers = {"aktorer": table}
        WORDS[form_id](form, SCORERS[form_id](form, answers), "sv")
        group = SUMMARIES[form_id](form, [Rated(respondent=name, answers=answers)])
        GROUP_WORDS[form_id](form, group, "sv")
    form = load_form("kartlaggning")
    answers = {"aktor": name, "generell_1": 3}
    WORDS["kartlaggning"](form, SCORERS["kartlaggning"](form, answers), "sv")
    GROUP_WORDS["kartlaggning"](
        form, SUMMARIES["kartlaggning"](form, [Rated(respondent=name, answers=answers)]), "sv"
    )
    form = load_form("utvecklingsnivaer")
    GROUP_WORDS["utvecklingsnivaer"](
        form,
        SUMMARIES["utvecklingsnivaer"](form, [Rated(respondent=name, answers={"niva_idag": 1})]),
        "sv",
    )


def test_names_typed_by_users_are_shown_as_text_never_markdown() -> None:
    at = AppTest.from_function(_hostile_names, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    marked_up = [
        e.value
        for kind in ("markdown", "caption", "warning", "info", "success")
        for e in at.get(kind)
    ]
    assert not any("Fet" in str(v) for v in marked_up), marked_up
    as_text = " ".join(t.value for t in at.text)
    as_tables = " ".join(str(d.value.to_dict("records")) for d in at.dataframe)
    assert "**Fet** <b>x</b>" in as_text and "**Fet** <b>x</b>" in as_tables
