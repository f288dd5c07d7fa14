"""What the chart modules share: colours, item labels, and each item's spread in a group."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import MEAN, QUESTION, RESPONSES, tip

READY = "#2e7d32"
NOT_READY = "#c62828"
NEUTRAL = "#546e7a"
#: Dark orange: it also colours words in charts, so it keeps 4.5:1 on white
#: (tests/test_theme_contrast.py).
WORK_ON = "#b45309"

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
                "fråga": wrap_label(item_label(form, s.id, lang)),
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
    base = alt.Chart(frame).encode(y=alt.Y("fråga:N", axis=label_axis(), sort=None, title=None))
    colour = alt.Color(
        "läge:N",
        scale=alt.Scale(domain=[discuss, agree], range=[WORK_ON, NEUTRAL]),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    spread = base.mark_rule(size=3).encode(
        x=alt.X(
            "min:Q",
            scale=alt.Scale(domain=list(domain)),
            axis=number_axis(lang, whole=True),
            title=pick(lang, "Svar", "Answer"),
        ),
        x2="max:Q",
        color=colour,
    )
    mean = base.mark_point(filled=True, size=120).encode(
        x="medel:Q",
        color=colour,
        # Not colour alone: "members differ" is a triangle, "in agreement" a circle.
        shape=alt.Shape(
            "läge:N",
            scale=alt.Scale(domain=[discuss, agree], range=["triangle-up", "circle"]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=[
            tip("fråga:N", QUESTION, lang),
            tip("medel:Q", MEAN, lang, format=".1f"),
            "min:Q",
            "max:Q",
            tip("svar:Q", RESPONSES, lang),
        ],
    )
    return (spread + mean).properties(
        height=row_step(frame["fråga"], 28),
        width=WIDTH,
        title=pick(
            lang,
            "Medel (punkt) och spridning (linje) per fråga",
            "Mean (point) and spread (line) per question",
        ),
    )


# -- readable at any width, on screen and on paper ------------------------------------
# Every chart's height is a step per row (``alt.Step``): Streamlit draws single charts
# with ``autosize: fit``, which squeezes a fixed height by the room its axis labels
# take (a chart 20 px high showed its title only); a step height is never squeezed.
# Labels are never cut or hidden for overlapping; heatmap columns are slanted.


def decimal_expr(lang: str, expr: str = "datum.label") -> str:
    """A Vega expression writing a number label with the language's decimal mark."""
    return f"replace({expr}, '.', ',')" if lang != "en" else expr


def label_axis(**kwargs) -> alt.Axis:
    """An axis of names (questions, categories, municipalities): every label drawn
    whole, none hidden for overlapping."""
    return alt.Axis(labelLimit=0, labelOverlap=False, **kwargs)


def column_axis(**kwargs) -> alt.Axis:
    """The column labels of a heatmap: slanted, every one drawn whole. At 45° two
    neighbours never touch while a column is at least about 18 px wide."""
    return label_axis(labelAngle=-45, labelAlign="right", labelBaseline="middle", **kwargs)


def number_axis(lang: str, *, whole: bool = False, **kwargs) -> alt.Axis:
    """A value axis: whole numbers only where only whole numbers mean something
    (counts, scale steps), and the decimal comma in Swedish."""
    if whole:
        kwargs.setdefault("tickMinStep", 1)
        kwargs.setdefault("format", "d")
    return alt.Axis(labelExpr=decimal_expr(lang), **kwargs)


def count_axis(lang: str, most: int, **kwargs) -> alt.Axis:
    """An axis of counts 0 … ``most``: every whole number, never "0.000000"."""
    top = max(int(most), 1)
    step = 1 if top <= 10 else max(1, round(top / 10))
    return alt.Axis(values=list(range(0, top + 1, step)), format="d", **kwargs)


def natural(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart at its own size. Streamlit draws a single view with ``autosize: fit``,
    which takes the room of long axis labels out of a fixed width (or height), down to
    nothing; a composition is drawn at its natural size, so a single view is wrapped in
    one. (Setting ``autosize`` on the chart itself would keep it out of compositions.)"""
    if isinstance(chart, (alt.Chart, alt.LayerChart)):
        return alt.vconcat(chart)
    return chart


#: A label's lines (joined by newlines in the data), drawn one under the other.
LINES = "split(datum.label, '\\n')"
LINE_HEIGHT = 13


def wrap_label(text: str, width: int = 60) -> str:
    """A long label in lines of at most ``width`` characters, for ``LINES``: whole, and
    not wider than the chart can spare."""
    return "\n".join(textwrap.wrap(text, width)) or text


def row_step(labels, minimum: int = 26) -> alt.Step:
    """A row tall enough for the most lines any of ``labels`` has."""
    lines = max((str(label).count("\n") + 1 for label in labels), default=1)
    return alt.Step(max(minimum, LINE_HEIGHT * lines + 10))
