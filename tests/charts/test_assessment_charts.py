"""Charts of the four assessments: every golden case draws in both languages, and the
data sent to the browser is the aggregated picture (one row per mark)."""

from __future__ import annotations

import pytest
import yaml

from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.instruments.registry import INSTRUMENTS
from tests.helpers.chart_cases import (
    CASES_DIR,
    _result,
)

FORMS = ("kartlaggning", "utvecklingsnivaer", "samverkansnivaer", "aktorsanalys")


def _cases():
    for form_id in FORMS:
        for case in yaml.safe_load((CASES_DIR / f"{form_id}.yaml").read_text(encoding="utf-8")):
            yield pytest.param(form_id, case, id=f"{form_id}:{case['id']}")


def _rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _score(form_id: str, answers: dict):
    form = load_form(form_id)
    return form, INSTRUMENTS[form_id].score(
        form, check_answers(form, answers, partial=True, coerce=True)
    )


def chart_fn(form_id: str, which: int):
    """The chart function of one response (0) or of a group (1)."""
    instrument = INSTRUMENTS[form_id]
    return (instrument.charts if which == 0 else instrument.group_charts)[0].ref.load()


def test_every_scored_instrument_has_both_charts() -> None:
    for instrument in INSTRUMENTS.values():
        if instrument.scored:
            assert instrument.charts and instrument.group_charts, instrument.form_id


@pytest.mark.parametrize(("form_id", "case"), list(_cases()))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_golden_case_draws(form_id: str, case: dict, lang: str) -> None:
    form, result, which = _result(form_id, case)
    spec = chart_fn(form_id, which)(form, result, lang).to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_aktorsanalys_map_places_three_actors_and_names_the_quadrants() -> None:
    form, result = _score(
        "aktorsanalys",
        {
            "aktorer": [
                {"aktor": "Polisen", "paverkansgrad": 5, "stod": 4},
                {"aktor": "Hotellet", "paverkansgrad": 4, "stod": 1},
                {"aktor": "Föreningen", "paverkansgrad": 2, "stod": 5},
            ]
        },
    )
    rows = _rows(chart_fn("aktorsanalys", 0)(form, result, "sv").to_dict())
    placed = {
        r["aktörer"]: (r["stöd"], r["påverkan"], r["kvadrant"]) for r in rows if "aktörer" in r
    }
    assert placed == {
        "Polisen": (4, 5, "Nyckelaktörer – håll nära"),
        "Hotellet": (1, 4, "Satsa mer"),
        "Föreningen": (5, 2, "Håll informerade"),
    }
    corners = {r["namn"] for r in rows if "namn" in r}
    assert corners == {"Satsa mer", "Nyckelaktörer – håll nära", "Håll informerade", "Bevaka"}


def test_aktorsanalys_map_joins_actors_at_the_same_place_and_leaves_out_incomplete() -> None:
    form, result = _score(
        "aktorsanalys",
        {
            "aktorer": [
                {"aktor": "A", "paverkansgrad": 4, "stod": 4},
                {"aktor": "B", "paverkansgrad": 4, "stod": 4},
                {"aktor": "C", "paverkansgrad": 4},
            ]
        },
    )
    chart = chart_fn("aktorsanalys", 0)(form, result, "sv")
    rows = [r for r in _rows(chart.to_dict()) if "aktörer" in r]
    assert rows == [
        {
            "stöd": 4,
            "påverkan": 4,
            "kvadrant": "Nyckelaktörer – håll nära",
            "aktörer": "A, B",
            "nr": "1",
        }
    ]
    assert "1 utan båda siffrorna" in str(chart.to_dict())


def test_kartlaggning_chart_has_a_bar_per_category_with_a_mean() -> None:
    form, result = _score(
        "kartlaggning", {"aktor": "X", "generell_1": 4, "sexuell_1": 2, "sexuell_2": 3}
    )
    rows = _rows(chart_fn("kartlaggning", 0)(form, result, "sv").to_dict())
    assert [(r["kategori"], r["genomsnitt"], r["besvarade"]) for r in rows] == [
        ("Generella indikatorer för människohandel", 4.0, "1/2"),
        ("Indikatorer sexuell exploatering", 2.5, "2/2"),
    ]


def test_samverkansnivaer_chart_leaves_out_actors_without_a_gap() -> None:
    form, result = _score(
        "samverkansnivaer",
        {
            "aktorer": [
                {"aktor": "Polisen", "niva_idag": "natverkande", "niva_onskad": "samverkan"},
                {"aktor": "Taxi", "niva_idag": "ingen_kontakt"},
            ]
        },
    )
    spec = chart_fn("samverkansnivaer", 0)(form, result, "sv").to_dict()
    assert [(r["aktör"], r["idag"], r["önskad"]) for r in _rows(spec)] == [("Polisen", 1, 4)]
    assert "Ingen kontakt än" in str(spec)  # the axis speaks the level names


def test_utvecklingsnivaer_chart_with_one_level_missing_still_draws() -> None:
    form, result = _score("utvecklingsnivaer", {"niva_idag": 2})
    spec = chart_fn("utvecklingsnivaer", 0)(form, result, "sv").to_dict()
    assert [(r["idag"], r["önskad"]) for r in _rows(spec)] == [(2, 2)]
    assert "Den förberedda krishanteraren" in str(spec)
