"""The assessment forms' golden cases scored, for the chart tests."""

from __future__ import annotations

from pathlib import Path

from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.instruments.registry import INSTRUMENTS

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def _result(form_id: str, case: dict):
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
        return form, INSTRUMENTS[form.id].summarize(form, rated), 1
    answers = check_answers(form, case["answers"], partial=partial, coerce=True)
    return form, INSTRUMENTS[form.id].score(form, answers), 0
