"""The bare reference for ``bench/aktorsanalys_page.py``: what the `aktorsanalys` form
page shows for a submitted response of 20 actors, drawn with plain Streamlit calls
and literal labels (no forms, no database, no Pydantic, no scoring). Not part of the
app; run only by the benchmark.

The data a plain script would have at hand – the 20 rows, the result's figures and
tables, the chart's Vega-Lite spec – is read once from the JSON file named by
``BARE_AKTORSANALYS`` (``st.cache_resource``), written by the benchmark from the
same answers. The grid's frame is made once per session, as the page keeps it."""

import json
import os

import pandas as pd
import streamlit as st

COLUMNS = [
    ("aktor", "Aktör", "text"),
    ("paverkansgrad", "Organisationens påverkansgrad (1-5) (1–5)", "scale"),
    ("stod", "Upplevt stöd för arbete (1-5) (1–5)", "scale"),
    ("anledning", "Anledning till nivå av stöd eller motstånd (kort text)", "text"),
    ("insats", "Insats/ aktivitet för att öka stöd alt. avhjälpa motstånd", "text"),
    ("resultat", "Resultat av utförd insats/ aktivitet?", "text"),
    ("kontaktperson", "Kontaktperson", "text"),
    ("kommentar", "Kommentar", "text"),
    ("svar_att_na", "Svår att få tag på – kräver ett nytt grepp", "yes_no"),
]
FORMS = [f"Steg {i // 4} · Formulär {i}" for i in range(28)]  # the page lists 28 forms


@st.cache_resource
def data() -> dict:
    with open(os.environ["BARE_AKTORSANALYS"], encoding="utf-8") as source:
        return json.load(source)


given = data()
st.title("Fyll i formulär")
st.sidebar.radio("Språk / Language", ["sv", "en"], horizontal=True, key="lang")
st.sidebar.selectbox("Kommun", ["Landskrona"], key="kommun")
st.sidebar.caption("Bygger på Stad för stad – Handbok (CC BY-NC-SA 4.0).")

top = st.columns([3, 2, 1])
top[0].selectbox("Formulär", FORMS, index=10, key="form")
top[1].selectbox("Vem svarar?", ["Anna", "+ Ny deltagare …"], key="who")
top[2].number_input("Omgång", min_value=1, max_value=20, step=1, key="round")
st.header("Analys av samverkansaktörer")
st.caption("Källa: Stad för stad – Handbok, MALL FÖR ANALYS AV SAMVERKANSAKTÖRER")
st.markdown("Titta på det material som ni samlat in sedan sist från kontakten med aktörer. " * 3)
st.caption("Inskickat 2026-12-01 (version 1).")
st.info("Handboken har en tabell. Kartan är verktygets hjälpmedel, inte handbokens. " * 6)
st.markdown("**Samverkansaktörer** \\*")
if "grid" not in st.session_state:
    rows = given["rows"]
    st.session_state["grid"] = pd.DataFrame(
        {
            key: pd.Series(
                [bool(r.get(key)) for r in rows]
                if kind == "yes_no"
                else [None if r.get(key) is None else str(r[key]) for r in rows],
                dtype="bool" if kind == "yes_no" else "object",
            )
            for key, _, kind in COLUMNS
        }
    )
st.data_editor(
    st.session_state["grid"],
    key="aktorer",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_config={
        key: st.column_config.CheckboxColumn(label, default=False)
        if kind == "yes_no"
        else st.column_config.TextColumn(label, max_chars=40 if kind == "scale" else 1000)
        for key, label, kind in COLUMNS
    },
    placeholder="",
    on_change=lambda: None,
)
st.caption("Lägg till en aktör per rad.")
st.empty()
st.caption("Frågor märkta * måste besvaras innan ni skickar in.")
st.caption("Det ni fyller i sparas som utkast när ni lämnar ett fält.")
left, right = st.columns(2)
left.button("Spara utkast", width="stretch")
right.button("Skicka in", type="primary", width="stretch")

st.divider()
st.subheader("Resultat")
cols = st.columns(3)
for column, (label, value) in zip(cols, given["metrics"]):
    column.metric(label, value)
st.markdown("**Var ni bör satsa mer – hög påverkan men lågt stöd:**")
st.text("\n".join(f"{n}. {line}" for n, line in enumerate(given["invest"], 1)))
st.markdown("**Svåra att få tag på – kräver ett nytt grepp:**")
st.text("\n".join(f"• {name}" for name in given["hard_to_reach"]))
st.caption("Handboken har en tabell, inte en karta. Kartan är verktygets hjälpmedel.")
st.markdown("**Aktörer per ruta på kartan**")
st.dataframe(pd.DataFrame(given["quadrants"]), hide_index=True, width="stretch")
st.vega_lite_chart(given["chart"], width="content")
with st.expander("Diagrammet i ord och siffror"):
    st.dataframe(pd.DataFrame(given["places"]), hide_index=True, width="stretch")
with st.expander("Svaren som skickades in"):
    st.markdown("Samverkansaktörer")
    st.dataframe(pd.DataFrame(given["answers"]), hide_index=True, width="stretch")
st.markdown("**Dokument**")
documents = st.columns(2)
for index, what in enumerate(("response", "blank")):
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
