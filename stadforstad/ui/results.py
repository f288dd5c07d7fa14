"""A submitted response's result and answers, a group's picture, and their documents.

The page asks the form's instrument for blocks and draws them; it knows no threshold
and no category. Documents are built only when a download button is clicked (the
button's data is a function), so a rerun costs nothing for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from scoring.common import Rated
from stadforstad.documents.build import (
    MIME,
    Document,
    Format,
    blank_document,
    group_document,
    render,
    response_document,
)
from stadforstad.documents.meta import file_name
from stadforstad.instruments.answers_view import answer_blocks
from stadforstad.instruments.blocks import Block
from stadforstad.instruments.registry import get_instrument
from stadforstad.schema import Form
from stadforstad.storage.context import context_answers
from stadforstad.ui.blocks import show_blocks
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.workshop import show_products, show_tools

PAGE = "results"


def show_response(
    form: Form, answers: dict, lang: str, context: Mapping[str, Sequence[dict]] | None = None
) -> None:
    """One response: the verdict and charts of a scored form, then every answer
    read-only (folded away under a scored result, the result itself otherwise)."""
    instrument = get_instrument(form.id)
    if instrument.scored:
        heading(tr("Resultat", "Result"), 3)
        show_blocks(
            instrument.blocks(form, instrument.score_with(form, answers, context), lang), under=3
        )
        with st.expander(tr("Svaren som skickades in", "The answers as submitted")):
            show_blocks([answer_blocks(form, answers, lang)], under=3)
    else:
        heading(tr("Era inskickade svar", "Your submitted answers"), 3)
        show_blocks(instrument.response_blocks(form, answers, lang), under=3)


def show_group(
    form: Form,
    responses: Sequence[Rated],
    lang: str,
    context: Mapping[str, Sequence[dict]] | None = None,
) -> None:
    """The group's picture: the summary of a scored form, and every member's answers
    side by side; then the form's tool (the draw, the search), if it has one.
    ``context``: the answers of the forms the instrument reads beside its own."""
    # Right under the page's title: the group page names the form in its drop-down.
    show_blocks(
        get_instrument(form.id).group_response_blocks(form, responses, lang, context), under=1
    )
    show_tools(form, responses, lang, scope=f"group.{form.id}")


def _deferred(make: Callable[[], Document], fmt: Format) -> Callable[[], bytes]:
    """The document's bytes, made when the button is clicked (in another thread)."""

    def build() -> bytes:
        return render(make(), fmt)

    return build


def download_buttons(where: str, label: str, make: Callable[[], Document], sample: Document):
    """A PDF and a Word button for one document; it is built only on a click."""
    st.caption(label)
    left, right = st.columns(2)
    formats: tuple[tuple[DeltaGenerator, Format, str], ...] = (
        (left, "pdf", tr("Ladda ner som PDF", "Download as PDF")),
        (right, "docx", tr("Ladda ner som Word", "Download as Word")),
    )
    for column, fmt, text in formats:
        column.download_button(
            text,
            data=_deferred(make, fmt),
            file_name=file_name(sample.meta, fmt),
            mime=MIME[fmt],
            key=f"{PAGE}.{where}.{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )


def show_response_downloads(
    form: Form,
    *,
    answers: dict | None,
    respondent: str,
    municipality: str,
    round_no: int,
    submitted_at: dt.datetime | None,
    lang: str,
    context: Mapping[str, Sequence[dict]] | None = None,
    background: Sequence[Block] = (),
) -> None:
    """Documents on the form page: this response with its result (once submitted), and
    the blank form to fill in by hand."""
    st.markdown(f"**{tr('Dokument', 'Documents')}**")
    columns = st.columns(2)
    if answers:
        kept = dict(answers)

        def response() -> Document:
            return response_document(
                form,
                kept,
                respondent=respondent,
                municipality=municipality,
                round=round_no,
                lang=lang,
                submitted_at=submitted_at,
                context=context,
                background=tuple(background),
            )

        with columns[0]:
            download_buttons(
                "response",
                tr("Svaren och resultatet", "The answers and the result"),
                response,
                _sample(
                    form, lang, respondent=respondent, municipality=municipality, round_no=round_no
                ),
            )
    with columns[1]:
        show_blank_downloads(form, municipality=municipality, round_no=round_no, lang=lang)


def show_blank_downloads(form: Form, *, municipality: str, round_no: int, lang: str) -> None:
    def blank() -> Document:
        return blank_document(form, lang, municipality=municipality, round=round_no)

    download_buttons(
        "blank",
        tr(
            "Skriv ut tomt formulär (för en workshop på papper)",
            "Print a blank form (for a workshop on paper)",
        ),
        blank,
        _sample(form, lang, municipality=municipality, round_no=round_no, kind="tomt"),
    )


def show_group_downloads(
    form: Form,
    responses: Sequence[Rated],
    *,
    municipality: str,
    round_no: int,
    lang: str,
    context: Mapping[str, Sequence[dict]] | None = None,
) -> None:
    kept = list(responses)

    def group() -> Document:
        return group_document(
            form, kept, municipality=municipality, round=round_no, lang=lang, context=context
        )

    st.markdown(f"**{tr('Dokument', 'Documents')}**")
    left, right = st.columns(2)
    with left:
        download_buttons(
            "group",
            tr("Gruppens bild", "The group's picture"),
            group,
            _sample(form, lang, municipality=municipality, round_no=round_no, kind="grupp"),
        )
    with right:
        show_blank_downloads(form, municipality=municipality, round_no=round_no, lang=lang)
    show_products(
        form, kept, where="group_product", municipality=municipality, round_no=round_no, lang=lang
    )


def _sample(
    form: Form,
    lang: str,
    *,
    municipality: str,
    round_no: int,
    respondent: str | None = None,
    kind: str = "",
) -> Document:
    """What the document will be called (its file name), without building it."""
    from stadforstad.documents.meta import Meta

    meta = Meta(
        title=form.title.get(lang),
        lang=lang,
        kind=kind,
        municipality=municipality,
        round=round_no,
        respondent=respondent,
    )
    return Document(meta, ())


def show_result_section(
    form: Form, state, *, workspace, person, round_no: int, background: Sequence[Block] = ()
) -> None:
    """After the form: the submitted response's result and answers, and the documents
    (``background``: what the response builds on, put into its document)."""
    lang = get_lang()
    progress = get_instrument(form.id).progress
    if progress is not None:  # how far the work has come, draft included
        share, words = progress(form, state.working_answers, lang)
        st.progress(share, text=words)
    st.divider()
    context = (
        context_answers(
            get_store(),
            actor=get_actor(),
            form_id=form.id,
            workspace_id=workspace.id,
            round=int(round_no),
        )
        if state.answers
        else {}
    )
    if state.answers:
        show_response(form, state.answers, lang, context)
    responses = [Rated(respondent=person.name, answers=state.answers)] if state.answers else []
    show_tools(form, responses, lang, scope=f"form.{workspace.id}.{person.id}.{form.id}")
    show_response_downloads(
        form,
        answers=state.answers,
        respondent=person.name,
        municipality=workspace.name,
        round_no=int(round_no),
        submitted_at=state.submitted_at,
        lang=lang,
        context=context,
        background=background,
    )
    if responses:
        show_products(
            form,
            responses,
            where="product",
            municipality=workspace.name,
            round_no=int(round_no),
            lang=lang,
        )
