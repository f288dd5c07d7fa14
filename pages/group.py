"""Gruppens bild – the core group's answers to any form, together: the summary of a
scored form, and every member's answers side by side, question by question."""

import streamlit as st

from stadforstad.catalog import list_forms
from stadforstad.i18n import count_text
from stadforstad.storage.context import context_answers
from stadforstad.storage.rated import rated
from stadforstad.ui.context import frame, get_actor, get_lang, get_store, tr
from stadforstad.ui.form_page import form_title
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain
from stadforstad.ui.results import show_blank_downloads, show_group, show_group_downloads

lang = get_lang()
heading(tr("Gruppens bild", "The group's picture"), 1)
workspace = frame()
if workspace is None:
    st.info(
        tr(
            "Skapa eller välj först en kommun under Kommuner.",
            "First create or choose a municipality under Municipalities.",
        )
    )
    st.stop()

forms = {f.id: f for f in list_forms()}
if st.session_state.get("group.form") not in forms:
    st.session_state["group.form"] = "redo"  # the group picture the handbook asks for first
left, right = st.columns([3, 1])
form_id = left.selectbox(
    tr("Formulär", "Form"),
    list(forms),
    key="group.form",
    format_func=lambda i: form_title(forms[i], lang),
)
round_no = int(
    right.number_input(tr("Omgång", "Round"), min_value=1, max_value=20, step=1, key="group.round")
)
form = forms[form_id]
rows = get_store().submitted(
    actor=get_actor(), workspace_ids=[workspace.id], form_id=form.id, round=round_no
)
responses = rated(rows)
# What the instrument reads beside its own answers (the plan's targets for the statistics).
context = context_answers(
    get_store(), actor=get_actor(), form_id=form.id, workspace_id=workspace.id, round=round_no
)
if not rows:
    st.info(
        tr(
            "Ingen i kärngruppen har skickat in det här formuläret ännu (utkast räknas inte).",
            "No one in the core group has submitted this form yet (drafts do not count).",
        )
    )
else:
    st.caption(
        tr(
            f"{count_text(lang, len(rows), ('inskickat svar', 'inskickade svar'), ('', ''))} "
            f"i {plain(workspace.name)}, omgång {round_no}.",
            f"{count_text(lang, len(rows), ('', ''), ('submitted response', 'submitted responses'))} "
            f"in {plain(workspace.name)}, round {round_no}.",
        )
    )
    show_group(form, responses, lang, context)
st.divider()
if rows:
    show_group_downloads(
        form,
        responses,
        municipality=workspace.name,
        round_no=round_no,
        lang=lang,
        context=context,
    )
else:
    show_blank_downloads(form, municipality=workspace.name, round_no=round_no, lang=lang)
