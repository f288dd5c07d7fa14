"""The instruments' forms in the handbook's order, and those with a scorer of their own,
as plain data: the form catalogue orders and checks every form with these (the start
page lists them all) without importing every instrument and scorer; those come with
the first page that scores or draws a result (``registry``, which takes its order from
here). A test keeps both equal to the registry (``tests/instruments/test_instruments.py``)."""

from __future__ import annotations

#: Every instrument's form, in the handbook's order (steps 0-7, then the rest).
ORDER: tuple[str, ...] = (
    # Steg 0
    "engagemang",
    "riktning",
    "rekrytering",
    "staden",
    "redo",
    # Steg 1
    "icebreaker",
    "organisation",
    "modig_miljo",
    "scenarier",
    "dodsfallan",
    # Steg 2
    "malgrupp_kontaktyta",
    "kartlaggning",
    "eskortsidor",
    "kartlaggningsplan",
    # Steg 3
    "aktorsperspektiv",
    "samverkansnivaer",
    "aktorsanalys",
    "reflektion_1_3",
    # Steg 4
    "kunskapsbank",
    # Steg 5
    "motivation_kommunikation",
    "samordningsfunktion",
    "natverksroll",
    "event",
    "reflektion_4_5",
    # Steg 6
    "utgangspunkt",
    "swot",
    "samverkansplan",
    "reflektion_6",
    # Steg 7
    "utvecklingsnivaer",
    "arenderutin",
    "reflektion_7",
    # Utanför stegen
    "statistik",
)

#: The forms whose instrument has a scorer of its own (``Instrument.scored``).
SCORED: frozenset[str] = frozenset(
    {
        "engagemang",
        "riktning",
        "rekrytering",
        "redo",
        "kartlaggning",
        "samverkansnivaer",
        "aktorsanalys",
        "samverkansplan",
        "utvecklingsnivaer",
        "statistik",
    }
)
