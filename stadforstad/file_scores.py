"""Scoring a file of responses (``stadforstad score``): the row path and a vectorised
path that gives the same results and the same errors.

The **row path** (:func:`score_rows`) reads every row, checks it with ``check_answers``
and scores it with the instrument, one response at a time. It reads every format and
scores every scored form.

The **vectorised path** (:func:`score_columns`) is for the common large case: a plain
CSV (UTF-8, no quotes, every line as wide as the header: ``csv_columns``) of a form
with an array scorer (``ARRAY_SCORERS``) whose columns are all rated items (and
``respondent``). Arrow's C reader reads the item columns as one-digit numbers where
the file allows (else as each cell's exact text) and the names as Arrow text; the
columns are checked at once (a cell is good when it is exactly one of the item's
allowed values, or empty for an optional item), and the good rows are scored on
arrays. Any row with a cell that is not plainly good goes through the row path's own
check (:func:`responses_io.check_record`), so its errors (codes, row and column) are
exactly the row path's, and a row the row path accepts (``" 3 "``, ``3.0``) is
accepted the same. A file or form it does not take is scored by the row path, which
also gives every refusal of a whole file. ``tests/test_file_scores.py`` compares both
on random files.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stadforstad import limits
from stadforstad.answers import answer_keys
from stadforstad.errors import Problem
from stadforstad.instruments.registry import get_instrument
from stadforstad.response_records import Record, read_file_bytes
from stadforstad.responses_io import RESPONDENT, Row, check_record, iter_rows
from stadforstad.schema import Form

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

#: Scoring rule (``form.scoring``) → the module with its ``score_columns(form, values,
#: present)``, whose result has ``records()``. Imported only when a file is scored.
ARRAY_SCORERS = {"redo": "scoring.redo_columns"}
#: The cells an item column may hold for it to be read as digits (``csv_columns``).
_DIGITS = frozenset("0123456789")


@dataclass
class ScoredFile:
    """A file's results, in row order, each ``{"row", "respondent", **result}``; and the
    bad rows' problems (complete once ``records`` has been read to the end)."""

    records: Iterator[dict[str, Any]]
    problems: list[Problem] = field(default_factory=list)
    #: Which path scored it: "columns" (vectorised) or "rows".
    path: str = "rows"


def score_rows(form: Form, path: Path) -> ScoredFile:
    """The row path: every row checked and scored by itself."""
    instrument = get_instrument(form.id)
    scored = ScoredFile(iter(()))

    def records() -> Iterator[dict[str, Any]]:
        for outcome in iter_rows(form, path):
            if isinstance(outcome, Row):
                result = instrument.score(form, outcome.answers).model_dump(mode="json")
                yield {"row": outcome.number, "respondent": outcome.respondent, **result}
            else:
                scored.problems.extend(outcome)

    scored.records = records()
    return scored


def score_file(form: Form, path: Path) -> ScoredFile:
    """The vectorised path where it applies, else the row path."""
    return score_columns(form, Path(path)) or score_rows(form, Path(path))


# -- the vectorised path ------------------------------------------------------------------
def _allowed(item) -> dict[str, int] | None:
    """A rated item's allowed cells, exactly as written, and their values."""
    if item.kind == "scale":
        return {str(v): v for v in range(item.min, item.max + 1)}
    if item.kind == "level":
        return {str(level.value): level.value for level in item.levels}
    return None


def _names_to_check(names: pa.ChunkedArray, raw: bytes) -> np.ndarray | None:
    """The names the row check must judge, or ``None`` for none: a name longer than
    ``limits.NAME_LENGTH`` (in bytes: at least as many as characters) or holding "["
    or "{" (a list or table written as JSON, which ``cell_value`` reads). Any other
    name is its text stripped, or no name when that is empty."""
    import pyarrow.compute as pc

    lengths = pc.binary_length(names)
    flags = []
    if (pc.max(lengths).as_py() or 0) > limits.NAME_LENGTH:
        flags.append(pc.greater(lengths, limits.NAME_LENGTH))
    for mark in "[{":
        if mark.encode() in raw:  # a quick look at the bytes first: mostly absent
            flags.append(pc.match_substring(names, mark))
    if not flags:
        return None
    return functools.reduce(pc.or_, flags).to_numpy(zero_copy_only=False)


def score_columns(form: Form, path: Path) -> ScoredFile | None:
    """The vectorised path, or None where the file or the form is not for it."""
    if form.scoring not in ARRAY_SCORERS or path.suffix.lower() != ".csv":
        return None
    import numpy as np
    import pyarrow as pa

    from stadforstad.csv_columns import plain_layout, read_columns

    raw = read_file_bytes(path)  # the row path's refusals, the same
    layout = plain_layout(raw)
    if layout is None:
        return None
    columns = layout.columns
    scorer = importlib.import_module(ARRAY_SCORERS[form.scoring])
    from scoring.common import rated_items

    rated = rated_items(form)
    allowed = {item.id: _allowed(item) for item in rated}
    if any(c != RESPONDENT and allowed.get(c) is None for c in columns) or any(
        item.required and item.id not in columns for item in form.answerable()
    ):
        return None  # other kinds of items, unknown or missing columns: the row path
    digits = all(set(allowed[c] or ()) <= _DIGITS for c in columns if c != RESPONDENT)
    cells = read_columns(raw, layout, names=RESPONDENT, digits=digits)
    if cells is None or cells.rows > limits.RESPONSE_ROWS:
        return None  # too many rows: the row path counts them (empty lines not) and refuses
    count = cells.rows
    # Column-major: each item's column is contiguous, and the scorer's row sums fast.
    values = np.zeros((count, len(rated)), dtype=np.int64, order="F")
    present = np.zeros((count, len(rated)), dtype=bool, order="F")
    good = np.ones(count, dtype=bool)
    for index, item in enumerate(rated):
        lookup = allowed[item.id] or {}
        if item.id in cells.digits:
            column = cells.digits[item.id]  # each cell one digit, 0–9
            known = np.array([str(d) in lookup for d in range(10)], dtype=bool)[column]
            values[:, index] = column * known
            present[:, index] = known
            good &= known
        elif item.id in cells.texts:
            distinct, codes = cells.texts[item.id]
            known = np.array([c in lookup for c in distinct], dtype=bool)[codes]
            values[:, index] = np.array([lookup.get(c, 0) for c in distinct], dtype=np.int64)[codes]
            present[:, index] = known
            blank = np.array([c == "" for c in distinct], dtype=bool)[codes]
            good &= known | (blank & (not item.required))
    if cells.names is not None:
        odd_names = _names_to_check(cells.names, raw)
        if odd_names is not None:
            good &= ~odd_names

    # Rows not plainly good: the row path's own check, row by row.
    keys = answer_keys(form)
    problems: list[Problem] = []
    checked: dict[int, str | None] = {}  # row → its name as the row check gives it
    keep = good.copy()
    for position in np.flatnonzero(~good).tolist():
        texts = [cells.cell(c, position) for c in columns]
        if not any(text.strip() for text in texts):
            continue  # a line of empty fields holds no answer (as the row path reads it)
        outcome = check_record(form, keys, Record(position + 2, dict(zip(columns, texts))))
        if isinstance(outcome, Row):
            keep[position] = True
            checked[position] = outcome.respondent
            for index, item in enumerate(rated):
                value = outcome.answers.get(item.id)
                present[position, index] = value is not None
                values[position, index] = 0 if value is None else value
        else:
            problems.extend(outcome)
    if not problems and not keep.any():
        return None  # only empty lines under the header: the row path's refusal
    positions = np.flatnonzero(keep)
    if len(positions) < count:
        values, present = np.asfortranarray(values[keep]), np.asfortranarray(present[keep])
    scored = scorer.score_columns(form, values, present)
    names = cells.names

    def records() -> Iterator[dict[str, Any]]:
        # The names become Python text only here, when the results are written.
        texts = names.take(pa.array(positions)).to_pylist() if names is not None else None
        for n, (position, result) in enumerate(zip(positions.tolist(), scored.records())):
            if position in checked:
                respondent = checked[position]
            else:
                respondent = None if texts is None else texts[n].strip() or None
            yield {"row": position + 2, "respondent": respondent, **result}

    return ScoredFile(records(), problems, "columns")
