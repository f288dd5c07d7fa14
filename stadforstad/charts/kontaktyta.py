"""The network picture of target groups and points of contact.

Target groups in a column on the left (round marks), actors on the right (square marks),
a line for each point of contact. Shape and side say which is which, not colour alone.
Positions are worked out here, so the browser gets one row per mark.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from scoring.kontaktyta import Network, NetworkGroup
from stadforstad.charts.common import NEUTRAL, WORK_ON
from stadforstad.i18n import pick
from stadforstad.instruments.kontaktyta import actor_label, group_label
from stadforstad.schema import Form
from stadforstad.words import ACTOR, KIND, NAME, TARGET_GROUP, tip

ROW = 30
GROUP_X, ACTOR_X = 0.0, 1.0


def _spread(n: int, rows: int) -> list[float]:
    """``n`` places spread evenly over ``rows`` rows (top to bottom)."""
    if n <= 1:
        return [(rows - 1) / 2] * n
    step = (rows - 1) / (n - 1)
    return [i * step for i in range(n)]


def network_chart(form: Form, network: Network, lang: str) -> alt.TopLevelMixin:
    rows = max(len(network.groups), len(network.actors), 1)
    group_name = pick(lang, "Målgrupp", "Target group")
    actor_name = pick(lang, "Aktör", "Actor")
    nodes = pd.DataFrame(
        [
            {"x": GROUP_X, "y": y, "namn": group_label(form, g, lang), "slag": group_name}
            for g, y in zip(network.groups, _spread(len(network.groups), rows))
        ]
        + [
            {"x": ACTOR_X, "y": y, "namn": actor_label(form, a, lang), "slag": actor_name}
            for a, y in zip(network.actors, _spread(len(network.actors), rows))
        ],
        columns=["x", "y", "namn", "slag"],
    )
    where = {(r.slag, r.namn): r.y for r in nodes.itertuples()}
    edges = pd.DataFrame(
        [
            {
                "x": GROUP_X,
                "y": where[(group_name, group_label(form, c.group, lang))],
                "x2": ACTOR_X,
                "y2": where[(actor_name, actor_label(form, c.actor, lang))],
                "målgrupp": group_label(form, c.group, lang),
                "aktör": actor_label(form, c.actor, lang),
            }
            for c in network.contacts
        ],
        columns=["x", "y", "x2", "y2", "målgrupp", "aktör"],
    )
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.9, 1.9]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-0.5, rows - 0.5], reverse=True))
    lines = (
        alt.Chart(edges)
        .mark_rule(color=NEUTRAL, opacity=0.6)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            tooltip=[tip("målgrupp:N", TARGET_GROUP, lang), tip("aktör:N", ACTOR, lang)],
        )
    )
    marks = (
        alt.Chart(nodes)
        .mark_point(filled=True, size=140, opacity=1)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "slag:N",
                scale=alt.Scale(domain=[group_name, actor_name], range=["circle", "square"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            color=alt.Color(
                "slag:N",
                scale=alt.Scale(domain=[group_name, actor_name], range=[WORK_ON, NEUTRAL]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[tip("slag:N", KIND, lang), tip("namn:N", NAME, lang)],
        )
    )
    left = (
        alt.Chart(nodes[nodes["slag"] == group_name])
        .mark_text(align="right", dx=-10, limit=0)
        .encode(x=x, y=y, text="namn:N")
    )
    right = (
        alt.Chart(nodes[nodes["slag"] == actor_name])
        .mark_text(align="left", dx=10, limit=0)
        .encode(x=x, y=y, text="namn:N")
    )
    title = pick(lang, "Målgrupper och kontaktytor", "Target groups and points of contact")
    return alt.layer(lines, marks, left, right).properties(
        width=560, height=max(ROW * rows, 120), title=title
    )


def network_group_chart(form: Form, group: NetworkGroup, lang: str) -> alt.TopLevelMixin:
    return network_chart(form, group.network, lang)
