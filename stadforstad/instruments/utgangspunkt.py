"""EN GEMENSAM UTGÅNGSPUNKT – the shared starting point as a one-page summary: each
question answered with its answer, and what is still open."""

from __future__ import annotations

from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_text
from stadforstad.instruments.base import Filled, notes_instrument
from stadforstad.instruments.blocks import Block, Heading, Names, Note, Paragraph
from stadforstad.schema import Form


def summary_blocks(form: Form, result: Filled, lang: str) -> list[Block]:
    """Section by section the answered questions (question as the title, the answer as
    typed); the unanswered ones named in one note at the end, not as empty space."""
    blocks: list[Block] = [
        Paragraph(
            pick(
                lang,
                "Sammanfattning av er gemensamma utgångspunkt, att dela med nätverket innan ni "
                "börjar arbeta med samverkansplanen.",
                "A summary of your common starting point, to share with the network before you "
                "start working on the collaboration plan.",
            ),
            small=True,
        )
    ]
    open_questions: list[str] = []
    for section in form.sections:
        answered: list[Block] = []
        for item in section.items:
            if item.kind == "info":
                continue
            text, lines = answer_text(item, result.answers.get(item.id), lang)
            label = item.label.get(lang)
            if text or lines:
                answered.append(Names(label, (text,) if text else lines))
            else:
                open_questions.append(label)
        if answered:
            if section.title:
                blocks.append(Heading(section.title.get(lang), 3))
            blocks += answered
    if open_questions:
        blocks.append(
            Note(
                "info",
                pick(lang, "Ännu inte besvarat: ", "Not answered yet: ")
                + " · ".join(open_questions),
                lang,
            )
        )
    return blocks


UTGANGSPUNKT = notes_instrument("utgangspunkt", verdict=summary_blocks)
