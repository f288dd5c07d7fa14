"""Filled-in step forms shared by the steps' document and page tests."""

from __future__ import annotations

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store
from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_page,
)
from tests.helpers.cli import run  # noqa: F401 (the fixture)

#: The handbook's Helsingborg example plan: "Ökad kontakt med målgruppen … för
#: information och stödsamtal (år 1: 3, 2: 5, 3: 7)", here starting in 2021.
PLAN = {
    "delmal": [
        {
            "nummer": "delmal_1",
            "delmal": "Ökad lagföring av sexköpare",
            "fokusomrade": "lagforing",
            "matbart_mal": "antal lagförda sexköpare",
            "startar": 2021,
            "mal_ar_1": 5,
            "mal_ar_2": 7,
            "mal_ar_3": 10,
        },
        {
            "nummer": "delmal_4",
            "delmal": "Ökad kontakt med målgruppen för information och stödsamtal",
            "fokusomrade": "skydd_och_stod",
            "matbart_mal": "Antal stödsamtal",
            "startar": 2021,
            "mal_ar_1": 3,
            "mal_ar_2": 5,
            "mal_ar_3": 7,
        },
    ]
}


SWOT = {
    "styrkor": [
        {"punkt": "Engagerad kärngrupp", "viktigast": True},
        {"punkt": "Polisen deltar <b>aktivt</b> & länge"},
    ],
    "svagheter": [{"punkt": "Lite tid"}],
    "mojligheter": [{"punkt": "Länsstyrelsens stöd", "viktigast": True}],
    "hot": [],
    "gemensamma_namnare": "Tiden",
}


ROUTINE = {
    "leda_till": "Att utsatta erbjuds skydd och stöd förutsättningslöst.",
    "steg": [
        {
            "vad": "Ring polisen vid misstanke",
            "nar": "vid misstanke",
            "aktor": "Polisen, Fokusgruppen",
            "telefon": "0738216384",
            "telefon_2": "114 14",
            "akut": "112",
            "ovrig_kontakt": "fokusgruppen.lpo-helsingborg@polisen.se",
        },
        {"vad": "Dokumentera incidenten", "aktor": "Den som mötte personen"},
    ],
    "uppfoljning": "Ärenden följs upp i nätverket. Du bidrar efter förmåga!",
}


START = {
    "kartlaggning": "Vi har kartlagt hotell och taxi.",
    "nytt_viktigt": "Att annonserna är så många.",
}


def answering(store: Store, actor: Actor, workspace_id: int, form_id: str, person: int) -> int:
    """Who holds the answer: the group's shared respondent for a form the group owns
    (``owner: group``), else the person."""
    if getattr(load_form(form_id), "owner", None) == "group":
        return store.group_respondent(actor=actor, workspace_id=workspace_id).id  # type: ignore[attr-defined]
    return person


STATS = {
    "perioder": [
        {"ar": 2021, "stodsamtal": 4, "incidenter": 6},
        {"ar": 2022, "stodsamtal": 4, "incidenter": 9},
    ]
}
