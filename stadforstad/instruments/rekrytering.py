"""REKRYTERA TILL KÄRNGRUPPEN – the eligible candidates and the group's checks."""

from __future__ import annotations

from scoring import rekrytering
from scoring.rekrytering import BASIC, DESIRABLE, MAX_SIZE, MIN_SIZE, TYPES, RekryteringResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import Block, ChartRef, Metric, Metrics, Note, Table
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.rekrytering"

#: The group checks of ``scoring.rekrytering`` in words (sv, en).
CHECK_NAMES: dict[str, tuple[str, str]] = {
    "storlek": (
        f"{MIN_SIZE} till {MAX_SIZE} personer",
        f"{MIN_SIZE} to {MAX_SIZE} people",
    ),
    "socialtjanst": ("Socialtjänsten finns med", "Social services take part"),
    "polis": ("Lokalpolisområdet finns med", "The local police take part"),
    "barn_unga": (
        "Någon kan representera perspektiv på barn och unga",
        "Someone represents children and young people",
    ),
    "typer": (
        f"Alla {len(TYPES)} personlighetstyper finns",
        f"All {len(TYPES)} personality types are there",
    ),
}


def _candidates(result: RekryteringResult, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Namn", "Name"),
            pick(lang, "Grundläggande", "Basic"),
            pick(lang, "Önskvärt", "Desirable"),
            pick(lang, "Kan ingå", "Eligible"),
        ),
        rows=tuple(
            (
                c.name,
                f"{c.basic_met}/{len(BASIC)}",
                f"{c.desirable_met}/{len(DESIRABLE)}",
                pick(lang, "ja", "yes") if c.eligible else pick(lang, "nej", "no"),
            )
            for c in result.candidates
        ),
    )


def verdict(form: Form, result: RekryteringResult, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (
                Metric(
                    pick(lang, "Uppfyller de grundläggande kraven", "Meet the basic criteria"),
                    f"{result.eligible_count} / {len(result.candidates)}",
                ),
            )
        )
    ]
    for check in result.checks:
        sv, en = CHECK_NAMES[check.id]
        blocks.append(Note("success" if check.ok else "warning", pick(lang, sv, en), lang))
    blocks.append(_candidates(result, lang))
    return blocks


def chart_text(form: Form, result: RekryteringResult, lang: str) -> Table:
    column = next(c for c in form.item(rekrytering.TABLE).columns if c.id == "typer")
    labels = {o.value: o.label.get(lang) for o in column.options}
    eligible = [c for c in result.candidates if c.eligible]
    return Table(
        columns=(pick(lang, "Personlighetstyp", "Personality type"), pick(lang, "Antal", "Number")),
        rows=tuple((labels[t], sum(1 for c in eligible if t in c.types)) for t in TYPES),
    )


REKRYTERING: Instrument[RekryteringResult, RekryteringResult] = Instrument(
    form_id="rekrytering",
    score=rekrytering.score,
    summarize=rekrytering.summarize,
    verdict=verdict,
    group_verdict=verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "rekrytering_chart"), chart_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "rekrytering_chart"), chart_text),),
    headline=Headline("Valbara kandidater", "Eligible candidates", lambda r: r.eligible_count),
)
