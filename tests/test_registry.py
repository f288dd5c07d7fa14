"""Forms ↔ scorers ↔ group summaries ↔ charts: a form that claims a scorer has all of
them, and every scorer belongs to a form. Every chart renders for the golden cases."""

from __future__ import annotations

import pytest

from scoring import SCORERS, SUMMARIES
from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import list_forms, load_form
from stadforstad.charts import CHARTS
from tests.test_scoring_cases import _cases


def test_every_scored_form_is_complete() -> None:
    claimed = {f.scoring for f in list_forms() if f.scoring}
    assert claimed == set(SCORERS), "a scorer without a form, or a form without a scorer"
    assert set(SUMMARIES) == set(SCORERS)
    assert set(CHARTS) == set(SCORERS)


@pytest.mark.parametrize(("form_id", "case"), list(_cases()))
def test_charts_render_for_golden_cases(form_id: str, case: dict) -> None:
    form = load_form(form_id)
    one, group = CHARTS[form.scoring]
    partial = case.get("partial", False)
    if "group" in case:
        rated = [
            Rated(
                respondent=m["respondent"],
                answers=check_answers(form, m["answers"], partial=partial, coerce=True),
            )
            for m in case["group"]
        ]
        spec = group(form, SUMMARIES[form.scoring](form, rated), "sv").to_dict()
    else:
        answers = check_answers(form, case["answers"], partial=partial, coerce=True)
        spec = one(form, SCORERS[form.scoring](form, answers), "en").to_dict()
    assert "$schema" in spec
