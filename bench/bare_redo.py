"""The bare reference for ``bench/redo_page.py``: the widgets the `redo` page shows,
drawn with plain Streamlit calls and literal labels (no forms, no database, no
Pydantic). Like the page, the widgets are outside ``st.form`` and report each change
(the page saves a draft then); the number is typed as text. Not part of the app; run
only by the benchmark.

With ``st.session_state["with_result"]`` it also draws what the page shows under a
submitted response, the plain way: three metrics, a note, a list, the chart from its
Vega-Lite spec (read once from the file named by ``BARE_CHART_SPEC``, as a bare script
would cache it), the same read-only answers and the four download buttons."""

import json
import os

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


@st.cache_resource
def chart_spec() -> dict:
    with open(os.environ["BARE_CHART_SPEC"], encoding="utf-8") as spec:
        return json.load(spec)


if st.session_state.get("with_result"):
    st.divider()
    st.subheader("Resultat")
    cols = st.columns(3)
    cols[0].metric("Totalt", "22 / 35")
    cols[1].metric("Bedömning", "Redo")
    cols[2].metric("Att arbeta med", "2")
    st.success("**Bra:** Över 20 poäng: ni kan fortsätta arbetet.", icon="✅")
    st.markdown("**Att arbeta med (svar 1–2):**")
    st.text("• Organisatorisk vilja\n• Tid, resurser och personal")
    st.vega_lite_chart(chart_spec(), width="content")
    with st.expander("Diagrammet i ord och siffror"):
        st.dataframe(
            {"Fråga": [label for _, label in ITEMS], "Svar": [3, 4, 2, 5, 3, 1, 4]},
            hide_index=True,
            width="stretch",
        )
    with st.expander("Svaren som skickades in"):
        st.markdown("**Är ni redo?**")
        for (_, label), value in zip(ITEMS, [3, 4, 2, 5, 3, 1, 4]):
            st.markdown(label)
            st.text(f"{value} (1–5)")
        st.text("Kommentarer: Behovet är kartlagt.")
        st.markdown("**Perioden**")
        st.markdown("Planerad period i månader")
        st.text("12 månader")
        st.markdown("Planerad start")
        st.text("15 januari 2026")
st.markdown("**Dokument**")
documents = st.columns(2)
for index, what in enumerate(("response", "blank")):
    if what == "response" and not st.session_state.get("with_result"):
        continue
    with documents[index]:
        st.caption(what)
        left, right = st.columns(2)
        left.download_button(
            "Ladda ner som PDF", data=b"", file_name="x.pdf", key=f"{what}.pdf", on_click="ignore"
        )
        right.download_button(
            "Ladda ner som Word",
            data=b"",
            file_name="x.docx",
            key=f"{what}.docx",
            on_click="ignore",
        )
