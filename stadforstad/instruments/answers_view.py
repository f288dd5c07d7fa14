"""The filled form as blocks: every answer, read-only, in the form's own words.

Tables stay tables, dates are dates, options show their labels, and "not answered"
is ``MISSING`` (never 0 or "no"). A group's answers are laid side by side, question by
question; a table's rows are put together with a column naming whose row it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from scoring.common import Rated
from stadforstad.i18n import pick
from stadforstad.instruments.blocks import (
    MISSING,
    Answer,
    Answers,
    AnswerSection,
    Block,
    Cell,
    Heading,
    Paragraph,
    Table,
    format_date,
    format_number,
)
from stadforstad.schema import Form


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _option_labels(options, lang: str) -> dict[str, str]:
    return {o.value: o.label.get(lang) for o in options or []}


def _yes_no(value: bool, lang: str, item=None) -> str:
    if item is not None:
        return (item.yes_label if value else item.no_label).get(lang)
    return pick(lang, "Ja", "Yes") if value else pick(lang, "Nej", "No")


def _number(value: Any, lang: str, unit: str = "") -> str:
    text = format_number(value, lang) if isinstance(value, int | float) else str(value)
    return f"{text} {unit}".strip()


def cell_value(column, value: Any, lang: str) -> Cell:
    """A table cell as the reader sees it: labels for options, dates as dates."""
    if value is None or value == "" or value == []:
        return None
    kind = column.kind
    if kind == "choice":
        return _option_labels(column.options, lang).get(value, str(value))
    if kind == "checklist":
        labels = _option_labels(column.options, lang)
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(v, str(v)) for v in values)
    if kind == "yes_no":
        return _yes_no(bool(value), lang)
    if kind == "date":
        return _date(value) or str(value)
    if kind in ("number", "scale"):
        return value if isinstance(value, int | float) else str(value)
    return str(value)


def table_of(item, rows: Sequence[dict], lang: str, first: tuple[str, list[str]] | None = None):
    """A table item's rows as a :class:`Table`; ``first`` adds a leading column
    (its title and one value per row), e.g. whose row it is."""
    columns = tuple(c.label.get(lang) for c in item.columns)
    body = tuple(
        tuple(cell_value(c, row.get(c.id), lang) for c in item.columns) for row in rows or []
    )
    if first is not None:
        title, values = first
        columns = (title, *columns)
        body = tuple((value, *row) for value, row in zip(values, body))
    return Table(columns=columns, rows=body)


def answer_text(item, value: Any, lang: str) -> tuple[str | None, tuple[str, ...]]:
    """A non-table answer as text, or as lines for a list; ``(None, ())``: not answered."""
    if value is None or value == "" or value == []:
        return None, ()
    kind = item.kind
    if kind == "yes_no":
        return _yes_no(bool(value), lang, item), ()
    if kind == "scale":
        return f"{value} ({item.min}–{item.max})", ()
    if kind == "level":
        names = {lv.value: lv.label.get(lang) for lv in item.levels}
        return f"{value} · {names.get(value, '')}".rstrip(" ·"), ()
    if kind == "choice":
        labels = _option_labels(item.options, lang)
        if isinstance(value, list):
            return None, tuple(labels.get(v, str(v)) for v in value)
        return labels.get(value, str(value)), ()
    if kind == "checklist":
        labels = _option_labels(item.options, lang)
        return None, tuple(labels.get(v, str(v)) for v in value)
    if kind == "number":
        return _number(value, lang, item.unit.get(lang) if item.unit else ""), ()
    if kind == "date":
        day = _date(value)
        return (format_date(day, lang) if day else str(value)), ()
    return str(value), ()


def _answer(item, answers: dict[str, Any], lang: str) -> Answer:
    comment = answers.get(f"{item.id}_comment") if item.comment else None
    common = {
        "label": item.label.get(lang),
        "comment": str(comment) if comment else None,
        "comment_label": item.comment.get(lang) if item.comment else "",
    }
    if item.kind == "table":
        return Answer(table=table_of(item, answers.get(item.id) or [], lang), **common)
    text, lines = answer_text(item, answers.get(item.id), lang)
    return Answer(text=text, lines=lines, **common)


def answer_blocks(form: Form, answers: dict[str, Any], lang: str) -> Answers:
    """Every answerable item of ``form`` with what was answered, section by section."""
    return Answers(
        sections=tuple(
            AnswerSection(
                title=section.title.get(lang) if section.title else "",
                answers=tuple(
                    _answer(item, answers, lang) for item in section.items if item.kind != "info"
                ),
            )
            for section in form.sections
            if any(item.kind != "info" for item in section.items)
        ),
        empty_text=MISSING,
    )


def _cell_text(item, answers: dict[str, Any], lang: str) -> str | None:
    text, lines = answer_text(item, answers.get(item.id), lang)
    value = "; ".join(lines) if lines else text
    comment = answers.get(f"{item.id}_comment") if item.comment else None
    if comment:
        value = f"{value or MISSING} ({pick(lang, 'kommentar', 'comment')}: {comment})"
    return value


def side_by_side_blocks(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """Each question with every member's answer beside it; each table with every
    member's rows, a first column naming the member."""
    if not responses:
        return [Paragraph(pick(lang, "Inga svar ännu.", "No answers yet."))]
    names = tuple(r.respondent for r in responses)
    member = pick(lang, "Deltagare", "Member")
    blocks: list[Block] = []
    for section in form.sections:
        items = [i for i in section.items if i.kind != "info"]
        if not items:
            continue
        if section.title:
            blocks.append(Heading(section.title.get(lang), 4))
        plain = [i for i in items if i.kind != "table"]
        if plain:
            blocks.append(
                Table(
                    columns=(pick(lang, "Fråga", "Question"), *names),
                    rows=tuple(
                        (
                            item.label.get(lang),
                            *(_cell_text(item, r.answers, lang) for r in responses),
                        )
                        for item in plain
                    ),
                )
            )
        for item in items:
            if item.kind != "table":
                continue
            owners: list[str] = []
            rows: list[dict] = []
            for response in responses:
                for row in response.answers.get(item.id) or []:
                    owners.append(response.respondent)
                    rows.append(row)
            table = table_of(item, rows, lang, first=(member, owners))
            blocks.append(Table(columns=table.columns, rows=table.rows, title=item.label.get(lang)))
    return blocks
