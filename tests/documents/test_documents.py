"""Documents read back: the PDF as text (pypdf) and the DOCX with python-docx hold every
answer, the total, the verdict, and on every page the facts a printed page needs."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.documents.build import blank_document, group_document, render, response_document
from stadforstad.documents.meta import Meta
from stadforstad.documents.pdf import write_pdf
from stadforstad.documents.word import write_docx
from stadforstad.i18n import CREDIT_SV
from stadforstad.instruments.blocks import Table
from tests.helpers.documents import (
    docx_text,
    pdf_pages,
)

REDO = {
    "behov": 3,
    "politisk_vilja": 4,
    "organisatorisk_vilja": 2,
    "deltagarnas_vilja": 5,
    "perioden": 3,
    "tid_resurser": 1,
    "hallbarhet": 4,
    "period_manader": 14,
    "period_start": "2026-01-15",
    "behov_comment": "Behovet är <b>kartlagt</b> & klart – även i Åhus.",
}
DAY = dt.date(2026, 3, 2)


def _redo_document(lang: str = "sv"):
    return response_document(
        load_form("redo"),
        REDO,
        respondent="Åsa Öberg",
        municipality="Hörby",
        round=2,
        lang=lang,
        day=DAY,
    )


EXPECTED_SV = [
    "22 / 35",  # the total
    "Redo",  # the verdict
    "Över 20 poäng",
    "Identifiera och definiera behov",
    "3 (1–5)",
    "Hållbarhet",
    "4 (1–5)",
    "Tid, resurser och personal",
    "1 (1–5)",
    "14 månader",
    "15 januari 2026",  # a date as a date
    "Behovet är <b>kartlagt</b> & klart – även i Åhus.",  # typed text as typed
    "Åsa Öberg",
    "Hörby",
]


def test_the_pdf_holds_every_answer_the_total_and_the_verdict() -> None:
    pages = pdf_pages(render(_redo_document(), "pdf"))
    text = " ".join(pages)
    for expected in EXPECTED_SV:
        assert expected in text, expected
    for number, page in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in page
        assert "Steg 0 · Är ni redo?" in page
        assert "Hörby · omgång 2 · 2026-03-02" in page
        assert "Frälsningsarmén 2023" in page  # the handbook's credit


def test_the_docx_holds_every_answer_the_total_and_the_verdict() -> None:
    data = render(_redo_document(), "docx")
    text = docx_text(data)
    for expected in EXPECTED_SV:
        assert expected in text, expected
    assert CREDIT_SV in text and "Hörby · omgång 2 · 2026-03-02" in text
    footer = docx.Document(io.BytesIO(data)).sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "PAGE" in footer


def test_english_documents_speak_english() -> None:
    text = " ".join(pdf_pages(render(_redo_document("en"), "pdf")))
    assert "Ready" in text and "Above 20 points" in text and "15 January 2026" in text
    assert "Page 1 of" in text and "The Salvation Army" in text


def test_charts_are_vector_images_in_both_formats() -> None:
    pdf = render(_redo_document(), "pdf")
    assert b"/Subtype /Image" not in pdf  # drawn as paths and text, not a bitmap
    assert "Varje fråga" in " ".join(pdf_pages(pdf))  # the chart's own title, as text
    package = docx.Document(io.BytesIO(render(_redo_document(), "docx"))).part.package
    types = {part.content_type for part in package.iter_parts()}
    assert "image/svg+xml" in types and "image/png" in types


def test_a_long_table_breaks_across_pages_with_its_header_repeated() -> None:
    rows = tuple((f"Aktör {n}", n, f"Rad {n} " * 6) for n in range(1, 121))
    blocks = [Table(("Aktörens namn", "Nummer", "Anteckning"), rows)]
    pages = pdf_pages(write_pdf(blocks, Meta(title="Lång tabell", day=DAY)))
    assert len(pages) >= 3
    for page in pages:
        assert "Aktörens namn Nummer Anteckning" in page
    assert "Aktör 120" in pages[-1]
    document = docx.Document(io.BytesIO(write_docx(blocks, Meta(title="Lång tabell", day=DAY))))
    header_row = document.tables[-1].rows[0]._tr
    assert header_row.find(".//{*}tblHeader") is not None


def test_a_table_answer_keeps_its_rows_and_dates() -> None:
    form = load_form("kartlaggningsplan")
    table = next(i for i in form.answerable() if i.kind == "table")
    date_column = next((c for c in table.columns if c.kind == "date"), None)
    text_column = next(c for c in table.columns if c.kind == "text")
    row = {text_column.id: "Ring hotellen <i>före</i> maj"}
    if date_column is not None:
        row[date_column.id] = "2026-05-04"
    document = response_document(
        form, {table.id: [row]}, respondent="Bo", municipality="Hörby", round=1, day=DAY
    )
    for fmt, read in (("pdf", lambda d: " ".join(pdf_pages(d))), ("docx", docx_text)):
        text = read(render(document, fmt))
        assert "Ring hotellen <i>före</i> maj" in text
        if date_column is not None:
            assert "4 maj 2026" in text


def test_the_group_document_lays_members_side_by_side() -> None:
    form = load_form("staden")
    item = form.answerable()[0]
    rated = [
        Rated(respondent="Anna", answers={item.id: "Hamnen"}),
        Rated(respondent="Bo", answers={item.id: "Skolorna"}),
    ]
    document = group_document(form, rated, municipality="Hörby", round=1, day=DAY)
    for fmt, read in (("pdf", lambda d: " ".join(pdf_pages(d))), ("docx", docx_text)):
        text = read(render(document, fmt))
        for expected in ("Anna", "Bo", "Hamnen", "Skolorna", "Gruppens bild"):
            assert expected in text, (fmt, expected)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_blank_form_leaves_lines_for_municipality_and_round(fmt: str) -> None:
    document = blank_document(load_form("redo"), day=DAY)
    text = (
        " ".join(pdf_pages(render(document, fmt)))
        if fmt == "pdf"
        else docx_text(render(document, fmt))
    )
    assert "Tomt formulär" in text and "Kommun" in text and "________" in text
    assert "Politisk vilja *" in text and "1 – inte alls redo" in text
