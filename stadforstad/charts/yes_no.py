"""Yes/no statements (engagemang, riktning): each statement's answer; the group's counts.

Each statement is a row named by its text (wrapped, whole), so the chart reads on its
own on screen and on paper; the answer is shown by place and word, not colour alone.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from stadforstad.charts.common import NOT_READY, READY, count_axis, label_axis, natural
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.words import ANSWER, COUNT, MEMBERS_TITLE, tip

#: Statement labels are wrapped at this many characters, one line per part.
WRAP = 80
#: A label's lines, one under the other.
LINES = "split(datum.label, '\\n')"
ROW = 46


def _statements(form: Form, lang: str) -> list[tuple[str, str]]:
    """``(item id, label)`` of the yes/no statements, numbered as in the handbook."""
    items = [i for i in form.answerable() if i.kind == "yes_no"]
    return [
        (item.id, _wrapped(f"{n}. {item.label.get(lang)}")) for n, item in enumerate(items, start=1)
    ]


def _wrapped(text: str) -> str:
    """The label in lines of at most ``WRAP`` characters, joined by newlines
    (``LINES`` draws them one under the other)."""
    return "\n".join(textwrap.wrap(text, WRAP)) or text


def yes_no_chart(form: Form, result, lang: str = "sv") -> alt.TopLevelMixin:
    yes, no, blank = (
        pick(lang, "Ja", "Yes"),
        pick(lang, "Nej", "No"),
        pick(lang, "Ej besvarad", "Unanswered"),
    )
    no_items = set(result.no_items)
    unanswered = set(result.unanswered_items)
    statements = _statements(form, lang)
    frame = pd.DataFrame(
        [
            {
                "påstående": label,
                "text": label.replace("\n", " "),
                "svar": no if item_id in no_items else blank if item_id in unanswered else yes,
            }
            for item_id, label in statements
        ]
    )
    order = [label for _id, label in statements]
    base = alt.Chart(frame).encode(
        y=alt.Y(
            "påstående:N",
            sort=order,
            title=None,
            axis=label_axis(labelExpr=LINES, labelLineHeight=13),
        ),
        x=alt.X(
            "svar:N",
            scale=alt.Scale(domain=[yes, no, blank]),
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, labelLimit=0),
        ),
        tooltip=[
            alt.Tooltip("text:N", title=pick(lang, "Påstående", "Statement")),
            tip("svar:N", ANSWER, lang),
        ],
    )
    marks = base.mark_square(size=300).encode(
        color=alt.Color(
            "svar:N",
            scale=alt.Scale(domain=[yes, no, blank], range=[READY, NOT_READY, "#bdbdbd"]),
            legend=None,
        )
    )
    chart = marks.properties(
        height=alt.Step(ROW),
        width=alt.Step(90),
        title=pick(
            lang,
            f"{result.yes_count} av {result.total} JA",
            f"{result.yes_count} of {result.total} YES",
        ),
    )
    return natural(chart)


def yes_no_group_chart(form: Form, group, lang: str = "sv") -> alt.TopLevelMixin:
    yes, no = pick(lang, "Ja", "Yes"), pick(lang, "Nej", "No")
    labels = dict(_statements(form, lang))
    rows = []
    for s in group.statements:
        # "mitt": the middle of the answer's part of the stacked bar, where its word goes.
        rows.append({"påstående": labels[s.id], "svar": yes, "antal": s.yes, "mitt": s.yes / 2})
        rows.append(
            {"påstående": labels[s.id], "svar": no, "antal": s.no, "mitt": s.yes + s.no / 2}
        )
    most = max((s.yes + s.no for s in group.statements), default=1)
    frame = pd.DataFrame(rows)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "påstående:N",
                sort=list(labels.values()),
                title=None,
                axis=label_axis(labelExpr=LINES, labelLineHeight=13),
            ),
            x=alt.X(
                "antal:Q",
                title=pick(lang, *MEMBERS_TITLE),
                stack=True,
                scale=alt.Scale(domain=[0, max(most, 1)]),
                axis=count_axis(lang, most),
            ),
            color=alt.Color(
                "svar:N",
                scale=alt.Scale(domain=[yes, no], range=[READY, NOT_READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=[tip("svar:N", ANSWER, lang), tip("antal:Q", COUNT, lang)],
        )
    )
    # Not colour alone: each part of a bar says whether it is yes or no (white on the
    # dark green and red keeps 4.5:1).
    words = (
        alt.Chart(frame)
        .mark_text(color="white", fontWeight="bold")
        .encode(
            y=alt.Y("påstående:N", sort=list(labels.values())),
            x=alt.X("mitt:Q"),
            text="svar:N",
        )
        .transform_filter(alt.datum.antal > 0)
    )
    chart = (bars + words).properties(
        height=alt.Step(ROW),
        width=320,
        title=pick(lang, "Ja och nej per påstående", "Yes and no per statement"),
    )
    return natural(chart)
