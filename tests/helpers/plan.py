"""The handbook's example action plan, for the plan's CLI and document tests."""

from __future__ import annotations

from tests.helpers.cli import run  # noqa: F401 (a fixture)

PLAN = {
    "planens_langd": 3,
    "vision": "En trygg stad",
    "delmal": [
        {
            "nummer": "delmal_1",
            "delmal": "Ökad lagföring av sexköpare",
            "fokusomrade": "lagforing",
            "matbart_mal": "Antal lagförda",
            "startar": 2025,
            "mal_ar_1": 6,
            "ansvarig": "Polisen",
        }
    ],
    "aktiviteter": [{"delmal": "delmal_1", "vad": "Utbildning", "ar": ["ar_1", "ar_2"]}],
    "budget": [
        {"aktivitet": "Möten", "delmal": "delmal_1", "moten": 12, "personer": 10, "timmar": 4,
         "kostnad_ar_1": 7533, "kostnad_ar_2": 15066},
        {"aktivitet": "Utskick", "moten": 5, "timmar": 5, "kostnad_ar_3": "1000,50"},
    ],
}  # fmt: skip
