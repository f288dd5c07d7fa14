"""Showing a scored result, or a group's picture, in words, a table and a chart.

Respondents' own text is shown with ``st.text``/tables only, never as Markdown or HTML.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import pandas as pd
import streamlit as st

from stadforstad.charts import CHARTS
from stadforstad.i18n import pick
from stadforstad.schema import Form
from stadforstad.ui.assessment_words import (
    aktorsanalys_group_words,
    aktorsanalys_words,
    kartlaggning_group_words,
    kartlaggning_words,
    samverkansnivaer_group_words,
    samverkansnivaer_words,
    utvecklingsnivaer_group_words,
    utvecklingsnivaer_words,
)

# -- charts, built once per distinct result -----------------------------------------
#: Building an altair chart validates every part against the Vega-Lite schema: for the
#: `redo` result that cost more than all the page's widgets together, on every rerun.
#: A chart depends only on the form, the result and the language, and
#: ``st.altair_chart`` does not change it, so each is built once per process.
CHART_CACHE_SIZE = 128
_charts: OrderedDict[tuple, tuple[Form, object]] = OrderedDict()
_charts_lock = threading.Lock()


def cached_chart(which: int, form: Form, result, lang: str):
    """``CHARTS[form.scoring][which](form, result, lang)`` (0: one response, 1: a group),
    reused while the same form object, result and language come again."""
    key = (
        which,
        form.scoring,
        form.id,
        form.version,
        lang,
        type(result).__qualname__,
        result.model_dump_json(),
    )
    with _charts_lock:
        hit = _charts.get(key)
        if hit is not None and hit[0] is form:
            _charts.move_to_end(key)
            return hit[1]
    chart = CHARTS[form.scoring][which](form, result, lang)
    with _charts_lock:
        _charts[key] = (form, chart)
        _charts.move_to_end(key)
        while len(_charts) > CHART_CACHE_SIZE:
            _charts.popitem(last=False)
    return chart


def _label(form: Form, item_id: str, lang: str) -> str:
    return form.item(item_id).label.get(lang)


def _list(form: Form, ids: list[str], lang: str) -> str:
    return "\n".join(f"- {_label(form, i, lang)}" for i in ids)


# -- one response --------------------------------------------------------------------
def _redo_words(form: Form, result, lang: str) -> None:
    cols = st.columns(3)
    cols[0].metric(pick(lang, "Totalt", "Total"), f"{result.total} / {result.max_total}")
    if result.ready is None:
        cols[1].metric(pick(lang, "Bedömning", "Verdict"), pick(lang, "Ofullständig", "Incomplete"))
        st.info(
            pick(
                lang,
                f"{result.answered} av {len(result.items)} frågor besvarade.",
                f"{result.answered} of {len(result.items)} questions answered.",
            )
        )
    elif result.ready:
        cols[1].metric(pick(lang, "Bedömning", "Verdict"), pick(lang, "Redo", "Ready"))
        st.success(
            pick(
                lang,
                "Över 20 poäng: ni kan fortsätta arbetet, men det kan fortfarande finnas saker att "
                "arbeta med för att förbättra era förutsättningar. Var uppmärksam på dessa.",
                "Above 20 points: you can go on, but there may still be things to work on to "
                "improve your conditions. Keep an eye on them.",
            )
        )
    else:
        cols[1].metric(
            pick(lang, "Bedömning", "Verdict"), pick(lang, "Ännu inte redo", "Not yet ready")
        )
        st.warning(
            pick(
                lang,
                "20 poäng eller lägre: ni är ännu inte redo att börja arbetet. Gå tillbaka till "
                "varje delfråga och arbeta fram en plan för att förbättra era förutsättningar.",
                "20 points or fewer: you are not yet ready to start. Go back to each question and "
                "make a plan to improve your conditions.",
            )
        )
    cols[2].metric(pick(lang, "Att arbeta med", "To work on"), len(result.to_work_on))
    if result.to_work_on:
        st.markdown(pick(lang, "**Att arbeta med (svar 1–2):**", "**To work on (answers 1–2):**"))
        st.markdown(_list(form, result.to_work_on, lang))


def _yes_no_words(form: Form, result, lang: str) -> None:
    st.metric(pick(lang, "Antal JA", "Number of YES"), f"{result.yes_count} / {result.total}")
    if result.no_items:
        st.markdown(
            pick(
                lang,
                "**Att diskutera innan ni börjar (NEJ):**",
                "**To discuss before you start (NO):**",
            )
        )
        st.markdown(_list(form, result.no_items, lang))
    if getattr(result, "may_not_be_relevant", False):
        st.warning(
            pick(
                lang,
                "Flera NEJ: om ni har helt andra mål med ert arbete kanske inte det här är ett "
                "relevant material för er just nu.",
                "Several NO: if you have quite other aims, this material may not be relevant for "
                "you just now.",
            )
        )


_CHECK_NAMES = {
    "storlek": ("Fyra till åtta personer", "Four to eight people"),
    "socialtjanst": ("Socialtjänsten finns med", "Social services take part"),
    "polis": ("Lokalpolisområdet finns med", "The local police take part"),
    "barn_unga": (
        "Någon kan representera perspektiv på barn och unga",
        "Someone represents children and young people",
    ),
    "typer": ("Alla sex personlighetstyper finns", "All six personality types are there"),
}


def _rekrytering_words(form: Form, result, lang: str) -> None:
    st.metric(
        pick(lang, "Uppfyller de grundläggande kraven", "Meet the basic criteria"),
        f"{result.eligible_count} / {len(result.candidates)}",
    )
    for check in result.checks:
        sv, en = _CHECK_NAMES[check.id]
        (st.success if check.ok else st.warning)(pick(lang, sv, en), icon="✅" if check.ok else "⚠️")
    frame = pd.DataFrame(
        [
            {
                pick(lang, "Namn", "Name"): c.name,
                pick(lang, "Grundläggande", "Basic"): f"{c.basic_met}/3",
                pick(lang, "Önskvärt", "Desirable"): f"{c.desirable_met}/3",
                pick(lang, "Kan ingå", "Eligible"): pick(lang, "ja", "yes")
                if c.eligible
                else pick(lang, "nej", "no"),
            }
            for c in result.candidates
        ]
    )
    st.dataframe(frame, hide_index=True, width="stretch")


WORDS = {
    "redo": _redo_words,
    "engagemang": _yes_no_words,
    "riktning": _yes_no_words,
    "rekrytering": _rekrytering_words,
    "kartlaggning": kartlaggning_words,
    "utvecklingsnivaer": utvecklingsnivaer_words,
    "samverkansnivaer": samverkansnivaer_words,
    "aktorsanalys": aktorsanalys_words,
}


def _show(registry: dict, which: int, form: Form, value, lang: str) -> None:
    """The verdict in words (raw data if the scorer has no words yet), then the chart."""
    words = registry.get(form.scoring)
    if words:
        words(form, value, lang)
    else:
        st.json(value.model_dump(mode="json"), expanded=False)
    st.altair_chart(cached_chart(which, form, value, lang), width="content")


def show_result(form: Form, result, lang: str) -> None:
    _show(WORDS, 0, form, result, lang)


# -- a group ---------------------------------------------------------------------------
def _redo_group_words(form: Form, group, lang: str) -> None:
    cols = st.columns(4)
    cols[0].metric(pick(lang, "Deltagare", "Members"), group.respondents)
    cols[1].metric(
        pick(lang, "Median", "Median"),
        "–" if group.median_total is None else f"{group.median_total:g}",
    )
    cols[2].metric(pick(lang, "Redo", "Ready"), group.ready_count)
    cols[3].metric(pick(lang, "Inte redo", "Not ready"), group.not_ready_count)
    if group.respondents == 1:
        st.info(
            pick(
                lang,
                "Bara en deltagare har svarat: medel och spridning säger lite ännu.",
                "Only one member has answered: mean and spread say little yet.",
            )
        )
    if group.to_discuss:
        st.markdown(
            pick(
                lang,
                "**Här skiljer ni er åt med 2 poäng eller mer – prata om det:**",
                "**Here you differ by 2 points or more – talk it through:**",
            )
        )
        st.markdown(_list(form, group.to_discuss, lang))
    if group.to_work_on:
        st.markdown(
            pick(
                lang,
                "**Gruppens medel är 2 eller lägre – att arbeta med:**",
                "**The group's mean is 2 or lower – to work on:**",
            )
        )
        st.markdown(_list(form, group.to_work_on, lang))
    table = pd.DataFrame(
        [
            {
                pick(lang, "Fråga", "Question"): _label(form, s.id, lang),
                pick(lang, "Medel", "Mean"): s.mean,
                "Min": s.min,
                "Max": s.max,
                pick(lang, "Spridning", "Spread"): s.spread,
                pick(lang, "Svar", "Answers"): s.n,
            }
            for s in group.items
        ]
    )
    members = pd.DataFrame(
        [
            {
                pick(lang, "Deltagare", "Member"): m.respondent,
                pick(lang, "Totalt", "Total"): m.total,
                pick(lang, "Redo", "Ready"): "–"
                if m.ready is None
                else (pick(lang, "ja", "yes") if m.ready else pick(lang, "nej", "no")),
            }
            for m in group.members
        ]
    )
    left, right = st.columns(2)
    left.dataframe(members, hide_index=True, width="stretch")
    right.dataframe(table, hide_index=True, width="stretch")


def _yes_no_group_words(form: Form, group, lang: str) -> None:
    st.metric(pick(lang, "Deltagare", "Members"), group.respondents)
    rows = [
        {
            pick(lang, "Påstående", "Statement"): _label(form, s.id, lang),
            pick(lang, "Ja", "Yes"): s.yes,
            pick(lang, "Nej", "No"): s.no,
            pick(lang, "Nej från", "No from"): ", ".join(s.no_by),
        }
        for s in group.statements
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


GROUP_WORDS = {
    "redo": _redo_group_words,
    "engagemang": _yes_no_group_words,
    "riktning": _yes_no_group_words,
    "rekrytering": _rekrytering_words,
    "kartlaggning": kartlaggning_group_words,
    "utvecklingsnivaer": utvecklingsnivaer_group_words,
    "samverkansnivaer": samverkansnivaer_group_words,
    "aktorsanalys": aktorsanalys_group_words,
}


def show_group(form: Form, group, lang: str) -> None:
    _show(GROUP_WORDS, 1, form, group, lang)
