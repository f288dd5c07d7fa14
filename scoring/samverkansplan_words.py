"""The words of the plan's check, in Swedish and English: the handbook's areas of work,
the SMART letters, why a letter fails (``REASONS``) and what is wrong with the plan as
a whole (``ISSUES``). The scorer (``samverkansplan``) gives only keys and arguments; the
blocks and documents put these words to them. Pure data.
"""

from __future__ import annotations

FOCUS_LABELS: dict[str, dict[str, str]] = {
    "forebyggande_arbete": {"sv": "Förebyggande arbete", "en": "Preventive work"},
    "lagforing": {"sv": "Lagföring", "en": "Prosecution"},
    "skydd_och_stod": {"sv": "Skydd och stöd", "en": "Protection and support"},
    "integrering_atervandande": {"sv": "Integrering/återvändande", "en": "Integration/return"},
}
LETTER_WORDS: dict[str, dict[str, str]] = {
    "S": {"sv": "Specifikt", "en": "Specific"},
    "M": {"sv": "Mätbart", "en": "Measurable"},
    "A": {"sv": "Accepterat", "en": "Accepted"},
    "R": {"sv": "Realistiskt", "en": "Realistic"},
    "T": {"sv": "Tidsatt", "en": "Time-bound"},
}
#: Why a letter fails, in words a coordinator understands (``{…}`` filled from ``args``).
REASONS: dict[str, dict[str, str]] = {
    "no_focus_area": {
        "sv": "välj vilket av handbokens arbetsområden delmålet hör till",
        "en": "choose which of the handbook's areas of work the sub-goal belongs to",
    },
    "too_short": {
        "sv": "skriv med minst {words} ord vad som ska bli annorlunda",
        "en": "say in at least {words} words what is to change",
    },
    "no_measure": {
        "sv": "skriv vad som räknas (t.ex. antal stödsamtal)",
        "en": "say what is counted (e.g. number of support talks)",
    },
    "no_yearly_target": {
        "sv": "ange ett mål för minst ett år",
        "en": "give a target for at least one year",
    },
    "no_owner": {
        "sv": "ingen är ansvarig – skriv vem som äger delmålet",
        "en": "nobody is responsible – say who owns the sub-goal",
    },
    "no_activity": {
        "sv": "ingen aktivitet leder till delmålet – lägg till minst en",
        "en": "no activity leads to the sub-goal – add at least one",
    },
    "no_start_year": {
        "sv": "ange vilket år delmålet startar",
        "en": "give the year the sub-goal starts",
    },
    "targets_beyond_plan": {
        "sv": "mål för år {years} ligger efter planens sista år ({plan_years})",
        "en": "targets for year {years} fall after the plan's last year ({plan_years})",
    },
}
#: Problems with the plan as a whole (``{…}`` filled from ``args``).
ISSUES: dict[str, dict[str, str]] = {
    "too_many_subgoals": {
        "sv": "Planen har {count} delmål; handboken säger högst {most}.",
        "en": "The plan has {count} sub-goals; the handbook says at most {most}.",
    },
    "duplicate_number": {
        "sv": "Numret {number} används av flera delmål (rad {rows}).",
        "en": "The number {number} is used by more than one sub-goal (rows {rows}).",
    },
    "no_target": {
        "sv": "Delmål {number} (rad {row}) saknar mätbart mål.",
        "en": "Sub-goal {number} (row {row}) has no measurable target.",
    },
    "uncovered_area": {
        "sv": "Arbetsområdet {area} har inget delmål.",
        "en": "The area of work {area} has no sub-goal.",
    },
    "no_activity": {
        "sv": "Delmål {number} har ingen aktivitet.",
        "en": "Sub-goal {number} has no activity.",
    },
    "activity_without_subgoal": {
        "sv": "Aktivitet på rad {row} hör till {number}, som inte finns bland delmålen.",
        "en": "The activity on row {row} belongs to {number}, which is not among the sub-goals.",
    },
    "years_beyond_plan": {
        "sv": "{what} på rad {row} gäller år {years}, efter planens sista år ({plan_years}).",
        "en": "{what} on row {row} is for year {years}, after the plan's last year ({plan_years}).",
    },
}
