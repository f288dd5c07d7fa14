"""What the chart modules share: colours, item labels, and each item's spread in a group."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.i18n import pick
from stadforstad.schema import Form

READY = "#2e7d32"
NOT_READY = "#c62828"
NEUTRAL = "#546e7a"
WORK_ON = "#ef6c00"

#: Charts are drawn at this width (pixels): concatenated charts cannot follow the
#: page's width, and a fixed width keeps charts whole on screen and on paper.
WIDTH = 520
#: Question and actor names are shown whole up to this many pixels.
LABEL_LIMIT = 260


def item_label(form: Form, item_id: str, lang: str) -> str:
    return form.item(item_id).label.get(lang)


def items_spread_chart(form: Form, items, lang: str = "sv", domain=(1, 5)) -> alt.Chart:
    """Each rated item: the range min–max as a line, the mean as a point; items where
    members differ by 2 or more in orange."""
    discuss = pick(lang, "Olika svar – diskutera", "Members differ – discuss")
    agree = pick(lang, "Samstämmigt", "In agreement")
    frame = pd.DataFrame(
        [
            {
                "fråga": item_label(form, s.id, lang),
                "medel": s.mean,
                "min": s.min,
                "max": s.max,
                "spridning": s.spread,
                "svar": s.n,
                "läge": discuss if s.disagree else agree,
            }
            for s in items
            if s.n
        ]
    )
    if frame.empty:
        return alt.Chart(pd.DataFrame({"x": []})).mark_point()
    base = alt.Chart(frame).encode(
        y=alt.Y("fråga:N", axis=alt.Axis(labelLimit=LABEL_LIMIT), sort=None, title=None)
    )
    colour = alt.Color(
        "läge:N",
        scale=alt.Scale(domain=[discuss, agree], range=[WORK_ON, NEUTRAL]),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    spread = base.mark_rule(size=3).encode(
        x=alt.X(
            "min:Q",
            scale=alt.Scale(domain=list(domain)),
            axis=alt.Axis(tickMinStep=1),
            title=pick(lang, "Svar", "Answer"),
        ),
        x2="max:Q",
        color=colour,
    )
    mean = base.mark_point(filled=True, size=120).encode(
        x="medel:Q", color=colour, tooltip=["fråga", "medel", "min", "max", "svar"]
    )
    return (spread + mean).properties(
        height=alt.Step(28),
        width=WIDTH,
        title=pick(
            lang,
            "Medel (punkt) och spridning (linje) per fråga",
            "Mean (point) and spread (line) per question",
        ),
    )
