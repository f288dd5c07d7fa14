"""STATISTIK FRÅN NÄTVERKET – the network's yearly figures, measure by measure.

The handbook's Helsingborg statistics (2017–2022) count four measures a year:
incidents reported, possibly exploited persons documented, support talks held and
long-term support given. The form takes one row per period (a year, or a quarter
within it); rows of the same year add up to the year's figure.

Per measure: the series over every year from the first to the last year of the table
(a year without a figure stays ``None``, never 0), the total, the change from one
year to the next (count and per cent; ``None`` when either year has no figure, or the
per cent when the earlier year is 0), and, where the collaboration plan has yearly
targets for the same measure, target against outcome.

The plan's targets are read from the ``samverkansplan`` answers by
:func:`plan_targets` (a pure function of answers dicts), so this module does not
depend on the plan's own scorer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from scoring.common import Rated, Result

TABLE = "perioder"
YEAR = "ar"
PRELIMINARY = "preliminar"
#: The handbook's four measures, in its order: column ids of the ``perioder`` table.
MEASURES = ("incidenter", "utsatta_personer", "stodsamtal", "langsiktigt_stod")

#: How a sub-goal's measurable target names a measure (lower case, sv and en): a
#: sub-goal counts towards the measure whose words its ``matbart_mal`` (or, failing
#: that, its ``delmal`` text) contains. The first measure that matches wins.
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "incidenter": ("incident",),
    "utsatta_personer": (
        "utsatta personer",
        "möjligt utsatta",
        "exploited persons",
        "exploited people",
    ),
    "stodsamtal": ("stödsamtal", "support talk"),
    "langsiktigt_stod": ("långsiktigt stöd", "long-term support"),
}
#: Column ids of the plan's sub-goal table that this module reads.
PLAN_TABLE = "delmal"
PLAN_NUMBER = "nummer"
PLAN_TEXT = "delmal"
PLAN_MEASURE_TEXT = "matbart_mal"
PLAN_START = "startar"
#: ``mal_ar_1`` … ``mal_ar_5``: the target of the plan's year 1 … 5.
PLAN_YEAR_TARGET = "mal_ar_{}"
PLAN_YEARS = 5
#: The plan's length in years (3–5): targets beyond it are not read.
PLAN_LENGTH = "planens_langd"


class YearFigure(Result):
    year: int
    #: ``None``: no figure for that year (not 0).
    value: float | None
    preliminary: bool = False


class Change(Result):
    """From ``from_year`` to ``year`` (the next year)."""

    from_year: int
    year: int
    #: ``None`` when either year has no figure.
    count: float | None
    #: ``None`` as well when the earlier year is 0.
    percent: float | None


class TargetOutcome(Result):
    year: int
    target: float
    #: ``None``: no figure for that year yet.
    outcome: float | None
    #: ``None`` until there is an outcome.
    met: bool | None
    #: Which sub-goal set the target (its number, e.g. ``delmal_2``).
    sub_goal: str


class MeasureResult(Result):
    id: str
    series: list[YearFigure]
    total: float
    years_with_figures: int
    missing_years: list[int]
    changes: list[Change]
    targets: list[TargetOutcome]


class StatistikResult(Result):
    form_id: str = "statistik"
    years: list[int]
    preliminary_years: list[int]
    measures: list[MeasureResult]
    #: Measure id → the sum of its yearly figures.
    totals: dict[str, float]
    #: Measure id → its changes from year to year.
    changes: dict[str, list[Change]]
    #: ``True`` when some measure has a target from the plan.
    has_targets: bool = False


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _year(row: Mapping[str, Any]) -> int | None:
    value = _number(row.get(YEAR))
    return int(value) if value is not None and value.is_integer() else None


def _change(before: YearFigure, after: YearFigure) -> Change:
    if before.value is None or after.value is None:
        return Change(from_year=before.year, year=after.year, count=None, percent=None)
    count = after.value - before.value
    percent = None if before.value == 0 else round(count / before.value * 100, 1)
    return Change(from_year=before.year, year=after.year, count=count, percent=percent)


def _met(outcome: float | None, target: float) -> bool | None:
    """Reached when the outcome is at least the target; ``None`` without an outcome."""
    return None if outcome is None else outcome >= target


def _measure(
    measure: str,
    years: list[int],
    rows: Sequence[Mapping[str, Any]],
    preliminary: set[int],
    targets: Mapping[int, tuple[float, str]],
) -> MeasureResult:
    sums: dict[int, float] = {}
    for row in rows:
        year, value = _year(row), _number(row.get(measure))
        if year is not None and value is not None:
            sums[year] = sums.get(year, 0.0) + value
    series = [YearFigure(year=y, value=sums.get(y), preliminary=y in preliminary) for y in years]
    by_year = {f.year: f.value for f in series}
    return MeasureResult(
        id=measure,
        series=series,
        total=sum(sums.values()),
        years_with_figures=len(sums),
        missing_years=[y for y in years if y not in sums],
        changes=[_change(a, b) for a, b in pairwise(series)],
        targets=[
            TargetOutcome(
                year=year,
                target=target,
                outcome=by_year.get(year),
                met=_met(by_year.get(year), target),
                sub_goal=sub_goal,
            )
            for year, (target, sub_goal) in sorted(targets.items())
        ],
    )


def score_rows(
    rows: Sequence[Mapping[str, Any]],
    targets: Mapping[str, Mapping[int, tuple[float, str]]] | None = None,
) -> StatistikResult:
    """The statistics of ``rows`` (the ``perioder`` table), with the plan's ``targets``
    (measure → year → (target, sub-goal), see :func:`plan_targets`)."""
    targets = targets or {}
    found = sorted({y for y in (_year(r) for r in rows) if y is not None})
    years = list(range(found[0], found[-1] + 1)) if found else []
    preliminary = {y for r in rows if r.get(PRELIMINARY) is True and (y := _year(r)) is not None}
    measures = [_measure(m, years, rows, preliminary, targets.get(m, {})) for m in MEASURES]
    return StatistikResult(
        years=years,
        preliminary_years=sorted(preliminary),
        measures=measures,
        totals={m.id: m.total for m in measures},
        changes={m.id: m.changes for m in measures},
        has_targets=any(m.targets for m in measures),
    )


def measure_of(row: Mapping[str, Any]) -> str | None:
    """The measure a plan's sub-goal counts, from the words of its measurable target
    (or of the sub-goal itself); ``None`` when it names none of the four."""
    for key in (PLAN_MEASURE_TEXT, PLAN_TEXT):
        text = str(row.get(key) or "").casefold()
        for measure, words in MEASURE_WORDS.items():
            if any(word in text for word in words):
                return measure
    return None


def plan_targets(plans: Sequence[Mapping[str, Any]]) -> dict[str, dict[int, tuple[float, str]]]:
    """The yearly targets in collaboration plans' answers: measure → calendar year →
    (target, sub-goal number). A sub-goal counts when its text names a measure
    (:func:`measure_of`) and it has a first year (``startar``); ``mal_ar_N`` is the
    target of year ``startar + N - 1``, up to the plan's length (``planens_langd``). Later plans in ``plans`` win over earlier ones;
    within a plan the first sub-goal for a measure wins."""
    found: dict[str, dict[int, tuple[float, str]]] = {}
    for plan in plans:
        length = _number(plan.get(PLAN_LENGTH))
        years = int(length) if length is not None and 1 <= length <= PLAN_YEARS else PLAN_YEARS
        taken: set[str] = set()
        for row in plan.get(PLAN_TABLE) or []:
            if not isinstance(row, Mapping):
                continue
            measure, start = measure_of(row), _number(row.get(PLAN_START))
            if measure is None or start is None or measure in taken:
                continue
            taken.add(measure)
            yearly: dict[int, tuple[float, str]] = {}
            for n in range(1, years + 1):
                target = _number(row.get(PLAN_YEAR_TARGET.format(n)))
                if target is not None:
                    yearly[int(start) + n - 1] = (target, str(row.get(PLAN_NUMBER) or ""))
            if yearly:
                found[measure] = yearly
    return found


def score(form, answers: dict) -> StatistikResult:
    return score_rows(answers.get(TABLE) or [])


def score_with_plans(form, answers: dict, plans: Sequence[Mapping[str, Any]]) -> StatistikResult:
    """The statistics with target against outcome from the plans' answers."""
    return score_rows(answers.get(TABLE) or [], plan_targets(plans))


def summarize(form, responses: Sequence[Rated]) -> StatistikResult:
    """Several members' tables together: each period (year and period within it) once,
    the latest response's row winning, so a figure entered twice is not counted twice."""
    return score_rows(_periods(responses))


def summarize_with_plans(
    form, responses: Sequence[Rated], plans: Sequence[Mapping[str, Any]]
) -> StatistikResult:
    """The group's tables together, with target against outcome from the plans."""
    return score_rows(_periods(responses), plan_targets(plans))


def _periods(responses: Sequence[Rated]) -> list[Mapping[str, Any]]:
    periods: dict[tuple[int | None, str], Mapping[str, Any]] = {}
    for response in responses:
        for row in response.answers.get(TABLE) or []:
            periods[(_year(row), str(row.get("period") or "").strip().casefold())] = row
    return list(periods.values())
