"""RIKTNING – the number of JA (0–5).

The handbook sets no threshold: it says only that if you have quite other aims, the
material may not be relevant for you now. ``SEVERAL_NO`` is this tool's rule, not the
handbook's: from that many NEJ on the verdict recalls the handbook's caution, and says
that the number is the tool's.
"""

from scoring.yes_no import YesNoGroup, YesNoResult, count_yes, summarize_yes_no

#: This tool's rule (the handbook gives no number): from this many NEJ on, the verdict
#: recalls the handbook's caution.
SEVERAL_NO = 2


class RiktningResult(YesNoResult):
    #: ``SEVERAL_NO`` or more NEJ: the tool's rule (``rule_is_the_tools``), not the handbook's.
    may_not_be_relevant: bool
    #: Always true: the threshold is this tool's, the handbook names no number.
    rule_is_the_tools: bool = True
    several_no: int = SEVERAL_NO


def score(form, answers: dict) -> RiktningResult:
    counted = count_yes(form, answers)
    return RiktningResult(
        **counted.model_dump(), may_not_be_relevant=counted.no_count >= SEVERAL_NO
    )


def summarize(form, responses) -> YesNoGroup:
    return summarize_yes_no(form, responses)
