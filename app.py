"""Stad för stad – the app's frame: page config and navigation (each page draws the
sidebar through ``stadforstad.ui.context.frame``). Run with ``uv run streamlit run app.py``.

An address with an invitation token (``?t=…``) gets the respondent page and nothing
else: a navigation of that single page, hidden, whatever path was asked for."""

import streamlit as st

from stadforstad.compare import can_compare
from stadforstad.ui.context import APP_RAN_KEY, get_actor, tr

if st.query_params.get("t") is not None:
    st.set_page_config(page_title="Enkät – Stad för stad", page_icon="📝", layout="centered",
                       initial_sidebar_state="collapsed")
    st.session_state[APP_RAN_KEY] = True
    st.navigation([st.Page("pages/respond.py", title="Enkät", icon=":material/edit_note:",
                           default=True)],
                  position="hidden").run()
    st.stop()

st.set_page_config(page_title="Stad för stad", page_icon="🏙️", layout="wide")
st.session_state[APP_RAN_KEY] = True

# County coordinators and administrators see the comparison; the page checks again,
# and so does the data layer, so a typed URL shows no data either.
county = {
    tr("Länet", "The county"): [
        st.Page("pages/compare.py", title=tr("Jämför kommuner", "Compare municipalities"),
                icon=":material/compare_arrows:"),
    ],
} if can_compare(get_actor()) else {}

pages = {
    tr("Start", "Start"): [
        st.Page("pages/home.py", title=tr("Översikt", "Overview"), icon=":material/home:", default=True),
    ],
    tr("Kärngruppen", "Core group"): [
        st.Page("pages/form.py", title=tr("Fyll i formulär", "Fill in a form"), icon=":material/edit_note:"),
        st.Page("pages/group.py", title=tr("Gruppens bild", "The group's picture"), icon=":material/groups:"),
    ],
    tr("Kartläggning", "Mapping"): [
        st.Page("pages/links.py", title=tr("Inbjudningslänkar", "Invitation links"),
                icon=":material/link:"),
        st.Page("pages/compilation.py", title=tr("Sammanställning", "Compilation"),
                icon=":material/analytics:"),
    ],
    **county,
    tr("Inställningar", "Settings"): [
        st.Page("pages/workspaces.py", title=tr("Kommuner", "Municipalities"), icon=":material/location_city:"),
        st.Page("pages/about.py", title=tr("Om Stad för stad", "About"), icon=":material/info:"),
    ],
}
st.navigation(pages).run()
