"""MALL FÖR LOKAL SAMVERKANSPLAN – the plan checked, its resources counted.

The handbook asks for "maximalt fem SMARTA delmål" over "den kommande 3-5 års
perioden", each tied to one of its areas of work, with activities that say who does
what and when. Checked here, per sub-goal, the five SMART letters:

- **S**pecifikt: an area of work and a sub-goal of at least ``SPECIFIC_MIN_WORDS`` words;
- **M**ätbart: what is counted (``matbart_mal``) and at least one yearly target;
- **A**ccepterat: someone owns it (``ansvarig``);
- **R**ealistiskt: at least one activity leads to it;
- **T**idsatt: a first year, and no yearly target beyond the plan's last year.

Resources follow the 2005 Stockholm plan (seed 004): work hours = meetings × persons ×
hours per meeting ("12 möten * 10 personer * 4 timmar = 480 timmar"); a blank count is
1 ("5 gånger * 5 timmar = 25 timmar"), a row without hours per meeting has no hours.
Costs are given per plan year. Pure: no Streamlit, no database.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated
from scoring.samverkansplan_results import (
    Activity,
    BudgetRow,
    Issue,
    Letter,
    Milestone,
    SamverkansplanGroup,
    SamverkansplanResult,
    SmartCheck,
    SubGoal,
    YearTarget,
)
from scoring.samverkansplan_words import REASONS

# -- the form's ids (forms/samverkansplan.yaml; `statistik` reads the same columns) ----
PLAN_YEARS_ITEM = "planens_langd"
SUBGOALS = "delmal"
ACTIVITIES = "aktiviteter"
BUDGET = "budget"
TIMELINE = "tidslinje"
SIGNATURES = "underskrifter"
#: Years a plan may have at most: the form has a target, activity and cost column each.
MAX_YEARS = 5
TARGET_COLUMNS = tuple(f"mal_ar_{n}" for n in range(1, MAX_YEARS + 1))
COST_COLUMNS = tuple(f"kostnad_ar_{n}" for n in range(1, MAX_YEARS + 1))
YEAR_OPTIONS = tuple(f"ar_{n}" for n in range(1, MAX_YEARS + 1))

# -- the handbook's rules ----------------------------------------------------------------
MAX_SUBGOALS = 5
PLAN_YEARS_MIN = 3
PLAN_YEARS_MAX = 5
#: A sub-goal of fewer words does not say what is to change ("Hotell" is a topic).
SPECIFIC_MIN_WORDS = 3
#: The handbook's areas of work, in its order.
FOCUS_AREAS = ("forebyggande_arbete", "lagforing", "skydd_och_stod", "integrering_atervandande")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _rows(answers: dict, item: str) -> list[dict]:
    return [row for row in answers.get(item) or [] if isinstance(row, dict)]


def _year(option: str) -> int | None:
    if option in YEAR_OPTIONS:
        return YEAR_OPTIONS.index(option) + 1
    return None


def work_hours(
    meetings: float | None, persons: float | None, per_meeting: float | None
) -> float | None:
    """Work hours of a budget row: meetings × persons × hours per meeting, a blank count
    counting as 1; ``None`` when the hours per meeting are blank."""
    if per_meeting is None:
        return None
    return (1 if meetings is None else meetings) * (1 if persons is None else persons) * per_meeting


def _plan_years(answers: dict, used: int) -> tuple[int, bool]:
    given = _number(answers.get(PLAN_YEARS_ITEM))
    if given is not None and PLAN_YEARS_MIN <= given <= PLAN_YEARS_MAX:
        return int(given), True
    return max(PLAN_YEARS_MIN, min(used, PLAN_YEARS_MAX)), False


def _budget_row(index: int, row: dict) -> BudgetRow:
    meetings, persons = _number(row.get("moten")), _number(row.get("personer"))
    per_meeting = _number(row.get("timmar"))
    costs = [_number(row.get(column)) for column in COST_COLUMNS]
    return BudgetRow(
        row=index,
        item=_text(row.get("aktivitet")),
        subgoal=row.get("delmal") or None,
        meetings=meetings,
        persons=persons,
        hours_per_meeting=per_meeting,
        hours=work_hours(meetings, persons, per_meeting),
        costs=costs,
        cost=sum(c for c in costs if c is not None),
    )


def _last_used(rows: Sequence[int]) -> int:
    return max(rows, default=0)


def _smart(
    row: dict, targets: list[YearTarget], activities: int, plan_years: int
) -> list[SmartCheck]:
    text = _text(row.get("delmal"))
    specific = [
        *(["no_focus_area"] if not row.get("fokusomrade") else []),
        *(["too_short"] if len(text.split()) < SPECIFIC_MIN_WORDS else []),
    ]
    measurable = [
        *(["no_measure"] if not _text(row.get("matbart_mal")) else []),
        *(["no_yearly_target"] if not targets else []),
    ]
    beyond = [t.year for t in targets if t.year > plan_years]
    timed = [
        *(["no_start_year"] if _number(row.get("startar")) is None else []),
        *(["targets_beyond_plan"] if beyond else []),
    ]
    found: dict[Letter, list[str]] = {
        "S": specific,
        "M": measurable,
        "A": [] if _text(row.get("ansvarig")) else ["no_owner"],
        "R": [] if activities else ["no_activity"],
        "T": timed,
    }
    args = {
        "words": str(SPECIFIC_MIN_WORDS),
        "years": ", ".join(str(y) for y in beyond),
        "plan_years": str(plan_years),
    }
    return [
        SmartCheck(
            letter=letter,
            ok=not reasons,
            reasons=reasons,
            args={k: v for k, v in args.items() if any("{" + k + "}" in _all(r) for r in reasons)},
        )
        for letter, reasons in found.items()
    ]


def _all(reason: str) -> str:
    return " ".join(REASONS[reason].values())


def _targets(row: dict, start: int | None) -> list[YearTarget]:
    targets = []
    for year, column in enumerate(TARGET_COLUMNS, start=1):
        value = _number(row.get(column))
        if value is not None:
            calendar = start + year - 1 if start is not None else None
            targets.append(YearTarget(year=year, calendar_year=calendar, target=value))
    return targets


def _beyond(
    what: str, index: int, years: Sequence[int], plan_years: int
) -> list[Issue]:  # one issue per row that reaches past the plan
    late = [y for y in years if y > plan_years]
    if not late:
        return []
    return [
        Issue(
            code="years_beyond_plan",
            args={
                "what": what,
                "row": str(index),
                "years": ", ".join(str(y) for y in late),
                "plan_years": str(plan_years),
            },
        )
    ]


def score(form, answers: dict) -> SamverkansplanResult:
    goal_rows = _rows(answers, SUBGOALS)
    activity_rows = _rows(answers, ACTIVITIES)
    budget = [_budget_row(i, row) for i, row in enumerate(_rows(answers, BUDGET), start=1)]
    activities = [
        Activity(
            row=i,
            subgoal=row.get("delmal") or None,
            what=_text(row.get("vad")),
            who=_text(row.get("vem")) or None,
            when=_text(row.get("nar")) or None,
            years=sorted(y for y in (_year(o) for o in row.get("ar") or []) if y is not None),
        )
        for i, row in enumerate(activity_rows, start=1)
    ]
    starts = [int(s) for s in (_number(r.get("startar")) for r in goal_rows) if s is not None]
    first_year = min(starts, default=None)
    all_targets = [_targets(row, first_year) for row in goal_rows]
    used = _last_used(
        [
            *(t.year for ts in all_targets for t in ts),
            *(y for a in activities for y in a.years),
            *(i + 1 for b in budget for i, c in enumerate(b.costs) if c is not None),
        ]
    )
    plan_years, given = _plan_years(answers, used)

    hours_per: dict[str, float] = {}
    cost_per: dict[str, float] = {}
    for b in budget:
        if b.subgoal:
            hours_per[b.subgoal] = hours_per.get(b.subgoal, 0) + (b.hours or 0)
            cost_per[b.subgoal] = cost_per.get(b.subgoal, 0) + b.cost

    subgoals = []
    for index, row in enumerate(goal_rows, start=1):
        number = row.get("nummer") or None
        start = _number(row.get("startar"))
        own = _targets(row, int(start) if start is not None else None)
        tied = sum(1 for a in activities if number and a.subgoal == number)
        checks = _smart(row, own, tied, plan_years)
        subgoals.append(
            SubGoal(
                row=index,
                number=number,
                text=_text(row.get("delmal")),
                focus_area=row.get("fokusomrade") or None,
                measure=_text(row.get("matbart_mal")) or None,
                start_year=int(start) if start is not None else None,
                targets=own,
                owner=_text(row.get("ansvarig")) or None,
                activities=tied,
                smart=checks,
                smart_ok=all(c.ok for c in checks),
                failing=[c.letter for c in checks if not c.ok],
                hours=hours_per.get(number, 0.0) if number else 0.0,
                cost=cost_per.get(number, 0.0) if number else 0.0,
            )
        )

    coverage = {
        area: [g.number or f"#{g.row}" for g in subgoals if g.focus_area == area]
        for area in FOCUS_AREAS
    }
    uncovered = [area for area, numbers in coverage.items() if not numbers]
    numbers = {g.number for g in subgoals if g.number}

    issues: list[Issue] = []
    if len(subgoals) > MAX_SUBGOALS:
        issues.append(
            Issue(
                code="too_many_subgoals",
                args={"count": str(len(subgoals)), "most": str(MAX_SUBGOALS)},
            )
        )
    for number in sorted(numbers):
        rows = [g.row for g in subgoals if g.number == number]
        if len(rows) > 1:
            issues.append(
                Issue(
                    code="duplicate_number",
                    args={"number": number, "rows": ", ".join(str(r) for r in rows)},
                )
            )
    for g in subgoals:
        if not g.measure or not g.targets:
            issues.append(
                Issue(code="no_target", args={"number": g.number or "–", "row": str(g.row)})
            )
    issues += [Issue(code="uncovered_area", args={"area": area}) for area in uncovered]
    for number in sorted(numbers):
        if not any(a.subgoal == number for a in activities):
            issues.append(Issue(code="no_activity", args={"number": number}))
    for a in activities:
        if a.subgoal and a.subgoal not in numbers:
            issues.append(
                Issue(
                    code="activity_without_subgoal",
                    args={"row": str(a.row), "number": a.subgoal},
                )
            )
        issues += _beyond("activity", a.row, a.years, plan_years)
    for b in budget:
        issues += _beyond(
            "cost", b.row, [i + 1 for i, c in enumerate(b.costs) if c is not None], plan_years
        )

    cost_per_year = [sum(b.costs[year] or 0 for b in budget) for year in range(plan_years)]
    return SamverkansplanResult(
        plan_years=plan_years,
        plan_years_given=given,
        first_year=first_year,
        subgoals=subgoals,
        smart_ok=sum(1 for g in subgoals if g.smart_ok),
        coverage=coverage,
        uncovered=uncovered,
        activities=activities,
        milestones=[
            Milestone(
                row=i,
                date=str(row.get("datum") or ""),
                what=_text(row.get("handelse")),
                subgoal=row.get("delmal") or None,
            )
            for i, row in enumerate(_rows(answers, TIMELINE), start=1)
            if row.get("datum")
        ],
        budget=budget,
        hours_total=sum(b.hours or 0 for b in budget),
        cost_total=sum(b.cost for b in budget),
        cost_per_year=cost_per_year,
        hours_per_subgoal=hours_per,
        cost_per_subgoal=cost_per,
        hours_unassigned=sum(b.hours or 0 for b in budget if not b.subgoal),
        cost_unassigned=sum(b.cost for b in budget if not b.subgoal),
        organisations=[
            name for row in _rows(answers, SIGNATURES) if (name := _text(row.get("organisation")))
        ],
        issues=issues,
    )


def summarize(form, responses: Sequence[Rated]) -> SamverkansplanGroup:
    return SamverkansplanGroup(
        respondents=len(responses),
        plans=[(r.respondent, score(form, r.answers)) for r in responses],
    )
