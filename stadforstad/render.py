"""One generic renderer: any form becomes Streamlit widgets.

``render_form`` draws the form inside one ``st.form`` (answers are batched into one
rerun), tables as ``st.data_editor``, and under each item an empty slot where
``show_problems`` puts that item's validation messages. No form has a page of its own.

With ``autosave=True`` (the members' form page) there is no ``st.form``: every widget
reports a change as the user leaves it, and the page saves a draft then, so a reload
loses at most the field being typed.

Numbers are typed as text and read by ``parse_number`` ("12,5" is twelve and a half):
Streamlit's number widgets turn "12,5" into 125 and "tolv" into nothing (or 0 in a
table) without a word. Text that is not a number is passed on as it is, so the answer
check flags it at its item or cell and nothing typed disappears silently.

Widget keys are ``f"{form.id}.{context}.{item.id}"``: the context (workspace,
respondent, round) keeps one person's unsaved answers from showing under another's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from stadforstad.answers import Answers
from stadforstad.errors import Problem, in_language
from stadforstad.i18n import (
    PLACEHOLDER_CHOOSE,
    PLACEHOLDER_CHOOSE_OR_TYPE,
    number_text,
    parse_number,
    pick,
)
from stadforstad.other_answers import (
    OTHER_MAX_CHARS,
    both_given,
    has_other,
    other_id,
    other_value,
    typed_text,
)
from stadforstad.schema import Column, Form

DRAFT = "draft"
SUBMIT = "submit"
#: A widget changed (``autosave``): the page keeps the answers as a draft.
AUTOSAVE = "autosave"


@dataclass
class Rendered:
    """What the user entered, which button they pressed, and where messages go."""

    answers: Answers
    action: str | None
    slots: dict[str, Any]
    #: Where the page says when the draft was saved (above the buttons); ``None`` if
    #: the form was drawn without ``autosave``.
    status: Any = None
    #: ``"item/column"`` → the column's label, to name a table's cell in a message.
    columns: dict[str, str] = field(default_factory=dict)


class _Ctx:
    def __init__(
        self,
        form: Form,
        context: str,
        initial: Answers,
        lang: str,
        disabled: bool,
        autosave: bool = False,
    ):
        self.form = form
        self.prefix = f"{form.id}.{context}"
        self.initial = initial
        self.lang = lang
        self.disabled = disabled
        self.autosave = autosave and not disabled
        seen = self.key("lang")
        self.lang_changed = st.session_state.get(seen, lang) != lang
        st.session_state[seen] = lang

    def key(self, *parts: str) -> str:
        return ".".join((self.prefix, *parts))

    @property
    def changed_key(self) -> str:
        return self.key("changed")

    def on_change(self) -> dict[str, Any]:
        """Widget arguments that report a change (``autosave``); none otherwise (a
        widget inside ``st.form`` may not have a callback)."""
        if not self.autosave:
            return {}
        return {"on_change": _mark_changed, "args": (self.changed_key,)}

    def seed(self, key: str, value: Any) -> None:
        """Put the saved value in the widget's state the first time it is drawn."""
        if key not in st.session_state:
            st.session_state[key] = value

    def text(self, text) -> str:
        return text.get(self.lang) if text is not None else ""


def _mark_changed(key: str) -> None:
    st.session_state[key] = True


def keep_shown_value(key: str, lang_changed: bool) -> None:
    """A drop-down keeps its value as the text of the option chosen: when the options'
    texts change language, the browser goes on showing the old text unless the value
    is set again. Call before drawing the drop-down."""
    if lang_changed and key in st.session_state:
        st.session_state[key] = st.session_state[key]


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


def _lang(ctx: _Ctx) -> str:
    return "en" if ctx.lang == "en" else "sv"


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
        **ctx.on_change(),
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
        **ctx.on_change(),
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
        **ctx.on_change(),
    )


def _choice(ctx: _Ctx, item) -> Any:
    key = ctx.key(item.id)
    names = {o.value: o.label.get(ctx.lang) for o in item.options}
    saved = ctx.initial.get(item.id)
    keep_shown_value(key, ctx.lang_changed)
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
            placeholder=PLACEHOLDER_CHOOSE[_lang(ctx)],
            **ctx.on_change(),
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
        placeholder=(PLACEHOLDER_CHOOSE_OR_TYPE if item.allow_other else PLACEHOLDER_CHOOSE)[
            _lang(ctx)
        ],
        **ctx.on_change(),
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
            **ctx.on_change(),
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
        **ctx.on_change(),
    )


def _number(ctx: _Ctx, item) -> Any:
    """A number typed as text (see the module's note): the number, or the text as typed
    when it is not one, for the answer check to flag at the item."""
    key = ctx.key(item.id)
    ctx.seed(key, number_text(ctx.initial.get(item.id), ctx.lang).replace("–", ""))
    label = _label(ctx, item)
    unit = item.unit.get(ctx.lang) if item.unit else ""
    if unit and unit.casefold() not in label.casefold():  # not "i månader (månader)"
        label = f"{label} ({unit})"
    typed = st.text_input(
        label,
        key=key,
        help=_help(ctx, item),
        disabled=ctx.disabled,
        max_chars=40,
        placeholder=pick(ctx.lang, "Ej ifyllt, t.ex. 12", "Not filled in, e.g. 12"),
        **ctx.on_change(),
    )
    return read_number(typed)


def read_number(typed: Any) -> Any:
    """What a number field or cell holds: ``None`` when empty, the number when it is
    one ("12,5" → 12.5), else the text exactly as typed."""
    if typed is None or (isinstance(typed, float) and math.isnan(typed)):
        return None
    if isinstance(typed, (int, float)):
        return typed
    text = str(typed)
    if not text.strip():
        return None
    number = parse_number(text)
    return text if number is None else number


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
        **ctx.on_change(),
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


def _other_config(ctx: _Ctx, column: Column):
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


def _editor_columns(ctx: _Ctx, item) -> dict[str, Any]:
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


def _table(ctx: _Ctx, item) -> Any:
    _heading(ctx, item)
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


def _comment(ctx: _Ctx, item) -> str:
    key = ctx.key(item.id, "comment")
    ctx.seed(key, ctx.initial.get(f"{item.id}_comment") or "")
    return st.text_area(
        item.comment.get(ctx.lang),
        key=key,
        height=68,
        max_chars=5000,
        disabled=ctx.disabled,
        **ctx.on_change(),
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
    autosave: bool = False,
) -> Rendered:
    """Draw ``form`` and return what the user entered and the button pressed.

    ``autosave``: no ``st.form``; a changed widget makes the action ``AUTOSAVE`` (the
    caller saves a draft) and ``Rendered.status`` is where to say so."""
    ctx = _Ctx(form, context, initial or {}, lang, disabled, autosave)
    answers: Answers = {}
    slots: dict[str, Any] = {}
    frame = (
        contextlib.nullcontext()
        if autosave
        else st.form(key=ctx.key("form"), enter_to_submit=False)
    )
    with frame:
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
        status = st.empty() if autosave else None
        left, right = st.columns(2)
        draft_label = pick(lang, "Spara utkast", "Save draft")
        submit_text = submit_label or pick(lang, "Skicka in", "Submit")
        if autosave:
            draft = allow_draft and left.button(
                draft_label, key=ctx.key("draft"), disabled=disabled, width="stretch"
            )
            submit = right.button(
                submit_text,
                key=ctx.key("submit"),
                type="primary",
                disabled=disabled,
                width="stretch",
            )
        else:
            draft = allow_draft and left.form_submit_button(
                draft_label, disabled=disabled, width="stretch"
            )
            submit = right.form_submit_button(
                submit_text, type="primary", disabled=disabled, width="stretch"
            )
    changed = bool(st.session_state.pop(ctx.changed_key, False))
    action = SUBMIT if submit else DRAFT if draft else AUTOSAVE if changed else None
    columns = {
        f"{item.id}/{column.id}": column.label.get(lang)
        for item in form.answerable()
        if item.kind == "table"
        for column in item.columns
    }
    return Rendered(answers=answers, action=action, slots=slots, status=status, columns=columns)


def show_problems(rendered: Rendered, problems: list[Problem], lang: str = "sv") -> None:
    """Write each problem in the slot under its item (or at the end if it has none);
    a table's problems name the row and the column by its label."""
    by_item: dict[str, list[Problem]] = {}
    for problem in problems:
        item_id = (problem.item or "").removesuffix("_comment")
        by_item.setdefault(item_id, []).append(problem)
    for item_id, found in by_item.items():
        slot = rendered.slots.get(item_id)
        text = "  \n".join(
            f"{_where_text(p, lang, rendered.columns)}"
            f"{escape_markdown(in_language(p.message, lang))} ({p.code})"
            for p in found
        )
        (slot or st).error(text, icon="⚠️")


def _where_text(problem: Problem, lang: str, columns: dict[str, str] | None = None) -> str:
    """A table cell's place for the reader: "Rad 2, kolumn »Stöd«: "; nothing for an
    item (the message sits under it)."""
    if problem.item is None or problem.row is None:
        return ""
    text = pick(lang, f"Rad {problem.row}", f"Row {problem.row}")
    if problem.column:
        label = (columns or {}).get(f"{problem.item}/{problem.column}", problem.column)
        text += pick(lang, f", kolumn »{label}«", f", column “{label}”")
    return text + ": "


def drop_problems(answers: Answers, problems: list[Problem]) -> Answers:
    """``answers`` without the values the problems point at (an item, or one cell or
    row of a table), so the rest can be kept as a draft."""
    kept = dict(answers)
    for problem in problems:
        if problem.item is None:
            continue
        if problem.row is None:
            kept.pop(problem.item, None)
            continue
        rows = kept.get(problem.item)
        index = problem.row - 1
        if not isinstance(rows, list) or not 0 <= index < len(rows):
            continue
        if problem.column is None:
            rows = [r for i, r in enumerate(rows) if i != index]
        else:
            rows = list(rows)
            rows[index] = {k: v for k, v in rows[index].items() if k != problem.column}
        kept[problem.item] = rows
    return kept
