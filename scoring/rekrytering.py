"""REKRYTERA TILL KÄRNGRUPPEN – which candidates are eligible, and whether the group holds.

A candidate is eligible when all three basic criteria (GRUNDLÄGGANDE) are met. The
group checks come from the handbook's KÄRNGRUPPEN and keep its two registers apart:

- what it says *should* be (``SHOULD``): "Det rekommenderas" four to eight people;
  social services and the local police "bör finnas representerade", and "Från dem
  behövs både strategisk och operativ kompetens";
- what it says *can be good* (``GOOD_TO_HAVE``): "det är bra att" someone represents
  children and young people; the simplified personality types "kan vara bra att ha med".

The group checked is the one actually formed: the candidates marked as having joined
(``JOINED``). Until anyone is marked, the checks are of the shortlist (the eligible
candidates), and the result says so (``basis``).
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated, Result

TABLE = "kandidater"
BASIC = ("grund_arbetar_med", "grund_enhet", "grund_delegerad")
DESIRABLE = ("onsk_relationer", "onsk_problemlosning", "onsk_positiv")
TYPES = ("visionaren", "strategen", "saljaren", "lararen", "vardaren", "administratoren")
MIN_SIZE, MAX_SIZE = 4, 8
#: The column "gick med i kärngruppen": who actually joined.
JOINED = "med_i_gruppen"
#: Competence values and what each covers.
COMPETENCE: dict[str, frozenset[str]] = {
    "strategisk": frozenset({"strategisk"}),
    "operativ": frozenset({"operativ"}),
    "bada": frozenset({"strategisk", "operativ"}),
}
BOTH = frozenset({"strategisk", "operativ"})
#: The checks the handbook says should hold ("rekommenderas", "bör", "behövs").
SHOULD = ("storlek", "socialtjanst", "polis", "socialtjanst_kompetens", "polis_kompetens")
#: The checks it says can be good to have ("det är bra att", "kan vara bra att ha med").
GOOD_TO_HAVE = ("barn_unga", "typer")


class Candidate(Result):
    name: str
    organisation: str | None
    eligible: bool
    basic_met: int
    desirable_met: int
    #: Basic criteria not (yet) met: ids from ``BASIC``.
    basic_missing: list[str]
    types: list[str]
    #: Marked as having joined the core group; ``None`` when not marked either way.
    joined: bool | None = None
    #: In the group the checks concern (joined, or eligible while nobody is marked).
    in_group: bool = False


class GroupCheck(Result):
    id: str
    ok: bool
    #: ``should`` (the handbook's "bör"/"rekommenderas") or ``good`` ("kan vara bra").
    level: str


class RekryteringResult(Result):
    form_id: str = "rekrytering"
    candidates: list[Candidate]
    eligible_count: int
    #: ``joined``: the group formed (candidates marked as joined); ``shortlist``: nobody
    #: is marked yet, so the eligible candidates are checked.
    basis: str
    group_size: int
    #: Who is in the group checked, in table order.
    group: list[str]
    #: Marked as joined without meeting every basic criterion.
    joined_not_eligible: list[str]
    checks: list[GroupCheck]
    types_covered: list[str]
    types_missing: list[str]
    #: Every check holds, the "should" and the "good to have".
    all_checks_ok: bool
    #: Every check the handbook says should hold, holds.
    should_ok: bool


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
        joined=row.get(JOINED) if isinstance(row.get(JOINED), bool) else None,
    )


def _competence(group: Sequence[dict], sector: str) -> bool:
    """The sector's members together bring both strategic and operational competence."""
    covered: set[str] = set()
    for row in group:
        if row.get("verksamhet") == sector:
            covered |= COMPETENCE.get(row.get("kompetens") or "", frozenset())
    return covered >= BOTH


def score_rows(rows: Sequence[dict]) -> RekryteringResult:
    candidates = [_candidate(row) for row in rows]
    joined = any(c.joined is True for c in candidates)
    candidates = [
        c.model_copy(update={"in_group": c.joined is True if joined else c.eligible})
        for c in candidates
    ]
    members = [(row, c) for row, c in zip(rows, candidates) if c.in_group]
    group = [row for row, _ in members]
    sectors = {row.get("verksamhet") for row in group}
    covered = [t for t in TYPES if any(t in (row.get("typer") or []) for row in group)]
    oks = {
        "storlek": MIN_SIZE <= len(group) <= MAX_SIZE,
        "socialtjanst": "socialtjanst" in sectors,
        "polis": "polis" in sectors,
        "socialtjanst_kompetens": _competence(group, "socialtjanst"),
        "polis_kompetens": _competence(group, "polis"),
        "barn_unga": any(row.get("barn_unga") is True for row in group),
        "typer": len(covered) == len(TYPES),
    }
    checks = [GroupCheck(id=i, ok=oks[i], level="should") for i in SHOULD] + [
        GroupCheck(id=i, ok=oks[i], level="good") for i in GOOD_TO_HAVE
    ]
    return RekryteringResult(
        candidates=candidates,
        eligible_count=sum(1 for c in candidates if c.eligible),
        basis="joined" if joined else "shortlist",
        group_size=len(group),
        group=[c.name for _, c in members],
        joined_not_eligible=[c.name for c in candidates if c.joined is True and not c.eligible],
        checks=checks,
        types_covered=covered,
        types_missing=[t for t in TYPES if t not in covered],
        all_checks_ok=all(c.ok for c in checks),
        should_ok=all(c.ok for c in checks if c.level == "should"),
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
