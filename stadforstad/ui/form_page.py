"""The one page every form is filled in on: pick the form and who answers, fill in,
save a draft or submit, see the result and the chart at once."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from stadforstad.catalog import list_forms, load_form
from stadforstad.errors import AnswerError, StadError
from stadforstad.i18n import STEP_WORD
from stadforstad.render import DRAFT, SUBMIT, render_form, show_problems
from stadforstad.schema import Form
from stadforstad.shared_rows import shared_rows
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.results import show_result_section

FORM_PARAM = "form"
PAGE = "form_page"
RESPONDENT_KEY = f"{PAGE}.respondent"
RESPONDENT_NEXT_KEY = f"{PAGE}.respondent_next"
NEW = -1


def form_title(form: Form, lang: str) -> str:
    step = f"{STEP_WORD[lang]} {form.step}" if form.step is not None else tr("Nätverket", "Network")
    return f"{step} · {form.title.get(lang)}"


def pick_form(lang: str) -> Form:
    forms = list_forms()
    by_id = {f.id: f for f in forms}
    wanted = st.query_params.get(FORM_PARAM)
    key = f"{PAGE}.form"
    if key not in st.session_state or (wanted in by_id and wanted != st.session_state[key]):
        st.session_state[key] = wanted if wanted in by_id else "redo"
    chosen = st.selectbox(
        tr("Formulär", "Form"),
        list(by_id),
        key=key,
        format_func=lambda i: form_title(by_id[i], lang),
    )
    st.query_params[FORM_PARAM] = chosen
    return by_id[chosen]


def pick_respondent(workspace_id: int):
    """Who is answering: one of the workspace's members, or a new name."""
    store, actor = get_store(), get_actor()
    people = store.list_respondents(actor=actor, workspace_id=workspace_id)
    names = {p.id: p.name for p in people}
    options = [*names, NEW]
    if RESPONDENT_NEXT_KEY in st.session_state:
        st.session_state[RESPONDENT_KEY] = st.session_state.pop(RESPONDENT_NEXT_KEY)
    if st.session_state.get(RESPONDENT_KEY) not in options:
        st.session_state[RESPONDENT_KEY] = options[0]
    chosen = st.selectbox(
        tr("Vem svarar?", "Who is answering?"),
        options,
        key=RESPONDENT_KEY,
        format_func=lambda i: names.get(i) or tr("+ Ny deltagare …", "+ New participant …"),
        help=tr(
            "Varje deltagare i kärngruppen svarar under sitt eget namn.",
            "Each member of the core group answers under their own name.",
        ),
    )
    if chosen != NEW:
        return next(p for p in people if p.id == chosen)
    with st.form(f"{PAGE}.new_person", border=False):
        name = st.text_input(tr("Ditt namn", "Your name"), max_chars=200)
        if st.form_submit_button(tr("Lägg till", "Add")):
            try:
                person = store.respondent(actor=actor, workspace_id=workspace_id, name=name)
            except StadError as exc:
                st.error(f"{exc.problems[0].message} ({exc.code})")
                return None
            st.session_state[RESPONDENT_NEXT_KEY] = person.id
            st.rerun()
    return None


def show_form_page(workspace) -> None:
    lang = get_lang()
    store, actor = get_store(), get_actor()
    top = st.columns([3, 2, 1])
    with top[0]:
        form = pick_form(lang)
    with top[1]:
        person = pick_respondent(workspace.id)
    with top[2]:
        round_no = st.number_input(
            tr("Omgång", "Round"),
            min_value=1,
            max_value=20,
            step=1,
            key=f"{PAGE}.round",
            help=tr(
                "En ny omgång när ni mäter igen, t.ex. efter 12 månader.",
                "A new round when you measure again, e.g. after 12 months.",
            ),
        )
    st.header(form.title.get(lang))
    st.caption(
        tr(
            f"Källa: Stad för stad – Handbok, {form.source.heading}",
            f"Source: Stad för stad – Handbok, {form.source.heading}",
        )
    )
    if form.intro:
        st.markdown(form.intro.get(lang))
    if form.sensitive:
        st.warning(
            tr(
                "Det här formuläret kan röra uppgifter om enskilda personer. Skriv bara det som "
                "handboken ber om, och inga namn eller personnummer på utsatta personer.",
                "This form may concern individuals. Write only what the handbook asks for, and no "
                "names or personal numbers of exploited people.",
            )
        )
    if person is None:
        st.info(
            tr(
                "Välj vem som svarar, eller lägg till dig själv, så visas formuläret.",
                "Choose who is answering, or add yourself, to see the form.",
            )
        )
        return
    can_write = actor.can_write(workspace.id)
    state = store.response_state(
        actor=actor,
        workspace_id=workspace.id,
        respondent_id=person.id,
        form_id=form.id,
        round=round_no,
    )
    _show_state(state)
    initial, shared = state.working_answers, ""
    if can_write:
        initial, shared = _with_shared_rows(form, workspace.id, initial, lang)
    # The shared rows' source is part of the context: a table first drawn empty starts
    # afresh once the linked form has been submitted.
    context = f"{workspace.id}-{person.id}-{round_no}-r{state.revision}{shared}"
    rendered = render_form(
        form, context=context, initial=initial, lang=lang, disabled=not can_write
    )
    latest = state
    if rendered.action in (DRAFT, SUBMIT):
        try:
            if rendered.action == DRAFT:
                store.save_draft(
                    actor=actor,
                    workspace_id=workspace.id,
                    respondent_id=person.id,
                    form=form,
                    answers=rendered.answers,
                    round=round_no,
                )
                st.toast(tr("Utkastet är sparat.", "Draft saved."), icon="💾")
            else:
                latest = store.submit(
                    actor=actor,
                    workspace_id=workspace.id,
                    respondent_id=person.id,
                    form=form,
                    answers=rendered.answers,
                    round=round_no,
                    expected_revision=state.revision,
                )
                st.success(
                    tr(
                        f"Tack! Svaret är inskickat (version {latest.revision}).",
                        f"Thank you! The response is submitted (version {latest.revision}).",
                    )
                )
        except AnswerError as exc:
            show_problems(rendered, exc.problems, lang)
            st.error(
                tr(
                    "Något behöver rättas – se markeringarna vid frågorna. Inget av det ni "
                    "skrivit har försvunnit.",
                    "Something needs fixing – see the marks at the questions. Nothing you "
                    "typed is lost.",
                )
            )
        except StadError as exc:
            st.error(f"{exc.problems[0].message} ({exc.code})")
    show_result_section(form, latest, workspace=workspace, person=person, round_no=round_no)
    if latest.response_id and latest.revision > 1:
        _show_revisions(workspace.id, latest.response_id)


def _with_shared_rows(form: Form, workspace_id: int, answers: dict, lang: str) -> tuple[dict, str]:
    """Tables linked to another form (``rows_from``) that have no saved rows start with
    the rows of the workspace's latest submitted response to that form, and say so.
    Returns the answers to start from and a mark of the sources used ("" for none)."""
    store, actor = get_store(), get_actor()
    answers, marks = dict(answers), []
    for item in form.answerable():
        link = getattr(item, "rows_from", None)
        if link is None or answers.get(item.id):
            continue
        found = shared_rows(
            item, store.submitted(actor=actor, workspace_ids=[workspace_id], form_id=link.form)
        )
        if found is None:
            continue
        answers[item.id] = found.rows
        marks.append(f"-{item.id}@{found.saved_at:%Y%m%d%H%M%S%f}")
        source = load_form(found.form_id).title.get(lang)
        what = (
            tr("Aktörerna", "The actors")
            if item.row_label and item.row_label.sv == "aktör"
            else tr("Raderna", "The rows")
        )
        st.info(
            tr(
                f"{what} är hämtade från »{source}«, senast inskickat "
                f"{found.saved_at:%Y-%m-%d}, så att ni inte behöver skriva dem två gånger. "
                "Ändra, ta bort eller lägg till rader; inget sparas förrän ni sparar.",
                f"{what} come from “{source}”, last submitted {found.saved_at:%Y-%m-%d}, so "
                "you need not type them twice. Change, remove or add rows; nothing is kept "
                "until you save.",
            ),
            icon="🔗",
        )
    return answers, "".join(marks)


def _show_state(state) -> None:
    if state.draft is not None and state.draft_saved_at:
        st.info(
            tr(
                f"Ni fortsätter på ett utkast sparat {state.draft_saved_at:%Y-%m-%d %H:%M}.",
                f"You are continuing a draft saved {state.draft_saved_at:%Y-%m-%d %H:%M}.",
            ),
            icon="📝",
        )
    elif state.revision:
        st.caption(
            tr(
                f"Inskickat {state.submitted_at:%Y-%m-%d %H:%M} (version {state.revision}). "
                "Ändrar ni och skickar in igen sparas en ny version; den gamla finns kvar.",
                f"Submitted {state.submitted_at:%Y-%m-%d %H:%M} (version {state.revision}). "
                "If you change and submit again a new version is kept; the old one stays.",
            )
        )


def _show_revisions(workspace_id: int, response_id: int) -> None:
    store, actor = get_store(), get_actor()
    with st.expander(tr("Tidigare versioner", "Earlier versions")):
        for revision in reversed(
            store.revisions(actor=actor, workspace_id=workspace_id, response_id=response_id)
        ):
            st.markdown(
                f"**{tr('Version', 'Version')} {revision.number}** · "
                f"{revision.saved_at:%Y-%m-%d %H:%M}"
            )
            st.dataframe(
                pd.DataFrame([{"fråga": k, "svar": str(v)} for k, v in revision.answers.items()]),
                hide_index=True,
                width="stretch",
            )
