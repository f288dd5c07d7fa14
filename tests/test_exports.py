"""Exports people can open: CSV for Swedish Excel (UTF-8 with BOM, ';', decimal comma)
and its round trip through Excel back into ``score``/``import``; fields with a bare CR
quoted; and ONE formula escape for every Excel and CSV export, the comparison's too."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest

from stadforstad import compare
from stadforstad.catalog import load_form, parse_form
from stadforstad.compilation import (
    answers_frame,
    compilation_table,
    compile_answers,
    compiled_sheets,
)
from stadforstad.responses_io import read_rows
from stadforstad.spreadsheet import (
    FORMULA_START,
    OTHER_PROGRAMS,
    escape_formula,
    write_csv,
    write_xlsx,
)
from stadforstad.storage import Actor
from stadforstad.storage.links import LinkAnswer
from tests.helpers import ROOT

FORMULAS = ['=HYPERLINK("http://x.invalid","klick")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
REDO = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]


def csv_rows(data: bytes, separator: str = ";") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads å, ä, ö
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=separator))


def test_csv_is_written_for_swedish_excel():
    moment = dt.datetime(2025, 6, 1, 10, 5, tzinfo=dt.UTC)
    frame = pd.DataFrame(
        [{"namn": "Åsa Öberg", "medel": 3.25, "antal": 4, "tom": None, "inskickat": moment}]
    )
    data = write_csv(frame)
    assert data.decode("utf-8-sig").splitlines()[1] == "Åsa Öberg;3,25;4;;2025-06-01 12:05"
    assert data.endswith(b"\r\n")
    other = write_csv(frame, OTHER_PROGRAMS).decode("utf-8-sig")
    assert other.splitlines()[1] == "Åsa Öberg,3.25,4,,2025-06-01 12:05"


def test_a_bare_carriage_return_is_quoted():
    data = write_csv(pd.DataFrame([{"a": "rad ett\rrad två", "b": "x;y", "c": 'sa "hej"'}]))
    text = data.decode("utf-8-sig")
    assert '"rad ett\rrad två"' in text and '"x;y"' in text and '"sa ""hej"""' in text
    assert csv_rows(data)[1] == ["rad ett\rrad två", "x;y", 'sa "hej"']


def test_round_trip_through_swedish_excel_into_score_and_import(tmp_path):
    """Export → Excel opens the file (';', decimal comma) → saves it as "CSV
    (semikolonavgränsad)", which is Windows-1252 → ``import`` reads it back."""
    form = parse_form(
        "id: tal\nversion: 1\nstep: 0\ntitle: {sv: Tal}\nsource: {heading: T}\n"
        "sections:\n  - id: s\n    items:\n"
        "      - {kind: number, id: timmar, integer: false, label: {sv: Timmar}}\n"
        "      - {kind: scale, id: betyg, label: {sv: Betyg}, min: 1, max: 5}\n"
        "      - {kind: text, id: not, label: {sv: Anteckning}}\n"
    )
    exported = pd.DataFrame(
        [
            {"respondent": "Åsa Öberg", "timmar": 2.5, "betyg": 4, "not": "Bra; men dyrt"},
            {"respondent": "Bo Ärlig", "timmar": 10.0, "betyg": 2, "not": "=kanske"},
        ]
    )
    data = write_csv(exported)
    # What Swedish Excel shows and saves: the same cells, in Windows-1252.
    cells = csv_rows(data)
    assert cells[1] == ["Åsa Öberg", "2,5", "4", "Bra; men dyrt"]
    saved = io.StringIO(newline="")
    csv.writer(saved, delimiter=";", lineterminator="\r\n").writerows(cells)
    path = tmp_path / "sparad.csv"
    path.write_bytes(saved.getvalue().encode("cp1252"))
    rows = read_rows(form, path)
    assert [(r.respondent, r.answers) for r in rows] == [
        ("Åsa Öberg", {"timmar": 2.5, "betyg": 4, "not": "Bra; men dyrt"}),
        ("Bo Ärlig", {"timmar": 10, "betyg": 2, "not": "'=kanske"}),  # stays text
    ]


def test_a_redo_export_goes_back_into_score(tmp_path):
    frame = pd.DataFrame([{"respondent": "Åke", **dict.fromkeys(REDO, 3)}])
    path = tmp_path / "redo.csv"
    path.write_bytes(write_csv(frame))
    rows = read_rows(load_form("redo"), path)
    assert rows[0].respondent == "Åke" and rows[0].answers == dict.fromkeys(REDO, 3)


# -- one formula escape for every export ---------------------------------------------------
@pytest.mark.parametrize("text", FORMULAS)
def test_escape_formula(text):
    assert escape_formula(text) == "'" + text
    assert escape_formula(-3) == -3 and escape_formula("3") == "3"


def no_formula_in_workbook(data: bytes) -> list[str]:
    """Every text cell of every sheet; asserts none is a formula or starts like one."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), cell.value
                    texts.append(cell.value)
    return texts


def no_formula_in_csv(data: bytes, separator: str = ";") -> list[str]:
    fields = [f for row in csv_rows(data, separator) for f in row]
    for field in fields:
        assert not field.startswith(FORMULA_START), field
    return fields


def test_the_comparison_export_escapes_workspace_names(store):
    admin = Actor.local()
    redo = load_form("redo")
    for name in FORMULAS[:4]:  # a name's tab or CR at the start is trimmed when saved
        place = store.create_workspace(actor=admin, name=name)
        store.submit_many(
            actor=admin,
            workspace_id=place.id,
            form=redo,
            rows=[("Ada", dict.fromkeys(REDO, 3)), ("=Bo", dict.fromkeys(REDO, 4))],
        )
    from stadforstad.ui.compare_parts import frame_table

    sheets = {
        "Redo": frame_table(compare.readiness(store, actor=admin)),
        "Redo per fråga": frame_table(compare.readiness_frames(store, actor=admin).items),
        "Framsteg": frame_table(compare.progress(store, actor=admin)),
        "Rutnät": frame_table(compare.progress_grid(compare.progress(store, actor=admin))),
    }
    texts = no_formula_in_workbook(compare.to_xlsx(sheets))
    assert '\'=HYPERLINK("http://x.invalid","klick")' in texts
    assert "'@SUM(A1)" in texts


def link_answers() -> list[LinkAnswer]:
    moment = dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC)
    return [
        LinkAnswer(
            id=n,
            link_id=1,
            link_label=FORMULAS[n % len(FORMULAS)],
            form_id="kartlaggning",
            workspace_id=1,
            form_version=1,
            industry=FORMULAS[(n + 1) % len(FORMULAS)] if n % 2 else "Hotell",
            name="@namn",
            contact="-070 123",
            answers={"anteckningar": "=1+1"} if n == 0 else {},
            submitted_at=moment,
        )
        for n in range(8)
    ]


def test_the_compilation_and_answers_exports_escape_everything():
    form = load_form("kartlaggning")
    answers = link_answers()
    shared = compile_answers(form, answers, min_group=3)
    no_formula_in_workbook(write_xlsx(compiled_sheets(shared)))
    no_formula_in_csv(write_csv(compilation_table(shared)))
    raw = answers_frame(form, answers)
    texts = no_formula_in_workbook(write_xlsx({"Svar": raw}))
    assert "'@namn" in texts and "'-070 123" in texts
    no_formula_in_csv(write_csv(raw, OTHER_PROGRAMS), ",")


def test_the_compilation_csv_is_one_wide_table():
    form = load_form("kartlaggning")
    answers = [
        LinkAnswer(
            id=n,
            link_id=1,
            link_label="Hotell",
            form_id=form.id,
            workspace_id=1,
            form_version=1,
            industry="Hotell" if n < 3 else "Taxi",
            name=None,
            contact=None,
            answers={},
            submitted_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC),
        )
        for n in range(4)
    ]
    rows = csv_rows(write_csv(compilation_table(compile_answers(form, answers, min_group=3))))
    categories = [s.title.sv for s in form.sections if any(i.kind == "scale" for i in s.items)]
    assert rows[0] == ["bransch", *categories, "antal svar"]
    assert [r[0] for r in rows[1:]] == ["Hotell", "Taxi", "Alla branscher"]
    assert rows[1][-1] == "3" and rows[2][-1] == "färre än 3" and rows[3][-1] == "4"


def test_every_export_goes_through_the_one_writer():
    """No spreadsheet is written anywhere else: one escape, one CSV writer."""
    pattern = re.compile(r"\.to_csv\(|\.to_excel\(|ExcelWriter\(|csv\.writer\(")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("stadforstad", "pages")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "spreadsheet.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_workbook_keeps_every_value_and_type():
    """The constant-memory writer: numbers stay numbers (numpy's too), times in Swedish
    time, blanks blank, text that looks like a number or a link stays text."""
    import numpy as np

    frame = pd.DataFrame(
        {
            "n": [np.int64(3), None],
            "x": [np.float64(2.5), float("nan")],
            "ja": [np.bool_(True), False],
            "när": [dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC), None],
            "dag": [dt.date(2026, 6, 1), None],
            "text": ["007", "http://x.invalid"],
            "=formel": ["=1+1", "ok\x01"],
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx({"Blad/1": frame, "Tom": frame[:0]})))
    assert book.sheetnames == ["Blad 1", "Tom"]
    rows = list(book["Blad 1"].iter_rows(values_only=True))
    assert rows[0] == ("n", "x", "ja", "när", "dag", "text", "'=formel")
    assert rows[1] == (
        3,
        2.5,
        True,
        dt.datetime(2026, 6, 1, 12, 0),  # 10:00 UTC is 12:00 in Stockholm in June
        dt.datetime(2026, 6, 1),
        "007",
        "'=1+1",
    )
    assert rows[2] == (None, None, False, None, None, "http://x.invalid", "ok")
    assert list(book["Tom"].iter_rows(values_only=True)) == [rows[0]]
