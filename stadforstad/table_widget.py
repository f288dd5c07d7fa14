"""A table item as one ``st.data_editor``: its columns configured per kind, the saved
rows as the editor's frame and the edited frame back as answer rows.

Number cells are text, read by ``read_number``: the grid's number cells turn "tolv"
into 0 without a word.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import streamlit as st

from stadforstad.i18n import number_text, pick
from stadforstad.other_answers import (
    OTHER_MAX_CHARS,
    both_given,
    has_other,
    other_id,
    other_value,
    typed_text,
)
from stadforstad.schema import Column
from stadforstad.widgets import WidgetContext, heading, read_number


def _column_config(ctx: WidgetContext, column: Column):
    label = column.label.get(ctx.lang)
    helptext = ctx.text(column.help) or None
    cc = st.column_config
    if column.kind == "text":
        return cc.TextColumn(
            label, help=helptext, max_chars=column.max_length, required=column.required
        )
    if column.kind in ("number", "scale"):
        # Text, read by ``read_number``: the grid's number cells turn "tolv" into 0.
        low, high = (number_text(v, ctx.lang) for v in (column.min, column.max))
        span = f" ({low}–{high})" if column.min is not None and column.max is not None else ""
        return cc.TextColumn(
            f"{label}{span}",
            help=helptext
            or pick(ctx.lang, "Skriv ett tal, t.ex. 3 eller 2,5.", "Type a number, e.g. 3 or 2.5."),
            max_chars=40,
            required=column.required,
        )
    if column.kind == "yes_no":
        return cc.CheckboxColumn(label, help=helptext, default=False)
    if column.kind == "date":
        return cc.DateColumn(label, help=helptext, format="YYYY-MM-DD", required=column.required)
    names = {o.value: o.label.get(ctx.lang) for o in column.options or []}
    if column.kind == "checklist":
        return cc.MultiselectColumn(
            label, help=helptext, options=list(names), format_func=lambda v: names.get(v, v)
        )
    return cc.SelectboxColumn(
        label,
        help=helptext,
        options=list(names),
        format_func=lambda v: names.get(str(v), str(v)),
        # The grid holds back a row whose required cell is empty; an answer typed in
        # the text column beside it fills it (the answer check still asks for one).
        required=column.required and not has_other(column),
    )


def _other_config(ctx: WidgetContext, column: Column):
    label = column.label.get(ctx.lang)
    return st.column_config.TextColumn(
        pick(ctx.lang, f"{label}: annan (skriv)", f"{label}: other (type)"),
        help=pick(
            ctx.lang,
            "Finns det ni vill ha inte i listan? Skriv det här. Det ni skriver gäller före "
            "valet i listan.",
            "Not in the list? Type it here. What you type counts before the choice in the list.",
        ),
        max_chars=min(column.max_length, OTHER_MAX_CHARS),
    )


def _editor_columns(ctx: WidgetContext, item) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for column in item.columns:
        config[column.id] = _column_config(ctx, column)
        if has_other(column):
            config[other_id(column)] = _other_config(ctx, column)
    return config


def table_frame(item, rows: list[dict], lang: str = "sv") -> pd.DataFrame:
    """Saved rows as the editor's frame: one column per table column, typed (numbers
    as the language writes them, since number cells are edited as text). A choice
    column with ``allow_other`` is followed by a text column: a saved answer outside
    the list is shown there, typed as it was."""
    data = {}
    names: list[str] = []
    for column in item.columns:
        values = [row.get(column.id) for row in rows]
        names.append(column.id)
        if has_other(column):
            listed = {o.value for o in column.options or []}
            others = [None if v is None or v in listed else str(v) for v in values]
            data[other_id(column)] = pd.Series(others, dtype="object", index=range(len(rows)))
            names.append(other_id(column))
            values = [v if v in listed else None for v in values]
        if column.kind in ("number", "scale"):
            values = [
                None if v is None else v if isinstance(v, str) else number_text(v, lang)
                for v in values
            ]
        elif column.kind == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        elif column.kind == "yes_no":
            values = [bool(v) for v in values]
        elif column.kind == "checklist":
            values = [list(v or []) for v in values]
        data[column.id] = pd.Series(values, dtype=_dtype(column), index=range(len(rows)))
    return pd.DataFrame(data, columns=names)


def _dtype(column: Column) -> str:
    return {"yes_no": "bool"}.get(column.kind, "object")


def frame_rows(item, frame: pd.DataFrame) -> list[dict]:
    """The editor's frame back to answer rows; empty cells are left out. A typed answer
    beside a list choice counts before the choice."""
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for column in item.columns:
            value = record.get(column.id)
            if has_other(column):
                typed = typed_text(record.get(other_id(column)))
                if typed is not None:
                    value = other_value(column, typed)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if column.kind == "yes_no":
                if not value:
                    continue  # an unticked box says nothing was claimed
                value = True
            elif column.kind in ("number", "scale"):
                value = read_number(value)
                if value is None:
                    continue
            elif column.kind == "date":
                value = value.isoformat() if hasattr(value, "isoformat") else str(value)
            elif column.kind == "checklist":
                value = list(value)
                if not value:
                    continue
            elif column.kind == "text":
                value = str(value)
                if not value.strip():
                    continue
            row[column.id] = value
        if row:
            rows.append(row)
    return rows


def table_widget(ctx: WidgetContext, item) -> Any:
    heading(ctx, item)
    base_key = ctx.key(item.id, "base")
    # The editor keeps edits relative to the frame it was first given: keep that frame
    # for the whole session, even after a draft save changes what is stored.
    if base_key not in st.session_state:
        st.session_state[base_key] = table_frame(
            item, list(ctx.initial.get(item.id) or []), ctx.lang
        )
    frame = st.data_editor(
        st.session_state[base_key],
        key=ctx.key(item.id),
        num_rows="fixed" if ctx.disabled else "dynamic",
        hide_index=True,
        width="stretch",
        column_config=_editor_columns(ctx, item),
        disabled=ctx.disabled,
        placeholder="",
        **ctx.on_change(),
    )
    for number, column_id in both_given(item, frame):
        label = next(c for c in item.columns if c.id == column_id).label.get(ctx.lang)
        st.caption(
            pick(
                ctx.lang,
                f"Rad {number}, {label}: ni har både valt i listan och skrivit en egen – "
                "det ni skrev gäller. Töm den ena rutan om det inte stämmer.",
                f"Row {number}, {label}: you both chose from the list and typed your own – "
                "what you typed counts. Clear one of the cells if that is wrong.",
            )
        )
    if item.row_label:
        st.caption(
            pick(
                ctx.lang,
                f"Lägg till en {item.row_label.sv} per rad.",
                f"Add one {item.row_label.get('en')} per row.",
            )
        )
    return frame_rows(item, frame)
