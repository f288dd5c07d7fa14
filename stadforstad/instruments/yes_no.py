"""ENGAGEMANG and RIKTNING – the number of JA; every NEJ is a topic to discuss first."""

from __future__ import annotations

from scoring import engagemang, riktning
from scoring.riktning import RiktningResult
from scoring.yes_no import YesNoGroup, YesNoResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import Block, ChartRef, Metric, Metrics, Names, Note, Table
from stadforstad.instruments.common import labels_of, members_blocks
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.yes_no"


def verdict(form: Form, result: YesNoResult, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (
                Metric(
                    pick(lang, "Antal JA", "Number of YES"), f"{result.yes_count} / {result.total}"
                ),
            )
        )
    ]
    if result.no_items:
        blocks.append(
            Names(
                pick(
                    lang,
                    "Att diskutera innan ni börjar (NEJ):",
                    "To discuss before you start (NO):",
                ),
                labels_of(form, result.no_items, lang),
            )
        )
    if result.unanswered_items:
        blocks.append(
            Names(
                pick(lang, "Inte besvarade:", "Not answered:"),
                labels_of(form, result.unanswered_items, lang),
            )
        )
    return blocks


def riktning_verdict(form: Form, result: RiktningResult, lang: str) -> list[Block]:
    blocks = verdict(form, result, lang)
    if result.may_not_be_relevant:
        limit = result.several_no
        blocks.append(
            Note(
                "warning",
                pick(
                    lang,
                    f"{result.no_count} NEJ. Handboken: om ni har helt andra mål med ert arbete "
                    "kanske inte det här är ett relevant material för er just nu. Att påminna "
                    f"om det från {limit} NEJ är verktygets regel – handboken anger inget antal. "
                    "Diskutera era NEJ innan ni bestämmer er.",
                    f"{result.no_count} NO. The handbook: if you have quite other aims for your "
                    "work, this material may not be relevant for you just now. Recalling this "
                    f"from {limit} NO on is this tool's rule – the handbook gives no number. "
                    "Discuss your NO answers before you decide.",
                ),
                lang,
            )
        )
    return blocks


def _statements(form: Form):
    return [i for i in form.answerable() if i.kind == "yes_no"]


def chart_text(form: Form, result: YesNoResult, lang: str) -> Table:
    no, blank = set(result.no_items), set(result.unanswered_items)
    return Table(
        columns=("", pick(lang, "Påstående", "Statement"), pick(lang, "Svar", "Answer")),
        rows=tuple(
            (
                f"{n:02d}",
                item.label.get(lang),
                None
                if item.id in blank
                else pick(lang, "Nej", "No")
                if item.id in no
                else pick(lang, "Ja", "Yes"),
            )
            for n, item in enumerate(_statements(form), start=1)
        ),
    )


def _group_table(form: Form, group: YesNoGroup, lang: str) -> Table:
    return Table(
        columns=(
            pick(lang, "Påstående", "Statement"),
            pick(lang, "Ja", "Yes"),
            pick(lang, "Nej", "No"),
            pick(lang, "Nej från", "No from"),
        ),
        rows=tuple(
            (form.item(s.id).label.get(lang), s.yes, s.no, ", ".join(s.no_by))
            for s in group.statements
        ),
    )


def group_verdict(form: Form, group: YesNoGroup, lang: str) -> list[Block]:
    return [*members_blocks(group.respondents, lang), _group_table(form, group, lang)]


def _instrument(form_id: str, module, words) -> Instrument:
    return Instrument(
        form_id=form_id,
        score=module.score,
        summarize=module.summarize,
        verdict=words,
        group_verdict=group_verdict,
        charts=(Charted(ChartRef(CHART_MODULE, "yes_no_chart"), chart_text),),
        group_charts=(Charted(ChartRef(CHART_MODULE, "yes_no_group_chart"), _group_table),),
        headline=Headline("Antal JA", "Number of YES", lambda r: r.yes_count),
    )


ENGAGEMANG: Instrument[YesNoResult, YesNoGroup] = _instrument("engagemang", engagemang, verdict)
RIKTNING: Instrument[RiktningResult, YesNoGroup] = _instrument(
    "riktning", riktning, riktning_verdict
)
