"""Altair charts for every scored form: one response, and a group.

Charts receive scored, aggregated results, never raw answer tables: the rows sent to
the browser are about the marks drawn. Labels come from the form in the chosen
language. ``CHARTS`` is the literal registry; a test checks it covers every scorer.
"""

from __future__ import annotations

from typing import Callable

import altair as alt
import pandas as pd

from stadforstad.i18n import pick
from stadforstad.schema import Form

READY = "#2e7d32"
NOT_READY = "#c62828"
NEUTRAL = "#546e7a"
WORK_ON = "#ef6c00"


def _label(form: Form, item_id: str, lang: str) -> str:
    return form.item(item_id).label.get(lang)


# -- redo ------------------------------------------------------------------------
def redo_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """Per-item bars (1–5, things to work on marked) and the total against 20."""
    work = pick(lang, "Att arbeta med (1–2)", "To work on (1–2)")
    fine = pick(lang, "Övriga", "Others")
    items = pd.DataFrame([
        {"fråga": _label(form, i.id, lang), "värde": i.value,
         "status": work if i.work_on else fine}
        for i in result.items if i.value is not None
    ])
    bars = alt.Chart(items).mark_bar().encode(
        x=alt.X("värde:Q", scale=alt.Scale(domain=[0, 5]), title=pick(lang, "Svar (1–5)", "Answer (1–5)")),
        y=alt.Y("fråga:N", sort=None, title=None),
        color=alt.Color("status:N", scale=alt.Scale(domain=[work, fine], range=[WORK_ON, NEUTRAL]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["fråga", "värde"],
    ).properties(height=alt.Step(28), title=pick(lang, "Varje fråga", "Each question"))
    return alt.vconcat(bars, _total_chart(result.total, result.threshold, result.min_total,
                                          result.max_total, lang)).resolve_scale(color="independent")


def _total_chart(total: int, threshold: int, low: int, high: int, lang: str) -> alt.Chart:
    ready = total > threshold
    frame = pd.DataFrame([{"poäng": total, "etikett": pick(lang, "Totalt", "Total")}])
    bar = alt.Chart(frame).mark_bar(size=26, color=READY if ready else NOT_READY).encode(
        x=alt.X("poäng:Q", scale=alt.Scale(domain=[0, high]),
                title=pick(lang, f"Poäng ({low}–{high}); över {threshold} = redo",
                           f"Score ({low}–{high}); above {threshold} = ready")),
        y=alt.Y("etikett:N", title=None),
        tooltip=["poäng"],
    )
    rule = alt.Chart(pd.DataFrame([{"gräns": threshold}])).mark_rule(
        strokeDash=[6, 3], color="black", size=2).encode(x="gräns:Q")
    return (bar + rule).properties(height=60, title=pick(lang, "Totalt mot gränsen 20",
                                                         "Total against the threshold 20"))


def redo_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """Every member's total against 20 with the median; each item's mean and spread."""
    members = pd.DataFrame([{"deltagare": m.respondent, "poäng": m.total,
                             "redo": pick(lang, "redo", "ready") if m.ready else
                             pick(lang, "inte redo", "not ready")}
                            for m in group.members if m.complete])
    totals = alt.Chart(members).mark_circle(size=140).encode(
        x=alt.X("poäng:Q", scale=alt.Scale(domain=[7, 35]), title=pick(lang, "Totalpoäng", "Total")),
        y=alt.Y("deltagare:N", title=None, sort="-x"),
        color=alt.Color("redo:N", scale=alt.Scale(
            domain=[pick(lang, "redo", "ready"), pick(lang, "inte redo", "not ready")],
            range=[READY, NOT_READY]), legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["deltagare", "poäng"],
    )
    marks = [pd.DataFrame([{"x": group.threshold, "vad": "gräns"}])]
    rule = alt.Chart(marks[0]).mark_rule(strokeDash=[6, 3], color="black").encode(x="x:Q")
    layers = totals + rule
    if group.median_total is not None:
        median = alt.Chart(pd.DataFrame([{"x": group.median_total}])).mark_rule(
            color=NEUTRAL, size=3).encode(x="x:Q", tooltip=[alt.Tooltip("x:Q", title="median")])
        layers = layers + median
    layers = layers.properties(height=alt.Step(24), title=pick(
        lang, "Varje deltagares total (streckad linje = 20, grå = median)",
        "Each member's total (dashed = 20, grey = median)"))
    return alt.vconcat(layers, items_spread_chart(form, group.items, lang)).resolve_scale(
        color="independent")


def items_spread_chart(form: Form, items, lang: str = "sv", domain=(1, 5)) -> alt.Chart:
    """Each rated item: the range min–max as a line, the mean as a point; items where
    members differ by 2 or more in orange."""
    discuss = pick(lang, "Olika svar – diskutera", "Members differ – discuss")
    agree = pick(lang, "Samstämmigt", "In agreement")
    frame = pd.DataFrame([
        {"fråga": _label(form, s.id, lang), "medel": s.mean, "min": s.min, "max": s.max,
         "spridning": s.spread, "svar": s.n, "läge": discuss if s.disagree else agree}
        for s in items if s.n
    ])
    if frame.empty:
        return alt.Chart(pd.DataFrame({"x": []})).mark_point()
    base = alt.Chart(frame).encode(y=alt.Y("fråga:N", sort=None, title=None))
    colour = alt.Color("läge:N", scale=alt.Scale(domain=[discuss, agree], range=[WORK_ON, NEUTRAL]),
                       legend=alt.Legend(title=None, orient="bottom"))
    spread = base.mark_rule(size=3).encode(
        x=alt.X("min:Q", scale=alt.Scale(domain=list(domain)), title=pick(lang, "Svar", "Answer")),
        x2="max:Q", color=colour)
    mean = base.mark_point(filled=True, size=120).encode(
        x="medel:Q", color=colour, tooltip=["fråga", "medel", "min", "max", "svar"])
    return (spread + mean).properties(height=alt.Step(28), title=pick(
        lang, "Medel (punkt) och spridning (linje) per fråga",
        "Mean (point) and spread (line) per question"))


# -- yes/no (engagemang, riktning) -----------------------------------------------
def yes_no_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    yes, no, blank = pick(lang, "Ja", "Yes"), pick(lang, "Nej", "No"), pick(lang, "Ej besvarad", "Unanswered")
    no_items = set(result.no_items)
    unanswered = set(result.unanswered_items)
    frame = pd.DataFrame([
        {"påstående": f"{n:02d}", "text": item.label.get(lang),
         "svar": no if item.id in no_items else blank if item.id in unanswered else yes}
        for n, item in enumerate((i for i in form.answerable() if i.kind == "yes_no"), start=1)
    ])
    return alt.Chart(frame).mark_square(size=400).encode(
        x=alt.X("påstående:N", title=pick(lang, "Påstående", "Statement")),
        color=alt.Color("svar:N", scale=alt.Scale(domain=[yes, no, blank],
                                                  range=[READY, NOT_READY, "#bdbdbd"]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["påstående", "text", "svar"],
    ).properties(title=pick(lang, f"{result.yes_count} av {result.total} JA",
                            f"{result.yes_count} of {result.total} YES"))


def yes_no_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    yes, no = pick(lang, "Ja", "Yes"), pick(lang, "Nej", "No")
    numbers = {item.id: n for n, item in enumerate(
        (i for i in form.answerable() if i.kind == "yes_no"), start=1)}
    rows = []
    for s in group.statements:
        rows.append({"påstående": f"{numbers[s.id]:02d}", "svar": yes, "antal": s.yes,
                     "text": form.item(s.id).label.get(lang)})
        rows.append({"påstående": f"{numbers[s.id]:02d}", "svar": no, "antal": s.no,
                     "text": form.item(s.id).label.get(lang)})
    return alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        x=alt.X("påstående:N", title=pick(lang, "Påstående", "Statement")),
        y=alt.Y("antal:Q", title=pick(lang, "Antal deltagare", "Members"), stack=True,
                axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("svar:N", scale=alt.Scale(domain=[yes, no], range=[READY, NOT_READY]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["påstående", "text", "svar", "antal"],
    ).properties(title=pick(lang, "Ja och nej per påstående", "Yes and no per statement"))


# -- rekrytering -------------------------------------------------------------------
def rekrytering_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """How many eligible candidates carry each of the six personality types."""
    column = next(c for c in form.item("kandidater").columns if c.id == "typer")
    labels = {o.value: o.label.get(lang) for o in column.options}
    counts = {t: 0 for t in labels}
    for candidate in result.candidates:
        if candidate.eligible:
            for t in candidate.types:
                counts[t] += 1
    frame = pd.DataFrame([{"typ": labels[t], "antal": n,
                           "täckt": pick(lang, "finns", "covered") if n else
                           pick(lang, "saknas", "missing")} for t, n in counts.items()])
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("antal:Q", title=pick(lang, "Antal i gruppen", "Number in the group"),
                axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("typ:N", sort=None, title=None),
        color=alt.Color("täckt:N", scale=alt.Scale(
            domain=[pick(lang, "finns", "covered"), pick(lang, "saknas", "missing")],
            range=[READY, NOT_READY]), legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["typ", "antal"],
    ).properties(height=alt.Step(28), title=pick(lang, "Personlighetstyper i kärngruppen",
                                                 "Personality types in the core group"))


ChartFn = Callable[..., alt.TopLevelMixin]

#: scorer id → (chart of one response, chart of a group)
CHARTS: dict[str, tuple[ChartFn, ChartFn]] = {
    "redo": (redo_chart, redo_group_chart),
    "engagemang": (yes_no_chart, yes_no_group_chart),
    "riktning": (yes_no_chart, yes_no_group_chart),
    "rekrytering": (rekrytering_chart, rekrytering_chart),
}
