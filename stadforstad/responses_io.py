"""Reading files of responses (CSV, XLSX, JSON): one response per row, columns named by
item ids, an optional ``respondent`` column. Shared by ``score`` and ``import``.

Every bad cell is reported with its row number (as a person counts them in the file:
the first data row of a CSV or Excel sheet is row 2, under the header; in JSON the
first object is row 1), its column and the reason.

Three stages, each with its own errors: **reading** the file and splitting it into
**records** (``response_records``), then **checking** (:func:`iter_rows`) each row
against the form, numbers and names within bounds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from stadforstad import errors, limits
from stadforstad.answers import Answers, answer_keys, check_answers
from stadforstad.errors import AnswerError, Problem, ResponseFileError, say
from stadforstad.response_records import Record, cell_value, read_records, refuse_file
from stadforstad.schema import Form

RESPONDENT = "respondent"

#: Turns the file's records into records keyed by item id (``--columns by-label``:
#: ``label_columns.ByLabel``); without one the headers must be the item ids.
Translate = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Row:
    number: int
    respondent: str | None
    answers: Answers


def _numbers(value: Any) -> Iterator[float]:
    """Every number in an answer (tables and lists included)."""
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _numbers(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _numbers(inner)


def _bound_problems(number: int, answers: Answers, respondent: Any) -> list[Problem]:
    """Numbers and names beyond what the databases store, each by row and column."""
    problems = []
    for key, value in answers.items():
        if any(abs(n) > limits.NUMBER_MAGNITUDE for n in _numbers(value)):
            problems.append(
                Problem(
                    errors.FILE_NUMBER_TOO_LARGE,
                    "",
                    say(
                        f"talet är för stort; högst {limits.NUMBER_MAGNITUDE:.0e} får plats",
                        f"the number is too large; at most {limits.NUMBER_MAGNITUDE:.0e} fits",
                    ),
                    item=key,
                    file_row=number,
                )
            )
    if respondent is not None and len(str(respondent)) > limits.NAME_LENGTH:
        problems.append(
            Problem(
                errors.FILE_NAME_TOO_LONG,
                f"column {RESPONDENT}",
                say(
                    f"namnet har {len(str(respondent))} tecken; högst {limits.NAME_LENGTH} "
                    "får plats",
                    f"the name has {len(str(respondent))} characters; at most "
                    f"{limits.NAME_LENGTH} fit",
                ),
                file_row=number,
            )
        )
    return problems


def iter_rows(
    form: Form, path: Path, *, translate: Translate | None = None
) -> Iterator[Row | list[Problem]]:
    """Each row checked against ``form``: a :class:`Row`, or the row's problems."""
    records = read_records(Path(path))
    if not records:
        raise refuse_file(
            errors.FILE_EMPTY, "", say("filen har inga rader", "the file has no rows"), path
        )
    if translate is not None:
        # The translation keeps one record per row, in order: the row numbers stay.
        cells = translate([record.cells for record in records])
        records = [Record(record.number, row) for record, row in zip(records, cells, strict=True)]
    keys = answer_keys(form)
    for record in records:
        yield check_record(form, keys, record)


def check_record(form: Form, keys: dict[str, Any], record: Record) -> Row | list[Problem]:
    """One record checked against ``form`` (``keys``: its :func:`answer_keys`): a
    :class:`Row`, or the row's problems, each by row and column."""
    number = record.number
    problems = [
        Problem(
            errors.ANSWER_UNKNOWN_ITEM,
            "",
            say(
                f"formuläret {form.id!r} har ingen fråga {column!r}",
                f"the form {form.id!r} has no item {column!r}",
            ),
            item=column,
            file_row=number,
        )
        for column in record.cells
        if column not in keys and column != RESPONDENT
    ]
    raw = {k: cell_value(v) for k, v in record.cells.items() if k in keys}
    respondent = cell_value(record.cells.get(RESPONDENT))
    if isinstance(respondent, (list, dict)):
        respondent = json.dumps(respondent, ensure_ascii=False)
    answers: Answers = {}
    try:
        answers = check_answers(form, raw, coerce=True)
    except AnswerError as exc:
        problems += [replace(p, file_row=number) for p in exc.problems]
    problems += _bound_problems(number, answers, respondent)
    if problems:
        return problems
    return Row(number, None if respondent is None else str(respondent), answers)


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
