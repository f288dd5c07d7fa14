"""Reading files of responses (CSV, XLSX, JSON): one response per row, columns named by
item ids, an optional ``respondent`` column. Shared by ``score`` and ``import``.

Every bad cell is reported with its row number (as a person counts them in the file:
the first data row of a CSV or Excel sheet is row 2, under the header; in JSON the
first object is row 1), its column and the reason.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stadforstad import errors
from stadforstad.answers import Answers, answer_keys, check_answers
from stadforstad.errors import AnswerError, Problem, ResponseFileError
from stadforstad.schema import Form

RESPONDENT = "respondent"
FORMATS = (".csv", ".xlsx", ".json")

#: Turns the file's records into records keyed by item id (``--columns by-label``:
#: ``label_columns.ByLabel``); without one the headers must be the item ids.
Translate = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Row:
    number: int
    respondent: str | None
    answers: Answers


def _records(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The file's rows as dicts, and the number of the first row."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise errors.fail(
            ResponseFileError,
            errors.FILE_UNKNOWN_FORMAT,
            "",
            f"unknown file type {suffix!r}; use CSV, XLSX or JSON",
            str(path),
        )
    if not path.exists():
        raise errors.fail(ResponseFileError, errors.FILE_NOT_FOUND, "", "file not found", str(path))
    try:
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                data = [data]
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise errors.fail(
                    ResponseFileError,
                    errors.FILE_UNREADABLE,
                    "",
                    "JSON must be a list of objects, one per response",
                    str(path),
                )
            return data, 1
        import pandas as pd

        if suffix == ".csv":
            frame = pd.read_csv(
                path,
                dtype=str,
                keep_default_na=False,
                sep=None,
                engine="python",
                encoding="utf-8-sig",
            )
        else:
            frame = pd.read_excel(path, dtype=object)
    except ResponseFileError:
        raise
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise errors.fail(
            ResponseFileError, errors.FILE_UNREADABLE, "", f"cannot read the file: {exc}", str(path)
        ) from None
    except Exception as exc:  # noqa: BLE001 - pandas and openpyxl raise many kinds for a broken file
        raise errors.fail(
            ResponseFileError,
            errors.FILE_UNREADABLE,
            "",
            f"cannot read the file ({type(exc).__name__}): {exc}",
            str(path),
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.to_dict("records"), 2


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        value = value.strip()
        if value.startswith(("[", "{")):  # a table or a list written as JSON in one cell
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return value
        return value or None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value


def iter_rows(
    form: Form, path: Path, *, translate: Translate | None = None
) -> Iterator[Row | list[Problem]]:
    """Each row checked against ``form``: a :class:`Row`, or the row's problems."""
    records, first = _records(Path(path))
    if not records:
        raise errors.fail(
            ResponseFileError, errors.FILE_EMPTY, "", "the file has no rows", str(path)
        )
    if translate is not None:
        records = translate(records)
    keys = answer_keys(form)
    for offset, record in enumerate(records):
        number = first + offset
        problems = [
            Problem(
                errors.ANSWER_UNKNOWN_ITEM,
                f"row {number}, column {column}",
                f"the form {form.id!r} has no item {column!r}",
            )
            for column in record
            if column not in keys and column != RESPONDENT
        ]
        raw = {k: _cell(v) for k, v in record.items() if k in keys}
        respondent = _cell(record.get(RESPONDENT))
        try:
            answers = check_answers(form, raw, coerce=True)
        except AnswerError as exc:
            problems += [
                Problem(p.code, f"row {number}, column {p.where}", p.message) for p in exc.problems
            ]
            answers = None
        if problems:
            yield problems
        else:
            yield Row(number, None if respondent is None else str(respondent), answers)


def read_rows(form: Form, path: Path, *, translate: Translate | None = None) -> list[Row]:
    """All rows, or :class:`ResponseFileError` naming every bad row (all or nothing)."""
    rows: list[Row] = []
    problems: list[Problem] = []
    for outcome in iter_rows(form, path, translate=translate):
        if isinstance(outcome, Row):
            rows.append(outcome)
        else:
            problems.extend(outcome)
    if problems:
        raise ResponseFileError(problems=problems, file=str(path))
    return rows
