"""The comparison page's charts: each chart's Vega-Lite spec is made once per distinct
input (``stadforstad.ui.compare_parts.chart_spec``) and sends exactly what
``st.altair_chart`` of the same chart sends; without Streamlit's converter the page
draws with ``st.altair_chart`` itself. (Whether Streamlit still has the converter:
``tests/instruments/test_chart_spec.py``.)"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import compare_charts
from stadforstad.settings import get_settings
from stadforstad.ui import compare_parts
from tests.helpers import ROOT

PAGE = str(ROOT / "pages" / "compare.py")
VIEWS = ("redo", "forandring", "arenden", "samverkan", "indikatorer", "framsteg")


@pytest.fixture
def page(demo_url, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", demo_url)
    get_settings.cache_clear()
    compare_parts._cached_spec.clear()
    yield lambda: AppTest.from_file(PAGE, default_timeout=60)
    compare_parts._cached_spec.clear()
    get_settings.cache_clear()


def _sent(at) -> list[tuple]:
    return [
        (
            json.loads(c.proto.spec),
            [(d.name, d.data.data) for d in c.proto.datasets],
            c.proto.use_container_width,
            c.proto.theme,
            c.proto.alt,
            c.proto.SerializeToString(deterministic=True),
        )
        for c in at.get("vega_lite_chart")
    ]


def _every_view(at) -> list[list[tuple]]:
    at.run()
    assert not at.exception, at.exception
    sent = [_sent(at)]
    for view in VIEWS[1:]:
        at.radio(key="compare.view").set_value(view).run()
        assert not at.exception, (view, at.exception)
        sent.append(_sent(at))
    return sent


def test_every_view_sends_what_st_altair_chart_sends(page, monkeypatch) -> None:
    reused = _every_view(page())
    assert all(reused) and len(reused[0]) == 2
    monkeypatch.setattr(compare_parts, "spec_converter", lambda: None)
    assert _every_view(page()) == reused  # the fallback: st.altair_chart itself


def test_a_chart_is_built_once_per_distinct_input(page, monkeypatch) -> None:
    built = []
    original = compare_charts.readiness_heatmap

    def counted(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(compare_charts, "readiness_heatmap", counted)
    first = page().run()
    assert not first.exception, first.exception
    assert len(built) == 1
    again = page().run()  # another session, same data, same choices
    assert _sent(again) == _sent(first) and len(built) == 1
    again.selectbox(key="compare.order").set_value("high").run()  # another order
    assert not again.exception and len(built) == 2
    assert _sent(again) != _sent(first)
    again.selectbox(key="compare.order").set_value("name").run()
    assert _sent(again) == _sent(first) and len(built) == 2
