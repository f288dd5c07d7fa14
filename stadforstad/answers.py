"""Checking answers against a form: ``check_answers(form, raw) -> Answers``.

Answers are a plain ``dict[str, Any]`` keyed by item id (see ``schema`` for the
shape per kind). ``None`` or a missing key means "not answered".
With ``coerce=True`` text from a CSV or Excel cell ("3", "ja", "2024-05-01") is
turned into the kind's value first; the app's widgets already give typed values.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from stadforstad import errors
from stadforstad.errors import AnswerError, Problem, say
from stadforstad.i18n import parse_number
from stadforstad.schema import Column, Form

Answers = dict[str, Any]
#: The longest comment (``{id}_comment``) an item may carry.
COMMENT_MAX_LENGTH = 5000

_YES = {"ja", "j", "yes", "y", "true", "1", "x"}
_NO = {"nej", "n", "no", "false", "0"}


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return isinstance(value, (list, tuple)) and not value


#: Where a value sits: the answer's key, and for a table cell its row (from 1) and
#: column. Kept as fields of the :class:`Problem`, never formatted here.
Spot = tuple[str, int | None, str | None]


class _Checker:
    def __init__(self, coerce: bool):
        self.coerce = coerce
        self.problems: list[Problem] = []

    def problem(self, code: str, where: Spot, message: str) -> None:
        item, row, column = where
        self.problems.append(Problem(code, "", message, item=item, row=row, column=column))

    # -- values -------------------------------------------------------------
    def integer(self, value: Any, where: Spot) -> int | None:
        if isinstance(value, bool):
            self.problem(
                errors.ANSWER_NOT_A_NUMBER,
                where,
                say(f"{value!r} är inte ett tal", f"{value!r} is not a number"),
            )
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if self.coerce and isinstance(value, str):
            number = parse_number(value)
            if number is not None and float(number).is_integer():
                return int(number)
        self.problem(
            errors.ANSWER_NOT_A_NUMBER,
            where,
            say(f"{value!r} är inte ett heltal", f"{value!r} is not a whole number"),
        )
        return None

    def number(self, value: Any, where: Spot, integer: bool) -> float | int | None:
        if integer:
            return self.integer(value, where)
        if isinstance(value, bool):
            self.problem(
                errors.ANSWER_NOT_A_NUMBER,
                where,
                say(f"{value!r} är inte ett tal", f"{value!r} is not a number"),
            )
            return None
        if isinstance(value, (int, float)) and math.isfinite(value):
            return value
        if self.coerce and isinstance(value, str):
            number = parse_number(value)  # "12,5", "15 066"
            if number is not None and math.isfinite(number):
                return number
        self.problem(
            errors.ANSWER_NOT_A_NUMBER,
            where,
            say(f"{value!r} är inte ett tal", f"{value!r} is not a number"),
        )
        return None

    def in_range(self, value, low, high, where: Spot):
        if value is None:
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            low_s = "" if low is None else f"{low:g}"
            high_s = "" if high is None else f"{high:g}"
            self.problem(
                errors.ANSWER_OUT_OF_RANGE,
                where,
                say(
                    f"{value:g} ligger utanför {low_s}–{high_s}",
                    f"{value:g} is outside {low_s}–{high_s}",
                ),
            )
            return None
        return value

    def boolean(self, value: Any, where: Spot) -> bool | None:
        if isinstance(value, bool):
            return value
        if self.coerce:
            if isinstance(value, (int, float)) and value in (0, 1):
                return bool(value)
            if isinstance(value, str) and value.strip().lower() in _YES | _NO:
                return value.strip().lower() in _YES
        self.problem(
            errors.ANSWER_BAD_TYPE,
            where,
            say(f"{value!r} är inte ja eller nej", f"{value!r} is not yes or no"),
        )
        return None

    def text(self, value: Any, where: Spot, max_length: int) -> str | None:
        if isinstance(value, (int, float)) and self.coerce and not isinstance(value, bool):
            value = f"{value:g}" if isinstance(value, float) else str(value)
        if not isinstance(value, str):
            self.problem(
                errors.ANSWER_BAD_TYPE,
                where,
                say(f"{value!r} är inte text", f"{value!r} is not text"),
            )
            return None
        if len(value) > max_length:
            self.problem(
                errors.ANSWER_TOO_LONG,
                where,
                say(
                    f"texten har {len(value)} tecken; högst {max_length} får plats",
                    f"the text has {len(value)} characters; at most {max_length} fit",
                ),
            )
            return None
        return value

    def date(self, value: Any, where: Spot) -> str | None:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()[:10]).isoformat()
            except ValueError:
                pass
        self.problem(
            errors.ANSWER_BAD_DATE,
            where,
            say(
                f"{value!r} är inte ett datum (ÅÅÅÅ-MM-DD)", f"{value!r} is not a date (YYYY-MM-DD)"
            ),
        )
        return None

    def options(self, value: Any, where: Spot, allowed: set[str], other: bool, many: bool):
        if many:
            if isinstance(value, str):
                if not self.coerce:
                    self.problem(
                        errors.ANSWER_BAD_TYPE,
                        where,
                        say("väntade en lista med val", "expected a list of choices"),
                    )
                    return None
                value = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
            if not isinstance(value, (list, tuple)):
                self.problem(
                    errors.ANSWER_BAD_TYPE,
                    where,
                    say("väntade en lista med val", "expected a list of choices"),
                )
                return None
            picked = []
            for element in value:
                one = self.options(element, where, allowed, other, False)
                if one is not None and one not in picked:
                    picked.append(one)
            return picked
        if not isinstance(value, str):
            self.problem(
                errors.ANSWER_BAD_TYPE,
                where,
                say(f"{value!r} är inget av valen", f"{value!r} is none of the choices"),
            )
            return None
        value = value.strip()
        if value in allowed or other:
            return value
        self.problem(
            errors.ANSWER_UNKNOWN_OPTION,
            where,
            say(
                f"{value!r} är inte ett av valen: {', '.join(sorted(allowed))}",
                f"{value!r} is not one of the choices: {', '.join(sorted(allowed))}",
            ),
        )
        return None

    # -- items ----------------------------------------------------------------
    def item(self, item, value: Any):
        where: Spot = (item.id, None, None)
        kind = item.kind
        if kind == "yes_no":
            return self.boolean(value, where)
        if kind == "scale":
            return self.in_range(self.integer(value, where), item.min, item.max, where)
        if kind == "level":
            level = self.integer(value, where)
            levels = [level.value for level in item.levels]
            if level is not None and level not in levels:
                self.problem(
                    errors.ANSWER_OUT_OF_RANGE,
                    where,
                    say(
                        f"{level} är ingen nivå ({levels[0]}–{levels[-1]})",
                        f"{level} is not a level ({levels[0]}–{levels[-1]})",
                    ),
                )
                return None
            return level
        if kind == "choice":
            options = {o.value for o in item.options}
            return self.options(value, where, options, item.allow_other, item.multiple)
        if kind == "checklist":
            ticks = {o.value for o in item.options}
            return self.options(value, where, ticks, False, True)
        if kind == "text":
            return self.text(value, where, item.max_length)
        if kind == "number":
            amount = self.number(value, where, item.integer)
            return self.in_range(amount, item.min, item.max, where)
        if kind == "date":
            return self.date(value, where)
        if kind == "table":
            return self.table(item, value)
        raise AssertionError(f"unhandled kind {kind}")  # the schema lists every kind

    def cell(self, column: Column, value: Any, where: Spot):
        kind = column.kind
        if kind == "text":
            return self.text(value, where, column.max_length)
        if kind in ("number", "scale"):
            number = self.number(value, where, kind == "scale")
            return self.in_range(number, column.min, column.max, where)
        if kind == "yes_no":
            return self.boolean(value, where)
        if kind == "date":
            return self.date(value, where)
        allowed = {o.value for o in column.options or []}
        return self.options(value, where, allowed, column.allow_other, kind == "checklist")

    def table(self, item, value: Any) -> list[dict] | None:
        if not isinstance(value, (list, tuple)):
            self.problem(
                errors.ANSWER_BAD_TYPE,
                (item.id, None, None),
                say("väntade en lista med rader", "expected a list of rows"),
            )
            return None
        rows: list[dict] = []
        columns = {c.id: c for c in item.columns}
        for number, row in enumerate(value, start=1):
            where: Spot = (item.id, number, None)
            if not isinstance(row, dict):
                self.problem(
                    errors.ANSWER_BAD_TYPE,
                    where,
                    say("en rad måste ha kolumner", "a row must have columns"),
                )
                continue
            if all(_blank(v) for v in row.values()):
                continue  # an empty row left in the editor is not an answer
            clean: dict[str, Any] = {}
            for key, cell in row.items():
                if key not in columns:
                    self.problem(
                        errors.ANSWER_UNKNOWN_ITEM,
                        (item.id, number, key),
                        say(f"okänd kolumn {key!r}", f"unknown column {key!r}"),
                    )
                    continue
                if not _blank(cell):
                    clean[key] = self.cell(columns[key], cell, (item.id, number, key))
            for column in item.columns:
                if column.required and _blank(row.get(column.id)):
                    self.problem(
                        errors.ANSWER_REQUIRED,
                        (item.id, number, column.id),
                        say("den här kolumnen måste fyllas i", "this column must be filled in"),
                    )
            rows.append(clean)
        if len(rows) < item.min_rows or (item.max_rows and len(rows) > item.max_rows):
            most = f"–{item.max_rows}" if item.max_rows else " eller fler"
            most_en = f"–{item.max_rows}" if item.max_rows else " or more"
            self.problem(
                errors.ANSWER_TABLE_ROWS,
                (item.id, None, None),
                say(
                    f"{len(rows)} rader; väntade {item.min_rows}{most}",
                    f"{len(rows)} rows; expected {item.min_rows}{most_en}",
                ),
            )
        return rows


def answer_keys(form: Form) -> dict[str, Any]:
    """Every key an answer may have: item ids and ``{id}_comment`` keys."""
    keys: dict[str, Any] = {}
    for item in form.answerable():
        keys[item.id] = item
        if item.comment is not None:
            keys[f"{item.id}_comment"] = None
    return keys


def check_answers(
    form: Form, raw: dict[str, Any], *, partial: bool = False, coerce: bool = False
) -> Answers:
    """Validate ``raw`` against ``form`` and return clean answers.

    ``partial=True`` (a draft) lets required items stay unanswered.
    Raises :class:`AnswerError` listing every problem, each with the item id.
    """
    checker = _Checker(coerce)
    keys = answer_keys(form)
    clean: Answers = {}
    for key, value in raw.items():
        if key not in keys:
            checker.problem(
                errors.ANSWER_UNKNOWN_ITEM,
                (key, None, None),
                say(f"formuläret har ingen fråga {key!r}", f"the form has no question {key!r}"),
            )
            continue
        if _blank(value):
            continue
        item = keys[key]
        if item is None:  # a comment
            clean[key] = checker.text(value, (key, None, None), COMMENT_MAX_LENGTH)
        else:
            clean[key] = checker.item(item, value)
    if not partial:
        for item in form.answerable():
            if item.required and _blank(raw.get(item.id)):
                checker.problem(
                    errors.ANSWER_REQUIRED,
                    (item.id, None, None),
                    say("den här frågan måste besvaras", "this question must be answered"),
                )
    if checker.problems:
        raise AnswerError(problems=checker.problems)
    return {k: v for k, v in clean.items() if v is not None}
