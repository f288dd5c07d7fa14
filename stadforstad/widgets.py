"""One Streamlit widget per item kind, drawn by ``render_form`` (``stadforstad.render``)
through its ``WIDGETS`` table; tables have their own module, ``table_widget``.

Numbers are typed as text and read by ``parse_number`` ("12,5" is twelve and a half):
Streamlit's number widgets turn "12,5" into 125 and "tolv" into nothing (or 0 in a
table) without a word. Text that is not a number is passed on as it is, so the answer
check flags it at its item or cell and nothing typed disappears silently.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import streamlit as st

from stadforstad.answers import Answers
from stadforstad.i18n import (
    PLACEHOLDER_CHOOSE,
    PLACEHOLDER_CHOOSE_OR_TYPE,
    number_text,
    parse_number,
    pick,
)
from stadforstad.schema import Form
from stadforstad.ui.plain import escape_markdown


class WidgetContext:
    """What every widget of one drawn form shares: its keys, saved answers, language."""

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


def _label(ctx: WidgetContext, item) -> str:
    label = item.label.get(ctx.lang)
    return f"{label} *" if item.required else label


def heading(ctx: WidgetContext, item) -> None:
    """An item's label in bold with the required mark, and its help under it."""
    mark = " \\*" if item.required else ""
    st.markdown(f"**{escape_markdown(item.label.get(ctx.lang))}**{mark}")
    if item.help:
        st.caption(escape_markdown(item.help.get(ctx.lang)))


def _lang(ctx: WidgetContext) -> str:
    return "en" if ctx.lang == "en" else "sv"


def _help(ctx: WidgetContext, item) -> str | None:
    return item.help.get(ctx.lang) if item.help else None


# -- one widget per kind ------------------------------------------------------------
def yes_no_widget(ctx: WidgetContext, item) -> Any:
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


def scale_widget(ctx: WidgetContext, item) -> Any:
    key = ctx.key(item.id)
    ctx.seed(key, ctx.initial.get(item.id))
    ends = {item.min: item.min_label, item.max: item.max_label}

    def show(value: int) -> str:
        end = ends.get(value)
        return f"{value} – {end.get(ctx.lang)}" if end else str(value)

    if item.help:
        heading(ctx, item)
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


def level_widget(ctx: WidgetContext, item) -> Any:
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


def choice_widget(ctx: WidgetContext, item) -> Any:
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


def checklist_widget(ctx: WidgetContext, item) -> Any:
    heading(ctx, item)
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


def text_widget(ctx: WidgetContext, item) -> Any:
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


def number_widget(ctx: WidgetContext, item) -> Any:
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


def date_widget(ctx: WidgetContext, item) -> Any:
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


def comment_widget(ctx: WidgetContext, item) -> str:
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
