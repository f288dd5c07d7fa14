"""Fyll i formulär – every form, through the one generic renderer."""

import streamlit as st

from stadforstad.ui.context import frame, tr
from stadforstad.ui.form_page import show_form_page

st.title(tr("Fyll i formulär", "Fill in a form"))
workspace = frame()
if workspace is None:
    st.info(tr("Skapa eller välj först en kommun under Kommuner.",
               "First create or choose a municipality under Municipalities."))
    st.page_link("pages/workspaces.py", label=tr("Till Kommuner", "To Municipalities"), icon=":material/location_city:")
else:
    show_form_page(workspace)
