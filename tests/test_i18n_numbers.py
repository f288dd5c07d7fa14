"""Numbers, counts and times as a person reads them (issue 9.6, 9.7, 9.11)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from stadforstad.errors import Problem
from stadforstad.i18n import count_text, number_text, parse_number, time_text
from stadforstad.render import drop_problems
from stadforstad.ui.tables import cell_text
from stadforstad.widgets import read_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("12", 12),
        ("12,5", 12.5),
        ("12.5", 12.5),
        (" 1 000 ", 1000),
        ("1\u00a0000", 1000),
        ("-3", -3),
        ("−3", -3),  # the typographic minus
        ("0,25", 0.25),
        ("tolv", None),
        ("12,5,1", None),
        ("1e3", None),
        ("", None),
    ],
)
def test_a_number_as_people_type_it(typed, number) -> None:
    assert parse_number(typed) == number


def test_a_number_field_keeps_text_that_is_no_number_for_the_check_to_flag() -> None:
    assert read_number("tolv") == "tolv"
    assert read_number(None) is None and read_number(float("nan")) is None
    assert read_number(3) == 3


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (12.5, "sv", None, "12,5"),
        (12.5, "en", None, "12.5"),
        (3, "sv", None, "3"),
        (2.3333, "sv", 1, "2,3"),
        (None, "sv", None, "–"),
        (float("nan"), "en", 1, "–"),
    ],
)
def test_one_decimal_mark_per_language(value, lang, decimals, text) -> None:
    assert number_text(value, lang, decimals) == text


def test_tables_show_a_dash_for_no_value_and_the_decimal_comma() -> None:
    assert cell_text(None, "sv") == "–"
    assert cell_text(float("nan"), "sv") == "–"
    assert cell_text(pd.NA, "sv") == "–"
    assert cell_text(3.14159, "sv") == "3,14" and cell_text(3.14159, "en") == "3.14"
    assert cell_text("Malmö", "sv") == "Malmö"


def test_table_cells_kept_per_value_read_as_the_number_itself() -> None:
    # cell_text keeps each figure's text: the same figure twice, in either language
    # and with either sign of zero, reads as number_text writes it.
    for value in (2.5, -2.5, 2.5, 0.0, -0.0, -0.001, 1e9, float("inf"), 2.5):
        for lang in ("sv", "en", "sv"):
            assert cell_text(value, lang) == number_text(round(value, 2), lang), (value, lang)


@pytest.mark.parametrize(
    ("n", "lang", "text"),
    [
        (0, "sv", "0 inskickade svar"),
        (1, "sv", "1 inskickat svar"),
        (2, "sv", "2 inskickade svar"),
        (1, "en", "1 submitted response"),
        (3, "en", "3 submitted responses"),
    ],
)
def test_counts_agree_with_their_number(n, lang, text) -> None:
    words = (("inskickat svar", "inskickade svar"), ("submitted response", "submitted responses"))
    assert count_text(lang, n, *words) == text


def test_times_are_shown_in_swedish_time() -> None:
    summer = dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)
    winter = dt.datetime(2026, 12, 1, 10, 0)  # SQLite gives no zone: it is UTC
    assert time_text(summer) == "2026-07-01 12:00"
    assert time_text(winter) == "2026-12-01 11:00"


def test_a_draft_keeps_everything_but_the_values_that_do_not_fit() -> None:
    answers = {
        "period_manader": "tolv",
        "behov": 3,
        "aktorer": [{"aktor": "Polisen", "stod": "fyra"}, {"aktor": "Kyrkan", "stod": 5}],
    }
    problems = [
        Problem("ANSWER_003", "", "'tolv' är inte ett heltal", item="period_manader"),
        Problem("ANSWER_003", "", "'fyra' är inte ett tal", item="aktorer", row=1, column="stod"),
    ]
    assert drop_problems(answers, problems) == {
        "behov": 3,
        "aktorer": [{"aktor": "Polisen"}, {"aktor": "Kyrkan", "stod": 5}],
    }
