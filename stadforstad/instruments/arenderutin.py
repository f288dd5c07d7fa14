"""RUTIN FÖR ENSKILDA ÄRENDEN – the routine's steps as an ordered list of who does what
and when, with how to reach them; drawn as a flow chart; and printed as a one-page
flyer like the handbook's Helsingborg example ("1. Ring polisen vid misstanke …")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scoring.common import Rated
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks
from stadforstad.instruments.base import Filled, Product, notes_instrument
from stadforstad.instruments.blocks import Block, Heading, Image, Names, Note, Paragraph, Table
from stadforstad.instruments.pictures import FlowStep, flow_svg
from stadforstad.schema import Form

STEPS, GOAL, FOLLOW_UP = "steg", "leda_till", "uppfoljning"
#: The contact columns of a step, in the flyer's order (the Helsingborg example's).
CONTACTS = ("telefon", "telefon_2", "akut", "ovrig_kontakt")


def _clean(value: Any) -> str:
    return str(value or "").strip()


def _column_labels(form: Form, lang: str) -> dict[str, str]:
    return {c.id: c.label.get(lang) for c in form.item(STEPS).columns}


def step_lines(form: Form, row: dict[str, Any], lang: str) -> tuple[str, ...]:
    """Who, when and how to reach them: one line each, only what is filled in."""
    labels = _column_labels(form, lang)
    lines = []
    if _clean(row.get("aktor")):
        lines.append(f"{pick(lang, 'Vem', 'Who')}: {_clean(row.get('aktor'))}")
    if _clean(row.get("nar")):
        lines.append(f"{pick(lang, 'När', 'When')}: {_clean(row.get('nar'))}")
    lines += [f"{labels[c]}: {_clean(row.get(c))}" for c in CONTACTS if _clean(row.get(c))]
    return tuple(lines)


def _rows(answers: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for row in answers.get(STEPS) or [] if _clean(row.get("vad"))]


def flow_steps(form: Form, answers: dict[str, Any], lang: str) -> list[FlowStep]:
    """The routine's boxes: each step numbered, then follow-up and evaluation."""
    steps = [
        FlowStep(_clean(row.get("vad")), step_lines(form, row, lang)) for row in _rows(answers)
    ]
    if _clean(answers.get(FOLLOW_UP)):
        steps.append(
            FlowStep(
                pick(lang, "Uppföljning & utvärdering", "Follow-up and evaluation"),
                (_clean(answers.get(FOLLOW_UP)),),
            )
        )
    return steps


def flow_text(steps: list[FlowStep]) -> str:
    """The flow chart in words, for its text alternative."""
    return " → ".join(
        f"{n}. {step.what}" + (f" ({'; '.join(step.lines)})" if step.lines else "")
        for n, step in enumerate(steps, start=1)
    )


def flow_image(form: Form, answers: dict[str, Any], lang: str) -> Image | None:
    steps = flow_steps(form, answers, lang)
    if not steps:
        return None
    title = pick(
        lang,
        "Rutin för enskilda ärenden – flödesschema",
        "Routine for individual cases – flow chart",
    )
    return Image(flow_svg(steps, title=title), flow_text(steps))


def steps_table(form: Form, answers: dict[str, Any], lang: str) -> Table:
    labels = _column_labels(form, lang)
    return Table(
        columns=(
            pick(lang, "Nr", "No."),
            pick(lang, "Vad", "What"),
            pick(lang, "När", "When"),
            pick(lang, "Vem", "Who"),
            pick(lang, "Kontakt", "Contact"),
        ),
        rows=tuple(
            (
                str(n),
                _clean(row.get("vad")),
                _clean(row.get("nar")) or None,
                _clean(row.get("aktor")) or None,
                "\n".join(
                    f"{labels[c]}: {_clean(row.get(c))}" for c in CONTACTS if _clean(row.get(c))
                )
                or None,
            )
            for n, row in enumerate(_rows(answers), start=1)
        ),
        title=pick(lang, "Rutinen steg för steg", "The routine step by step"),
    )


def routine_blocks(form: Form, answers: dict[str, Any], lang: str) -> list[Block]:
    """The ordered list and the flow chart; a note when no step is filled in."""
    image = flow_image(form, answers, lang)
    if not _rows(answers):
        return [
            Note(
                "info",
                pick(
                    lang,
                    "Inga steg ifyllda ännu: skriv vad som ska göras, av vem och hur de nås.",
                    "No steps filled in yet: write what is to be done, by whom, and how to reach them.",
                ),
                lang,
            ),
            *([image] if image else []),
        ]
    return [steps_table(form, answers, lang), *([image] if image else [])]


def verdict(form: Form, result: Filled, lang: str) -> list[Block]:
    return [*routine_blocks(form, result.answers, lang), answer_blocks(form, result.answers, lang)]


def flyer_blocks(form: Form, answers: dict[str, Any], lang: str) -> list[Block]:
    """The routine on one page, to put up by the staff room's phone: the goal, then each
    step as a numbered heading with who, when and how to reach them, then follow-up."""
    blocks: list[Block] = [
        Heading(
            pick(
                lang,
                "Lokala rutiner gällande människohandel & prostitution",
                "Local routines on human trafficking & prostitution",
            ),
            2,
        )
    ]
    if _clean(answers.get(GOAL)):
        blocks.append(Names("", (_clean(answers.get(GOAL)),)))
    for n, step in enumerate(flow_steps(form, answers, lang), start=1):
        # The title is the tool's own words; what was typed stays in the plain lines.
        blocks.append(Names(f"{pick(lang, 'Steg', 'Step')} {n}", (step.what, *step.lines)))
    if len(blocks) == 1:
        blocks.append(
            Note(
                "info",
                pick(lang, "Rutinen har inga steg ännu.", "The routine has no steps yet."),
                lang,
            )
        )
    blocks.append(
        Paragraph(
            pick(
                lang,
                "Efter mallen och Helsingborgs exempel i Stad för stad – Handbok "
                "(Frälsningsarmén 2023, i samverkan med Länsstyrelsen Skåne).",
                "After the template and Helsingborg's example in Stad för stad – Handbok "
                "(The Salvation Army 2023, with the County Administrative Board of Skåne).",
            ),
            small=True,
        )
    )
    return blocks


def _flyer(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """The flyer of the latest response given (the group's shared routine)."""
    return flyer_blocks(form, responses[-1].answers if responses else {}, lang)


FLYER = Product(
    key="flygblad",
    sv="Rutinen som flygblad (en sida)",
    en="The routine as a flyer (one page)",
    make=_flyer,
)

ARENDERUTIN = notes_instrument("arenderutin", verdict=verdict, products=(FLYER,))
