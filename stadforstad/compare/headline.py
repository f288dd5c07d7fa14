"""Any scored form's headline number across municipalities, and its change from the
first round to the latest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import pandas as pd

from stadforstad import errors
from stadforstad.compare import redo_arrays
from stadforstad.compare.scope import (
    ONE_ROUND,
    READINESS_FORM,
    Filters,
    _base,
    _frame,
    _load,
    _mean,
    _median,
    _note,
    _round,
    scored_form,
)
from stadforstad.errors import say
from stadforstad.i18n import pick
from stadforstad.instruments.base import Headline
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor, Store, SubmittedRow


def headline_of(form: Form) -> Headline:
    """The number "change over time" follows for ``form`` (its instrument says which)."""
    headline = INSTRUMENTS[form.id].headline
    if headline is None:
        raise errors.fail(
            errors.FormFileError,
            errors.FORM_UNKNOWN_SCORER,
            "scoring",
            say(
                f"formuläret {form.id!r} har ingen huvudsiffra",
                f"the form {form.id!r} has no headline figure",
            ),
            form.id,
        )
    return headline


def _headline_values(
    form: Form, rows: Sequence[SubmittedRow], *, arrays: bool = True
) -> list[float]:
    """The headline number of every response that has one. ``arrays``: computed on the
    array path (``redo_arrays``) where it applies, else through the scorer."""
    instrument, headline = INSTRUMENTS[form.id], headline_of(form)
    light = redo_arrays.numbers(form, rows) if arrays else None
    if light is not None:
        try:
            # The headline reads the result's fields; the light numbers have the same.
            return [float(v) for v in map(headline.value, cast(Any, light)) if v is not None]
        except AttributeError:
            pass  # a headline reading a field the light numbers lack: the scorer
    values = (headline.value(instrument.score(form, r.answers)) for r in rows)
    return [float(v) for v in values if v is not None]


def scores(
    store: Store, *, actor: Actor, filters: Filters = Filters(), form_id: str, lang: str = "sv"
) -> pd.DataFrame:
    """Any scored form's headline number per municipality: median, mean, min, max; the
    measure named (and the notes written) in ``lang``."""
    form = scored_form(form_id)
    workspaces, by_workspace = _load(store, actor, filters, form.id)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        values = _headline_values(form, rows)
        records.append(
            _base(workspace, rows, lang)
            | {
                "measure": headline_of(form).label(lang),
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
    store: Store,
    *,
    actor: Actor,
    filters: Filters = Filters(),
    form_id: str = READINESS_FORM,
    arrays: bool = True,
    lang: str = "sv",
) -> pd.DataFrame:
    """First and latest round per municipality of the form's headline number (the
    median over respondents; for ``redo`` the total's median), and the change. The
    round filter does not apply: the rounds are what this view compares. ``arrays``:
    see :func:`_headline_values` (the same figures either way). The measure and the
    notes in ``lang``."""
    form = scored_form(form_id)
    workspaces, by_workspace = _load(store, actor, filters, form.id, all_rounds=True)
    records = []
    for workspace in workspaces:
        rows = by_workspace.get(workspace.id, [])
        if not rows:
            continue
        rounds = sorted({r.round for r in rows})
        first, latest = rounds[0], rounds[-1]
        first_values = _headline_values(form, [r for r in rows if r.round == first], arrays=arrays)
        latest_values = _headline_values(
            form, [r for r in rows if r.round == latest], arrays=arrays
        )
        first_value, latest_value = _median(first_values), _median(latest_values)
        records.append(
            {
                "workspace_id": workspace.id,
                "workspace": workspace.name,
                "form_id": form.id,
                "measure": headline_of(form).label(lang),
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
                "note": pick(lang, *ONE_ROUND)
                if len(rounds) == 1
                else _note(min(len(first_values), len(latest_values)), lang),
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
