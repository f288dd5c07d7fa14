"""MALL FÖR ANALYS AV SAMVERKANSAKTÖRER – where to invest, the map's quadrants, and
the actors that could not be placed. Actor names are typed: tables and name lists only."""

from __future__ import annotations

import statistics

from scoring import aktorsanalys
from scoring.aktorsanalys import (
    MIDDLE,
    QUADRANT_LABELS,
    QUADRANTS,
    AktorsanalysGroup,
    AktorsanalysResult,
)
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
from stadforstad.instruments.common import count, discuss_block, members_blocks, num, yes_mark
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.aktorsanalys"


def _quadrant_names(lang: str) -> dict[str, str]:
    return {q: labels.get(lang, labels["sv"]) for q, labels in QUADRANT_LABELS.items()}


def _invest(names: list[str], actors, lang: str) -> list[Block]:
    title = pick(
        lang,
        "Var ni bör satsa mer – hög påverkan men lågt stöd, högst påverkan först och sedan "
        "lägst stöd:",
        "Where to invest more – high influence but low support, highest influence first, "
        "then lowest support:",
    )
    if not names:
        return [
            Note(
                "success",
                pick(
                    lang,
                    "Ingen aktör har hög påverkan och lågt stöd just nu.",
                    "No actor has high influence and low support just now.",
                ),
                lang,
            )
        ]
    by_name = {a.name: a for a in actors}
    lines = tuple(
        pick(
            lang,
            f"{name} (påverkan {num(by_name[name].influence, lang)}, "
            f"stöd {num(by_name[name].support, lang)})",
            f"{name} (influence {num(by_name[name].influence, lang)}, "
            f"support {num(by_name[name].support, lang)})",
        )
        for name in names
    )
    return [Names(title, lines, numbered=True)]


def _per_quadrant(quadrants: dict[str, list[str]], lang: str) -> Table:
    names = _quadrant_names(lang)
    return Table(
        columns=(
            pick(lang, "Ruta", "Quadrant"),
            pick(lang, "Antal", "Number"),
            pick(lang, "Aktörer", "Actors"),
        ),
        rows=tuple((names[q], len(quadrants[q]), ", ".join(quadrants[q])) for q in QUADRANTS),
        title=pick(lang, "Aktörer per ruta på kartan", "Actors per quadrant of the map"),
    )


def _incomplete(names: list[str], lang: str) -> list[Block]:
    if not names:
        return []
    who = count(len(names), ("aktör", "actor"), ("aktörer", "actors"), lang)
    return [
        Note(
            "warning",
            pick(
                lang,
                f"{who} saknar påverkansgrad eller stöd och placeras inte på kartan:",
                f"{who} without influence or support: not placed on the map:",
            ),
            lang,
        ),
        Names("", tuple(n or pick(lang, "(utan namn)", "(no name)") for n in names)),
    ]


def map_is_the_tools(lang: str) -> Paragraph:
    """The map and its quadrants are this tool's aid; the handbook has a table."""
    return Paragraph(
        pick(
            lang,
            "Handboken har en tabell, inte en karta. Kartan och rutornas namn är verktygets "
            f"hjälpmedel: påverkan eller stöd över {MIDDLE} (skalans mitt) räknas som högt, "
            f"{MIDDLE} och lägre som inte högt.",
            "The handbook has a table, not a map. The map and the names of its quadrants are "
            f"this tool's aid: influence or support above {MIDDLE} (the middle of the scale) "
            f"counts as high, {MIDDLE} and lower as not high.",
        ),
        small=True,
    )


def hard_to_reach_blocks(names: list[str], lang: str) -> list[Block]:
    """The handbook's second aim: actors hard to reach that need a new approach."""
    if not names:
        return [
            Paragraph(
                pick(
                    lang,
                    "Ingen aktör är markerad som svår att få tag på.",
                    "No actor is marked as hard to reach.",
                ),
                small=True,
            )
        ]
    return [
        Names(
            pick(
                lang,
                "Svåra att få tag på – kräver ett nytt grepp:",
                "Hard to reach – need a new approach:",
            ),
            tuple(names),
        )
    ]


def verdict(form: Form, result: AktorsanalysResult, lang: str) -> list[Block]:
    return [
        Metrics(
            (
                Metric(pick(lang, "Aktörer", "Actors"), str(len(result.actors))),
                Metric(pick(lang, "På kartan", "On the map"), str(len(result.ranking))),
                Metric(pick(lang, "Satsa mer", "Invest more"), str(len(result.invest))),
            )
        ),
        *_invest(result.invest, result.actors, lang),
        *hard_to_reach_blocks(result.hard_to_reach, lang),
        map_is_the_tools(lang),
        _per_quadrant(result.quadrants, lang),
        *_incomplete(result.incomplete, lang),
    ]


def _places(actors, lang: str) -> Table:
    names = _quadrant_names(lang)
    return Table(
        columns=(
            pick(lang, "Aktör", "Actor"),
            pick(lang, "Påverkan", "Influence"),
            pick(lang, "Stöd", "Support"),
            pick(lang, "Ruta", "Quadrant"),
        ),
        rows=tuple(
            (a.name, a.influence, a.support, names.get(a.quadrant) if a.quadrant else None)
            for a in actors
        ),
    )


def chart_text(form: Form, result: AktorsanalysResult, lang: str) -> Table:
    return _places(result.actors, lang)


def _actors_table(form: Form, group: AktorsanalysGroup, lang: str) -> Table:
    quadrant_names = _quadrant_names(lang)
    return Table(
        columns=(
            pick(lang, "Aktör", "Actor"),
            pick(lang, "Svar", "Answers"),
            pick(lang, "Påverkan, medel", "Influence, mean"),
            pick(lang, "Påverkan, min", "Influence, min"),
            pick(lang, "Påverkan, max", "Influence, max"),
            pick(lang, "Stöd, medel", "Support, mean"),
            pick(lang, "Stöd, min", "Support, min"),
            pick(lang, "Stöd, max", "Support, max"),
            pick(lang, "Ruta", "Quadrant"),
            pick(lang, "Diskutera", "Discuss"),
            pick(lang, "Svår att få tag på", "Hard to reach"),
        ),
        rows=tuple(
            (
                a.name,
                a.respondents,
                a.influence,
                a.influence_stats.min,
                a.influence_stats.max,
                a.support,
                a.support_stats.min,
                a.support_stats.max,
                quadrant_names.get(a.quadrant) if a.quadrant else None,
                yes_mark(a.disagree, lang),
                ", ".join(a.hard_to_reach_by),
            )
            for a in group.actors
        ),
        title=pick(lang, "Varje aktör: påverkan och stöd", "Each actor: influence and support"),
    )


def group_verdict(form: Form, group: AktorsanalysGroup, lang: str) -> list[Block]:
    return [
        *members_blocks(group.respondents, lang),
        Metrics((Metric(pick(lang, "Aktörer", "Actors"), str(len(group.actors))),)),
        *_invest(group.invest, group.actors, lang),
        *hard_to_reach_blocks(group.hard_to_reach, lang),
        map_is_the_tools(lang),
        _per_quadrant(group.quadrants, lang),
        *_incomplete(group.incomplete, lang),
        discuss_block(len(group.to_discuss), ("aktör", "actor"), ("aktörer", "actors"), lang),
        _actors_table(form, group, lang),
    ]


def group_chart_text(form: Form, group: AktorsanalysGroup, lang: str) -> Table:
    return _places(group.actors, lang)


def _mean_support(result: AktorsanalysResult) -> float | None:
    values = [a.support for a in result.actors if a.support is not None]
    return statistics.fmean(values) if values else None


AKTORSANALYS: Instrument[AktorsanalysResult, AktorsanalysGroup] = Instrument(
    form_id="aktorsanalys",
    score=aktorsanalys.score,
    summarize=aktorsanalys.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "aktorsanalys_chart"), chart_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "aktorsanalys_group_chart"), group_chart_text),),
    headline=Headline(
        "Upplevt stöd (1–5, medel över aktörer)",
        "Perceived support (1–5, mean over actors)",
        _mean_support,
    ),
)
