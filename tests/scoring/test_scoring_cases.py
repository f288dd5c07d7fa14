"""Golden scoring cases, kept as data in ``tests/cases/<form id>.yaml``.

Each file holds a list of cases: ``id``, ``answers`` and ``expect`` (a subset of the
result's fields). With ``group: [{respondent, answers}, …]`` instead of ``answers`` the
case checks the form's group summary.
"""

from __future__ import annotations

import pytest

from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.instruments.registry import INSTRUMENTS
from tests.helpers.cases import (
    CASES_DIR,
    _cases,
)


def _subset(actual, expected, where: str = "") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected a mapping, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}/{key}: missing in result"
            _subset(actual[key], value, f"{where}/{key}")
    elif isinstance(expected, list) and expected and isinstance(expected[0], dict):
        assert len(actual) == len(expected), f"{where}: {len(actual)} != {len(expected)} rows"
        for index, (a, e) in enumerate(zip(actual, expected)):
            _subset(a, e, f"{where}[{index}]")
    elif isinstance(expected, float):
        assert actual == pytest.approx(expected), f"{where}: {actual!r} != {expected!r}"
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize(("form_id", "case"), list(_cases()))
def test_golden_case(form_id: str, case: dict) -> None:
    form = load_form(form_id)
    partial = case.get("partial", False)
    if "group" in case:
        rated = [
            Rated(
                respondent=m["respondent"],
                answers=check_answers(form, m["answers"], partial=partial, coerce=True),
            )
            for m in case["group"]
        ]
        result = INSTRUMENTS[form.id].summarize(form, rated)
    else:
        answers = check_answers(form, case["answers"], partial=partial, coerce=True)
        result = INSTRUMENTS[form.id].score(form, answers)
    _subset(result.model_dump(mode="json"), case["expect"])


def test_every_scored_form_has_cases() -> None:
    from stadforstad.catalog import list_forms

    scored = {f.id for f in list_forms() if f.scoring}
    with_cases = {p.stem for p in CASES_DIR.glob("*.yaml")}
    assert scored <= with_cases, f"no golden cases for {sorted(scored - with_cases)}"
