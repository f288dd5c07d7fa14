"""Samverkansplan – the timeline (a Gantt chart of activities per plan year, milestones
as diamonds) and the yearly targets per sub-goal. Sub-goals are told apart by their
name on the axis and by the mark's shape, never by colour alone."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from scoring.samverkansplan_results import SamverkansplanGroup, SamverkansplanResult
from stadforstad.charts.common import NEUTRAL, READY, WIDTH, label_axis, wrap_label
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import (
    DATE,
    ROW,
    SUB_GOAL,
    TARGET,
    TARGET_TITLE,
    WHO,
    YEAR,
    YEAR_OF_PLAN,
    YEAR_TITLE,
    tip,
)


def _goal(number: str | None, lang: str) -> str:
    if not number:
        return pick(lang, "Utan delmål", "No sub-goal")
    return pick(lang, "Delmål ", "Sub-goal ") + number.rsplit("_", 1)[-1]


def _year_label(year: int, first: int | None, lang: str) -> str:
    word = pick(lang, f"År {year}", f"Year {year}")
    return f"{word} ({first + year - 1})" if first is not None else word


def _milestone_year(date: str, first: int | None) -> float | None:
    """Where a dated milestone falls on the plan's years (year 1 starts 1 January of the
    first year); ``None`` without a first year or outside the plan."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return None
    if first is None:
        return None
    return day.year - first + 1 + (day.timetuple().tm_yday - 1) / 366


def _empty(lang: str) -> alt.Chart:
    return (
        alt.Chart(pd.DataFrame([{"t": pick(lang, "Inget att visa ännu", "Nothing to show yet")}]))
        .mark_text(size=14)
        .encode(text="t:N")
        .properties(width=WIDTH, height=60)
    )


def timeline_chart(form: Form, result: SamverkansplanResult, lang: str = "sv") -> alt.TopLevelMixin:
    """One row per activity (grouped by sub-goal), a bar over each plan year it runs in;
    milestones with a date as diamonds on the same years."""
    bars = [
        {
            "rad": wrap_label(f"{_goal(a.subgoal, lang)}: {a.what}", 50),
            "start": year - 0.45,
            "slut": year + 0.45,
            "delmål": _goal(a.subgoal, lang),
            "år": _year_label(year, result.first_year, lang),
            "vem": a.who or "",
        }
        for a in result.activities
        for year in a.years
    ]
    points = [
        {
            "rad": wrap_label(f"◆ {m.what}", 50),
            "läge": where,
            "datum": m.date,
            "delmål": _goal(m.subgoal, lang),
        }
        for m in result.milestones
        if (where := _milestone_year(m.date, result.first_year)) is not None
    ]
    if not bars and not points:
        return _empty(lang)
    order = [str(r) for r in dict.fromkeys([b["rad"] for b in bars] + [p["rad"] for p in points])]
    years = result.plan_years
    x_scale = alt.Scale(domain=[0.5, years + 0.5], nice=False)
    axis = alt.Axis(
        values=list(range(1, years + 1)),
        labelExpr=(
            f"'{pick(lang, 'År', 'Year')} ' + datum.value"
            + (
                f" + ' (' + ({result.first_year - 1} + datum.value) + ')'"
                if result.first_year
                else ""
            )
        ),
        title=pick(lang, "Planens år", "Plan year"),
        grid=True,
        labelOverlap=False,
        labelFlush=False,
    )
    y = alt.Y("rad:N", sort=order, title=None, axis=label_axis())
    layers: list[alt.Chart] = []
    if bars:
        layers.append(
            alt.Chart(pd.DataFrame(bars))
            .mark_bar(color=NEUTRAL, height=14)
            .encode(
                x=alt.X("start:Q", scale=x_scale, axis=axis),
                x2="slut:Q",
                y=y,
                tooltip=[
                    tip("delmål:N", SUB_GOAL, lang),
                    tip("rad:N", ROW, lang),
                    tip("år:N", YEAR, lang),
                    tip("vem:N", WHO, lang),
                ],
            )
        )
    if points:
        layers.append(
            alt.Chart(pd.DataFrame(points))
            .mark_point(shape="diamond", filled=True, size=180, color=READY)
            .encode(
                x=alt.X("läge:Q", scale=x_scale, axis=axis),
                y=y,
                tooltip=[
                    tip("rad:N", ROW, lang),
                    tip("datum:N", DATE, lang),
                    tip("delmål:N", SUB_GOAL, lang),
                ],
            )
        )
    return alt.layer(*layers).properties(
        width=WIDTH,
        height=alt.Step(28),
        title=pick(
            lang, "Tidslinje: aktiviteter och händelser", "Timeline: activities and milestones"
        ),
    )


def targets_chart(form: Form, result: SamverkansplanResult, lang: str = "sv") -> alt.TopLevelMixin:
    """Each sub-goal's yearly targets as a line with a point per year; a small chart per
    sub-goal (their measures differ), named in its title."""
    rows = [
        {
            "delmål": wrap_label(f"{_goal(g.number, lang)}: {g.measure or g.text}", 40),
            "år": t.year,
            "årtal": _year_label(t.year, g.start_year, lang),
            "mål": t.target,
        }
        for g in result.subgoals
        for t in g.targets
    ]
    if not rows:
        return _empty(lang)
    axis = alt.Axis(
        values=list(range(1, result.plan_years + 1)), format="d", title=pick(lang, *YEAR_TITLE)
    )
    base = alt.Chart(pd.DataFrame(rows)).encode(
        x=alt.X("år:Q", scale=alt.Scale(domain=[1, max(result.plan_years, 2)]), axis=axis),
        y=alt.Y("mål:Q", title=pick(lang, *TARGET_TITLE)),
        tooltip=[
            tip("delmål:N", SUB_GOAL, lang),
            tip("årtal:N", YEAR_OF_PLAN, lang),
            tip("mål:Q", TARGET, lang),
        ],
    )
    layered = (
        base.mark_line(color=NEUTRAL)
        + base.mark_point(filled=True, size=80, color=NEUTRAL)
        + base.mark_text(dy=-10).encode(text="mål:Q")
    )
    return (
        layered.properties(width=WIDTH // 2, height=160)
        .facet(
            facet=alt.Facet("delmål:N", title=None, header=alt.Header(labelLimit=0)),
            columns=2,
            title=pick(lang, "Årsmål per delmål", "Yearly targets per sub-goal"),
        )
        .resolve_scale(y="independent")
    )


def _latest(group: SamverkansplanGroup) -> SamverkansplanResult | None:
    return group.plans[-1][1] if group.plans else None


def group_timeline_chart(form: Form, group: SamverkansplanGroup, lang: str = "sv"):
    plan = _latest(group)
    return timeline_chart(form, plan, lang) if plan else _empty(lang)


def group_targets_chart(form: Form, group: SamverkansplanGroup, lang: str = "sv"):
    plan = _latest(group)
    return targets_chart(form, plan, lang) if plan else _empty(lang)
