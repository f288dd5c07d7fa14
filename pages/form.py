"""Fyll i formulär – every form, through the one generic renderer."""

import streamlit as st

from stadforstad.ui.context import explain_no_workspace, frame, get_actor, tr
from stadforstad.ui.form_page import show_form_page
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain

heading(tr("Fyll i formulär", "Fill in a form"), 1)
workspace = frame()
actor = get_actor()
if workspace is None:
    explain_no_workspace(
        actor,
        "Skapa eller välj först en kommun under Kommuner.",
        "First create or choose a municipality under Municipalities.",
    )
elif not actor.can_write(workspace.id):
    st.info(
        tr(
            f"Ni kan läsa {plain(workspace.name)} men inte fylla i formulär där (AUTH_001).",
            f"You can read {plain(workspace.name)} but not fill in forms there (AUTH_001).",
        )
    )
else:
    show_form_page(workspace)
