"""The two level instruments across municipalities: case handling
(utvecklingsnivaer) and collaboration (samverkansnivaer)."""

from __future__ import annotations

import pandas as pd

from stadforstad.compare.scope import (
    CASE_FORM,
    COLLABORATION_FORM,
    Filters,
    _base,
    _frame,
    _load,
    _mean,
    _median,
    _note,
    scored_form,
)
from stadforstad.instruments.levels import SAMVERKANSNIVAER, UTVECKLINGSNIVAER
from stadforstad.schema import Form
from stadforstad.storage.rated import rated
from stadforstad.storage.repository import Actor, Store


def case_handling(
    store: Store, *, actor: Actor, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """Per municipality: development level today and wished for (1–5), and the gap
    (the notes in ``lang``)."""
    form = scored_form(CASE_FORM)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        record = _base(workspace, rows, lang)
        if rows:
            group = UTVECKLINGSNIVAER.summarize(form, rated(rows))
            today = [m.today for m in group.members if m.today is not None]
            wished = [m.wished for m in group.members if m.wished is not None]
            record |= {
                "today_median": _median(today),
                "today_mean": _mean(today),
                "wished_median": _median(wished),
                "wished_mean": _mean(wished),
                "gap_mean": group.mean_gap,
            }
        records.append(record)
    return _frame(
        records,
        [
            "workspace_id",
            "workspace",
            "round",
            "respondents",
            "single",
            "note",
            "today_median",
            "today_mean",
            "wished_median",
            "wished_mean",
            "gap_mean",
        ],
    )


# -- collaboration (samverkansnivaer) -----------------------------------------------------
def _option_labels(form: Form, lang: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for item in form.answerable():
        for column in getattr(item, "columns", None) or []:
            for option in column.options or []:
                labels.setdefault(option.value, option.label.get(lang))
    return labels


def _typical(counts: dict[str, int]) -> str | None:
    """The level most respondents gave an actor; a tie goes to the lower level (the
    cautious reading); ``None`` when nobody gave one."""
    best = max(counts.values(), default=0)
    return next((level for level, n in counts.items() if n == best), None) if best else None


COLLABORATION_WHEN = ("today", "wished")


def collaboration(
    store: Store, *, actor: Actor, filters: Filters = Filters(), lang: str = "sv"
) -> pd.DataFrame:
    """Per municipality, today and wished: how many actors stand at each Huxham level
    (the levels named, and the notes written, in ``lang``).

    An actor named by several respondents counts once, at the level most of them gave.
    """
    form = scored_form(COLLABORATION_FORM)
    labels = _option_labels(form, lang)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        if not rows:
            continue
        group = SAMVERKANSNIVAER.summarize(form, rated(rows))
        for when in COLLABORATION_WHEN:
            per_actor = [getattr(a, when).counts for a in group.actors]
            levels = list(per_actor[0]) if per_actor else []
            typical = [_typical(c) for c in per_actor]
            placed = sum(1 for t in typical if t is not None)
            for index, level in enumerate(levels):
                count = sum(1 for t in typical if t == level)
                records.append(
                    {
                        "workspace_id": workspace.id,
                        "workspace": workspace.name,
                        "round": rows[0].round,
                        "respondents": len(rows),
                        "actors": len(group.actors),
                        "when": when,
                        "level": level,
                        "level_label": labels.get(level, level),
                        "level_index": index,
                        "count": count,
                        "share": round(count / placed, 3) if placed else None,
                        "single": len(rows) == 1,
                        "note": _note(len(rows), lang),
                    }
                )
    return _frame(
        records,
        [
            "workspace_id",
            "workspace",
            "round",
            "respondents",
            "actors",
            "when",
            "level",
            "level_label",
            "level_index",
            "count",
            "share",
            "single",
            "note",
        ],
    )
