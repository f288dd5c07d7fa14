"""One instrument per form: what the app does with that form's answers.

An :class:`Instrument` bundles, for one form, the pure scorer and group summary (from
``scoring/``), the verdict as blocks for one response and for a group, the charts with
their text alternatives, and the headline figure the comparison follows. Forms without
a scorer get :func:`notes_instrument`, whose result is the filled form itself.

Pure: no Streamlit, no database (``tests/test_purity.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from scoring.common import Rated
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks, side_by_side_blocks
from stadforstad.instruments.blocks import Block, Chart, ChartRef, Heading, Paragraph, Table
from stadforstad.schema import Form

R = TypeVar("R", bound=BaseModel)
G = TypeVar("G", bound=BaseModel)


@dataclass(frozen=True)
class Charted(Generic[R]):
    """A chart of a result and how to say the same in words or a table."""

    ref: ChartRef
    text: Callable[[Form, R, str], Table | Paragraph]

    def block(self, form: Form, value: R, lang: str) -> Chart:
        return Chart(self.ref, form, value, lang, self.text(form, value, lang))


@dataclass(frozen=True)
class Headline(Generic[R]):
    """The one number of a scored response that the comparison follows over time."""

    sv: str
    en: str
    #: The number of one scored response; ``None`` when it cannot be given.
    value: Callable[[R], float | None]

    def label(self, lang: str) -> str:
        return pick(lang, self.sv, self.en)


@dataclass(frozen=True)
class Product:
    """A workshop's product as a document of its own (question slips, a summary, a
    flyer, a role description): blocks made from the responses it is asked for (one
    member's, or the group's)."""

    key: str
    sv: str
    en: str
    make: Callable[[Form, Sequence[Rated], str], list[Block]]

    def title(self, lang: str) -> str:
        return pick(lang, self.sv, self.en)


@dataclass(frozen=True)
class Instrument(Generic[R, G]):
    """Everything the app knows to do with one form's answers."""

    form_id: str
    score: Callable[[Form, dict[str, Any]], R]
    summarize: Callable[[Form, Sequence[Rated]], G]
    #: The verdict of one response as blocks (charts are added after it).
    verdict: Callable[[Form, R, str], list[Block]]
    group_verdict: Callable[[Form, G, str], list[Block]]
    charts: tuple[Charted[R], ...] = ()
    group_charts: tuple[Charted[G], ...] = ()
    headline: Headline[R] | None = None
    #: ``False`` for the default instrument: the result is the filled form.
    scored: bool = True
    #: An unscored instrument whose verdict is not the filled form: show every answer
    #: after it (one response), every member's answers side by side (a group).
    with_answers: bool = False
    #: Documents of their own besides the filled form and the group's picture.
    products: tuple[Product, ...] = ()
    #: What the overview says about this form, from the municipality's submitted
    #: responses and today's date in Stockholm (``[]``: nothing to say).
    overview: Callable[[Form, Sequence[Rated], dt.date, str], list[Block]] | None = None
    #: How far the answers being worked on (draft included) have come, shown above the
    #: result while the form is filled in: a share from 0 to 1 and its words.
    progress: Callable[[Form, dict[str, Any], str], tuple[float, str]] | None = None
    #: Other forms of the same municipality and round whose submitted answers the
    #: result reads (e.g. the collaboration plan's yearly targets for the statistics).
    context_forms: tuple[str, ...] = ()
    #: The result with those answers (form id → answers dicts, latest last).
    score_in_context: (
        Callable[[Form, dict[str, Any], Mapping[str, Sequence[dict[str, Any]]]], R] | None
    ) = None
    #: The group's picture with those answers.
    summarize_in_context: (
        Callable[[Form, Sequence[Rated], Mapping[str, Sequence[dict[str, Any]]]], G] | None
    ) = None

    def score_with(
        self,
        form: Form,
        answers: dict[str, Any],
        context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> R:
        """The result, reading the context forms' answers when there are any."""
        if context is not None and self.score_in_context is not None:
            return self.score_in_context(form, answers, context)
        return self.score(form, answers)

    def summarize_with(
        self,
        form: Form,
        responses: Sequence[Rated],
        context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> G:
        """The group's picture, reading the context forms' answers when there are any."""
        if context is not None and self.summarize_in_context is not None:
            return self.summarize_in_context(form, responses, context)
        return self.summarize(form, responses)

    #: A response laid out as the handbook's own template (the plan), verdict included;
    #: ``None``: the verdict followed by the answers.
    #: Its last argument: blocks of what the response builds on (earlier steps).
    document: Callable[[Form, dict[str, Any], str, Sequence[Block]], list[Block]] | None = None

    def blocks(self, form: Form, result: R, lang: str) -> list[Block]:
        """The verdict of one response, then its charts."""
        return [
            *self.verdict(form, result, lang),
            *(c.block(form, result, lang) for c in self.charts),
        ]

    def group_blocks(self, form: Form, group: G, lang: str) -> list[Block]:
        """The group's picture, then its charts."""
        return [
            *self.group_verdict(form, group, lang),
            *(c.block(form, group, lang) for c in self.group_charts),
        ]

    def response_blocks(
        self,
        form: Form,
        answers: dict[str, Any],
        lang: str,
        context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
        background: Sequence[Block] = (),
    ) -> list[Block]:
        """One submitted response: the result and every answer, read-only.
        ``background``: what it builds on, for an instrument with a ``document``."""
        if self.document is not None:
            return self.document(form, answers, lang, background)
        blocks = self.blocks(form, self.score_with(form, answers, context), lang)
        if self.scored or self.with_answers:
            blocks += [
                Heading(pick(lang, "Svaren", "The answers"), 3),
                answer_blocks(form, answers, lang),
            ]
        return blocks

    def group_response_blocks(
        self,
        form: Form,
        responses: Sequence[Rated],
        lang: str,
        context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    ) -> list[Block]:
        """The group's picture and, for a scored form, each member's answers beside it."""
        blocks = self.group_blocks(form, self.summarize_with(form, responses, context), lang)
        if self.scored or self.with_answers:
            blocks += [
                Heading(pick(lang, "Varje deltagares svar", "Each member's answers"), 3),
                *side_by_side_blocks(form, responses, lang),
            ]
        return blocks


# -- the default instrument: the result is the filled form ---------------------------
class Filled(BaseModel):
    """The result of a form without a scorer: what was answered."""

    model_config = {"frozen": True}
    form_id: str
    answers: dict[str, Any]


class FilledGroup(BaseModel):
    """A group's answers to a form without a scorer, member by member."""

    model_config = {"frozen": True}
    form_id: str
    respondents: int
    members: list[Rated]


def fill(form: Form, answers: dict[str, Any]) -> Filled:
    return Filled(form_id=form.id, answers=dict(answers))


def collect(form: Form, responses: Sequence[Rated]) -> FilledGroup:
    return FilledGroup(form_id=form.id, respondents=len(responses), members=list(responses))


def _filled_blocks(form: Form, result: Filled, lang: str) -> list[Block]:
    return [answer_blocks(form, result.answers, lang)]


def _side_by_side(form: Form, group: FilledGroup, lang: str) -> list[Block]:
    return side_by_side_blocks(form, group.members, lang)


def notes_instrument(
    form_id: str,
    *,
    verdict: Callable[[Form, Filled, str], list[Block]] = _filled_blocks,
    products: tuple[Product, ...] = (),
) -> Instrument[Filled, FilledGroup]:
    """The instrument of a form without a scorer: the filled form is its result (or
    what ``verdict`` draws of it, e.g. a picture above the answers), and the group's
    picture is the members' answers side by side, question by question."""
    return Instrument(
        form_id=form_id,
        score=fill,
        summarize=collect,
        verdict=verdict,
        group_verdict=_side_by_side,
        scored=False,
        products=products,
    )
