"""Step 1's team exercises (modig_miljo, dodsfallan, scenarier, organisation): the
group's notes side by side, and what the group agreed on as a short summary.

"Agreed points" are the answers the handbook has the group write together after the
individual notes (common themes, how to create the culture, what to remember). Where an
exercise has no such question (scenarier, organisation), the summary is the notes laid
side by side: per scenario, per organisation. Everything shown is typed text, drawn as
text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scoring.common import Rated
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks, side_by_side_blocks
from stadforstad.instruments.base import (
    Filled,
    FilledGroup,
    Instrument,
    Product,
    collect,
    fill,
)
from stadforstad.instruments.blocks import Block, Cell, Heading, Names, Paragraph, Table
from stadforstad.schema import Form, InfoItem

Side = Callable[[Form, Sequence[Rated], str], list[Block]]


def _text(value) -> str | None:
    text = " ".join(str(value or "").split()) if not isinstance(value, str) else value.strip()
    return text or None


def _who(responses: Sequence[Rated], response: Rated, text: str) -> str:
    return f"{response.respondent}: {text}" if len(responses) > 1 else text


# -- side by side, per exercise ---------------------------------------------------------
def postits_side(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """Modig miljö: each question's post-it notes in one column per group (Grupp 1 |
    Grupp 2), as the two sheets lie side by side on the wall."""
    blocks: list[Block] = []
    for item in (i for i in form.answerable() if i.kind == "table"):
        column = next(c for c in item.columns if c.id == "grupp")
        groups = {o.value: o.label.get(lang) for o in column.options or []}
        notes: dict[str, list[str]] = {value: [] for value in groups}
        loose: list[str] = []
        for response in responses:
            for row in response.answers.get(item.id) or []:
                text = _text(row.get("svar"))
                if text:
                    notes.get(row.get("grupp") or "", loose).append(text)
        titles = [*groups.values()]
        lists = list(notes.values())
        if loose:
            titles.append(pick(lang, "Utan grupp", "No group"))
            lists.append(loose)
        rows = tuple(itertools.zip_longest(*lists, fillvalue=None))
        blocks.append(Table(tuple(titles), rows, title=item.label.get(lang)))
    return blocks


def scenarios_side(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """Vad skulle hända om…: one row per scenario discussed, the four questions side by
    side (a member's name first when several answered)."""
    several = len(responses) > 1
    questions = [i.label.get(lang) for i in form.sections[0].items if not isinstance(i, InfoItem)]
    columns = (pick(lang, "Scenario", "Scenario"), *questions)
    if several:
        columns = (pick(lang, "Deltagare", "Member"), *columns)
    rows: list[tuple[Cell, ...]] = []
    for section in form.sections:
        for response in responses:
            texts = [_text(response.answers.get(i.id)) for i in section.items]
            if not any(texts):
                continue
            title = section.title.get(lang) if section.title else section.id
            lead: tuple[Cell, ...] = (response.respondent, title) if several else (title,)
            rows.append((*lead, *texts))
    if not rows:
        return [Paragraph(pick(lang, "Inget scenario besvarat ännu.", "No scenario answered yet."))]
    return [Table(columns, tuple(rows), title=pick(lang, "Scenarierna", "The scenarios"))]


def organisations_side(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """Jag & min organisation: one column per organisation (or group), the sentences
    down the side, as the groups present them to each other."""
    names = tuple(
        _text(r.answers.get("organisation_namn")) or r.respondent or MISSING_NAME[lang]
        for r in responses
    )
    sentences = [i for i in form.answerable() if i.id != "organisation_namn"]
    rows = tuple(
        (item.label.get(lang), *(_text(r.answers.get(item.id)) for r in responses))
        for item in sentences
    )
    return [Table((pick(lang, "Meningen", "The sentence"), *names), rows)]


MISSING_NAME = {"sv": "Organisation", "en": "Organisation"}


# -- the instruments --------------------------------------------------------------------
@dataclass(frozen=True)
class NotesSpec:
    #: Items whose answers are what the group agreed on (``()``: none in the handbook).
    agreed: tuple[str, ...]
    side: Side


def agreed_blocks(form: Form, spec: NotesSpec, responses: Sequence[Rated], lang: str):
    blocks: list[Block] = []
    for item_id in spec.agreed:
        texts = tuple(
            _who(responses, r, text) for r in responses if (text := _text(r.answers.get(item_id)))
        )
        if texts:
            blocks.append(Names(form.item(item_id).label.get(lang), texts))
    if spec.agreed and not blocks:
        blocks.append(
            Paragraph(
                pick(
                    lang,
                    "Inget gemensamt är skrivet ännu.",
                    "Nothing agreed has been written yet.",
                ),
                small=True,
            )
        )
    return blocks


def _summary(spec: NotesSpec) -> Callable[[Form, Sequence[Rated], str], list[Block]]:
    def make(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
        blocks: list[Block] = []
        if spec.agreed:
            blocks += [
                Heading(pick(lang, "Det ni kom överens om", "What you agreed on"), 2),
                *agreed_blocks(form, spec, responses, lang),
            ]
        blocks += [
            Heading(pick(lang, "Anteckningarna sida vid sida", "The notes side by side"), 2),
            *spec.side(form, responses, lang),
        ]
        return blocks

    return make


def notes_exercise(form_id: str, spec: NotesSpec) -> Instrument[Filled, FilledGroup]:
    summary = _summary(spec)

    def verdict(form: Form, result: Filled, lang: str) -> list[Block]:
        one = [Rated(respondent="", answers=result.answers)]
        blocks: list[Block] = []
        if spec.agreed:
            blocks += [
                Heading(pick(lang, "Det ni kom överens om", "What you agreed on"), 3),
                *agreed_blocks(form, spec, one, lang),
            ]
        if spec.side is not side_by_side_blocks:  # one member's answers are the notes
            blocks += [
                Heading(pick(lang, "Anteckningarna sida vid sida", "The notes side by side"), 3),
                *spec.side(form, one, lang),
            ]
        return [
            *blocks,
            Heading(pick(lang, "Alla svar", "Every answer"), 3),
            answer_blocks(form, result.answers, lang),
        ]

    def group_verdict(form: Form, group: FilledGroup, lang: str) -> list[Block]:
        blocks = summary(form, group.members, lang)
        if spec.side is not side_by_side_blocks:
            blocks += [
                Heading(pick(lang, "Varje deltagares svar", "Each member's answers"), 3),
                *side_by_side_blocks(form, group.members, lang),
            ]
        return blocks

    return Instrument(
        form_id=form_id,
        score=fill,
        summarize=collect,
        verdict=verdict,
        group_verdict=group_verdict,
        scored=False,
        products=(Product("sammanfattning", "Sammanfattning", "Summary", summary),),
    )


MODIG_MILJO = notes_exercise(
    "modig_miljo",
    NotesSpec(agreed=("likheter_1", "kultur_1", "likheter_2", "kultur_2"), side=postits_side),
)
DODSFALLAN = notes_exercise(
    "dodsfallan", NotesSpec(agreed=("komma_ihag",), side=side_by_side_blocks)
)
SCENARIER = notes_exercise("scenarier", NotesSpec(agreed=(), side=scenarios_side))
ORGANISATION = notes_exercise("organisation", NotesSpec(agreed=(), side=organisations_side))
