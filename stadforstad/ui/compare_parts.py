"""The parts every view of "Jämför kommuner" is built from: what the user chose to see
(:class:`Display`), the frames of ``stadforstad.compare`` cached per rights and data,
the table headers, and a chart with its table beside it and an Excel export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from stadforstad import compare
from stadforstad.compare import Filters
from stadforstad.i18n import count_text
from stadforstad.settings import get_settings
from stadforstad.storage import Actor
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.tables import table_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Display:
    search: str
    order: str  # "name", "low" or "high"
    limit: int | None


def column_labels() -> dict[str, str]:
    """The headers the interface shows (and exports) for the compare frames' columns."""
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


def frame_table(frame: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame as the interface shows and exports it: Swedish headers, no ids."""
    labels = column_labels() | (extra or {})
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


def shown_ids(summary: pd.DataFrame, measure: str, display: Display) -> list[int]:
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


def chart_and_table(
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
