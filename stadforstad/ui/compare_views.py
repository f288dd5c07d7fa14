"""The views of "Jämför kommuner": one function per comparison, each showing a chart
with its table beside it and an Excel export, and ``VIEWS``, the page's choice of them.
The figures come from ``stadforstad.compare`` (which also checks the rights), the
pictures from ``stadforstad.compare_charts``.
"""

from __future__ import annotations

import streamlit as st

from stadforstad import compare
from stadforstad import compare_charts as charts
from stadforstad.catalog import list_forms, load_form
from stadforstad.compare import Filters
from stadforstad.ui.compare_parts import (
    Display,
    chart_and_table,
    column_labels,
    frame_table,
    load,
    shown_ids,
)
from stadforstad.ui.context import get_lang, tr
from stadforstad.ui.headings import heading


def show_readiness(filters: Filters, display: Display) -> None:
    lang = get_lang()
    frames, key = load("readiness_frames", filters)
    form = load_form(compare.READINESS_FORM)
    items = {f"mean_{i.id}": i.label.get(lang) for i in form.answerable() if i.kind == "scale"}
    ids = shown_ids(frames.summary, "median_total", display)
    summary = compare.keep_workspaces(frames.summary, ids)
    limit = compare.readiness_threshold(frames.summary)
    heading(tr(f"Redo – totalpoäng mot gränsen {limit}", f"Readiness – total against {limit}"), 2)
    columns = [
        "workspace",
        "round",
        "respondents",
        "median_total",
        "ready_count",
        "not_ready_count",
        "spread_total",
        "note",
    ]
    chart_and_table(
        lambda: charts.readiness_chart(summary, compare.keep_workspaces(frames.totals, ids), lang),
        frame_table(summary[columns]),
        name="redo",
        key=(key, display),
        sheets={
            "Redo": frame_table(frames.summary, items),
            "Redo per fråga": frame_table(frames.items),
        },
    )
    heading(
        tr("Redo per fråga – medel och spridning", "Readiness per question – mean and spread"),
        2,
    )
    heat = compare.keep_workspaces(frames.items, ids)
    pivot = summary[["workspace", *items]].rename(columns=items | column_labels())
    chart_and_table(
        lambda: charts.readiness_heatmap(heat, lang),
        pivot,
        name="redo_fragor",
        key=(key, display),
        sheets={"Redo per fråga": frame_table(frames.items)},
    )


def show_change(filters: Filters, display: Display) -> None:
    lang = get_lang()
    scored = [f for f in list_forms() if compare.available(f.id)]
    form_id = st.selectbox(
        tr("Formulär", "Form"),
        [f.id for f in scored],
        key="compare.change_form",
        format_func=lambda i: load_form(i).title.get(lang),
    )
    frame, key = load("change", filters, form_id)
    st.caption(
        tr(
            "Första och senaste omgången per kommun; omgångsfiltret gäller inte här.",
            "First and latest round per municipality; the round filter does not apply here.",
        )
    )
    if frame.empty:
        st.info(
            tr(
                "Inga inskickade svar på formuläret i urvalet.",
                "No submitted responses to this form in the selection.",
            )
        )
        return
    ids = shown_ids(frame, "change", display)
    shown = compare.keep_workspaces(frame, ids)
    measure = compare.headline_of(load_form(form_id)).label(lang)
    columns = [
        "workspace",
        "first_round",
        "first_value",
        "latest_round",
        "latest_value",
        "change",
        "first_n",
        "latest_n",
        "note",
    ]
    chart_and_table(
        lambda: charts.change_chart(shown, measure, lang),
        frame_table(shown[columns]),
        name=f"forandring_{form_id}",
        key=(key, display),
        sheets={"Förändring": frame_table(frame)},
    )


def show_case_handling(filters: Filters, display: Display) -> None:
    if not _available(compare.CASE_FORM):
        return
    lang = get_lang()
    frame, key = load("case_handling", filters)
    ids = shown_ids(frame, "gap_mean", display)
    shown = compare.keep_workspaces(frame, ids)
    columns = [
        "workspace",
        "round",
        "respondents",
        "today_median",
        "wished_median",
        "gap_mean",
        "note",
    ]
    chart_and_table(
        lambda: charts.case_handling_chart(shown, lang),
        frame_table(shown[columns]),
        name="utvecklingsnivaer",
        key=(key, display),
        sheets={"Utvecklingsnivåer": frame_table(frame)},
    )


def show_collaboration(filters: Filters, display: Display) -> None:
    if not _available(compare.COLLABORATION_FORM):
        return
    lang = get_lang()
    frame, key = load("collaboration", filters)
    if frame.empty:
        st.info(tr("Inga inskickade svar i urvalet.", "No submitted responses in the selection."))
        return
    today = frame[frame["when"] == "today"]
    level = (today["count"] * today["level_index"]).groupby(
        today["workspace_id"]
    ).sum() / today.groupby("workspace_id")["count"].sum()
    summary = today.drop_duplicates("workspace_id").assign(
        level=lambda f: f["workspace_id"].map(level)
    )
    ids = shown_ids(summary, "level", display)
    shown = compare.keep_workspaces(frame, ids)
    when = {"today": tr("idag", "today"), "wished": tr("önskad", "wished")}
    table = shown.assign(column=shown["level_label"] + " " + shown["when"].map(when)).pivot_table(
        index="workspace", columns="column", values="count", aggfunc="sum", sort=False
    )
    table = table.reindex(list(dict.fromkeys(shown["workspace"]))).reset_index()
    chart_and_table(
        lambda: charts.collaboration_chart(shown, lang),
        frame_table(table),
        wide=True,
        name="samverkansnivaer",
        key=(key, display),
        sheets={"Samverkansnivåer": frame_table(frame)},
    )


def show_indicators(filters: Filters, display: Display) -> None:
    if not _available(compare.INDICATOR_FORM):
        return
    lang = get_lang()
    frame, key = load("indicators", filters)
    if frame.empty:
        st.info(tr("Inga inskickade svar i urvalet.", "No submitted responses in the selection."))
        return
    summary = (
        frame.groupby(["workspace_id", "workspace"], sort=False)["mean"]
        .mean()
        .rename("overall")
        .reset_index()
    )
    ids = shown_ids(summary, "overall", display)
    shown = compare.keep_workspaces(frame, ids)
    table = shown.pivot_table(
        index="workspace", columns="category_label", values="mean", sort=False
    ).reindex(list(dict.fromkeys(shown["workspace"])))
    chart_and_table(
        lambda: charts.indicator_heatmap(shown, lang),
        frame_table(table.reset_index()),
        name="kartlaggning",
        key=(key, display),
        sheets={"Indikatorer": frame_table(frame)},
    )


def show_progress(filters: Filters, display: Display) -> None:
    lang = get_lang()
    frame, key = load("progress", filters)
    summary = compare.progress_summary(frame)
    ids = shown_ids(summary, "completed", display)
    shown = compare.keep_workspaces(frame, ids)
    st.caption(
        tr(
            "Ett formulär räknas som klart när minst ett inskickat svar har sina obligatoriska "
            "frågor besvarade och något ifyllt i varje del (valfria delar som anteckningar "
            "undantagna). Tomma svar och utkast räknas inte.",
            "A form counts as done when at least one submitted response has its required "
            "questions answered and something filled in in every part (optional parts such as "
            "notes excepted). Empty responses and drafts do not count.",
        )
    )
    chart_and_table(
        lambda: charts.progress_chart(shown, lang),
        frame_table(compare.keep_workspaces(summary, ids)),
        wide=True,
        name="framsteg",
        key=(key, display),
        sheets={
            "Framsteg": frame_table(summary),
            "Rutnät": frame_table(compare.progress_grid(frame)),
        },
    )


def _available(form_id: str) -> bool:
    if compare.available(form_id):
        return True
    st.info(
        tr(
            f"Den här jämförelsen visas när formuläret {form_id!r} finns i verktyget.",
            f"This comparison appears when the form {form_id!r} is in the tool.",
        )
    )
    return False


VIEWS = {
    "redo": (("Redo", "Readiness"), show_readiness),
    "forandring": (("Förändring över tid", "Change over time"), show_change),
    "arenden": (("Enskilda ärenden", "Individual cases"), show_case_handling),
    "samverkan": (("Samverkan", "Collaboration"), show_collaboration),
    "indikatorer": (("Indikatorer", "Indicators"), show_indicators),
    "framsteg": (("Framsteg", "Progress"), show_progress),
}
