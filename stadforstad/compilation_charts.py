"""Charts of the compiled answers through invitation links (altair only).

They receive the compiled, aggregated tables of ``compilation``: one row per mark.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.compilation import Compilation

SCALE_COLOURS = ["#e3f2fd", "#90caf9", "#42a5f5", "#1e88e5", "#0d47a1"]


def heatmap_chart(compilation: Compilation) -> alt.Chart:
    """Industry × category, coloured by the mean GENOMSNITT (1 aldrig – 5 mycket ofta);
    suppressed cells are grey and say so."""
    frame = compilation.heatmap.copy()
    frame["visas"] = [
        f"{m:.1f}" if pd.notna(m) and not hidden else "–"
        for m, hidden in zip(frame["genomsnitt"], frame["dold"])
    ]
    order = [c.label for c in compilation.categories]
    base = alt.Chart(frame).encode(
        x=alt.X(
            "kategori:N", sort=order, title=None, axis=alt.Axis(labelAngle=-30, labelLimit=220)
        ),
        y=alt.Y("bransch:N", title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "genomsnitt:Q",
            scale=alt.Scale(domain=[1, 5], range=SCALE_COLOURS),
            legend=alt.Legend(title="Genomsnitt (1–5)"),
        ),
        tooltip=["bransch", "kategori", "genomsnitt", "antal"],
    )
    text = base.mark_text(fontSize=13).encode(
        text="visas:N",
        color=alt.condition("datum.genomsnitt >= 3.5", alt.value("white"), alt.value("black")),
    )
    return (cells + text).properties(
        height=alt.Step(34),
        title="Genomsnitt per bransch och kategori (1 = aldrig, 5 = mycket ofta)",
    )


def distribution_chart(compilation: Compilation) -> alt.Chart:
    """How many answered 1, 2, … 5 on each indicator."""
    frame = compilation.distribution.dropna(subset=["antal"])
    frame = frame[frame["antal"] > 0] if not frame.empty else frame
    if frame.empty:
        return alt.Chart(pd.DataFrame({"x": []})).mark_point()
    order = list(dict.fromkeys(compilation.distribution["indikator"]))
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("indikator:N", sort=order, title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X(
                "antal:Q", stack="normalize", title="Andel av svaren", axis=alt.Axis(format="%")
            ),
            color=alt.Color(
                "värde:O",
                scale=alt.Scale(domain=[1, 2, 3, 4, 5], range=SCALE_COLOURS),
                legend=alt.Legend(title="Svar (1 aldrig – 5 mycket ofta)", orient="bottom"),
            ),
            order=alt.Order("värde:O"),
            tooltip=["kategori", "indikator", "värde", "antal"],
        )
        .properties(height=alt.Step(26), title="Fördelning av svaren per indikator")
    )
