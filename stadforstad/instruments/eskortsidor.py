"""MALL FÖR INSAMLING AV INFORMATION FRÅN ESCORTSIDOR – the summary per search occasion
and per month, then the adverts themselves. A workshop product, not a score: the form
names no scorer, so it is not compared between municipalities.

Advertisers appear only as codes (keyed hashes); sites and nationalities are typed
text, drawn as plain text in tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring import eskortsidor
from scoring.common import Rated
from scoring.eskortsidor import NOT_GIVEN, SITE, TABLE, EskortsidorResult, Period
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks, side_by_side_blocks
from stadforstad.instruments.base import Instrument
from stadforstad.instruments.blocks import Block, Heading, Metric, Metrics, Paragraph, Table
from stadforstad.schema import Form


class EskortsidorAnswered(EskortsidorResult):
    """One response's summary with its answers, so the verdict can show the adverts."""

    answers: dict[str, Any]


class EskortsidorGroup(EskortsidorResult):
    """The members' adverts together, and the members themselves for the side-by-side."""

    respondents: int
    members: list[Rated]


def _site_names(form: Form, lang: str) -> dict[str, str]:
    column = next(c for c in form.item(TABLE).columns if c.id == SITE)
    return {o.value: o.label.get(lang) for o in column.options or []}


def _counted(counts: dict[str, int], names: dict[str, str], lang: str) -> str:
    def name(key: str) -> str:
        if key == NOT_GIVEN:
            return pick(lang, "ej angiven", "not given")
        return names.get(key, key)

    return ", ".join(f"{name(k)} {n}" for k, n in counts.items())


def _periods(form: Form, periods: Sequence[Period], lang: str, *, month: bool) -> Table:
    sites = _site_names(form, lang)
    first = pick(lang, "Månad", "Month") if month else pick(lang, "Söktillfälle", "Search occasion")
    return Table(
        columns=(
            first,
            *((pick(lang, "Söktillfällen", "Occasions"),) if month else ()),
            pick(lang, "Annonser", "Adverts"),
            pick(lang, "Olika annonsörer", "Different advertisers"),
            pick(lang, "Annonsör sedd tidigare", "Advertiser seen before"),
            pick(lang, "Utan annonsör", "No advertiser"),
            pick(lang, "Per webbsida", "Per website"),
            pick(lang, "Per nationalitet", "Per nationality"),
        ),
        rows=tuple(
            (
                p.key,
                *((p.occasions,) if month else ()),
                p.ads,
                p.advertisers,
                p.repeat_ads,
                p.without_advertiser,
                _counted(p.sites, sites, lang),
                _counted(p.nationalities, {}, lang),
            )
            for p in periods
        ),
        title=pick(lang, "Per månad", "Per month")
        if month
        else pick(lang, "Per söktillfälle", "Per search occasion"),
    )


def summary(form: Form, result: EskortsidorResult, lang: str) -> list[Block]:
    """The handbook's summary: per search occasion and per month."""
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Annonser", "Adverts"), str(result.ads)),
                Metric(
                    pick(lang, "Söktillfällen", "Search occasions"), str(len(result.per_occasion))
                ),
                Metric(
                    pick(lang, "Olika annonsörer", "Different advertisers"), str(result.advertisers)
                ),
                Metric(
                    pick(lang, "Sedda vid flera tillfällen", "Seen on several occasions"),
                    str(result.advertisers_on_several_occasions),
                ),
            )
        ),
        Paragraph(
            pick(
                lang,
                "Annonsörens namn sparas aldrig, bara som en kod som är densamma för samma namn "
                "(en nyckelhash). Så kan återkommande annonsörer räknas utan att namnet finns "
                "kvar. Ett söktillfälle är ett datum i tabellen.",
                "The advertiser's name is never stored, only as a code that is the same for "
                "the same name (a keyed hash). So repeat advertisers can be counted without "
                "keeping the name. A search occasion is a date in the table.",
            ),
            small=True,
        ),
    ]
    if not result.ads:
        blocks.append(Paragraph(pick(lang, "Inga annonser ännu.", "No adverts yet."), small=True))
        return blocks
    blocks += [
        _periods(form, result.per_occasion, lang, month=False),
        _periods(form, result.per_month, lang, month=True),
    ]
    if result.undated:
        blocks.append(
            Paragraph(
                pick(
                    lang,
                    f"{result.undated} annonser utan datum räknas inte in i något söktillfälle.",
                    f"{result.undated} adverts without a date are in no search occasion.",
                ),
                small=True,
            )
        )
    return blocks


def verdict(form: Form, result: EskortsidorAnswered, lang: str) -> list[Block]:
    """One response: the summary, then every advert as filled in (codes, never names)."""
    return [
        *summary(form, result, lang),
        Heading(pick(lang, "Annonserna", "The adverts"), 3),
        answer_blocks(form, result.answers, lang),
    ]


def _score(form: Form, answers: dict[str, Any]) -> EskortsidorAnswered:
    return EskortsidorAnswered(
        **eskortsidor.score(form, answers).model_dump(), answers=dict(answers)
    )


def _summarize(form: Form, responses: Sequence[Rated]) -> EskortsidorGroup:
    together = eskortsidor.summarize(form, responses)
    return EskortsidorGroup(
        **together.model_dump(), respondents=len(responses), members=list(responses)
    )


def group_verdict(form: Form, group: EskortsidorGroup, lang: str) -> list[Block]:
    return [
        *summary(form, group, lang),
        Heading(pick(lang, "Varje deltagares annonser", "Each member's adverts"), 3),
        *side_by_side_blocks(form, group.members, lang),
    ]


ESKORTSIDOR: Instrument[EskortsidorAnswered, EskortsidorGroup] = Instrument(
    form_id="eskortsidor",
    score=_score,
    summarize=_summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    scored=False,
)
