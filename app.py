"""Stad för stad – the app's frame: page config and navigation (each page draws the
sidebar through ``stadforstad.ui.context.frame``). Run with ``uv run streamlit run app.py``.

An address with an invitation token (``?t=…``) gets the respondent page and nothing
else: a navigation of that single page, hidden, whatever path was asked for."""

import streamlit as st

from stadforstad.ui.context import tr

if st.query_params.get("t") is not None:
    st.set_page_config(page_title="Enkät – Stad för stad", page_icon="📝", layout="centered",
                       initial_sidebar_state="collapsed")
    st.navigation([st.Page("pages/respond.py", title="Enkät", icon="📝", default=True)],
                  position="hidden").run()
    st.stop()

st.set_page_config(page_title="Stad för stad", page_icon="🏙️", layout="wide")

pages = {
    tr("Start", "Start"): [
        st.Page("pages/home.py", title=tr("Översikt", "Overview"), icon="🏠", default=True),
    ],
    tr("Kärngruppen", "Core group"): [
        st.Page("pages/form.py", title=tr("Fyll i formulär", "Fill in a form"), icon="📝"),
        st.Page("pages/group.py", title=tr("Gruppens bild", "The group's picture"), icon="👥"),
    ],
    tr("Kartläggning", "Mapping"): [
        st.Page("pages/links.py", title=tr("Inbjudningslänkar", "Invitation links"), icon="🔗"),
        st.Page("pages/compilation.py", title=tr("Sammanställning", "Compilation"), icon="📊"),
    ],
    tr("Inställningar", "Settings"): [
        st.Page("pages/workspaces.py", title=tr("Kommuner", "Municipalities"), icon="🏛️"),
        st.Page("pages/about.py", title=tr("Om Stad för stad", "About"), icon="ℹ️"),
    ],
}
st.navigation(pages).run()
