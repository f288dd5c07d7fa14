"""Är ni redo? – one response's items and total against the threshold; the group's
totals and spread. The threshold and the extremes come from the result."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.charts.common import (
    NEUTRAL,
    NOT_READY,
    READY,
    WIDTH,
    WORK_ON,
    item_label,
    items_spread_chart,
    label_axis,
    number_axis,
)
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import MEMBER, QUESTION, SCORE, VALUE, tip


def redo_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """Per-item bars (1–5, things to work on marked) and the total against the threshold."""
    work = pick(lang, "Att arbeta med (1–2)", "To work on (1–2)")
    fine = pick(lang, "Övriga", "Others")
    items = pd.DataFrame(
        [
            {
                "fråga": item_label(form, i.id, lang),
                "värde": i.value,
                "status": work if i.work_on else fine,
            }
            for i in result.items
            if i.value is not None
        ]
    )
    bars = (
        alt.Chart(items)
        .mark_bar()
        .encode(
            x=alt.X(
                "värde:Q",
                scale=alt.Scale(domain=[0, 5]),
                axis=alt.Axis(values=[0, 1, 2, 3, 4, 5]),
                title=pick(lang, "Svar (1–5)", "Answer (1–5)"),
            ),
            y=alt.Y("fråga:N", axis=label_axis(), sort=None, title=None),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=[work, fine], range=[WORK_ON, NEUTRAL]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[tip("fråga:N", QUESTION, lang), tip("värde:Q", VALUE, lang)],
        )
    )
    # Not colour alone: the items to work on say so beside their bar.
    words = (
        bars.mark_text(align="left", dx=4)
        .encode(text="status:N", color=alt.value("black"))
        .transform_filter(alt.datum.status == work)
    )
    items_chart = (bars + words).properties(
        height=alt.Step(28), width=WIDTH, title=pick(lang, "Varje fråga", "Each question")
    )
    return alt.vconcat(
        items_chart,
        _total_chart(result.total, result.threshold, result.min_total, result.max_total, lang),
    ).resolve_scale(color="independent")


def _total_chart(total: int, threshold: int, low: int, high: int, lang: str) -> alt.Chart:
    ready = total > threshold
    # The verdict in words beside the bar: its colour is not the only sign.
    verdict = pick(lang, "redo", "ready") if ready else pick(lang, "inte redo", "not ready")
    frame = pd.DataFrame(
        [{"poäng": total, "etikett": f"{pick(lang, 'Totalt', 'Total')}: {total} – {verdict}"}]
    )
    bar = (
        alt.Chart(frame)
        .mark_bar(size=26, color=READY if ready else NOT_READY)
        .encode(
            x=alt.X(
                "poäng:Q",
                scale=alt.Scale(domain=[0, high]),
                axis=number_axis(lang, whole=True),
                title=pick(
                    lang,
                    f"Poäng ({low}–{high}); över {threshold} = redo",
                    f"Score ({low}–{high}); above {threshold} = ready",
                ),
            ),
            y=alt.Y("etikett:N", axis=label_axis(), title=None),
            tooltip=[tip("poäng:Q", SCORE, lang)],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame([{"gräns": threshold}]))
        .mark_rule(strokeDash=[6, 3], color="black", size=2)
        .encode(x="gräns:Q")
    )
    return (bar + rule).properties(
        height=alt.Step(40),
        width=WIDTH,
        title=pick(
            lang, f"Totalt mot gränsen {threshold}", f"Total against the threshold {threshold}"
        ),
    )


def redo_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """Every member's total against the threshold with the median; each item's mean and
    spread."""
    members = pd.DataFrame(
        [
            {
                "deltagare": m.respondent,
                "poäng": m.total,
                "redo": pick(lang, "redo", "ready")
                if m.ready
                else pick(lang, "inte redo", "not ready"),
            }
            for m in group.members
            if m.complete
        ],
        columns=["deltagare", "poäng", "redo"],  # none complete yet: an empty chart, no error
    )
    ready_words = [pick(lang, "redo", "ready"), pick(lang, "inte redo", "not ready")]
    totals = (
        alt.Chart(members)
        .mark_point(size=140, filled=True)
        .encode(
            x=alt.X(
                "poäng:Q",
                scale=alt.Scale(domain=[group.min_total, group.max_total]),
                axis=number_axis(lang, whole=True),
                title=pick(lang, "Totalpoäng", "Total"),
            ),
            y=alt.Y("deltagare:N", axis=label_axis(), title=None, sort="-x"),
            color=alt.Color(
                "redo:N",
                scale=alt.Scale(domain=ready_words, range=[READY, NOT_READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            # Not colour alone: ready is a circle, not ready a cross.
            shape=alt.Shape(
                "redo:N",
                scale=alt.Scale(domain=ready_words, range=["circle", "cross"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[tip("deltagare:N", MEMBER, lang), tip("poäng:Q", SCORE, lang)],
        )
    )
    marks = [pd.DataFrame([{"x": group.threshold, "vad": "gräns"}])]
    rule = alt.Chart(marks[0]).mark_rule(strokeDash=[6, 3], color="black").encode(x="x:Q")
    layers = totals + rule
    if group.median_total is not None:
        median = (
            alt.Chart(pd.DataFrame([{"x": group.median_total}]))
            .mark_rule(color=NEUTRAL, size=3)
            .encode(x="x:Q", tooltip=[alt.Tooltip("x:Q", title="median", format=".1f")])
        )
        layers = layers + median
    layers = layers.properties(
        height=alt.Step(24),
        width=WIDTH,
        title=pick(
            lang,
            f"Varje deltagares total (streckad linje = {group.threshold}, grå = median)",
            f"Each member's total (dashed = {group.threshold}, grey = median)",
        ),
    )
    return alt.vconcat(layers, items_spread_chart(form, group.items, lang)).resolve_scale(
        color="independent"
    )
