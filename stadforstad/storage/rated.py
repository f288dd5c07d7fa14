"""Stored answers as the scorers' input: the one place where a submitted row, or an
answer sent through an invitation link, becomes a :class:`scoring.common.Rated`."""

from __future__ import annotations

from collections.abc import Iterable

from scoring.common import Rated
from stadforstad.storage.link_values import LinkAnswer
from stadforstad.storage.records import SubmittedRow


def rated(rows: Iterable[SubmittedRow | LinkAnswer]) -> list[Rated]:
    """Each row as one respondent's answers for a group summary. An answer through a
    link is named by its link and number, never by the person who sent it."""
    return [
        Rated(respondent=f"länk {row.link_id} · svar {row.id}", answers=row.answers)
        if isinstance(row, LinkAnswer)
        else Rated(respondent=row.respondent, answers=row.answers)
        for row in rows
    ]
