"""ÄR NI REDO? – the total against the threshold, what to work on, the group's spread.

The threshold and the extremes come from the result (``scoring.redo``), never a literal.
"""

from __future__ import annotations

from scoring import redo
from scoring.common import DISAGREEMENT_SPREAD
from scoring.redo import (
    HANDBOOK_LOWEST,
    PERIOD_MONTHS,
    THRESHOLD,
    WORK_ON_AT_MOST,
    RedoGroup,
    RedoResult,
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


def why_or_lower(min_total: int, limit: int, lang: str) -> Paragraph:
    """Why the verdict reads "20 or lower" where the handbook prints "8–20"."""
    return Paragraph(
        pick(
            lang,
            f"Varför »{limit} poäng eller lägre«? Handboken skriver »{HANDBOOK_LOWEST}–{limit} "
            f"poäng: ännu inte redo«, men den lägsta möjliga summan är {min_total} (alla frågor "
            f"besvarade med 1). Också {min_total} betyder ännu inte redo, så verktyget skriver "
            f"»{limit} poäng eller lägre«.",
            f'Why "{limit} points or fewer"? The handbook prints "{HANDBOOK_LOWEST}–{limit} '
            f'points: not yet ready", but the lowest possible total is {min_total} (every '
            f"question answered 1). {min_total} also means not yet ready, so the tool says "
            f'"{limit} points or fewer".',
        ),
        small=True,
    )


def period_blocks(months: int | None, ok: bool | None, lang: str) -> list[Block]:
    """The planned period against the handbook's twelve to eighteen months."""
    low, high = PERIOD_MONTHS
    if ok is None:
        return [
            Paragraph(
                pick(
                    lang,
                    f"Ingen planerad period angiven. Handboken rekommenderar {low}–{high} månader.",
                    f"No planned period given. The handbook recommends {low}–{high} months.",
                ),
                small=True,
            )
        ]
    if ok:
        return [
            Note(
                "success",
                pick(
                    lang,
                    f"Planerad period {months} månader: inom handbokens rekommendation, "
                    f"{low}–{high} månader.",
                    f"Planned period {months} months: within the handbook's recommendation of "
                    f"{low}–{high} months.",
                ),
                lang,
            )
        ]
    return [
        Note(
            "warning",
            pick(
                lang,
                f"Planerad period {months} månader: handboken rekommenderar {low}–{high} "
                "månader. Fundera på om perioden räcker, eller om den är för utdragen.",
                f"Planned period {months} months: the handbook recommends {low}–{high} months. "
                "Consider whether the period is long enough, or too drawn out.",
            ),
            lang,
        )
    ]


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
        blocks.append(why_or_lower(result.min_total, limit, lang))
    blocks += period_blocks(result.period_months, result.period_ok, lang)
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


def group_words(group: RedoGroup, lang: str) -> list[Block]:
    """The group's verdict in words: the median total against the threshold."""
    limit = group.threshold
    if group.ready is None:
        return [
            Note(
                "info",
                pick(
                    lang,
                    "Ingen i gruppen har besvarat alla frågor ännu: gruppens bedömning ges när "
                    "någon har det.",
                    "Nobody in the group has answered every question yet: the group's verdict "
                    "is given when someone has.",
                ),
                lang,
            )
        ]
    median = num(group.median_total, lang)
    if group.ready:
        blocks: list[Block] = [
            Note(
                "success",
                pick(
                    lang,
                    f"Gruppens bedömning: redo. Gruppens median är {median} poäng, över {limit}: "
                    "ni kan fortsätta arbetet, men var uppmärksamma på det ni behöver arbeta med.",
                    f"The group's verdict: ready. The group's median is {median} points, above "
                    f"{limit}: you can go on, but keep an eye on what you need to work on.",
                ),
                lang,
            )
        ]
    else:
        blocks = [
            Note(
                "warning",
                pick(
                    lang,
                    f"Gruppens bedömning: ännu inte redo. Gruppens median är {median} poäng, "
                    f"{limit} eller lägre: gå tillbaka till varje delfråga och arbeta fram en "
                    "plan för att förbättra era förutsättningar.",
                    f"The group's verdict: not yet ready. The group's median is {median} points, "
                    f"{limit} or fewer: go back to each question and make a plan to improve your "
                    "conditions.",
                ),
                lang,
            ),
            why_or_lower(group.min_total, limit, lang),
        ]
    if group.split:
        blocks.append(
            Paragraph(
                pick(
                    lang,
                    f"Ni är inte överens: {group.ready_count} bedömer er redo och "
                    f"{group.not_ready_count} inte redo. Prata om varför innan ni bestämmer er.",
                    f"You do not agree: {group.ready_count} find you ready and "
                    f"{group.not_ready_count} not ready. Talk about why before you decide.",
                )
            )
        )
    if group.period_outside:
        low, high = PERIOD_MONTHS
        blocks.append(
            Names(
                pick(
                    lang,
                    f"Planerad period utanför handbokens {low}–{high} månader:",
                    f"Planned period outside the handbook's {low}–{high} months:",
                ),
                tuple(group.period_outside),
            )
        )
    return blocks


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
    blocks += group_words(group, lang)
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
            pick(lang, "Period (månader)", "Period (months)"),
        ),
        rows=tuple(
            (m.respondent, m.total, _yes_no(m.ready, lang), m.period_months) for m in group.members
        ),
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
