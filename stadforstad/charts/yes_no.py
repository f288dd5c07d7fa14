"""Yes/no statements (engagemang, riktning): each statement's answer; the group's counts."""

from __future__ import annotations

import altair as alt
import pandas as pd

from stadforstad.charts.common import NOT_READY, READY, WIDTH
from stadforstad.i18n import pick
from stadforstad.schema import Form


def yes_no_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    yes, no, blank = (
        pick(lang, "Ja", "Yes"),
        pick(lang, "Nej", "No"),
        pick(lang, "Ej besvarad", "Unanswered"),
    )
    no_items = set(result.no_items)
    unanswered = set(result.unanswered_items)
    frame = pd.DataFrame(
        [
            {
                "påstående": f"{n:02d}",
                "text": item.label.get(lang),
                "svar": no if item.id in no_items else blank if item.id in unanswered else yes,
            }
            for n, item in enumerate((i for i in form.answerable() if i.kind == "yes_no"), start=1)
        ]
    )
    return (
        alt.Chart(frame)
        .mark_square(size=400)
        .encode(
            x=alt.X("påstående:N", title=pick(lang, "Påstående", "Statement")),
            color=alt.Color(
                "svar:N",
                scale=alt.Scale(domain=[yes, no, blank], range=[READY, NOT_READY, "#bdbdbd"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=["påstående", "text", "svar"],
        )
        .properties(
            width=WIDTH,
            title=pick(
                lang,
                f"{result.yes_count} av {result.total} JA",
                f"{result.yes_count} of {result.total} YES",
            ),
        )
    )


def yes_no_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    yes, no = pick(lang, "Ja", "Yes"), pick(lang, "Nej", "No")
    numbers = {
        item.id: n
        for n, item in enumerate((i for i in form.answerable() if i.kind == "yes_no"), start=1)
    }
    rows = []
    for s in group.statements:
        rows.append(
            {
                "påstående": f"{numbers[s.id]:02d}",
                "svar": yes,
                "antal": s.yes,
                "text": form.item(s.id).label.get(lang),
            }
        )
        rows.append(
            {
                "påstående": f"{numbers[s.id]:02d}",
                "svar": no,
                "antal": s.no,
                "text": form.item(s.id).label.get(lang),
            }
        )
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("påstående:N", title=pick(lang, "Påstående", "Statement")),
            y=alt.Y(
                "antal:Q",
                title=pick(lang, "Antal deltagare", "Members"),
                stack=True,
                axis=alt.Axis(tickMinStep=1),
            ),
            color=alt.Color(
                "svar:N",
                scale=alt.Scale(domain=[yes, no], range=[READY, NOT_READY]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=["påstående", "text", "svar", "antal"],
        )
        .properties(
            width=WIDTH, title=pick(lang, "Ja och nej per påstående", "Yes and no per statement")
        )
    )
