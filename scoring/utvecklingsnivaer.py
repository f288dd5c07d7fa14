"""AMBITIONEN – development levels for handling individual cases, today and wished for.

The gap is wished − today in levels: positive means the way still to go, 0 means you
are where you want to be, negative means you wish for less than you have. ``None``
when either level is missing (not 0).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from scoring.common import ItemStats, Rated, Result, summarize_items

TODAY = "niva_idag"
WISHED = "niva_onskad"


def _level_names(form) -> dict[int, str]:
    return {level.value: level.label.sv for level in form.item(TODAY).levels}


class UtvecklingsnivaerResult(Result):
    form_id: str = "utvecklingsnivaer"
    today: int | None
    wished: int | None
    today_name: str | None
    wished_name: str | None
    #: wished − today; ``None`` when either is missing.
    gap: int | None
    complete: bool
    #: The levels above today up to the wished one: the steps still to take.
    levels_to_reach: list[int]


def score(form, answers: dict) -> UtvecklingsnivaerResult:
    names = _level_names(form)
    today, wished = answers.get(TODAY), answers.get(WISHED)
    gap, to_reach = None, []
    if today is not None and wished is not None:
        gap, to_reach = wished - today, list(range(today + 1, wished + 1))
    return UtvecklingsnivaerResult(
        today=today,
        wished=wished,
        today_name=None if today is None else names.get(today),
        wished_name=None if wished is None else names.get(wished),
        gap=gap,
        complete=gap is not None,
        levels_to_reach=to_reach,
    )


class UtvecklingsnivaerMember(Result):
    respondent: str
    today: int | None
    wished: int | None
    gap: int | None


class UtvecklingsnivaerGroup(Result):
    form_id: str = "utvecklingsnivaer"
    respondents: int
    members: list[UtvecklingsnivaerMember]
    #: Level ("1" … "5") → how many respondents place themselves there today.
    today_counts: dict[str, int]
    #: Level ("1" … "5") → how many respondents wish to be there.
    wished_counts: dict[str, int]
    #: Mean gap over the respondents who gave both levels; ``None`` if nobody did.
    mean_gap: float | None
    items: list[ItemStats]
    #: Levels where members differ by 2 or more: talk these through.
    to_discuss: list[str]


def _counts(values: Sequence[int | None], levels: Sequence[int]) -> dict[str, int]:
    return {str(level): sum(1 for v in values if v == level) for level in levels}


def summarize(form, responses: Sequence[Rated]) -> UtvecklingsnivaerGroup:
    levels = list(_level_names(form))
    members = []
    for response in responses:
        result = score(form, response.answers)
        members.append(
            UtvecklingsnivaerMember(
                respondent=response.respondent,
                today=result.today,
                wished=result.wished,
                gap=result.gap,
            )
        )
    gaps = [m.gap for m in members if m.gap is not None]
    items = summarize_items(form, responses)
    return UtvecklingsnivaerGroup(
        respondents=len(members),
        members=members,
        today_counts=_counts([m.today for m in members], levels),
        wished_counts=_counts([m.wished for m in members], levels),
        mean_gap=round(statistics.fmean(gaps), 2) if gaps else None,
        items=items,
        to_discuss=[s.id for s in items if s.disagree],
    )
