"""What the golden cases cannot say: the scorers' data agree with their forms,
the quadrant boundaries, shared actor tables, and the purity of the scorers."""

from __future__ import annotations

import ast

import pytest
from pydantic import ValidationError

from scoring import aktorsanalys, kartlaggning, samverkansnivaer
from stadforstad import errors
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form, parse_form
from stadforstad.errors import AnswerError, FormFileError
from stadforstad.instruments.registry import INSTRUMENTS
from tests.helpers import ROOT

ASSESSMENTS = ("kartlaggning", "utvecklingsnivaer", "samverkansnivaer", "aktorsanalys")


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


UTVECKLINGSNIVAER = [
    "Den reaktiva mottagaren",
    "Den förberedda krishanteraren",
    "Den holistiska lagspelaren",
    "Processägaren",
    "Förebilden",
]


def test_utvecklingsnivaer_both_items_show_the_five_levels_described() -> None:
    form = load_form("utvecklingsnivaer")
    for item_id in ("niva_idag", "niva_onskad"):
        levels = form.item(item_id).levels
        assert [level.value for level in levels] == [1, 2, 3, 4, 5]
        assert [level.label.sv for level in levels] == UTVECKLINGSNIVAER
        assert all(
            level.description and level.description.sv.startswith("På denna") for level in levels
        )


@pytest.mark.parametrize("value", [0, 6, "sex"])
def test_utvecklingsnivaer_rejects_a_level_outside_1_to_5(value) -> None:
    form = load_form("utvecklingsnivaer")
    with pytest.raises(AnswerError) as caught:
        check_answers(form, {"niva_idag": value, "niva_onskad": 3}, coerce=True)
    assert caught.value.problems[0].item == "niva_idag"
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
    problem = caught.value.problems[0]
    assert (problem.item, problem.row, problem.column) == ("aktorer", 1, "aktor")
    assert errors.place_text(problem) == "aktorer[rad 1]/aktor"


@pytest.mark.parametrize("influence", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("support", [1, 2, 3, 4, 5])
def test_aktorsanalys_quadrant_of_every_rating_pair(influence: int, support: int) -> None:
    expected = {
        (True, False): "satsa_mer",
        (True, True): "nyckelaktorer",
        (False, True): "hall_informerade",
        (False, False): "bevaka",
    }[(influence > 3, support > 3)]  # above the middle (3) is high
    assert aktorsanalys.quadrant(influence, support) == expected


@pytest.mark.parametrize(
    ("influence", "support", "expected"),
    [
        (3.01, 3.0, "satsa_mer"),  # group means: just above the middle (3) is high
        (3.0, 3.01, "hall_informerade"),
        (3.01, 3.01, "nyckelaktorer"),
        (3.0, 3.0, "bevaka"),  # the middle itself is not high
        (None, 4, None),
        (4, None, None),
        (None, None, None),
    ],
)
def test_aktorsanalys_quadrant_boundaries_and_missing(influence, support, expected) -> None:
    assert aktorsanalys.quadrant(influence, support) == expected


def test_aktorsanalys_every_quadrant_is_named_in_both_languages() -> None:
    assert set(aktorsanalys.QUADRANT_LABELS) == set(aktorsanalys.QUADRANTS)
    assert aktorsanalys.QUADRANT_LABELS["satsa_mer"]["sv"] == "Satsa mer"
    assert all(set(names) == {"sv", "en"} for names in aktorsanalys.QUADRANT_LABELS.values())


def test_aktorsanalys_table_is_the_handbooks() -> None:
    table = load_form("aktorsanalys").item(aktorsanalys.TABLE)
    assert [c.id for c in table.columns] == [
        "aktor",
        "paverkansgrad",
        "stod",
        "anledning",
        "insats",
        "resultat",
        "kontaktperson",
        "kommentar",
        # the handbook's second aim, after its own columns
        aktorsanalys.HARD_TO_REACH,
    ]
    for column_id in (aktorsanalys.INFLUENCE, aktorsanalys.SUPPORT):
        column = next(c for c in table.columns if c.id == column_id)
        assert (column.kind, column.min, column.max) == ("scale", 1, 5)


SHARED_ACTORS = [("samverkansnivaer", "aktorsanalys"), ("aktorsanalys", "samverkansnivaer")]


@pytest.mark.parametrize(("form_id", "source_id"), SHARED_ACTORS)
def test_actor_tables_share_their_rows(form_id: str, source_id: str) -> None:
    table = load_form(form_id).item("aktorer")
    link = table.rows_from
    assert link is not None and link.form == source_id
    source = load_form(link.form).item(link.item)
    assert source.kind == "table"
    assert link.column in {c.id for c in source.columns}
    assert link.to_column == table.columns[0].id  # "the first column of new rows"


def test_every_rows_from_points_at_a_real_table_column() -> None:
    from stadforstad.catalog import list_forms

    for form in list_forms():
        for item in form.items():
            link = getattr(item, "rows_from", None)
            if link is None:
                continue
            source = load_form(link.form).item(link.item)
            assert source.kind == "table", f"{form.id}/{item.id}"
            assert link.column in {c.id for c in source.columns}, f"{form.id}/{item.id}"


_TABLE_FORM = """
id: t
version: 1
step: 3
title: {{sv: T}}
source: {{heading: T}}
sections:
  - id: s
    items:
      - kind: table
        id: aktorer
        label: {{sv: Aktörer}}
        rows_from: {rows_from}
        columns:
          - {{id: aktor, kind: text, label: {{sv: Aktör}}}}
"""


@pytest.mark.parametrize(
    "rows_from",
    [
        "{form: aktorsanalys, item: aktorer, column: aktor, to_column: namn}",  # no such column here
        "{form: aktorsanalys, item: aktorer, column: aktor}",  # to_column missing
        "{form: aktorsanalys, item: aktorer, column: aktor, to_column: aktor, x: 1}",  # extra
        "{form: Aktörsanalys, item: aktorer, column: aktor, to_column: aktor}",  # not an id
    ],
)
def test_rows_from_is_checked_by_the_schema(rows_from: str) -> None:
    with pytest.raises(FormFileError) as caught:
        parse_form(_TABLE_FORM.format(rows_from=rows_from))
    assert caught.value.codes == [errors.FORM_INVALID]
    assert caught.value.problems[0].where.startswith("sections[s]/items[aktorer]")


def test_rows_from_accepts_a_valid_link() -> None:
    form = parse_form(
        _TABLE_FORM.format(
            rows_from="{form: aktorsanalys, item: aktorer, column: aktor, to_column: aktor}"
        )
    )
    assert form.item("aktorer").rows_from.to_column == "aktor"


def test_rows_from_is_frozen() -> None:
    link = load_form("aktorsanalys").item("aktorer").rows_from
    with pytest.raises(ValidationError):
        link.form = "other"


@pytest.mark.parametrize("form_id", ASSESSMENTS)
def test_assessment_is_registered(form_id: str) -> None:
    form = load_form(form_id)
    assert form.scoring == form_id
    assert INSTRUMENTS[form_id].scored


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
