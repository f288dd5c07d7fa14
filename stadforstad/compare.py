"""Comparing municipalities: one function per view, each a tidy pandas frame.

Every view loads the responses it needs in ONE store call over all chosen
workspaces, scores them through each form's instrument (``stadforstad.instruments``) and
returns aggregated rows; the charts in ``compare_charts`` only draw them.

Rights are checked here, not only in the page: comparing needs a coordinator grant
(or an administrator), and only workspaces the actor can read are ever loaded.

``Filters.round is None`` means each municipality's latest round of that form, so two
rounds of one respondent are never mixed into one mean. The period keeps responses
as they stood at the end of the period and saved within it (see ``Store.submitted``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from scoring.common import Rated
from stadforstad import errors
from stadforstad.catalog import list_forms, load_form
from stadforstad.compilation import SHARE_MIN_GROUP
from stadforstad.completion import is_done
from stadforstad.errors import ForbiddenError
from stadforstad.instruments.base import Headline
from stadforstad.instruments.kartlaggning import KARTLAGGNING
from stadforstad.instruments.levels import SAMVERKANSNIVAER, UTVECKLINGSNIVAER
from stadforstad.instruments.redo import READINESS_THRESHOLD, REDO
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Form
from stadforstad.spreadsheet import write_xlsx
from stadforstad.storage.links import LinkStore
from stadforstad.storage.repository import COORDINATOR, Actor, Store, SubmittedRow, WorkspaceInfo

TZ = ZoneInfo("Europe/Stockholm")
READINESS_FORM = "redo"
CASE_FORM = "utvecklingsnivaer"
COLLABORATION_FORM = "samverkansnivaer"
INDICATOR_FORM = "kartlaggning"
#: The note shown beside a figure that rests on a single response.
SINGLE = "1 svar"
NO_ANSWERS = "inga svar"
#: Beside a figure whose answers through links were left out (too few to show).
LINKS_HIDDEN = f"svar via länk döljs (färre än {SHARE_MIN_GROUP})"


# -- who may compare, and what --------------------------------------------------------
def can_compare(actor: Actor) -> bool:
    """County coordinators (a coordinator grant somewhere) and administrators."""
    return actor.is_admin or COORDINATOR in actor.grants.values()


def comparable_workspaces(store: Store, *, actor: Actor) -> list[WorkspaceInfo]:
    """The workspaces ``actor`` may put side by side: every one they can read."""
    if not can_compare(actor):
        raise errors.fail(
            ForbiddenError,
            errors.STORE_FORBIDDEN,
            "compare",
            "jämförelsen är till för länssamordnare och administratörer",
        )
    return store.list_workspaces(actor=actor)


@dataclass(frozen=True)
class Filters:
    #: ``None``: every workspace the actor can read.
    workspace_ids: tuple[int, ...] | None = None
    #: Period, both days included, in Swedish time.
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: ``None``: each municipality's latest round of the form.
    round: int | None = None

    def period(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The period as UTC instants: ``[from 00:00, the day after to 00:00)``."""

        def start(day: dt.date) -> dt.datetime:
            local = dt.datetime.combine(day, dt.time(), tzinfo=TZ)
            return local.astimezone(dt.UTC)

        return (
            start(self.date_from) if self.date_from else None,
            start(self.date_to + dt.timedelta(days=1)) if self.date_to else None,
        )


def _workspaces(store: Store, actor: Actor, filters: Filters) -> list[WorkspaceInfo]:
    readable = comparable_workspaces(store, actor=actor)
    if filters.workspace_ids is None:
        return readable
    by_id = {w.id: w for w in readable}
    wanted = set(filters.workspace_ids)
    if not wanted <= set(by_id):
        # The same answer whether it does not exist or is not yours.
        raise errors.fail(
            ForbiddenError,
            errors.STORE_FORBIDDEN,
            "workspaces",
            f"{actor.name} har inte behörighet till alla valda kommuner",
        )
    return [w for w in readable if w.id in wanted]


def scored_form(form_id: str) -> Form:
    """The form, which must have a scorer in the registry (FORM_001/FORM_010 if not)."""
    form = load_form(form_id)
    if not INSTRUMENTS[form.id].scored:
        raise errors.fail(
            errors.FormFileError,
            errors.FORM_UNKNOWN_SCORER,
            "scoring",
            f"the form {form_id!r} has no scoring",
            form_id,
        )
    return form


def available(form_id: str) -> bool:
    """Whether the form exists and is scored, i.e. its view can be shown."""
    return any(f.id == form_id and INSTRUMENTS[f.id].scored for f in list_forms())


def _load(
    store: Store, actor: Actor, filters: Filters, form_id: str, *, all_rounds: bool = False
) -> tuple[list[WorkspaceInfo], dict[int, list[SubmittedRow]]]:
    """The chosen workspaces and their responses to ``form_id``: one store call."""
    workspaces = _workspaces(store, actor, filters)
    saved_from, saved_to = filters.period()
    rows = store.submitted(
        actor=actor,
        workspace_ids=[w.id for w in workspaces],
        form_id=form_id,
        round=None if all_rounds else filters.round,
        saved_from=saved_from,
        saved_to=saved_to,
    )
    by_workspace: dict[int, list[SubmittedRow]] = {}
    for row in rows:
        by_workspace.setdefault(row.workspace_id, []).append(row)
    if not all_rounds and filters.round is None:
        for workspace_id, group in by_workspace.items():
            latest = max(r.round for r in group)
            by_workspace[workspace_id] = [r for r in group if r.round == latest]
    return workspaces, by_workspace


def _rated(rows: Sequence[SubmittedRow]) -> list[Rated]:
    return [Rated(respondent=r.respondent, answers=r.answers) for r in rows]


def _note(n: int) -> str:
    return NO_ANSWERS if n == 0 else SINGLE if n == 1 else ""


def _base(workspace: WorkspaceInfo, rows: Sequence[SubmittedRow]) -> dict[str, Any]:
    return {
        "workspace_id": workspace.id,
        "workspace": workspace.name,
        "round": rows[0].round if rows else None,
        "respondents": len(rows),
        "single": len(rows) == 1,
        "note": _note(len(rows)),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=columns)
    if "round" in frame.columns:  # a round is a whole number, also beside "no answers"
        frame["round"] = frame["round"].astype("Int64")
    return frame


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _mean(values: Sequence[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


# -- readiness (redo) -------------------------------------------------------------------
@dataclass(frozen=True)
class Readiness:
    #: Per municipality: respondents, totals, ready counts, ``mean_<item>``.
    summary: pd.DataFrame
    #: Municipality × item: n, mean, min, max, spread (the heatmap).
    items: pd.DataFrame
    #: Municipality × total: how many respondents have that total (the dot chart).
    totals: pd.DataFrame


def readiness_frames(store: Store, *, actor: Actor, filters: Filters = Filters()) -> Readiness:
    form = scored_form(READINESS_FORM)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    summarize = REDO.summarize
    item_ids = [i.id for i in form.answerable() if i.kind == "scale"]
    summary, items, totals = [], [], []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        record = _base(workspace, rows)
        if not rows:
            summary.append(record | {f"mean_{i}": None for i in item_ids})
            continue
        group = summarize(form, _rated(rows))
        complete = [m.total for m in group.members if m.complete]
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
                    "item_label": form.item(s.id).label.sv,
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


def readiness_threshold(summary: pd.DataFrame) -> int:
    """The readiness threshold, as the scorer's results carry it (the scorer's own
    value when no municipality has answered yet)."""
    given = summary["threshold"].dropna() if "threshold" in summary else pd.Series(dtype=float)
    return int(given.iloc[0]) if len(given) else READINESS_THRESHOLD


def readiness(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """Per municipality: respondents, median_total, ready/not ready counts, item means."""
    return readiness_frames(store, actor=actor, filters=filters).summary


def readiness_items(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """The heatmap: municipality × readiness item, mean and spread."""
    return readiness_frames(store, actor=actor, filters=filters).items


# -- one headline number per scored form ------------------------------------------------
def headline_of(form: Form) -> Headline:
    """The number "change over time" follows for ``form`` (its instrument says which)."""
    headline = INSTRUMENTS[form.id].headline
    if headline is None:
        raise errors.fail(
            errors.FormFileError,
            errors.FORM_UNKNOWN_SCORER,
            "scoring",
            f"the form {form.id!r} has no headline figure",
            form.id,
        )
    return headline


def _headline_values(form: Form, rows: Sequence[SubmittedRow]) -> list[float]:
    instrument, headline = INSTRUMENTS[form.id], headline_of(form)
    values = (headline.value(instrument.score(form, r.answers)) for r in rows)
    return [float(v) for v in values if v is not None]


def scores(
    store: Store, *, actor: Actor, filters: Filters = Filters(), form_id: str
) -> pd.DataFrame:
    """Any scored form's headline number per municipality: median, mean, min, max."""
    form = scored_form(form_id)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        values = _headline_values(form, rows)
        records.append(
            _base(workspace, rows)
            | {
                "measure": headline_of(form).sv,
                "median": _median(values),
                "mean": _mean(values),
                "min": min(values, default=None),
                "max": max(values, default=None),
            }
        )
    return _frame(
        records,
        [
            "workspace_id",
            "workspace",
            "round",
            "respondents",
            "single",
            "note",
            "measure",
            "median",
            "mean",
            "min",
            "max",
        ],
    )


# -- change over time -------------------------------------------------------------------
def change(
    store: Store, *, actor: Actor, filters: Filters = Filters(), form_id: str = READINESS_FORM
) -> pd.DataFrame:
    """First and latest round per municipality of the form's headline number (the
    median over respondents; for ``redo`` the total's median), and the change. The
    round filter does not apply: the rounds are what this view compares."""
    form = scored_form(form_id)
    workspaces, by_workspace = _load(store, actor, filters, form.id, all_rounds=True)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        if not rows:
            continue
        rounds = sorted({r.round for r in rows})
        first, latest = rounds[0], rounds[-1]
        first_values = _headline_values(form, [r for r in rows if r.round == first])
        latest_values = _headline_values(form, [r for r in rows if r.round == latest])
        first_value, latest_value = _median(first_values), _median(latest_values)
        records.append(
            {
                "workspace_id": workspace.id,
                "workspace": workspace.name,
                "form_id": form.id,
                "measure": headline_of(form).sv,
                "first_round": first,
                "first_n": len(first_values),
                "first_value": _round(first_value),
                "latest_round": latest,
                "latest_n": len(latest_values),
                "latest_value": _round(latest_value),
                "change": (
                    _round(latest_value - first_value)
                    if latest != first and latest_value is not None and first_value is not None
                    else None
                ),
                "rounds": len(rounds),
                "single": min(len(first_values), len(latest_values)) == 1,
                "note": "en omgång"
                if len(rounds) == 1
                else _note(min(len(first_values), len(latest_values))),
            }
        )
    return pd.DataFrame(
        records,
        columns=[
            "workspace_id",
            "workspace",
            "form_id",
            "measure",
            "first_round",
            "first_n",
            "first_value",
            "latest_round",
            "latest_n",
            "latest_value",
            "change",
            "rounds",
            "single",
            "note",
        ],
    )


# -- case handling (utvecklingsnivaer) ----------------------------------------------------
def case_handling(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """Per municipality: development level today and wished for (1–5), and the gap."""
    form = scored_form(CASE_FORM)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        record = _base(workspace, rows)
        if rows:
            group = UTVECKLINGSNIVAER.summarize(form, _rated(rows))
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
def _option_labels(form: Form) -> dict[str, str]:
    labels: dict[str, str] = {}
    for item in form.answerable():
        for column in getattr(item, "columns", None) or []:
            for option in column.options or []:
                labels.setdefault(option.value, option.label.sv)
    return labels


def _typical(counts: dict[str, int]) -> str | None:
    """The level most respondents gave an actor; a tie goes to the lower level (the
    cautious reading); ``None`` when nobody gave one."""
    best = max(counts.values(), default=0)
    return next((level for level, n in counts.items() if n == best), None) if best else None


COLLABORATION_WHEN = ("today", "wished")


def collaboration(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """Per municipality, today and wished: how many actors stand at each Huxham level.

    An actor named by several respondents counts once, at the level most of them gave.
    """
    form = scored_form(COLLABORATION_FORM)
    labels = _option_labels(form)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        if not rows:
            continue
        group = SAMVERKANSNIVAER.summarize(form, _rated(rows))
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
                        "note": _note(len(rows)),
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


# -- indicator grid (kartlaggning) --------------------------------------------------------
def indicators(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """Municipality × category of indicators: the mean of the respondents' category means."""
    form = scored_form(INDICATOR_FORM)
    titles = {s.id: s.title.sv for s in form.sections if s.title}
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    # The industries' answers through invitation links are the grid's main source; they
    # have no round, so they count in every round and within the period they were sent.
    saved_from, saved_to = filters.period()
    by_link: dict[int, list[Rated]] = {}
    for answer in LinkStore(store).sent_answers(
        actor=actor,
        workspace_ids=[w.id for w in workspaces],
        form_id=form.id,
        sent_from=saved_from,
        sent_to=saved_to,
    ):
        by_link.setdefault(answer.workspace_id, []).append(
            Rated(respondent=f"länk {answer.link_id} · svar {answer.id}", answers=answer.answers)
        )
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        linked = by_link.get(workspace.id, [])
        hidden = not actor.can_write(workspace.id) and 0 < len(linked) < SHARE_MIN_GROUP
        if hidden:
            # Too few answers through links to show to anyone outside the workspace
            # (a county coordinator): left out, as the compilation hides small groups.
            linked = []
        if not rows and not linked:
            continue
        group = KARTLAGGNING.summarize(form, _rated(rows) + linked)
        for category in group.categories:
            records.append(
                {
                    "workspace_id": workspace.id,
                    "workspace": workspace.name,
                    "round": rows[0].round if rows else None,
                    "respondents": len(rows) + len(linked),
                    "link_answers": len(linked),
                    "category": category.id,
                    "category_label": titles.get(category.id, category.id),
                    "mean": category.mean,
                    "n": category.n,
                    "min": category.min,
                    "max": category.max,
                    "spread": (
                        category.max - category.min
                        if category.max is not None and category.min is not None
                        else None
                    ),
                    "single": category.n == 1,
                    "note": LINKS_HIDDEN if hidden else _note(category.n),
                }
            )
    return _frame(
        records,
        [
            "workspace_id",
            "workspace",
            "round",
            "respondents",
            "link_answers",
            "category",
            "category_label",
            "mean",
            "n",
            "min",
            "max",
            "spread",
            "single",
            "note",
        ],
    )


# -- progress through the steps ------------------------------------------------------------
def step_forms() -> list[Form]:
    """The forms of steps 0–7, in the handbook's order."""
    return [f for f in list_forms() if f.step is not None]


def progress(store: Store, *, actor: Actor, filters: Filters = Filters()) -> pd.DataFrame:
    """Municipality × form of steps 0–7: submitted responses, and completed when at
    least one of them is done (``completion.is_done``: an empty notes form is not).
    Without a round filter any round counts."""
    workspaces = _workspaces(store, actor, filters)
    saved_from, saved_to = filters.period()
    counts: dict[tuple[int, str], int] = {}
    done: set[tuple[int, str]] = set()
    by_id = {f.id: f for f in list_forms()}
    for row in store.submitted(
        actor=actor,
        workspace_ids=[w.id for w in workspaces],
        round=filters.round,
        saved_from=saved_from,
        saved_to=saved_to,
    ):
        key = (row.workspace_id, row.form_id)
        counts[key] = counts.get(key, 0) + 1
        if row.form_id in by_id and is_done(by_id[row.form_id], row.answers):
            done.add(key)
    forms = step_forms()
    records = [
        {
            "workspace_id": w.id,
            "workspace": w.name,
            "step": f.step,
            "order": order,
            "form_id": f.id,
            "form_title": f.title.sv,
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
    """The grid as a table: one row per municipality, one column per form, ✓ when done."""
    if frame.empty:
        return pd.DataFrame(columns=["workspace"])
    grid = frame.assign(mark=frame["completed"].map({True: "✓", False: ""})).pivot(
        index="workspace", columns="form_id", values="mark"
    )
    order = frame.drop_duplicates("form_id").sort_values("order")["form_id"]
    names = frame.drop_duplicates("workspace_id")["workspace"]
    return grid.reindex(index=list(names), columns=list(order)).reset_index()


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
    store: Store, *, actor: Actor, form_id: str, filters: Filters = Filters()
) -> pd.DataFrame:
    """The comparison frame of ``form_id`` (``progress`` for the steps grid)."""
    if form_id == "progress":
        return progress(store, actor=actor, filters=filters)
    if form_id in VIEWS:
        scored_form(form_id)
        return VIEWS[form_id](store, actor=actor, filters=filters)
    return scores(store, actor=actor, filters=filters, form_id=form_id)


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
