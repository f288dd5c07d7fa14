"""Every form has one instrument, and every form's answers go all the way: score →
blocks → chart → PDF and DOCX, in both languages, for every golden case and for a
generated response to every form."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from scoring.common import Rated
from stadforstad import demo
from stadforstad.answers import check_answers
from stadforstad.catalog import list_forms, load_form
from stadforstad.documents.build import blank_document, group_document, render, response_document
from stadforstad.documents.pdf import write_pdf
from stadforstad.documents.word import write_docx
from stadforstad.instruments.blocks import BLOCK_KINDS, Chart, Table
from stadforstad.instruments.registry import INSTRUMENTS, scored_ids
from tests.helpers.cases import _cases

PDF, DOCX = b"%PDF", b"PK\x03\x04"


def test_every_form_has_an_instrument_and_every_instrument_a_form() -> None:
    assert set(INSTRUMENTS) == {f.id for f in list_forms()}
    for form_id, instrument in INSTRUMENTS.items():
        assert instrument.form_id == form_id


def test_an_instrument_is_scored_exactly_when_its_form_claims_a_scorer() -> None:
    for form in list_forms():
        instrument = INSTRUMENTS[form.id]
        assert instrument.scored == (form.scoring is not None), form.id
        if instrument.scored:
            assert form.scoring == form.id
            assert instrument.charts and instrument.group_charts, form.id
            assert instrument.headline is not None, form.id
    assert scored_ids() == [f for f in INSTRUMENTS if INSTRUMENTS[f].scored]


def test_the_plain_order_and_scored_forms_are_the_registrys() -> None:
    """``instruments.order`` (what the form catalogue reads, so that listing forms
    imports no instrument) says what the registry says."""
    from stadforstad.instruments.order import ORDER, SCORED
    from stadforstad.instruments.registry import _BY_FORM

    assert tuple(INSTRUMENTS) == ORDER
    assert set(_BY_FORM) == set(ORDER)  # no instrument left out of the order
    assert set(scored_ids()) == SCORED


def test_every_chart_function_named_by_an_instrument_exists() -> None:
    for instrument in INSTRUMENTS.values():
        for charted in (*instrument.charts, *instrument.group_charts):
            assert callable(charted.ref.load()), charted.ref


def test_forms_are_listed_in_the_registrys_order_within_their_step() -> None:
    order = list(INSTRUMENTS)
    listed = list_forms()
    for earlier, later in itertools.pairwise(listed):
        key = (earlier.step if earlier.step is not None else 99, order.index(earlier.id))
        assert key < (later.step if later.step is not None else 99, order.index(later.id))


def _golden(form_id: str, case: dict):
    form = load_form(form_id)
    partial = case.get("partial", False)
    if "group" in case:
        rated = [
            Rated(
                respondent=m["respondent"],
                answers=check_answers(form, m["answers"], partial=partial, coerce=True),
            )
            for m in case["group"]
        ]
        return form, None, rated
    return form, check_answers(form, case["answers"], partial=partial, coerce=True), None


def _charts(blocks) -> list[Chart]:
    return [b for b in blocks if isinstance(b, Chart)]


def _all_the_way(
    form,
    answers: dict[str, Any] | None,
    rated: list[Rated] | None,
    lang: str,
    formats: tuple[str, ...] = ("pdf", "docx"),
):
    instrument = INSTRUMENTS[form.id]
    if rated is None:
        assert answers is not None
        blocks = instrument.response_blocks(form, answers, lang)
        document = response_document(
            form, answers, respondent="Åsa Öberg", municipality="Hörby", round=1, lang=lang
        )
    else:
        blocks = instrument.group_response_blocks(form, rated, lang)
        document = group_document(form, rated, municipality="Hörby", round=2, lang=lang)
    assert blocks and all(type(b) in BLOCK_KINDS for b in blocks)
    for chart in _charts(blocks):
        spec = chart.build().to_dict()
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        assert chart.alternative is not None
    if instrument.scored:
        assert _charts(blocks), "a scored form's result has its chart"
    for fmt in formats:
        assert render(document, fmt).startswith(PDF if fmt == "pdf" else DOCX)


@pytest.mark.parametrize(("form_id", "case"), list(_cases()))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_case_score_blocks_chart_pdf_docx(form_id: str, case: dict, lang: str) -> None:
    form, answers, rated = _golden(form_id, case)
    _all_the_way(form, answers, rated, lang)


def _generated(form, seed: int) -> dict:
    answers = demo._Generator(random.Random(seed), 3.0, ()).answers(form)
    return check_answers(form, answers, partial=True, coerce=True)


@pytest.mark.parametrize("form_id", list(INSTRUMENTS))
def test_every_form_goes_all_the_way_in_both_languages(form_id: str) -> None:
    form = load_form(form_id)
    answers = _generated(form, 1)
    rated = [
        Rated(respondent="Anna", answers=answers),
        Rated(respondent="Bo", answers=_generated(form, 2)),
    ]
    for lang, fmt in (("sv", "pdf"), ("en", "docx")):
        _all_the_way(form, answers, None, lang)
        _all_the_way(form, None, rated, lang, formats=(fmt,))
    for lang, fmt in (("sv", "pdf"), ("en", "docx")):
        assert render(blank_document(form, lang), fmt)[:4] in (PDF, DOCX)


def test_forms_of_notes_answered_with_nothing_still_make_documents() -> None:
    for form in list_forms():
        if not INSTRUMENTS[form.id].scored:
            _all_the_way(form, {}, None, "sv")


def test_every_block_kind_has_a_case_in_every_renderer() -> None:
    from stadforstad.documents import pdf, text, word
    from stadforstad.instruments import blocks

    assert set(word.DRAW) == set(BLOCK_KINDS)
    # The PDF and text renderers check their tables when first used.
    meta_blocks = [
        blocks.Heading("H"),
        blocks.Paragraph("P"),
        blocks.Metrics((blocks.Metric("a", "1"),)),
        blocks.Note("info", "n"),
        blocks.Names("t", ("x",)),
        Table(("a",), (("b",),)),
        blocks.Answers(()),
        blocks.Question("q", choices=("a",), lines=1, columns=("c",), rows=1),
        blocks.PageBreak(),
        blocks.Signatures(("Polisen",)),
        blocks.Slips(("Te eller kaffe?",), caption="Klipp"),
        blocks.Image('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "tom"),
    ]
    from stadforstad.documents.meta import Meta

    assert write_pdf(meta_blocks, Meta(title="T")).startswith(PDF)
    assert write_docx(meta_blocks, Meta(title="T")).startswith(DOCX)
    assert "Polisen" in text.write_text(meta_blocks)
    assert pdf  # imported for its own completeness assertion
