"""Candidate actors for the actor forms of step 3 (samverkansnivaer, aktorsanalys):
the actors named as points of contact in "Hitta målgruppen och kontaktytan", offered,
never forced. The group picks which to add; they are added as rows to the actors
table's draft, and the table is drawn anew with them.
"""

from __future__ import annotations

import streamlit as st

from scoring.actors import actor_key
from stadforstad.catalog import load_form
from stadforstad.errors import StadError
from stadforstad.instruments.kontaktyta import candidate_actors
from stadforstad.schema import Form, TableItem
from stadforstad.storage.rated import rated
from stadforstad.ui.context import error_text, get_actor, get_store, tr

SOURCE_FORM = "malgrupp_kontaktyta"
#: The forms that are offered the candidates.
TARGET_FORMS = ("samverkansnivaer", "aktorsanalys")
PAGE = "candidates"


def _actors_table(form: Form) -> TableItem | None:
    for item in form.answerable():
        if isinstance(item, TableItem) and item.rows_from is not None:
            return item
    return None


def offer_candidates(
    form: Form, *, workspace_id: int, respondent_id: int, round_no: int, answers: dict, lang: str
) -> str:
    """Offer the candidates not yet in the actors table (``answers``: what the form
    starts from, shared rows included). Returns a mark for the form's
    widget context that changes when rows were added (the table starts afresh)."""
    item = _actors_table(form) if form.id in TARGET_FORMS else None
    if item is None or item.rows_from is None:
        return ""
    column = item.rows_from.to_column
    added_key = f"{PAGE}.{form.id}.added"
    mark = f"-c{st.session_state.get(added_key, 0)}"
    store, actor = get_store(), get_actor()
    rows = store.submitted(actor=actor, workspace_ids=[workspace_id], form_id=SOURCE_FORM)
    if not rows:
        return mark
    latest = max(r.round for r in rows)
    source = load_form(SOURCE_FORM)
    responses = rated(r for r in rows if r.round == latest)
    present = {actor_key(str(row.get(column) or "")) for row in answers.get(item.id) or []}
    offered = [n for n in candidate_actors(source, responses, lang) if actor_key(n) not in present]
    if not offered:
        return mark
    title = source.title.get(lang)
    with st.expander(
        tr(
            f"Förslag på aktörer från »{title}« ({len(offered)})",
            f"Suggested actors from “{title}” ({len(offered)})",
        ),
        icon="💡",
    ):
        st.caption(
            tr(
                "Aktörerna ni angav som kontaktytor för de sårbara målgrupperna. Välj dem ni "
                "vill ha med; de läggs till som rader i tabellen nedan. Inget läggs till utan "
                "att ni väljer det.",
                "The actors you gave as points of contact for the vulnerable target groups. "
                "Choose those you want; they are added as rows to the table below. Nothing is "
                "added unless you choose it.",
            )
        )
        chosen = st.multiselect(
            tr("Aktörer att lägga till", "Actors to add"),
            offered,
            key=f"{PAGE}.{form.id}.chosen",
            placeholder=tr("Välj aktörer", "Choose actors"),
        )
        st.button(
            tr("Lägg till i tabellen", "Add to the table"),
            key=f"{PAGE}.{form.id}.add",
            disabled=not chosen,
            on_click=_add,
            args=(
                form,
                item.id,
                column,
                list(chosen),
                workspace_id,
                respondent_id,
                round_no,
                answers,
            ),
        )
    problem = st.session_state.pop(f"{PAGE}.error", None)
    if problem:
        st.error(problem)
    return mark


def _add(
    form: Form,
    item_id: str,
    column: str,
    names: list[str],
    workspace_id: int,
    respondent_id: int,
    round_no: int,
    answers: dict,
) -> None:
    updated = dict(answers)
    updated[item_id] = [*(answers.get(item_id) or []), *({column: n} for n in names)]
    try:
        get_store().save_draft(
            actor=get_actor(),
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form=form,
            answers=updated,
            round=round_no,
        )
    except StadError as exc:
        st.session_state[f"{PAGE}.error"] = error_text(exc)
        return
    added_key = f"{PAGE}.{form.id}.added"
    st.session_state[added_key] = st.session_state.get(added_key, 0) + 1
    st.session_state.pop(f"{PAGE}.{form.id}.chosen", None)
