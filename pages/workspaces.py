"""Kommuner – the municipalities (workspaces): create, rename and delete (with a
confirmation that says what goes with it). Every change is in the audit log."""

import pandas as pd
import streamlit as st

from stadforstad.errors import StadError
from stadforstad.limits import NAME_LENGTH
from stadforstad.ui.context import WORKSPACE_NEXT_KEY, error_text, frame, get_actor, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain

FLASH = "workspaces.flash"
frame()
store, actor = get_store(), get_actor()
heading(tr("Kommuner", "Municipalities"), 1)
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
st.markdown(
    tr(
        "Varje kommun (eller lokalt område) som gör Stad för stad-processen har en egen "
        "arbetsyta med kärngruppens svar.",
        "Each municipality (or local area) doing the Stad för stad process has its own "
        "workspace with the core group's answers.",
    )
)


def done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


if actor.is_admin:
    with st.form("workspaces.create", clear_on_submit=True):
        name = st.text_input(
            tr("Kommunens namn", "Name of the municipality"),
            max_chars=NAME_LENGTH,
            placeholder=tr("t.ex. Landskrona", "e.g. Landskrona"),
        )
        if st.form_submit_button(tr("Skapa kommun", "Create municipality"), type="primary"):
            try:
                created = store.create_workspace(actor=actor, name=name)
            except StadError as exc:
                st.error(error_text(exc))
            else:
                st.session_state[WORKSPACE_NEXT_KEY] = created.id
                done(
                    tr(
                        f"{plain(created.name)} är skapad och vald.",
                        f"{plain(created.name)} is created and chosen.",
                    )
                )

workspaces = store.list_workspaces(actor=actor)
if workspaces:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("Kommun", "Municipality"): w.name,
                    tr("Skapad", "Created"): f"{w.created_at:%Y-%m-%d}",
                    tr("Demo", "Demo"): "✓" if w.is_demo else "",
                }
                for w in workspaces
            ]
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(
        tr(
            "Det finns ingen kommun än. Skapa den första ovan.",
            "There is no municipality yet. Create the first one above.",
        )
    )

if actor.is_admin and workspaces:
    by_id = {w.id: w for w in workspaces}
    heading(tr("Byt namn eller ta bort", "Rename or delete"), 2)
    chosen = st.selectbox(
        tr("Kommun", "Municipality"),
        list(by_id),
        format_func=lambda i: by_id[i].name,
        key="workspaces.chosen",
    )
    place = by_id[chosen]
    rename, remove = st.columns(2)
    with rename, st.form("workspaces.rename"):
        new_name = st.text_input(
            tr("Nytt namn", "New name"),
            value=place.name,
            max_chars=NAME_LENGTH,
            key=f"workspaces.new_name.{place.id}",
        )
        if st.form_submit_button(tr("Byt namn", "Rename")):
            try:
                renamed = store.rename_workspace(actor=actor, workspace_id=place.id, name=new_name)
            except StadError as exc:
                st.error(error_text(exc))
            else:
                done(
                    tr(
                        f"{plain(place.name)} heter nu {plain(renamed.name)}.",
                        f"{plain(place.name)} is now called {plain(renamed.name)}.",
                    )
                )
    with remove, st.form("workspaces.delete"):
        contents = store.workspace_contents(actor=actor, workspace_id=place.id)
        st.markdown(
            tr(
                f"Allt i {plain(place.name)} raderas: {contents['respondents']} deltagare, "
                f"{contents['responses']} svar med alla versioner, {contents['links']} "
                f"inbjudningslänkar och {contents['link_answers']} svar via länk. "
                "Granskningsloggen behåller att det gjordes.",
                f"Everything in {plain(place.name)} is deleted: {contents['respondents']} "
                f"participants, {contents['responses']} responses with every version, "
                f"{contents['links']} invitation links and {contents['link_answers']} answers "
                "through links. The audit log keeps that it was done.",
            )
        )
        sure = st.checkbox(
            tr(
                "Ja, ta bort kommunen och allt den innehåller. Det går inte att ångra.",
                "Yes, delete the municipality and everything in it. This cannot be undone.",
            ),
            key=f"workspaces.sure.{place.id}",
        )
        if st.form_submit_button(tr("Ta bort kommunen", "Delete the municipality")):
            if not sure:
                st.warning(tr("Kryssa i rutan för att bekräfta.", "Tick the box to confirm."))
            else:
                try:
                    store.delete_workspace(actor=actor, workspace_id=place.id)
                except StadError as exc:
                    st.error(error_text(exc))
                else:
                    done(
                        tr(f"{plain(place.name)} är borttagen.", f"{plain(place.name)} is deleted.")
                    )
