"""MALL FÖR LOKAL SAMVERKANSPLAN – the plan's checks as blocks: SMART per sub-goal, the
handbook's areas of work covered, the resources counted, the timeline and the yearly
targets as charts. Sub-goals, activities and names are typed: tables and plain text."""

from __future__ import annotations

from collections.abc import Sequence

from scoring import samverkansplan
from scoring.samverkansplan import FOCUS_AREAS
from scoring.samverkansplan_results import SamverkansplanGroup, SamverkansplanResult, SubGoal
from scoring.samverkansplan_words import FOCUS_LABELS, ISSUES, LETTER_WORDS, REASONS
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    MISSING,
    Block,
    ChartRef,
    Heading,
    Metric,
    Metrics,
    Note,
    Paragraph,
    Table,
)
from stadforstad.instruments.common import num
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.samverkansplan"
#: The "what" of a ``years_beyond_plan`` issue, in words.
WHAT_WORDS = {"activity": ("Aktiviteten", "The activity"), "cost": ("Kostnaden", "The cost")}
OK_MARK = ("✓ uppfyllt", "✓ met")
FAIL_MARK = ("✗ saknas", "✗ missing")


def _say(words: dict[str, str], lang: str, args: dict[str, str]) -> str:
    return pick(lang, words["sv"], words["en"]).format(**args)


def area_name(area: str | None, lang: str) -> str:
    if area is None:
        return MISSING
    labels = FOCUS_LABELS.get(area)
    return pick(lang, labels["sv"], labels["en"]) if labels else area


def subgoal_name(number: str | None, lang: str) -> str:
    """``delmal_2`` → "Delmål 2" / "Sub-goal 2" (the form's option labels)."""
    if not number:
        return MISSING
    tail = number.rsplit("_", 1)[-1]
    return pick(lang, f"Delmål {tail}", f"Sub-goal {tail}")


def issue_text(code: str, args: dict[str, str], lang: str) -> str:
    shown = dict(args)
    if "area" in shown:
        shown["area"] = area_name(shown["area"], lang)
    if "number" in shown:
        shown["number"] = subgoal_name(shown["number"], lang)
    if "what" in shown:
        shown["what"] = pick(lang, *WHAT_WORDS.get(shown["what"], (shown["what"],) * 2))
    return _say(ISSUES[code], lang, shown)


def smart_text(goal: SubGoal, lang: str) -> str:
    """Why the failing letters fail, letter by letter, in plain words."""
    parts = []
    for check in goal.smart:
        if check.ok:
            continue
        word = pick(lang, LETTER_WORDS[check.letter]["sv"], LETTER_WORDS[check.letter]["en"])
        reasons = "; ".join(_say(REASONS[r], lang, check.args) for r in check.reasons)
        parts.append(f"{check.letter} ({word}): {reasons}")
    return (
        " · ".join(parts)
        if parts
        else pick(lang, "SMART – inget saknas", "SMART – nothing missing")
    )


def _smart_table(result: SamverkansplanResult, lang: str) -> Table:
    letters = tuple(
        f"{c.letter} – {pick(lang, LETTER_WORDS[c.letter]['sv'], LETTER_WORDS[c.letter]['en'])}"
        for c in (result.subgoals[0].smart if result.subgoals else [])
    )
    return Table(
        columns=(
            pick(lang, "Nr", "No."),
            pick(lang, "Delmål", "Sub-goal"),
            *letters,
            pick(lang, "Vad som saknas och varför", "What is missing and why"),
        ),
        rows=tuple(
            (
                subgoal_name(g.number, lang),
                g.text or None,
                *(pick(lang, *(OK_MARK if c.ok else FAIL_MARK)) for c in g.smart),
                smart_text(g, lang),
            )
            for g in result.subgoals
        ),
        title=pick(lang, "SMART-kontroll per delmål", "SMART check per sub-goal"),
    )


def _coverage_table(result: SamverkansplanResult, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Arbetsområde", "Area of work"),
            pick(lang, "Delmål", "Sub-goals"),
        ),
        rows=tuple(
            (
                area_name(area, lang),
                ", ".join(subgoal_name(n, lang) for n in result.coverage[area])
                or pick(lang, "inget delmål", "no sub-goal"),
            )
            for area in FOCUS_AREAS
        ),
        title=pick(lang, "Handbokens arbetsområden", "The handbook's areas of work"),
    )


def _money(value: float | None, lang: str) -> str:
    return MISSING if value is None else f"{num(value, lang)} kr"


def resources_blocks(result: SamverkansplanResult, lang: str) -> list[Block]:
    years = range(1, result.plan_years + 1)
    if not result.budget:
        return [
            Paragraph(
                pick(
                    lang,
                    "Ingen budget ännu: skriv en rad per möte eller kostnad under Resurser.",
                    "No budget yet: write one row per meeting or cost under Resources.",
                )
            )
        ]
    rows = tuple(
        (
            b.item or None,
            subgoal_name(b.subgoal, lang) if b.subgoal else None,
            b.meetings,
            b.persons,
            b.hours_per_meeting,
            b.hours,
            *(b.costs[y - 1] for y in years),
            b.cost,
        )
        for b in result.budget
    )
    total = (
        pick(lang, "Summa", "Total"),
        None,
        None,
        None,
        None,
        result.hours_total,
        *result.cost_per_year,
        result.cost_total,
    )
    per_goal = Table(
        columns=(
            pick(lang, "Delmål", "Sub-goal"),
            pick(lang, "Arbetstid (timmar)", "Work hours"),
            pick(lang, "Kostnad (kr)", "Cost (SEK)"),
        ),
        rows=tuple(
            (subgoal_name(n, lang), result.hours_per_subgoal[n], result.cost_per_subgoal[n])
            for n in sorted(result.hours_per_subgoal)
        )
        + (
            (
                (
                    pick(lang, "Inget delmål", "No sub-goal"),
                    result.hours_unassigned,
                    result.cost_unassigned,
                ),
            )
            if result.hours_unassigned or result.cost_unassigned
            else ()
        ),
        title=pick(lang, "Arbetstid och kostnad per delmål", "Work hours and cost per sub-goal"),
    )
    return [
        Paragraph(
            pick(
                lang,
                "Arbetstid = antal möten × antal personer × timmar per möte; ett tomt antal "
                "räknas som 1 (»5 gånger * 5 timmar = 25 timmar«).",
                "Work hours = meetings × persons × hours per meeting; a blank count is 1 "
                "(“5 times × 5 hours = 25 hours”).",
            ),
            small=True,
        ),
        Table(
            columns=(
                pick(lang, "Aktivitet eller post", "Activity or item"),
                pick(lang, "Delmål", "Sub-goal"),
                pick(lang, "Möten", "Meetings"),
                pick(lang, "Personer", "Persons"),
                pick(lang, "Timmar per möte", "Hours per meeting"),
                pick(lang, "Arbetstid (timmar)", "Work hours"),
                *(pick(lang, f"År {y} (kr)", f"Year {y} (SEK)") for y in years),
                pick(lang, "Kostnad totalt (kr)", "Cost in total (SEK)"),
            ),
            rows=(*rows, total),
            title=pick(lang, "Budget: arbetstid och kostnader", "Budget: work hours and costs"),
        ),
        per_goal,
    ]


def verdict(form: Form, result: SamverkansplanResult, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Delmål", "Sub-goals"), str(len(result.subgoals))),
                Metric(
                    pick(lang, "SMARTA delmål", "SMART sub-goals"),
                    f"{result.smart_ok} / {len(result.subgoals)}",
                ),
                Metric(
                    pick(lang, "Planens längd", "Plan length"),
                    pick(lang, f"{result.plan_years} år", f"{result.plan_years} years"),
                ),
                Metric(
                    pick(lang, "Arbetstid", "Work hours"),
                    pick(
                        lang,
                        f"{num(result.hours_total, lang)} timmar",
                        f"{num(result.hours_total, lang)} hours",
                    ),
                ),
                Metric(
                    pick(lang, "Kostnad totalt", "Cost in total"), _money(result.cost_total, lang)
                ),
            )
        )
    ]
    if result.issues:
        blocks += [Note("warning", issue_text(i.code, i.args, lang), lang) for i in result.issues]
    elif result.subgoals:
        blocks.append(
            Note(
                "success",
                pick(
                    lang,
                    "Planen håller sig till handbokens ramar: högst fem delmål, alla "
                    "arbetsområden täckta och en aktivitet till varje delmål.",
                    "The plan keeps to the handbook's frame: at most five sub-goals, every "
                    "area of work covered and an activity for each sub-goal.",
                ),
                lang,
            )
        )
    if not result.plan_years_given:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    f"Planens längd är inte angiven; räknat med {result.plan_years} år "
                    "(det sista året som används, minst 3).",
                    f"The plan's length is not given; counted as {result.plan_years} years "
                    "(the last year used, at least 3).",
                ),
                lang,
            )
        )
    if result.subgoals:
        blocks.append(_smart_table(result, lang))
    blocks.append(_coverage_table(result, lang))
    blocks += resources_blocks(result, lang)
    return blocks


def timeline_text(form: Form, result: SamverkansplanResult, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Delmål", "Sub-goal"),
            pick(lang, "Aktivitet eller händelse", "Activity or milestone"),
            pick(lang, "När", "When"),
        ),
        rows=tuple(
            (
                subgoal_name(a.subgoal, lang),
                a.what or None,
                ", ".join(pick(lang, f"år {y}", f"year {y}") for y in a.years) or a.when,
            )
            for a in result.activities
        )
        + tuple(
            (subgoal_name(m.subgoal, lang) if m.subgoal else None, m.what or None, m.date)
            for m in result.milestones
        ),
        title=pick(lang, "Tidslinjen i tabellform", "The timeline as a table"),
    )


def targets_text(form: Form, result: SamverkansplanResult, lang: str) -> Table:
    years = range(1, result.plan_years + 1)
    return Table(
        columns=(
            pick(lang, "Delmål", "Sub-goal"),
            pick(lang, "Vad räknas", "What is counted"),
            *(pick(lang, f"År {y}", f"Year {y}") for y in years),
        ),
        rows=tuple(
            (
                subgoal_name(g.number, lang),
                g.measure,
                *(next((t.target for t in g.targets if t.year == y), None) for y in years),
            )
            for g in result.subgoals
        ),
        title=pick(lang, "Årsmålen i tabellform", "The yearly targets as a table"),
    )


def group_verdict(form: Form, group: SamverkansplanGroup, lang: str) -> list[Block]:
    if not group.plans:
        return [Paragraph(pick(lang, "Ingen plan är sparad ännu.", "No plan is saved yet."))]
    blocks: list[Block] = []
    for who, plan in group.plans:
        if len(group.plans) > 1:
            blocks.append(Heading(who, 3))
        blocks += verdict(form, plan, lang)
    return blocks


def _smart_share(result: SamverkansplanResult) -> float | None:
    if not result.subgoals:
        return None
    return round(100 * result.smart_ok / len(result.subgoals), 1)


def _plan_of(group: SamverkansplanGroup) -> SamverkansplanResult:
    """The chart of a group is the chart of its latest plan (one per municipality)."""
    return group.plans[-1][1] if group.plans else samverkansplan.score(None, {})


def _group_timeline_text(form: Form, group: SamverkansplanGroup, lang: str) -> Table:
    return timeline_text(form, _plan_of(group), lang)


def _group_targets_text(form: Form, group: SamverkansplanGroup, lang: str) -> Table:
    return targets_text(form, _plan_of(group), lang)


def chart_blocks(form: Form, result: SamverkansplanResult, lang: str) -> list[Block]:
    """The two charts of a plan (also used by the plan document)."""
    return [c.block(form, result, lang) for c in CHARTS]


CHARTS: tuple[Charted[SamverkansplanResult], ...] = (
    Charted(ChartRef(CHART_MODULE, "timeline_chart"), timeline_text),
    Charted(ChartRef(CHART_MODULE, "targets_chart"), targets_text),
)


def _documents(
    form: Form, answers: dict, lang: str, background: Sequence[Block] = ()
) -> list[Block]:
    from stadforstad.instruments.plan_document import plan_blocks

    return plan_blocks(form, answers, lang, background)


SAMVERKANSPLAN: Instrument[SamverkansplanResult, SamverkansplanGroup] = Instrument(
    form_id="samverkansplan",
    score=samverkansplan.score,
    summarize=samverkansplan.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    charts=CHARTS,
    group_charts=(
        Charted(ChartRef(CHART_MODULE, "group_timeline_chart"), _group_timeline_text),
        Charted(ChartRef(CHART_MODULE, "group_targets_chart"), _group_targets_text),
    ),
    headline=Headline(
        "SMARTA delmål (andel i procent)",
        "SMART sub-goals (per cent)",
        _smart_share,
    ),
    document=_documents,
)
