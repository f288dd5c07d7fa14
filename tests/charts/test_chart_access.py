"""Charts anyone can read (WCAG 1.1.1 and 1.4.1): every chart of every scored
instrument, for one response and for a group, in both languages, has a text
alternative with the same figures, and no meaning is carried by colour alone – a field
drawn as colour is also drawn another way (position, shape, dash, or words) in the
same chart."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.instruments.blocks import Chart, Paragraph, Table
from stadforstad.instruments.registry import INSTRUMENTS
from tests.helpers import ROOT

CASES = ROOT / "tests" / "cases"
#: Channels that show a value without colour.
OTHER_CHANNELS = ("x", "y", "xOffset", "yOffset", "shape", "strokeDash", "row", "column", "text")
#: Colour fields whose meaning a text layer writes out under another field's name:
#: rekrytering writes "0 – saknas" (missing) beside an empty type's bar.
SAID_IN_WORDS = {"täckt": "text"}


def _cases(form_id: str) -> list[dict]:
    return [
        c
        for c in yaml.safe_load((CASES / f"{form_id}.yaml").read_text(encoding="utf-8"))
        if "answers" in c
    ]


def charts() -> Iterator[Any]:
    for path in sorted(CASES.glob("*.yaml")):
        form_id = path.stem
        form, instrument = load_form(form_id), INSTRUMENTS[form_id]
        cases = _cases(form_id)
        answers = [check_answers(form, c["answers"], partial=True, coerce=True) for c in cases]
        # The fullest case, so that every chart has something to draw; last in the group
        # too (a plan's group chart is its latest plan).
        answers.sort(key=lambda a: len(str(a)))
        one = instrument.score(form, answers[-1])
        group = instrument.summarize(
            form, [Rated(respondent=f"Deltagare {n}", answers=a) for n, a in enumerate(answers)]
        )
        for lang in ("sv", "en"):
            for charted in instrument.charts:
                yield pytest.param(charted.block(form, one, lang), id=f"{form_id}-one-{lang}")
            for charted in instrument.group_charts:
                yield pytest.param(charted.block(form, group, lang), id=f"{form_id}-group-{lang}")


def _field(definition: Any) -> str | None:
    return definition.get("field") if isinstance(definition, dict) else None


def _colour_fields(spec: dict) -> list[tuple[str, str]]:
    colour = spec.get("encoding", {}).get("color")
    field = _field(colour)
    return [(field, colour.get("type", ""))] if field else []


def _channels(spec: dict) -> dict[str, str | None]:
    return {k: _field(v) for k, v in spec.get("encoding", {}).items()}


def uncovered(spec: Any, siblings: list[dict] | None = None) -> list[str]:
    """Colour fields of ``spec``'s marks not drawn any other way in their chart (a mark
    and the marks layered with it)."""
    found: list[str] = []
    if isinstance(spec, dict):
        if "layer" in spec:
            layers = [s for s in spec["layer"] if isinstance(s, dict)]
            for layer in layers:
                found += uncovered(layer, layers)
        elif "mark" in spec:
            group = siblings or [spec]
            for field, kind in _colour_fields(spec):
                drawn = [
                    (channel, of)
                    for layer in group
                    for channel, of in _channels(layer).items()
                    if channel in OTHER_CHANNELS
                ]
                said = SAID_IN_WORDS.get(field)
                same = any(of in (field, said) for _, of in drawn)
                # A colour scale of numbers is read from numbers written on the marks.
                numbers = kind == "quantitative" and any(c == "text" for c, _ in drawn)
                if not (same or numbers):
                    mark = spec["mark"]
                    kind_of = mark.get("type") if isinstance(mark, dict) else mark
                    found.append(f"{kind_of}: colour {field!r}")
        for key, value in spec.items():
            if key in ("vconcat", "hconcat", "concat"):
                for part in value:
                    found += uncovered(part)
    return found


@pytest.mark.parametrize("block", list(charts()))
def test_every_chart_has_a_text_alternative_with_figures(block: Chart) -> None:
    alternative = block.alternative
    if isinstance(alternative, Table):
        assert alternative.rows and alternative.columns
    else:
        assert isinstance(alternative, Paragraph) and any(ch.isdigit() for ch in alternative.text)


@pytest.mark.parametrize("block", list(charts()))
def test_colour_never_carries_meaning_alone(block: Chart) -> None:
    assert uncovered(block.build().to_dict()) == []


def test_the_check_finds_colour_alone() -> None:
    # A bar coloured by a field that nothing else shows is found; the same field also
    # on the y axis, or numbers written on a number-coloured mark, is not.
    alone = {"mark": "bar", "encoding": {"color": {"field": "redo", "type": "nominal"}}}
    assert uncovered(alone) == ["bar: colour 'redo'"]
    on_axis = {
        "mark": "bar",
        "encoding": {"color": {"field": "redo", "type": "nominal"}, "y": {"field": "redo"}},
    }
    assert uncovered({"vconcat": [on_axis]}) == []
    heat = {"mark": "rect", "encoding": {"color": {"field": "medel", "type": "quantitative"}}}
    words = {"mark": "text", "encoding": {"text": {"field": "visas"}}}
    assert uncovered({"layer": [heat, words]}) == []
    assert uncovered({"layer": [heat]}) == ["rect: colour 'medel'"]


def test_the_compilations_charts_never_carry_meaning_by_colour_alone() -> None:
    from stadforstad.compilation_charts import distribution_chart, heatmap_chart
    from tests.helpers.chart_cases import compiled_link_answers

    compiled = compiled_link_answers()
    for lang in ("sv", "en"):
        for chart in (heatmap_chart(compiled, lang), distribution_chart(compiled, lang)):
            spec = chart.to_dict()
            assert uncovered(spec) == []
            marks = [layer["mark"] for layer in spec["layer"]]
            kinds = [m["type"] if isinstance(m, dict) else m for m in marks]
            assert "text" in kinds, "numbers are written on the marks"
