"""Charts that can be read (issue 9.7): every label drawn whole, on a page 1280 px wide
and on paper, heights never squeezed, whole numbers where only whole numbers mean
something, one decimal mark per language.

Each chart is prepared exactly as Streamlit prepares it (``_prepare_vega_lite_spec``,
and the container's width set as the browser sets it for ``width="stretch"``), then
drawn to SVG by Vega itself (``vl-convert-python``), and the SVG is read.
"""

from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest
import vl_convert
from streamlit.elements.vega_charts import _prepare_vega_lite_spec

from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.compare_charts import indicator_heatmap, readiness_heatmap
from stadforstad.instruments.registry import get_instrument
from tests.helpers.chart_cases import comparison_charts

#: The left column beside the table on "Jämför" at 1280 px (3/5 of the main area: 450
#: px), a narrower one, and the whole width of a printed A4 page.
WIDTHS = [400, 450, 700]
TEXT = re.compile(r"<text(?P<attrs>[^>]*)>(?P<body>.*?)</text>", re.S)
TRANSLATE = re.compile(r"translate\((?P<x>[-\d.]+),(?P<y>[-\d.]+)\) rotate\((?P<angle>[-\d.]+)\)")
TOWNS = [f"Demo: {name}" for name in ("Bergholm", "Ekbacka", "Granlunda", "Lindås", "Åkerby")]
#: What Streamlit's own chart theme sets (its frontend, ``CustomTheme``): a label is cut
#: at 100 px and hidden when it overlaps another unless the chart says otherwise. It is
#: what hid 4 of 7 column labels of the heatmaps on "Jämför".
STREAMLIT_THEME = {
    "autosize": {"type": "fit", "contains": "padding"},
    "title": {"fontSize": 16, "offset": 26, "anchor": "start"},
    "axis": {
        "labelFontSize": 12,
        "titleFontSize": 14,
        "ticks": False,
        "domain": False,
        "labelFlush": True,
        "labelFlushOffset": 1,
        "labelBound": False,
        "labelLimit": 100,
        "labelPadding": 16,
        "labelSeparation": 4,
        "labelOverlap": True,
    },
    "legend": {"labelFontSize": 14, "titleFontSize": 14, "labelPadding": 16, "padding": 8},
    "view": {"strokeWidth": 0, "continuousHeight": 350, "continuousWidth": 400},
    "axisDiscrete": {"grid": False},
}
FONT = STREAMLIT_THEME["axis"]["labelFontSize"]


def chart_of(form_id: str, kind: int):
    """The first chart of a form's instrument: 0 of one response, 1 of a group."""
    instrument = get_instrument(form_id)
    charted = (instrument.charts if kind == 0 else instrument.group_charts)[0]
    return lambda form, value, lang: charted.block(form, value, lang).build()


def draw(chart, width: int | None = None) -> str:
    """The chart's SVG as the app shows it: ``width=None`` is ``width="content"``."""
    spec = _prepare_vega_lite_spec(chart.to_dict(), use_container_width=width is not None)
    if width is not None:
        spec["width"] = width
    spec["config"] = {**STREAMLIT_THEME, **spec.get("config", {})}
    return vl_convert.vegalite_to_svg(spec)


def texts(svg: str) -> list[tuple[str, str]]:
    """``(attributes, text)`` of every text drawn (multi-line labels joined by spaces)."""
    found = []
    for match in TEXT.finditer(svg):
        body = re.sub(r"<[^>]+>", " ", match["body"])
        body = " ".join(body.replace("&amp;", "&").split())
        found.append((match["attrs"], body))
    return found


def visible(svg: str) -> list[str]:
    return [body for attrs, body in texts(svg) if 'opacity="0"' not in attrs]


def svg_height(svg: str) -> float:
    return float(re.search(r'<svg[^>]*height="([\d.]+)"', svg).group(1))


def readiness_items() -> pd.DataFrame:
    form = load_form("redo")
    scales = [i for i in form.answerable() if i.kind == "scale"]
    return pd.DataFrame(
        [
            {
                "workspace_id": n,
                "workspace": town,
                "item_id": item.id,
                "item_label": item.label.sv,
                "mean": 3.3 + n / 10,
                "single": n == 0,
                "disagree": n == 1,
                "min": 1,
                "max": 5,
                "spread": 4,
                "n": 3,
            }
            for n, town in enumerate(TOWNS)
            for item in scales
        ]
    )


def indicator_means() -> pd.DataFrame:
    form = load_form("kartlaggning")
    categories = [s for s in form.sections if s.id not in ("vem_svarar", "anteckningar_sektion")]
    return pd.DataFrame(
        [
            {
                "workspace_id": n,
                "workspace": town,
                "category_id": section.id,
                "category_label": section.title.sv,
                "mean": 2.5,
                "single": False,
                "n": 4,
            }
            for n, town in enumerate(TOWNS)
            for section in categories
        ]
    )


HEATMAPS = {
    "readiness": (readiness_heatmap, readiness_items, "item_label"),
    "indicators": (indicator_heatmap, indicator_means, "category_label"),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", list(HEATMAPS))
def test_every_column_label_of_the_comparison_heatmaps_is_drawn_whole(which, width) -> None:
    chart_fn, make, column = HEATMAPS[which]
    frame = make()
    labels = list(dict.fromkeys(frame[column]))
    assert len(labels) >= 6
    svg = draw(chart_fn(frame, "sv"), width)
    shown = visible(svg)
    for label in labels:
        assert label in shown, (label, width)  # drawn, not hidden for overlapping
    assert not any("…" in text for text in shown)  # and not cut short
    for town in TOWNS:
        assert town in shown


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", list(HEATMAPS))
def test_neighbouring_column_labels_do_not_touch(which, width) -> None:
    """The slanted labels are parallel lines: two neighbours keep apart by the columns'
    distance times the sine of the angle, which must exceed the font's height."""
    chart_fn, make, column = HEATMAPS[which]
    frame = make()
    labels = set(frame[column])
    svg = draw(chart_fn(frame, "sv"), width)
    anchors = []
    for attrs, body in texts(svg):
        if body in labels:
            found = TRANSLATE.search(attrs)
            assert found is not None, body  # the column labels are slanted
            anchors.append((float(found["x"]), float(found["angle"])))
    xs = sorted(x for x, _angle in anchors)
    angle = math.radians(anchors[0][1])
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    assert min(gaps) * abs(math.sin(angle)) >= FONT, (width, min(gaps))


def test_heatmap_cells_use_the_decimal_comma_in_swedish_and_the_point_in_english() -> None:
    frame = readiness_items()
    swedish = visible(draw(readiness_heatmap(frame, "sv"), 450))
    english = visible(draw(readiness_heatmap(frame, "en"), 450))
    assert "3,3¹" in swedish and "3,4" in swedish and "3.4" not in swedish
    assert "3.3¹" in english and "3,4" not in english


def _yes_no(form_id: str):
    form = load_form(form_id)
    items = form.answerable()
    result = get_instrument(form_id).score(form, {i.id: n % 3 != 0 for n, i in enumerate(items)})
    return form, result


@pytest.mark.parametrize("form_id", ["engagemang", "riktning"])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_yes_no_charts_show_every_statement_and_are_not_squeezed(form_id, lang) -> None:
    form, result = _yes_no(form_id)
    svg = draw(chart_of(form_id, 0)(form, result, lang))
    statements = [i for i in form.answerable() if i.kind == "yes_no"]
    assert svg_height(svg) > 40 * len(statements)  # was 20 px: the title only
    shown = " ".join(visible(svg))
    for n, item in enumerate(statements, start=1):
        assert f"{n}. {item.label.get(lang)}" in shown
    group = get_instrument(form_id).summarize(
        form,
        [
            Rated(
                respondent=str(k),
                answers={i.id: (n + k) % 2 == 0 for n, i in enumerate(statements)},
            )
            for k in range(3)
        ],
    )
    svg = draw(chart_of(form_id, 1)(form, group, lang))
    ticks = [t for t in visible(svg) if re.fullmatch(r"[\d.,]+", t)]
    assert ticks and all(t.isdigit() for t in ticks), ticks  # counts are whole


def test_rekrytering_axis_counts_in_whole_numbers() -> None:
    form = load_form("rekrytering")
    result = get_instrument("rekrytering").score(
        form,
        {
            "kandidater": [
                {
                    "namn": "Anna",
                    "typer": ["visionaren"],
                    "grund_arbetar_med": True,
                    "grund_enhet": True,
                    "grund_delegerad": True,
                    "onsk_relationer": True,
                    "onsk_problemlosning": True,
                    "onsk_positiv": True,
                }
            ]
        },
    )
    shown = visible(draw(chart_of("rekrytering", 0)(form, result, "sv")))
    assert not any(re.fullmatch(r"\d+[.,]\d+", t) for t in shown), shown  # no "0.000000"
    assert "0 – saknas" in shown  # a missing type is said in words, not colour alone


def test_aktorsanalys_names_every_actor_once_and_shows_the_whole_legend() -> None:
    form = load_form("aktorsanalys")
    actors = [
        ("Polisen", 5, 4),
        ("Hotellet Svea i centrum", 4, 1),
        ("Socialtjänsten", 4, 4),
        ("Skolan", 4, 5),
        ("Taxi Landskrona AB", 5, 5),
    ]
    result = get_instrument("aktorsanalys").score(
        form,
        {"aktorer": [{"aktor": a, "paverkansgrad": p, "stod": s} for a, p, s in actors]},
    )
    shown = visible(draw(chart_of("aktorsanalys", 0)(form, result, "sv")))
    for name, *_ in actors:
        assert shown.count(name) == 1, name
    for quadrant in ("Satsa mer", "Nyckelaktörer – håll nära", "Håll informerade", "Bevaka"):
        assert shown.count(quadrant) == 2, quadrant  # in its corner and in the legend
    assert "5.0" not in shown and "5" in shown


def _golden_charts():
    """Every golden case of every form with a chart (``tests/cases``), as one response
    and, for single answers, also as a group of two."""
    import yaml

    from tests.helpers.chart_cases import CASES_DIR

    for path in sorted(CASES_DIR.glob("*.yaml")):
        if not get_instrument(path.stem).charts:
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case['id']}")


def _coerced(form, rated: list) -> list:
    from stadforstad.answers import check_answers

    return [
        Rated(
            respondent=r.respondent,
            answers=check_answers(form, r.answers, partial=True, coerce=True),
        )
        for r in rated
    ]


@pytest.mark.parametrize(("form_id", "case"), list(_golden_charts()))
def test_no_label_of_an_assessment_chart_is_cut_or_hidden(form_id, case) -> None:
    from tests.helpers.chart_cases import _result

    form, result, which = _result(form_id, case)
    charts = [(which, result)]
    if which == 0:
        rated = [Rated(respondent=n, answers=dict(case["answers"])) for n in ("Anna", "Bo")]
        charts.append((1, get_instrument(form.id).summarize(form, _coerced(form, rated))))
    for (kind, value), lang in itertools.product(charts, ("sv", "en")):
        drawn = texts(draw(chart_of(form_id, kind)(form, value, lang)))
        assert drawn
        assert not [body for attrs, body in drawn if 'opacity="0"' in attrs and body]
        assert not [body for _attrs, body in drawn if "…" in body]
        # numbers in the language's way: no point as a decimal mark in Swedish
        if lang == "sv":
            assert not [b for _a, b in drawn if re.fullmatch(r"-?\d+\.\d+", b)], drawn


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_comparison_chart_on_demo_data_draws_every_label(demo_county, lang) -> None:
    for name, chart, width in comparison_charts(demo_county, lang):
        # the municipalities the chart has data for: each must be named on its axis
        towns = {
            row["workspace"]
            for rows in chart.to_dict().get("datasets", {}).values()
            for row in rows
            if "workspace" in row
        }
        assert len(towns) >= 3, name
        drawn = texts(draw(chart, width))
        shown = [body for attrs, body in drawn if 'opacity="0"' not in attrs]
        assert not [b for a, b in drawn if 'opacity="0"' in a and b], name
        assert not [b for _a, b in drawn if "…" in b], name
        assert towns <= set(shown), (name, towns - set(shown))
        if lang == "sv":
            assert not [b for b in shown if re.fullmatch(r"-?\d+\.\d+", b)], (name, shown)
