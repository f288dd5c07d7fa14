"""What the golden cases cannot say: the scorers' data agree with their forms,
the quadrant boundaries, shared actor tables, and the purity of the scorers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scoring import SCORERS, SUMMARIES, kartlaggning
from stadforstad.catalog import load_form

ROOT = Path(__file__).resolve().parent.parent
ASSESSMENTS = ("kartlaggning",)


def test_kartlaggning_categories_match_the_form_sections() -> None:
    form = load_form("kartlaggning")
    from_form = {
        section.id: tuple(item.id for item in section.items if item.kind == "scale")
        for section in form.sections
        if any(item.kind == "scale" for item in section.items)
    }
    assert from_form == kartlaggning.CATEGORIES
    assert list(from_form) == list(kartlaggning.CATEGORIES)  # the handbook's order
    assert sum(len(ids) for ids in from_form.values()) == 12


def test_kartlaggning_scales_run_from_aldrig_to_mycket_ofta() -> None:
    form = load_form("kartlaggning")
    scales = [item for item in form.items() if item.kind == "scale"]
    assert len(scales) == 12
    for item in scales:
        assert (item.min, item.max) == (1, 5)
        assert item.min_label.sv == "aldrig" and item.max_label.sv == "mycket ofta"
    assert form.shareable is True


@pytest.mark.parametrize("form_id", ASSESSMENTS)
def test_assessment_is_registered(form_id: str) -> None:
    form = load_form(form_id)
    assert form.scoring == form_id
    assert form_id in SCORERS and form_id in SUMMARIES


@pytest.mark.parametrize("form_id", ASSESSMENTS)
def test_scorer_imports_neither_streamlit_nor_sqlalchemy(form_id: str) -> None:
    tree = ast.parse((ROOT / "scoring" / f"{form_id}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & {"streamlit", "sqlalchemy"}
