"""Översikt – the seven steps of the method with the handbook's "vad som krävs", and
which forms this municipality has completed."""

import streamlit as st

from stadforstad.catalog import list_forms, load_form
from stadforstad.completion import FormProgress, count_progress
from stadforstad.i18n import CREDIT_SV, STEP_WORD, count_text
from stadforstad.steps import load_steps
from stadforstad.ui.blocks import show_blocks
from stadforstad.ui.context import explain_no_workspace, frame, get_actor, get_lang, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain
from stadforstad.ui.workshop import overview_blocks

lang = get_lang()
heading("Stad för stad", 1)
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
#: Every form, read once for the run (each call looks at every file again).
all_forms = list_forms()
progress: dict[str, FormProgress] = {}
submitted: list = []
if workspace is None:
    explain_no_workspace(
        actor,
        "Börja med att skapa er kommun under Kommuner.",
        "Start by creating your municipality under Municipalities.",
    )
else:
    store = get_store()
    drafts = store.form_progress(actor=actor, workspace_id=workspace.id)
    submitted = store.submitted(actor=actor, workspace_ids=[workspace.id])
    progress = count_progress(
        {f.id: f for f in all_forms},
        ((row.form_id, row.answers) for row in submitted),
        {form_id: counts["drafts"] for form_id, counts in drafts.items() if counts["drafts"]},
    )
    heading(plain(workspace.name), 2)
#: Only those who may write get links to the form page (a coordinator reads).
writes = workspace is not None and actor.can_write(workspace.id)


def _progress_label(title: str, state: FormProgress) -> str:
    """✅ done, 📝 begun (a draft, or submitted but not yet done), ⬜ not begun."""
    sent = count_text(
        lang,
        state.submitted,
        ("inskickat svar", "inskickade svar"),
        ("submitted response", "submitted responses"),
    )
    if state.done:
        return f"✅ {title} – {sent}"
    if state.submitted:
        return (
            "📝 "
            + title
            + tr(
                f" – {sent}, inte klart än (fyll i varje del)",
                f" – {sent}, not done yet (fill in every part)",
            )
        )
    if state.drafts:
        return f"📝 {title}" + tr(" – utkast", " – draft")
    return f"⬜ {title}"


def show_forms(forms: list, heading_text: str | None = None) -> None:
    """A step's forms, each with its progress: links for those who write, else one list
    (one element for the lot, not one per form: a first page of some 150 elements drew
    noticeably slower in the browser); what the overview says under a form follows it."""
    lines = [heading_text, ""] if heading_text else []  # the blank line ends its paragraph

    def flush() -> None:
        if "".join(lines):
            st.markdown("\n".join(lines))
        lines.clear()

    for form in forms:
        label = _progress_label(form.title.get(lang), progress.get(form.id, NOTHING))
        if writes:
            flush()
            st.page_link("pages/form.py", label=label, query_params={"form": form.id})
        else:
            lines.append(f"- {label}")
        blocks = overview_blocks(load_form(form.id), submitted, lang)
        if blocks:
            flush()
            show_blocks(blocks, under=2)  # under the municipality's heading
    flush()


forms_by_step: dict = {}
for form in all_forms:
    forms_by_step.setdefault(form.step, []).append(form)

NOTHING = FormProgress()
done_total = sum(1 for f in all_forms if progress.get(f.id, NOTHING).done)
if workspace is not None:
    st.progress(
        done_total / len(all_forms),
        text=tr(
            f"{done_total} av {len(all_forms)} formulär är klara.",
            f"{done_total} of {len(all_forms)} forms are done.",
        ),
    )
    st.caption(
        tr(
            "Ett formulär är klart när minst ett inskickat svar har de obligatoriska frågorna "
            "besvarade och något ifyllt i varje del (valfria delar undantagna).",
            "A form is done when at least one submitted response has the required questions "
            "answered and something filled in in every part (optional parts excepted).",
        )
    )

for step in load_steps():
    phase = f" · {step.phase.get(lang)}" if step.phase else ""
    forms = forms_by_step.get(step.number, [])
    done = sum(1 for f in forms if progress.get(f.id, NOTHING).done)
    header = (
        f"{STEP_WORD[lang]} {step.number}{phase} – {step.title.get(lang)}  ({done}/{len(forms)})"
    )
    with st.expander(header, expanded=step.number == 0):
        summary = f"{step.summary.get(lang)}\n\n" if step.summary else ""
        st.markdown(summary + tr("**Vad som krävs**", "**What it takes**"))
        cols = st.columns(3)
        for col, title, texts in (
            (cols[0], tr("Arbete", "Work"), step.work),
            (cols[1], tr("Vem", "Who"), step.who),
            (cols[2], tr("Förväntat resultat", "Expected result"), step.result),
        ):
            col.markdown(f"*{title}*\n\n" + "\n".join(f"- {t.get(lang)}" for t in texts))
        show_forms(forms, tr("**Formulär**", "**Forms**"))

others = forms_by_step.get(None, [])
if others:
    with st.expander(tr("Att driva nätverket", "Running the network")):
        show_forms(others)

st.caption(tr(f"Källa: {CREDIT_SV}.", f"Source: {CREDIT_SV}."))
