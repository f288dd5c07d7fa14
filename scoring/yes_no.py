"""Counting JA and NEJ over a form of yes/no statements (engagemang, riktning)."""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated, Result


class YesNoResult(Result):
    form_id: str
    yes_count: int
    no_count: int
    unanswered: int
    total: int
    #: Statements answered NEJ: topics to discuss before starting.
    no_items: list[str]
    unanswered_items: list[str]


def count_yes(form, answers: dict) -> YesNoResult:
    items = [item for item in form.answerable() if item.kind == "yes_no"]
    no_items = [i.id for i in items if answers.get(i.id) is False]
    unanswered = [i.id for i in items if answers.get(i.id) is None]
    return YesNoResult(
        form_id=form.id,
        yes_count=sum(1 for i in items if answers.get(i.id) is True),
        no_count=len(no_items),
        unanswered=len(unanswered),
        total=len(items),
        no_items=no_items,
        unanswered_items=unanswered,
    )


class StatementCount(Result):
    id: str
    yes: int
    no: int
    unanswered: int
    #: Who answered NEJ: the people to listen to first.
    no_by: list[str]


class YesNoGroup(Result):
    form_id: str
    respondents: int
    members: dict[str, int]
    statements: list[StatementCount]
    #: Statements at least one member answered NEJ.
    to_discuss: list[str]


def summarize_yes_no(form, responses: Sequence[Rated]) -> YesNoGroup:
    items = [item for item in form.answerable() if item.kind == "yes_no"]
    statements = []
    for item in items:
        values = {r.respondent: r.answers.get(item.id) for r in responses}
        statements.append(
            StatementCount(
                id=item.id,
                yes=sum(1 for v in values.values() if v is True),
                no=sum(1 for v in values.values() if v is False),
                unanswered=sum(1 for v in values.values() if v is None),
                no_by=[who for who, v in values.items() if v is False],
            )
        )
    return YesNoGroup(
        form_id=form.id,
        respondents=len(responses),
        members={r.respondent: count_yes(form, r.answers).yes_count for r in responses},
        statements=statements,
        to_discuss=[s.id for s in statements if s.no],
    )
