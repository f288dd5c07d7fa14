"""Scoring a file of responses (``stadforstad score``): the row path and a vectorised
path that gives the same results and the same errors.

The **row path** (:func:`score_rows`) reads every row, checks it with ``check_answers``
and scores it with the instrument, one response at a time. It reads every format and
scores every scored form.

The **vectorised path** (:func:`score_columns`) is for the common large case: a plain
CSV (no quotes, no blank lines, every line as wide as the header) of a form with an
array scorer (``ARRAY_SCORERS``) whose columns are all rated items (and ``respondent``).
It reads the file with Arrow's C reader (each cell's exact text), checks the columns at once (a cell is good
when it is exactly one of the item's allowed values, or empty for an optional item),
and scores the good rows on arrays. Any row with a cell that is not plainly good goes
through the row path's own check (:func:`responses_io.check_record`), so its errors
(codes, row and column) are exactly the row path's, and a row the row path accepts
(``" 3 "``, ``3.0``) is accepted the same. A file or form it does not take is scored by
the row path. ``tests/test_file_scores.py`` compares both on random files.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stadforstad import limits
from stadforstad.answers import answer_keys
from stadforstad.errors import Problem
from stadforstad.instruments.registry import get_instrument
from stadforstad.response_records import (
    SEPARATORS,
    Record,
    check_header,
    decode_text,
    read_file_bytes,
)
from stadforstad.responses_io import RESPONDENT, Row, check_record, iter_rows
from stadforstad.schema import Form

#: Scoring rule (``form.scoring``) → the module with its ``score_columns(form, values,
#: present)``, whose result has ``records()``. Imported only when a file is scored.
ARRAY_SCORERS = {"redo": "scoring.redo_columns"}
#: Line breaks ``str.splitlines`` knows besides \n and \r: the row path finds the header
#: with it, so a file holding one is left to the row path.
#: Quotes and NUL are left to the row path too.
_NOT_PLAIN = ('"', "\x00", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


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
def _plain_csv(text: str) -> tuple[str, str] | None:
    """The text without its final line breaks and the separator, when the file is a
    CSV whose lines are its rows one for one (no quotes, no empty lines). A line of
    blanks and separators is a row here; the row check skips it as the row path does."""
    if any(mark in text for mark in _NOT_PLAIN):
        return None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    body = text.rstrip("\n")
    if not body or body.startswith("\n") or "\n\n" in body:
        return None  # an empty line: pandas would not count it as the row path does
    header_line = body.split("\n", 1)[0]
    return body, max(SEPARATORS, key=header_line.count)


def _read_cells(
    data: bytes, separator: str, columns: list[str], rows: int
) -> dict[str, tuple[Sequence[str], Any]] | None:
    """Each column's cells as Arrow's C reader gives them: exactly the text between the
    separators (no number guessed, no blank made missing). An item column as its
    distinct texts and, per row, the index of its text; the respondent column as its
    texts and which of them may be refused (long, or holding "[" or "{"). ``None``
    when a line is not as wide as the header, or the reader does not find ``rows``
    rows, one per line."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    text_type = pa.dictionary(pa.int32(), pa.string())
    try:
        table = pcsv.read_csv(
            io.BytesIO(data),
            read_options=pcsv.ReadOptions(column_names=columns, skip_rows=1),
            parse_options=pcsv.ParseOptions(
                delimiter=separator,
                quote_char=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={c: pa.string() if c == RESPONDENT else text_type for c in columns},
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None  # a line Arrow reads otherwise: the row path decides
    if table.num_rows != rows:
        return None
    cells: dict[str, tuple[Sequence[str], Any]] = {}
    for name in columns:
        column = table.column(name)
        if name == RESPONDENT:
            suspect = pc.or_(
                pc.greater(pc.utf8_length(column), limits.NAME_LENGTH),
                pc.match_substring_regex(column, r"[\[{]"),
            )
            cells[name] = (column.to_pylist(), suspect.to_numpy(zero_copy_only=False))
            continue
        joined = column.unify_dictionaries().combine_chunks()
        cells[name] = (joined.dictionary.to_pylist(), joined.indices.to_numpy())
    return cells


def _allowed(item) -> dict[str, int] | None:
    """A rated item's allowed cells, exactly as written, and their values."""
    if item.kind == "scale":
        return {str(v): v for v in range(item.min, item.max + 1)}
    if item.kind == "level":
        return {str(level.value): level.value for level in item.levels}
    return None


def score_columns(form: Form, path: Path) -> ScoredFile | None:
    """The vectorised path, or None where the file or the form is not for it."""
    if form.scoring not in ARRAY_SCORERS or path.suffix.lower() != ".csv":
        return None
    text = decode_text(read_file_bytes(path), path)  # the row path's refusals, the same
    plain = _plain_csv(text)
    if plain is None:
        return None
    body, separator = plain
    columns = check_header(body.split("\n", 1)[0].split(separator), path, 1)
    data = body.encode("utf-8")
    # Every line as wide as the header: Arrow's reader refuses any other (then None).
    lines = data.count(b"\n") + 1
    if lines - 1 > limits.RESPONSE_ROWS or lines < 2:
        return None
    keys = answer_keys(form)
    scorer = importlib.import_module(ARRAY_SCORERS[form.scoring])
    from scoring.common import rated_items

    rated = rated_items(form)
    allowed = {item.id: _allowed(item) for item in rated}
    if any(c != RESPONDENT and allowed.get(c) is None for c in columns) or any(
        item.required and item.id not in columns for item in form.answerable()
    ):
        return None  # other kinds of items, unknown or missing columns: the row path

    import numpy as np

    count = lines - 1
    cells = _read_cells(data, separator, columns, count)
    if cells is None:
        return None
    values = np.zeros((count, len(rated)), dtype=np.int64)
    present = np.zeros((count, len(rated)), dtype=bool)
    good = np.ones(count, dtype=bool)
    for index, item in enumerate(rated):
        if item.id not in cells:
            continue
        distinct, codes = cells[item.id]
        lookup = allowed[item.id] or {}
        known = np.array([c in lookup for c in distinct], dtype=bool)[codes]
        values[:, index] = np.array([lookup.get(c, 0) for c in distinct], dtype=np.int64)[codes]
        present[:, index] = known
        blank = np.array([c == "" for c in distinct], dtype=bool)[codes]
        good &= known | (blank & (not item.required))
    respondents: np.ndarray = np.full(count, None, dtype=object)
    raw_names: Sequence[str] = ()
    if RESPONDENT in cells:
        raw_names, suspect = cells[RESPONDENT]
        names = [name.strip() for name in raw_names]
        # Only a name that is long or holds "[" or "{" can be refused (str.strip's idea
        # of blank is the row path's, so those few are judged in Python).
        for position in np.flatnonzero(suspect).tolist():
            name = names[position]
            if name.startswith(("[", "{")) or len(name) > limits.NAME_LENGTH:
                good[position] = False
        respondents = np.array([name or None for name in names], dtype=object)

    def row_cells(position: int) -> list[str]:
        return [
            raw_names[position] if c == RESPONDENT else cells[c][0][cells[c][1][position]]
            for c in columns
        ]

    # Rows not plainly good: the row path's own check, row by row.
    problems: list[Problem] = []
    keep = good.copy()
    for position in np.flatnonzero(~good).tolist():
        texts = row_cells(position)
        if not any(text.strip() for text in texts):
            continue  # a line of empty fields holds no answer (as the row path reads it)
        outcome = check_record(form, keys, Record(position + 2, dict(zip(columns, texts))))
        if isinstance(outcome, Row):
            keep[position] = True
            respondents[position] = outcome.respondent
            for index, item in enumerate(rated):
                value = outcome.answers.get(item.id)
                present[position, index] = value is not None
                values[position, index] = 0 if value is None else value
        else:
            problems.extend(outcome)
    numbers = (np.flatnonzero(keep) + 2).tolist()
    scored = scorer.score_columns(form, values[keep], present[keep])
    names_kept = respondents[keep].tolist()

    def records() -> Iterator[dict[str, Any]]:
        for number, respondent, result in zip(numbers, names_kept, scored.records()):
            yield {"row": number, "respondent": respondent, **result}

    return ScoredFile(records(), problems, "columns")
