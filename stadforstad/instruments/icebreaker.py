"""ICE BREAKER – the questions for the room, to draw at random and to print as slips."""

from __future__ import annotations

from collections.abc import Sequence

from scoring import icebreaker
from scoring.common import Rated
from scoring.icebreaker import IcebreakerGroup, IcebreakerResult
from stadforstad.i18n import count_text, pick
from stadforstad.instruments.base import Instrument, Product
from stadforstad.instruments.blocks import Block, Names, Note, Slips
from stadforstad.schema import Form


def question_texts(form: Form, result: IcebreakerResult, lang: str) -> list[str]:
    """The questions in the result's order: the chosen suggestions in the form's words,
    then the group's own as typed."""
    labels = {o.value: o.label.get(lang) for o in form.item(icebreaker.SUGGESTIONS_ITEM).options}
    return [labels[v] for v in result.suggestions if v in labels] + list(result.own)


def _questions(form: Form, result: IcebreakerResult, lang: str) -> list[Block]:
    texts = question_texts(form, result, lang)
    blocks: list[Block] = []
    if result.all_suggestions:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    "Inga frågor valda ännu: alla handbokens förslag används.",
                    "No questions chosen yet: all of the handbook's suggestions are used.",
                ),
                lang,
            )
        )
    title = count_text(lang, len(texts), ("fråga", "frågor"), ("question", "questions"))
    blocks.append(
        Names(
            pick(lang, f"Frågorna ({title})", f"The questions ({title})"),
            tuple(texts),
            numbered=True,
        )
    )
    return blocks


def verdict(form: Form, result: IcebreakerResult, lang: str) -> list[Block]:
    return _questions(form, result, lang)


def group_verdict(form: Form, group: IcebreakerGroup, lang: str) -> list[Block]:
    return _questions(form, group.questions, lang)


def slips(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """Every question on its own slip, to cut out and put in a basket."""
    texts = question_texts(form, icebreaker.summarize(form, responses).questions, lang)
    return [
        Slips(
            tuple(texts),
            caption=pick(
                lang,
                "Klipp längs de streckade linjerna, vik lapparna och lägg dem i en korg.",
                "Cut along the dashed lines, fold the slips and put them in a basket.",
            ),
        )
    ]


ICEBREAKER: Instrument[IcebreakerResult, IcebreakerGroup] = Instrument(
    form_id="icebreaker",
    score=icebreaker.score,
    summarize=icebreaker.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    scored=False,
    with_answers=True,
    products=(Product("lappar", "Frågelappar att klippa ut", "Question slips to cut out", slips),),
)
