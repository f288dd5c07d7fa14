"""The forms that hold special categories of personal data (``sensitive: true``): what
exports leave out unless asked, and the retention of the escort-site adverts.

- :func:`sensitive_form_ids`: the forms whose answers a workspace export leaves out
  unless ``include_sensitive`` is asked for (``--include-sensitive`` on the command
  line, a box to tick on the administration page); such an export is audited as
  ``export_sensitive``.
- :func:`purge_eskortsidor`: the retention of ``eskortsidor``. An advert row whose date
  is more than ``STADFORSTAD_ESKORTSIDOR_RETENTION_MONTHS`` (12) months old is removed
  from every submitted version and the draft (a row without a date goes by the day it
  was saved). A response left without any row is deleted whole. Run by
  ``stadforstad purge`` (``stadforstad.retention``). The same pass codes any advertiser
  name still stored as typed (answers saved before names were keyed) with the keyed
  hash, so no name outlives the first purge.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from scoring.eskortsidor import DATE, TABLE
from stadforstad.i18n import local_time
from stadforstad.settings import get_settings
from stadforstad.storage.tables import Response, Revision

FORM_ID = "eskortsidor"


def sensitive_form_ids() -> set[str]:
    """The ids of the forms marked ``sensitive`` in this installation's form files."""
    from stadforstad.catalog import list_forms

    return {form.id for form in list_forms() if form.sensitive}


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_cutoff(now: dt.datetime, months: int | None = None) -> str:
    """Rows dated before this day (ISO) have expired at ``now`` (Swedish time)."""
    months = months or get_settings().eskortsidor_retention_months
    return months_before(local_time(now).date(), months).isoformat()


def _kept(answers: dict[str, Any] | None, saved: dt.datetime | None, cutoff: str):
    """``answers`` without its expired rows, and how many rows were removed."""
    if not answers or not isinstance(answers.get(TABLE), list):
        return answers, 0
    fallback = local_time(saved).date().isoformat() if saved else None
    rows = answers[TABLE]
    kept = [
        row
        for row in rows
        if not isinstance(row, dict) or str(row.get(DATE) or fallback or cutoff)[:10] >= cutoff
    ]
    return {**answers, TABLE: kept}, len(rows) - len(kept)


def _coded(answers: dict[str, Any] | None) -> dict[str, Any] | None:
    """``answers`` with any advertiser name still as typed replaced by its code."""
    from stadforstad.catalog import load_form
    from stadforstad.keyed import protect_answers

    return protect_answers(load_form(FORM_ID), answers) if answers else answers


def _has_rows(answers: dict[str, Any] | None) -> bool:
    return bool(answers and answers.get(TABLE))


def purge_eskortsidor(
    session: Session, *, now: dt.datetime, dry_run: bool = False, months: int | None = None
) -> int:
    """Remove (or with ``dry_run`` only count) the advert rows past their retention; the
    number of rows."""
    cutoff = retention_cutoff(now, months)
    removed = 0
    for response in list(session.scalars(select(Response).where(Response.form_id == FORM_ID))):
        revisions = list(
            session.scalars(select(Revision).where(Revision.response_id == response.id))
        )
        here, left = 0, False
        for revision in revisions:
            answers, gone = _kept(revision.answers, revision.saved_at, cutoff)
            here += gone
            coded = _coded(answers)
            if (gone or coded != answers) and not dry_run:
                revision.answers = coded or {}
            left = left or _has_rows(answers)
        draft, gone = _kept(response.draft, response.draft_saved_at, cutoff)
        here += gone
        coded_draft = _coded(draft)
        if (gone or coded_draft != draft) and not dry_run:
            response.draft = coded_draft
        left = left or _has_rows(draft)
        removed += here
        if here and not left and not dry_run:
            # Nothing of the response is left: delete it whole, its versions with it.
            session.execute(delete(Revision).where(Revision.response_id == response.id))
            session.delete(response)
    session.flush()
    return removed
