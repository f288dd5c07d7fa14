"""``check_answers``: one case per answer code, each naming its place in fields (item,
and for a table its row and column), never as text to be parsed back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stadforstad import errors
from stadforstad.answers import check_answers
from stadforstad.catalog import parse_form
from stadforstad.errors import AnswerError, place_text

FORM = parse_form(
    """
id: prov
version: 1
step: 0
title: {sv: Prov}
source: {heading: P}
sections:
  - id: s
    items:
      - {kind: scale, id: betyg, label: {sv: Betyg}, min: 1, max: 5, required: true}
      - {kind: text, id: namn, label: {sv: Namn}, max_length: 5}
      - {kind: yes_no, id: klar, label: {sv: Klar}}
      - {kind: date, id: dag, label: {sv: Dag}}
      - kind: choice
        id: farg
        label: {sv: Färg}
        options:
          - {value: rod, label: {sv: Röd}}
          - {value: bla, label: {sv: Blå}}
      - kind: table
        id: rader
        label: {sv: Rader}
        max_rows: 2
        columns:
          - {id: vem, kind: text, label: {sv: Vem}, required: true}
          - {id: antal, kind: number, label: {sv: Antal}}
"""
)
BASE = {"betyg": 3}


@pytest.mark.parametrize(
    ("answers", "code", "place"),
    [
        ({"namn": "Ada"}, errors.ANSWER_REQUIRED, ("betyg", None, None)),
        ({"betyg": 9}, errors.ANSWER_OUT_OF_RANGE, ("betyg", None, None)),
        ({"betyg": "tre"}, errors.ANSWER_NOT_A_NUMBER, ("betyg", None, None)),
        (BASE | {"farg": "gron"}, errors.ANSWER_UNKNOWN_OPTION, ("farg", None, None)),
        (BASE | {"smak": "sur"}, errors.ANSWER_UNKNOWN_ITEM, ("smak", None, None)),
        (BASE | {"namn": "Adalbert"}, errors.ANSWER_TOO_LONG, ("namn", None, None)),
        (BASE | {"dag": "i morgon"}, errors.ANSWER_BAD_DATE, ("dag", None, None)),
        (BASE | {"klar": "kanske"}, errors.ANSWER_BAD_TYPE, ("klar", None, None)),
        (BASE | {"rader": [{"vem": "A"}] * 3}, errors.ANSWER_TABLE_ROWS, ("rader", None, None)),
        (
            BASE | {"rader": [{"vem": "A", "antal": "x"}]},
            errors.ANSWER_NOT_A_NUMBER,
            ("rader", 1, "antal"),
        ),
        (
            BASE | {"rader": [{"vem": "A"}, {"antal": 2}]},
            errors.ANSWER_REQUIRED,
            ("rader", 2, "vem"),
        ),
        (
            BASE | {"rader": [{"vem": "A", "hur": 1}]},
            errors.ANSWER_UNKNOWN_ITEM,
            ("rader", 1, "hur"),
        ),
    ],
    ids=[
        "required",
        "out-of-range",
        "not-a-number",
        "unknown-option",
        "unknown-item",
        "too-long",
        "bad-date",
        "bad-type",
        "too-many-rows",
        "cell-not-a-number",
        "cell-required",
        "unknown-column",
    ],
)
def test_each_answer_code_names_its_place_in_fields(answers, code, place) -> None:
    with pytest.raises(AnswerError) as caught:
        check_answers(FORM, answers)
    assert caught.value.codes == [code]
    problem = caught.value.problems[0]
    assert (problem.item, problem.row, problem.column) == place
    assert problem.where == ""  # nothing to parse: the place is in the fields


def test_the_place_is_formatted_where_it_is_shown() -> None:
    with pytest.raises(AnswerError) as caught:
        check_answers(FORM, BASE | {"rader": [{"vem": "A", "antal": "x"}]})
    problem = caught.value.problems[0]
    assert place_text(problem) == "rader[rad 1]/antal"
    assert str(problem).startswith("[ANSWER_003] rader[rad 1]/antal: ")
    in_file = replace(problem, file_row=4)
    assert place_text(in_file) == "row 4, column rader[rad 1]/antal"


@pytest.mark.parametrize(
    ("typed", "read"),
    [("15 066", 15066), ("15\u00a0066", 15066), ("12,5", 12.5), ("−3", -3), (" 4 ", 4)],
)
def test_a_file_cell_is_read_as_a_number_the_way_people_write_it(typed, read) -> None:
    """A number in a file (or pasted) as Swedish statistics print it: a space between
    thousands, a decimal comma; the same reader as the form's number fields."""
    answers = check_answers(FORM, BASE | {"rader": [{"vem": "A", "antal": typed}]}, coerce=True)
    assert answers["rader"][0]["antal"] == read


@pytest.mark.parametrize("typed", ["1e3", "15.066,5", "tre", "1 0 0 x"])
def test_what_is_not_a_number_as_people_write_it_is_refused(typed) -> None:
    with pytest.raises(AnswerError) as refused:
        check_answers(FORM, BASE | {"rader": [{"vem": "A", "antal": typed}]}, coerce=True)
    assert [p.code for p in refused.value.problems] == [errors.ANSWER_NOT_A_NUMBER]
