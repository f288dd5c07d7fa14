"""Answers outside a table column's list: the web table's text column beside the list,
what is stored, and that the stored answer passes the answer check."""

from __future__ import annotations

import pandas as pd
import pytest

from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.other_answers import both_given, other_id, other_value
from stadforstad.table_widget import frame_rows, table_frame


def _malgrupper():
    form = load_form("malgrupp_kontaktyta")
    return form, form.item("malgrupper")


def _column(item, column_id: str):
    return next(c for c in item.columns if c.id == column_id)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ensamkommande barn", "Ensamkommande barn"),
        ("hemlösa", "hemlosa"),
        ("Homeless people", "hemlosa"),
        ("HEMLOSA", "hemlosa"),
        ("Flyktingar i transit", "Flyktingar i transit"),
    ],
    ids=["new", "sv-label", "en-label", "value", "longer-than-label"],
)
def test_typed_text_names_an_option_or_stays_as_typed(typed, stored) -> None:
    _, item = _malgrupper()
    assert other_value(_column(item, "malgrupp"), typed) == stored


def test_a_saved_answer_outside_the_list_is_shown_in_the_text_column() -> None:
    _, item = _malgrupper()
    rows = [{"malgrupp": "hemlosa"}, {"malgrupp": "Ensamkommande barn", "platser": "Station"}]
    frame = table_frame(item, rows)
    column = _column(item, "malgrupp")
    assert list(frame.columns[:2]) == ["malgrupp", other_id(column)]
    assert frame["malgrupp"].tolist() == ["hemlosa", None]
    assert frame[other_id(column)].tolist() == [None, "Ensamkommande barn"]
    # … and comes back unchanged: stored answers stay compatible.
    assert frame_rows(item, frame) == rows


def test_typed_text_counts_before_the_list_and_is_flagged_when_both() -> None:
    form, item = _malgrupper()
    frame = pd.DataFrame(
        {
            "malgrupp": ["flyktingar", "hemlosa", None],
            "malgrupp__annat": [None, "  Ensamkommande   barn ", "Sexarbetare online"],
            "platser": ["Centrum", None, None],
        }
    )
    rows = frame_rows(item, frame)
    assert rows == [
        {"malgrupp": "flyktingar", "platser": "Centrum"},
        {"malgrupp": "Ensamkommande barn"},
        {"malgrupp": "Sexarbetare online"},
    ]
    assert both_given(item, frame) == [(2, "malgrupp")]
    checked = check_answers(form, {"malgrupper": rows})
    assert [r["malgrupp"] for r in checked["malgrupper"]] == [
        "flyktingar",
        "Ensamkommande barn",
        "Sexarbetare online",
    ]


def test_a_column_without_allow_other_gets_no_text_column() -> None:
    item = load_form("kunskapsbank").item("poster")
    frame = table_frame(item, [{"fokusomrade": "Eget område", "typ": "lank", "titel": "X"}])
    assert "typ__annat" not in frame.columns
    assert frame["fokusomrade__annat"].tolist() == ["Eget område"]


def test_a_table_without_a_typed_column_reports_nothing() -> None:
    item = load_form("aktorsanalys").item("aktorer")
    frame = table_frame(item, [{"aktor": "Kommunen", "paverkansgrad": 4, "stod": 2}])
    assert both_given(item, frame) == []
