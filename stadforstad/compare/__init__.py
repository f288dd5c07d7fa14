"""Comparing municipalities: one function per view, each a tidy pandas frame.

Every view loads the responses it needs in ONE store call over all chosen
workspaces, scores them through each form's instrument (``stadforstad.instruments``) and
returns aggregated rows; the charts in ``compare_charts`` only draw them.

Rights are checked here, not only in the page: comparing needs a coordinator grant
(or an administrator), and only workspaces the actor can read are ever loaded.

``Filters.round is None`` means each municipality's latest round of that form, so two
rounds of one respondent are never mixed into one mean. The period keeps responses
as they stood at the end of the period and saved within it (see ``Store.submitted``).

The views live in modules named after what they compare (``redo``, ``headline``,
``levels``, ``indicator_grid``, ``step_progress``); ``scope`` holds who may compare,
the filters and the loading they share. Everything is importable from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from stadforstad.compare.headline import change, headline_of, scores
from stadforstad.compare.indicator_grid import indicators
from stadforstad.compare.levels import COLLABORATION_WHEN, case_handling, collaboration
from stadforstad.compare.redo import (
    Readiness,
    readiness,
    readiness_frames,
)
from stadforstad.compare.scope import (
    CASE_FORM,
    COLLABORATION_FORM,
    INDICATOR_FORM,
    LINKS_HIDDEN,
    NO_ANSWERS,
    ONE_ROUND,
    READINESS_FORM,
    SINGLE,
    TZ,
    Filters,
    available,
    can_compare,
    comparable_workspaces,
    scored_form,
)
from stadforstad.compare.step_progress import (
    progress,
    progress_grid,
    progress_summary,
    step_forms,
)
from stadforstad.compare_charts import readiness_threshold
from stadforstad.spreadsheet import write_xlsx
from stadforstad.storage.repository import Actor, Store

__all__ = [
    "CASE_FORM",
    "COLLABORATION_FORM",
    "COLLABORATION_WHEN",
    "INDICATOR_FORM",
    "LINKS_HIDDEN",
    "NO_ANSWERS",
    "ONE_ROUND",
    "READINESS_FORM",
    "SINGLE",
    "TZ",
    "VIEWS",
    "Filters",
    "Readiness",
    "available",
    "can_compare",
    "case_handling",
    "change",
    "choose_workspaces",
    "collaboration",
    "comparable_workspaces",
    "frame_for",
    "headline_of",
    "indicators",
    "keep_workspaces",
    "progress",
    "progress_grid",
    "progress_summary",
    "readiness",
    "readiness_frames",
    "readiness_threshold",
    "scored_form",
    "scores",
    "step_forms",
    "to_xlsx",
]


# -- what the page and the command line share ----------------------------------------------
#: The view behind ``stadforstad compare FORM_ID`` for forms with a view of their own;
#: any other scored form gets ``scores``.
VIEWS: dict[str, Callable[..., pd.DataFrame]] = {
    READINESS_FORM: readiness,
    CASE_FORM: case_handling,
    COLLABORATION_FORM: collaboration,
    INDICATOR_FORM: indicators,
}


def frame_for(
    store: Store, *, actor: Actor, form_id: str, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """The comparison frame of ``form_id`` (``progress`` for the steps grid), its labels
    (questions, categories, forms, levels, notes) in ``lang``."""
    if form_id == "progress":
        return progress(store, actor=actor, filters=filters, lang=lang)
    if form_id in VIEWS:
        scored_form(form_id)
        return VIEWS[form_id](store, actor=actor, filters=filters, lang=lang)
    return scores(store, actor=actor, filters=filters, form_id=form_id, lang=lang)


def choose_workspaces(
    summary: pd.DataFrame,
    *,
    sort_by: str = "workspace",
    descending: bool = False,
    limit: int | None = None,
    search: str = "",
) -> list[int]:
    """Which municipalities to show, in order: those whose name contains ``search``
    (any case), sorted by ``sort_by`` (missing values last), the first ``limit``."""
    frame = summary.drop_duplicates("workspace_id")
    if search.strip():
        frame = frame[
            frame["workspace"].str.casefold().str.contains(search.strip().casefold(), regex=False)
        ]
    if sort_by not in frame.columns:
        sort_by = "workspace"
    frame = frame.sort_values(
        [sort_by, "workspace"], ascending=[not descending, True], na_position="last", kind="stable"
    )
    ids = [int(i) for i in frame["workspace_id"]]
    return ids[:limit] if limit else ids


def keep_workspaces(frame: pd.DataFrame, ids: Sequence[int]) -> pd.DataFrame:
    """The rows of ``frame`` for ``ids``, in that order."""
    position = {workspace_id: index for index, workspace_id in enumerate(ids)}
    kept = frame[frame["workspace_id"].isin(position)]
    return kept.iloc[kept["workspace_id"].map(position).argsort(kind="stable")]


def to_xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per frame, through the one spreadsheet writer
    (formulas escaped, so a municipality's name never runs as one)."""
    return write_xlsx(sheets)
