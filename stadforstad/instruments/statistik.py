"""STATISTIK FRÅN NÄTVERKET – each measure's series, total and changes, and the plan's
yearly targets against the outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from scoring import statistik
from scoring.common import Rated
from scoring.statistik import MEASURES, MeasureResult, StatistikResult, TargetOutcome
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    Block,
    Cell,
    ChartRef,
    Metric,
    Metrics,
    Note,
    Paragraph,
    Table,
)
from stadforstad.instruments.common import num, signed
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.statistik"
#: The form whose answers hold the yearly targets (same municipality, same round).
PLAN_FORM = "samverkansplan"


def measure_labels(form: Form, lang: str) -> dict[str, str]:
    """The measures' names: the ``perioder`` table's column labels."""
    columns = {c.id: c.label.get(lang) for c in form.item(statistik.TABLE).columns}
    return {m: columns[m] for m in MEASURES}


def _percent(value: float | None, lang: str) -> str | None:
    return None if value is None else f"{signed(value, lang)} %"


def _year_text(year: int, preliminary: bool, lang: str) -> str:
    return f"{year} ({pick(lang, 'preliminär', 'preliminary')})" if preliminary else str(year)


def _met(target: TargetOutcome | None, lang: str) -> str | None:
    if target is None or target.met is None:
        return None
    return pick(lang, "ja", "yes") if target.met else pick(lang, "nej", "no")


def measure_table(form: Form, measure: MeasureResult, lang: str) -> Table:
    """One measure year by year: the figure, the change from the year before (count
    and per cent) and, where the plan has one, the target and whether it was met."""
    changes = {c.year: c for c in measure.changes}
    targets = {t.year: t for t in measure.targets}
    columns = [
        pick(lang, "År", "Year"),
        pick(lang, "Antal", "Number"),
        pick(lang, "Förändring", "Change"),
        pick(lang, "Förändring i procent", "Change in per cent"),
    ]
    if targets:
        columns += [pick(lang, "Mål i planen", "Target in the plan"), pick(lang, "Nått", "Met")]
    rows: list[tuple[Cell, ...]] = []
    for figure in measure.series:
        change = changes.get(figure.year)
        row: list[Cell] = [
            _year_text(figure.year, figure.preliminary, lang),
            figure.value,
            None if change is None or change.count is None else signed(change.count, lang),
            None if change is None else _percent(change.percent, lang),
        ]
        if targets:
            target = targets.get(figure.year)
            row += [None if target is None else target.target, _met(target, lang)]
        rows.append(tuple(row))
    # Targets for years after the last figure: the plan runs ahead of the statistics.
    last = measure.series[-1].year if measure.series else None
    for target in measure.targets:
        if last is None or target.year > last:
            rows.append((str(target.year), None, None, None, target.target, None))
    return Table(
        columns=tuple(columns), rows=tuple(rows), title=measure_labels(form, lang)[measure.id]
    )


def totals_table(form: Form, result: StatistikResult, lang: str) -> Table:
    labels = measure_labels(form, lang)
    return Table(
        columns=(
            pick(lang, "Mått", "Measure"),
            pick(lang, "Totalt", "Total"),
            pick(lang, "År med siffror", "Years with figures"),
        ),
        rows=tuple(
            (labels[m.id], m.total, f"{m.years_with_figures}/{len(result.years)}")
            for m in result.measures
        ),
        title=pick(lang, "Totalt per mått", "Total per measure"),
    )


def verdict(form: Form, result: StatistikResult, lang: str) -> list[Block]:
    if not result.years:
        return [
            Note(
                "info",
                pick(
                    lang,
                    "Inga perioder ifyllda ännu: fyll i minst ett år.",
                    "No periods filled in yet: fill in at least one year.",
                ),
                lang,
            )
        ]
    labels = measure_labels(form, lang)
    span = (
        f"{result.years[0]}–{result.years[-1]}" if len(result.years) > 1 else str(result.years[0])
    )
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Period", "Period"), span),
                *(Metric(labels[m.id], num(m.total, lang)) for m in result.measures),
            )
        )
    ]
    if result.preliminary_years:
        blocks.append(
            Paragraph(
                pick(lang, "Preliminära siffror: ", "Preliminary figures: ")
                + ", ".join(map(str, result.preliminary_years))
                + ".",
                small=True,
            )
        )
    for m in result.measures:
        if m.missing_years and m.years_with_figures:
            blocks.append(
                Note(
                    "warning",
                    pick(
                        lang,
                        f"{labels[m.id]}: inga siffror för {', '.join(map(str, m.missing_years))}"
                        " – förändringen till och från det året kan inte räknas.",
                        f"{labels[m.id]}: no figures for {', '.join(map(str, m.missing_years))}"
                        " – the change to and from that year cannot be worked out.",
                    ),
                    lang,
                )
            )
    if result.has_targets:
        blocks += _target_notes(result, labels, lang)
    blocks.append(totals_table(form, result, lang))
    blocks += [
        measure_table(form, m, lang) for m in result.measures if m.years_with_figures or m.targets
    ]
    return blocks


def _target_notes(result: StatistikResult, labels: dict[str, str], lang: str) -> list[Block]:
    notes: list[Block] = []
    for m in result.measures:
        judged = [t for t in m.targets if t.met is not None]
        if not judged:
            continue
        met = sum(1 for t in judged if t.met)
        notes.append(
            Note(
                "success" if met == len(judged) else "warning",
                pick(
                    lang,
                    f"{labels[m.id]}: målet i samverkansplanen nått {met} av {len(judged)} år.",
                    f"{labels[m.id]}: the collaboration plan's target met in {met} of "
                    f"{len(judged)} years.",
                ),
                lang,
            )
        )
    return notes


def chart_text(form: Form, result: StatistikResult, lang: str) -> Table:
    """The trend chart's numbers: one row per year, one column per measure."""
    labels = measure_labels(form, lang)
    return Table(
        columns=(pick(lang, "År", "Year"), *(labels[m] for m in MEASURES)),
        rows=tuple(
            (str(year), *(m.series[i].value for m in result.measures))
            for i, year in enumerate(result.years)
        ),
    )


def score_in_context(
    form: Form, answers: dict[str, Any], context: Mapping[str, Sequence[dict[str, Any]]]
) -> StatistikResult:
    return statistik.score_with_plans(form, answers, context.get(PLAN_FORM, ()))


def summarize_in_context(
    form: Form, responses: Sequence[Rated], context: Mapping[str, Sequence[dict[str, Any]]]
) -> StatistikResult:
    return statistik.summarize_with_plans(form, responses, context.get(PLAN_FORM, ()))


#: The measure the comparison follows: "Utan identifiering inget stöd".
HEADLINE_MEASURE = "utsatta_personer"


def latest_figure(result: StatistikResult, measure: str = HEADLINE_MEASURE) -> float | None:
    """The measure's figure in the latest year that has one; ``None`` without any."""
    found = next(m for m in result.measures if m.id == measure)
    return next((f.value for f in reversed(found.series) if f.value is not None), None)


STATISTIK: Instrument[StatistikResult, StatistikResult] = Instrument(
    form_id="statistik",
    score=statistik.score,
    summarize=statistik.summarize,
    verdict=verdict,
    group_verdict=verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "statistik_chart"), chart_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "statistik_chart"), chart_text),),
    headline=Headline(
        "Möjligt utsatta personer dokumenterade, senaste året",
        "Possibly exploited persons documented, latest year",
        latest_figure,
    ),
    context_forms=(PLAN_FORM,),
    score_in_context=score_in_context,
    summarize_in_context=summarize_in_context,
)
