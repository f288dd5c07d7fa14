"""Inbjudningslänkar – links to a shareable form for actors outside the app."""

import streamlit as st

from stadforstad.ui.context import frame, get_actor, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.links_page import show_links_page
from stadforstad.ui.plain import plain

workspace = frame()
heading(tr("Inbjudningslänkar", "Invitation links"), 1)
if workspace is None:
    st.info(
        tr(
            "Skapa eller välj först en kommun under Kommuner.",
            "First create or choose a municipality under Municipalities.",
        )
    )
elif not get_actor().can_write(workspace.id):
    st.info(
        tr(
            f"Ni kan läsa {plain(workspace.name)} men inte skapa inbjudningslänkar där (AUTH_001).",
            f"You can read {plain(workspace.name)} but not make invitation links there (AUTH_001).",
        )
    )
else:
    show_links_page(workspace)
