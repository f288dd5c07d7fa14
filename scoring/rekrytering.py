"""REKRYTERA TILL KÄRNGRUPPEN – which candidates are eligible, and whether the group holds.

A candidate is eligible when all three basic criteria (GRUNDLÄGGANDE) are met. The
group checks come from the handbook's KÄRNGRUPPEN: four to eight people; social
services and the local police represented; someone with the perspective of children
and young people; and the six simplified personality types covered. The group is
the eligible candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated, Result

TABLE = "kandidater"
BASIC = ("grund_arbetar_med", "grund_enhet", "grund_delegerad")
DESIRABLE = ("onsk_relationer", "onsk_problemlosning", "onsk_positiv")
TYPES = ("visionaren", "strategen", "saljaren", "lararen", "vardaren", "administratoren")
MIN_SIZE, MAX_SIZE = 4, 8


class Candidate(Result):
    name: str
    organisation: str | None
    eligible: bool
    basic_met: int
    desirable_met: int
    #: Basic criteria not (yet) met: ids from ``BASIC``.
    basic_missing: list[str]
    types: list[str]


class GroupCheck(Result):
    id: str
    ok: bool


class RekryteringResult(Result):
    form_id: str = "rekrytering"
    candidates: list[Candidate]
    eligible_count: int
    group_size: int
    checks: list[GroupCheck]
    types_covered: list[str]
    types_missing: list[str]
    all_checks_ok: bool


def _candidate(row: dict) -> Candidate:
    missing = [key for key in BASIC if row.get(key) is not True]
    return Candidate(
        name=str(row.get("namn") or ""),
        organisation=row.get("organisation"),
        eligible=not missing,
        basic_met=len(BASIC) - len(missing),
        desirable_met=sum(1 for key in DESIRABLE if row.get(key) is True),
        basic_missing=missing,
        types=[t for t in TYPES if t in (row.get("typer") or [])],
    )


def score_rows(rows: Sequence[dict]) -> RekryteringResult:
    candidates = [_candidate(row) for row in rows]
    group = [row for row, c in zip(rows, candidates) if c.eligible]
    sectors = {row.get("verksamhet") for row in group}
    covered = [t for t in TYPES if any(t in (row.get("typer") or []) for row in group)]
    checks = [
        GroupCheck(id="storlek", ok=MIN_SIZE <= len(group) <= MAX_SIZE),
        GroupCheck(id="socialtjanst", ok="socialtjanst" in sectors),
        GroupCheck(id="polis", ok="polis" in sectors),
        GroupCheck(id="barn_unga", ok=any(row.get("barn_unga") is True for row in group)),
        GroupCheck(id="typer", ok=len(covered) == len(TYPES)),
    ]
    return RekryteringResult(
        candidates=candidates,
        eligible_count=len(group),
        group_size=len(group),
        checks=checks,
        types_covered=covered,
        types_missing=[t for t in TYPES if t not in covered],
        all_checks_ok=all(c.ok for c in checks),
    )


def score(form, answers: dict) -> RekryteringResult:
    return score_rows(answers.get(TABLE) or [])


def summarize(form, responses: Sequence[Rated]) -> RekryteringResult:
    """Several members' lists together; a candidate named twice counts once (latest row)."""
    by_name: dict[str, dict] = {}
    for response in responses:
        for row in response.answers.get(TABLE) or []:
            by_name[str(row.get("namn") or "").strip().casefold()] = row
    return score_rows(list(by_name.values()))
