"""Sammanställning – the answers that came in through invitation links, compiled into
the city's picture: per answer the handbook's GENOMSNITT per category, and across
answers a heatmap industry × category, the distribution of each indicator, counts per
industry and link, and the notes as lists.

By default the page shows what may be shared (groups under three answers hidden);
members can show everything for themselves. Exports always hide small groups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from stadforstad.compilation import (
    SHARE_MIN_GROUP,
    Compilation,
    answers_frame,
    compilation_table,
    compile_answers,
    compiled_sheets,
    count_text,
    export_word,
    may_see_single_answers,
)
from stadforstad.compilation_charts import distribution_chart, heatmap_chart
from stadforstad.questionnaire import shareable_forms
from stadforstad.schema import Form
from stadforstad.spreadsheet import CSV_MIME, DIALECTS, XLSX_MIME, write_csv, write_xlsx
from stadforstad.storage.links import LinkAnswer, LinkStore
from stadforstad.ui.blocks import spec_converter
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.tables import table_view

PAGE = "compilation"


@dataclass(frozen=True)
class _Picture:
    """One compilation as the page shows it, kept while its answers stay the same."""

    answers: list[LinkAnswer]
    compiled: Compilation
    #: Chart name → its Vega-Lite spec (None: this Streamlit cannot convert ahead).
    specs: dict[str, dict | None]
    #: The language the charts are drawn in.
    lang: str


_CHARTS = {"heatmap": heatmap_chart, "distribution": distribution_chart}


@st.cache_resource(max_entries=8, show_spinner=False)
def _picture(
    stamp: tuple[int, int, str],
    workspace_id: int,
    form_id: str,
    member: bool,
    min_group: int,
    lang: str,
    *,
    _load: Callable[[], list[LinkAnswer]],
    _form: Form,
) -> _Picture:
    """The answers read and compiled once, and the charts' specs made once, for as long
    as ``stamp`` (``LinkStore.answers_stamp``) stays the same: a rerun (a toggle, a
    download) then reads one row from the database instead of every answer. Keyed by
    whether the reader is a member, as only members get names and contacts."""
    answers = _load()
    compiled = compile_answers(_form, answers, min_group=min_group, lang=lang)
    convert = spec_converter()
    specs: dict[str, dict | None] = {}
    if compiled.categories and not compiled.withheld:
        for name, chart in _CHARTS.items():
            specs[name] = None if convert is None else convert(chart(compiled, lang))
    return _Picture(answers, compiled, specs, lang)


def _draw(picture: _Picture, name: str, lang: str) -> None:
    spec = picture.specs.get(name)
    if spec is None:
        chart = _CHARTS[name](picture.compiled, lang)
        st.altair_chart(chart, width="stretch", alt=_chart_name())
    else:
        st.vega_lite_chart(spec, width="stretch", alt=_chart_name())


def _counts(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = frame.copy()
    frame["antal"] = [count_text(n, lang) for n in frame["antal"]]
    return frame


def _chart_name() -> str:
    return tr(
        "Diagram. Samma siffror finns i tabellerna under »Diagrammen i ord och siffror«.",
        "Chart. The same figures are in the tables under “The charts in words and numbers”.",
    )


def _charts_in_words(compiled, lang: str) -> None:
    """The two charts' figures as tables: their text alternative (WCAG 1.1.1)."""
    with st.expander(tr("Diagrammen i ord och siffror", "The charts in words and numbers")):
        heat = compiled.heatmap
        means = heat.assign(
            genomsnitt=[
                None if hidden else m for m, hidden in zip(heat["genomsnitt"], heat["dold"])
            ]
        ).pivot_table(
            index="bransch", columns="kategori", values="genomsnitt", aggfunc="first", dropna=False
        )
        order = [c.label for c in compiled.categories]
        means = means.reindex(columns=[c for c in order if c in means.columns])
        st.markdown(
            tr(
                "**Genomsnitt per bransch och kategori** (1 = aldrig, 5 = mycket ofta; "
                "– = dolt eller inget svar)",
                "**Average per industry and category** (1 = never, 5 = very often; "
                "– = hidden or no answer)",
            )
        )
        st.dataframe(table_view(means.reset_index(), lang), hide_index=True, width="stretch")
        spread = compiled.distribution.dropna(subset=["antal"])
        if not spread.empty:
            counts = spread.pivot_table(
                index="indikator", columns="värde", values="antal", aggfunc="sum", fill_value=0
            )
            counts = counts.reindex(list(dict.fromkeys(spread["indikator"])))
            st.markdown(
                tr(
                    "**Antal svar per indikator och värde** (1 = aldrig … 5 = mycket ofta)",
                    "**Answers per indicator and value** (1 = never … 5 = very often)",
                )
            )
            st.dataframe(table_view(counts.reset_index(), lang), hide_index=True, width="stretch")


def show_compilation_page(workspace) -> None:
    lang = get_lang()
    links = LinkStore(get_store())
    forms = {f.id: f for f in shareable_forms()}
    if not forms:
        st.info(
            tr(
                "Inget formulär är markerat för att skickas med länk ännu.",
                "No form is marked for sending by link yet.",
            )
        )
        return
    left, right = st.columns([3, 2])
    form_id = left.selectbox(
        tr("Formulär", "Form"),
        list(forms),
        key=f"{PAGE}.form",
        format_func=lambda i: forms[i].title.get(get_lang()),
    )
    form = forms[form_id]
    actor = get_actor()
    member = may_see_single_answers(actor, workspace.id)
    # A county coordinator sees what may be shared, never the small groups.
    private = member and right.toggle(
        tr("Visa även små grupper (bara för er)", "Show small groups too (for you only)"),
        key=f"{PAGE}.private",
        help=tr(
            f"Av: grupper med färre än {SHARE_MIN_GROUP} svar döljs, så att ingen enskild "
            "svarande kan pekas ut. Använd det läget när ni visar bilden för andra.",
            f"Off: groups under {SHARE_MIN_GROUP} answers are hidden, so that no single "
            "respondent can be singled out. Use that mode when you show the picture to others.",
        ),
    )
    min_group = 0 if private else SHARE_MIN_GROUP
    picture = _picture(
        links.answers_stamp(actor=actor, workspace_id=workspace.id, form_id=form.id),
        workspace.id,
        form.id,
        member,
        min_group,
        lang,
        _load=lambda: links.link_answers(actor=actor, workspace_id=workspace.id, form_id=form.id),
        _form=form,
    )
    answers, compiled = picture.answers, picture.compiled
    cols = st.columns(3)
    cols[0].metric(tr("Inskickade svar", "Answers sent"), compiled.answers)
    cols[1].metric(tr("Branscher", "Industries"), len(compiled.by_industry))
    cols[2].metric(tr("Länkar med svar", "Links with answers"), len(compiled.by_link))
    if not answers:
        st.info(
            tr(
                "Inga svar har kommit in via länkar ännu.",
                "No answers have come in through links yet.",
            )
        )
        return
    if compiled.withheld:
        st.info(
            tr(
                f"Bilden visas när minst {SHARE_MIN_GROUP} svar har kommit in, så att "
                "ingen enskild svarande kan pekas ut.",
                f"The picture is shown once {SHARE_MIN_GROUP} answers are in.",
            )
        )
    elif compiled.categories:
        _draw(picture, "heatmap", lang)
        if not private and compiled.heatmap["dold"].any():
            st.caption(
                tr(
                    f"– = färre än {SHARE_MIN_GROUP} svar i branschen; döljs när bilden delas.",
                    f"– = fewer than {SHARE_MIN_GROUP} answers; hidden when shared.",
                )
            )
        _draw(picture, "distribution", lang)
        _charts_in_words(compiled, lang)
    if private and compiled.categories:
        heading(tr("Genomsnitt per svar", "Average per answer"), 2)
        st.caption(
            tr(
                "Handbokens genomsnitt: kategorins siffror lagda ihop och delade med "
                "antalet (två). En obesvarad fråga räknas inte som 0.",
                "The handbook's average: the category's ratings added and divided by "
                "their number. An unanswered question is not a 0.",
            )
        )
        st.dataframe(table_view(compiled.per_answer, get_lang()), hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.markdown(tr("**Svar per bransch**", "**Answers per industry**"))
    left.dataframe(
        table_view(_counts(compiled.by_industry, lang), lang), hide_index=True, width="stretch"
    )
    right.markdown(tr("**Svar per länk**", "**Answers per link**"))
    right.dataframe(
        table_view(_counts(compiled.by_link, lang), lang), hide_index=True, width="stretch"
    )
    for label, texts in compiled.notes.items():
        st.markdown(f"**{label}**")
        for text in texts:
            st.text(f"• {text}")  # respondents' words: text only, never Markdown or HTML
    _exports(form, answers, workspace, member, compiled)


def _exports(form, answers, workspace, member: bool, compiled: Compilation) -> None:
    """The four downloads. Each file is built only when its button is clicked (a
    callable ``data``): on a rerun the page builds none of them (10,000 answers took
    minutes per rerun when they were built eagerly)."""
    heading(tr("Exportera", "Export"), 2)
    st.caption(
        tr(
            "Sammanställningen (Excel, CSV) är en tabell med en rad per bransch och en "
            "kolumn per kategori: genomsnitt och antal svar; Excel-filen har också "
            "fördelningen per indikator, antal per länk och anteckningarna. Grupper med "
            f"färre än {SHARE_MIN_GROUP} svar döljs alltid i den.",
            "The compilation (Excel, CSV) is a table with a row per industry and a column "
            "per category: mean and number of answers; the Excel file also has the "
            "distribution per indicator, the count per link and the notes. Groups under "
            f"{SHARE_MIN_GROUP} answers are always hidden in it.",
        )
    )
    if member:
        st.caption(
            tr(
                "Svaren (Excel, CSV) är varje enskilt svar: länk, bransch, tidpunkt, alla "
                "frågor och – där länken bad om det och personen angav det – namn och "
                "kontaktuppgift. De är bara för er själva: dela dem inte vidare.",
                "The answers (Excel, CSV) are every single answer: link, industry, time, "
                "every question and – where the link asked and the person gave them – "
                "name and contact. They are for you only: do not pass them on.",
            )
        )
    lang = get_lang()
    dialect = DIALECTS[
        st.radio(
            tr("CSV-format", "CSV format"),
            list(DIALECTS),
            format_func=lambda d: DIALECTS[d].en if lang == "en" else DIALECTS[d].sv,
            horizontal=True,
            key=f"{PAGE}.csv_dialect",
        )
    ]

    def shared() -> Compilation:
        # What may be shared: the page's own compilation when it hides small groups.
        if compiled.min_group == SHARE_MIN_GROUP:
            return compiled
        return compile_answers(form, answers, min_group=SHARE_MIN_GROUP, lang=compiled.lang)

    stem = f"{form.id}-{workspace.name}".replace(" ", "_")
    cols = st.columns(4)
    cols[0].download_button(
        tr("Sammanställning (Excel)", "Compilation (Excel)"),
        lambda: write_xlsx(compiled_sheets(shared())),
        f"{stem}-sammanstallning.xlsx",
        XLSX_MIME,
        key=f"{PAGE}.x1",
    )
    cols[1].download_button(
        tr("Sammanställning (CSV)", "Compilation (CSV)"),
        lambda: write_csv(compilation_table(shared()), dialect),
        f"{stem}-sammanstallning.csv",
        CSV_MIME,
        key=f"{PAGE}.c1",
    )
    if not member:
        return  # single answers, names and contacts: the workspace's members only
    cols[2].download_button(
        tr("Svaren (Excel)", "Answers (Excel)"),
        lambda: write_xlsx(
            {export_word("Svar", compiled.lang): answers_frame(form, answers, compiled.lang)}
        ),
        f"{stem}-svar.xlsx",
        XLSX_MIME,
        key=f"{PAGE}.x2",
    )
    cols[3].download_button(
        tr("Svaren (CSV)", "Answers (CSV)"),
        lambda: write_csv(answers_frame(form, answers, compiled.lang), dialect),
        f"{stem}-svar.csv",
        CSV_MIME,
        key=f"{PAGE}.c2",
    )
