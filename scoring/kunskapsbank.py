"""KUNSKAPSBANK – the entries found, per focus area, and a search through them.

An entry's focus area is one of the Knowledge support's areas or the group's own
(typed); entries without an area are gathered under "no area". ``find`` keeps the
entries whose words contain every word searched for (any case), in the areas and kinds
asked for (none asked: all).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from scoring.common import Rated, Result

ENTRIES_ITEM = "poster"
AREA_COLUMN = "fokusomrade"
#: The text fields a search looks in.
SEARCHED = ("title", "link", "why", "who", "area", "kind")


class Entry(Result):
    area: str | None
    kind: str
    title: str
    link: str | None = None
    why: str | None = None
    who: str | None = None
    deadline: dt.date | None = None
    respondent: str | None = None


class Bank(Result):
    entries: list[Entry]
    #: Focus areas in the form's order, then the group's own in the order first typed.
    areas: list[str]
    #: Entries per area (``""``: without an area).
    per_area: dict[str, int]


class BankGroup(Result):
    respondents: int
    bank: Bank


def _entries(answers: dict, respondent: str | None = None) -> list[Entry]:
    out = []
    for row in answers.get(ENTRIES_ITEM) or []:
        if not row.get("titel"):
            continue
        deadline = row.get("deadline")
        out.append(
            Entry(
                area=row.get(AREA_COLUMN) or None,
                kind=str(row.get("typ") or ""),
                title=str(row["titel"]),
                link=row.get("lank") or None,
                why=row.get("beskrivning") or None,
                who=row.get("vem") or None,
                deadline=dt.date.fromisoformat(deadline) if deadline else None,
                respondent=respondent,
            )
        )
    return out


def _bank(form, entries: list[Entry]) -> Bank:
    column = next(c for c in form.item(ENTRIES_ITEM).columns if c.id == AREA_COLUMN)
    listed = [o.value for o in column.options or []]
    own = list(dict.fromkeys(e.area for e in entries if e.area and e.area not in listed))
    areas = [a for a in listed if any(e.area == a for e in entries)] + own
    per_area: dict[str, int] = {}
    for entry in entries:
        per_area[entry.area or ""] = per_area.get(entry.area or "", 0) + 1
    order = {a: n for n, a in enumerate(areas)}
    ordered = sorted(entries, key=lambda e: (order.get(e.area or "", len(order)), e.title))
    return Bank(entries=ordered, areas=areas, per_area=per_area)


def score(form, answers: dict) -> Bank:
    return _bank(form, _entries(answers))


def summarize(form, responses: Sequence[Rated]) -> BankGroup:
    entries = [e for r in responses for e in _entries(r.answers, r.respondent)]
    return BankGroup(respondents=len(responses), bank=_bank(form, entries))


def find(
    entries: Iterable[Entry],
    query: str = "",
    *,
    areas: Sequence[str] = (),
    kinds: Sequence[str] = (),
    words: dict[str, str] | None = None,
) -> list[Entry]:
    """The entries that match: every word of ``query`` in one of the searched fields
    (``words`` maps an area's or kind's value to its label, so the label is searched
    too), the area among ``areas`` and the kind among ``kinds`` (empty: any)."""
    wanted = query.casefold().split()
    names = words or {}
    found = []
    for entry in entries:
        if areas and (entry.area or "") not in areas:
            continue
        if kinds and entry.kind not in kinds:
            continue
        fields = [str(getattr(entry, f) or "") for f in SEARCHED]
        fields += [names.get(entry.area or "", ""), names.get(entry.kind, "")]
        haystack = " ".join(fields).casefold()
        if all(word in haystack for word in wanted):
            found.append(entry)
    return found
