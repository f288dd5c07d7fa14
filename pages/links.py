"""Inbjudningslänkar – links to a shareable form for actors outside the app."""

import streamlit as st

from stadforstad.ui.context import frame, tr
from stadforstad.ui.links_page import show_links_page

workspace = frame()
st.title(tr("Inbjudningslänkar", "Invitation links"))
if workspace is None:
    st.info(tr("Skapa eller välj först en kommun under Kommuner.",
               "First create or choose a municipality under Municipalities."))
else:
    show_links_page(workspace)
