"""Shared primitives of the scorers: result base, item statistics over a group.

Pure Python and Pydantic only: no Streamlit, no SQLAlchemy.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

#: Members whose ratings of one item differ by this much or more should talk it through.
DISAGREEMENT_SPREAD = 2


class Result(BaseModel):
    # ``defer_build``: a result model's validator and serialiser are made when it is
    # first used, not when its module is imported. The registry imports every scorer
    # (some fifty result models), which the start page, listing the forms, does not
    # score with (about 40 ms of a server's start).
    model_config = ConfigDict(frozen=True, defer_build=True)


class Rated(BaseModel):
    """One respondent's answers, as a group view receives them."""

    model_config = ConfigDict(frozen=True)
    respondent: str
    answers: dict[str, Any]


class ItemStats(Result):
    """One rated item across a group. ``None`` means nobody answered it."""

    id: str
    n: int
    mean: float | None
    median: float | None
    min: int | None
    max: int | None
    spread: int | None
    #: Members differ by ``DISAGREEMENT_SPREAD`` points or more.
    disagree: bool
    values: dict[str, int]


def rated_items(form) -> list:
    """Items whose answer is a number on an ordered scale (scale and level)."""
    return [item for item in form.answerable() if item.kind in ("scale", "level")]


def is_rating(value: Any) -> bool:
    """Whether an answer counts in an item's statistics: a whole number (not a yes/no)."""
    return isinstance(value, int) and not isinstance(value, bool)


def item_stats(item_id: str, values: dict[str, int]) -> ItemStats:
    """The statistics of one item over its ratings (respondent → value)."""
    numbers = list(values.values())
    if not numbers:
        return ItemStats(
            id=item_id,
            n=0,
            mean=None,
            median=None,
            min=None,
            max=None,
            spread=None,
            disagree=False,
            values={},
        )
    low, high = min(numbers), max(numbers)
    return ItemStats(
        id=item_id,
        n=len(numbers),
        mean=round(statistics.fmean(numbers), 2),
        median=float(statistics.median(numbers)),
        min=low,
        max=high,
        spread=high - low,
        disagree=high - low >= DISAGREEMENT_SPREAD,
        values=values,
    )


def summarize_item(item_id: str, responses: Sequence[Rated]) -> ItemStats:
    return item_stats(
        item_id,
        {r.respondent: r.answers[item_id] for r in responses if is_rating(r.answers.get(item_id))},
    )


def summarize_items(form, responses: Sequence[Rated]) -> list[ItemStats]:
    """Mean, median, min, max and spread of every rated item of ``form``."""
    return [summarize_item(item.id, responses) for item in rated_items(form)]
