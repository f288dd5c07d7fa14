"""Jämför kommuner – the county coordinator's side-by-side view.

Wiring only: the figures come from ``stadforstad.compare`` (which also checks the
rights), the pictures from ``stadforstad.compare_charts``. Every view shows a chart
with its table beside it and an Excel export. Session keys start with ``compare.``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from stadforstad import compare
from stadforstad import compare_charts as charts
from stadforstad.catalog import list_forms, load_form
from stadforstad.compare import Filters
from stadforstad.i18n import count_text
from stadforstad.settings import get_settings
from stadforstad.storage import Actor
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.tables import table_view

FLASH = "compare.flash"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: How many municipalities a view shows at first; the rest through "Visa högst".
DEFAULT_LIMIT = 30


@dataclass(frozen=True)
class Display:
    search: str
    order: str  # "name", "low" or "high"
    limit: int | None


def _labels() -> dict[str, str]:
    return {
        "workspace": tr("Kommun", "Municipality"),
        "round": tr("Omgång", "Round"),
        "respondents": tr("Svar", "Responses"),
        "complete": tr("Kompletta", "Complete"),
        "median_total": tr("Median total", "Median total"),
        "mean_total": tr("Medel total", "Mean total"),
        "min_total": "Min",
        "max_total": "Max",
        "spread_total": tr("Spridning", "Spread"),
        "ready_count": tr("Redo", "Ready"),
        "not_ready_count": tr("Inte redo", "Not ready"),
        "note": tr("Obs", "Note"),
        "measure": tr("Mått", "Measure"),
        "median": "Median",
        "mean": tr("Medel", "Mean"),
        "min": "Min",
        "max": "Max",
        "first_round": tr("Första omgång", "First round"),
        "first_n": tr("Svar (första)", "Responses (first)"),
        "first_value": tr("Första", "First"),
        "latest_round": tr("Senaste omgång", "Latest round"),
        "latest_n": tr("Svar (senaste)", "Responses (latest)"),
        "latest_value": tr("Senaste", "Latest"),
        "change": tr("Förändring", "Change"),
        "rounds": tr("Omgångar", "Rounds"),
        "today_median": tr("Idag (median)", "Today (median)"),
        "today_mean": tr("Idag (medel)", "Today (mean)"),
        "wished_median": tr("Önskad (median)", "Wished (median)"),
        "wished_mean": tr("Önskad (medel)", "Wished (mean)"),
        "gap_mean": tr("Gap (medel)", "Gap (mean)"),
        "completed": tr("Klara", "Done"),
        "forms": tr("Formulär", "Forms"),
        "furthest_step": tr("Längst steg", "Furthest step"),
    }


def _table(frame: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame as the interface shows and exports it: Swedish headers, no ids."""
    labels = _labels() | (extra or {})
    shown = frame.drop(
        columns=[c for c in ("workspace_id", "single", "threshold", "order") if c in frame.columns]
    )
    return shown.rename(columns=labels)


def _export(name: str, sheets: dict[str, pd.DataFrame], key: str) -> None:
    # Built only when clicked: the workbook is not made on every rerun.
    st.download_button(
        tr("Exportera till Excel", "Export to Excel"),
        data=lambda: compare.to_xlsx(sheets),
        mime=XLSX,
        icon="⬇️",
        file_name=f"jamforelse_{name}_{dt.date.today():%Y-%m-%d}.xlsx",
        key=key,
    )


def _shown(summary: pd.DataFrame, measure: str, display: Display) -> list[int]:
    ids = compare.choose_workspaces(
        summary,
        sort_by="workspace" if display.order == "name" else measure,
        descending=display.order == "high",
        limit=display.limit,
        search=display.search,
    )
    st.caption(
        tr(
            f"Visar {len(ids)} av "
            f"{count_text('sv', summary['workspace_id'].nunique(), ('kommun', 'kommuner'), ('', ''))}.",
            f"Showing {len(ids)} of "
            f"{count_text('en', summary['workspace_id'].nunique(), ('', ''), ('municipality', 'municipalities'))}.",
        )
    )
    return ids


def _chart_and_table(
    chart, table: pd.DataFrame, *, name: str, sheets: dict[str, pd.DataFrame], wide: bool = False
) -> None:
    if wide:
        # Its own width: one column per form or level, labels readable.
        st.altair_chart(chart, width="content")
        st.dataframe(table_view(table, get_lang()), hide_index=True, width="stretch")
    else:
        left, right = st.columns([3, 2])
        left.altair_chart(chart, width="stretch")
        right.dataframe(table_view(table, get_lang()), hide_index=True, width="stretch")
    _export(name, sheets, key=f"compare.export.{name}")


# -- the frames, cached ----------------------------------------------------------------
@st.cache_data(max_entries=64, show_spinner=False)
def _cached(
    view: str,
    database: str,
    who: tuple,
    filters: Filters,
    stamp: tuple,
    form_id: str | None,
    lang: str,
):
    # Keyed by the actor's rights, the data stamp and the language of the labels: a new
    # submission, another user or the other language computes afresh; sorting,
    # searching and top N reuse the frames.
    name, is_admin, grants = who
    actor = Actor(name=name, is_admin=is_admin, grants=dict(grants))
    function = getattr(compare, view)
    extra = {"form_id": form_id} if form_id else {}
    return function(get_store(), actor=actor, filters=filters, lang=lang, **extra)


def load(view: str, filters: Filters, form_id: str | None = None):
    """A frame of ``stadforstad.compare`` labelled in the reader's language (rights
    checked there, on every call that computes; a cached one was computed for exactly
    these rights)."""
    actor = get_actor()
    who = (actor.name, actor.is_admin, tuple(sorted(actor.grants.items())))
    return _cached(
        view,
        get_settings().database_url,
        who,
        filters,
        get_store().data_stamp(),
        form_id,
        get_lang(),
    )


# -- the views ---------------------------------------------------------------------
def show_readiness(filters: Filters, display: Display) -> None:
    lang = get_lang()
    frames = load("readiness_frames", filters)
    form = load_form(compare.READINESS_FORM)
    items = {f"mean_{i.id}": i.label.get(lang) for i in form.answerable() if i.kind == "scale"}
    ids = _shown(frames.summary, "median_total", display)
    summary = compare.keep_workspaces(frames.summary, ids)
    limit = compare.readiness_threshold(frames.summary)
    st.subheader(tr(f"Redo – totalpoäng mot gränsen {limit}", f"Readiness – total against {limit}"))
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
    _chart_and_table(
        charts.readiness_chart(summary, compare.keep_workspaces(frames.totals, ids), lang),
        _table(summary[columns]),
        name="redo",
        sheets={"Redo": _table(frames.summary, items), "Redo per fråga": _table(frames.items)},
    )
    st.subheader(
        tr("Redo per fråga – medel och spridning", "Readiness per question – mean and spread")
    )
    heat = compare.keep_workspaces(frames.items, ids)
    pivot = summary[["workspace", *items]].rename(columns=items | _labels())
    _chart_and_table(
        charts.readiness_heatmap(heat, lang),
        pivot,
        name="redo_fragor",
        sheets={"Redo per fråga": _table(frames.items)},
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
    frame = load("change", filters, form_id)
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
    ids = _shown(frame, "change", display)
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
    _chart_and_table(
        charts.change_chart(shown, measure, lang),
        _table(shown[columns]),
        name=f"forandring_{form_id}",
        sheets={"Förändring": _table(frame)},
    )


def show_case_handling(filters: Filters, display: Display) -> None:
    if not _available(compare.CASE_FORM):
        return
    lang = get_lang()
    frame = load("case_handling", filters)
    ids = _shown(frame, "gap_mean", display)
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
    _chart_and_table(
        charts.case_handling_chart(shown, lang),
        _table(shown[columns]),
        name="utvecklingsnivaer",
        sheets={"Utvecklingsnivåer": _table(frame)},
    )


def show_collaboration(filters: Filters, display: Display) -> None:
    if not _available(compare.COLLABORATION_FORM):
        return
    lang = get_lang()
    frame = load("collaboration", filters)
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
    ids = _shown(summary, "level", display)
    shown = compare.keep_workspaces(frame, ids)
    when = {"today": tr("idag", "today"), "wished": tr("önskad", "wished")}
    table = shown.assign(column=shown["level_label"] + " " + shown["when"].map(when)).pivot_table(
        index="workspace", columns="column", values="count", aggfunc="sum", sort=False
    )
    table = table.reindex(list(dict.fromkeys(shown["workspace"]))).reset_index()
    _chart_and_table(
        charts.collaboration_chart(shown, lang),
        _table(table),
        wide=True,
        name="samverkansnivaer",
        sheets={"Samverkansnivåer": _table(frame)},
    )


def show_indicators(filters: Filters, display: Display) -> None:
    if not _available(compare.INDICATOR_FORM):
        return
    lang = get_lang()
    frame = load("indicators", filters)
    if frame.empty:
        st.info(tr("Inga inskickade svar i urvalet.", "No submitted responses in the selection."))
        return
    summary = (
        frame.groupby(["workspace_id", "workspace"], sort=False)["mean"]
        .mean()
        .rename("overall")
        .reset_index()
    )
    ids = _shown(summary, "overall", display)
    shown = compare.keep_workspaces(frame, ids)
    table = shown.pivot_table(
        index="workspace", columns="category_label", values="mean", sort=False
    ).reindex(list(dict.fromkeys(shown["workspace"])))
    _chart_and_table(
        charts.indicator_heatmap(shown, lang),
        _table(table.reset_index()),
        name="kartlaggning",
        sheets={"Indikatorer": _table(frame)},
    )


def show_progress(filters: Filters, display: Display) -> None:
    lang = get_lang()
    frame = load("progress", filters)
    summary = compare.progress_summary(frame)
    ids = _shown(summary, "completed", display)
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
    _chart_and_table(
        charts.progress_chart(shown, lang),
        _table(compare.keep_workspaces(summary, ids)),
        wide=True,
        name="framsteg",
        sheets={"Framsteg": _table(summary), "Rutnät": _table(compare.progress_grid(frame))},
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


# -- filters, demo, the page ---------------------------------------------------------
def pick_filters(workspaces) -> tuple[Filters, Display]:
    names = {w.id: w.name for w in workspaces}
    with st.container(border=True):
        top = st.columns([3, 2])
        chosen = top[0].multiselect(
            tr("Kommuner", "Municipalities"),
            list(names),
            format_func=lambda workspace_id: names.get(workspace_id, str(workspace_id)),
            key="compare.workspaces",
            placeholder=tr("Alla kommuner", "All municipalities"),
        )
        search = top[1].text_input(
            tr("Sök kommun", "Search municipality"),
            key="compare.search",
            placeholder=tr("t.ex. berg", "e.g. berg"),
        )
        row = st.columns(5)
        date_from = row[0].date_input(
            tr("Från", "From"), value=None, key="compare.from", format="YYYY-MM-DD"
        )
        date_to = row[1].date_input(
            tr("Till", "To"), value=None, key="compare.to", format="YYYY-MM-DD"
        )
        round_no = row[2].selectbox(
            tr("Omgång", "Round"),
            [None, 1, 2, 3, 4, 5],
            key="compare.round",
            format_func=lambda r: tr("Senaste", "Latest") if r is None else str(r),
        )
        orders = {
            "name": tr("Namn", "Name"),
            "low": tr("Lägst först", "Lowest first"),
            "high": tr("Högst först", "Highest first"),
        }
        order = row[3].selectbox(
            tr("Ordning", "Order"),
            list(orders),
            format_func=lambda key: orders[key],
            key="compare.order",
        )
        limit = row[4].number_input(
            tr("Visa högst (0 = alla)", "Show at most (0 = all)"),
            min_value=0,
            value=DEFAULT_LIMIT,
            step=5,
            key="compare.limit",
        )
    filters = Filters(
        workspace_ids=tuple(chosen) or None, date_from=date_from, date_to=date_to, round=round_no
    )
    return filters, Display(search=search, order=order or "name", limit=int(limit) or None)


def demo_controls() -> None:
    """Administrators fill or empty the demo county from here."""
    from stadforstad import demo

    store, actor = get_store(), get_actor()
    with st.expander(tr("Demodata (administratör)", "Demo data (administrator)")):
        st.caption(
            tr(
                'Ett påhittat län med tio kommuner (namnen börjar med "Demo:") och '
                "svar i två omgångar, så att ni kan se jämförelsen direkt.",
                'A made-up county of ten municipalities (names start with "Demo:") '
                "with answers over two rounds, to see the comparison at once.",
            )
        )
        left, right = st.columns(2)
        if left.button(tr("Skapa demodata", "Create demo data"), key="compare.demo_create"):
            with st.spinner(tr("Skapar demodata …", "Creating demo data …")):
                created = demo.create_demo(store, actor=actor)
            st.session_state[FLASH] = tr(
                f"{len(created)} demokommuner är skapade.",
                f"{len(created)} demo municipalities created.",
            )
            st.rerun()
        if right.button(tr("Ta bort demodata", "Remove demo data"), key="compare.demo_remove"):
            removed = demo.remove_demo(store, actor=actor)
            st.session_state[FLASH] = tr(
                f"{removed} demokommuner är borttagna.", f"{removed} demo municipalities removed."
            )
            st.rerun()


def show_compare_page() -> None:
    actor = get_actor()
    st.title(tr("Jämför kommuner", "Compare municipalities"))
    if not compare.can_compare(actor):
        st.warning(
            tr(
                "Jämförelsen mellan kommuner är till för länssamordnare och administratörer. "
                "Ni ser er egen kommuns resultat under Gruppens bild. Behöver ni jämföra, be en "
                "administratör om behörighet som samordnare.",
                "The comparison between municipalities is for county coordinators and "
                "administrators. You see your own municipality's results under The group's "
                "picture. If you need to compare, ask an administrator for coordinator rights.",
            )
        )
        return
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    if actor.is_admin:
        demo_controls()
    workspaces = compare.comparable_workspaces(get_store(), actor=actor)
    if not workspaces:
        st.info(
            tr(
                "Det finns inga kommuner att jämföra än.",
                "There are no municipalities to compare yet.",
            )
        )
        return
    filters, display = pick_filters(workspaces)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        st.warning(
            tr(
                "Perioden börjar efter att den slutar; byt plats på datumen.",
                "The period starts after it ends; swap the dates.",
            )
        )
        return
    view = st.radio(
        tr("Visa", "Show"),
        list(VIEWS),
        horizontal=True,
        key="compare.view",
        format_func=lambda v: tr(*VIEWS[v][0]),
    )
    VIEWS[view][1](filters, display)
