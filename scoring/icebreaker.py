"""ICE BREAKER – the questions for the room, and a draw without repeats.

The handbook's room puts the slips in a basket and everyone picks one: no question comes
twice until every one has been drawn. ``draw`` does the same with a random generator the
caller owns (seeded in tests, so a draw is repeatable); the drawn questions are the
caller's state (the page keeps them in the session).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from scoring.common import Rated, Result

SUGGESTIONS_ITEM = "valda_fragor"
OWN_ITEM = "egna_fragor"
OWN_COLUMN = "fraga"


class IcebreakerResult(Result):
    """The questions to use: the chosen suggestions (option values, in the form's
    order) and the group's own questions (as typed). Nothing chosen and nothing of
    their own: every suggestion, as the handbook offers them."""

    suggestions: list[str]
    own: list[str]
    #: ``True`` when nothing was chosen and the handbook's suggestions stand in.
    all_suggestions: bool

    @property
    def count(self) -> int:
        return len(self.suggestions) + len(self.own)


class IcebreakerGroup(Result):
    respondents: int
    questions: IcebreakerResult


def _options(form) -> list[str]:
    return [o.value for o in form.item(SUGGESTIONS_ITEM).options]


def _collect(form, answers_list: Sequence[dict]) -> IcebreakerResult:
    picked: set[str] = set()
    own: list[str] = []
    seen: set[str] = set()
    for answers in answers_list:
        picked.update(answers.get(SUGGESTIONS_ITEM) or [])
        for row in answers.get(OWN_ITEM) or []:
            text = " ".join(str(row.get(OWN_COLUMN) or "").split())
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                own.append(text)
    order = _options(form)
    suggestions = [v for v in order if v in picked]
    none = not suggestions and not own
    return IcebreakerResult(
        suggestions=order if none else suggestions, own=own, all_suggestions=none
    )


def score(form, answers: dict) -> IcebreakerResult:
    return _collect(form, [answers])


def summarize(form, responses: Sequence[Rated]) -> IcebreakerGroup:
    """Every member's chosen and own questions together, each once."""
    return IcebreakerGroup(
        respondents=len(responses), questions=_collect(form, [r.answers for r in responses])
    )


class Drawn(Result):
    """One draw: the question's number (0-based, in the result's order) and the
    numbers drawn so far in this round, the new one last."""

    index: int
    drawn: list[int]
    #: ``True`` when every question had been drawn and this draw began a new round.
    new_round: bool


def draw(count: int, drawn: Sequence[int], rng: random.Random) -> Drawn:
    """A question not yet drawn in this round; when all are drawn, a new round starts.
    Numbers outside ``range(count)`` in ``drawn`` (the list changed) are forgotten."""
    if count <= 0:
        raise ValueError("no questions to draw from")
    kept = [i for i in dict.fromkeys(drawn) if 0 <= i < count]
    left = [i for i in range(count) if i not in kept]
    new_round = not left
    if new_round:
        kept, left = [], list(range(count))
    index = rng.choice(left)
    return Drawn(index=index, drawn=[*kept, index], new_round=new_round)


def draw_sequence(count: int, draws: int, seed: int) -> list[int]:
    """``draws`` draws in a row from ``count`` questions with ``seed`` (golden cases)."""
    rng = random.Random(seed)
    drawn: list[int] = []
    out: list[int] = []
    for _ in range(draws):
        result = draw(count, drawn, rng)
        drawn = result.drawn
        out.append(result.index)
    return out
