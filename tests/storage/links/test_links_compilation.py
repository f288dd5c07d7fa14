"""Compiling link answers: the handbook's genomsnitt, small groups suppressed, exports."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from stadforstad.compilation import (
    SUPPRESSED,
    answers_frame,
    category_means,
    compilation_table,
    compile_answers,
    compiled_sheets,
)
from stadforstad.questionnaire import asked_form, receipt_text, with_identity
from stadforstad.spreadsheet import write_csv, write_xlsx
from stadforstad.storage.links import Identity, LinkAnswer, LinkInfo

NOW = dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC)


def _answer(n, industry, answers, link="Hotell-länken"):
    return LinkAnswer(
        id=n,
        link_id=1,
        link_label=link,
        form_id="enkat",
        workspace_id=1,
        form_version=1,
        industry=industry,
        name=None,
        contact=None,
        answers=answers,
        submitted_at=NOW,
    )


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({"generell_1": 4, "generell_2": 2}, {"generell": 3.0, "tiggeri": None}),
        ({"generell_1": 5, "tiggeri_1": 1, "tiggeri_2": 2}, {"generell": 5.0, "tiggeri": 1.5}),
        ({}, {"generell": None, "tiggeri": None}),
    ],
    ids=["two-ratings-halved", "unanswered-is-not-zero", "nothing-answered"],
)
def test_genomsnitt_per_category(shareable_form, answers, expected):
    assert category_means(shareable_form, answers) == expected


def _many(shareable_form):
    rows = [
        _answer(n, "Hotell", {"generell_1": 4, "generell_2": 2, "anteckningar": f"n{n}"})
        for n in range(3)
    ]
    rows.append(
        _answer(
            9,
            "Taxi",
            {"generell_1": 1, "tiggeri_riskfaktorer": "=HYPERLINK(1)"},
            link="Taxi-länken",
        )
    )
    return rows


def test_small_groups_are_suppressed_when_shared(shareable_form):
    shared = compile_answers(shareable_form, _many(shareable_form), min_group=3)
    heat = shared.heatmap.set_index(["bransch", "kategori"])
    assert heat.loc[("Hotell", "Generella indikatorer"), "genomsnitt"] == 3.0
    assert heat.loc[("Hotell", "Generella indikatorer"), "antal"] == 3
    assert heat.loc[("Taxi", "Generella indikatorer"), "dold"]
    assert pd.isna(heat.loc[("Taxi", "Generella indikatorer"), "genomsnitt"])
    counts = dict(zip(shared.by_industry["bransch"], shared.by_industry["antal"]))
    assert counts["Hotell"] == 3 and pd.isna(counts["Taxi"])
    own = compile_answers(shareable_form, _many(shareable_form), min_group=0)
    assert (
        own.heatmap.set_index(["bransch", "kategori"]).loc[
            ("Taxi", "Generella indikatorer"), "genomsnitt"
        ]
        == 1.0
    )
    dist = own.distribution.set_index(["indikator_id", "värde"])["antal"]
    assert dist[("generell_1", 4)] == 3 and dist[("generell_1", 1)] == 1
    assert dist[("generell_1", 5)] == 0
    assert own.notes["Övriga anteckningar"] == ["n0", "n1", "n2"]
    assert own.notes["Riskfaktorer"] == ["=HYPERLINK(1)"]


def test_fewer_answers_than_the_threshold_withhold_the_picture(shareable_form):
    few = compile_answers(shareable_form, _many(shareable_form)[:2], min_group=3)
    assert few.withheld and not few.notes
    assert few.distribution["antal"].isna().all()


def test_exports_hide_small_groups_and_defuse_formulas(shareable_form):
    rows = _many(shareable_form)
    sheets = compiled_sheets(compile_answers(shareable_form, rows, min_group=3))
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(sheets)))
    assert book.sheetnames == [
        "Bransch x kategori",
        "Fördelning",
        "Antal per bransch",
        "Antal per länk",
        "Anteckningar",
    ]
    heat = [[c.value for c in r] for r in book["Bransch x kategori"].iter_rows()]
    assert heat[0] == ["bransch", "Generella indikatorer", "Tiggeri", "antal svar"]
    assert heat[2][:2] == ["Taxi", SUPPRESSED]
    notes = [c.value for c in book["Anteckningar"]["B"]]
    assert "'=HYPERLINK(1)" in notes  # kept as text, never a formula
    text = write_csv(compilation_table(compile_answers(shareable_form, rows, min_group=3)))
    assert text.decode("utf-8-sig").splitlines()[1] == "Hotell;3;;3"
    raw = answers_frame(shareable_form, rows)
    assert list(raw.columns[:6]) == ["svar", "länk", "bransch", "namn", "kontakt", "inskickat"]
    assert raw.loc[0, "genomsnitt_generell"] == 3.0
    assert "'=HYPERLINK(1)" in write_csv(raw).decode("utf-8-sig")


def test_english_exports_have_english_headers_and_sheet_names(shareable_form):
    """An English reader's exports: the sheets, the headers and the words in English;
    the Swedish exports above keep their names."""
    rows = _many(shareable_form)
    compiled = compile_answers(shareable_form, rows, min_group=3, lang="en")
    sheets = compiled_sheets(compiled)
    assert list(sheets) == [
        "Industry x category",
        "Distribution",
        "Answers per industry",
        "Answers per link",
        "Notes",
    ]
    categories = [c.label for c in compiled.categories]  # the form's own (sv only here)
    assert list(sheets["Industry x category"].columns) == ["industry", *categories, "answers"]
    assert list(sheets["Distribution"].columns) == ["category", "indicator", "value", "count"]
    assert list(sheets["Notes"].columns) == ["question", "note"]
    raw = answers_frame(shareable_form, rows, "en")
    assert list(raw.columns[:6]) == ["answer", "link", "industry", "name", "contact", "submitted"]
    assert raw.loc[0, "mean_generell"] == 3.0
    headers = " ".join(str(c) for frame in sheets.values() for c in frame.columns)
    assert not any(word in headers for word in ("bransch", "antal", "fråga", "kategori"))


IDENTITY_FORM = """
id: grid
version: 1
step: 2
title: {sv: Grid}
source: {heading: T}
shareable: true
sections:
  - id: vem_svarar
    items:
      - {kind: text, id: aktor, required: true, max_length: 200, label: {sv: Aktör}}
      - kind: choice
        id: bransch
        allow_other: true
        label: {sv: Bransch}
        options:
          - {value: hotell, label: {sv: Hotell}}
          - {value: taxi, label: {sv: Taxi}}
  - id: generell
    items:
      - {kind: scale, id: generell_1, label: {sv: A}}
"""


def test_identity_items_are_asked_by_the_page_and_filled_in():
    from stadforstad.answers import check_answers
    from stadforstad.catalog import parse_form
    from stadforstad.questionnaire import industry_names, preset_industry

    form = parse_form(IDENTITY_FORM)
    shown = asked_form(form)
    assert [s.id for s in shown.sections] == ["generell"]
    link = LinkInfo(
        id=1,
        workspace_id=1,
        form_id="grid",
        label="taxi",
        intro="",
        ask_identity=False,
        closes_on=None,
        max_answers=None,
        revoked=False,
        created_by="x",
        created_at=NOW,
    )
    assert list(industry_names(form)) == ["Hotell", "Taxi"]
    assert preset_industry(link, list(industry_names(form))) == "Taxi"
    filled = with_identity(form, {"generell_1": 3}, Identity(industry="Taxi"), link)
    assert filled == {"generell_1": 3, "bransch": "taxi", "aktor": "taxi"}
    written = with_identity(form, {}, Identity(industry="Tandvård"), link)
    assert written["bransch"] == "Tandvård"
    check_answers(form, filled)  # the required organisation is filled for the respondent


def test_receipt_is_plain_text(shareable_form):
    text = receipt_text(
        shareable_form,
        {"generell_1": 2, "anteckningar": "<i>hej</i>"},
        Identity(industry="Taxi"),
        "ABCD-EFGH",
        NOW,
    )
    assert "Kvittokod: ABCD-EFGH" in text and "Övriga anteckningar: <i>hej</i>" in text
    assert "Begränsade av andra: 2" in text
