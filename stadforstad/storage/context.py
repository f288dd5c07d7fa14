"""The answers an instrument reads beside its own: the submitted answers of its context
forms (e.g. the collaboration plan for the statistics) in the same municipality and
round, oldest first, so a later one wins where they differ."""

from __future__ import annotations

from typing import Any

from stadforstad.instruments.registry import get_instrument
from stadforstad.storage.repository import Actor, Store


def context_answers(
    store: Store, *, actor: Actor, form_id: str, workspace_id: int, round: int
) -> dict[str, list[dict[str, Any]]]:
    """Context form id → its submitted answers (oldest first); ``{}`` for a form whose
    instrument reads no other form."""
    found: dict[str, list[dict[str, Any]]] = {}
    for other in get_instrument(form_id).context_forms:
        rows = store.submitted(
            actor=actor, workspace_ids=[workspace_id], form_id=other, round=round
        )
        found[other] = [r.answers for r in sorted(rows, key=lambda r: r.saved_at)]
    return found
