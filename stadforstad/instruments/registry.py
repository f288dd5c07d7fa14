"""Every form's instrument, in one literal registry keyed by form id.

The order is the handbook's order of the instruments within their step (the form
files say which step): ``catalog.list_forms`` sorts by it. A test checks that every
form file has an instrument and every instrument a form file, and that an instrument
is scored exactly when its form names a scorer.
"""

from __future__ import annotations

from typing import Any

from stadforstad.instruments.aktorsanalys import AKTORSANALYS
from stadforstad.instruments.arenderutin import ARENDERUTIN
from stadforstad.instruments.base import Instrument, notes_instrument
from stadforstad.instruments.eskortsidor import ESKORTSIDOR
from stadforstad.instruments.event import EVENT
from stadforstad.instruments.icebreaker import ICEBREAKER
from stadforstad.instruments.kartlaggning import KARTLAGGNING
from stadforstad.instruments.kartlaggningsplan import KARTLAGGNINGSPLAN
from stadforstad.instruments.kontaktyta import KONTAKTYTA
from stadforstad.instruments.kunskapsbank import KUNSKAPSBANK
from stadforstad.instruments.levels import SAMVERKANSNIVAER, UTVECKLINGSNIVAER
from stadforstad.instruments.order import ORDER
from stadforstad.instruments.redo import REDO
from stadforstad.instruments.rekrytering import REKRYTERING
from stadforstad.instruments.roles import (
    MOTIVATION_KOMMUNIKATION,
    NATVERKSROLL,
    SAMORDNINGSFUNKTION,
)
from stadforstad.instruments.samverkansplan import SAMVERKANSPLAN
from stadforstad.instruments.statistik import STATISTIK
from stadforstad.instruments.swot import SWOT
from stadforstad.instruments.utgangspunkt import UTGANGSPUNKT
from stadforstad.instruments.workshop_notes import DODSFALLAN, MODIG_MILJO, ORGANISATION, SCENARIER
from stadforstad.instruments.yes_no import ENGAGEMANG, RIKTNING

_BY_FORM: dict[str, Instrument[Any, Any]] = {
    "engagemang": ENGAGEMANG,
    "riktning": RIKTNING,
    "rekrytering": REKRYTERING,
    "staden": notes_instrument("staden"),
    "redo": REDO,
    "icebreaker": ICEBREAKER,
    "organisation": ORGANISATION,
    "modig_miljo": MODIG_MILJO,
    "scenarier": SCENARIER,
    "dodsfallan": DODSFALLAN,
    "malgrupp_kontaktyta": KONTAKTYTA,
    "kartlaggning": KARTLAGGNING,
    "eskortsidor": ESKORTSIDOR,
    "kartlaggningsplan": KARTLAGGNINGSPLAN,
    "aktorsperspektiv": notes_instrument("aktorsperspektiv"),
    "samverkansnivaer": SAMVERKANSNIVAER,
    "aktorsanalys": AKTORSANALYS,
    "reflektion_1_3": notes_instrument("reflektion_1_3"),
    "kunskapsbank": KUNSKAPSBANK,
    "motivation_kommunikation": MOTIVATION_KOMMUNIKATION,
    "samordningsfunktion": SAMORDNINGSFUNKTION,
    "natverksroll": NATVERKSROLL,
    "event": EVENT,
    "reflektion_4_5": notes_instrument("reflektion_4_5"),
    "utgangspunkt": UTGANGSPUNKT,
    "swot": SWOT,
    "samverkansplan": SAMVERKANSPLAN,
    "reflektion_6": notes_instrument("reflektion_6"),
    "utvecklingsnivaer": UTVECKLINGSNIVAER,
    "arenderutin": ARENDERUTIN,
    "reflektion_7": notes_instrument("reflektion_7"),
    "statistik": STATISTIK,
}
#: Every form's instrument, in the handbook's order (``order.ORDER``, the one place it
#: is written: the form catalogue reads it without importing this module).
INSTRUMENTS: dict[str, Instrument[Any, Any]] = {form_id: _BY_FORM[form_id] for form_id in ORDER}


def get_instrument(form_id: str) -> Instrument[Any, Any]:
    """The instrument of ``form_id`` (KeyError for a form that has none: a test keeps
    the registry complete)."""
    return INSTRUMENTS[form_id]


def scored_ids() -> list[str]:
    """The forms with a scorer of their own, in the handbook's order."""
    return [form_id for form_id, instrument in INSTRUMENTS.items() if instrument.scored]
