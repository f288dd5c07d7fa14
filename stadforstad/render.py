"""One generic renderer: any form becomes Streamlit widgets.

``render_form`` draws the form inside one ``st.form`` (answers are batched into one
rerun), tables as ``st.data_editor``, and under each item an empty slot where
``show_problems`` puts that item's validation messages. No form has a page of its own.

Widget keys are ``f"{form.id}.{context}.{item.id}"``: the context (workspace,
respondent, round) keeps one person's unsaved answers from showing under another's.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from stadforstad.answers import Answers
from stadforstad.errors import Problem
from stadforstad.i18n import pick
from stadforstad.schema import Column, Form

DRAFT = "draft"
SUBMIT = "submit"


@dataclass
class Rendered:
    """What the user entered, which button they pressed, and where messages go."""

    answers: Answers
    action: str | None
    slots: dict[str, Any]


class _Ctx:
    def __init__(self, form: Form, context: str, initial: Answers, lang: str, disabled: bool):
        self.form = form
        self.prefix = f"{form.id}.{context}"
        self.initial = initial
        self.lang = lang
        self.disabled = disabled

    def key(self, *parts: str) -> str:
        return ".".join((self.prefix, *parts))

    def seed(self, key: str, value: Any) -> None:
        """Put the saved value in the widget's state the first time it is drawn."""
        if key not in st.session_state:
            st.session_state[key] = value

    def text(self, text) -> str:
        return text.get(self.lang) if text is not None else ""


def _label(ctx: _Ctx, item) -> str:
    label = item.label.get(ctx.lang)
    return f"{label} *" if item.required else label


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape_markdown(text: str) -> str:
    """Text shown through ``st.markdown`` exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _heading(ctx: _Ctx, item) -> None:
    """An item's label in bold with the required mark, and its help under it."""
    mark = " \\*" if item.required else ""
    st.markdown(f"**{escape_markdown(item.label.get(ctx.lang))}**{mark}")
    if item.help:
        st.caption(escape_markdown(item.help.get(ctx.lang)))


def _help(ctx: _Ctx, item) -> str | None:
    return item.help.get(ctx.lang) if item.help else None


# -- one widget per kind ------------------------------------------------------------
def _yes_no(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id))
    labels = {True: item.yes_label.get(ctx.lang), False: item.no_label.get(ctx.lang)}
    return st.radio(
        _label(ctx, item),
        [True, False],
        format_func=labels.get,
        key=key,
        horizontal=True,
        help=_help(ctx, item),
        disabled=ctx.disabled,
    )


def _scale(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id))
    ends = {item.min: item.min_label, item.max: item.max_label}

    def show(value: int) -> str:
        end = ends.get(value)
        return f"{value} – {end.get(ctx.lang)}" if end else str(value)

    if item.help:
        _heading(ctx, item)
    return st.radio(
        _label(ctx, item),
        list(range(item.min, item.max + 1)),
        format_func=show,
        key=key,
        horizontal=True,
        disabled=ctx.disabled,
        label_visibility="collapsed" if item.help else "visible",
    )


def _level(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id))
    names = {level.value: f"{level.value} · {level.label.get(ctx.lang)}" for level in item.levels}
    captions = [ctx.text(level.description) for level in item.levels]
    return st.radio(
        _label(ctx, item),
        list(names),
        format_func=names.get,
        captions=captions,
        key=key,
        help=_help(ctx, item),
        disabled=ctx.disabled,
    )


def _choice(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    names = {o.value: o.label.get(ctx.lang) for o in item.options}
    saved = ctx.initial.get(item.id)
    if item.multiple:
        ctx.seed(key, list(saved or []))
        return st.multiselect(
            _label(ctx, item),
            list(names),
            format_func=lambda v: names.get(v, v),
            key=key,
            help=_help(ctx, item),
            disabled=ctx.disabled,
            accept_new_options=item.allow_other,
            placeholder=pick(ctx.lang, "Välj", "Choose"),
        )
    options = list(names)
    if saved is not None and saved not in names:
        options.append(saved)  # a free answer given earlier stays selectable
    ctx.seed(key, saved)
    return st.selectbox(
        _label(ctx, item),
        options,
        format_func=lambda v: names.get(v, v),
        key=key,
        help=_help(ctx, item),
        disabled=ctx.disabled,
        accept_new_options=item.allow_other,
        placeholder=pick(ctx.lang, "Välj (eller skriv)", "Choose (or type)")
        if item.allow_other
        else pick(ctx.lang, "Välj", "Choose"),
    )


def _checklist(ctx: _Ctx, item) -> Any:
    _heading(ctx, item)
    ticked = set(ctx.initial.get(item.id) or [])
    chosen = []
    for option in item.options:
        key = ctx.key(item.id, option.value)
        ctx.seed(key, option.value in ticked)
        if st.checkbox(
            option.label.get(ctx.lang),
            key=key,
            disabled=ctx.disabled,
            help=ctx.text(option.help) or None,
        ):
            chosen.append(option.value)
    return chosen


def _text(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id) or "")
    widget = st.text_area if item.long else st.text_input
    return widget(
        _label(ctx, item),
        key=key,
        help=_help(ctx, item),
        max_chars=item.max_length,
        disabled=ctx.disabled,
    )


def _number(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id))
    label = _label(ctx, item)
    if item.unit:
        label = f"{label} ({item.unit.get(ctx.lang)})"
    step = 1 if item.integer else 0.5
    cast = (lambda v: None if v is None else int(v)) if item.integer else (lambda v: v)
    low = cast(item.min) if item.min is not None else None
    high = cast(item.max) if item.max is not None else None
    return st.number_input(
        label,
        min_value=low,
        max_value=high,
        step=step,
        key=key,
        help=_help(ctx, item),
        disabled=ctx.disabled,
        placeholder=pick(ctx.lang, "Ej ifyllt", "Not filled in"),
    )


def _date(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    saved = ctx.initial.get(item.id)
    ctx.seed(key, dt.date.fromisoformat(saved) if saved else None)
    value = st.date_input(
        _label(ctx, item),
        key=key,
        help=_help(ctx, item),
        disabled=ctx.disabled,
        format="YYYY-MM-DD",
    )
    return value.isoformat() if isinstance(value, dt.date) else None


def _column_config(ctx: _Ctx, column: Column):
    label = column.label.get(ctx.lang)
    helptext = ctx.text(column.help) or None
    cc = st.column_config
    if column.kind == "text":
        return cc.TextColumn(
            label, help=helptext, max_chars=column.max_length, required=column.required
        )
    if column.kind in ("number", "scale"):
        return cc.NumberColumn(
            label,
            help=helptext,
            min_value=column.min,
            max_value=column.max,
            step=1 if column.kind == "scale" else None,
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
        format_func=lambda v: names.get(v, v),
        required=column.required,
    )


def table_frame(item, rows: list[dict]) -> pd.DataFrame:
    """Saved rows as the editor's frame: one column per table column, typed."""
    data = {}
    for column in item.columns:
        values = [row.get(column.id) for row in rows]
        if column.kind == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        elif column.kind == "yes_no":
            values = [bool(v) for v in values]
        elif column.kind == "checklist":
            values = [list(v or []) for v in values]
        data[column.id] = pd.Series(values, dtype=_dtype(column), index=range(len(rows)))
    return pd.DataFrame(data, columns=[c.id for c in item.columns])


def _dtype(column: Column) -> str:
    return {"number": "float64", "scale": "float64", "yes_no": "bool"}.get(column.kind, "object")


def frame_rows(item, frame: pd.DataFrame) -> list[dict]:
    """The editor's frame back to answer rows; empty cells are left out."""
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for column in item.columns:
            value = record.get(column.id)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if column.kind == "yes_no":
                if not value:
                    continue  # an unticked box says nothing was claimed
                value = True
            elif column.kind == "scale":
                value = int(value)
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


def _table(ctx: _Ctx, item) -> Any:
    _heading(ctx, item)
    base_key = ctx.key(item.id, "base")
    # The editor keeps edits relative to the frame it was first given: keep that frame
    # for the whole session, even after a draft save changes what is stored.
    if base_key not in st.session_state:
        st.session_state[base_key] = table_frame(item, list(ctx.initial.get(item.id) or []))
    frame = st.data_editor(
        st.session_state[base_key],
        key=ctx.key(item.id),
        num_rows="fixed" if ctx.disabled else "dynamic",
        hide_index=True,
        width="stretch",
        column_config={c.id: _column_config(ctx, c) for c in item.columns},
        disabled=ctx.disabled,
        placeholder="",
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


def _comment(ctx: _Ctx, item) -> str:
    key = ctx.key(item.id, "comment")
    ctx.seed(key, ctx.initial.get(f"{item.id}_comment") or "")
    return st.text_area(
        item.comment.get(ctx.lang), key=key, height=68, max_chars=5000, disabled=ctx.disabled
    )


WIDGETS: dict[str, Callable[[_Ctx, Any], Any]] = {
    "yes_no": _yes_no,
    "scale": _scale,
    "level": _level,
    "choice": _choice,
    "checklist": _checklist,
    "text": _text,
    "number": _number,
    "date": _date,
    "table": _table,
}


def render_form(
    form: Form,
    *,
    context: str,
    initial: Answers | None = None,
    lang: str = "sv",
    disabled: bool = False,
    submit_label: str | None = None,
    allow_draft: bool = True,
) -> Rendered:
    """Draw ``form`` and return what the user entered and the button pressed."""
    ctx = _Ctx(form, context, initial or {}, lang, disabled)
    answers: Answers = {}
    slots: dict[str, Any] = {}
    with st.form(key=ctx.key("form"), enter_to_submit=False):
        for section in form.sections:
            if section.title:
                st.subheader(section.title.get(lang))
            if section.intro:
                st.markdown(section.intro.get(lang))
            for item in section.items:
                if item.kind == "info":
                    st.info(item.text.get(lang))
                    continue
                answers[item.id] = WIDGETS[item.kind](ctx, item)
                if item.comment is not None:
                    answers[f"{item.id}_comment"] = _comment(ctx, item)
                slots[item.id] = st.empty()
        st.caption(
            pick(
                lang,
                "Frågor märkta * måste besvaras innan ni skickar in.",
                "Questions marked * must be answered before you submit.",
            )
        )
        left, right = st.columns(2)
        draft = allow_draft and left.form_submit_button(
            pick(lang, "Spara utkast", "Save draft"), disabled=disabled, width="stretch"
        )
        submit = right.form_submit_button(
            submit_label or pick(lang, "Skicka in", "Submit"),
            type="primary",
            disabled=disabled,
            width="stretch",
        )
    action = SUBMIT if submit else DRAFT if draft else None
    return Rendered(answers=answers, action=action, slots=slots)


def show_problems(rendered: Rendered, problems: list[Problem], lang: str = "sv") -> None:
    """Write each problem in the slot under its item (or at the end if it has none)."""
    by_item: dict[str, list[Problem]] = {}
    for problem in problems:
        item_id = problem.where.split("[")[0].split("/")[0].removesuffix("_comment")
        by_item.setdefault(item_id, []).append(problem)
    for item_id, found in by_item.items():
        slot = rendered.slots.get(item_id)
        text = "  \n".join(f"{_where_text(p.where, lang)}{p.message} ({p.code})" for p in found)
        (slot or st).error(text, icon="⚠️")


def _where_text(where: str, lang: str) -> str:
    if "[" in where:
        return (
            where[where.index("[") + 1 :]
            .replace("]", "")
            .replace("/", pick(lang, ", kolumn ", ", column "))
            + ": "
        )
    return ""
