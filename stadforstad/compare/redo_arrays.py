"""``redo`` across municipalities on arrays: the comparison's fast path.

Each response's total, completeness and verdict come from ``scoring.redo_columns``
(the scorer's rule and thresholds, written for numpy); each municipality's figures
from the scorer's own group rules (``scoring.redo.median_and_mean``,
``scoring.common.item_stats``). No pydantic result per response, the same figures.

A group holding a response whose rated answers are not plain whole numbers (a text, a
decimal, a yes/no: never stored by the app, but possible in older or hand-made data)
is left to the scorer: :func:`redo_columns` returns ``None`` and the view scores that
group through the instrument. ``tests/compare/test_compare_arrays.py`` compares both
paths on random data, odd answers included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scoring import redo
from scoring.common import ItemStats, item_stats, rated_items
from scoring.redo_columns import RedoColumns, RedoNumbers, score_columns
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Form
from stadforstad.storage.records import SubmittedRow

#: Whole numbers this large or larger are left to the scorer (numpy's int64 holds the
#: sum of a few of them; Python's int holds anything).
_LARGEST = 2**53


@dataclass(frozen=True)
class RedoFigures:
    """What the readiness frames show of one municipality's group, from either path."""

    #: The complete totals, one per respondent who answered every item.
    complete: list[int]
    median_total: float | None
    mean_total: float | None
    ready_count: int
    not_ready_count: int
    threshold: int
    items: list[ItemStats]


def for_arrays(form: Form) -> bool:
    """Whether ``form`` is scored by the rule ``scoring.redo_columns`` mirrors."""
    return INSTRUMENTS[form.id].score is redo.score


def redo_columns(form: Form, rows: Sequence[SubmittedRow]) -> RedoColumns | None:
    """The rows' scores on arrays, or ``None`` when a rated answer is not a plain whole
    number (or the answers not a mapping): then the scorer, not this path, decides."""
    ids = [item.id for item in rated_items(form)]
    cells: list[list[int | None]] = []
    for row in rows:
        answers = row.answers
        if not isinstance(answers, dict):
            return None
        values = [answers.get(i) for i in ids]
        for value in values:
            if value is not None and (type(value) is not int or not -_LARGEST < value < _LARGEST):
                return None
        cells.append(values)
    shape = (len(cells), len(ids))
    present = np.array([[v is not None for v in r] for r in cells], dtype=bool).reshape(shape)
    values_array = np.array(
        [[0 if v is None else v for v in r] for r in cells], dtype=np.int64
    ).reshape(shape)
    return score_columns(form, values_array, present)


def numbers(form: Form, rows: Sequence[SubmittedRow]) -> list[RedoNumbers] | None:
    """Each response's total, answered, complete and ready on arrays, or ``None`` where
    this path does not apply (another scorer, or an answer it cannot read)."""
    if not for_arrays(form):
        return None
    columns = redo_columns(form, rows)
    return None if columns is None else columns.numbers()


def figures(form: Form, rows: Sequence[SubmittedRow]) -> RedoFigures | None:
    """One municipality's readiness figures on arrays, or ``None`` (see above)."""
    if not for_arrays(form):
        return None
    columns = redo_columns(form, rows)
    if columns is None:
        return None
    complete = columns.total[columns.complete].tolist()
    median, mean = redo.median_and_mean(complete)
    names = [row.respondent for row in rows]
    values, present = columns.values.T.tolist(), columns.present.T.tolist()
    return RedoFigures(
        complete=complete,
        median_total=median,
        mean_total=mean,
        ready_count=int(columns.ready.sum()),
        not_ready_count=int((columns.complete & ~columns.ready).sum()),
        threshold=redo.THRESHOLD,
        items=[
            # Keyed by respondent, as the scorer's summary keys them.
            item_stats(item_id, {n: v for n, v, p in zip(names, values[c], present[c]) if p})
            for c, item_id in enumerate(columns.item_ids)
        ],
    )


def scored_figures(form: Form, group: redo.RedoGroup) -> RedoFigures:
    """The same figures from the scorer's group summary (the path for any group)."""
    return RedoFigures(
        complete=[m.total for m in group.members if m.complete],
        median_total=group.median_total,
        mean_total=group.mean_total,
        ready_count=group.ready_count,
        not_ready_count=group.not_ready_count,
        threshold=group.threshold,
        items=group.items,
    )
