"""The form files and the schema: every form loads, the JSON schema is current, broken
files stop with a code that names the file and the item path."""

from __future__ import annotations

from pathlib import Path

import pytest

from stadforstad import errors
from stadforstad.catalog import FORMS_DIR, form_paths, list_forms, load_form, load_form_file
from stadforstad.errors import FormFileError
from stadforstad.schema import ITEM_KINDS, SCHEMA_FILE, form_json_schema
from tests.helpers import ROOT

BROKEN = ROOT / "tests" / "fixtures" / "broken"


@pytest.mark.parametrize("path", form_paths(), ids=lambda p: p.stem)
def test_every_form_file_validates(path: Path) -> None:
    form = load_form_file(path)
    assert form.id == path.stem
    assert form.answerable(), "a form must ask something"


def test_step_0_forms_are_all_there() -> None:
    step_0 = [f.id for f in list_forms() if f.step == 0]
    assert step_0 == ["engagemang", "riktning", "rekrytering", "staden", "redo"]


def test_the_forms_use_every_item_kind() -> None:
    used = {item.kind for form in list_forms() for item in form.items()}
    assert used == set(ITEM_KINDS)


def test_json_schema_file_is_current() -> None:
    on_disk = (FORMS_DIR / SCHEMA_FILE).read_text(encoding="utf-8")
    assert on_disk == form_json_schema(), (
        "forms/form.schema.json is stale: run `uv run python -m stadforstad.schema`"
    )


def test_unknown_form_id_has_a_code() -> None:
    with pytest.raises(FormFileError) as caught:
        load_form("no_such_form")
    assert caught.value.code == errors.FORM_NOT_FOUND


@pytest.mark.parametrize(
    ("fixture", "code", "where"),
    [
        ("bad_yaml", errors.FORM_BAD_YAML, "line "),
        ("not_mapping", errors.FORM_NOT_MAPPING, ""),
        ("unknown_kind", errors.FORM_UNKNOWN_KIND, "sections[s]/items[bad_item]"),
        ("duplicate_id", errors.FORM_DUPLICATE_ID, ""),
        ("scale_range", errors.FORM_BAD_RANGE, "sections[s]/items[upside_down]"),
        (
            "missing_swedish",
            errors.FORM_MISSING_SWEDISH,
            "sections[s]/items[only_english]/label/sv",
        ),
        ("blank_swedish", errors.FORM_MISSING_SWEDISH, "sections[s]/items[blank]/label/sv"),
        ("unknown_field", errors.FORM_INVALID, "colour"),
        ("id_mismatch", errors.FORM_ID_MISMATCH, "id"),
        ("unknown_scorer", errors.FORM_UNKNOWN_SCORER, "scoring"),
        ("table_no_options", errors.FORM_INVALID, "sections[s]/items[actors]/columns[who]"),
    ],
)
def test_broken_form_file_names_file_path_and_code(fixture: str, code: str, where: str) -> None:
    path = BROKEN / f"{fixture}.yaml"
    with pytest.raises(FormFileError) as caught:
        load_form_file(path)
    error = caught.value
    assert code in error.codes, str(error)
    assert error.file == str(path)
    problem = next(p for p in error.problems if p.code == code)
    assert problem.where.startswith(where), problem.where
    assert str(path) in str(error)
