"""HITTA MÅLGRUPPEN OCH KONTAKTYTAN – target groups and where they meet actors.

Each row of the mind-map table is a target group (from the list, or the group's own)
with the actors it may come into contact with: the ticked ones and those written under
"other services" (one per line, or separated by commas or semicolons). A point of
contact is a pair (target group, actor); the network picture draws groups and actors as
nodes and each point of contact as an edge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scoring.actors import actor_key
from scoring.common import Rated, Result

TABLE_ITEM = "malgrupper"
_SPLIT = re.compile(r"[,;\n]+")


class Contact(Result):
    """One point of contact: a target group and an actor it may meet (stored values:
    an option's value, or the text as typed)."""

    group: str
    actor: str


class Network(Result):
    groups: list[str]
    actors: list[str]
    contacts: list[Contact]
    #: Places written per target group.
    places: dict[str, str]


class NetworkGroup(Result):
    respondents: int
    network: Network


def _typed_actors(text) -> list[str]:
    return [" ".join(p.split()) for p in _SPLIT.split(str(text or "")) if p.strip()]


def _network(answers_list: Sequence[dict]) -> Network:
    groups: dict[str, str] = {}
    actors: dict[str, str] = {}
    contacts: dict[tuple[str, str], Contact] = {}
    places: dict[str, list[str]] = {}
    for answers in answers_list:
        for row in answers.get(TABLE_ITEM) or []:
            group = " ".join(str(row.get("malgrupp") or "").split())
            if not group:
                continue
            group = groups.setdefault(actor_key(group), group)
            if row.get("platser"):
                places.setdefault(group, []).append(str(row["platser"]))
            for named in [*(row.get("aktorer") or []), *_typed_actors(row.get("andra_aktorer"))]:
                actor = actors.setdefault(actor_key(named), named)
                contacts.setdefault((group, actor), Contact(group=group, actor=actor))
    return Network(
        groups=list(groups.values()),
        actors=list(actors.values()),
        contacts=list(contacts.values()),
        places={g: "; ".join(p) for g, p in places.items()},
    )


def score(form, answers: dict) -> Network:
    return _network([answers])


def summarize(form, responses: Sequence[Rated]) -> NetworkGroup:
    return NetworkGroup(
        respondents=len(responses), network=_network([r.answers for r in responses])
    )
