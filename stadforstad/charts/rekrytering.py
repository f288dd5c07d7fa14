"""Rekrytering – the personality types the group brings: those who joined, or the eligible
candidates while nobody is marked as joined."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.charts.common import NOT_READY, READY, WIDTH, count_axis, label_axis, natural
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import COUNT, TYPE, tip


def rekrytering_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """How many in the group carry each of the six personality types."""
    column = next(c for c in form.item("kandidater").columns if c.id == "typer")
    labels = {o.value: o.label.get(lang) for o in column.options}
    counts = dict.fromkeys(labels, 0)
    for candidate in result.candidates:
        if candidate.in_group:
            for t in candidate.types:
                counts[t] += 1
    frame = pd.DataFrame(
        [
            {
                "typ": labels[t],
                "antal": n,
                "täckt": pick(lang, "finns", "covered") if n else pick(lang, "saknas", "missing"),
            }
            for t, n in counts.items()
        ]
    )
    most = max(counts.values(), default=0)
    frame["text"] = [
        f"{n} – {state}" if not n else str(n) for n, state in zip(frame["antal"], frame["täckt"])
    ]
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "antal:Q",
                title=pick(lang, "Antal i gruppen", "Number in the group"),
                scale=alt.Scale(domain=[0, max(most, 1) * 1.15], nice=False),
                axis=count_axis(lang, most),
            ),
            y=alt.Y("typ:N", axis=label_axis(), sort=None, title=None),
            color=alt.Color(
                "täckt:N",
                scale=alt.Scale(
                    domain=[pick(lang, "finns", "covered"), pick(lang, "saknas", "missing")],
                    range=[READY, NOT_READY],
                ),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[tip("typ:N", TYPE, lang), tip("antal:Q", COUNT, lang)],
        )
    )
    # The count (and "saknas" where there is none) beside each bar: not colour alone.
    words = bars.mark_text(align="left", dx=4).encode(text="text:N", color=alt.value("black"))
    return natural(
        (bars + words).properties(
            height=alt.Step(28),
            width=WIDTH,
            title=pick(
                lang, "Personlighetstyper i kärngruppen", "Personality types in the core group"
            ),
        )
    )
