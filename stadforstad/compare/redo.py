"""Readiness (redo) across municipalities: the summary, the item heatmap and the
totals behind the dot chart."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from stadforstad.compare import redo_arrays
from stadforstad.compare.scope import (
    READINESS_FORM,
    Filters,
    _base,
    _frame,
    _load,
    scored_form,
)
from stadforstad.instruments.redo import REDO
from stadforstad.storage.rated import rated
from stadforstad.storage.repository import Actor, Store


@dataclass(frozen=True)
class Readiness:
    #: Per municipality: respondents, totals, ready counts, ``mean_<item>``.
    summary: pd.DataFrame
    #: Municipality × item: n, mean, min, max, spread (the heatmap).
    items: pd.DataFrame
    #: Municipality × total: how many respondents have that total (the dot chart).
    totals: pd.DataFrame


def readiness_frames(
    store: Store,
    *,
    actor: Actor,
    filters: Filters = Filters(),
    arrays: bool = True,
    lang: str = "sv",
) -> Readiness:
    """The summary, heatmap and totals, labelled in ``lang`` (the questions, the notes).
    ``arrays``: each municipality on the array path (``redo_arrays``) where it applies,
    else through the scorer; the figures are the same either way (``arrays=False``
    scores every group, for the tests)."""
    form = scored_form(READINESS_FORM)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    item_ids = [i.id for i in form.answerable() if i.kind == "scale"]
    summary, items, totals = [], [], []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        record = _base(workspace, rows, lang)
        if not rows:
            summary.append(record | {f"mean_{i}": None for i in item_ids})
            continue
        group = redo_arrays.figures(form, rows) if arrays else None
        if group is None:
            group = redo_arrays.scored_figures(form, REDO.summarize(form, rated(rows)))
        complete = group.complete
        record |= {
            "complete": len(complete),
            "median_total": group.median_total,
            "mean_total": group.mean_total,
            "min_total": min(complete, default=None),
            "max_total": max(complete, default=None),
            "spread_total": max(complete) - min(complete) if complete else None,
            "ready_count": group.ready_count,
            "not_ready_count": group.not_ready_count,
            "threshold": group.threshold,
        }
        record |= {f"mean_{s.id}": s.mean for s in group.items}
        summary.append(record)
        for s in group.items:
            items.append(
                {
                    "workspace_id": workspace.id,
                    "workspace": workspace.name,
                    "item": s.id,
                    "item_label": form.item(s.id).label.get(lang),
                    "n": s.n,
                    "mean": s.mean,
                    "min": s.min,
                    "max": s.max,
                    "spread": s.spread,
                    "disagree": s.disagree,
                    "single": s.n == 1,
                }
            )
        for total in sorted(set(complete)):
            totals.append(
                {
                    "workspace_id": workspace.id,
                    "workspace": workspace.name,
                    "total": total,
                    "count": complete.count(total),
                    "ready": total > group.threshold,
                }
            )
    columns = [
        "workspace_id",
        "workspace",
        "round",
        "respondents",
        "complete",
        "median_total",
        "mean_total",
        "min_total",
        "max_total",
        "spread_total",
        "ready_count",
        "not_ready_count",
        "threshold",
        "single",
        "note",
        *[f"mean_{i}" for i in item_ids],
    ]
    return Readiness(
        summary=_frame(summary, columns),
        items=pd.DataFrame(
            items,
            columns=[
                "workspace_id",
                "workspace",
                "item",
                "item_label",
                "n",
                "mean",
                "min",
                "max",
                "spread",
                "disagree",
                "single",
            ],
        ),
        totals=pd.DataFrame(
            totals, columns=["workspace_id", "workspace", "total", "count", "ready"]
        ),
    )


def readiness(
    store: Store, *, actor: Actor, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """Per municipality: respondents, median_total, ready/not ready counts, item means."""
    return readiness_frames(store, actor=actor, filters=filters, lang=lang).summary
