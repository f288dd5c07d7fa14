"""Sammanställning – the answers through invitation links, compiled."""

import streamlit as st

from stadforstad.ui.compilation_page import show_compilation_page
from stadforstad.ui.context import frame, tr
from stadforstad.ui.headings import heading

workspace = frame()
heading(tr("Sammanställning", "Compilation"), 1)
if workspace is None:
    st.info(
        tr(
            "Skapa eller välj först en kommun under Kommuner.",
            "First create or choose a municipality under Municipalities.",
        )
    )
else:
    show_compilation_page(workspace)
