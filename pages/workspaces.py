"""Kommuner – the municipalities (workspaces) and creating a new one."""

import pandas as pd
import streamlit as st

from stadforstad.errors import StadError
from stadforstad.ui.context import WORKSPACE_NEXT_KEY, frame, get_actor, get_store, tr

FLASH = "workspaces.flash"
frame()
store, actor = get_store(), get_actor()
st.title(tr("Kommuner", "Municipalities"))
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

if actor.is_admin:
    with st.form("workspaces.create", clear_on_submit=True):
        name = st.text_input(
            tr("Kommunens namn", "Name of the municipality"),
            max_chars=200,
            placeholder="t.ex. Landskrona",
        )
        if st.form_submit_button(tr("Skapa kommun", "Create municipality"), type="primary"):
            try:
                created = store.create_workspace(actor=actor, name=name)
            except StadError as exc:
                st.error(f"{exc.problems[0].message} ({exc.code})")
            else:
                st.session_state[WORKSPACE_NEXT_KEY] = created.id
                st.session_state[FLASH] = tr(
                    f"{created.name} är skapad och vald.", f"{created.name} is created and chosen."
                )
                st.rerun()

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
