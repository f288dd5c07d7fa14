"""Statistik – each measure's yearly figures as a trend, with the plan's targets."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.charts.common import WIDTH, natural, number_axis
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import COUNT, MEASURE, TARGET_TITLE, YEAR, YEAR_TITLE, tip

#: One colour and one point shape per measure, so colour never carries it alone.
COLOURS = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a")
SHAPES = ("circle", "square", "triangle-up", "diamond")


def statistik_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """One line per measure over the years (a year without a figure is a gap, not 0),
    and the plan's yearly targets as outlined marks with the same shape."""
    from stadforstad.instruments.statistik import measure_labels

    labels = measure_labels(form, lang)
    names = [labels[m.id] for m in result.measures]
    figures = pd.DataFrame(
        [
            {"år": str(f.year), "mått": labels[m.id], "antal": f.value}
            for m in result.measures
            for f in m.series
        ],
        columns=["år", "mått", "antal"],
    )
    targets = pd.DataFrame(
        [
            {"år": str(t.year), "mått": labels[m.id], "mål": t.target}
            for m in result.measures
            for t in m.targets
        ],
        columns=["år", "mått", "mål"],
    )
    years = sorted(set(figures["år"]) | set(targets["år"]))
    colour = alt.Color(
        "mått:N",
        scale=alt.Scale(domain=names, range=list(COLOURS)),
        legend=alt.Legend(title=None, orient="bottom", columns=1, labelLimit=0),
    )
    shape = alt.Shape("mått:N", scale=alt.Scale(domain=names, range=list(SHAPES)), legend=None)
    x = alt.X("år:O", sort=years, scale=alt.Scale(domain=years), title=pick(lang, *YEAR_TITLE))
    base = alt.Chart(figures).encode(
        x=x,
        y=alt.Y("antal:Q", title=pick(lang, "Antal", "Number"), axis=number_axis(lang)),
        color=colour,
    )
    lines = base.mark_line()
    points = base.mark_point(filled=True, size=70).encode(
        shape=shape,
        tooltip=[
            tip("mått:N", MEASURE, lang),
            tip("år:N", YEAR, lang),
            tip("antal:Q", COUNT, lang),
        ],
    )
    layers = [lines, points]
    if not targets.empty:
        layers.append(
            alt.Chart(targets)
            .mark_point(filled=False, size=160, strokeWidth=2)
            .encode(
                x=x,
                y="mål:Q",
                color=colour,
                shape=shape,
                tooltip=[
                    tip("mått:N", MEASURE, lang),
                    tip("år:N", YEAR, lang),
                    tip("mål:Q", TARGET_TITLE, lang),
                ],
            )
        )
    title = pick(lang, "Antal per år", "Number per year")
    if not targets.empty:
        title += pick(
            lang, " (ofyllda tecken: målet i planen)", " (hollow marks: the plan's target)"
        )
    return natural(alt.layer(*layers).properties(width=WIDTH, height=260, title=title))
