"""Saving on the form page: the draft kept as the user leaves a field, the note on what
is being continued, and the rows a table starts with from another form."""

from __future__ import annotations

import streamlit as st

from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.errors import STORE_STALE, AnswerError, StadError
from stadforstad.i18n import time_text
from stadforstad.render import drop_problems, show_problems
from stadforstad.schema import Form
from stadforstad.shared_rows import shared_rows
from stadforstad.ui.context import error_text, get_actor, get_store, tr
from stadforstad.ui.group_form import keep_base, note_conflict


def saved_text(saved_at) -> str:
    return tr(
        f"✓ Utkastet sparades {time_text(saved_at, '%H:%M:%S')} "
        f"({time_text(saved_at, '%Y-%m-%d')}). Det ni fyller i sparas när ni lämnar ett fält.",
        f"✓ Draft saved at {time_text(saved_at, '%H:%M:%S')} "
        f"({time_text(saved_at, '%Y-%m-%d')}). What you fill in is kept when you leave a field.",
    )


def save_draft(
    form: Form,
    rendered,
    where: dict,
    state,
    lang: str,
    *,
    quiet: bool = False,
    context: str = "",
    expected_version: int | None = None,
):
    """Keep what is on screen as the draft. Values that do not fit (text in a number
    field, a number out of range) are flagged at their item and left out of the draft;
    everything else is kept. Returns the state after saving. A shared answer
    (``expected_version`` given) saved by someone else since is not overwritten: the
    difference is shown instead."""
    store, actor = get_store(), get_actor()
    answers = rendered.answers
    try:
        check_answers(form, answers, partial=True)
    except AnswerError as exc:
        if not quiet:
            show_problems(rendered, exc.problems, lang)
        answers = drop_problems(answers, exc.problems)
    try:
        latest = store.save_draft(
            actor=actor, form=form, answers=answers, expected_version=expected_version, **where
        )
    except StadError as exc:
        if exc.code == STORE_STALE:
            note_conflict(form, context, where, answers)
            st.rerun()
        st.error(error_text(exc))
        return state
    if expected_version is not None:
        keep_base(form, context, latest.version, latest.working_answers)
    if rendered.status is not None and latest.draft_saved_at is not None:
        rendered.status.caption(saved_text(latest.draft_saved_at))
    return latest


def with_shared_rows(form: Form, workspace_id: int, answers: dict, lang: str) -> tuple[dict, str]:
    """Tables linked to another form (``rows_from``) that have no saved rows start with
    the rows of the workspace's latest submitted response to that form, and say so.
    Returns the answers to start from and a mark of the sources used ("" for none)."""
    store, actor = get_store(), get_actor()
    answers, marks = dict(answers), []
    for item in form.answerable():
        link = getattr(item, "rows_from", None)
        if link is None or answers.get(item.id):
            continue
        found = shared_rows(
            item, store.submitted(actor=actor, workspace_ids=[workspace_id], form_id=link.form)
        )
        if found is None:
            continue
        answers[item.id] = found.rows
        marks.append(f"-{item.id}@{found.saved_at:%Y%m%d%H%M%S%f}")
        source = load_form(found.form_id).title.get(lang)
        what = (
            tr("Aktörerna", "The actors")
            if item.row_label and item.row_label.sv == "aktör"
            else tr("Raderna", "The rows")
        )
        st.info(
            tr(
                f"{what} är hämtade från »{source}«, senast inskickat "
                f"{time_text(found.saved_at, '%Y-%m-%d')}, så att ni inte behöver skriva dem två "
                "gånger. Ändra, ta bort eller lägg till rader; de sparas med utkastet när ni "
                "ändrar något.",
                f"{what} come from “{source}”, last submitted "
                f"{time_text(found.saved_at, '%Y-%m-%d')}, so you need not type them twice. "
                "Change, remove or add rows; they are kept with the draft when you change "
                "something.",
            ),
            icon="🔗",
        )
    return answers, "".join(marks)


def show_state(slot, state) -> None:
    """The note at the top: a draft being continued, or the last submission."""
    if state.draft is not None and state.draft_saved_at:
        slot.info(
            tr(
                f"Ni fortsätter på ett utkast sparat {time_text(state.draft_saved_at)}.",
                f"You are continuing a draft saved {time_text(state.draft_saved_at)}.",
            ),
            icon="📝",
        )
    elif state.revision:
        slot.caption(
            tr(
                f"Inskickat {time_text(state.submitted_at)} (version {state.revision}). "
                "Ändrar ni och skickar in igen sparas en ny version; den gamla finns kvar.",
                f"Submitted {time_text(state.submitted_at)} (version {state.revision}). "
                "If you change and submit again a new version is kept; the old one stays.",
            )
        )
    else:
        slot.empty()
