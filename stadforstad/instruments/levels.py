"""Levels, today and wished for: development levels for individual cases
(utvecklingsnivaer, step 7). Huxham's levels of collaboration per actor (samverkansnivaer,
step 3) live in ``stadforstad.instruments.samverkansnivaer`` and are re-exported here."""

from __future__ import annotations

from scoring import utvecklingsnivaer
from scoring.utvecklingsnivaer import UtvecklingsnivaerGroup, UtvecklingsnivaerResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    Block,
    ChartRef,
    Metric,
    Metrics,
    Note,
    Paragraph,
    Table,
)
from stadforstad.instruments.common import (
    discuss_block,
    items_table,
    members_blocks,
    signed,
)
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.levels"


# -- utvecklingsnivaer ------------------------------------------------------------------
def _level_names(form: Form, lang: str) -> dict[int, str]:
    item = form.item(utvecklingsnivaer.TODAY)
    return {lv.value: f"{lv.value} · {lv.label.get(lang)}" for lv in item.levels}


def _gap_words(gap: int, today: str, wished: str, between: list[str], lang: str) -> str:
    if gap > 0:
        way = (
            pick(lang, f" På vägen: {', '.join(between)}.", f" On the way: {', '.join(between)}.")
            if between
            else ""
        )
        return pick(
            lang,
            f"Ni vill ta {gap} steg upp, från {today} till {wished}.{way}",
            f"You want to move {gap} level{'s' if gap > 1 else ''} up, from {today} to "
            f"{wished}.{way}",
        )
    if gap == 0:
        return pick(
            lang,
            f"Ni är redan där ni vill vara: {today}. Vad krävs för att stanna där?",
            f"You are already where you want to be: {today}. What does it take to stay there?",
        )
    return pick(
        lang,
        f"Den önskade nivån ({wished}) är lägre än dagens ({today}): {-gap} steg ner. "
        "Prata om varför.",
        f"The wished level ({wished}) is below today's ({today}): {-gap} "
        f"level{'s' if gap < -1 else ''} down. Talk about why.",
    )


def utvecklingsnivaer_verdict(
    form: Form, result: UtvecklingsnivaerResult, lang: str
) -> list[Block]:
    names = _level_names(form, lang)
    top = len(names)

    def level(value: int | None) -> str:
        return "–" if value is None else f"{value} / {top}"

    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Idag", "Today"), level(result.today)),
                Metric(pick(lang, "Önskad", "Wished"), level(result.wished)),
                Metric(pick(lang, "Skillnad", "Gap"), signed(result.gap, lang)),
            )
        )
    ]
    if result.gap is None or result.today is None or result.wished is None:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    "Välj både nivån idag och den önskade nivån så visas skillnaden.",
                    "Choose both today's level and the wished one to see the gap.",
                ),
                lang,
            )
        )
        return blocks
    blocks.append(
        Paragraph(
            _gap_words(
                result.gap,
                names[result.today],
                names[result.wished],
                [names[n] for n in result.levels_to_reach[:-1]],
                lang,
            )
        )
    )
    return blocks


def utvecklingsnivaer_text(form: Form, result: UtvecklingsnivaerResult, lang: str) -> Table:
    names = _level_names(form, lang)
    return Table(
        columns=(
            pick(lang, "Nivå", "Level"),
            pick(lang, "Idag", "Today"),
            pick(lang, "Önskad", "Wished"),
        ),
        rows=tuple(
            (
                name,
                pick(lang, "idag", "today") if value == result.today else "",
                pick(lang, "önskad", "wished") if value == result.wished else "",
            )
            for value, name in names.items()
        ),
    )


def _level_counts(form: Form, group: UtvecklingsnivaerGroup, lang: str) -> Table:
    names = _level_names(form, lang)
    return Table(
        columns=(
            pick(lang, "Nivå", "Level"),
            pick(lang, "Idag", "Today"),
            pick(lang, "Önskad", "Wished"),
        ),
        rows=tuple(
            (names[int(level)], group.today_counts[level], group.wished_counts.get(level, 0))
            for level in group.today_counts
        ),
    )


def utvecklingsnivaer_group_verdict(
    form: Form, group: UtvecklingsnivaerGroup, lang: str
) -> list[Block]:
    return [
        *members_blocks(group.respondents, lang),
        Metrics(
            (
                Metric(
                    pick(lang, "Medelskillnad (önskad − idag)", "Mean gap (wished − today)"),
                    signed(group.mean_gap, lang),
                ),
            )
        ),
        discuss_block(
            len(group.to_discuss),
            ("fråga", "question"),
            ("frågor", "questions"),
            lang,
            unit=("nivåer", "levels"),
        ),
        items_table(form, group.items, lang),
        _level_counts(form, group, lang),
        Table(
            columns=(
                pick(lang, "Deltagare", "Member"),
                pick(lang, "Idag", "Today"),
                pick(lang, "Önskad", "Wished"),
                pick(lang, "Skillnad", "Gap"),
            ),
            rows=tuple(
                (m.respondent, m.today, m.wished, signed(m.gap, lang)) for m in group.members
            ),
        ),
    ]


UTVECKLINGSNIVAER: Instrument[UtvecklingsnivaerResult, UtvecklingsnivaerGroup] = Instrument(
    form_id="utvecklingsnivaer",
    score=utvecklingsnivaer.score,
    summarize=utvecklingsnivaer.summarize,
    verdict=utvecklingsnivaer_verdict,
    group_verdict=utvecklingsnivaer_group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "utvecklingsnivaer_chart"), utvecklingsnivaer_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "utvecklingsnivaer_group_chart"), _level_counts),),
    headline=Headline("Utvecklingsnivå idag", "Development level today", lambda r: r.today),
)


# Re-exported: the registry and the comparison import both level instruments from here.
from stadforstad.instruments.samverkansnivaer import SAMVERKANSNIVAER  # noqa: E402

__all__ = ["SAMVERKANSNIVAER", "UTVECKLINGSNIVAER"]
