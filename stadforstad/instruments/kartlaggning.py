"""MALL FÖR ATT KARTLÄGGA – one actor's picture by category, and the group's."""

from __future__ import annotations

from scoring import kartlaggning
from scoring.kartlaggning import CATEGORIES, KartlaggningGroup, KartlaggningResult
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Headline, Instrument
from stadforstad.instruments.blocks import (
    Block,
    ChartRef,
    Heading,
    Metric,
    Metrics,
    Names,
    Note,
    Paragraph,
    Table,
)
from stadforstad.instruments.common import discuss_block, items_table, members_blocks, num
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.kartlaggning"


def category_titles(form: Form, lang: str) -> dict[str, str]:
    return {s.id: s.title.get(lang) for s in form.sections if s.id in CATEGORIES and s.title}


def _industry(form: Form, value: str | None, lang: str) -> str | None:
    names = {o.value: o.label.get(lang) for o in form.item("bransch").options}
    return names.get(value, value) if value else None


def _highest_first(categories, mean) -> list:
    """Categories with a mean, highest first (ties keep the handbook's order), then the rest."""
    rated = sorted((c for c in categories if mean(c) is not None), key=lambda c: -mean(c))
    return rated + [c for c in categories if mean(c) is None]


def _note(c, lang: str) -> str:
    if c.partial:
        return pick(
            lang, "bara en av två indikatorer besvarad", "only one of two indicators answered"
        )
    if c.mean is None:
        return pick(lang, "ingen indikator besvarad", "no indicator answered")
    return ""


def _categories(form: Form, result: KartlaggningResult, lang: str) -> Table:
    titles = category_titles(form, lang)
    return Table(
        columns=(
            pick(lang, "Kategori", "Category"),
            pick(lang, "Genomsnitt", "Average"),
            pick(lang, "Besvarade", "Answered"),
            pick(lang, "Anmärkning", "Note"),
        ),
        rows=tuple(
            (titles[c.id], c.mean, f"{c.answered}/{c.of}", _note(c, lang))
            for c in _highest_first(result.categories, lambda c: c.mean)
        ),
    )


def verdict(form: Form, result: KartlaggningResult, lang: str) -> list[Block]:
    titles = category_titles(form, lang)
    who = [pick(lang, "Aktör: ", "Actor: ") + (result.actor or "–")]
    industry = _industry(form, result.industry, lang)
    if industry:
        who.append(pick(lang, "Bransch: ", "Industry: ") + industry)
    blocks: list[Block] = [
        Names("", tuple(who)),
        Metrics(
            (
                Metric(
                    pick(lang, "Besvarade indikatorer", "Indicators answered"),
                    f"{result.answered} / {result.indicators}",
                ),
                Metric(
                    pick(lang, "Genomsnitt över kategorierna", "Average over the categories"),
                    num(result.overall_mean, lang),
                ),
            )
        ),
        Paragraph(
            pick(
                lang,
                "Genomsnitt per kategori: lägg ihop siffrorna och dela på 2 (1 = aldrig, 5 = "
                "mycket ofta). En obesvarad indikator räknas inte som 0: då är genomsnittet den "
                "besvarade indikatorns siffra.",
                "Average per category: add the numbers together and divide by 2 (1 = never, 5 = "
                "very often). An unanswered indicator does not count as 0: the average is then "
                "the answered indicator's number.",
            ),
            small=True,
        ),
    ]
    if result.ranking:
        top = next(c for c in result.categories if c.id == result.ranking[0])
        blocks.append(
            Paragraph(
                pick(
                    lang,
                    f"Högst: {titles[top.id]} ({num(top.mean, lang)}).",
                    f"Highest: {titles[top.id]} ({num(top.mean, lang)}).",
                )
            )
        )
    if result.partial_categories:
        blocks.append(
            Note(
                "warning",
                pick(
                    lang,
                    "Bara en av två indikatorer besvarad i: ",
                    "Only one of two indicators answered in: ",
                )
                + ", ".join(titles[c] for c in result.partial_categories)
                + ".",
                lang,
            )
        )
    blocks.append(_categories(form, result, lang))
    if result.risk_factors_noted:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    "Ni har antecknat riskfaktorer under tiggeri (funktionsnedsättning, "
                    "minderåriga): ta med dem i sammanställningen.",
                    "You noted risk factors under begging (disability, minors): include them "
                    "in the summary.",
                ),
                lang,
            )
        )
    return blocks


def _group_categories(form: Form, group: KartlaggningGroup, lang: str) -> Table:
    titles = category_titles(form, lang)
    return Table(
        columns=(
            pick(lang, "Kategori", "Category"),
            pick(lang, "Medel", "Mean"),
            "Min",
            "Max",
            pick(lang, "Svar", "Answers"),
        ),
        rows=tuple(
            (titles[c.id], c.mean, c.min, c.max, c.n)
            for c in _highest_first(group.categories, lambda c: c.mean)
        ),
    )


def group_verdict(form: Form, group: KartlaggningGroup, lang: str) -> list[Block]:
    titles = category_titles(form, lang)
    category_of = {i: c for c, ids in CATEGORIES.items() for i in ids}
    category = pick(lang, "Kategori", "Category")
    return [
        *members_blocks(group.respondents, lang),
        Heading(
            pick(
                lang,
                "Kategorierna, högst genomsnitt först (medel av varje deltagares genomsnitt)",
                "The categories, highest average first (mean of each member's average)",
            ),
            4,
        ),
        _group_categories(form, group, lang),
        Heading(pick(lang, "Varje indikator", "Each indicator"), 4),
        discuss_block(
            len(group.to_discuss), ("indikator", "indicator"), ("indikatorer", "indicators"), lang
        ),
        items_table(
            form, group.items, lang, extra=lambda s: ((category, titles[category_of[s.id]]),)
        ),
        Heading(pick(lang, "Varje deltagares genomsnitt", "Each member's averages"), 4),
        Table(
            columns=(
                pick(lang, "Deltagare", "Member"),
                pick(lang, "Aktör", "Actor"),
                *(titles[c] for c in CATEGORIES),
            ),
            rows=tuple(
                (m.respondent, m.actor or "", *(m.category_means[c] for c in CATEGORIES))
                for m in group.members
            ),
        ),
    ]


def chart_text(form: Form, result: KartlaggningResult, lang: str) -> Table:
    return _categories(form, result, lang)


def group_chart_text(form: Form, group: KartlaggningGroup, lang: str) -> Table:
    return _group_categories(form, group, lang)


KARTLAGGNING: Instrument[KartlaggningResult, KartlaggningGroup] = Instrument(
    form_id="kartlaggning",
    score=kartlaggning.score,
    summarize=kartlaggning.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "kartlaggning_chart"), chart_text),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "kartlaggning_group_chart"), group_chart_text),),
    headline=Headline(
        "Medel över kategorierna", "Mean over the categories", lambda r: r.overall_mean
    ),
)
