"""Stad för stad – the app's frame: page config and navigation (each page draws the
sidebar through ``stadforstad.ui.context.frame``). Run with ``uv run streamlit run app.py``."""

import streamlit as st

from stadforstad.compare import can_compare
from stadforstad.ui.context import get_actor, tr

st.set_page_config(page_title="Stad för stad", page_icon="🏙️", layout="wide")

# County coordinators and administrators see the comparison; the page checks again,
# and so does the data layer, so a typed URL shows no data either.
county = {
    tr("Länet", "The county"): [
        st.Page("pages/compare.py", title=tr("Jämför kommuner", "Compare municipalities"),
                icon="📊"),
    ],
} if can_compare(get_actor()) else {}

pages = {
    tr("Start", "Start"): [
        st.Page("pages/home.py", title=tr("Översikt", "Overview"), icon="🏠", default=True),
    ],
    tr("Kärngruppen", "Core group"): [
        st.Page("pages/form.py", title=tr("Fyll i formulär", "Fill in a form"), icon="📝"),
        st.Page("pages/group.py", title=tr("Gruppens bild", "The group's picture"), icon="👥"),
    ],
    **county,
    tr("Inställningar", "Settings"): [
        st.Page("pages/workspaces.py", title=tr("Kommuner", "Municipalities"), icon="🏛️"),
        st.Page("pages/about.py", title=tr("Om Stad för stad", "About"), icon="ℹ️"),
    ],
}
st.navigation(pages).run()
