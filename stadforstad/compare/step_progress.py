"""Progress through the handbook's steps 0–7 across municipalities: which forms
each has completed, as a grid and as a summary."""

from __future__ import annotations

from typing import Any

import pandas as pd

from stadforstad.catalog import list_forms
from stadforstad.compare.scope import Filters, _workspaces
from stadforstad.completion import is_done
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor, Store


def step_forms() -> list[Form]:
    """The forms of steps 0–7, in the handbook's order."""
    return [f for f in list_forms() if f.step is not None]


def progress(
    store: Store, *, actor: Actor, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """Municipality × form of steps 0–7: submitted responses, and completed when at
    least one of them is done (``completion.is_done``: an empty notes form is not).
    Without a round filter any round counts. The forms' titles in ``lang``."""
    workspaces = _workspaces(store, actor, filters)
    saved_from, saved_to = filters.period()
    period: dict[str, Any] = {
        "round": filters.round,
        "saved_from": saved_from,
        "saved_to": saved_to,
    }
    by_id = {f.id: f for f in list_forms()}
    # A form is completed when ONE response is done: the first response of every
    # workspace and form is read (one query), and the others only where that one is not
    # done (a second query). Reading every answer cost most of this view.
    counts: dict[tuple[int, str], int] = {}
    done: set[tuple[int, str]] = set()
    for workspace_id, form_id, responses, answers in store.first_answers(
        actor=actor, workspace_ids=[w.id for w in workspaces], **period
    ):
        key = (workspace_id, form_id)
        counts[key] = responses
        if form_id in by_id and is_done(by_id[form_id], answers):
            done.add(key)
    pending = {k for k, n in counts.items() if n > 1 and k not in done and k[1] in by_id}
    if pending:
        for workspace_id, form_id, answers in store.submitted_answers(
            actor=actor,
            workspace_ids=sorted({w for w, _ in pending}),
            form_ids=sorted({f for _, f in pending}),
            **period,
        ):
            key = (workspace_id, form_id)
            if key in pending and key not in done and is_done(by_id[form_id], answers):
                done.add(key)
    forms = step_forms()
    records = [
        {
            "workspace_id": w.id,
            "workspace": w.name,
            "step": f.step,
            "order": order,
            "form_id": f.id,
            "form_title": f.title.get(lang),
            # How the grid and its chart name the form: "0 · Är ni redo?"
            "form": f"{f.step} · {f.title.get(lang)}",
            "responses": counts.get((w.id, f.id), 0),
            "completed": (w.id, f.id) in done,
        }
        for w in workspaces
        for order, f in enumerate(forms)
    ]
    return pd.DataFrame(
        records,
        columns=[
            "workspace_id",
            "workspace",
            "step",
            "order",
            "form_id",
            "form_title",
            "form",
            "responses",
            "completed",
        ],
    )


def progress_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per municipality: forms completed of all, and the furthest step with one done."""
    if frame.empty:
        return pd.DataFrame(
            columns=["workspace_id", "workspace", "completed", "forms", "furthest_step"]
        )
    done = frame[frame["completed"]]
    summary = (
        frame.groupby(["workspace_id", "workspace"], sort=False)
        .agg(completed=("completed", "sum"), forms=("form_id", "count"))
        .reset_index()
    )
    furthest = done.groupby("workspace_id")["step"].max()
    summary["furthest_step"] = summary["workspace_id"].map(furthest).astype("Int64")
    return summary


def progress_grid(frame: pd.DataFrame) -> pd.DataFrame:
    """The grid as a table: one row per municipality, one column per form ("step ·
    title"), ✓ when done."""
    if frame.empty:
        return pd.DataFrame(columns=["workspace"])
    grid = frame.assign(mark=frame["completed"].map({True: "✓", False: ""})).pivot(
        index="workspace", columns="form", values="mark"
    )
    order = frame.drop_duplicates("form_id").sort_values("order")["form"]
    names = frame.drop_duplicates("workspace_id")["workspace"]
    return grid.reindex(index=list(names), columns=list(order)).reset_index()
