"""Fyll i formulär – every form, through the one generic renderer."""

import streamlit as st

from stadforstad.ui.context import frame, get_actor, tr
from stadforstad.ui.form_page import show_form_page

st.title(tr("Fyll i formulär", "Fill in a form"))
workspace = frame()
actor = get_actor()
if workspace is None:
    if actor.is_admin:
        st.info(tr("Skapa eller välj först en kommun under Kommuner.",
                   "First create or choose a municipality under Municipalities."))
        st.page_link("pages/workspaces.py", label=tr("Till Kommuner", "To Municipalities"),
                     icon=":material/location_city:")
    else:
        st.info(tr("Ni har ännu ingen behörighet till någon kommun. Be en administratör.",
                   "You have no access to any municipality yet. Ask an administrator."))
elif not actor.can_write(workspace.id):
    st.info(tr(f"Ni kan läsa {workspace.name} men inte fylla i formulär där (AUTH_001).",
               f"You can read {workspace.name} but not fill in forms there (AUTH_001)."))
else:
    show_form_page(workspace)
