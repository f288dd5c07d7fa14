"""OLIKA NIVÅER AV SAMVERKAN – per actor the level today, to begin with, and wished for.

Huxham's levels are ordered; each adds to the one before. The index in ``LEVELS`` is
the ordinal value (0 = no contact yet … 4 = the top level, stored as ``samverkan`` but
shown as "Stärka varandras kapacitet": the handbook's umbrella word is not used for one
level), and an actor's gap is index(wished) − index(today): how many levels the work
still has to climb. ``None`` means a level not given (not 0, not "no contact").
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from scoring.actors import actor_key
from scoring.common import DISAGREEMENT_SPREAD, Rated, Result

TABLE = "aktorer"
#: Huxham's ordered scale with "ingen kontakt än" first; the form's options, in order.
LEVELS: tuple[str, ...] = ("ingen_kontakt", "natverkande", "samordning", "samarbete", "samverkan")
#: Result field → the table column it reads.
DIMENSIONS: dict[str, str] = {
    "today": "niva_idag",
    "initial": "niva_initialt",
    "wished": "niva_onskad",
}
_INDEX = {level: index for index, level in enumerate(LEVELS)}


def level_index(value) -> int | None:
    """The ordinal value of a level id; ``None`` for a missing (or unknown) level."""
    return _INDEX.get(value) if isinstance(value, str) else None


def _counts(values: Sequence[str | None]) -> dict[str, int]:
    return {level: sum(1 for v in values if v == level) for level in LEVELS}


class ActorLevels(Result):
    name: str
    today: str | None
    initial: str | None
    wished: str | None
    today_index: int | None
    initial_index: int | None
    wished_index: int | None
    #: index(wished) − index(today); ``None`` when either is missing.
    gap: int | None


class ActorGap(Result):
    name: str
    today: str
    wished: str
    gap: int


class SamverkansnivaerResult(Result):
    form_id: str = "samverkansnivaer"
    actors: list[ActorLevels]
    #: Level → how many actors are there (every level present, 0 if none).
    today_counts: dict[str, int]
    initial_counts: dict[str, int]
    wished_counts: dict[str, int]
    #: Actors with both today and wished, the largest gap first (ties: table order).
    largest_gaps: list[ActorGap]
    #: Actors without a level today or a wished level: no gap can be given.
    incomplete: list[str]


def _actor(row: dict) -> ActorLevels:
    levels = {field: row.get(column) for field, column in DIMENSIONS.items()}
    indexes = {field: level_index(value) for field, value in levels.items()}
    today, wished = indexes["today"], indexes["wished"]
    return ActorLevels(
        name=str(row.get("aktor") or "").strip(),
        **{field: value if indexes[field] is not None else None for field, value in levels.items()},
        **{f"{field}_index": index for field, index in indexes.items()},
        gap=wished - today if today is not None and wished is not None else None,
    )


def score(form, answers: dict) -> SamverkansnivaerResult:
    actors = [_actor(row) for row in answers.get(TABLE) or []]
    with_gap = [a for a in actors if a.gap is not None]
    return SamverkansnivaerResult(
        actors=actors,
        today_counts=_counts([a.today for a in actors]),
        initial_counts=_counts([a.initial for a in actors]),
        wished_counts=_counts([a.wished for a in actors]),
        largest_gaps=[
            ActorGap(name=a.name, today=a.today, wished=a.wished, gap=a.gap)
            for a in sorted(with_gap, key=lambda a: -(a.gap or 0))  # never None here
        ],
        incomplete=[a.name for a in actors if a.gap is None],
    )


class LevelStats(Result):
    """One dimension (today, initial or wished) of one actor across respondents."""

    n: int
    #: Mean ordinal index (0 … 4); ``None`` if nobody gave this level.
    mean: float | None
    min: int | None
    max: int | None
    spread: int | None
    #: Respondents differ by 2 levels or more.
    disagree: bool
    counts: dict[str, int]


class ActorGroup(Result):
    name: str
    #: Respondents who listed this actor.
    respondents: int
    today: LevelStats
    initial: LevelStats
    wished: LevelStats
    #: Mean of the respondents' gaps for this actor; ``None`` if nobody gave both.
    mean_gap: float | None
    disagree: bool


class SamverkansnivaerGroup(Result):
    form_id: str = "samverkansnivaer"
    respondents: int
    #: Every actor named by anyone, in order of first mention.
    actors: list[ActorGroup]
    #: Actors with a mean gap, the largest first (ties: order of first mention).
    largest_gaps: list[str]
    #: Actors whose levels (today, initial or wished) differ by 2 or more: talk them through.
    to_discuss: list[str]


def _stats(values: Sequence[str | None]) -> LevelStats:
    indexes = [i for i in (level_index(v) for v in values) if i is not None]
    if not indexes:
        return LevelStats(
            n=0, mean=None, min=None, max=None, spread=None, disagree=False, counts=_counts([])
        )
    low, high = min(indexes), max(indexes)
    return LevelStats(
        n=len(indexes),
        mean=round(statistics.fmean(indexes), 2),
        min=low,
        max=high,
        spread=high - low,
        disagree=high - low >= DISAGREEMENT_SPREAD,
        counts=_counts(values),
    )


def summarize(form, responses: Sequence[Rated]) -> SamverkansnivaerGroup:
    # actor → respondent → that respondent's row (a respondent naming an actor twice:
    # the later row counts, as when a list is corrected further down)
    # the actor is shown as first written
    by_actor: dict[str, dict[str, ActorLevels]] = {}
    names: dict[str, str] = {}
    for response in responses:
        for actor in score(form, response.answers).actors:
            if actor.name:
                key = actor_key(actor.name)
                names.setdefault(key, actor.name)
                by_actor.setdefault(key, {})[response.respondent] = actor
    groups = []
    for key, by_respondent in by_actor.items():
        rows = list(by_respondent.values())
        stats = {field: _stats([getattr(r, field) for r in rows]) for field in DIMENSIONS}
        gaps = [r.gap for r in rows if r.gap is not None]
        groups.append(
            ActorGroup(
                name=names[key],
                respondents=len(rows),
                **stats,
                mean_gap=round(statistics.fmean(gaps), 2) if gaps else None,
                disagree=any(s.disagree for s in stats.values()),
            )
        )
    with_gap = [g for g in groups if g.mean_gap is not None]
    return SamverkansnivaerGroup(
        respondents=len(responses),
        actors=groups,
        largest_gaps=[g.name for g in sorted(with_gap, key=lambda g: -(g.mean_gap or 0))],
        to_discuss=[g.name for g in groups if g.disagree],
    )
