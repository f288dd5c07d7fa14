"""Gruppens bild – the core group's answers to a scored form, side by side."""

import streamlit as st

from scoring import SUMMARIES
from scoring.common import Rated
from stadforstad.catalog import list_forms
from stadforstad.i18n import count_text
from stadforstad.ui.context import frame, get_actor, get_lang, get_store, tr
from stadforstad.ui.form_page import form_title
from stadforstad.ui.plain import plain
from stadforstad.ui.results import show_group

lang = get_lang()
st.title(tr("Gruppens bild", "The group's picture"))
workspace = frame()
if workspace is None:
    st.info(
        tr(
            "Skapa eller välj först en kommun under Kommuner.",
            "First create or choose a municipality under Municipalities.",
        )
    )
    st.stop()

scored = {f.id: f for f in list_forms() if f.scoring}
if st.session_state.get("group.form") not in scored:
    st.session_state["group.form"] = "redo"  # the group picture the handbook asks for first
left, right = st.columns([3, 1])
form_id = left.selectbox(
    tr("Formulär", "Form"),
    list(scored),
    key="group.form",
    format_func=lambda i: form_title(scored[i], lang),
)
round_no = right.number_input(
    tr("Omgång", "Round"), min_value=1, max_value=20, step=1, key="group.round"
)
form = scored[form_id]
rows = get_store().submitted(
    actor=get_actor(), workspace_ids=[workspace.id], form_id=form.id, round=round_no
)
if not rows:
    st.info(
        tr(
            "Ingen i kärngruppen har skickat in det här formuläret ännu (utkast räknas inte).",
            "No one in the core group has submitted this form yet (drafts do not count).",
        )
    )
    st.stop()
group = SUMMARIES[form.scoring](
    form, [Rated(respondent=r.respondent, answers=r.answers) for r in rows]
)
st.caption(
    tr(
        f"{count_text(lang, len(rows), ('inskickat svar', 'inskickade svar'), ('', ''))} "
        f"i {plain(workspace.name)}, omgång {round_no}.",
        f"{count_text(lang, len(rows), ('', ''), ('submitted response', 'submitted responses'))} "
        f"in {plain(workspace.name)}, round {round_no}.",
    )
)
show_group(form, group, lang)
