"""The result charts are built once per distinct (form, result, language) and reused:
the reused chart draws exactly what a freshly built one does."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from scoring import SCORERS, SUMMARIES
from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.charts import CHARTS
from stadforstad.ui import results
from stadforstad.ui.results import cached_chart

REDO = {
    "behov": 3,
    "politisk_vilja": 4,
    "organisatorisk_vilja": 2,
    "deltagarnas_vilja": 5,
    "perioden": 3,
    "tid_resurser": 1,
    "hallbarhet": 4,
}


def _redo(**changes):
    form = load_form("redo")
    return form, SCORERS["redo"](form, {**REDO, **changes})


def test_same_result_reuses_the_chart() -> None:
    form, result = _redo()
    again = SCORERS["redo"](form, dict(REDO))  # an equal result, another object
    assert cached_chart(0, form, result, "sv") is cached_chart(0, form, again, "sv")


def test_a_different_result_language_or_form_gets_its_own_chart() -> None:
    form, result = _redo()
    chart = cached_chart(0, form, result, "sv")
    assert cached_chart(0, form, _redo(behov=4)[1], "sv") is not chart
    assert cached_chart(0, form, result, "en") is not chart
    assert cached_chart(0, form.model_copy(), result, "sv") is not chart


def test_the_cached_chart_is_the_chart_that_would_be_built() -> None:
    form, result = _redo(hallbarhet=1)
    for lang in ("sv", "en"):
        cached = cached_chart(0, form, result, lang)
        assert cached.to_dict() == CHARTS["redo"][0](form, result, lang).to_dict()
    group = SUMMARIES["redo"](
        form,
        [Rated(respondent="A", answers=REDO), Rated(respondent="B", answers={**REDO, "behov": 1})],
    )
    assert (
        cached_chart(1, form, group, "sv").to_dict()
        == CHARTS["redo"][1](form, group, "sv").to_dict()
    )


def test_the_cache_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(results, "CHART_CACHE_SIZE", 2)
    form = load_form("redo")
    for value in (1, 2, 3, 4):
        cached_chart(0, form, _redo(behov=value)[1], "sv")
    assert len(results._charts) == 2


def _draw_twice() -> None:
    from scoring import SCORERS
    from stadforstad.catalog import load_form
    from stadforstad.ui.results import show_result

    form = load_form("redo")
    answers = {
        "behov": 2,
        "politisk_vilja": 4,
        "organisatorisk_vilja": 2,
        "deltagarnas_vilja": 5,
        "perioden": 3,
        "tid_resurser": 1,
        "hallbarhet": 4,
    }
    show_result(form, SCORERS["redo"](form, answers), "sv")
    show_result(form, SCORERS["redo"](form, answers), "sv")


def _charts_sent(at) -> list[tuple]:
    return [
        (json.loads(c.proto.spec), [(d.name, d.data.data) for d in c.proto.datasets])
        for c in at.get("vega_lite_chart")
    ]


def test_drawing_a_reused_chart_sends_the_same_chart() -> None:
    """``st.altair_chart`` leaves the chart as it was: drawn again (same run, next run)
    it sends the same spec and data."""
    at = AppTest.from_function(_draw_twice, default_timeout=60).run()
    assert not at.exception
    first = _charts_sent(at)
    assert len(first) == 2 and first[0] == first[1]
    assert _charts_sent(at.run()) == first
