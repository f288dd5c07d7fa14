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
from stadforstad.instruments.common import label_of, members_blocks, num
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


def _differing(form: Form, group: KartlaggningGroup, lang: str) -> list[Block]:
    """Where the answers differ: the point of the mapping, not a disagreement."""
    differing = len(group.differing)
    return [
        Paragraph(
            pick(
                lang,
                "Olika branscher och aktörer ser olika saker: att de svarar olika är det "
                "kartläggningen ska visa, inte något ni behöver enas om. Spridningen visar var "
                f"bilden skiljer sig – {differing} av {len(group.items)} indikatorer skiljer "
                "sig 2 poäng eller mer.",
                "Different industries and actors see different things: that they answer "
                "differently is what the mapping is for, not something you need to agree on. "
                "The spread shows where the picture varies – "
                f"{differing} of {len(group.items)} indicators differ by 2 points or more.",
            ),
            small=True,
        )
    ]


def _partial_rule(form: Form, group: KartlaggningGroup, lang: str) -> list[Block]:
    """The partial-pair rule, said in the group's result too: blank is not 0."""
    titles = category_titles(form, lang)
    partial = [f"{titles[c]} ({n})" for c, n in group.partial_counts.items() if n]
    blocks: list[Block] = [
        Paragraph(
            pick(
                lang,
                "En obesvarad indikator räknas inte som 0: har någon bara besvarat en av en "
                "kategoris två indikatorer är dennes genomsnitt den besvarade indikatorns siffra, "
                "och medlen ovan bygger bara på de svar som finns.",
                "An unanswered indicator does not count as 0: where someone answered only one "
                "of a category's two indicators, their average is that indicator's number, and "
                "the means above rest only on the answers there are.",
            ),
            small=True,
        )
    ]
    if partial:
        blocks.append(
            Names(
                pick(
                    lang,
                    "Kategorier där någons genomsnitt bygger på en indikator (antal svar):",
                    "Categories where someone's average rests on one indicator (answers):",
                ),
                tuple(partial),
            )
        )
    return blocks


def _indicators(form: Form, group: KartlaggningGroup, lang: str) -> Table:
    titles = category_titles(form, lang)
    category_of = {i: c for c, ids in CATEGORIES.items() for i in ids}
    return Table(
        columns=(
            pick(lang, "Fråga", "Question"),
            pick(lang, "Kategori", "Category"),
            pick(lang, "Medel", "Mean"),
            "Min",
            "Max",
            pick(lang, "Spridning", "Spread"),
            pick(lang, "Svar", "Answers"),
        ),
        rows=tuple(
            (
                label_of(form, s.id, lang),
                titles[category_of[s.id]],
                s.mean,
                s.min,
                s.max,
                s.spread,
                s.n,
            )
            for s in group.items
        ),
    )


def group_verdict(form: Form, group: KartlaggningGroup, lang: str) -> list[Block]:
    titles = category_titles(form, lang)
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
        *_partial_rule(form, group, lang),
        Heading(pick(lang, "Varje indikator", "Each indicator"), 4),
        *_differing(form, group, lang),
        _indicators(form, group, lang),
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
