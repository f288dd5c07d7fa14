"""ANORDNA ETT EVENT – progress "done of 10" and the event's flyer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from scoring import event
from scoring.common import Rated
from scoring.event import EventGroup, EventProgress
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_text
from stadforstad.instruments.base import Instrument, Product
from stadforstad.instruments.blocks import Block, Heading, Metric, Metrics, Names, Paragraph, Table
from stadforstad.schema import Form

#: The flyer's facts, in the order they are printed.
FLYER_FACTS = ("datum", "tid", "lokal", "anmalan")


def progress_text(progress: EventProgress, lang: str) -> str:
    return pick(
        lang,
        f"{progress.done} av {progress.total} klara",
        f"{progress.done} of {progress.total} done",
    )


def _labels(form: Form, values: Sequence[str], lang: str) -> tuple[str, ...]:
    names = {o.value: o.label.get(lang) for o in form.item(event.POINTS_ITEM).options}
    return tuple(names[v] for v in values if v in names)


def _progress_blocks(form: Form, progress: EventProgress, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Metrics(
            (Metric(pick(lang, "Förberedelser", "Preparations"), progress_text(progress, lang)),)
        )
    ]
    if progress.left:
        blocks.append(
            Names(pick(lang, "Kvar att göra:", "Still to do:"), _labels(form, progress.left, lang))
        )
    return blocks


def verdict(form: Form, result: EventProgress, lang: str) -> list[Block]:
    return _progress_blocks(form, result, lang)


def group_verdict(form: Form, group: EventGroup, lang: str) -> list[Block]:
    return [
        *_progress_blocks(form, group.progress, lang),
        Table(
            (pick(lang, "Deltagare", "Member"), pick(lang, "Avbockade punkter", "Points ticked")),
            tuple((name, done) for name, done in group.by_member.items()),
        ),
    ]


def _latest_text(form: Form, responses: Sequence[Rated], item_id: str, lang: str) -> str | None:
    """The first answer given to ``item_id``, from the last response back."""
    for response in reversed(responses):
        text, _ = answer_text(form.item(item_id), response.answers.get(item_id), lang)
        if text:
            return text
    return None


def flyer(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    """The invitation as a one-page flyer: heading, the invitation's text, and when,
    where and how to register (what is not filled in is left as a line to write on)."""
    blocks: list[Block] = [
        Heading(
            pick(
                lang,
                "Välkommen till ett nätverks- och utbildningsevent",
                "Welcome to a networking and training event",
            ),
            1,
        ),
        Paragraph(
            pick(
                lang,
                "Om människohandel och prostitution i vår stad – och hur vi kan arbeta mot det "
                "tillsammans.",
                "On human trafficking and prostitution in our city – and how we can work "
                "against it together.",
            )
        ),
    ]
    invitation = _latest_text(form, responses, "inbjudan", lang)
    if invitation:
        blocks.append(Names("", (invitation,)))
    rows = tuple(
        (form.item(item_id).label.get(lang), _latest_text(form, responses, item_id, lang) or "")
        for item_id in FLYER_FACTS
    )
    blocks.append(Table(("", ""), rows))
    return blocks


def working_progress(form: Form, answers: dict, lang: str) -> tuple[float, str]:
    """While the plan is worked on: the share of the ten points done, and its words."""
    progress = event.score(form, answers)
    share = progress.done / progress.total if progress.total else 0.0
    return share, pick(lang, "Förberedelser: ", "Preparations: ") + progress_text(progress, lang)


def overview_blocks(
    form: Form, responses: Sequence[Rated], today: dt.date, lang: str
) -> list[Block]:
    """On the overview: how many of the ten points are done (any member's tick counts)."""
    if not responses:
        return []
    progress = event.summarize(form, responses).progress
    return [
        Paragraph(
            pick(lang, "Förberedelser: ", "Preparations: ") + progress_text(progress, lang),
            small=True,
        )
    ]


EVENT: Instrument[EventProgress, EventGroup] = Instrument(
    form_id="event",
    score=event.score,
    summarize=event.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    scored=False,
    with_answers=True,
    products=(Product("flyer", "Flyer för eventet", "The event's flyer", flyer),),
    overview=overview_blocks,
    progress=working_progress,
)
