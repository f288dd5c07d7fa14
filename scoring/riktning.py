"""RIKTNING – the number of JA (0–5).

The handbook: if you have quite other aims, the material may not be relevant for you
now. We read "several NEJ" as two or more.
"""

from scoring.yes_no import YesNoGroup, YesNoResult, count_yes, summarize_yes_no

#: From this many NEJ on, the handbook's caution applies.
SEVERAL_NO = 2


class RiktningResult(YesNoResult):
    may_not_be_relevant: bool


def score(form, answers: dict) -> RiktningResult:
    counted = count_yes(form, answers)
    return RiktningResult(
        **counted.model_dump(), may_not_be_relevant=counted.no_count >= SEVERAL_NO
    )


def summarize(form, responses) -> YesNoGroup:
    return summarize_yes_no(form, responses)
