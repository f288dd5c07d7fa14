"""Who may compare and what: the rights, the filters, and loading the chosen
workspaces' responses in one store call; the small helpers every view's rows share."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from stadforstad import errors
from stadforstad.catalog import list_forms, load_form
from stadforstad.compilation import SHARE_MIN_GROUP
from stadforstad.errors import ForbiddenError, say
from stadforstad.i18n import pick
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor, Store, SubmittedRow, WorkspaceInfo

TZ = ZoneInfo("Europe/Stockholm")
READINESS_FORM = "redo"
CASE_FORM = "utvecklingsnivaer"
COLLABORATION_FORM = "samverkansnivaer"
INDICATOR_FORM = "kartlaggning"
#: The notes beside a figure, ``(Swedish, English)``, shown as ``pick(lang, *NOTE)``.
#: A figure that rests on a single response:
SINGLE = ("1 svar", "1 response")
NO_ANSWERS = ("inga svar", "no responses")
#: Beside a figure whose answers through links were left out (too few to show).
LINKS_HIDDEN = (
    f"svar via länk döljs (färre än {SHARE_MIN_GROUP})",
    f"answers through links hidden (fewer than {SHARE_MIN_GROUP})",
)
#: Beside a change over time measured in one round only.
ONE_ROUND = ("en omgång", "one round")


# -- who may compare, and what --------------------------------------------------------
def can_compare(actor: Actor) -> bool:
    """County coordinators (a coordinator grant somewhere) and administrators."""
    return actor.can_compare()


def comparable_workspaces(store: Store, *, actor: Actor) -> list[WorkspaceInfo]:
    """The workspaces ``actor`` may put side by side: every one they can read."""
    if not can_compare(actor):
        raise errors.fail(
            ForbiddenError,
            errors.AUTH_FORBIDDEN,
            "compare",
            say(
                "jämförelsen är till för länssamordnare och administratörer",
                "the comparison is for county coordinators and administrators",
            ),
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
            errors.AUTH_FORBIDDEN,
            "workspaces",
            say(
                f"{actor.name} har inte behörighet till alla valda kommuner",
                f"{actor.name} is not allowed to see every chosen municipality",
            ),
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
            say(f"formuläret {form_id!r} räknas inte fram", f"the form {form_id!r} has no scoring"),
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


def _note(n: int, lang: str) -> str:
    return pick(lang, *NO_ANSWERS) if n == 0 else pick(lang, *SINGLE) if n == 1 else ""


def _base(workspace: WorkspaceInfo, rows: Sequence[SubmittedRow], lang: str) -> dict[str, Any]:
    return {
        "workspace_id": workspace.id,
        "workspace": workspace.name,
        "round": rows[0].round if rows else None,
        "respondents": len(rows),
        "single": len(rows) == 1,
        "note": _note(len(rows), lang),
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
