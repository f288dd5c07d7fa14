"""OLIKA NIVÅER AV SAMVERKAN – Huxham's levels of collaboration per actor (step 3):
how many actors at each level, the largest gaps between today and wished, and the
group's spread. The level names are this tool's rendering (the handbook shows them
only in a picture), and every result says so after the handbook's disclaimer."""

from __future__ import annotations

import statistics

from scoring import samverkansnivaer
from scoring.samverkansnivaer import LEVELS, SamverkansnivaerGroup, SamverkansnivaerResult
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
from stadforstad.instruments.common import count, discuss_block, members_blocks, yes_mark
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.levels"


def rendering_note(lang: str) -> Paragraph:
    """The handbook's disclaimer, then that the level names are this tool's rendering."""
    return Paragraph(
        pick(
            lang,
            "Handbokens bild är en omarbetning av Sharon M. Wascos visualisering av Chris "
            "Huxham's typologi. Observera att följande inte är en officiell svensk översättning. "
            "Nivåernas namn är det här verktygets återgivning – handboken visar dem bara i en "
            "bild.",
            "The handbook's picture reworks Sharon M. Wasco's visualisation of Chris Huxham's "
            "typology. Note that this is not an official Swedish translation. The names of the "
            "levels are this tool's rendering – the handbook shows them only in a picture.",
        ),
        small=True,
    )


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
        rendering_note(lang),
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
        rendering_note(lang),
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
