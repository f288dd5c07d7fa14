"""What a plan builds on, shown where the plan is written so nobody types twice: the
organisations of the actor analysis and the levels of collaboration (for the platform
and the signature lines), the latest mapping's picture and the SWOT (beside the
sub-goals)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from scoring.actors import actor_key
from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks
from stadforstad.instruments.blocks import Block, Chart, Heading, Names, Paragraph
from stadforstad.instruments.registry import get_instrument
from stadforstad.ui.blocks import show_blocks
from stadforstad.ui.context import get_actor, get_store, tr

#: The forms whose page shows the background, and the forms their organisations come from.
BACKGROUND_FOR = ("samverkansplan",)
ORGANISATION_SOURCES = (
    ("aktorsanalys", "aktorer", "aktor"),
    ("samverkansnivaer", "aktorer", "aktor"),
)


def organisations(submitted: Sequence) -> list[str]:
    """The organisations named in the latest submitted actor analysis and levels of
    collaboration, each once (compared as actor names are), in order of mention."""
    names: dict[str, str] = {}
    for form_id, item, column in ORGANISATION_SOURCES:
        rows = [s for s in submitted if s.form_id == form_id]
        if not rows:
            continue
        latest = max(rows, key=lambda s: s.saved_at)
        for row in latest.answers.get(item) or []:
            value = row.get(column) if isinstance(row, dict) else None
            if isinstance(value, str) and value.strip():
                names.setdefault(actor_key(value), " ".join(value.split()))
    return list(names.values())


def background_blocks(submitted: Sequence, lang: str) -> list[Block]:
    """The latest mapping's picture (its charts) and the latest SWOT, as blocks."""
    blocks: list[Block] = []
    mapping = [s for s in submitted if s.form_id == "kartlaggning"]
    if mapping:
        last_round = max(s.round for s in mapping)
        rated = [
            Rated(respondent=s.respondent, answers=s.answers)
            for s in mapping
            if s.round == last_round
        ]
        form = load_form("kartlaggning")
        charts = [
            b
            for b in get_instrument("kartlaggning").group_blocks(
                form, get_instrument("kartlaggning").summarize(form, rated), lang
            )
            if isinstance(b, Chart)
        ]
        blocks += [
            Heading(
                pick(
                    lang, f"Kartläggningen, omgång {last_round}", f"The mapping, round {last_round}"
                ),
                3,
            ),
            *charts[:1],
        ]
    swot = [s for s in submitted if s.form_id == "swot"]
    if swot:
        latest = max(swot, key=lambda s: s.saved_at)
        blocks += [Heading("SWOT", 3), answer_blocks(load_form("swot"), latest.answers, lang)]
    return blocks


def show_background(form, workspace_id: int, lang: str) -> list[Block]:
    """The background in an expander; returns its blocks for the form's document."""
    if form.id not in BACKGROUND_FOR:
        return []
    store, actor = get_store(), get_actor()
    submitted = store.submitted(actor=actor, workspace_ids=[workspace_id])
    names = organisations(submitted)
    blocks = background_blocks(submitted, lang)
    with st.expander(
        tr(
            "Underlag: organisationerna, kartläggningen och SWOT",
            "Background: the organisations, the mapping and the SWOT",
        ),
        expanded=False,
    ):
        if names:
            show_blocks(
                [
                    Names(
                        pick(
                            lang,
                            "Organisationer från aktörsanalysen och samverkansnivåerna – till "
                            "plattformen och underskrifterna:",
                            "Organisations from the actor analysis and the levels of "
                            "collaboration – for the platform and the signatures:",
                        ),
                        tuple(names),
                    )
                ],
                under=2,  # in an expander under the form's title
            )
        if blocks:
            show_blocks(
                [
                    Paragraph(
                        pick(
                            lang,
                            "Använd bilden och SWOT:en när ni formulerar delmålen.",
                            "Use the picture and the SWOT when you write the sub-goals.",
                        ),
                        small=True,
                    ),
                    *blocks,
                ],
                under=2,  # in an expander under the form's title
            )
        if not names and not blocks:
            st.caption(
                tr(
                    "Inget inskickat ännu från aktörsanalysen, samverkansnivåerna, "
                    "kartläggningen eller SWOT.",
                    "Nothing submitted yet from the actor analysis, the levels of "
                    "collaboration, the mapping or the SWOT.",
                )
            )
    return blocks
