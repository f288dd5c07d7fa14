"""Stad för stad – the app's frame: page config and navigation (each page draws the
sidebar through ``stadforstad.ui.context.frame``). Run with ``uv run streamlit run app.py``."""

import streamlit as st

from stadforstad.ui.context import APP_RAN_KEY, tr

st.set_page_config(page_title="Stad för stad", page_icon="🏙️", layout="wide")
st.session_state[APP_RAN_KEY] = True

pages = {
    tr("Start", "Start"): [
        st.Page("pages/home.py", title=tr("Översikt", "Overview"), icon=":material/home:", default=True),
    ],
    tr("Kärngruppen", "Core group"): [
        st.Page("pages/form.py", title=tr("Fyll i formulär", "Fill in a form"), icon=":material/edit_note:"),
        st.Page("pages/group.py", title=tr("Gruppens bild", "The group's picture"), icon=":material/groups:"),
    ],
    tr("Inställningar", "Settings"): [
        st.Page("pages/workspaces.py", title=tr("Kommuner", "Municipalities"), icon=":material/location_city:"),
        st.Page("pages/about.py", title=tr("Om Stad för stad", "About"), icon=":material/info:"),
    ],
}
st.navigation(pages).run()
