"""Sammanställning – the answers that came in through invitation links, compiled into
the city's picture: per answer the handbook's GENOMSNITT per category, and across
answers a heatmap industry × category, the distribution of each indicator, counts per
industry and link, and the notes as lists.

By default the page shows what may be shared (groups under three answers hidden);
members can show everything for themselves. Exports always hide small groups.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from stadforstad.compilation import (
    SHARE_MIN_GROUP,
    answers_frame,
    compile_answers,
    compiled_sheets,
    count_text,
    sheets_csv,
    to_csv,
    to_excel,
)
from stadforstad.compilation_charts import distribution_chart, heatmap_chart
from stadforstad.questionnaire import shareable_forms
from stadforstad.storage.links import LinkStore
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.tables import table_view

PAGE = "compilation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _counts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["antal"] = [count_text(n) for n in frame["antal"]]
    return frame


def show_compilation_page(workspace) -> None:
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
        format_func=lambda i: forms[i].title.sv,
    )
    form = forms[form_id]
    private = right.toggle(
        tr("Visa även små grupper (bara för er)", "Show small groups too (for you only)"),
        key=f"{PAGE}.private",
        help=tr(
            f"Av: grupper med färre än {SHARE_MIN_GROUP} svar döljs, så att ingen enskild "
            "svarande kan pekas ut. Använd det läget när ni visar bilden för andra.",
            f"Off: groups under {SHARE_MIN_GROUP} answers are hidden.",
        ),
    )
    answers = links.link_answers(actor=get_actor(), workspace_id=workspace.id, form_id=form.id)
    min_group = 0 if private else SHARE_MIN_GROUP
    compiled = compile_answers(form, answers, min_group=min_group)
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
        st.altair_chart(heatmap_chart(compiled), width="stretch")
        if not private and compiled.heatmap["dold"].any():
            st.caption(
                tr(
                    f"– = färre än {SHARE_MIN_GROUP} svar i branschen; döljs när bilden delas.",
                    f"– = fewer than {SHARE_MIN_GROUP} answers; hidden when shared.",
                )
            )
        st.altair_chart(distribution_chart(compiled), width="stretch")
    if private and compiled.categories:
        st.subheader(tr("Genomsnitt per svar", "Average per answer"))
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
        table_view(_counts(compiled.by_industry), get_lang()), hide_index=True, width="stretch"
    )
    right.markdown(tr("**Svar per länk**", "**Answers per link**"))
    right.dataframe(
        table_view(_counts(compiled.by_link), get_lang()), hide_index=True, width="stretch"
    )
    for label, texts in compiled.notes.items():
        st.markdown(f"**{label}**")
        for text in texts:
            st.text(f"• {text}")  # respondents' words: text only, never Markdown or HTML
    _exports(form, answers, workspace)


def _exports(form, answers, workspace) -> None:
    st.subheader(tr("Exportera", "Export"))
    st.caption(
        tr(
            f"Sammanställningen exporteras alltid med grupper under {SHARE_MIN_GROUP} "
            "svar dolda. Svaren en och en är för er själva: dela dem inte vidare.",
            f"The compilation is always exported with groups under {SHARE_MIN_GROUP} "
            "hidden. The single answers are for you only.",
        )
    )
    shared = compile_answers(form, answers, min_group=SHARE_MIN_GROUP)
    sheets = compiled_sheets(shared)
    raw = answers_frame(form, answers)
    stem = f"{form.id}-{workspace.name}".replace(" ", "_")
    cols = st.columns(4)
    cols[0].download_button(
        tr("Sammanställning (Excel)", "Compilation (Excel)"),
        to_excel(sheets),
        f"{stem}-sammanstallning.xlsx",
        XLSX,
        key=f"{PAGE}.x1",
    )
    cols[1].download_button(
        tr("Sammanställning (CSV)", "Compilation (CSV)"),
        sheets_csv(sheets),
        f"{stem}-sammanstallning.csv",
        "text/csv",
        key=f"{PAGE}.c1",
    )
    cols[2].download_button(
        tr("Svaren (Excel)", "Answers (Excel)"),
        to_excel({"Svar": raw}),
        f"{stem}-svar.xlsx",
        XLSX,
        key=f"{PAGE}.x2",
    )
    cols[3].download_button(
        tr("Svaren (CSV)", "Answers (CSV)"),
        to_csv(raw),
        f"{stem}-svar.csv",
        "text/csv",
        key=f"{PAGE}.c2",
    )
