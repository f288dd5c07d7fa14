"""Översikt – the seven steps of the method with the handbook's "vad som krävs", and
which forms this municipality has completed."""

import streamlit as st

from stadforstad.catalog import list_forms
from stadforstad.i18n import CREDIT_SV, STEP_WORD
from stadforstad.steps import load_steps
from stadforstad.ui.context import explain_no_workspace, frame, get_actor, get_lang, get_store, tr
from stadforstad.ui.plain import plain

lang = get_lang()
st.title("Stad för stad")
st.markdown(
    tr(
        "Ett verktyg för kärngruppen: gör övningarna och bedömningarna i handbokens sju "
        "steg, se resultatet direkt och följ arbetet över tid.",
        "A tool for the core group: do the exercises and assessments of the handbook's "
        "seven steps, see the result at once and follow the work over time.",
    )
)
workspace = frame()
actor = get_actor()
progress = {}
if workspace is None:
    explain_no_workspace(
        actor,
        "Börja med att skapa er kommun under Kommuner.",
        "Start by creating your municipality under Municipalities.",
    )
else:
    progress = get_store().form_progress(actor=actor, workspace_id=workspace.id)
    st.subheader(plain(workspace.name))
#: Only those who may write get links to the form page (a coordinator reads).
writes = workspace is not None and actor.can_write(workspace.id)


def form_link(label: str, form_id: str) -> None:
    if writes:
        st.page_link("pages/form.py", label=label, query_params={"form": form_id})
    else:
        st.markdown(f"- {label}")


forms_by_step: dict = {}
for form in list_forms():
    forms_by_step.setdefault(form.step, []).append(form)

done_total = sum(1 for f in list_forms() if progress.get(f.id, {}).get("submitted"))
if workspace is not None:
    st.progress(
        done_total / len(list_forms()),
        text=tr(
            f"{done_total} av {len(list_forms())} formulär har minst ett inskickat svar.",
            f"{done_total} of {len(list_forms())} forms have at least one submitted response.",
        ),
    )

for step in load_steps():
    phase = f" · {step.phase.get(lang)}" if step.phase else ""
    forms = forms_by_step.get(step.number, [])
    done = sum(1 for f in forms if progress.get(f.id, {}).get("submitted"))
    header = (
        f"{STEP_WORD[lang]} {step.number}{phase} – {step.title.get(lang)}  ({done}/{len(forms)})"
    )
    with st.expander(header, expanded=step.number == 0):
        if step.summary:
            st.markdown(step.summary.get(lang))
        st.markdown(tr("**Vad som krävs**", "**What it takes**"))
        cols = st.columns(3)
        for col, title, texts in (
            (cols[0], tr("Arbete", "Work"), step.work),
            (cols[1], tr("Vem", "Who"), step.who),
            (cols[2], tr("Förväntat resultat", "Expected result"), step.result),
        ):
            col.markdown(f"*{title}*")
            col.markdown("\n".join(f"- {t.get(lang)}" for t in texts))
        st.markdown(tr("**Formulär**", "**Forms**"))
        for form in forms:
            state = progress.get(form.id, {})
            mark = "✅" if state.get("submitted") else "📝" if state.get("drafts") else "⬜"
            note = ""
            if state.get("submitted"):
                note = tr(
                    f" – {state['submitted']} inskickade", f" – {state['submitted']} submitted"
                )
            elif state.get("drafts"):
                note = tr(" – utkast", " – draft")
            form_link(f"{mark} {form.title.get(lang)}{note}", form.id)

others = forms_by_step.get(None, [])
if others:
    with st.expander(tr("Att driva nätverket", "Running the network")):
        for form in others:
            form_link(form.title.get(lang), form.id)

st.caption(tr(f"Källa: {CREDIT_SV}.", f"Source: {CREDIT_SV}."))
