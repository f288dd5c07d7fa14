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
from typing import Literal

from pydantic import Field

from scoring.common import Rated, Result

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
FOCUS_LABELS: dict[str, dict[str, str]] = {
    "forebyggande_arbete": {"sv": "Förebyggande arbete", "en": "Preventive work"},
    "lagforing": {"sv": "Lagföring", "en": "Prosecution"},
    "skydd_och_stod": {"sv": "Skydd och stöd", "en": "Protection and support"},
    "integrering_atervandande": {"sv": "Integrering/återvändande", "en": "Integration/return"},
}

Letter = Literal["S", "M", "A", "R", "T"]
LETTERS: tuple[Letter, ...] = ("S", "M", "A", "R", "T")
LETTER_WORDS: dict[str, dict[str, str]] = {
    "S": {"sv": "Specifikt", "en": "Specific"},
    "M": {"sv": "Mätbart", "en": "Measurable"},
    "A": {"sv": "Accepterat", "en": "Accepted"},
    "R": {"sv": "Realistiskt", "en": "Realistic"},
    "T": {"sv": "Tidsatt", "en": "Time-bound"},
}
#: Why a letter fails, in words a coordinator understands (``{…}`` filled from ``args``).
REASONS: dict[str, dict[str, str]] = {
    "no_focus_area": {
        "sv": "välj vilket av handbokens arbetsområden delmålet hör till",
        "en": "choose which of the handbook's areas of work the sub-goal belongs to",
    },
    "too_short": {
        "sv": "skriv med minst {words} ord vad som ska bli annorlunda",
        "en": "say in at least {words} words what is to change",
    },
    "no_measure": {
        "sv": "skriv vad som räknas (t.ex. antal stödsamtal)",
        "en": "say what is counted (e.g. number of support talks)",
    },
    "no_yearly_target": {
        "sv": "ange ett mål för minst ett år",
        "en": "give a target for at least one year",
    },
    "no_owner": {
        "sv": "ingen är ansvarig – skriv vem som äger delmålet",
        "en": "nobody is responsible – say who owns the sub-goal",
    },
    "no_activity": {
        "sv": "ingen aktivitet leder till delmålet – lägg till minst en",
        "en": "no activity leads to the sub-goal – add at least one",
    },
    "no_start_year": {
        "sv": "ange vilket år delmålet startar",
        "en": "give the year the sub-goal starts",
    },
    "targets_beyond_plan": {
        "sv": "mål för år {years} ligger efter planens sista år ({plan_years})",
        "en": "targets for year {years} fall after the plan's last year ({plan_years})",
    },
}
#: Problems with the plan as a whole (``{…}`` filled from ``args``).
ISSUES: dict[str, dict[str, str]] = {
    "too_many_subgoals": {
        "sv": "Planen har {count} delmål; handboken säger högst {most}.",
        "en": "The plan has {count} sub-goals; the handbook says at most {most}.",
    },
    "duplicate_number": {
        "sv": "Numret {number} används av flera delmål (rad {rows}).",
        "en": "The number {number} is used by more than one sub-goal (rows {rows}).",
    },
    "no_target": {
        "sv": "Delmål {number} (rad {row}) saknar mätbart mål.",
        "en": "Sub-goal {number} (row {row}) has no measurable target.",
    },
    "uncovered_area": {
        "sv": "Arbetsområdet {area} har inget delmål.",
        "en": "The area of work {area} has no sub-goal.",
    },
    "no_activity": {
        "sv": "Delmål {number} har ingen aktivitet.",
        "en": "Sub-goal {number} has no activity.",
    },
    "activity_without_subgoal": {
        "sv": "Aktivitet på rad {row} hör till {number}, som inte finns bland delmålen.",
        "en": "The activity on row {row} belongs to {number}, which is not among the sub-goals.",
    },
    "years_beyond_plan": {
        "sv": "{what} på rad {row} gäller år {years}, efter planens sista år ({plan_years}).",
        "en": "{what} on row {row} is for year {years}, after the plan's last year ({plan_years}).",
    },
}


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


class SamverkansplanGroup(Result):
    """The municipality's plan: one shared answer (``owner: group``); should a round
    hold more (answers stored before the plan became shared), each is scored."""

    form_id: str = "samverkansplan"
    respondents: int
    plans: list[tuple[str, SamverkansplanResult]]


def summarize(form, responses: Sequence[Rated]) -> SamverkansplanGroup:
    return SamverkansplanGroup(
        respondents=len(responses),
        plans=[(r.respondent, score(form, r.answers)) for r in responses],
    )
