"""The local collaboration plan laid out like the handbook's template (seeds 000/001):
vision and overall goals, sub-goals with their targets, activities, the platform,
resources, marketing, evaluation, the timeline, and a line to sign per organisation.

Built from the same blocks the screen shows (the verdict's tables and charts); what
was typed goes into answer, table and name blocks, never into authored text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring import samverkansplan as plan
from scoring.samverkansplan_results import SamverkansplanResult
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import _answer, table_of
from stadforstad.instruments.blocks import (
    Answers,
    AnswerSection,
    Block,
    Heading,
    Metrics,
    Note,
    Paragraph,
    Signatures,
    Table,
)
from stadforstad.instruments.samverkansplan import (
    CHARTS,
    _coverage_table,
    _smart_table,
    area_name,
    resources_blocks,
    subgoal_name,
    timeline_text,
    verdict,
)
from stadforstad.schema import Form


def _answers(form: Form, answers: dict[str, Any], ids: Sequence[str], lang: str) -> Answers:
    return Answers(
        sections=(AnswerSection("", tuple(_answer(form.item(i), answers, lang) for i in ids)),)
    )


def _section_ids(form: Form, section_id: str) -> list[str]:
    section = next(s for s in form.sections if s.id == section_id)
    return [item.id for item in section.items if item.kind not in ("info", "table")]


def _title(form: Form, section_id: str, lang: str) -> str:
    section = next(s for s in form.sections if s.id == section_id)
    return section.title.get(lang) if section.title else section_id


def _subgoals_table(result: SamverkansplanResult, lang: str) -> Table:
    years = range(1, result.plan_years + 1)
    return Table(
        columns=(
            pick(lang, "Nr", "No."),
            pick(lang, "Delmål", "Sub-goal"),
            pick(lang, "Arbetsområde", "Area of work"),
            pick(lang, "Vad räknas", "What is counted"),
            pick(lang, "Startår", "First year"),
            *(pick(lang, f"Mål år {y}", f"Target year {y}") for y in years),
            pick(lang, "Ansvarig", "Owner"),
        ),
        rows=tuple(
            (
                subgoal_name(g.number, lang),
                g.text or None,
                area_name(g.focus_area, lang),
                g.measure,
                g.start_year,
                *(next((t.target for t in g.targets if t.year == y), None) for y in years),
                g.owner,
            )
            for g in result.subgoals
        ),
        title=pick(lang, "Delmål med mål per år", "Sub-goals with targets per year"),
    )


def _activities_table(result: SamverkansplanResult, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Delmål", "Sub-goal"),
            pick(lang, "Vad", "What"),
            pick(lang, "Vem/vilka", "Who"),
            pick(lang, "När", "When"),
            pick(lang, "År", "Years"),
        ),
        rows=tuple(
            (
                subgoal_name(a.subgoal, lang),
                a.what or None,
                a.who,
                a.when,
                ", ".join(str(y) for y in a.years) or None,
            )
            for a in result.activities
        ),
        title=pick(lang, "Aktiviteter och insatser", "Activities and measures"),
    )


def plan_blocks(
    form: Form, answers: dict[str, Any], lang: str, background: Sequence[Block] = ()
) -> list[Block]:
    """The whole plan. ``background``: what the plan builds on (the latest mapping's
    picture, the SWOT), placed beside the sub-goals."""
    result = plan.score(form, answers)
    head = verdict(form, result, lang)
    blocks: list[Block] = [b for b in head if isinstance(b, Metrics | Note)]
    blocks += [
        Heading(_title(form, "visionen", lang), 2),
        _answers(form, answers, ["vision", "overgripande_mal"], lang),
        Heading(_title(form, "delmal", lang), 2),
    ]
    if background:
        blocks += [
            Heading(pick(lang, "Det planen bygger på", "What the plan builds on"), 3),
            *background,
        ]
    blocks += [
        _subgoals_table(result, lang),
        _smart_table(result, lang),
        _coverage_table(result, lang),
        CHARTS[1].block(form, result, lang),
    ]
    risks = answers.get("risker") or []
    if risks:
        blocks += [
            Heading(_title(form, "risker", lang), 3),
            table_of(form.item("risker"), risks, lang),
        ]
    blocks += [
        Heading(_title(form, "aktiviteter", lang), 2),
        _activities_table(result, lang),
        Heading(_title(form, "plattformen", lang), 2),
        _answers(form, answers, _section_ids(form, "plattformen"), lang),
        Heading(_title(form, "resurser", lang), 2),
        _answers(form, answers, ["bekosta", "aska_medel"], lang),
        *resources_blocks(result, lang),
        Heading(_title(form, "marknadsforing", lang), 2),
        _answers(form, answers, _section_ids(form, "marknadsforing"), lang),
        Heading(_title(form, "utvardering", lang), 2),
        _answers(form, answers, _section_ids(form, "utvardering"), lang),
        Heading(_title(form, "tidslinje", lang), 2),
        CHARTS[0].block(form, result, lang),
        timeline_text(form, result, lang),
        _answers(form, answers, ["just_nu"], lang),
        Heading(_title(form, "bekraftelsen", lang), 2),
        Paragraph(
            pick(
                lang,
                "För att planen skall bli verklighet krävs det beslut inom era respektive "
                "organisationer. En representant för varje organisation skriver under.",
                "For the plan to become reality, decisions are needed within your respective "
                "organisations. A representative of each organisation signs.",
            )
        ),
    ]
    signed = answers.get(plan.SIGNATURES) or []
    if signed:
        blocks.append(table_of(form.item(plan.SIGNATURES), signed, lang))
    blocks.append(Signatures(tuple(result.organisations) or ("", "", "")))
    return blocks
