"""``stadforstad xlsform``: every form as an XLSForm that pyxform turns into an XForm
(and, where Java is installed, that ODK Validate accepts, as KoboToolbox and ODK do)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from stadforstad import cli
from stadforstad.answers import answer_keys
from stadforstad.catalog import list_forms, load_form
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.xlsform import write_xlsform
from stadforstad.xlsform_cells import LANGUAGES

NS = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms"}
SV, EN = (name for _, name in LANGUAGES)
FORM_IDS = [form.id for form in list_forms()]
JAVA = shutil.which("java")


class XForm:
    """The XForm pyxform made, with what the tests ask of it."""

    def __init__(self, xml: str) -> None:
        self.root = ET.fromstring(xml)
        self.binds = {b.get("nodeset"): b for b in self.root.iter(f"{{{NS['x']}}}bind")}
        self.texts = {
            t.get("lang"): {
                text.get("id"): "".join(text.itertext()) for text in t.iter(f"{{{NS['x']}}}text")
            }
            for t in self.root.iter(f"{{{NS['x']}}}translation")
        }

    def path(self, name: str) -> str:
        """The path of the one question or repeat called ``name``."""
        paths = [*self.binds, *self.repeat_paths()]
        [found] = [path for path in paths if path.rsplit("/", 1)[-1] == name]
        return found

    def bind(self, name: str) -> ET.Element:
        return self.binds[self.path(name)]

    def repeat_paths(self) -> list[str]:
        return [r.get("nodeset") for r in self.root.iter(f"{{{NS['x']}}}repeat")]

    def repeats(self) -> set[str]:
        return {path.rsplit("/", 1)[-1] for path in self.repeat_paths()}

    def label(self, lang: str, name: str) -> str:
        return self.texts[lang][f"{self.path(name)}:label"]

    def choices(self, name: str) -> list[str]:
        """The values offered by the select named ``name``."""
        path = self.path(name)
        for tag in ("select1", "select"):
            for control in self.root.iter(f"{{{NS['x']}}}{tag}"):
                if control.get("ref") == path:
                    itemset = control.find("x:itemset", NS)
                    if itemset is not None:  # choices in a secondary instance
                        list_name = itemset.get("nodeset").split("'")[1]
                        instance = next(
                            i
                            for i in self.root.iter(f"{{{NS['x']}}}instance")
                            if i.get("id") == list_name
                        )
                        return [v.text for v in instance.iter(f"{{{NS['x']}}}name")]
                    return [v.text for v in control.iter(f"{{{NS['x']}}}value")]
        raise KeyError(name)


def export(form_id: str, tmp_path: Path) -> Path:
    return write_xlsform(load_form(form_id), tmp_path / f"{form_id}.xlsx")


def converted(path: Path, *, validate: bool = False) -> XForm:
    warnings: list[str] = []
    result = convert(xlsform=str(path), warnings=warnings, validate=validate)
    assert warnings == []
    return XForm(result.xform)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_every_form_converts_with_every_answer_and_both_languages(
    form_id: str, tmp_path: Path
) -> None:
    form = load_form(form_id)
    xform = converted(export(form_id, tmp_path))
    assert set(xform.texts) == {SV, EN}
    questions = {*xform.binds, *xform.repeat_paths()}
    for section in form.sections:
        for item in section.items:
            # Every answer the app stores has its question, where the section is.
            for key in answer_keys(form):
                if key in (item.id, f"{item.id}_comment"):
                    path = f"/data/avsnitt_{section.id}/{key}"
                    assert path in questions
                    label = item.label if key == item.id else item.comment
                    assert xform.texts[SV][f"{path}:label"] == label.sv
                    assert xform.texts[EN][f"{path}:label"] == label.get("en")
    assert xform.repeats() == {i.id for i in form.answerable() if i.kind == "table"}


def test_kartlaggning(tmp_path: Path) -> None:
    xform = converted(export("kartlaggning", tmp_path))
    assert xform.bind("aktor").get("required") == "true()"
    assert xform.bind("aktor").get("constraint") == "string-length(.) <= 200"
    # A scale is a select of its values, ends labelled in both languages.
    assert xform.choices("generell_1") == ["1", "2", "3", "4", "5"]
    assert "1 – aldrig" in xform.texts[SV].values() and "1 – never" in xform.texts[EN].values()
    # allow_other: the choice "other", and a question for the answer, shown when picked.
    options = [o.value for o in load_form("kartlaggning").item("bransch").options]
    assert xform.choices("bransch") == [*options, "other"]
    assert xform.bind("bransch_other").get("relevant") == "selected(../bransch, 'other')"
    assert xform.label(SV, "bransch_other") == "Annat, nämligen"
    assert xform.label(EN, "bransch_other") == "Other, please specify"


def test_samverkansplan_tables_are_repeat_groups(tmp_path: Path) -> None:
    xform = converted(export("samverkansplan", tmp_path))
    assert xform.repeats() == {
        "delmal",
        "risker",
        "aktiviteter",
        "budget",
        "tidslinje",
        "underskrifter",
    }
    # A column inside its repeat, typed; the table's row limit on its first column.
    assert xform.path("startar").endswith("/delmal/startar")
    assert xform.bind("startar").get("type") == "decimal"
    assert xform.bind("startar").get("constraint") == ". >= 2000 and . <= 2100"
    # No row limit on the sub-goals (the scorer flags a sixth one instead).
    assert xform.bind("nummer").get("constraint") is None
    assert xform.bind("just_nu").get("type") == "date"
    assert xform.choices("forberedelser") == ["tid", "personer", "samverkan", "syfte", "forkunskap"]


def test_a_table_row_limit_is_a_constraint_on_its_first_column(tmp_path: Path) -> None:
    xform = converted(export("rekrytering", tmp_path))
    assert "kandidater" in xform.repeats()
    assert "position(..) <= 30" in xform.bind("namn").get("constraint", "")


def test_numbers_notes_and_multiple_choice(tmp_path: Path) -> None:
    redo = converted(export("redo", tmp_path))
    months = redo.bind("period_manader")
    assert months.get("type") == "int"
    assert months.get("constraint") == ". >= 1 and . <= 60"
    icebreaker = converted(export("icebreaker", tmp_path))
    control = next(
        c
        for c in icebreaker.root.iter(f"{{{NS['x']}}}select")
        if c.get("ref") == icebreaker.path("valda_fragor")
    )
    assert control is not None  # a checklist is a select_multiple
    dodsfallan = converted(export("dodsfallan", tmp_path))
    info = next(i for i in load_form("dodsfallan").items() if i.kind == "info")
    assert dodsfallan.bind(info.id).get("readonly") == "true()"  # a note
    assert dodsfallan.label(SV, info.id) == info.text.sv


@pytest.mark.skipif(
    JAVA is None, reason="ODK Validate needs Java (apt-get install default-jre-headless)"
)
@pytest.mark.parametrize("form_id", ["kartlaggning", "samverkansplan"])
def test_odk_validate_accepts(form_id: str, tmp_path: Path) -> None:
    converted(export(form_id, tmp_path), validate=True)


@pytest.mark.slow
@pytest.mark.skipif(
    JAVA is None, reason="ODK Validate needs Java (apt-get install default-jre-headless)"
)
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_odk_validate_accepts_every_form(form_id: str, tmp_path: Path) -> None:
    converted(export(form_id, tmp_path), validate=True)


def test_the_command_writes_the_three_sheets(tmp_path: Path, capsys) -> None:
    out = tmp_path / "kartlaggning.xlsx"
    assert cli.main(["xlsform", "kartlaggning", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["survey", "choices", "settings"]
    header = [c.value for c in workbook["survey"][1]]
    assert {"type", "name", f"label::{SV}", f"label::{EN}", "required"} <= set(header)
    settings = [[c.value for c in row] for row in workbook["settings"].iter_rows()]
    assert dict(zip(*settings))["form_id"] == "kartlaggning"
    assert dict(zip(*settings))["default_language"] == SV


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["xlsform", "nope"], "FORM_001"),
        (["xlsform", "redo", "--out", "redo.xls"], "XLSFORM_002"),
        (["xlsform", "redo", "--out", "no/such/folder/redo.xlsx"], "XLSFORM_001"),
    ],
    ids=["unknown-form", "not-xlsx", "cannot-write"],
)
def test_the_command_refuses_with_a_code(args, code, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(args) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"[{code}]" in err and "Traceback" not in err
