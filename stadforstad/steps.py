"""The seven steps of the method (and step 0), with the handbook's "VAD SOM KRÄVS"."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field

from stadforstad.catalog import load_yaml
from stadforstad.schema import Model, Text

STEPS_FILE = Path(__file__).resolve().parent / "data" / "steps.yaml"


class Step(Model):
    number: int = Field(ge=0, le=7)
    #: Utforska, Utrusta, Utföra (step 0 stands before the phases: None).
    phase: Text | None = None
    title: Text
    #: VAD SOM KRÄVS: ARBETE, VEM, FÖRVÄNTAT RESULTAT – quoted from the handbook.
    work: list[Text] = Field(min_length=1)
    who: list[Text] = Field(min_length=1)
    result: list[Text] = Field(min_length=1)
    summary: Text | None = None
    page: int | None = None


class Steps(Model):
    steps: list[Step] = Field(min_length=8, max_length=8)


@functools.cache
def load_steps(path: Path = STEPS_FILE) -> tuple[Step, ...]:
    data = load_yaml(path.read_text(encoding="utf-8"))
    return tuple(Steps.model_validate(data).steps)
