"""Rows shared between forms (``TableItem.rows_from``): the actors typed once.

When a respondent opens a table that has no saved rows, it starts with the names from
the same workspace's latest submitted response to the linked form, whoever submitted
it: the core group shares one list of actors. Pure: the page passes the submitted
responses it read from the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scoring.actors import actor_key
from stadforstad.schema import TableItem

if TYPE_CHECKING:
    from stadforstad.storage.repository import SubmittedRow


@dataclass(frozen=True)
class SharedRows:
    """Starting rows for a table and where they came from."""

    rows: list[dict]
    form_id: str
    saved_at: dt.datetime


def shared_rows(item: TableItem, submitted: Sequence[SubmittedRow]) -> SharedRows | None:
    """The linked form's latest submitted rows as this table's first column, one row per
    name (names compared as ``actor_key`` does); ``None`` without a link or a name."""
    link = item.rows_from
    if link is None:
        return None
    sources = [s for s in submitted if s.form_id == link.form]
    if not sources:
        return None
    latest = max(sources, key=lambda s: s.saved_at)
    names: dict[str, str] = {}
    for row in latest.answers.get(link.item) or []:
        value = row.get(link.column) if isinstance(row, dict) else None
        if isinstance(value, str) and value.strip():
            names.setdefault(actor_key(value), " ".join(value.split()))
    rows = [{link.to_column: name} for name in names.values()][: item.max_rows]
    if not rows:
        return None
    return SharedRows(rows=rows, form_id=link.form, saved_at=latest.saved_at)
