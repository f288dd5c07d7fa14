"""The workshop tools beside a form's result: its products as documents, the ice
breaker's draw for the room, the knowledge bank's search, the event's progress.

The draw keeps its state (the questions drawn so far) in the session, per page,
municipality and form: a reload of the page starts a new basket, as a new workshop
would. Everything shown that someone typed goes through ``st.text`` or tables.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from stadforstad.ui.context import tr

if TYPE_CHECKING:
    from scoring.common import Rated
    from stadforstad.documents.build import Document
    from stadforstad.instruments.blocks import Block
    from stadforstad.schema import Form

# The instruments, scorers and documents are imported where used: the start page
# (``overview_blocks``) needs them only for a form with submitted answers.

PAGE = "workshop"


def show_products(
    form: Form,
    responses: Sequence[Rated],
    *,
    where: str,
    municipality: str,
    round_no: int,
    lang: str,
) -> None:
    """A PDF and a Word button per product of the form's instrument."""
    from stadforstad.documents.build import Document, product_document
    from stadforstad.documents.meta import Meta
    from stadforstad.instruments.registry import get_instrument
    from stadforstad.ui.results import download_buttons

    products = get_instrument(form.id).products
    if not products:
        return
    kept = list(responses)
    for product in products:

        def make(key: str = product.key) -> Document:
            return product_document(
                form, key, kept, municipality=municipality, round=round_no, lang=lang
            )

        sample = Document(
            Meta(
                title=form.title.get(lang),
                lang=lang,
                kind=product.title(lang),
                municipality=municipality,
                round=round_no,
            ),
            (),
        )
        download_buttons(f"{where}.{product.key}", product.title(lang), make, sample)


# -- the ice breaker's draw ----------------------------------------------------------------
def draw_key(scope: str) -> str:
    return f"{PAGE}.draw.{scope}"


def show_draw(form: Form, responses: Sequence[Rated], lang: str, *, scope: str) -> None:
    """Draw a question for the room: none comes twice until all have been drawn."""
    from scoring import icebreaker
    from stadforstad.instruments.icebreaker import question_texts

    questions = question_texts(form, icebreaker.summarize(form, responses).questions, lang)
    key = draw_key(scope)
    state = st.session_state.setdefault(key, {"drawn": [], "count": len(questions)})
    if state["count"] != len(questions):  # the questions changed: a new basket
        state.update(drawn=[], count=len(questions))
    st.markdown(f"**{tr('Dra en fråga för rummet', 'Draw a question for the room')}**")
    left, right = st.columns([1, 1])
    if left.button(tr("Dra en fråga", "Draw a question"), key=f"{key}.button", icon="🎲"):
        drawn = icebreaker.draw(len(questions), state["drawn"], _rng(key))
        state["drawn"] = drawn.drawn
        if drawn.new_round:
            st.caption(
                tr(
                    "Alla frågor var dragna: korgen är full igen.",
                    "Every question had been drawn: the basket is full again.",
                )
            )
    if right.button(tr("Börja om", "Start again"), key=f"{key}.reset"):
        state["drawn"] = []
    if state["drawn"]:
        st.text(questions[state["drawn"][-1]])
    st.caption(
        tr(
            f"{len(state['drawn'])} av {len(questions)} frågor dragna.",
            f"{len(state['drawn'])} of {len(questions)} questions drawn.",
        )
    )


def _rng(key: str) -> random.Random:
    """The session's generator for this basket (``{key}.seed`` set: repeatable)."""
    rng_key = f"{key}.rng"
    if rng_key not in st.session_state:
        st.session_state[rng_key] = random.Random(st.session_state.get(f"{key}.seed"))
    return st.session_state[rng_key]


# -- the knowledge bank's search -------------------------------------------------------------
def show_search(form: Form, responses: Sequence[Rated], lang: str, *, scope: str) -> None:
    """The entries as a list per focus area, searched by words and filtered by area and
    kind."""
    from scoring import kunskapsbank
    from stadforstad.instruments.kunskapsbank import area_label, entries_blocks, found_text, words
    from stadforstad.ui.blocks import show_blocks

    bank = kunskapsbank.summarize(form, responses).bank
    names = words(form, lang)
    key = f"{PAGE}.search.{scope}"
    st.markdown(f"**{tr('Sök i kunskapsbanken', 'Search the knowledge bank')}**")
    query = st.text_input(tr("Sök", "Search"), key=f"{key}.query", max_chars=200)
    left, right = st.columns(2)
    areas = [*bank.areas, *([""] if "" in bank.per_area else [])]
    chosen_areas = left.multiselect(
        tr("Fokusområde", "Focus area"),
        areas,
        key=f"{key}.areas",
        format_func=lambda a: area_label(form, a or None, lang),
        placeholder=tr("Alla", "All"),
    )
    kinds = list(dict.fromkeys(e.kind for e in bank.entries))
    chosen_kinds = right.multiselect(
        tr("Typ", "Kind"),
        kinds,
        key=f"{key}.kinds",
        format_func=lambda k: names.get(k, k),
        placeholder=tr("Alla", "All"),
    )
    found = kunskapsbank.find(
        bank.entries, query, areas=chosen_areas, kinds=chosen_kinds, words=names
    )
    st.caption(
        tr(
            f"{found_text(len(found), lang)} av {len(bank.entries)}.",
            f"{found_text(len(found), lang)} of {len(bank.entries)}.",
        )
    )
    # Entries are tables with titles: nothing here goes deeper than a part of the page.
    show_blocks(entries_blocks(form, found, lang), under=2)


# -- the event's progress --------------------------------------------------------------------
def overview_blocks(form: Form, submitted: Sequence, lang: str) -> Sequence[Block]:
    """What the overview says under a form (the event's progress, overdue tasks): from
    the latest round's submitted responses, today in Stockholm; nothing for a form
    without any (the instrument is not looked up then)."""
    rows = [row for row in submitted if row.form_id == form.id]
    if not rows:
        return ()
    from stadforstad.documents.meta import today
    from stadforstad.instruments.registry import get_instrument
    from stadforstad.storage.rated import rated

    overview = get_instrument(form.id).overview
    if overview is None:
        return ()
    latest = max(row.round for row in rows)
    responses = rated(r for r in rows if r.round == latest)
    return overview(form, responses, today(), lang)


def show_tools(form: Form, responses: Sequence[Rated], lang: str, *, scope: str) -> None:
    """The interactive tool of a form, if it has one."""
    if form.id == "icebreaker":
        show_draw(form, responses, lang, scope=scope)
    elif form.id == "kunskapsbank":
        show_search(form, responses, lang, scope=scope)
