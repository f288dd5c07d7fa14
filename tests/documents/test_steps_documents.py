"""Steps 6–7 and the statistics as pictures and documents: the SWOT's 2×2 picture, the
shared starting point's one-page summary, the routine's ordered list, flow chart and
one-page flyer, and the statistics' result, each read back from PDF and DOCX."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from svglib.svglib import svg2rlg

from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.documents.build import product_document, render, response_document
from stadforstad.instruments.blocks import Image, Names, Note, Table
from stadforstad.instruments.registry import get_instrument
from tests.helpers.documents import docx_text, pdf_pages
from tests.helpers.steps import (
    ROUTINE,
    START,
    SWOT,
)

DAY = dt.date(2026, 3, 2)


def _document(form_id: str, answers: dict, lang: str = "sv"):
    return response_document(
        load_form(form_id),
        answers,
        respondent="Anna",
        municipality="Helsingborg",
        round=1,
        lang=lang,
        day=DAY,
    )


def _image(form_id: str, answers: dict, lang: str = "sv") -> Image:
    form, instrument = load_form(form_id), get_instrument(form_id)
    blocks = instrument.blocks(form, instrument.score(form, answers), lang)
    return next(b for b in blocks if isinstance(b, Image))


def test_swot_picture_has_four_fields_and_a_text_alternative() -> None:
    image = _image("swot", SWOT)
    for title in ("Styrkor", "Svagheter", "Möjligheter", "Hot", "Interna", "Externa"):
        assert f">{title}<" in image.svg, title
    # Typed text is escaped in the SVG: shown as text, never read as markup.
    assert "&lt;b&gt;aktivt&lt;/b&gt; &amp; länge" in image.svg
    assert "<b>" not in image.svg
    assert "» Engagerad kärngrupp" in image.svg
    assert image.alternative.startswith("Styrkor: Engagerad kärngrupp (bland de viktigaste);")
    assert "Hot: inget ifyllt." in image.alternative
    assert svg2rlg(io.StringIO(image.svg)) is not None  # svglib (the PDF) reads it
    english = _image("swot", SWOT, "en")
    assert ">Strengths<" in english.svg and ">Internal<" in english.svg
    assert "(among the most important)" in english.alternative


def test_swot_lists_the_most_important_insights() -> None:
    form, instrument = load_form("swot"), get_instrument("swot")
    blocks = instrument.blocks(form, instrument.score(form, SWOT), "sv")
    names = next(b for b in blocks if isinstance(b, Names))
    assert names.names == ("Engagerad kärngrupp", "Länsstyrelsens stöd")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_swot_document_holds_the_picture_and_the_points(fmt: str) -> None:
    data = render(_document("swot", SWOT), fmt)
    if fmt == "pdf":
        text = " ".join(pdf_pages(data))
        # The picture is vector text in the PDF.
        assert "Möjligheter" in text and "» Länsstyrelsens stöd" in text
    else:
        text = docx_text(data)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            document = package.read("word/document.xml").decode("utf-8")
        assert any(n.endswith(".svg") for n in names)
        assert "Styrkor: Engagerad kärngrupp (bland de viktigaste)" in document  # alt text
    assert "Polisen deltar <b>aktivt</b> & länge" in text


def test_starting_point_names_step_4_for_the_knowledge_bank() -> None:
    form = load_form("utgangspunkt")
    section = next(s for s in form.sections if s.id == "verktyg_resurser")
    assert section.intro is not None
    assert "I Steg 4 av Stad för stad" in section.intro.sv
    assert "In Step 4 of Stad för stad" in section.intro.en
    assert "Steg 3" not in section.intro.sv
    assert load_form("kunskapsbank").step == 4


def test_starting_point_summary_shows_answers_and_what_is_open() -> None:
    form, instrument = load_form("utgangspunkt"), get_instrument("utgangspunkt")
    blocks = instrument.blocks(form, instrument.score(form, START), "sv")
    answered = [b for b in blocks if isinstance(b, Names)]
    assert [b.names for b in answered] == [
        ("Vi har kartlagt hotell och taxi.",),
        ("Att annonserna är så många.",),
    ]
    assert answered[1].title == "1. Vad var nytt, vad var viktigt?"
    note = next(b for b in blocks if isinstance(b, Note))
    assert "2. Vad är relevant för vem?" in note.text and "3. Saknas något?" in note.text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_starting_point_is_one_page(fmt: str) -> None:
    data = render(_document("utgangspunkt", START), fmt)
    if fmt == "pdf":
        pages = pdf_pages(data)
        assert len(pages) == 1
        text = pages[0]
    else:
        text = docx_text(data)
    assert "Vi har kartlagt hotell och taxi." in text
    assert "Ännu inte besvarat" in text


def test_routine_steps_as_an_ordered_list_and_a_flow_chart() -> None:
    form, instrument = load_form("arenderutin"), get_instrument("arenderutin")
    blocks = instrument.blocks(form, instrument.score(form, ROUTINE), "sv")
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.columns == ("Nr", "Vad", "När", "Vem", "Kontakt")
    assert table.rows[0][:4] == (
        "1",
        "Ring polisen vid misstanke",
        "vid misstanke",
        "Polisen, Fokusgruppen",
    )
    assert "Telefon (2:a hand): 114 14" in str(table.rows[0][4])
    assert table.rows[1] == ("2", "Dokumentera incidenten", None, "Den som mötte personen", None)
    image = next(b for b in blocks if isinstance(b, Image))
    assert ">1. Ring polisen vid misstanke<" in image.svg
    assert ">3. Uppföljning &amp; utvärdering<" in image.svg
    assert image.svg.count("<polygon") == 2  # two arrows between three boxes
    assert image.alternative.startswith(
        "1. Ring polisen vid misstanke (Vem: Polisen, Fokusgruppen;"
    )
    assert " → 2. Dokumentera incidenten" in image.alternative
    assert svg2rlg(io.StringIO(image.svg)) is not None


def test_routine_without_steps_says_so() -> None:
    form, instrument = load_form("arenderutin"), get_instrument("arenderutin")
    blocks = instrument.blocks(form, instrument.score(form, {"steg": []}), "en")
    assert isinstance(blocks[0], Note) and "No steps" in blocks[0].text


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_routine_flyer_is_one_page_with_every_contact(fmt: str, lang: str) -> None:
    form, instrument = load_form("arenderutin"), get_instrument("arenderutin")
    [flyer] = instrument.products
    document = product_document(
        form,
        flyer.key,
        [Rated(respondent="Kärngruppen", answers=ROUTINE)],
        municipality="Helsingborg",
        round=1,
        lang=lang,
        day=DAY,
    )
    data = render(document, fmt)
    if fmt == "pdf":
        pages = pdf_pages(data)
        assert len(pages) == 1
        text = pages[0]
    else:
        text = docx_text(data)
    heading = (
        "Lokala rutiner gällande människohandel & prostitution"
        if lang == "sv"
        else "Local routines on human trafficking & prostitution"
    )
    assert heading in text
    for part in ("Ring polisen vid misstanke", "0738216384", "114 14", "112", "Dokumentera"):
        assert part in text, part
    assert "fokusgruppen.lpo-helsingborg@polisen.se" in text.replace(" ", "")
    assert ("Steg 3" if lang == "sv" else "Step 3") in text
    assert "Du bidrar efter förmåga!" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_statistics_document_holds_totals_and_changes(fmt: str) -> None:
    stats = {
        "perioder": [
            {"ar": 2017, "incidenter": 4, "stodsamtal": 1},
            {"ar": 2018, "incidenter": 8, "stodsamtal": 2},
            {"ar": 2020, "incidenter": 10, "stodsamtal": 6, "preliminar": True},
        ]
    }
    data = render(_document("statistik", stats), fmt)
    text = " ".join(pdf_pages(data)) if fmt == "pdf" else docx_text(data)
    assert "Totalt per mått" in text
    assert "+100 %" in text  # incidents 2017 → 2018
    assert "inga siffror för 2019" in text
    assert "2020 (preliminär)" in text
