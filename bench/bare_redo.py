"""The bare reference for ``bench/redo_page.py``: the widgets the `redo` page shows,
drawn with plain Streamlit calls and literal labels (no forms, no database, no
Pydantic). Like the page, the widgets are outside ``st.form`` and report each change
(the page saves a draft then); the number is typed as text. Not part of the app; run
only by the benchmark."""

import streamlit as st

ITEMS = [
    ("behov", "Identifiera och definiera behov"),
    ("politisk_vilja", "Politisk vilja"),
    ("organisatorisk_vilja", "Organisatorisk vilja"),
    ("deltagarnas_vilja", "Deltagarnas vilja"),
    ("perioden", "Perioden"),
    ("tid_resurser", "Tid, resurser och personal"),
    ("hallbarhet", "Hållbarhet"),
]
HELP = "Har ni tydligt identifierat och definierat behovet? " * 3
ENDS = {1: "1 – inte alls redo", 5: "5 – så redo en kan bli"}
FORMS = [f"Steg {i // 4} · Formulär {i}" for i in range(28)]  # the page lists 28 forms

st.title("Fyll i formulär")
# The sidebar every page draws: language, municipality, credit.
st.sidebar.radio("Språk / Language", ["sv", "en"], horizontal=True, key="lang")
st.sidebar.selectbox("Kommun", ["Landskrona"], key="kommun")
st.sidebar.caption("Bygger på Stad för stad – Handbok (CC BY-NC-SA 4.0).")

top = st.columns([3, 2, 1])
top[0].selectbox("Formulär", FORMS, index=4, key="form")
top[1].selectbox("Vem svarar?", ["Anna", "Bertil", "+ Ny deltagare …"], key="who")
top[2].number_input("Omgång", min_value=1, max_value=20, step=1, key="round")
st.header("Är ni redo?")
st.caption("Källa: Stad för stad – Handbok, ÄR NI REDO?")
st.markdown("Använd bedömningsmallen nedan för att göra en sammanfattande analys. " * 4)


def changed() -> None:
    st.session_state["changed"] = True


if True:  # the page draws its widgets outside st.form; the block keeps the layout
    for item_id, label in ITEMS:
        st.markdown(f"**{label} \\***")
        st.caption(HELP)
        st.radio(
            f"{label} *",
            [1, 2, 3, 4, 5],
            index=None,
            horizontal=True,
            format_func=lambda v: ENDS.get(v, str(v)),
            key=item_id,
            label_visibility="collapsed",
            on_change=changed,
        )
        st.text_area(
            "Kommentarer", height=68, max_chars=5000, key=f"{item_id}.comment", on_change=changed
        )
        st.empty()
    st.subheader("Perioden")
    st.markdown(
        "Under hur lång tid skall ni utföra arbetet? Tolv till arton månader rekommenderas."
    )
    st.text_input(
        "Planerad period i månader",
        max_chars=40,
        placeholder="Ej ifyllt, t.ex. 12",
        key="period_manader",
        on_change=changed,
    )
    st.empty()
    st.date_input(
        "Planerad start", value=None, format="YYYY-MM-DD", key="period_start", on_change=changed
    )
    st.empty()
    st.caption("Frågor märkta * måste besvaras innan ni skickar in.")
    st.caption("Det ni fyller i sparas som utkast när ni lämnar ett fält.")
    left, right = st.columns(2)
    left.button("Spara utkast", width="stretch")
    right.button("Skicka in", type="primary", width="stretch")
    st.session_state.pop("changed", None)
