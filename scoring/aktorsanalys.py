"""MALL FÖR ANALYS AV SAMVERKANSAKTÖRER – each actor on an influence × support map.

The handbook has a table, not a map: it helps "analysera vilka aktörer ni bör satsa
lite mer på, och vilka aktörer eller branscher som är svåra att få tag på och kräver
ett nytt grepp". The map is this tool's aid: an actor is placed by its degree of
influence (påverkansgrad) and perceived support (upplevt stöd), both 1–5; a rating
above ``MIDDLE`` (3, the middle of 1–5) is high, 3 and below is not. The handbook
does not name the quadrants; high influence with low support is where to invest
("satsa mer"). An actor missing either rating is listed as incomplete and not placed
(a missing rating is not a 1). The handbook's second aim has its own column
(``HARD_TO_REACH``): the actors that are hard to reach and need a new approach.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.actors import actor_key
from scoring.common import ItemStats, Rated, Result, summarize_item

TABLE = "aktorer"
INFLUENCE = "paverkansgrad"
SUPPORT = "stod"
#: The middle of the 1–5 ratings: above it is high; it and below are not high.
MIDDLE = 3
#: The column that marks an actor as hard to reach, needing a new approach.
HARD_TO_REACH = "svar_att_na"

#: Quadrant id → (high influence, high support).
QUADRANTS: dict[str, tuple[bool, bool]] = {
    "satsa_mer": (True, False),
    "nyckelaktorer": (True, True),
    "hall_informerade": (False, True),
    "bevaka": (False, False),
}
#: The quadrants' names in the interface (sv) and in English.
QUADRANT_LABELS: dict[str, dict[str, str]] = {
    "satsa_mer": {"sv": "Satsa mer", "en": "Invest more"},
    "nyckelaktorer": {"sv": "Nyckelaktörer – håll nära", "en": "Key actors – keep close"},
    "hall_informerade": {"sv": "Håll informerade", "en": "Keep informed"},
    "bevaka": {"sv": "Bevaka", "en": "Keep an eye on"},
}


def quadrant(influence: float | None, support: float | None) -> str | None:
    """The quadrant of a place on the map; ``None`` if either rating is missing."""
    if influence is None or support is None:
        return None
    wanted = (influence > MIDDLE, support > MIDDLE)
    return next(q for q, sides in QUADRANTS.items() if sides == wanted)


def _invest_order(actors: Sequence) -> list:
    """Where to invest first: highest influence, then lowest support; ties keep order."""
    return sorted(actors, key=lambda a: (-a.influence, a.support))


class ActorPlacement(Result):
    name: str
    influence: int | None
    support: int | None
    #: ``None`` when a rating is missing: the actor is not placed.
    quadrant: str | None
    contact: str | None
    #: Marked hard to reach: needs a new approach.
    hard_to_reach: bool = False


class AktorsanalysResult(Result):
    form_id: str = "aktorsanalys"
    actors: list[ActorPlacement]
    #: Quadrant → the actors placed there, in table order (every quadrant present).
    quadrants: dict[str, list[str]]
    quadrant_counts: dict[str, int]
    #: The "satsa mer" actors, highest influence first, then lowest support.
    invest: list[str]
    #: Every placed actor in the same order: the ranked list of where to invest.
    ranking: list[str]
    #: Actors missing a rating: not placed on the map.
    incomplete: list[str]
    #: The handbook's second aim: actors hard to reach that need a new approach.
    hard_to_reach: list[str]


def _placement(row: dict) -> ActorPlacement:
    influence, support = row.get(INFLUENCE), row.get(SUPPORT)
    return ActorPlacement(
        name=str(row.get("aktor") or "").strip(),
        influence=influence,
        support=support,
        quadrant=quadrant(influence, support),
        contact=row.get("kontaktperson"),
        hard_to_reach=row.get(HARD_TO_REACH) is True,
    )


def _by_quadrant(placed: Sequence) -> dict[str, list[str]]:
    return {q: [a.name for a in placed if a.quadrant == q] for q in QUADRANTS}


def score(form, answers: dict) -> AktorsanalysResult:
    actors = [_placement(row) for row in answers.get(TABLE) or []]
    placed = [a for a in actors if a.quadrant is not None]
    quadrants = _by_quadrant(placed)
    ranked = _invest_order(placed)
    return AktorsanalysResult(
        actors=actors,
        quadrants=quadrants,
        quadrant_counts={q: len(names) for q, names in quadrants.items()},
        invest=[a.name for a in ranked if a.quadrant == "satsa_mer"],
        ranking=[a.name for a in ranked],
        incomplete=[a.name for a in actors if a.quadrant is None],
        hard_to_reach=[a.name for a in actors if a.hard_to_reach],
    )


class ActorGroup(Result):
    name: str
    #: Respondents who listed this actor.
    respondents: int
    #: Mean over the respondents who rated it; ``None`` if nobody did.
    influence: float | None
    support: float | None
    #: The quadrant of the two means; ``None`` if either is missing.
    quadrant: str | None
    influence_stats: ItemStats
    support_stats: ItemStats
    #: Respondents differ by 2 points or more on influence or support.
    disagree: bool
    #: Respondents who marked the actor hard to reach.
    hard_to_reach_by: list[str]


class AktorsanalysGroup(Result):
    form_id: str = "aktorsanalys"
    respondents: int
    #: Every actor named by anyone, in order of first mention.
    actors: list[ActorGroup]
    quadrants: dict[str, list[str]]
    invest: list[str]
    ranking: list[str]
    incomplete: list[str]
    to_discuss: list[str]
    #: Actors anyone marked hard to reach, in order of first mention.
    hard_to_reach: list[str]


def summarize(form, responses: Sequence[Rated]) -> AktorsanalysGroup:
    # actor → respondent → that respondent's row; a respondent naming an actor twice:
    # the later row counts. The actor is shown as first written.
    rows: dict[str, dict[str, dict]] = {}
    names: dict[str, str] = {}
    for response in responses:
        for row in response.answers.get(TABLE) or []:
            name = str(row.get("aktor") or "").strip()
            if name:
                names.setdefault(actor_key(name), name)
                rows.setdefault(actor_key(name), {})[response.respondent] = row
    actors = []
    for key, by_respondent in rows.items():
        rated = [Rated(respondent=r, answers=row) for r, row in by_respondent.items()]
        influence = summarize_item(INFLUENCE, rated)
        support = summarize_item(SUPPORT, rated)
        actors.append(
            ActorGroup(
                name=names[key],
                respondents=len(rated),
                influence=influence.mean,
                support=support.mean,
                quadrant=quadrant(influence.mean, support.mean),
                influence_stats=influence,
                support_stats=support,
                disagree=influence.disagree or support.disagree,
                hard_to_reach_by=[
                    r for r, row in by_respondent.items() if row.get(HARD_TO_REACH) is True
                ],
            )
        )
    placed = [a for a in actors if a.quadrant is not None]
    ranked = _invest_order(placed)
    return AktorsanalysGroup(
        respondents=len(responses),
        actors=actors,
        quadrants=_by_quadrant(placed),
        invest=[a.name for a in ranked if a.quadrant == "satsa_mer"],
        ranking=[a.name for a in ranked],
        incomplete=[a.name for a in actors if a.quadrant is None],
        to_discuss=[a.name for a in actors if a.disagree],
        hard_to_reach=[a.name for a in actors if a.hard_to_reach_by],
    )
