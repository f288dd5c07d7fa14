"""The form page for a form the whole group writes (``owner: group``): no "Vem
svarar?", who changed it last, and a save refused because someone else saved first
(STORE_007) shown as the difference, with a choice of what is to stand.

The version the user's screen is based on is kept per form and context: the page
reads the answer anew on every rerun, so the base must be what the widgets were
filled from, not what the database holds now.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from stadforstad.answer_changes import Difference, differences, merge_mine
from stadforstad.errors import StadError
from stadforstad.i18n import time_text
from stadforstad.schema import Form
from stadforstad.ui.context import error_text, get_actor, get_store, tr
from stadforstad.ui.plain import plain
from stadforstad.ui.revisions import answer_text

PAGE = "form_page"
CONFLICT_KEY = f"{PAGE}.conflict"
RELOAD_KEY = f"{PAGE}.reload"


def group_person(workspace_id: int):
    """The municipality's shared respondent: made by the first member who opens the
    form; ``None`` for a reader before anyone has begun."""
    store, actor = get_store(), get_actor()
    create = actor.can_write(workspace_id)
    return store.group_respondent(actor=actor, workspace_id=workspace_id, create=create)


def explain_group(state):
    """What a shared answer is, and who changed it last (a slot, rewritten after a save
    in the same run by :func:`show_changed`)."""
    st.caption(
        tr(
            "Ett gemensamt svar för hela kärngruppen: alla ändrar i samma svar, och varje "
            "version visar vem som ändrade vad.",
            "One shared answer for the whole core group: everyone edits the same answer, and "
            "every version shows who changed what.",
        )
    )
    slot = st.empty()
    show_changed(slot, state)
    return slot


def show_changed(slot, state) -> None:
    if state.changed_by and state.changed_at:
        slot.caption(
            tr(
                f"Senast ändrat av **{plain(state.changed_by)}** {time_text(state.changed_at)} "
                f"(version {state.version}).",
                f"Last changed by **{plain(state.changed_by)}** {time_text(state.changed_at)} "
                f"(version {state.version}).",
            )
        )


def reload_mark(form: Form) -> str:
    """Part of the widgets' context: bumped to fill the widgets anew from the database."""
    return f"-g{st.session_state.get(f'{RELOAD_KEY}.{form.id}', 0)}"


def base_of(form: Form, context: str, state) -> tuple[int, dict[str, Any]]:
    """The version and answers the widgets of ``context`` were filled from."""
    key = f"{PAGE}.base.{form.id}.{context}"
    if key not in st.session_state:
        st.session_state[key] = (state.version, dict(state.working_answers))
    return st.session_state[key]


def keep_base(form: Form, context: str, version: int, answers: dict[str, Any]) -> None:
    st.session_state[f"{PAGE}.base.{form.id}.{context}"] = (version, dict(answers))


def note_conflict(form: Form, context: str, where: dict, mine: dict[str, Any]) -> None:
    """Remember a refused save so the difference can be shown and resolved."""
    version, base = st.session_state.get(f"{PAGE}.base.{form.id}.{context}", (0, {}))
    st.session_state[CONFLICT_KEY] = {
        "form": form.id,
        "where": dict(where),
        "mine": dict(mine),
        "base": base,
        "version": version,
    }


def _fill_anew(form: Form) -> None:
    key = f"{RELOAD_KEY}.{form.id}"
    st.session_state[key] = st.session_state.get(key, 0) + 1
    st.session_state.pop(CONFLICT_KEY, None)


def _keep_mine(form: Form) -> None:
    conflict = st.session_state.get(CONFLICT_KEY)
    if not conflict:
        return
    store, actor = get_store(), get_actor()
    where = conflict["where"]
    try:
        now = store.response_state(actor=actor, form_id=form.id, **where)
        merged = merge_mine(conflict["base"], now.working_answers, conflict["mine"])
        store.save_draft(
            actor=actor, form=form, answers=merged, expected_version=now.version, **where
        )
    except StadError as exc:
        st.session_state[f"{PAGE}.conflict_error"] = error_text(exc)
        return
    _fill_anew(form)


def show_conflict(form: Form, lang: str) -> None:
    """The difference between the saved version and what this user typed, and the two
    ways on: keep my changes on top of theirs, or take theirs."""
    problem = st.session_state.pop(f"{PAGE}.conflict_error", None)
    if problem:
        st.error(problem)
    conflict = st.session_state.get(CONFLICT_KEY)
    if not conflict or conflict["form"] != form.id:
        return
    store, actor = get_store(), get_actor()
    now = store.response_state(actor=actor, form_id=form.id, **conflict["where"])
    theirs = now.working_answers
    who = plain(now.changed_by) if now.changed_by else None
    saved_by = tr(f"Sparat av {now.changed_by or '–'}", f"Saved by {now.changed_by or '–'}")
    rows = [
        {tr("Fråga", "Question"): label, saved_by: their_text, tr("Ert", "Yours"): my_text}
        for diff in differences(theirs, conflict["mine"])
        for label, their_text, my_text in _difference_lines(form, diff, lang)
    ]
    with st.container(border=True):
        st.warning(
            tr(
                f"**Någon annan sparade först.** {who or 'En annan medlem'} sparade "
                f"planen {time_text(now.changed_at) if now.changed_at else ''} (version "
                f"{now.version}); ert senaste fält sparades inte, och inget är skrivet över. "
                "Här är skillnaden – välj vad som ska gälla. (STORE_007)",
                f"**Someone else saved first.** {who or 'Another member'} saved "
                f"{time_text(now.changed_at) if now.changed_at else ''} (version {now.version}); "
                "your latest field was not saved, and nothing was overwritten. Here is the "
                "difference – choose what is to stand. (STORE_007)",
            ),
            icon="⚠️",
        )
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        left, right = st.columns(2)
        left.button(
            tr("Behåll mina ändringar ovanpå deras", "Keep my changes on top of theirs"),
            key=f"{PAGE}.keep_mine",
            on_click=_keep_mine,
            args=(form,),
            type="primary",
        )
        right.button(
            tr("Ta deras version", "Take their version"),
            key=f"{PAGE}.take_theirs",
            on_click=_fill_anew,
            args=(form,),
        )


def _difference_lines(form: Form, diff: Difference, lang: str) -> list[tuple[str, str, str]]:
    """One line per question that differs; a table gets one line per row that differs
    ("Delmål, rad 2"), each row's cells written out, so a member sees what changed."""
    try:
        item = form.item(diff.item_id)
    except KeyError:  # a comment: "<item>_comment"
        return [(diff.item_id, str(diff.theirs or "–"), str(diff.mine or "–"))]
    label = item.label.get(lang)
    if item.kind != "table":
        return [(label, answer_text(item, diff.theirs, lang), answer_text(item, diff.mine, lang))]
    theirs, mine = list(diff.theirs or []), list(diff.mine or [])
    lines = []
    for index in range(max(len(theirs), len(mine))):
        their_row = theirs[index] if index < len(theirs) else None
        my_row = mine[index] if index < len(mine) else None
        if their_row != my_row:
            lines.append(
                (
                    tr(f"{label}, rad {index + 1}", f"{label}, row {index + 1}"),
                    _row_text(item, their_row, lang),
                    _row_text(item, my_row, lang),
                )
            )
    return lines


def _row_text(item, row: dict | None, lang: str) -> str:
    """A table row as "Column: value; …" (its filled cells), "–" for no row."""
    if not row:
        return "–"
    return "; ".join(
        f"{column.label.get(lang)}: {answer_text(column, row[column.id], lang)}"
        for column in item.columns
        if answer_text(column, row.get(column.id), lang) != "–"
    )
