"""Charts speak the reader's language (issue 15.2): every word a chart shows about its
data – its title, the axes' and legends' titles, and the title of every value in a
tooltip – is English when the chart is drawn in English.

Each chart the app makes is drawn twice from the same input, in Swedish and in
English, and compiled to Vega (what the browser runs), so the words are the ones
shown: a field without a title shows its own (Swedish) name. The two drawings name
the same things in the same order; a word the same in both languages must be one of
the few the two languages share.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import altair as alt
import pandas as pd
import pytest
import vl_convert
import yaml

from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.instruments.registry import get_instrument
from tests.helpers.chart_cases import CASES_DIR, _result, comparison_charts, compiled_link_answers

#: Words written alike in Swedish and English, and a blank title.
SHARED_WORDS = {"median", "min", "max", "Total", ""}
#: A key of the object a Vega tooltip shows: ``{"Titel": datum[...], ...}``.
TOOLTIP_KEY = re.compile(r'(?:^\{|, )"((?:[^"\\]|\\.)*)": ')

#: Builds a chart in a language.
Draw = Callable[[str], Any]


def shown_words(chart: alt.TopLevelMixin) -> list[str]:
    """The titles a chart shows (its own, its axes', legends' and headers'), and the
    title of each value its tooltips show, in the order Vega has them."""
    vega = vl_convert.vegalite_to_vega(chart.to_dict())
    found: list[str] = []

    def text(value: Any) -> str | None:
        if isinstance(value, dict):
            value = value.get("text")
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        return value if isinstance(value, str) else None  # a signal is data, not a title

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "data":
                    continue
                if key == "title" and (title := text(value)) is not None:
                    found.append(title.strip())
                elif key == "tooltip" and isinstance(value, dict) and "signal" in value:
                    found.extend(
                        json.loads(f'"{k}"').strip() for k in TOOLTIP_KEY.findall(value["signal"])
                    )
                walk(value)

    walk(vega)
    return found


def untranslated(draw: Draw) -> list[str]:
    """The words the chart shows the same in English as in Swedish, other than the few
    the languages share."""
    swedish, english = shown_words(draw("sv")), shown_words(draw("en"))
    assert len(swedish) == len(english), (swedish, english)
    return [sv for sv, en in zip(swedish, english) if sv == en and sv not in SHARED_WORDS]


def _assessment_charts() -> Iterator[Any]:
    """Every chart of every scored form, drawn from every golden case (``tests/cases``):
    one response, and a single answer also as a group of two."""
    for path in sorted(CASES_DIR.glob("*.yaml")):
        instrument = get_instrument(path.stem)
        if not instrument.charts:
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            form, result, kind = _result(path.stem, case)
            values = [(kind, result)]
            if kind == 0:
                rated = [
                    Rated(
                        respondent=name,
                        answers=check_answers(form, case["answers"], partial=True, coerce=True),
                    )
                    for name in ("Anna", "Bo")
                ]
                values.append((1, instrument.summarize(form, rated)))
            for kind, value in values:
                for n, charted in enumerate(
                    instrument.charts if kind == 0 else instrument.group_charts
                ):
                    yield pytest.param(
                        charted,
                        form,
                        value,
                        id=f"{path.stem}:{case['id']}:{('one', 'group')[kind]}:{n}",
                    )


@pytest.mark.parametrize(("charted", "form", "value"), list(_assessment_charts()))
def test_every_assessment_chart_speaks_english(charted, form, value) -> None:
    assert untranslated(lambda lang: charted.block(form, value, lang).build()) == []


def test_every_comparison_chart_speaks_english(demo_county) -> None:
    charts: dict[str, dict[str, Any]] = {}
    for lang in ("sv", "en"):
        for name, chart, _width in comparison_charts(demo_county, lang):
            charts.setdefault(name, {})[lang] = chart
    assert len(charts) == 7
    for name, drawn in charts.items():
        assert untranslated(drawn.get) == [], name


def test_the_empty_comparison_chart_speaks_english() -> None:
    from stadforstad.compare_charts import readiness_chart

    nobody = pd.DataFrame({"respondents": pd.Series([], dtype=int)})
    assert untranslated(lambda lang: readiness_chart(nobody, nobody, lang)) == []


@pytest.mark.parametrize("which", ["heatmap_chart", "distribution_chart"])
def test_the_compilations_charts_speak_english(which) -> None:
    from stadforstad import compilation_charts

    chart = getattr(compilation_charts, which)
    assert untranslated(lambda lang: chart(compiled_link_answers(lang), lang)) == []


def test_the_check_reads_every_kind_of_title() -> None:
    """What is found: a chart's title, an axis's and a legend's title, a tooltip's
    titles (a field without one shows its own name), and a facet's header title."""
    frame = pd.DataFrame({"fråga": ["a", "b"], "värde": [1, 2], "läge": ["x", "y"]})
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("värde:Q", title="Svar (1–5)"),
            y=alt.Y("fråga:N", title=None),
            color=alt.Color("läge:N", legend=alt.Legend(title="Läge")),
            tooltip=["fråga:N", alt.Tooltip("värde:Q", title="Värde")],
        )
        .properties(title="Varje fråga")
    )
    assert sorted(shown_words(chart)) == sorted(
        ["Varje fråga", "Svar (1–5)", "Läge", "fråga", "Värde"]
    )
    faceted = chart.facet(column=alt.Column("läge:N", title="Läget"))
    assert "Läget" in shown_words(faceted)
    # the same words in both languages are found, the shared ones are not
    assert sorted(untranslated(lambda lang: chart)) == sorted(
        ["Varje fråga", "Svar (1–5)", "Läge", "fråga", "Värde"]
    )
    median = (
        alt.Chart(frame)
        .mark_rule()
        .encode(x="värde:Q", tooltip=[alt.Tooltip("värde:Q", title="median")])
    )
    assert untranslated(lambda lang: median.encode(x=alt.X("värde:Q", title=lang))) == []
