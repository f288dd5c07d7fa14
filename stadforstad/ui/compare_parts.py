"""The parts every view of "Jämför kommuner" is built from: what the user chose to see
(:class:`Display`), the frames of ``stadforstad.compare`` cached per rights and data,
the table headers, and a chart with its table beside it and an Excel export.

Charts: building an altair chart and converting it to Vega-Lite (with altair's schema
validation) cost more than the rest of the page together, on every run of every new
session. Each chart's Vega-Lite spec is made once per distinct input – the frames' key
(view, database, rights, filters, data stamp, form, language), what is shown
(:class:`Display`) and the chart's name – by Streamlit's own converter (the one
``stadforstad.ui.blocks`` reuses, under Streamlit's lock for altair's globals; a
``st.cache_resource`` entry is made by one session while others asking for the same key
wait), and drawn with ``st.vega_lite_chart``: what ``st.altair_chart`` would send,
without the work. If Streamlit drops the converter, charts are built and drawn with
``st.altair_chart`` as before (``tests/instruments/test_chart_spec.py`` fails loudly).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from stadforstad import compare
from stadforstad.compare import Filters
from stadforstad.i18n import count_text
from stadforstad.settings import get_settings
from stadforstad.storage import Actor
from stadforstad.ui.blocks import spec_converter
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.tables import table_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: How many comparison chart specs a process keeps (one per view, filter, display and
#: language in use; a spec holds its few kB of data as Arrow bytes).
CHART_SPEC_ENTRIES = 128
_log = logging.getLogger(__name__)


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
    chart: Callable[[], Any],
    table: pd.DataFrame,
    *,
    name: str,
    sheets: dict[str, pd.DataFrame],
    key: tuple,
    wide: bool = False,
) -> None:
    """``chart`` (a function that builds the altair chart; called only when its spec is
    not kept yet) with ``table`` beside it (below it when ``wide``), and the export.
    ``key`` says everything the chart depends on besides ``name``: see :func:`load`."""
    spec = chart_spec((*key, name), chart)
    if wide:
        # Its own width: one column per form or level, labels readable.
        _draw(st, spec, chart, "content")
        st.dataframe(table_view(table, get_lang()), hide_index=True, width="stretch")
    else:
        left, right = st.columns([3, 2])
        _draw(left, spec, chart, "stretch")
        right.dataframe(table_view(table, get_lang()), hide_index=True, width="stretch")
    _export(name, sheets, key=f"compare.export.{name}")


def _draw(where, spec: dict | None, chart: Callable[[], Any], width: str) -> None:
    if spec is None:
        _log.warning("Streamlit has no _convert_altair_to_vega_lite_spec: charts are rebuilt")
        where.altair_chart(chart(), width=width)
    else:
        where.vega_lite_chart(spec, width=width)


def chart_spec(key: tuple, chart: Callable[[], Any]) -> dict | None:
    """The Vega-Lite spec ``st.altair_chart(chart())`` would send, made once per ``key``;
    ``None`` when this Streamlit has no converter to reuse (draw the chart itself)."""
    if spec_converter() is None:
        return None
    return _cached_spec(key, chart)


@st.cache_resource(max_entries=CHART_SPEC_ENTRIES, show_spinner=False)
def _cached_spec(key: tuple, _chart: Callable[[], Any]) -> dict:
    convert = spec_converter()
    assert convert is not None
    return convert(_chart())


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


def load(view: str, filters: Filters, form_id: str | None = None) -> tuple[Any, tuple]:
    """A frame of ``stadforstad.compare`` labelled in the reader's language (rights
    checked there, on every call that computes; a cached one was computed for exactly
    these rights), and the key it is cached by: the same frame for the same key."""
    actor = get_actor()
    who = (actor.name, actor.is_admin, tuple(sorted(actor.grants.items())))
    key = (
        view,
        get_settings().database_url,
        who,
        filters,
        get_store().data_stamp(),
        form_id,
        get_lang(),
    )
    return _cached(*key), key
