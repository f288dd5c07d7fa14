"""Levels, today and wished for: development levels for individual cases
(utvecklingsnivaer, step 7) and Huxham's levels of collaboration per actor
(samverkansnivaer, step 3)."""

from __future__ import annotations

import statistics

from scoring import samverkansnivaer, utvecklingsnivaer
from scoring.samverkansnivaer import LEVELS, SamverkansnivaerGroup, SamverkansnivaerResult
from scoring.utvecklingsnivaer import UtvecklingsnivaerGroup, UtvecklingsnivaerResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    Block,
    ChartRef,
    Metric,
    Metrics,
    Names,
    Note,
    Paragraph,
    Table,
)
from stadforstad.instruments.common import (
    count,
    discuss_block,
    items_table,
    members_blocks,
    signed,
    yes_mark,
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


# -- samverkansnivaer -------------------------------------------------------------------
def _huxham_names(form: Form, lang: str) -> dict[str, str]:
    column = next(c for c in form.item(samverkansnivaer.TABLE).columns if c.id == "niva_idag")
    return {o.value: o.label.get(lang) for o in column.options}


def _counts_table(form: Form, result: SamverkansnivaerResult, lang: str) -> Table:
    names = _huxham_names(form, lang)
    return Table(
        columns=(
            pick(lang, "Nivå", "Level"),
            pick(lang, "Idag", "Today"),
            pick(lang, "Initialt", "To begin with"),
            pick(lang, "Önskad", "Wished"),
        ),
        rows=tuple(
            (
                names[level],
                result.today_counts[level],
                result.initial_counts[level],
                result.wished_counts[level],
            )
            for level in LEVELS
        ),
        title=pick(lang, "Hur många aktörer på varje nivå", "How many actors at each level"),
    )


def _incomplete_blocks(names: list[str], lang: str, what: tuple[str, str]) -> list[Block]:
    if not names:
        return []
    who = count(len(names), ("aktör", "actor"), ("aktörer", "actors"), lang)
    return [
        Note("warning", pick(lang, f"{who} {what[0]}", f"{who} {what[1]}"), lang),
        Names("", tuple(n or pick(lang, "(utan namn)", "(no name)") for n in names)),
    ]


def samverkansnivaer_verdict(form: Form, result: SamverkansnivaerResult, lang: str) -> list[Block]:
    names = _huxham_names(form, lang)
    climbing = [g for g in result.largest_gaps if g.gap > 0]
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Aktörer", "Actors"), str(len(result.actors))),
                Metric(
                    pick(
                        lang,
                        "Aktörer med en högre önskad nivå",
                        "Actors with a higher wished level",
                    ),
                    str(len(climbing)),
                ),
            )
        ),
        _counts_table(form, result, lang),
    ]
    if climbing:
        top = climbing[0].gap
        blocks.append(
            Table(
                columns=(
                    pick(lang, "Aktör", "Actor"),
                    pick(lang, "Idag", "Today"),
                    pick(lang, "Önskad", "Wished"),
                    pick(lang, "Skillnad", "Gap"),
                ),
                rows=tuple(
                    (g.name, names[g.today], names[g.wished], g.gap) for g in result.largest_gaps
                ),
                title=pick(
                    lang,
                    f"Största skillnaderna (önskad − idag, störst {top} "
                    f"{'nivå' if top == 1 else 'nivåer'})",
                    f"The largest gaps (wished − today, at most {top} level{'s' if top > 1 else ''})",
                ),
            )
        )
    elif result.largest_gaps:
        blocks.append(
            Paragraph(
                pick(
                    lang,
                    "Ingen aktör har en högre önskad nivå än idag.",
                    "No actor has a higher wished level than today.",
                )
            )
        )
    blocks += _incomplete_blocks(
        result.incomplete,
        lang,
        (
            "saknar nivå idag eller önskad nivå, så ingen skillnad kan ges:",
            "without today's or the wished level: no gap can be given:",
        ),
    )
    return blocks


def samverkansnivaer_text(form: Form, result: SamverkansnivaerResult, lang: str) -> Table:
    return _counts_table(form, result, lang)


def _actors_table(form: Form, group: SamverkansnivaerGroup, lang: str) -> Table:
    names = list(_huxham_names(form, lang).values())

    def span(stats) -> str:
        if stats.min is None:
            return "–"
        low, high = names[stats.min], names[stats.max]
        return low if low == high else f"{low} – {high}"

    by_gap = {name: i for i, name in enumerate(group.largest_gaps)}
    ordered = sorted(group.actors, key=lambda a: by_gap.get(a.name, len(by_gap)))
    return Table(
        columns=(
            pick(lang, "Aktör", "Actor"),
            pick(lang, "Svar", "Answers"),
            pick(lang, "Idag, medel", "Today, mean"),
            pick(lang, "Idag, min – max", "Today, min – max"),
            pick(lang, "Önskad, medel", "Wished, mean"),
            pick(lang, "Önskad, min – max", "Wished, min – max"),
            pick(lang, "Skillnad, medel", "Gap, mean"),
            pick(lang, "Diskutera", "Discuss"),
        ),
        rows=tuple(
            (
                a.name,
                a.respondents,
                a.today.mean,
                span(a.today),
                a.wished.mean,
                span(a.wished),
                a.mean_gap,
                yes_mark(a.disagree, lang),
            )
            for a in ordered
        ),
        title=pick(
            lang, "Varje aktör, största skillnaden först", "Each actor, the largest gap first"
        ),
    )


def _group_levels_text(form: Form, group: SamverkansnivaerGroup, lang: str) -> Table:
    """What the group's chart draws: each actor's mean level today and wished for."""
    return Table(
        columns=(
            pick(lang, "Aktör", "Actor"),
            pick(lang, "Idag, medel", "Today, mean"),
            pick(lang, "Önskad, medel", "Wished, mean"),
        ),
        rows=tuple((a.name, a.today.mean, a.wished.mean) for a in group.actors),
    )


def samverkansnivaer_group_verdict(
    form: Form, group: SamverkansnivaerGroup, lang: str
) -> list[Block]:
    names = list(_huxham_names(form, lang).values())
    scale = ", ".join(f"{i} = {n}" for i, n in enumerate(names))
    return [
        *members_blocks(group.respondents, lang),
        Metrics((Metric(pick(lang, "Aktörer", "Actors"), str(len(group.actors))),)),
        Paragraph(
            pick(lang, f"Nivåerna som tal: {scale}", f"The levels as numbers: {scale}"), small=True
        ),
        discuss_block(
            len(group.to_discuss),
            ("aktör", "actor"),
            ("aktörer", "actors"),
            lang,
            unit=("nivåer", "levels"),
        ),
        _actors_table(form, group, lang),
    ]


def _mean_of(values) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


SAMVERKANSNIVAER: Instrument[SamverkansnivaerResult, SamverkansnivaerGroup] = Instrument(
    form_id="samverkansnivaer",
    score=samverkansnivaer.score,
    summarize=samverkansnivaer.summarize,
    verdict=samverkansnivaer_verdict,
    group_verdict=samverkansnivaer_group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "samverkansnivaer_chart"), samverkansnivaer_text),),
    group_charts=(
        Charted(ChartRef(CHART_MODULE, "samverkansnivaer_group_chart"), _group_levels_text),
    ),
    headline=Headline(
        f"Samverkansnivå idag (0–{len(LEVELS) - 1}, medel över aktörer)",
        f"Level of collaboration today (0–{len(LEVELS) - 1}, mean over actors)",
        lambda r: _mean_of(a.today_index for a in r.actors),
    ),
)
