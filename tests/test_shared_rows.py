"""Rows shared between forms (rows_from): which response they come from, and how."""

from __future__ import annotations

import datetime as dt

from stadforstad.catalog import load_form
from stadforstad.shared_rows import shared_rows
from stadforstad.storage.repository import SubmittedRow

T0 = dt.datetime(2026, 3, 1, 9, 0)


def _row(form_id: str, respondent: str, names: list, minutes: int) -> SubmittedRow:
    return SubmittedRow(
        workspace_id=1,
        workspace="Landskrona",
        respondent_id=1,
        respondent=respondent,
        form_id=form_id,
        round=1,
        revision=1,
        form_version=1,
        answers={"aktorer": [{"aktor": n} for n in names]},
        saved_at=T0 + dt.timedelta(minutes=minutes),
    )


def test_the_latest_submission_of_the_linked_form_wins_whoever_sent_it() -> None:
    item = load_form("samverkansnivaer").item("aktorer")
    found = shared_rows(
        item,
        [
            _row("aktorsanalys", "Anna", ["Polisen"], 0),
            _row("aktorsanalys", "Bo", ["Skolan", "Taxi"], 5),
            _row("samverkansnivaer", "Cilla", ["Kyrkan"], 9),
        ],
    )
    assert found.rows == [{"aktor": "Skolan"}, {"aktor": "Taxi"}]
    assert (found.form_id, found.saved_at) == ("aktorsanalys", T0 + dt.timedelta(minutes=5))


def test_names_are_tidied_and_written_once() -> None:
    item = load_form("aktorsanalys").item("aktorer")
    found = shared_rows(
        item,
        [_row("samverkansnivaer", "Anna", ["  Polisen ", "polisen", "Lokal  polis", "", None], 0)],
    )
    assert found.rows == [{"aktor": "Polisen"}, {"aktor": "Lokal polis"}]


def test_nothing_to_share() -> None:
    item = load_form("aktorsanalys").item("aktorer")
    assert shared_rows(item, []) is None
    assert shared_rows(item, [_row("samverkansnivaer", "Anna", [""], 0)]) is None
    unlinked = load_form("rekrytering").item("kandidater")
    assert shared_rows(unlinked, [_row("samverkansnivaer", "Anna", ["Polisen"], 0)]) is None
