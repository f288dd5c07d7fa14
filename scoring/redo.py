"""ÄR NI REDO? – total 7–35; above 20 ready to continue, 20 and below not yet ready.

The handbook says "8–20 poäng: ännu inte redo", but seven items rated 1–5 can sum to
7, which is not ready either: everything at or below the threshold is not ready.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from scoring.common import ItemStats, Rated, Result, rated_items, summarize_items

THRESHOLD = 20
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
    )


class RedoMember(Result):
    respondent: str
    total: int
    complete: bool
    ready: bool | None


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
            )
        )
    totals = [m.total for m in members if m.complete]
    items = summarize_items(form, responses)
    scale = rated_items(form)
    return RedoGroup(
        respondents=len(members),
        min_total=sum(item.min for item in scale),
        max_total=sum(item.max for item in scale),
        members=members,
        median_total=float(statistics.median(totals)) if totals else None,
        mean_total=round(statistics.fmean(totals), 2) if totals else None,
        ready_count=sum(1 for m in members if m.ready is True),
        not_ready_count=sum(1 for m in members if m.ready is False),
        items=items,
        to_discuss=[s.id for s in items if s.disagree],
        to_work_on=[s.id for s in items if s.mean is not None and s.mean <= WORK_ON_AT_MOST],
    )
