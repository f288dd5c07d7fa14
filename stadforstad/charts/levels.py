"""Ordered levels, today → wished: development levels (utvecklingsnivaer) per respondent and
Huxham's levels of collaboration (samverkansnivaer) per actor share one drawing."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from stadforstad.charts.common import NEUTRAL, READY, WIDTH, count_axis, label_axis, natural
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import (
    ACTOR,
    COUNT,
    LEVEL,
    MEMBER,
    MEMBERS_TITLE,
    TODAY,
    TODAY_TITLE,
    WHEN,
    WHO,
    WISHED,
    WISHED_TITLE,
    Word,
    tip,
)


def _level_axis(names: list[str], low: int) -> alt.Axis:
    """An axis over level numbers that shows the level names."""
    labels = json.dumps(names, ensure_ascii=False)
    return alt.Axis(
        values=list(range(low, low + len(names))),
        labelLimit=0,
        labelOverlap=False,
        labelAngle=-20,
        grid=True,
        labelExpr=f"{labels}[round(datum.value) - {low}]",
    )


def _today_wished(
    frame: pd.DataFrame,
    who: str,
    who_word: Word,
    names: list[str],
    low: int,
    lang: str,
    today: str = "idag",
    wished: str = "önskad",
) -> alt.LayerChart:
    """Per row of ``frame`` (named in its field ``who``): a line from today's level to the
    wished one, a point at each."""
    x_scale = alt.Scale(domain=[low - 0.3, low + len(names) - 1 + 0.3])
    base = alt.Chart(frame).encode(y=alt.Y(f"{who}:N", sort=None, title=None, axis=label_axis()))
    line = base.mark_rule(size=3, color="#9e9e9e").encode(
        x=alt.X(f"{today}:Q", scale=x_scale, axis=_level_axis(names, low), title=None),
        x2=f"{wished}:Q",
    )
    now = base.mark_point(filled=True, size=160, color=NEUTRAL).encode(
        x=f"{today}:Q",
        tooltip=[
            tip(f"{who}:N", who_word, lang),
            tip(f"{today}:Q", TODAY, lang),
            tip(f"{wished}:Q", WISHED, lang),
        ],
    )
    goal = base.mark_point(filled=True, size=160, color=READY, shape="diamond").encode(
        x=f"{wished}:Q",
        tooltip=[
            tip(f"{who}:N", who_word, lang),
            tip(f"{today}:Q", TODAY, lang, format=".1f"),
            tip(f"{wished}:Q", WISHED, lang, format=".1f"),
        ],
    )
    return (line + now + goal).properties(height=alt.Step(30), width=520)


def _level_names(form: Form, lang: str) -> list[str]:
    return [level.label.get(lang) for level in form.item("niva_idag").levels]


def utvecklingsnivaer_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """Today (grey) → wished for (green), on the five development levels."""
    # one level missing: a single point at the level given; none: an empty chart
    today = result.today if result.today is not None else result.wished
    wished = result.wished if result.wished is not None else result.today
    frame = pd.DataFrame(
        [{"vem": pick(lang, "Ni", "You"), "idag": today, "önskad": wished}]
        if today is not None
        else [],
        columns=["vem", "idag", "önskad"],
    )
    gap = "–" if result.gap is None else f"{result.gap:+d}"
    return natural(_today_wished(frame, "vem", WHO, _level_names(form, lang), 1, lang)).properties(
        title=pick(
            lang,
            f"Idag (grå) → önskad nivå (grön); skillnad {gap}",
            f"Today (grey) → wished level (green); gap {gap}",
        )
    )


def utvecklingsnivaer_group_chart(form: Form, group, lang: str = "sv") -> alt.TopLevelMixin:
    """Each member today → wished, and how many are at each level today and wished."""
    names = _level_names(form, lang)
    members = pd.DataFrame(
        [
            {
                "deltagare": m.respondent,
                "idag": m.today if m.today is not None else m.wished,
                "önskad": m.wished if m.wished is not None else m.today,
            }
            for m in group.members
            if m.today is not None or m.wished is not None
        ],
        columns=["deltagare", "idag", "önskad"],
    )
    paths = _today_wished(members, "deltagare", MEMBER, names, 1, lang).properties(
        title=pick(
            lang,
            "Varje deltagare: idag (grå) → önskad (grön)",
            "Each member: today (grey) → wished (green)",
        )
    )
    today, wished = pick(lang, *TODAY_TITLE), pick(lang, *WISHED_TITLE)
    counts = pd.DataFrame(
        [
            {"nivå": names[int(k) - 1], "när": today, "antal": n}
            for k, n in group.today_counts.items()
        ]
        + [
            {"nivå": names[int(k) - 1], "när": wished, "antal": n}
            for k, n in group.wished_counts.items()
        ]
    )
    most = max([*group.today_counts.values(), *group.wished_counts.values(), 1])
    bars = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("nivå:N", axis=label_axis(), sort=names, title=None),
            yOffset=alt.YOffset("när:N", sort=[today, wished]),
            x=alt.X(
                "antal:Q",
                title=pick(lang, *MEMBERS_TITLE),
                axis=count_axis(lang, most),
            ),
            color=alt.Color(
                "när:N",
                scale=alt.Scale(domain=[today, wished], range=[NEUTRAL, READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                tip("nivå:N", LEVEL, lang),
                tip("när:N", WHEN, lang),
                tip("antal:Q", COUNT, lang),
            ],
        )
        .properties(
            height=alt.Step(14),
            width=WIDTH,
            title=pick(lang, "Gruppens fördelning per nivå", "The group's distribution per level"),
        )
    )
    return alt.vconcat(paths, bars).resolve_scale(color="independent")


# -- samverkansnivaer ----------------------------------------------------------------
def _huxham_names(form: Form, lang: str) -> list[str]:
    column = next(c for c in form.item("aktorer").columns if c.id == "niva_idag")
    return [o.label.get(lang) for o in column.options]


def samverkansnivaer_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """Actors × level: today (grey) → wished for (green); actors without both left out."""
    frame = pd.DataFrame(
        [
            {"aktör": a.name, "idag": a.today_index, "önskad": a.wished_index}
            for a in result.actors
            if a.gap is not None
        ],
        columns=["aktör", "idag", "önskad"],
    )
    return natural(
        _today_wished(frame, "aktör", ACTOR, _huxham_names(form, lang), 0, lang)
    ).properties(
        title=pick(
            lang,
            "Samverkansnivå per aktör: idag (grå) → önskad (grön)",
            "Level of collaboration per actor: today (grey) → wished (green)",
        )
    )


def samverkansnivaer_group_chart(form: Form, group, lang: str = "sv") -> alt.TopLevelMixin:
    """Per actor the group's mean level today → wished (0 = no contact … 4 = the top
    level, enhancing each other's capacity)."""
    frame = pd.DataFrame(
        [
            {"aktör": a.name, "idag": a.today.mean, "önskad": a.wished.mean}
            for a in group.actors
            if a.today.mean is not None and a.wished.mean is not None
        ],
        columns=["aktör", "idag", "önskad"],
    )
    return natural(
        _today_wished(frame, "aktör", ACTOR, _huxham_names(form, lang), 0, lang)
    ).properties(
        title=pick(
            lang,
            "Gruppens medelnivå per aktör: idag (grå) → önskad (grön)",
            "The group's mean level per actor: today (grey) → wished (green)",
        )
    )
