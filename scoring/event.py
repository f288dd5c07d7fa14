"""ANORDNA ETT EVENT – how far the planning has come: the handbook's ten points, done."""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated, Result

POINTS_ITEM = "punkter"


class EventProgress(Result):
    """Points ticked of the handbook's list (``done`` of ``total``), and those left, in
    the handbook's order."""

    done: int
    total: int
    done_points: list[str]
    left: list[str]


class EventGroup(Result):
    """A point counts as done when any member has ticked it (one event, planned
    together); ``by_member``: each member's count."""

    respondents: int
    progress: EventProgress
    by_member: dict[str, int]


def _progress(form, ticked: set[str]) -> EventProgress:
    order = [o.value for o in form.item(POINTS_ITEM).options]
    done = [v for v in order if v in ticked]
    return EventProgress(
        done=len(done),
        total=len(order),
        done_points=done,
        left=[v for v in order if v not in ticked],
    )


def score(form, answers: dict) -> EventProgress:
    return _progress(form, set(answers.get(POINTS_ITEM) or []))


def summarize(form, responses: Sequence[Rated]) -> EventGroup:
    ticked: set[str] = set()
    for response in responses:
        ticked.update(response.answers.get(POINTS_ITEM) or [])
    return EventGroup(
        respondents=len(responses),
        progress=_progress(form, ticked),
        by_member={r.respondent: score(form, r.answers).done for r in responses},
    )
