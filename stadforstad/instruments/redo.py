"""ÄR NI REDO? – the total against the threshold, what to work on, the group's spread.

The threshold and the extremes come from the result (``scoring.redo``), never a literal.
"""

from __future__ import annotations

from scoring import redo
from scoring.common import DISAGREEMENT_SPREAD
from scoring.redo import THRESHOLD, WORK_ON_AT_MOST, RedoGroup, RedoResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    Block,
    ChartRef,
    Metric,
    Metrics,
    Names,
    Note,
    Table,
)
from stadforstad.instruments.common import labels_of, members_blocks, num
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.redo"
#: For views that have no result to ask (a comparison before anyone has answered).
READINESS_THRESHOLD = THRESHOLD


def verdict_word(result: RedoResult, lang: str) -> str:
    if result.ready is None:
        return pick(lang, "Ofullständig", "Incomplete")
    return (
        pick(lang, "Redo", "Ready")
        if result.ready
        else pick(lang, "Ännu inte redo", "Not yet ready")
    )


def verdict(form: Form, result: RedoResult, lang: str) -> list[Block]:
    limit = result.threshold
    blocks: list[Block] = [
        Metrics(
            (
                Metric(pick(lang, "Totalt", "Total"), f"{result.total} / {result.max_total}"),
                Metric(pick(lang, "Bedömning", "Verdict"), verdict_word(result, lang)),
                Metric(pick(lang, "Att arbeta med", "To work on"), str(len(result.to_work_on))),
            )
        )
    ]
    if result.ready is None:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    f"{result.answered} av {len(result.items)} frågor besvarade: bedömningen "
                    "ges när alla är besvarade.",
                    f"{result.answered} of {len(result.items)} questions answered: the verdict "
                    "is given when all are answered.",
                ),
                lang,
            )
        )
    elif result.ready:
        blocks.append(
            Note(
                "success",
                pick(
                    lang,
                    f"Över {limit} poäng: ni kan fortsätta arbetet, men det kan fortfarande finnas "
                    "saker att arbeta med för att förbättra era förutsättningar. Var uppmärksam "
                    "på dessa.",
                    f"Above {limit} points: you can go on, but there may still be things to work "
                    "on to improve your conditions. Keep an eye on them.",
                ),
                lang,
            )
        )
    else:
        blocks.append(
            Note(
                "warning",
                pick(
                    lang,
                    f"{limit} poäng eller lägre: ni är ännu inte redo att börja arbetet. Gå "
                    "tillbaka till varje delfråga och arbeta fram en plan för att förbättra era "
                    "förutsättningar.",
                    f"{limit} points or fewer: you are not yet ready to start. Go back to each "
                    "question and make a plan to improve your conditions.",
                ),
                lang,
            )
        )
    if result.to_work_on:
        blocks.append(
            Names(
                pick(
                    lang,
                    f"Att arbeta med (svar 1–{WORK_ON_AT_MOST}):",
                    f"To work on (answers 1–{WORK_ON_AT_MOST}):",
                ),
                labels_of(form, result.to_work_on, lang),
            )
        )
    return blocks


def chart_text(form: Form, result: RedoResult, lang: str) -> Table:
    work = pick(lang, "att arbeta med", "to work on")
    return Table(
        columns=(pick(lang, "Fråga", "Question"), pick(lang, "Svar", "Answer"), ""),
        rows=(
            *(
                (form.item(i.id).label.get(lang), i.value, work if i.work_on else "")
                for i in result.items
            ),
            (
                pick(lang, "Totalt", "Total"),
                result.total,
                pick(
                    lang, f"gränsen är {result.threshold}", f"the threshold is {result.threshold}"
                ),
            ),
        ),
    )


def _yes_no(flag: bool | None, lang: str) -> str | None:
    if flag is None:
        return None
    return pick(lang, "ja", "yes") if flag else pick(lang, "nej", "no")


def group_verdict(form: Form, group: RedoGroup, lang: str) -> list[Block]:
    blocks = members_blocks(group.respondents, lang)
    blocks.append(
        Metrics(
            (
                Metric(pick(lang, "Median", "Median"), num(group.median_total, lang)),
                Metric(pick(lang, "Redo", "Ready"), str(group.ready_count)),
                Metric(pick(lang, "Inte redo", "Not ready"), str(group.not_ready_count)),
            )
        )
    )
    if group.to_discuss:
        blocks.append(
            Names(
                pick(
                    lang,
                    f"Här skiljer ni er åt med {DISAGREEMENT_SPREAD} poäng eller mer – prata om det:",
                    f"Here you differ by {DISAGREEMENT_SPREAD} points or more – talk it through:",
                ),
                labels_of(form, group.to_discuss, lang),
            )
        )
    if group.to_work_on:
        blocks.append(
            Names(
                pick(
                    lang,
                    f"Gruppens medel är {WORK_ON_AT_MOST} eller lägre – att arbeta med:",
                    f"The group's mean is {WORK_ON_AT_MOST} or lower – to work on:",
                ),
                labels_of(form, group.to_work_on, lang),
            )
        )
    blocks.append(_members_table(group, lang))
    blocks.append(
        Table(
            columns=(
                pick(lang, "Fråga", "Question"),
                pick(lang, "Medel", "Mean"),
                "Min",
                "Max",
                pick(lang, "Spridning", "Spread"),
                pick(lang, "Svar", "Answers"),
            ),
            rows=tuple(
                (form.item(s.id).label.get(lang), s.mean, s.min, s.max, s.spread, s.n)
                for s in group.items
            ),
        )
    )
    return blocks


def _members_table(group: RedoGroup, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Deltagare", "Member"),
            pick(lang, "Totalt", "Total"),
            pick(lang, "Redo", "Ready"),
        ),
        rows=tuple((m.respondent, m.total, _yes_no(m.ready, lang)) for m in group.members),
    )


def group_chart_text(form: Form, group: RedoGroup, lang: str) -> Table:
    return _members_table(group, lang)


REDO: Instrument[RedoResult, RedoGroup] = Instrument(
    form_id="redo",
    score=redo.score,
    summarize=redo.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "redo_chart"), chart_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "redo_group_chart"), group_chart_text),),
    headline=Headline(
        "Totalpoäng (median)", "Total score (median)", lambda r: r.total if r.complete else None
    ),
)
