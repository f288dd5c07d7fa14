"""The workshop-note forms (scoring: null) and the steps file load and are in Swedish."""

from pathlib import Path

import pytest
from pydantic import BaseModel

from stadforstad.catalog import FORMS_DIR, load_form_file
from stadforstad.schema import Text
from stadforstad.steps import load_steps

NOTE_FORMS = [
    "staden",
    "icebreaker",
    "organisation",
    "modig_miljo",
    "scenarier",
    "dodsfallan",
    "malgrupp_kontaktyta",
    "eskortsidor",
    "kartlaggningsplan",
    "aktorsperspektiv",
    "reflektion_1_3",
    "kunskapsbank",
    "motivation_kommunikation",
    "samordningsfunktion",
    "natverksroll",
    "event",
    "reflektion_4_5",
    "utgangspunkt",
    "swot",
    "reflektion_6",
    "arenderutin",
    "reflektion_7",
]

SENSITIVE = {"eskortsidor", "statistik"}


def _texts(node):
    """Every Text inside a model, recursively."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, (list, tuple)):
        for element in node:
            yield from _texts(element)
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))


@pytest.mark.parametrize("form_id", NOTE_FORMS)
def test_note_form_loads(form_id: str) -> None:
    path = Path(FORMS_DIR) / f"{form_id}.yaml"
    form = load_form_file(path)
    assert form.id == path.stem == form_id
    assert form.scoring is None
    assert form.sensitive == (form_id in SENSITIVE)
    assert form.answerable(), "a form needs at least one question"
    texts = list(_texts(form))
    assert texts
    for text in texts:
        assert text.sv.strip()


def test_steps_numbered_0_to_7() -> None:
    steps = load_steps()
    assert [step.number for step in steps] == list(range(8))
    assert steps[0].phase is None
    phases = {step.number: step.phase.sv for step in steps[1:]}
    assert phases == {
        1: "Utforska",
        2: "Utforska",
        3: "Utforska",
        4: "Utrusta",
        5: "Utrusta",
        6: "Utföra",
        7: "Utföra",
    }
    for step in steps:
        assert step.work and step.who and step.result and step.summary and step.page


def test_note_forms_are_exactly_the_forms_without_a_scorer() -> None:
    """The list above is every form whose file says ``scoring: null`` (a form that gets a
    scorer leaves it, with golden cases of its own)."""
    unscored = {
        path.stem for path in Path(FORMS_DIR).glob("*.yaml") if load_form_file(path).scoring is None
    }
    assert unscored == set(NOTE_FORMS)
