"""The one page every form is filled in on: pick the form and who answers, fill in
(every change is kept as a draft as the user leaves the field), submit, see the result
and the chart at once."""

from __future__ import annotations

import streamlit as st

from stadforstad.catalog import list_forms
from stadforstad.errors import STORE_STALE, AnswerError, StadError, in_language
from stadforstad.i18n import PLACEHOLDER_CHOOSE, STEP_WORD
from stadforstad.keyed import has_keyed_columns, installation_key, key_notice
from stadforstad.render import (
    AUTOSAVE,
    DRAFT,
    SUBMIT,
    render_form,
    show_problems,
)
from stadforstad.schema import Form
from stadforstad.storage.preferences import PreferenceStore
from stadforstad.ui.candidates import offer_candidates
from stadforstad.ui.context import error_text, get_actor, get_lang, get_store, tr
from stadforstad.ui.form_saving import save_draft, saved_text, show_state, with_shared_rows
from stadforstad.ui.group_form import (
    base_of,
    explain_group,
    group_person,
    note_conflict,
    reload_mark,
    show_changed,
    show_conflict,
)
from stadforstad.ui.headings import heading
from stadforstad.ui.plan_background import show_background
from stadforstad.ui.results import show_result_section
from stadforstad.ui.revisions import show_revisions
from stadforstad.widgets import keep_shown_value

FORM_PARAM = "form"
PAGE = "form_page"
FORM_KEY = f"{PAGE}.form"
#: The form id this page last wrote into the address (``?form=``): an address that
#: differs from it was set by a link or typed, and picks the form; one that does not
#: is only the echo of the user's own choice in the drop-down.
FORM_SEEN_KEY = f"{PAGE}.form_seen"
#: The form chosen last, kept while the drop-down is off screen (another page).
FORM_LAST_KEY = f"{PAGE}.form_last"
RESPONDENT_KEY = f"{PAGE}.respondent"
RESPONDENT_NEXT_KEY = f"{PAGE}.respondent_next"
#: Per municipality, the participant chosen last in this browser tab.
RESPONDENT_LAST_KEY = f"{PAGE}.respondent_last"
NEW = -1
DEFAULT_FORM = "redo"
#: The language the pickers were last drawn in (see ``keep_shown_value``).
LANG_SEEN_KEY = f"{PAGE}.lang"


def form_title(form: Form, lang: str) -> str:
    step = f"{STEP_WORD[lang]} {form.step}" if form.step is not None else tr("Nätverket", "Network")
    return f"{step} · {form.title.get(lang)}"


def pick_form(lang: str) -> Form:
    """The "Formulär" drop-down. The user's choice sticks and is written into the
    address; a new ``?form=`` (a link from the overview, a bookmark) picks that form."""
    forms = list_forms()
    by_id = {f.id: f for f in forms}
    wanted = st.query_params.get(FORM_PARAM)
    lang_changed = st.session_state.get(LANG_SEEN_KEY, lang) != lang
    keep_shown_value(FORM_KEY, lang_changed)
    keep_shown_value(RESPONDENT_KEY, lang_changed)
    if wanted in by_id and wanted != st.session_state.get(FORM_SEEN_KEY):
        st.session_state[FORM_KEY] = wanted
    elif st.session_state.get(FORM_KEY) not in by_id:
        last = st.session_state.get(FORM_LAST_KEY)
        st.session_state[FORM_KEY] = last if last in by_id else DEFAULT_FORM
    chosen = st.selectbox(
        tr("Formulär", "Form"),
        list(by_id),
        key=FORM_KEY,
        format_func=lambda i: form_title(by_id[i], lang),
        placeholder=PLACEHOLDER_CHOOSE[lang],
    )
    st.session_state[FORM_SEEN_KEY] = st.session_state[FORM_LAST_KEY] = chosen
    st.session_state[LANG_SEEN_KEY] = lang
    st.query_params[FORM_PARAM] = chosen
    return by_id[chosen]


def _default_respondent(workspace_id: int, people: dict[int, str], own: int | None) -> int:
    """Who answers when nothing is chosen yet: the one chosen last here in this tab,
    else the user's own participant, else the first name (or a new participant)."""
    last = st.session_state.get(RESPONDENT_LAST_KEY, {}).get(workspace_id)
    for candidate in (last, own):
        if candidate in people:
            return candidate
    return next(iter(people), NEW)


def pick_respondent(workspace_id: int):
    """Who is answering: one of the workspace's participants, or a new name. It starts
    at the signed-in user's own participant ("Det här är jag")."""
    store, actor = get_store(), get_actor()
    prefs = PreferenceStore(store)
    people = {p.id: p for p in store.list_respondents(actor=actor, workspace_id=workspace_id)}
    own = prefs.own_participant(actor=actor, workspace_id=workspace_id)
    # The names stay as they are (no "(du)" added): a drop-down whose option text
    # changes under a chosen value shows the old text in the browser.
    names = {i: p.name for i, p in people.items()}
    options = [*names, NEW]
    if RESPONDENT_NEXT_KEY in st.session_state:
        st.session_state[RESPONDENT_KEY] = st.session_state.pop(RESPONDENT_NEXT_KEY)
    if st.session_state.get(RESPONDENT_KEY) not in options:
        st.session_state[RESPONDENT_KEY] = _default_respondent(workspace_id, names, own)
    chosen = st.selectbox(
        tr("Vem svarar?", "Who is answering?"),
        options,
        key=RESPONDENT_KEY,
        format_func=lambda i: names.get(i) or tr("+ Ny deltagare …", "+ New participant …"),
        help=tr(
            "Varje deltagare i kärngruppen svarar under sitt eget namn.",
            "Each member of the core group answers under their own name.",
        ),
        placeholder=PLACEHOLDER_CHOOSE[get_lang()],
    )
    if chosen != NEW:
        remembered = dict(st.session_state.get(RESPONDENT_LAST_KEY, {}))
        remembered[workspace_id] = chosen
        st.session_state[RESPONDENT_LAST_KEY] = remembered
        if own == chosen:
            st.caption(
                tr(
                    "✓ Det här är du (kopplat till ditt konto).",
                    "✓ This is you (linked to your account).",
                )
            )
        elif actor.user_id is not None and actor.can_write(workspace_id):
            st.button(
                tr("Det här är jag", "This is me"),
                key=f"{PAGE}.this_is_me",
                on_click=_link_self,
                args=(workspace_id, chosen),
                help=tr(
                    "Koppla namnet till ditt konto: nästa gång börjar »Vem svarar?« här.",
                    "Link the name to your account: next time “Who is answering?” starts here.",
                ),
            )
        return people[chosen]
    with st.form(f"{PAGE}.new_person", border=False):
        name = st.text_input(tr("Ditt namn", "Your name"), max_chars=200)
        is_me = (
            st.checkbox(tr("Det här är jag", "This is me"), value=own is None)
            if actor.user_id is not None
            else False
        )
        if st.form_submit_button(tr("Lägg till", "Add")):
            try:
                person = store.respondent(actor=actor, workspace_id=workspace_id, name=name)
                if is_me:
                    prefs.link_participant(
                        actor=actor, workspace_id=workspace_id, respondent_id=person.id
                    )
            except StadError as exc:
                st.error(error_text(exc))
                return None
            st.session_state[RESPONDENT_NEXT_KEY] = person.id
            st.rerun()
    return None


def _link_self(workspace_id: int, respondent_id: int) -> None:
    try:
        PreferenceStore(get_store()).link_participant(
            actor=get_actor(), workspace_id=workspace_id, respondent_id=respondent_id
        )
    except StadError as exc:
        st.session_state[f"{PAGE}.link_error"] = error_text(exc)


def _keyed_notice(lang: str) -> None:
    """The key of the keyed hashes is made here at the latest, and said when it is new."""
    try:
        installation_key()
    except StadError as exc:
        problem = exc.problems[0]
        st.error(f"{in_language(problem.message, lang)} ({problem.where}, {exc.code})")
        st.stop()
    notice = key_notice(lang)
    if notice:
        st.info(notice)


def show_form_page(workspace) -> None:
    lang = get_lang()
    store, actor = get_store(), get_actor()
    top = st.columns([3, 2, 1])
    with top[0]:
        form = pick_form(lang)
    with top[1]:
        group = form.owner == "group"
        person = group_person(workspace.id) if group else pick_respondent(workspace.id)
        problem = st.session_state.pop(f"{PAGE}.link_error", None)
        if problem:
            st.error(problem)
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
    heading(form.title.get(lang), 2)
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
    if has_keyed_columns(form):
        _keyed_notice(lang)
    if person is None and group:
        st.info(
            tr(
                "Ingen i kärngruppen har börjat på det här ännu.",
                "Nobody in the core group has started on this yet.",
            )
        )
        return
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
    notice = st.empty()  # the draft or submitted note, replaced when that changes below
    show_state(notice, state)
    changed = explain_group(state) if group else None
    if group:
        show_conflict(form, lang)
    background = show_background(form, workspace.id, lang)
    initial, shared = state.working_answers, ""
    if can_write:
        initial, shared = with_shared_rows(form, workspace.id, initial, lang)
        shared += offer_candidates(
            form,
            workspace_id=workspace.id,
            respondent_id=person.id,
            round_no=round_no,
            answers=initial,
            lang=lang,
        )
    # The shared rows' source is part of the context: a table first drawn empty starts
    # afresh once the linked form has been submitted.
    context = f"{workspace.id}-{person.id}-{round_no}-r{state.revision}{shared}"
    if group:
        context += reload_mark(form)
        base_version = base_of(form, context, state)[0]
    rendered = render_form(
        form,
        context=context,
        initial=initial,
        lang=lang,
        disabled=not can_write,
        autosave=can_write,
    )
    where = {"workspace_id": workspace.id, "respondent_id": person.id, "round": round_no}
    #: A shared answer's saves carry the version the screen was filled from.
    version: dict[str, int | None] = {"expected_version": base_version if group else None}
    latest = state
    if rendered.action in (AUTOSAVE, DRAFT):
        latest = save_draft(
            form,
            rendered,
            where,
            state,
            lang,
            context=context,
            expected_version=version["expected_version"],
        )
        show_state(notice, latest)
    elif rendered.action == SUBMIT:
        try:
            latest = store.submit(
                actor=actor,
                form=form,
                answers=rendered.answers,
                expected_revision=None if group else state.revision,
                expected_version=version["expected_version"],
                **where,
            )
        except AnswerError as exc:
            show_problems(rendered, exc.problems, lang)
            latest = save_draft(
                form,
                rendered,
                where,
                state,
                lang,
                quiet=True,
                context=context,
                expected_version=version["expected_version"],
            )
            show_state(notice, latest)
            st.error(
                tr(
                    "Något behöver rättas – se markeringarna vid frågorna. Inget av det ni "
                    "skrivit har försvunnit: det är sparat som utkast.",
                    "Something needs fixing – see the marks at the questions. Nothing you "
                    "typed is lost: it is kept as a draft.",
                )
            )
        except StadError as exc:
            if exc.code == STORE_STALE:
                note_conflict(form, context, where, rendered.answers)
                st.rerun()
            st.error(error_text(exc))
        else:
            show_state(notice, latest)
            st.success(
                tr(
                    f"Tack! Svaret är inskickat (version {latest.revision}).",
                    f"Thank you! The response is submitted (version {latest.revision}).",
                )
            )
    elif rendered.status is not None and state.draft_saved_at is not None:
        rendered.status.caption(saved_text(state.draft_saved_at))
    elif rendered.status is not None:
        rendered.status.caption(
            tr(
                "Det ni fyller i sparas som utkast när ni lämnar ett fält.",
                "What you fill in is kept as a draft when you leave a field.",
            )
        )
    if changed is not None and latest is not state:
        show_changed(changed, latest)
    show_result_section(
        form, latest, workspace=workspace, person=person, round_no=round_no, background=background
    )
    if latest.response_id and latest.revision > 1:
        show_revisions(form, workspace.id, latest.response_id)
