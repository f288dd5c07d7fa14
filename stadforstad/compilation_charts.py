"""Charts of the compiled answers through invitation links (altair only).

They receive the compiled, aggregated tables of ``compilation``: one row per mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from stadforstad.charts.common import (
    LINE_HEIGHT,
    LINES,
    column_axis,
    label_axis,
    row_step,
    wrap_label,
)
from stadforstad.i18n import number_text, pick
from stadforstad.words import AVERAGE, CATEGORY, COUNT, INDICATOR, INDUSTRY, VALUE, tip

if TYPE_CHECKING:  # a type only: charts import nothing that reaches the database
    from stadforstad.compilation import Compilation

SCALE_COLOURS = ["#e3f2fd", "#90caf9", "#42a5f5", "#1e88e5", "#0d47a1"]
#: A part of a distribution bar this wide (share of the answers) or wider shows its value.
MIN_LABELLED_SHARE = 0.06


def heatmap_chart(compilation: Compilation, lang: str = "sv") -> alt.Chart:
    """Industry × category, coloured by the mean GENOMSNITT (1 aldrig – 5 mycket ofta);
    suppressed cells are grey and say so."""
    frame = compilation.heatmap.copy()
    frame["visas"] = [
        number_text(float(m), lang, 1) if pd.notna(m) and not hidden else "–"
        for m, hidden in zip(frame["genomsnitt"], frame["dold"])
    ]
    order = [c.label for c in compilation.categories]
    base = alt.Chart(frame).encode(
        x=alt.X("kategori:N", sort=order, title=None, axis=column_axis()),
        y=alt.Y("bransch:N", title=None, axis=label_axis()),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "genomsnitt:Q",
            scale=alt.Scale(domain=[1, 5], range=SCALE_COLOURS),
            legend=alt.Legend(title=pick(lang, "Genomsnitt (1–5)", "Average (1–5)")),
        ),
        tooltip=[
            tip("bransch:N", INDUSTRY, lang),
            tip("kategori:N", CATEGORY, lang),
            tip("visas:N", AVERAGE, lang),
            tip("antal:Q", COUNT, lang),
        ],
    )
    text = base.mark_text(fontSize=13).encode(
        text="visas:N",
        color=alt.condition("datum.genomsnitt >= 3.5", alt.value("white"), alt.value("black")),
    )
    return (cells + text).properties(
        height=alt.Step(34),
        title=pick(
            lang,
            "Genomsnitt per bransch och kategori (1 = aldrig, 5 = mycket ofta)",
            "Average per industry and category (1 = never, 5 = very often)",
        ),
    )


def distribution_chart(compilation: Compilation, lang: str = "sv") -> alt.Chart:
    """How many answered 1, 2, … 5 on each indicator."""
    frame = compilation.distribution.dropna(subset=["antal"])
    frame = frame[frame["antal"] > 0] if not frame.empty else frame
    if frame.empty:
        return alt.Chart(pd.DataFrame({"x": []})).mark_point()
    frame = frame.assign(indikator=frame["indikator"].map(wrap_label))
    order = [wrap_label(i) for i in dict.fromkeys(compilation.distribution["indikator"])]
    frame = frame.sort_values(["indikator", "värde"])
    share = frame["antal"] / frame.groupby("indikator")["antal"].transform("sum")
    # Where each part's number goes: the middle of its share of the bar.
    frame = frame.assign(andel=share, mitt=share.groupby(frame["indikator"]).cumsum() - share / 2)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "indikator:N",
                sort=order,
                title=None,
                axis=label_axis(labelExpr=LINES, labelLineHeight=LINE_HEIGHT),
            ),
            x=alt.X(
                "antal:Q",
                stack="normalize",
                title=pick(lang, "Andel av svaren", "Share of the answers"),
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "värde:O",
                scale=alt.Scale(domain=[1, 2, 3, 4, 5], range=SCALE_COLOURS),
                legend=alt.Legend(
                    title=pick(
                        lang, "Svar (1 aldrig – 5 mycket ofta)", "Answer (1 never – 5 very often)"
                    ),
                    orient="bottom",
                ),
            ),
            order=alt.Order("värde:O"),
            tooltip=[
                tip("kategori:N", CATEGORY, lang),
                tip("indikator:N", INDICATOR, lang),
                tip("värde:Q", VALUE, lang),
                tip("antal:Q", COUNT, lang),
            ],
        )
    )
    # Not colour alone: each part wide enough for it is marked with its answer (1–5);
    # white on the darkest blue, black on the others (both 4.5:1 or more).
    numbers = (
        alt.Chart(frame)
        .mark_text(fontWeight="bold")
        .encode(
            y=alt.Y("indikator:N", sort=order),
            x=alt.X("mitt:Q"),
            text="värde:O",
            color=alt.condition("datum['värde'] >= 5", alt.value("white"), alt.value("black")),
        )
        .transform_filter(alt.datum.andel >= MIN_LABELLED_SHARE)
    )
    return (bars + numbers).properties(
        height=row_step(order),
        title=pick(lang, "Fördelning av svaren per indikator", "The answers per indicator"),
    )
