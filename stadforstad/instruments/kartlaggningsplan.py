"""VEM SKA GÖRA VAD OCH NÄR? – the mapping plan's tasks with owner, day and status, and
the overdue ones on the overview (today in Stockholm)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from scoring import kartlaggningsplan
from scoring.common import Rated
from scoring.kartlaggningsplan import Plan, PlanGroup, Task, overdue
from stadforstad.i18n import count_text, pick
from stadforstad.instruments.base import Instrument
from stadforstad.instruments.blocks import Block, Cell, Metric, Metrics, Note, Paragraph, Table
from stadforstad.schema import Form


def _options(form: Form, column_id: str, lang: str) -> dict[str, str]:
    column = next(c for c in form.item(kartlaggningsplan.TASKS_ITEM).columns if c.id == column_id)
    return {o.value: o.label.get(lang) for o in column.options or []}


def tasks_table(form: Form, tasks: Sequence[Task], lang: str, title: str = "") -> Table:
    status = _options(form, "status", lang)
    category = _options(form, "kategori", lang)
    whose = any(t.respondent for t in tasks)
    columns: tuple[str, ...] = (
        pick(lang, "Vad", "What"),
        pick(lang, "Vem", "Who"),
        pick(lang, "När", "When"),
        pick(lang, "Status", "Status"),
        pick(lang, "Kategori", "Category"),
    )
    rows: list[tuple[Cell, ...]] = []
    for t in tasks:
        row: tuple[Cell, ...] = (
            t.what,
            t.owner,
            t.due,
            status.get(t.status or "", t.status),
            category.get(t.category or "", t.category),
        )
        rows.append((t.respondent, *row) if whose else row)
    if whose:
        columns = (pick(lang, "Deltagare", "Member"), *columns)
    return Table(columns, tuple(rows), title=title)


def _overdue_note(form: Form, late: Sequence[Task], lang: str) -> list[Block]:
    if not late:
        return []
    what = count_text(lang, len(late), ("uppgift", "uppgifter"), ("task", "tasks"))
    return [
        Note(
            "warning",
            pick(
                lang,
                f"{what} har passerat sitt datum och är inte klara.",
                f"{what} past their day and not done.",
            ),
            lang,
        ),
        tasks_table(form, late, lang, title=pick(lang, "Försenade uppgifter", "Overdue tasks")),
    ]


def _plan_blocks(form: Form, plan: Plan, lang: str, today: dt.date | None = None) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Uppgifter", "Tasks"), str(len(plan.tasks))),
                Metric(pick(lang, "Klara", "Done"), str(plan.done)),
                Metric(pick(lang, "Utan ansvarig", "Without an owner"), str(plan.without_owner)),
                Metric(pick(lang, "Utan datum", "Without a day"), str(plan.without_due)),
            )
        )
    ]
    if today is not None:
        blocks += _overdue_note(form, overdue(plan, today), lang)
    blocks.append(
        tasks_table(form, plan.tasks, lang, title=pick(lang, "Alla uppgifter", "All tasks"))
    )
    return blocks


def verdict(form: Form, plan: Plan, lang: str) -> list[Block]:
    return _plan_blocks(form, plan, lang)


def group_verdict(form: Form, group: PlanGroup, lang: str) -> list[Block]:
    return _plan_blocks(form, group.plan, lang)


def overview_blocks(
    form: Form, responses: Sequence[Rated], today: dt.date, lang: str
) -> list[Block]:
    """On the overview: the tasks past their day that are not done."""
    if not responses:
        return []
    late = overdue(kartlaggningsplan.summarize(form, responses).plan, today)
    if not late:
        return [Paragraph(pick(lang, "Inga försenade uppgifter.", "No overdue tasks."), small=True)]
    return _overdue_note(form, late, lang)


KARTLAGGNINGSPLAN: Instrument[Plan, PlanGroup] = Instrument(
    form_id="kartlaggningsplan",
    score=kartlaggningsplan.score,
    summarize=kartlaggningsplan.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    scored=False,
    with_answers=True,
    overview=overview_blocks,
)
