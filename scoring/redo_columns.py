"""``redo``'s score on arrays: the same rule as :func:`scoring.redo.score`, for a file
of many responses at once (``stadforstad score``'s vectorised path). Kept apart so that
the app, which scores one response at a time, never imports numpy for it.

The thresholds are the scorer's own (``THRESHOLD``, ``WORK_ON_AT_MOST``); a test
compares both paths on random files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from scoring.common import rated_items
from scoring.redo import THRESHOLD, WORK_ON_AT_MOST


class RedoNumbers(NamedTuple):
    """One response's numbers of :class:`scoring.redo.RedoResult` (same names, same
    values), without the pydantic model: what a view over many responses reads."""

    total: int
    answered: int
    complete: bool
    ready: bool | None


@dataclass(frozen=True)
class RedoColumns:
    """``redo.score`` for many responses at once, one array element per response.

    ``values`` is responses × rated items (0 where not answered), ``present`` says which
    are answered; the item ids are ``item_ids`` in the form's order."""

    item_ids: tuple[str, ...]
    min_total: int
    max_total: int
    values: np.ndarray
    present: np.ndarray
    total: np.ndarray
    answered: np.ndarray
    complete: np.ndarray
    ready: np.ndarray
    work_on: np.ndarray

    def numbers(self) -> list[RedoNumbers]:
        """Each response's total, answered, complete and ready (``None`` while items
        are missing), as the result gives them."""
        return [
            RedoNumbers(total, answered, complete, ready if complete else None)
            for total, answered, complete, ready in zip(
                self.total.tolist(),
                self.answered.tolist(),
                self.complete.tolist(),
                self.ready.tolist(),
            )
        ]

    def records(self) -> Iterator[dict[str, Any]]:
        """Each response's result as ``score(...).model_dump(mode="json")`` gives it."""
        ids = self.item_ids
        values = self.values.tolist()
        present = self.present.tolist()
        work_on = self.work_on.tolist()
        for n, (total, answered, complete, ready) in enumerate(
            zip(
                self.total.tolist(),
                self.answered.tolist(),
                self.complete.tolist(),
                self.ready.tolist(),
            )
        ):
            shown = [v if p else None for v, p in zip(values[n], present[n])]
            flags = work_on[n]
            yield {
                "form_id": "redo",
                "total": total,
                "min_total": self.min_total,
                "max_total": self.max_total,
                "threshold": THRESHOLD,
                "answered": answered,
                "complete": complete,
                "ready": ready if complete else None,
                "items": [
                    {"id": i, "value": v, "work_on": w} for i, v, w in zip(ids, shown, flags)
                ],
                "to_work_on": [i for i, w in zip(ids, flags) if w],
                # Files with a period column are scored by the row path (only rated
                # items come here), so the period is never given on this path.
                "period_months": None,
                "period_ok": None,
            }


def score_columns(form, values: np.ndarray, present: np.ndarray) -> RedoColumns:
    """``redo.score`` on arrays: ``values`` responses × :func:`rated_items` (0 where
    ``present`` is false). The rule is the one above, written for numpy. Column-major
    arrays (``order="F"``, as the file path makes them) sum fastest across a row."""
    items = rated_items(form)
    answered = present.sum(axis=1)
    total = values.sum(axis=1, where=present)
    complete = answered == len(items)
    return RedoColumns(
        item_ids=tuple(item.id for item in items),
        min_total=sum(item.min for item in items),
        max_total=sum(item.max for item in items),
        values=values,
        present=present,
        total=total,
        answered=answered,
        complete=complete,
        ready=complete & (total > THRESHOLD),
        work_on=present & (values <= WORK_ON_AT_MOST),
    )
