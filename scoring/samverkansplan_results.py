"""What the plan's check gives: a :class:`SamverkansplanResult` per plan, made of
sub-goals with their SMART letters, activities, milestones and budget rows, and the
municipality's :class:`SamverkansplanGroup`. Typed values only; ``samverkansplan``
fills them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scoring.common import Result

Letter = Literal["S", "M", "A", "R", "T"]


class SmartCheck(Result):
    letter: Letter
    ok: bool
    #: ``REASONS`` keys, with their arguments; empty when the letter holds.
    reasons: list[str]
    args: dict[str, str] = Field(default_factory=dict)


class YearTarget(Result):
    year: int
    #: ``None`` without a first year for the sub-goal.
    calendar_year: int | None
    target: float


class SubGoal(Result):
    row: int
    number: str | None
    text: str
    focus_area: str | None
    measure: str | None
    start_year: int | None
    targets: list[YearTarget]
    owner: str | None
    activities: int
    smart: list[SmartCheck]
    smart_ok: bool
    #: The letters that fail, in SMART order.
    failing: list[str]
    #: From the budget rows tied to this sub-goal; 0 when none.
    hours: float
    cost: float


class Activity(Result):
    row: int
    subgoal: str | None
    what: str
    who: str | None
    when: str | None
    years: list[int]


class Milestone(Result):
    row: int
    date: str
    what: str
    subgoal: str | None


class BudgetRow(Result):
    row: int
    item: str
    subgoal: str | None
    meetings: float | None
    persons: float | None
    hours_per_meeting: float | None
    #: meetings × persons × hours per meeting, a blank count being 1; ``None`` without
    #: hours per meeting.
    hours: float | None
    costs: list[float | None]
    cost: float


class Issue(Result):
    code: str
    args: dict[str, str]


class SamverkansplanResult(Result):
    form_id: str = "samverkansplan"
    #: The plan's length in years: as given, else the last year used (at least 3).
    plan_years: int
    plan_years_given: bool
    #: The calendar year of year 1: the earliest first year of a sub-goal.
    first_year: int | None
    subgoals: list[SubGoal]
    smart_ok: int
    #: Area of work → the numbers of its sub-goals (every area present, handbook order).
    coverage: dict[str, list[str]]
    uncovered: list[str]
    activities: list[Activity]
    milestones: list[Milestone]
    budget: list[BudgetRow]
    hours_total: float
    cost_total: float
    #: Year 1 first, one per plan year.
    cost_per_year: list[float]
    hours_per_subgoal: dict[str, float]
    cost_per_subgoal: dict[str, float]
    #: Hours and costs of rows tied to no sub-goal.
    hours_unassigned: float
    cost_unassigned: float
    organisations: list[str]
    issues: list[Issue]


class SamverkansplanGroup(Result):
    """The municipality's plan: one shared answer (``owner: group``); should a round
    hold more (answers stored before the plan became shared), each is scored."""

    form_id: str = "samverkansplan"
    respondents: int
    plans: list[tuple[str, SamverkansplanResult]]
