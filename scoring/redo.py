"""ÄR NI REDO? – total 7–35; above 20 ready to continue, 20 and below not yet ready.

The handbook says "8–20 poäng: ännu inte redo", but seven items rated 1–5 can sum to
7, which is not ready either: everything at or below the threshold is not ready
(``HANDBOOK_LOWEST`` is the handbook's printed 8, kept so the verdict can say why).

The planned period (optional, in months) is checked against the handbook's "Tolv till
arton månader rekommenderas" (``PERIOD_MONTHS``): ``None`` when no period is given.

The group's verdict is the median of the complete totals against the same threshold.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from scoring.common import ItemStats, Rated, Result, rated_items, summarize_items

THRESHOLD = 20
#: The handbook prints "8–20 poäng"; the lowest possible total is the number of items.
HANDBOOK_LOWEST = 8
#: The handbook: "Tolv till arton månader rekommenderas."
PERIOD_MONTHS = (12, 18)
PERIOD_ITEM = "period_manader"
#: Items rated at or below this are what the group should work on first.
WORK_ON_AT_MOST = 2


class RedoItem(Result):
    id: str
    value: int | None
    work_on: bool


class RedoResult(Result):
    form_id: str = "redo"
    total: int
    min_total: int
    max_total: int
    threshold: int = THRESHOLD
    answered: int
    complete: bool
    #: Above the threshold with every item answered; ``None`` while items are missing.
    ready: bool | None
    items: list[RedoItem]
    to_work_on: list[str]
    #: The planned period in months, if given, and whether it is within ``PERIOD_MONTHS``.
    period_months: int | None = None
    period_ok: bool | None = None


def period_check(months) -> bool | None:
    """Within the handbook's twelve to eighteen months; ``None`` when not given."""
    if not isinstance(months, (int, float)) or isinstance(months, bool):
        return None
    low, high = PERIOD_MONTHS
    return low <= months <= high


def _months(answers: dict) -> int | None:
    value = answers.get(PERIOD_ITEM)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value) if float(value).is_integer() else None


def score(form, answers: dict) -> RedoResult:
    items = rated_items(form)
    values = {item.id: answers.get(item.id) for item in items}
    answered = [v for v in values.values() if v is not None]
    total = sum(answered)
    complete = len(answered) == len(items)
    return RedoResult(
        total=total,
        min_total=sum(item.min for item in items),
        max_total=sum(item.max for item in items),
        answered=len(answered),
        complete=complete,
        ready=(total > THRESHOLD) if complete else None,
        items=[
            RedoItem(
                id=item_id, value=value, work_on=value is not None and value <= WORK_ON_AT_MOST
            )
            for item_id, value in values.items()
        ],
        to_work_on=[k for k, v in values.items() if v is not None and v <= WORK_ON_AT_MOST],
        period_months=_months(answers),
        period_ok=period_check(_months(answers)),
    )


class RedoMember(Result):
    respondent: str
    total: int
    complete: bool
    ready: bool | None
    period_months: int | None = None
    period_ok: bool | None = None


class RedoGroup(Result):
    form_id: str = "redo"
    respondents: int
    threshold: int = THRESHOLD
    #: The lowest and highest total the form allows (all items at their ends).
    min_total: int
    max_total: int
    members: list[RedoMember]
    median_total: float | None
    mean_total: float | None
    ready_count: int
    not_ready_count: int
    items: list[ItemStats]
    #: Items where members differ by 2 points or more: talk these through.
    to_discuss: list[str]
    #: Items whose group mean is at or below 2: the group's things to work on.
    to_work_on: list[str]
    #: The group's verdict: the median of the complete totals above the threshold;
    #: ``None`` while nobody has a complete total.
    ready: bool | None = None
    #: Members split: some ready, some not (talk it through before deciding).
    split: bool = False
    #: Members whose planned period is outside the handbook's twelve to eighteen months.
    period_outside: list[str]


def median_and_mean(totals: Sequence[int]) -> tuple[float | None, float | None]:
    """The group's median and mean (to two decimals) of its complete totals."""
    if not totals:
        return None, None
    return float(statistics.median(totals)), round(statistics.fmean(totals), 2)


def summarize(form, responses: Sequence[Rated]) -> RedoGroup:
    members = []
    for response in responses:
        result = score(form, response.answers)
        members.append(
            RedoMember(
                respondent=response.respondent,
                total=result.total,
                complete=result.complete,
                ready=result.ready,
                period_months=result.period_months,
                period_ok=result.period_ok,
            )
        )
    totals = [m.total for m in members if m.complete]
    items = summarize_items(form, responses)
    scale = rated_items(form)
    median, mean = median_and_mean(totals)
    ready_count = sum(1 for m in members if m.ready is True)
    not_ready_count = sum(1 for m in members if m.ready is False)
    return RedoGroup(
        respondents=len(members),
        min_total=sum(item.min for item in scale),
        max_total=sum(item.max for item in scale),
        members=members,
        median_total=median,
        mean_total=mean,
        ready_count=ready_count,
        not_ready_count=not_ready_count,
        items=items,
        to_discuss=[s.id for s in items if s.disagree],
        to_work_on=[s.id for s in items if s.mean is not None and s.mean <= WORK_ON_AT_MOST],
        ready=(median > THRESHOLD) if median is not None else None,
        split=ready_count > 0 and not_ready_count > 0,
        period_outside=[m.respondent for m in members if m.period_ok is False],
    )
