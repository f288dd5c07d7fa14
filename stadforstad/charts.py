"""Altair charts for every scored form: one response, and a group.

Charts receive scored, aggregated results, never raw answer tables: the rows sent to
the browser are about the marks drawn. Labels come from the form in the chosen
language. ``CHARTS`` is the literal registry; a test checks it covers every scorer.
"""

from __future__ import annotations

import json
from typing import Callable

import altair as alt
import pandas as pd

from scoring.aktorsanalys import HIGH_FROM, QUADRANT_LABELS
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


# -- kartlaggning ------------------------------------------------------------------
def _section_titles(form: Form, lang: str) -> dict[str, str]:
    return {s.id: s.title.get(lang) if s.title else s.id for s in form.sections}


def kartlaggning_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """The six category averages of one actor (1–5); partly answered ones marked."""
    titles = _section_titles(form, lang)
    full, part = pick(lang, "Båda besvarade", "Both answered"), pick(lang, "En besvarad", "One answered")
    frame = pd.DataFrame([
        {"kategori": titles[c.id], "genomsnitt": c.mean, "besvarade": f"{c.answered}/{c.of}",
         "läge": part if c.partial else full}
        for c in result.categories if c.mean is not None
    ], columns=["kategori", "genomsnitt", "besvarade", "läge"])
    order = [titles[c.id] for c in result.categories]
    who = result.actor or pick(lang, "en aktör", "one actor")
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("genomsnitt:Q", scale=alt.Scale(domain=[0, 5]),
                title=pick(lang, "Genomsnitt (1 = aldrig, 5 = mycket ofta)",
                           "Average (1 = never, 5 = very often)")),
        y=alt.Y("kategori:N", sort=order, title=None),
        color=alt.Color("läge:N", scale=alt.Scale(domain=[full, part], range=[NEUTRAL, WORK_ON]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["kategori:N", "genomsnitt:Q", "besvarade:N"],
    ).properties(height=alt.Step(28), title=pick(lang, f"Kartläggning: {who}", f"Mapping: {who}"))


def kartlaggning_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """Actors × categories as a heatmap of averages, then each indicator's mean and spread."""
    titles = _section_titles(form, lang)
    order = list(group.category_means)
    rows = []
    for member in group.members:
        who = member.actor or member.respondent
        for category, mean in member.category_means.items():
            if mean is not None:
                rows.append({"aktör": who, "kategori": titles[category], "genomsnitt": mean})
    frame = pd.DataFrame(rows, columns=["aktör", "kategori", "genomsnitt"])
    base = alt.Chart(frame).encode(
        x=alt.X("kategori:N", sort=[titles[c] for c in order], title=None,
                axis=alt.Axis(labelAngle=-35, labelLimit=240)),
        y=alt.Y("aktör:N", sort=None, title=None),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("genomsnitt:Q", scale=alt.Scale(domain=[1, 5], scheme="oranges"),
                        title=pick(lang, "Genomsnitt", "Average")),
        tooltip=["aktör:N", "kategori:N", "genomsnitt:Q"],
    )
    text = base.mark_text(baseline="middle").encode(text=alt.Text("genomsnitt:Q", format=".1f"))
    heatmap = (cells + text).properties(
        height=alt.Step(26), width=alt.Step(70), title=pick(lang, "Aktörer × kategorier (genomsnitt 1–5)",
                                         "Actors × categories (average 1–5)"))
    return alt.vconcat(heatmap, items_spread_chart(form, group.items, lang)).resolve_scale(
        color="independent")


# -- utvecklingsnivaer ---------------------------------------------------------------
def _level_axis(names: list[str], low: int) -> alt.Axis:
    """An axis over level numbers that shows the level names."""
    labels = json.dumps(names, ensure_ascii=False)
    return alt.Axis(values=list(range(low, low + len(names))), labelLimit=200,
                    labelOverlap=False, labelAngle=-20, grid=True,
                    labelExpr=f"{labels}[round(datum.value) - {low}]")


def _today_wished(frame: pd.DataFrame, who: str, names: list[str], low: int, lang: str,
                  today: str = "idag", wished: str = "önskad") -> alt.Chart:
    """Per row of ``frame``: a line from today's level to the wished one, a point at each."""
    x_scale = alt.Scale(domain=[low - 0.3, low + len(names) - 1 + 0.3])
    base = alt.Chart(frame).encode(y=alt.Y(f"{who}:N", sort=None, title=None))
    line = base.mark_rule(size=3, color="#9e9e9e").encode(
        x=alt.X(f"{today}:Q", scale=x_scale, axis=_level_axis(names, low), title=None),
        x2=f"{wished}:Q")
    now = base.mark_point(filled=True, size=160, color=NEUTRAL).encode(
        x=f"{today}:Q", tooltip=[f"{who}:N", f"{today}:Q", f"{wished}:Q"])
    goal = base.mark_point(filled=True, size=160, color=READY, shape="diamond").encode(
        x=f"{wished}:Q", tooltip=[f"{who}:N", f"{today}:Q", f"{wished}:Q"])
    return (line + now + goal).properties(height=alt.Step(30), width=520)


def _level_names(form: Form, lang: str) -> list[str]:
    return [level.label.get(lang) for level in form.item("niva_idag").levels]


def utvecklingsnivaer_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """Today (grey) → wished for (green), on the five development levels."""
    # one level missing: a single point at the level given; none: an empty chart
    today = result.today if result.today is not None else result.wished
    wished = result.wished if result.wished is not None else result.today
    frame = pd.DataFrame([{"vem": pick(lang, "Ni", "You"), "idag": today, "önskad": wished}]
                         if today is not None else [], columns=["vem", "idag", "önskad"])
    gap = "–" if result.gap is None else f"{result.gap:+d}"
    return _today_wished(frame, "vem", _level_names(form, lang), 1, lang).properties(
        title=pick(lang, f"Idag (grå) → önskad nivå (grön); skillnad {gap}",
                   f"Today (grey) → wished level (green); gap {gap}"))


def utvecklingsnivaer_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """Each member today → wished, and how many are at each level today and wished."""
    names = _level_names(form, lang)
    members = pd.DataFrame([
        {"deltagare": m.respondent, "idag": m.today if m.today is not None else m.wished,
         "önskad": m.wished if m.wished is not None else m.today}
        for m in group.members if m.today is not None or m.wished is not None
    ], columns=["deltagare", "idag", "önskad"])
    paths = _today_wished(members, "deltagare", names, 1, lang).properties(
        title=pick(lang, "Varje deltagare: idag (grå) → önskad (grön)",
                   "Each member: today (grey) → wished (green)"))
    today, wished = pick(lang, "Idag", "Today"), pick(lang, "Önskad", "Wished")
    counts = pd.DataFrame(
        [{"nivå": names[int(k) - 1], "när": today, "antal": n} for k, n in group.today_counts.items()]
        + [{"nivå": names[int(k) - 1], "när": wished, "antal": n}
           for k, n in group.wished_counts.items()])
    bars = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("nivå:N", sort=names, title=None),
        yOffset=alt.YOffset("när:N", sort=[today, wished]),
        x=alt.X("antal:Q", title=pick(lang, "Antal deltagare", "Members"),
                axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("när:N", scale=alt.Scale(domain=[today, wished], range=[NEUTRAL, READY]),
                        legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["nivå:N", "när:N", "antal:Q"],
    ).properties(height=alt.Step(14), title=pick(lang, "Gruppens fördelning per nivå",
                                                 "The group's distribution per level"))
    return alt.vconcat(paths, bars).resolve_scale(color="independent")


# -- samverkansnivaer ----------------------------------------------------------------
def _huxham_names(form: Form, lang: str) -> list[str]:
    column = next(c for c in form.item("aktorer").columns if c.id == "niva_idag")
    return [o.label.get(lang) for o in column.options]


def samverkansnivaer_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """Actors × level: today (grey) → wished for (green); actors without both left out."""
    frame = pd.DataFrame([
        {"aktör": a.name, "idag": a.today_index, "önskad": a.wished_index}
        for a in result.actors if a.gap is not None
    ], columns=["aktör", "idag", "önskad"])
    return _today_wished(frame, "aktör", _huxham_names(form, lang), 0, lang).properties(
        title=pick(lang, "Samverkansnivå per aktör: idag (grå) → önskad (grön)",
                   "Level of collaboration per actor: today (grey) → wished (green)"))


def samverkansnivaer_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """Per actor the group's mean level today → wished (0 = no contact … 4 = samverkan)."""
    frame = pd.DataFrame([
        {"aktör": a.name, "idag": a.today.mean, "önskad": a.wished.mean}
        for a in group.actors if a.today.mean is not None and a.wished.mean is not None
    ], columns=["aktör", "idag", "önskad"])
    return _today_wished(frame, "aktör", _huxham_names(form, lang), 0, lang).properties(
        title=pick(lang, "Gruppens medelnivå per aktör: idag (grå) → önskad (grön)",
                   "The group's mean level per actor: today (grey) → wished (green)"))


# -- aktorsanalys --------------------------------------------------------------------
def _quadrant_map(points: pd.DataFrame, lang: str, title: str) -> alt.Chart:
    """Support (x) × influence (y), 1–5, split at 3 with the quadrants named; one mark per
    place on the map, actors at the same place named together."""
    names = {q: labels[lang if lang in labels else "sv"] for q, labels in QUADRANT_LABELS.items()}
    colours = {"satsa_mer": WORK_ON, "nyckelaktorer": READY, "hall_informerade": "#1565c0",
               "bevaka": "#9e9e9e"}
    corners = pd.DataFrame([
        {"x": 1.0, "y": 5.4, "namn": names["satsa_mer"], "align": "left"},
        {"x": 5.0, "y": 5.4, "namn": names["nyckelaktorer"], "align": "right"},
        {"x": 5.0, "y": 0.6, "namn": names["hall_informerade"], "align": "right"},
        {"x": 1.0, "y": 0.6, "namn": names["bevaka"], "align": "left"},
    ])
    scale = alt.Scale(domain=[0.5, 5.5], nice=False)
    axis = alt.Axis(values=[1, 2, 3, 4, 5], grid=False)
    corner_marks = [
        alt.Chart(corners[corners["align"] == a]).mark_text(
            align=a, fontWeight="bold", color="#616161").encode(x="x:Q", y="y:Q", text="namn:N")
        for a in ("left", "right")
    ]
    rules = alt.Chart(pd.DataFrame([{"v": HIGH_FROM}])).mark_rule(strokeDash=[6, 3], color="black")
    support_title = pick(lang, "Upplevt stöd för arbete (1–5)", "Perceived support (1–5)")
    influence_title = pick(lang, "Organisationens påverkansgrad (1–5)", "Degree of influence (1–5)")
    quadrant_names = [names[q] for q in colours]
    frame = points.assign(kvadrant=points["kvadrant"].map(names))
    base = alt.Chart(frame).encode(
        x=alt.X("stöd:Q", scale=scale, axis=axis, title=support_title),
        y=alt.Y("påverkan:Q", scale=scale, axis=axis, title=influence_title))
    dots = base.mark_circle(size=160, opacity=0.9).encode(
        color=alt.Color("kvadrant:N", scale=alt.Scale(
            domain=quadrant_names, range=list(colours.values())),
            legend=alt.Legend(title=None, orient="bottom")),
        tooltip=["aktörer:N", "påverkan:Q", "stöd:Q", "kvadrant:N"])
    labels = base.mark_text(align="left", dx=10, dy=-8).encode(text="aktörer:N")
    return alt.layer(
        rules.encode(x="v:Q"), rules.encode(y="v:Q"), *corner_marks, dots, labels,
    ).properties(width=420, height=420, title=title)


def _places(actors) -> pd.DataFrame:
    """Actors at the same place (support, influence) become one mark, names joined."""
    places: dict[tuple, list] = {}
    for a in actors:
        if a.quadrant is not None:
            places.setdefault((a.support, a.influence, a.quadrant), []).append(a.name)
    return pd.DataFrame(
        [{"stöd": support, "påverkan": influence, "kvadrant": quadrant, "aktörer": ", ".join(names)}
         for (support, influence, quadrant), names in places.items()],
        columns=["stöd", "påverkan", "kvadrant", "aktörer"])


def aktorsanalys_chart(form: Form, result, lang: str = "sv") -> alt.Chart:
    """Influence × support map with each actor named and the quadrants named."""
    left_out = len(result.incomplete)
    note = pick(lang, f" ({left_out} utan båda siffrorna visas inte)",
                f" ({left_out} without both numbers not shown)") if left_out else ""
    return _quadrant_map(_places(result.actors), lang,
                         pick(lang, "Påverkan × stöd", "Influence × support") + note)


def aktorsanalys_group_chart(form: Form, group, lang: str = "sv") -> alt.Chart:
    """The same map with each actor at the group's mean influence and support."""
    return _quadrant_map(_places(group.actors), lang, pick(
        lang, f"Påverkan × stöd, medel av {group.respondents} deltagare",
        f"Influence × support, mean of {group.respondents} members"))


ChartFn = Callable[..., alt.TopLevelMixin]

#: scorer id → (chart of one response, chart of a group)
CHARTS: dict[str, tuple[ChartFn, ChartFn]] = {
    "redo": (redo_chart, redo_group_chart),
    "engagemang": (yes_no_chart, yes_no_group_chart),
    "riktning": (yes_no_chart, yes_no_group_chart),
    "rekrytering": (rekrytering_chart, rekrytering_chart),
    "kartlaggning": (kartlaggning_chart, kartlaggning_group_chart),
    "utvecklingsnivaer": (utvecklingsnivaer_chart, utvecklingsnivaer_group_chart),
    "samverkansnivaer": (samverkansnivaer_chart, samverkansnivaer_group_chart),
    "aktorsanalys": (aktorsanalys_chart, aktorsanalys_group_chart),
}
