"""ENGAGEMANG – the number of JA (0–7); every NEJ is a topic to discuss before starting."""

from scoring.yes_no import YesNoGroup, YesNoResult, count_yes, summarize_yes_no


def score(form, answers: dict) -> YesNoResult:
    return count_yes(form, answers)


def summarize(form, responses) -> YesNoGroup:
    return summarize_yes_no(form, responses)
