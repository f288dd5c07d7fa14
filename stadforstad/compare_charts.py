"""Altair charts of the comparison across municipalities.

They receive the aggregated frames of ``stadforstad.compare`` (already cut to the
municipalities to show, in the order to show them) and only draw: one mark per
municipality and item, level or total, never one per raw answer.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from stadforstad.charts import NEUTRAL, NOT_READY, READY, WORK_ON
from stadforstad.charts.common import column_axis, label_axis, number_axis
from stadforstad.i18n import STEP_WORD, number_text, pick
from stadforstad.instruments.redo import READINESS_THRESHOLD
from stadforstad.words import (
    LEVEL_TITLE,
    MEAN_1_5,
    MEAN_TITLE,
    MUNICIPALITY,
    RESPONSE_COUNT,
    RESPONSES_TITLE,
    TODAY_TITLE,
    WISHED_TITLE,
    tip,
)

ROW = 22  # pixels per municipality


def _order(frame: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(frame["workspace"]))


def _empty(lang: str) -> alt.Chart:
    return (
        alt.Chart(pd.DataFrame({"x": []}))
        .mark_point()
        .properties(title=pick(lang, "Inga svar att visa", "No responses to show"))
    )


def _municipality(order: Sequence[str]) -> alt.Y:
    return alt.Y("workspace:N", sort=list(order), title=None, axis=label_axis())


def _mean_text(values: pd.Series, single: pd.Series, lang: str) -> pd.Series:
    """A cell's mean with one decimal in the language's way, ¹ when it rests on one
    response, "–" when there is none."""
    return values.map(lambda v: number_text(v if pd.notna(v) else None, lang, 1)) + single.map(
        {True: "¹", False: ""}
    )


def readiness_threshold(summary: pd.DataFrame) -> int:
    """The readiness threshold, as the scorer's results carry it (the scorer's own
    value when no municipality has answered yet)."""
    given = summary["threshold"].dropna() if "threshold" in summary else pd.Series(dtype=float)
    return int(given.iloc[0]) if len(given) else READINESS_THRESHOLD


def readiness_chart(summary: pd.DataFrame, totals: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Each respondent's total as a point (sized by how many share it), the median as
    a bar tick, against the readiness threshold."""
    answered = summary[summary["respondents"] > 0]
    if answered.empty:
        return _empty(lang)
    limit = readiness_threshold(summary)
    order = _order(answered)
    ready, not_ready = pick(lang, "redo", "ready"), pick(lang, "inte redo", "not ready")
    points = totals.assign(status=totals["ready"].map({True: ready, False: not_ready}))
    y = _municipality(order)
    x = alt.X(
        "total:Q",
        scale=alt.Scale(domain=[7, 35]),
        axis=number_axis(lang, whole=True),
        title=pick(
            lang, f"Totalpoäng (7–35); över {limit} = redo", f"Total (7–35); above {limit} = ready"
        ),
    )
    dots = (
        alt.Chart(points)
        .mark_circle(opacity=0.75)
        .encode(
            x=x,
            y=y,
            size=alt.Size(
                "count:Q",
                title=pick(lang, *RESPONSE_COUNT),
                scale=alt.Scale(range=[40, 400], zero=False),
                legend=alt.Legend(values=sorted({int(c) for c in points["count"]}), format="d"),
            ),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=[ready, not_ready], range=[READY, NOT_READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                tip("workspace:N", MUNICIPALITY, lang),
                alt.Tooltip("total:Q", title=pick(lang, "Total", "Total")),
                tip("count:Q", RESPONSE_COUNT, lang),
            ],
        )
    )
    medians = answered.assign(label=answered["note"].where(answered["single"], ""))
    ticks = (
        alt.Chart(medians)
        .mark_tick(color="black", thickness=3, size=ROW - 4)
        .encode(
            x=alt.X("median_total:Q"),
            y=y,
            tooltip=[
                tip("workspace:N", MUNICIPALITY, lang),
                alt.Tooltip("median_total:Q", title="median", format=".1f"),
                tip("respondents:Q", RESPONSES_TITLE, lang),
                alt.Tooltip("ready_count:Q", title=pick(lang, "Redo", "Ready")),
                alt.Tooltip("not_ready_count:Q", title=pick(lang, "Inte redo", "Not ready")),
            ],
        )
    )
    notes = (
        alt.Chart(medians)
        .mark_text(align="left", dx=8, color=WORK_ON)
        .encode(x=alt.X("median_total:Q"), y=y, text="label:N")
    )
    rule = (
        alt.Chart(pd.DataFrame([{"threshold": limit}]))
        .mark_rule(strokeDash=[6, 3], color="black")
        .encode(x="threshold:Q")
    )
    return (dots + ticks + notes + rule).properties(
        height=alt.Step(ROW),
        title=pick(
            lang,
            "Varje deltagares total (punkt) och kommunens median (streck)",
            "Each member's total (point) and the municipality's median (tick)",
        ),
    )


def readiness_heatmap(items: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Municipality × item: the mean as colour; a frame where members differ by 2 or
    more; the spread and the number of answers in the tooltip."""
    if items.empty:
        return _empty(lang)
    order = _order(items)
    frame = items.assign(text=_mean_text(items["mean"], items["single"], lang))
    base = alt.Chart(frame).encode(
        x=alt.X(
            "item_label:N",
            sort=list(dict.fromkeys(items["item_label"])),
            title=None,
            axis=column_axis(),
        ),
        y=_municipality(order),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "mean:Q",
            scale=alt.Scale(domain=[1, 5], scheme="redyellowgreen"),
            title=pick(lang, *MEAN_1_5),
        ),
        tooltip=[
            tip("workspace:N", MUNICIPALITY, lang),
            alt.Tooltip("item_label:N", title=pick(lang, "Fråga", "Question")),
            tip("text:N", MEAN_TITLE, lang),
            alt.Tooltip("min:Q", title="min"),
            alt.Tooltip("max:Q", title="max"),
            alt.Tooltip("spread:Q", title=pick(lang, "Spridning", "Spread"), format=".1f"),
            tip("n:Q", RESPONSES_TITLE, lang),
        ],
    )
    differ = base.transform_filter("datum.disagree").mark_rect(
        fillOpacity=0, stroke="black", strokeWidth=2
    )
    text = base.mark_text(fontSize=11).encode(text="text:N")
    return (cells + differ + text).properties(
        height=alt.Step(ROW),
        title=pick(
            lang,
            "Medel per fråga (svart ram = svaren skiljer 2 eller mer; ¹ = 1 svar)",
            "Mean per question (black frame = answers differ by 2 or more; ¹ = 1 response)",
        ),
    )


def _dumbbell(
    frame: pd.DataFrame,
    start: str,
    end: str,
    labels: tuple[str, str],
    what: str,
    domain,
    title: str,
    x_title: str,
    lang: str,
) -> alt.Chart:
    shown = frame.dropna(subset=[start, end], how="all")
    if shown.empty:
        return _empty(lang)
    order = _order(shown)
    long = shown.melt(
        id_vars=["workspace"], value_vars=[start, end], var_name="what", value_name="value"
    ).dropna(subset=["value"])
    long["what"] = long["what"].map({start: labels[0], end: labels[1]})
    long["shown"] = long["value"].map(lambda v: number_text(round(float(v), 2), lang))
    y = _municipality(order)
    scale = alt.Scale(domain=list(domain)) if domain else alt.Undefined
    line = (
        alt.Chart(shown)
        .mark_rule(color="#9e9e9e", size=2)
        .encode(
            x=alt.X(f"{start}:Q", scale=scale, title=x_title, axis=number_axis(lang)),
            x2=f"{end}:Q",
            y=y,
        )
    )
    dots = (
        alt.Chart(long)
        .mark_circle(size=120, opacity=1)
        .encode(
            x="value:Q",
            y=y,
            color=alt.Color(
                "what:N",
                scale=alt.Scale(domain=list(labels), range=[NEUTRAL, READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                tip("workspace:N", MUNICIPALITY, lang),
                alt.Tooltip("what:N", title=what),
                alt.Tooltip("shown:N", title=pick(lang, "Värde", "Value")),
            ],
        )
    )
    return (line + dots).properties(height=alt.Step(ROW), title=title)


def change_chart(frame: pd.DataFrame, measure: str, lang: str = "sv") -> alt.Chart:
    """First and latest round per municipality, joined by a line."""
    return _dumbbell(
        frame,
        "first_value",
        "latest_value",
        (
            pick(lang, "Första omgången", "First round"),
            pick(lang, "Senaste omgången", "Latest round"),
        ),
        pick(lang, "Omgång", "Round"),
        None,
        pick(lang, "Första och senaste omgången", "First and latest round"),
        measure,
        lang,
    )


def case_handling_chart(frame: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Development level today and wished for (means, 1–5) per municipality."""
    return _dumbbell(
        frame,
        "today_mean",
        "wished_mean",
        (pick(lang, *TODAY_TITLE), pick(lang, *WISHED_TITLE)),
        pick(lang, "När", "When"),
        (1, 5),
        pick(
            lang,
            "Utvecklingsnivå idag och önskad (medel)",
            "Development level today and wished for (mean)",
        ),
        pick(lang, "Nivå (1–5)", "Level (1–5)"),
        lang,
    )


def collaboration_chart(frame: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Actors per Huxham level, today and wished for, as stacked bars per municipality."""
    if frame.empty:
        return _empty(lang)
    order = _order(frame)
    levels = list(dict.fromkeys(frame.sort_values("level_index")["level_label"]))
    when = {"today": pick(lang, *TODAY_TITLE), "wished": pick(lang, *WISHED_TITLE)}
    shown = frame[frame["count"] > 0].assign(when_label=frame["when"].map(when))
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X(
                "count:Q",
                stack="zero",
                title=pick(lang, "Antal aktörer", "Actors"),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=_municipality(order),
            color=alt.Color(
                "level_label:N",
                sort=levels,
                title=pick(lang, *LEVEL_TITLE),
                scale=alt.Scale(domain=levels, scheme="blues"),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=0),
            ),
            order=alt.Order("level_index:Q"),
            tooltip=[
                tip("workspace:N", MUNICIPALITY, lang),
                alt.Tooltip("when_label:N", title=" "),
                alt.Tooltip("level_label:N", title=pick(lang, *LEVEL_TITLE)),
                alt.Tooltip("count:Q", title=pick(lang, "Aktörer", "Actors")),
            ],
        )
        .properties(height=alt.Step(ROW), width=260)
        .facet(
            column=alt.Column("when_label:N", sort=list(when.values()), title=None),
        )
        .properties(
            title=pick(
                lang,
                "Aktörer per samverkansnivå (Huxham)",
                "Actors per level of collaboration (Huxham)",
            )
        )
    )


def indicator_heatmap(frame: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Municipality × category of indicators: the mean (1 aldrig – 5 mycket ofta)."""
    shown = frame.dropna(subset=["mean"])
    if shown.empty:
        return _empty(lang)
    text = shown.assign(text=_mean_text(shown["mean"], shown["single"], lang))
    base = alt.Chart(text).encode(
        x=alt.X(
            "category_label:N",
            sort=list(dict.fromkeys(frame["category_label"])),
            title=None,
            axis=column_axis(),
        ),
        y=_municipality(_order(frame)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "mean:Q",
            scale=alt.Scale(domain=[1, 5], scheme="orangered"),
            title=pick(lang, *MEAN_1_5),
        ),
        tooltip=[
            tip("workspace:N", MUNICIPALITY, lang),
            alt.Tooltip("category_label:N", title=pick(lang, "Kategori", "Category")),
            tip("text:N", MEAN_TITLE, lang),
            tip("n:Q", RESPONSES_TITLE, lang),
        ],
    )
    return (cells + base.mark_text(fontSize=11).encode(text="text:N")).properties(
        height=alt.Step(ROW),
        title=pick(
            lang,
            "Indikatorer: medel per kategori (¹ = 1 svar)",
            "Indicators: mean per category (¹ = 1 response)",
        ),
    )


def progress_chart(frame: pd.DataFrame, lang: str = "sv") -> alt.Chart:
    """Municipality × form of steps 0–7: done (at least one submitted response) or not."""
    if frame.empty:
        return _empty(lang)
    done, not_done = pick(lang, "Klart", "Done"), pick(lang, "Inte än", "Not yet")
    shown = frame.assign(
        status=frame["completed"].map({True: done, False: not_done}),
    )
    return (
        alt.Chart(shown)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "form:N",
                sort=frame.drop_duplicates("form_id").sort_values("order")["form"].tolist(),
                title=pick(lang, "Steg · formulär", "Step · form"),
                axis=label_axis(labelAngle=-60, orient="top"),
            ),
            y=_municipality(_order(frame)),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=[done, not_done], range=[READY, "#e0e0e0"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                tip("workspace:N", MUNICIPALITY, lang),
                alt.Tooltip("form_title:N", title=pick(lang, "Formulär", "Form")),
                alt.Tooltip("step:Q", title=pick(lang, STEP_WORD["sv"], STEP_WORD["en"])),
                alt.Tooltip("responses:Q", title=pick(lang, "Inskickade svar", "Submitted")),
            ],
        )
        .properties(
            height=alt.Step(ROW),
            width=alt.Step(18),
            title=pick(lang, "Framsteg genom stegen", "Progress through the steps"),
        )
    )
