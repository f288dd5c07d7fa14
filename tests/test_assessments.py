"""What the golden cases cannot say: the scorers' data agree with their forms,
the quadrant boundaries, shared actor tables, and the purity of the scorers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scoring import SCORERS, SUMMARIES, kartlaggning, samverkansnivaer
from stadforstad import errors
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.errors import AnswerError

ROOT = Path(__file__).resolve().parent.parent
ASSESSMENTS = ("kartlaggning", "utvecklingsnivaer", "samverkansnivaer")


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


UTVECKLINGSNIVAER = ["Den reaktiva mottagaren", "Den förberedda krishanteraren",
                     "Den holistiska lagspelaren", "Processägaren", "Förebilden"]


def test_utvecklingsnivaer_both_items_show_the_five_levels_described() -> None:
    form = load_form("utvecklingsnivaer")
    for item_id in ("niva_idag", "niva_onskad"):
        levels = form.item(item_id).levels
        assert [level.value for level in levels] == [1, 2, 3, 4, 5]
        assert [level.label.sv for level in levels] == UTVECKLINGSNIVAER
        assert all(level.description and level.description.sv.startswith("På denna")
                   for level in levels)


@pytest.mark.parametrize("value", [0, 6, "sex"])
def test_utvecklingsnivaer_rejects_a_level_outside_1_to_5(value) -> None:
    form = load_form("utvecklingsnivaer")
    with pytest.raises(AnswerError) as caught:
        check_answers(form, {"niva_idag": value, "niva_onskad": 3}, coerce=True)
    assert caught.value.problems[0].where == "niva_idag"
    assert caught.value.code in (errors.ANSWER_OUT_OF_RANGE, errors.ANSWER_NOT_A_NUMBER)


def test_samverkansnivaer_levels_are_the_form_options_in_order() -> None:
    table = load_form("samverkansnivaer").item(samverkansnivaer.TABLE)
    columns = {c.id: c for c in table.columns}
    for column_id in samverkansnivaer.DIMENSIONS.values():
        options = columns[column_id].options
        assert tuple(o.value for o in options) == samverkansnivaer.LEVELS
        assert all(o.help is not None for o in options)  # each level with its definition
    assert table.columns[0].id == "aktor" and table.columns[0].required


def test_samverkansnivaer_needs_an_actor_name_on_each_row() -> None:
    form = load_form("samverkansnivaer")
    with pytest.raises(AnswerError) as caught:
        check_answers(form, {"aktorer": [{"niva_idag": "natverkande"}]})
    assert caught.value.codes == [errors.ANSWER_REQUIRED]
    assert caught.value.problems[0].where == "aktorer[rad 1]/aktor"


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
