"""Every form's instrument, in one literal registry keyed by form id.

The order is the handbook's order of the instruments within their step (the form
files say which step): ``catalog.list_forms`` sorts by it. A test checks that every
form file has an instrument and every instrument a form file, and that an instrument
is scored exactly when its form names a scorer.
"""

from __future__ import annotations

from typing import Any

from stadforstad.instruments.aktorsanalys import AKTORSANALYS
from stadforstad.instruments.base import Instrument, notes_instrument
from stadforstad.instruments.eskortsidor import ESKORTSIDOR
from stadforstad.instruments.kartlaggning import KARTLAGGNING
from stadforstad.instruments.levels import SAMVERKANSNIVAER, UTVECKLINGSNIVAER
from stadforstad.instruments.redo import REDO
from stadforstad.instruments.rekrytering import REKRYTERING
from stadforstad.instruments.yes_no import ENGAGEMANG, RIKTNING

INSTRUMENTS: dict[str, Instrument[Any, Any]] = {
    # Steg 0
    "engagemang": ENGAGEMANG,
    "riktning": RIKTNING,
    "rekrytering": REKRYTERING,
    "staden": notes_instrument("staden"),
    "redo": REDO,
    # Steg 1
    "icebreaker": notes_instrument("icebreaker"),
    "organisation": notes_instrument("organisation"),
    "modig_miljo": notes_instrument("modig_miljo"),
    "scenarier": notes_instrument("scenarier"),
    "dodsfallan": notes_instrument("dodsfallan"),
    # Steg 2
    "malgrupp_kontaktyta": notes_instrument("malgrupp_kontaktyta"),
    "kartlaggning": KARTLAGGNING,
    "eskortsidor": ESKORTSIDOR,
    "kartlaggningsplan": notes_instrument("kartlaggningsplan"),
    # Steg 3
    "aktorsperspektiv": notes_instrument("aktorsperspektiv"),
    "samverkansnivaer": SAMVERKANSNIVAER,
    "aktorsanalys": AKTORSANALYS,
    "reflektion_1_3": notes_instrument("reflektion_1_3"),
    # Steg 4
    "kunskapsbank": notes_instrument("kunskapsbank"),
    # Steg 5
    "motivation_kommunikation": notes_instrument("motivation_kommunikation"),
    "samordningsfunktion": notes_instrument("samordningsfunktion"),
    "natverksroll": notes_instrument("natverksroll"),
    "event": notes_instrument("event"),
    "reflektion_4_5": notes_instrument("reflektion_4_5"),
    # Steg 6
    "utgangspunkt": notes_instrument("utgangspunkt"),
    "swot": notes_instrument("swot"),
    "samverkansplan": notes_instrument("samverkansplan"),
    "reflektion_6": notes_instrument("reflektion_6"),
    # Steg 7
    "utvecklingsnivaer": UTVECKLINGSNIVAER,
    "arenderutin": notes_instrument("arenderutin"),
    "reflektion_7": notes_instrument("reflektion_7"),
    # Utanför stegen
    "statistik": notes_instrument("statistik"),
}


def get_instrument(form_id: str) -> Instrument[Any, Any]:
    """The instrument of ``form_id`` (KeyError for a form that has none: a test keeps
    the registry complete)."""
    return INSTRUMENTS[form_id]


def scored_ids() -> list[str]:
    """The forms with a scorer of their own, in the handbook's order."""
    return [form_id for form_id, instrument in INSTRUMENTS.items() if instrument.scored]
