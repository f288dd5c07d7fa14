"""The bare reference for ``bench/compare_browser.py``: a one-page Streamlit app that
shows what the comparison page's default view shows – readiness per municipality as a
chart and a table, then the mean per question as a heatmap and a table – straight from
the same database with one SQL query and a pandas groupby (kept with ``st.cache_data``,
as the page keeps its frames), charts built with altair. No sign-in, no navigation, no
scoring through the registry. Not part of the app; run only by the benchmark.

The database is the SQLite file named by ``STADFORSTAD_DATABASE_URL``."""

import json
import os
import sqlite3

import altair as alt
import pandas as pd
import streamlit as st

ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
RAW = """
SELECT w.name AS workspace, r.round, p.name AS respondent, v.answers
FROM responses r JOIN revisions v ON v.response_id = r.id AND v.number = r.revision
JOIN respondents p ON p.id = r.respondent_id JOIN workspaces w ON w.id = r.workspace_id
WHERE r.form_id = 'redo'
"""
SHOWN = 30


@st.cache_data
def frames(url: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        frame = pd.read_sql_query(RAW, connection)
    answers = pd.DataFrame([json.loads(a) for a in frame.pop("answers")])[ITEMS]
    frame = pd.concat([frame, answers], axis=1)
    frame["total"] = frame[ITEMS].sum(axis=1)
    frame = frame[frame["round"] == frame.groupby("workspace")["round"].transform("max")]
    summary = (
        frame.groupby("workspace")
        .agg(
            round=("round", "max"),
            respondents=("respondent", "size"),
            median_total=("total", "median"),
            ready=("total", lambda t: int((t > 20).sum())),
            not_ready=("total", lambda t: int((t <= 20).sum())),
            spread=("total", lambda t: int(t.max() - t.min())),
        )
        .reset_index()
    )
    means = frame.groupby("workspace")[ITEMS].mean().round(1).reset_index()
    return frame[["workspace", "respondent", "total"]], summary, means


st.title("Jämför kommuner")
totals, summary, means = frames(os.environ["STADFORSTAD_DATABASE_URL"])
shown = summary.head(SHOWN)
st.caption(f"Visar {len(shown)} av {len(summary)} kommuner.")
st.header("Redo – totalpoäng mot gränsen 20")
left, right = st.columns([3, 2])
points = totals[totals["workspace"].isin(shown["workspace"])]
left.altair_chart(
    alt.layer(
        alt.Chart(points)
        .mark_circle()
        .encode(
            x="total:Q",
            y="workspace:N",
            color=alt.condition("datum.total > 20", alt.value("green"), alt.value("red")),
        ),
        alt.Chart(shown).mark_tick(color="black").encode(x="median_total:Q", y="workspace:N"),
    ),
    width="stretch",
)
right.dataframe(shown, hide_index=True, width="stretch")
st.header("Redo per fråga – medel och spridning")
heat = means[means["workspace"].isin(shown["workspace"])].melt(
    "workspace", var_name="fråga", value_name="medel"
)
left, right = st.columns([3, 2])
left.altair_chart(
    alt.Chart(heat).mark_rect().encode(x="fråga:N", y="workspace:N", color="medel:Q"),
    width="stretch",
)
right.dataframe(
    means[means["workspace"].isin(shown["workspace"])], hide_index=True, width="stretch"
)
