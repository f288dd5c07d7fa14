"""A form's three documents: the blank form, one respondent's filled form with its
result, and the group's picture. Each is a :class:`Document` (facts + blocks), then
written as PDF or DOCX by :func:`render`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from scoring.common import Rated
from stadforstad.documents.blank import blank_blocks
from stadforstad.documents.meta import TZ, Document, Meta, today
from stadforstad.i18n import pick
from stadforstad.instruments.blocks import Block, Heading, Paragraph
from stadforstad.instruments.registry import get_instrument
from stadforstad.schema import Form

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx")
MIME: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _source(form: Form, lang: str) -> str:
    where = form.source.heading + (f", s. {form.source.page}" if form.source.page else "")
    return pick(lang, f"Handbokens avsnitt: {where}", f"Section of the handbook: {where}")


def _meta(form: Form, lang: str, kind: str, **facts: Any) -> Meta:
    return Meta(
        title=form.title.get(lang),
        lang=lang,
        kind=kind,
        step=form.step,
        source=_source(form, lang),
        **facts,
    )


def blank_document(
    form: Form,
    lang: str = "sv",
    *,
    municipality: str | None = None,
    round: int | None = None,
    day: dt.date | None = None,
) -> Document:
    """The form to fill in by hand; municipality and round left as lines if not given."""
    meta = _meta(
        form,
        lang,
        pick(lang, "Tomt formulär", "Blank form"),
        municipality=municipality,
        round=round,
        day=day or today(),
        blanks=True,
    )
    return Document(meta, tuple(blank_blocks(form, lang)))


def response_document(
    form: Form,
    answers: dict[str, Any],
    *,
    respondent: str,
    municipality: str,
    round: int,
    lang: str = "sv",
    submitted_at: dt.datetime | None = None,
    day: dt.date | None = None,
    context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    background: Sequence[Block] = (),
) -> Document:
    """One respondent's submitted answers with the result, as the form page shows them
    (``context``: the answers of the forms the result reads beside its own;
    ``background``: what the response builds on, e.g. the plan's mapping and SWOT)."""
    instrument = get_instrument(form.id)
    blocks: list[Block] = []
    if submitted_at is not None:
        # The database keeps UTC; SQLite hands it back without a zone.
        aware = submitted_at if submitted_at.tzinfo else submitted_at.replace(tzinfo=dt.UTC)
        local = aware.astimezone(TZ)
        blocks.append(
            Paragraph(
                pick(
                    lang, f"Inskickat {local:%Y-%m-%d %H:%M}.", f"Submitted {local:%Y-%m-%d %H:%M}."
                ),
                small=True,
            )
        )
    if instrument.scored:
        blocks.append(Heading(pick(lang, "Resultat", "Result"), 2))
    blocks += instrument.response_blocks(form, answers, lang, context, background)
    meta = _meta(
        form,
        lang,
        pick(lang, "Svar och resultat", "Answers and result")
        if instrument.scored
        else pick(lang, "Svar", "Answers"),
        municipality=municipality,
        round=round,
        respondent=respondent,
        day=day or today(),
    )
    return Document(meta, tuple(blocks))


def group_document(
    form: Form,
    responses: Sequence[Rated],
    *,
    municipality: str,
    round: int,
    lang: str = "sv",
    day: dt.date | None = None,
    context: Mapping[str, Sequence[dict[str, Any]]] | None = None,
) -> Document:
    """The group's picture: the summary and every member's answers side by side
    (``context``: the answers of the forms its instrument reads beside its own)."""
    instrument = get_instrument(form.id)
    blocks = [
        Paragraph(
            pick(
                lang,
                f"{len(responses)} inskickade svar.",
                f"{len(responses)} submitted responses.",
            ),
            small=True,
        ),
        *instrument.group_response_blocks(form, responses, lang, context),
    ]
    meta = _meta(
        form,
        lang,
        pick(lang, "Gruppens bild", "The group's picture"),
        municipality=municipality,
        round=round,
        day=day or today(),
    )
    return Document(meta, tuple(blocks))


def product_document(
    form: Form,
    key: str,
    responses: Sequence[Rated],
    *,
    municipality: str,
    round: int,
    lang: str = "sv",
    day: dt.date | None = None,
) -> Document:
    """A workshop's own product (``Instrument.products``, by its key) from the responses
    given: one member's, or the group's."""
    product = next(p for p in get_instrument(form.id).products if p.key == key)
    meta = _meta(
        form, lang, product.title(lang), municipality=municipality, round=round, day=day or today()
    )
    return Document(meta, tuple(product.make(form, list(responses), lang)))


def render(document: Document, fmt: Format) -> bytes:
    """The document as PDF or DOCX bytes."""
    if fmt == "pdf":
        from stadforstad.documents.pdf import write_pdf

        return write_pdf(document.blocks, document.meta)
    if fmt == "docx":
        from stadforstad.documents.word import write_docx

        return write_docx(document.blocks, document.meta)
    raise ValueError(f"unknown document format {fmt!r}")
