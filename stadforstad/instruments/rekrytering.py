"""REKRYTERA TILL KÄRNGRUPPEN – the eligible candidates and the group's checks."""

from __future__ import annotations

from scoring import rekrytering
from scoring.rekrytering import BASIC, DESIRABLE, MAX_SIZE, MIN_SIZE, TYPES, RekryteringResult
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
    "socialtjanst_kompetens": (
        "Socialtjänsten bidrar med både strategisk och operativ kompetens",
        "Social services bring both strategic and operational competence",
    ),
    "polis_kompetens": (
        "Lokalpolisområdet bidrar med både strategisk och operativ kompetens",
        "The local police bring both strategic and operational competence",
    ),
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
            pick(lang, "Gick med", "Joined"),
        ),
        rows=tuple(
            (
                c.name,
                f"{c.basic_met}/{len(BASIC)}",
                f"{c.desirable_met}/{len(DESIRABLE)}",
                pick(lang, "ja", "yes") if c.eligible else pick(lang, "nej", "no"),
                None
                if c.joined is None
                else pick(lang, "ja", "yes")
                if c.joined
                else pick(lang, "nej", "no"),
            )
            for c in result.candidates
        ),
    )


#: The two registers of the handbook's KÄRNGRUPPEN, in words (sv, en).
LEVEL_TITLES: dict[str, tuple[str, str]] = {
    "should": (
        "Bör finnas (handboken: rekommenderas, bör, behövs)",
        "Should be there (the handbook: recommended, should, needed)",
    ),
    "good": (
        "Kan vara bra att ha med (handboken: det är bra att, kan vara bra)",
        "Can be good to have (the handbook: it is good if, can be good)",
    ),
}


def _basis(result: RekryteringResult, lang: str) -> Block:
    if result.basis == "joined":
        return Paragraph(
            pick(
                lang,
                f"Kontrollerna gäller gruppen som bildades: de {result.group_size} som gick med.",
                f"The checks concern the group formed: the {result.group_size} who joined.",
            )
        )
    return Note(
        "info",
        pick(
            lang,
            "Ingen är markerad som med i kärngruppen ännu: kontrollerna gäller kandidaterna som "
            "uppfyller de grundläggande kraven. Markera vilka som gick med när gruppen är bildad.",
            "Nobody is marked as having joined the core group yet: the checks concern the "
            "candidates who meet the basic criteria. Mark who joined once the group is formed.",
        ),
        lang,
    )


def verdict(form: Form, result: RekryteringResult, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (
                Metric(
                    pick(lang, "Uppfyller de grundläggande kraven", "Meet the basic criteria"),
                    f"{result.eligible_count} / {len(result.candidates)}",
                ),
                Metric(pick(lang, "I gruppen", "In the group"), str(result.group_size)),
            )
        ),
        _basis(result, lang),
    ]
    if result.joined_not_eligible:
        blocks.append(
            Names(
                pick(
                    lang,
                    "Gick med men uppfyller inte alla grundläggande krav:",
                    "Joined but do not meet every basic criterion:",
                ),
                tuple(result.joined_not_eligible),
            )
        )
    for level, missing_tone in (("should", "warning"), ("good", "info")):
        sv_title, en_title = LEVEL_TITLES[level]
        blocks.append(Heading(pick(lang, sv_title, en_title), 4))
        for check in result.checks:
            if check.level != level:
                continue
            sv, en = CHECK_NAMES[check.id]
            tone = "success" if check.ok else missing_tone
            blocks.append(Note(tone, pick(lang, sv, en), lang))  # type: ignore[arg-type]
    blocks.append(_candidates(result, lang))
    return blocks


def chart_text(form: Form, result: RekryteringResult, lang: str) -> Table:
    column = next(c for c in form.item(rekrytering.TABLE).columns if c.id == "typer")
    labels = {o.value: o.label.get(lang) for o in column.options}
    eligible = [c for c in result.candidates if c.in_group]
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
