"""Aktörsanalys – the influence × support map with the quadrants named.

Each place on the map carries a number; the actors are named beside the map under
their numbers (names written at the dots ran into each other and off the edge).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from scoring.aktorsanalys import MIDDLE, QUADRANT_LABELS
from stadforstad.charts.common import READY, WORK_ON, label_axis
from stadforstad.i18n import count_text, pick
from stadforstad.schema import Form
from stadforstad.words import ACTORS, INFLUENCE, NUMBER, QUADRANT, SUPPORT, tip

#: One shape per quadrant, in the order of the colours below.
QUADRANT_SHAPES = ["triangle-up", "diamond", "square", "circle"]


def _quadrant_map(points: pd.DataFrame, lang: str, title: str) -> alt.TopLevelMixin:
    """Support (x) × influence (y), 1–5, split between the middle (3, not high) and 4
    with the quadrants named; one mark per place on the map, actors at the same place
    named together."""
    names = {q: labels[lang if lang in labels else "sv"] for q, labels in QUADRANT_LABELS.items()}
    colours = {
        "satsa_mer": WORK_ON,
        "nyckelaktorer": READY,
        "hall_informerade": "#1565c0",
        "bevaka": "#9e9e9e",
    }
    corners = pd.DataFrame(
        [
            {"x": 1.0, "y": 5.4, "namn": names["satsa_mer"], "align": "left"},
            {"x": 5.0, "y": 5.4, "namn": names["nyckelaktorer"], "align": "right"},
            {"x": 5.0, "y": 0.6, "namn": names["hall_informerade"], "align": "right"},
            {"x": 1.0, "y": 0.6, "namn": names["bevaka"], "align": "left"},
        ]
    )
    scale = alt.Scale(domain=[0.5, 5.5], nice=False)
    axis = alt.Axis(values=[1, 2, 3, 4, 5], grid=False, format="d")
    corner_marks = [
        alt.Chart(corners[corners["align"] == a])
        .mark_text(align=a, fontWeight="bold", color="#616161")
        .encode(x="x:Q", y="y:Q", text="namn:N")
        for a in ("left", "right")
    ]
    rules = alt.Chart(pd.DataFrame([{"v": MIDDLE + 0.5}])).mark_rule(
        strokeDash=[6, 3], color="black"
    )
    support_title = pick(lang, "Upplevt stöd för arbete (1–5)", "Perceived support (1–5)")
    influence_title = pick(lang, "Organisationens påverkansgrad (1–5)", "Degree of influence (1–5)")
    quadrant_names = [names[q] for q in colours]
    frame = points.assign(kvadrant=points["kvadrant"].map(names))
    base = alt.Chart(frame).encode(
        x=alt.X("stöd:Q", scale=scale, axis=axis, title=support_title),
        y=alt.Y("påverkan:Q", scale=scale, axis=axis, title=influence_title),
    )
    legend = alt.Legend(title=None, orient="bottom", columns=2, labelLimit=0)
    # The quadrant as a shape too (and by place, under its corner's name): never colour alone.
    dots = base.mark_point(size=160, opacity=0.9, filled=True).encode(
        color=alt.Color(
            "kvadrant:N",
            scale=alt.Scale(domain=quadrant_names, range=list(colours.values())),
            legend=legend,
        ),
        shape=alt.Shape(
            "kvadrant:N",
            scale=alt.Scale(domain=quadrant_names, range=QUADRANT_SHAPES),
            legend=legend,
        ),
        tooltip=[
            tip("aktörer:N", ACTORS, lang),
            tip("påverkan:Q", INFLUENCE, lang),
            tip("stöd:Q", SUPPORT, lang),
            tip("kvadrant:N", QUADRANT, lang),
        ],
    )
    numbers = base.mark_text(align="left", dx=9, dy=-9, fontWeight="bold").encode(text="nr:N")
    chart = alt.layer(
        rules.encode(x="v:Q"),
        rules.encode(y="v:Q"),
        *corner_marks,
        dots,
        numbers,
    ).properties(width=420, height=420, title=title)
    key = (
        alt.Chart(frame)
        .mark_text(align="left", baseline="middle", limit=0)
        .encode(
            y=alt.Y(
                "nr:N",
                sort=list(frame["nr"]),
                title=None,
                axis=label_axis(domain=False, ticks=False),
            ),
            x=alt.value(0),
            # black on white: coloured text this small would be too faint to read
            text="aktörer:N",
            tooltip=[
                tip("nr:N", NUMBER, lang),
                tip("aktörer:N", ACTORS, lang),
                tip("kvadrant:N", QUADRANT, lang),
            ],
        )
        .properties(width=220, height=alt.Step(22), title=pick(lang, "Aktörer", "Actors"))
    )
    return alt.hconcat(chart, key)


def _places(actors) -> pd.DataFrame:
    """Actors at the same place (support, influence) become one mark, names joined;
    each place is numbered (``nr``) in the order the actors were written."""
    places: dict[tuple, list] = {}
    for a in actors:
        if a.quadrant is not None:
            places.setdefault((a.support, a.influence, a.quadrant), []).append(a.name)
    return pd.DataFrame(
        [
            {
                "stöd": support,
                "påverkan": influence,
                "kvadrant": quadrant,
                "aktörer": ", ".join(names),
                "nr": str(number),
            }
            for number, ((support, influence, quadrant), names) in enumerate(
                places.items(), start=1
            )
        ],
        columns=["stöd", "påverkan", "kvadrant", "aktörer", "nr"],
    )


def aktorsanalys_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    """Influence × support map with each actor named and the quadrants named."""
    left_out = len(result.incomplete)
    note = (
        pick(
            lang,
            f" ({left_out} utan båda siffrorna visas inte)",
            f" ({left_out} without both numbers not shown)",
        )
        if left_out
        else ""
    )
    return _quadrant_map(
        _places(result.actors),
        lang,
        pick(
            lang,
            "Påverkan × stöd (verktygets karta, inte handbokens)",
            "Influence × support (this tool's map, not the handbook's)",
        )
        + note,
    )


def aktorsanalys_group_chart(form: Form, group, lang: str = "sv") -> alt.TopLevelMixin:
    """The same map with each actor at the group's mean influence and support."""
    return _quadrant_map(
        _places(group.actors),
        lang,
        pick(
            lang,
            "Påverkan × stöd (verktygets karta), medel av ",
            "Influence × support (this tool's map), mean of ",
        )
        + count_text(lang, group.respondents, ("deltagare", "deltagare"), ("member", "members")),
    )
