"""MALL FÖR INSAMLING AV INFORMATION FRÅN ESCORTSIDOR – the summary the handbook asks for.

The handbook: "En sammanställning kan sedan göras utifrån mallen, till exempel per
söktillfälle eller per månad." One row is one advert. A search occasion is a date of
the table (the ``datum`` column); a month is its year and month. For each occasion and
each month: the number of adverts, the adverts per site and per nationality, how many
different advertisers, and the adverts whose advertiser was seen on an earlier occasion.

The advertiser is a code (``stadforstad.keyed``: a keyed hash, never the name): two
rows with the same code are the same advertiser. Nationality is free text, compared
without case and extra spaces; a blank one is counted as not given (``""``). A row
without a date cannot be placed in an occasion and is counted apart (``undated``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from scoring.common import Rated, Result

TABLE = "annonser"
DATE = "datum"
SITE = "webbsida"
ADVERTISER = "namn_pa_annonsor"
NATIONALITY = "nationalitet"
#: The key of a blank nationality or site: counted, as "not given".
NOT_GIVEN = ""


class Period(Result):
    """One search occasion (``key`` = the date) or one month (``key`` = YYYY-MM)."""

    key: str
    ads: int
    #: Site (option value, or the text written) → adverts, most first, then by name.
    sites: dict[str, int]
    #: Nationality as first written → adverts, most first; ``""`` = not given.
    nationalities: dict[str, int]
    #: Different advertisers (codes) among the adverts; adverts without one not counted.
    advertisers: int
    #: Adverts without an advertiser's name.
    without_advertiser: int
    #: Adverts whose advertiser was seen on an earlier occasion.
    repeat_ads: int
    #: Search occasions in the period (1 for an occasion).
    occasions: int


class EskortsidorResult(Result):
    form_id: str = "eskortsidor"
    ads: int
    #: Each search occasion, oldest first.
    per_occasion: list[Period]
    #: Each month, oldest first.
    per_month: list[Period]
    #: Rows without a date: not in any occasion or month.
    undated: int
    #: Different advertisers over everything.
    advertisers: int
    #: Advertisers seen on two or more occasions.
    advertisers_on_several_occasions: int


def _text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else NOT_GIVEN


def _ranked(counter: Counter, shown: dict[str, str]) -> dict[str, int]:
    order = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return {shown[key]: n for key, n in order}


def _period(key: str, rows: Sequence[dict], seen_before: set[str], occasions: int) -> Period:
    sites: Counter = Counter()
    nationalities: Counter = Counter()
    shown: dict[str, str] = {}
    for row in rows:
        site = _text(row.get(SITE))
        sites[site] += 1
        shown.setdefault(site, site)
        written = _text(row.get(NATIONALITY))
        nationality = written.casefold()
        nationalities[nationality] += 1
        shown.setdefault(nationality, written)
    codes = [row.get(ADVERTISER) for row in rows]
    return Period(
        key=key,
        ads=len(rows),
        sites=_ranked(sites, shown),
        nationalities=_ranked(nationalities, shown),
        advertisers=len({c for c in codes if c}),
        without_advertiser=sum(1 for c in codes if not c),
        repeat_ads=sum(1 for c in codes if c and c in seen_before),
        occasions=occasions,
    )


def _rows(answers: dict) -> list[dict]:
    return [row for row in answers.get(TABLE) or [] if isinstance(row, dict)]


def score_rows(rows: Iterable[dict]) -> EskortsidorResult:
    rows = list(rows)
    dated = sorted((r for r in rows if r.get(DATE)), key=lambda r: str(r[DATE]))
    by_day: dict[str, list[dict]] = {}
    for row in dated:
        by_day.setdefault(str(row[DATE])[:10], []).append(row)

    per_occasion = []
    seen: set[str] = set()
    first_seen_on: dict[str, str] = {}
    days_of: dict[str, set[str]] = {}
    for day, day_rows in by_day.items():
        per_occasion.append(_period(day, day_rows, seen, 1))
        for row in day_rows:
            code = row.get(ADVERTISER)
            if code:
                first_seen_on.setdefault(code, day)
                days_of.setdefault(code, set()).add(day)
        seen |= {str(row[ADVERTISER]) for row in day_rows if row.get(ADVERTISER)}

    per_month = []
    months: dict[str, list[str]] = {}
    for day in by_day:
        months.setdefault(day[:7], []).append(day)
    for month, days in months.items():
        month_rows = [row for day in days for row in by_day[day]]
        period = _period(month, month_rows, set(), len(days))
        # A repeat within the month: an advert whose advertiser was first seen on an
        # earlier occasion (in this month or before).
        repeats = sum(
            1
            for day in days
            for row in by_day[day]
            if row.get(ADVERTISER) and first_seen_on[row[ADVERTISER]] < day
        )
        per_month.append(period.model_copy(update={"repeat_ads": repeats}))

    codes = {r.get(ADVERTISER) for r in rows if r.get(ADVERTISER)}
    return EskortsidorResult(
        ads=len(rows),
        per_occasion=per_occasion,
        per_month=per_month,
        undated=len(rows) - len(dated),
        advertisers=len(codes),
        advertisers_on_several_occasions=sum(1 for days in days_of.values() if len(days) > 1),
    )


def score(form, answers: dict) -> EskortsidorResult:
    return score_rows(_rows(answers))


def summarize(form, responses: Sequence[Rated]) -> EskortsidorResult:
    """Every member's adverts together: the group collects the same sites between them."""
    return score_rows(row for response in responses for row in _rows(response.answers))
