"""Charts are converted to Vega-Lite once per distinct chart and drawn from that spec.

The conversion is Streamlit's own private ``_convert_altair_to_vega_lite_spec`` (it
holds Streamlit's lock over altair's global settings, so sessions never race). If a
Streamlit release removes or changes it, the first test here fails loudly; the page
then falls back to ``st.altair_chart`` (tested below), correct but slower.
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from scoring import redo
from stadforstad.catalog import load_form
from stadforstad.instruments.redo import REDO
from stadforstad.ui import blocks as ui_blocks

ANSWERS = {
    "behov": 2,
    "politisk_vilja": 4,
    "organisatorisk_vilja": 2,
    "deltagarnas_vilja": 5,
    "perioden": 3,
    "tid_resurser": 1,
    "hallbarhet": 4,
}


def _chart(lang: str = "sv", **changes):
    form = load_form("redo")
    result = redo.score(form, {**ANSWERS, **changes})
    return REDO.charts[0].block(form, result, lang)


def test_streamlit_still_has_the_converter_this_app_reuses() -> None:
    from streamlit.elements import vega_charts

    assert callable(getattr(vega_charts, "_convert_altair_to_vega_lite_spec", None)), (
        "Streamlit no longer has vega_charts._convert_altair_to_vega_lite_spec: charts fall "
        "back to st.altair_chart on every rerun. Restore the spec reuse in "
        "stadforstad/ui/blocks.py for this Streamlit version."
    )
    assert isinstance(getattr(vega_charts, "_altair_globals_lock", None), type(_lock())), (
        "Streamlit's lock over altair's global theme is gone: check that the converter "
        "still guards altair's globals before trusting it across sessions."
    )
    assert ui_blocks.spec_converter() is not None


def _lock():
    import threading

    return threading.Lock()


def test_an_equal_chart_reuses_the_spec_and_a_different_one_does_not() -> None:
    first = ui_blocks.chart_spec(_chart())
    assert first is not None
    assert ui_blocks.chart_spec(_chart()) is first  # another result object, equal
    assert ui_blocks.chart_spec(_chart(behov=5)) is not first
    assert ui_blocks.chart_spec(_chart("en")) is not first


def _draw_both_ways() -> None:
    import streamlit as st

    from scoring import redo
    from stadforstad.catalog import load_form
    from stadforstad.instruments.redo import REDO
    from stadforstad.ui.blocks import show_blocks

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
    block = REDO.charts[0].block(form, redo.score(form, answers), "sv")
    show_blocks([block], under=1)  # from the reused spec
    st.altair_chart(block.build(), width="content")  # what Streamlit itself sends


def _sent(at) -> list[tuple]:
    return [
        (
            json.loads(c.proto.spec),
            [(d.name, d.data.data) for d in c.proto.datasets],
            c.proto.use_container_width,
            c.proto.theme,
        )
        for c in at.get("vega_lite_chart")
    ]


def test_the_reused_spec_sends_exactly_what_st_altair_chart_sends() -> None:
    at = AppTest.from_function(_draw_both_ways, default_timeout=60).run()
    assert not at.exception, at.exception
    reused, direct = _sent(at)
    assert reused == direct
    assert _sent(at.run()) == [reused, direct]  # and again on the next rerun


def test_without_the_converter_charts_are_drawn_directly(monkeypatch) -> None:
    at = AppTest.from_function(_draw_both_ways, default_timeout=60)
    monkeypatch.setattr(ui_blocks, "spec_converter", lambda: None)
    at.run()
    assert not at.exception, at.exception
    fallback, direct = _sent(at)
    assert fallback == direct
