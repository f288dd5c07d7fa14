"""One generic renderer: any form becomes Streamlit widgets.

``render_form`` draws the form inside one ``st.form`` (answers are batched into one
rerun), one widget per item kind (``WIDGETS``; ``stadforstad.widgets``, tables in
``stadforstad.table_widget``), and under each item an empty slot where
``show_problems`` puts that item's validation messages. No form has a page of its own.

With ``autosave=True`` (the members' form page) there is no ``st.form``: every widget
reports a change as the user leaves it, and the page saves a draft then, so a reload
loses at most the field being typed.

Widget keys are ``f"{form.id}.{context}.{item.id}"``: the context (workspace,
respondent, round) keeps one person's unsaved answers from showing under another's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from stadforstad.answers import Answers
from stadforstad.errors import Problem, in_language
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.table_widget import table_widget
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import escape_markdown
from stadforstad.widgets import (
    WidgetContext,
    checklist_widget,
    choice_widget,
    comment_widget,
    date_widget,
    level_widget,
    number_widget,
    scale_widget,
    text_widget,
    yes_no_widget,
)

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


WIDGETS: dict[str, Callable[[WidgetContext, Any], Any]] = {
    "yes_no": yes_no_widget,
    "scale": scale_widget,
    "level": level_widget,
    "choice": choice_widget,
    "checklist": checklist_widget,
    "text": text_widget,
    "number": number_widget,
    "date": date_widget,
    "table": table_widget,
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
    section_level: int = 3,
) -> Rendered:
    """Draw ``form`` and return what the user entered and the button pressed.

    ``autosave``: no ``st.form``; a changed widget makes the action ``AUTOSAVE`` (the
    caller saves a draft) and ``Rendered.status`` is where to say so.
    ``section_level``: the sections' headings, one below the form's title (3 under the
    form page's level-2 title; 2 on the respondent page, where the form's title is
    the page's)."""
    ctx = WidgetContext(form, context, initial or {}, lang, disabled, autosave)
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
                heading(section.title.get(lang), section_level)
            if section.intro:
                st.markdown(section.intro.get(lang))
            for item in section.items:
                if item.kind == "info":
                    st.info(item.text.get(lang))
                    continue
                answers[item.id] = WIDGETS[item.kind](ctx, item)
                if item.comment is not None:
                    answers[f"{item.id}_comment"] = comment_widget(ctx, item)
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
