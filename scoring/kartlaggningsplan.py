"""VEM SKA GÖRA VAD OCH NÄR? – the mapping plan's tasks, and which are overdue.

A task is overdue when its day has passed (the day after "När", Swedish time: the
caller gives today's date there) and it is not marked done. A task without a day is
never overdue; one without a status is not done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from scoring.common import Rated, Result

TASKS_ITEM = "uppgifter"
DONE = "klar"


class Task(Result):
    what: str
    owner: str | None
    due: dt.date | None
    status: str | None
    category: str | None
    #: Whose response the task is in (a group's plan); ``None`` for one response.
    respondent: str | None = None

    @property
    def done(self) -> bool:
        return self.status == DONE


class Plan(Result):
    tasks: list[Task]
    done: int
    without_owner: int
    without_due: int


class PlanGroup(Result):
    respondents: int
    plan: Plan


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _tasks(answers: dict, respondent: str | None = None) -> list[Task]:
    return [
        Task(
            what=str(row.get("vad") or ""),
            owner=row.get("vem") or None,
            due=_day(row.get("nar")),
            status=row.get("status") or None,
            category=row.get("kategori") or None,
            respondent=respondent,
        )
        for row in answers.get(TASKS_ITEM) or []
        if row.get("vad")
    ]


def _plan(tasks: list[Task]) -> Plan:
    ordered = sorted(tasks, key=lambda t: (t.due is None, t.due or dt.date.max, t.what))
    return Plan(
        tasks=ordered,
        done=sum(t.done for t in tasks),
        without_owner=sum(t.owner is None for t in tasks),
        without_due=sum(t.due is None for t in tasks),
    )


def score(form, answers: dict) -> Plan:
    return _plan(_tasks(answers))


def summarize(form, responses: Sequence[Rated]) -> PlanGroup:
    tasks = [t for r in responses for t in _tasks(r.answers, r.respondent)]
    return PlanGroup(respondents=len(responses), plan=_plan(tasks))


def overdue(plan: Plan, today: dt.date) -> list[Task]:
    """Tasks whose day is before ``today`` and that are not done, the oldest first."""
    return [t for t in plan.tasks if t.due is not None and t.due < today and not t.done]
