"""Kartläggning – one actor's six category averages; actors × categories for a group."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.charts.common import (
    NEUTRAL,
    WIDTH,
    WORK_ON,
    column_axis,
    items_spread_chart,
    label_axis,
    natural,
    number_axis,
)
from stadforstad.i18n import number_text, pick
from stadforstad.schema import Form
from stadforstad.words import ACTOR, ANSWERED, AVERAGE, AVERAGE_TITLE, CATEGORY, tip


def _section_titles(form: Form, lang: str) -> dict[str, str]:
    return {s.id: s.title.get(lang) if s.title else s.id for s in form.sections}


def kartlaggning_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """The six category averages of one actor (1–5); partly answered ones marked."""
    titles = _section_titles(form, lang)
    full, part = (
        pick(lang, "Båda besvarade", "Both answered"),
        pick(lang, "En besvarad", "One answered"),
    )
    frame = pd.DataFrame(
        [
            {
                "kategori": titles[c.id],
                "genomsnitt": c.mean,
                "besvarade": f"{c.answered}/{c.of}",
                "läge": part if c.partial else full,
            }
            for c in result.categories
            if c.mean is not None
        ],
        columns=["kategori", "genomsnitt", "besvarade", "läge"],
    )
    order = [titles[c.id] for c in result.categories]
    who = result.actor or pick(lang, "en aktör", "one actor")
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "genomsnitt:Q",
                scale=alt.Scale(domain=[0, 5]),
                axis=number_axis(lang, whole=True),
                title=pick(
                    lang,
                    "Genomsnitt (1 = aldrig, 5 = mycket ofta)",
                    "Average (1 = never, 5 = very often)",
                ),
            ),
            y=alt.Y("kategori:N", axis=label_axis(), sort=order, title=None),
            color=alt.Color(
                "läge:N",
                scale=alt.Scale(domain=[full, part], range=[NEUTRAL, WORK_ON]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[
                tip("kategori:N", CATEGORY, lang),
                tip("genomsnitt:Q", AVERAGE, lang, format=".1f"),
                tip("besvarade:N", ANSWERED, lang),
            ],
        )
    )
    # Not colour alone: a partly answered category says so beside its bar.
    words = (
        bars.mark_text(align="left", dx=4)
        .encode(text="läge:N", color=alt.value("black"))
        .transform_filter(alt.datum["läge"] == part)
    )
    return natural(
        (bars + words).properties(
            height=alt.Step(28),
            width=WIDTH,
            title=pick(lang, f"Kartläggning: {who}", f"Mapping: {who}"),
        )
    )


def kartlaggning_group_chart(form: Form, group, lang: str = "sv") -> alt.TopLevelMixin:
    """Actors × categories as a heatmap of averages, then each indicator's mean and spread."""
    titles = _section_titles(form, lang)
    order = list(group.category_means)
    rows = []
    for member in group.members:
        who = member.actor or member.respondent
        for category, mean in member.category_means.items():
            if mean is not None:
                rows.append(
                    {
                        "aktör": who,
                        "kategori": titles[category],
                        "genomsnitt": mean,
                        "visas": number_text(mean, lang, 1),
                    }
                )
    frame = pd.DataFrame(rows, columns=["aktör", "kategori", "genomsnitt", "visas"])
    base = alt.Chart(frame).encode(
        x=alt.X(
            "kategori:N",
            sort=[titles[c] for c in order],
            title=None,
            axis=column_axis(),
        ),
        y=alt.Y("aktör:N", axis=label_axis(), sort=None, title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "genomsnitt:Q",
            scale=alt.Scale(domain=[1, 5], scheme="oranges"),
            title=pick(lang, *AVERAGE_TITLE),
        ),
        tooltip=[
            tip("aktör:N", ACTOR, lang),
            tip("kategori:N", CATEGORY, lang),
            tip("visas:N", AVERAGE_TITLE, lang),
        ],
    )
    text = base.mark_text(baseline="middle").encode(text="visas:N")
    heatmap = (cells + text).properties(
        height=alt.Step(26),
        width=alt.Step(60),
        title=pick(
            lang, "Aktörer × kategorier (genomsnitt 1–5)", "Actors × categories (average 1–5)"
        ),
    )
    return alt.vconcat(heatmap, items_spread_chart(form, group.items, lang)).resolve_scale(
        color="independent"
    )
