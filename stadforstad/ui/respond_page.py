"""The respondent page: reached through an invitation link (``?t=<token>``) and nothing
else. It shows the members' introduction, a consent line and the form; no menu, no
sidebar, nothing of the workspace.

The respondent's place is kept in the database under a resume token of their own,
which also sits in the address (``&r=<resume>``): a reload on the same device, or the
resume link on another, continues where they stopped. Every submission carries an
idempotency key, so a double click stores one answer.

What the respondent typed is shown back as text only (``st.text``/``st.code``).
"""

from __future__ import annotations

import secrets

import streamlit as st

from stadforstad.errors import AnswerError, StadError
from stadforstad.questionnaire import (
    INDUSTRY_ITEM,
    asked_form,
    industry_options,
    link_form,
    preset_industry,
    receipt_text,
    send_answers,
    with_identity,
)
from stadforstad.render import DRAFT, SUBMIT, render_form, show_problems
from stadforstad.settings import get_settings
from stadforstad.storage.links import (
    MAX_CONTACT,
    MAX_INDUSTRY,
    MAX_NAME,
    UNUSABLE_MESSAGE,
    Identity,
    LinkError,
    LinkStore,
    link_url,
)
from stadforstad.ui.context import _leave_pages_folder_mode, get_store

PAGE = "respond"
TOKEN_PARAM = "t"
RESUME_PARAM = "r"
LANG = "sv"  # respondents meet the handbook's Swedish


def _key(name: str) -> str:
    return f"{PAGE}.{name}"


def _refuse(code: str) -> None:
    st.title("Enkät")
    st.info(f"{UNUSABLE_MESSAGE} ({code})", icon="🔗")


def _resume_token(links: LinkStore, actor):
    """The respondent's resume token and saved state: from the address if it matches a
    saved draft of this link, else a fresh one kept for this browser session."""
    from_url = st.query_params.get(RESUME_PARAM)
    if from_url:
        try:
            state = links.respondent_state(actor=actor, resume=from_url)
        except LinkError:
            state = None
        if state is not None:
            st.session_state[_key("resume")] = from_url
            return from_url, state
        # Unknown resume token: start afresh rather than reveal anything about it.
        del st.query_params[RESUME_PARAM]
        st.session_state.pop(_key("resume"), None)
        st.info("Vi hittade inget sparat utkast för den länken. Ni kan börja om här nedan.")
    resume = st.session_state.setdefault(_key("resume"), secrets.token_urlsafe(32))
    state = links.respondent_state(actor=actor, resume=resume)
    return resume, state


def _identity_block(form, link, saved: Identity) -> Identity:
    """Who answers: the industry (from the list, or written), and name and contact only
    when the members turned that on."""
    st.subheader("Om er")
    options = industry_options(form, LANG)
    key = _key("industry")
    if key not in st.session_state:
        chosen = saved.industry or preset_industry(link, options)
        if chosen and chosen not in options:
            options.append(chosen)
        st.session_state[key] = chosen
    elif st.session_state[key] and st.session_state[key] not in options:
        options.append(st.session_state[key])
    industry = st.selectbox(
        "Vilken bransch eller verksamhet arbetar ni i?",
        options,
        key=key,
        accept_new_options=True,
        placeholder="Välj, eller skriv en egen",
        help="Finns inte er bransch med? Skriv den i rutan.",
    )
    name = contact = None
    if link.ask_identity:
        st.caption(
            "Namn och kontaktuppgift är frivilliga. Lämna dem tomma om ni vill svara anonymt."
        )
        left, right = st.columns(2)
        st.session_state.setdefault(_key("name"), saved.name or "")
        st.session_state.setdefault(_key("contact"), saved.contact or "")
        name = left.text_input("Ert namn (frivilligt)", key=_key("name"), max_chars=MAX_NAME)
        contact = right.text_input(
            "E-post eller telefon (frivilligt)", key=_key("contact"), max_chars=MAX_CONTACT
        )
    if industry and len(industry) > MAX_INDUSTRY:
        industry = industry[:MAX_INDUSTRY]
    return Identity(industry=industry, name=name, contact=contact)


def _show_receipt(form, state, token: str, resume: str) -> None:
    st.success("Tack! Ert svar är inskickat.", icon="✅")
    st.markdown("**Er kvittokod**")
    st.code(state.receipt, language=None)
    st.caption(
        "Spara koden om ni vill kunna hänvisa till ert svar. Svaret kan inte ändras "
        "härifrån; hör av er till den som skickade länken om något blev fel."
    )
    text = receipt_text(
        form, state.answers or {}, state.identity, state.receipt, state.submitted_at, LANG
    )
    with st.expander("Det här skickade ni", expanded=True):
        st.code(text, language=None, wrap_lines=True)
    st.download_button(
        "Ladda ner kvittot (.txt)",
        text.encode("utf-8"),
        file_name=f"kvitto-{state.receipt}.txt",
        mime="text/plain",
        key=_key("receipt_download"),
    )


def _show_resume_link(token: str, resume: str) -> None:
    st.success("Utkastet är sparat. Ni kan fortsätta när ni vill.", icon="💾")
    st.markdown(
        "Fortsätt senare på samma enhet genom att öppna sidan igen, eller spara "
        "den här länken för att fortsätta på en annan enhet:"
    )
    st.code(link_url(get_settings().public_url, token, resume), language=None, wrap_lines=True)


def show_respond_page() -> None:
    # A first request straight to /respond on a fresh server would otherwise run this
    # page in Streamlit's old pages-folder mode, with a menu of every page file.
    _leave_pages_folder_mode()
    links = LinkStore(get_store())
    token = st.query_params.get(TOKEN_PARAM)
    try:
        actor, link = links.open_link(
            token, st.query_params.get(RESUME_PARAM) or st.session_state.get(_key("resume"))
        )
        form = link_form(link.form_id)
    except StadError as exc:
        # Made-up, revoked, closed, full – or a form that is no longer there: one message.
        _refuse(exc.code if isinstance(exc, LinkError) else "LINK_001")
        return
    resume, state = _resume_token(links, actor)
    st.title(form.title.get(LANG))
    if state is not None and state.sent:
        _show_receipt(form, state, token, resume)
        return
    if link.intro:
        st.text(link.intro)  # the members' words, shown as written
    if form.intro:
        with st.expander("Om frågorna"):
            st.markdown(form.intro.get(LANG))
    consent_key = _key("consent")
    if consent_key not in st.session_state:
        st.session_state[consent_key] = state is not None  # agreed before saving a draft
    consent = st.checkbox(
        "Jag har läst informationen ovan och vill svara. Jag vet att svaren används för att "
        "kartlägga läget i kommunen och att jag kan avbryta när jag vill.",
        key=consent_key,
    )
    if not link.ask_identity:
        st.caption(
            "Ni svarar anonymt: vi sparar inte ert namn, er IP-adress eller något om er enhet."
        )
    saved_identity = state.identity if state is not None else Identity()
    identity = _identity_block(form, link, saved_identity)
    if state is not None and state.draft is not None and state.draft_saved_at:
        st.info(
            f"Ni fortsätter på ert utkast från {state.draft_saved_at:%Y-%m-%d %H:%M} (UTC).",
            icon="📝",
        )
    if not consent:
        st.caption("Kryssa i rutan ovan för att kunna spara och skicka in.")
    shown = asked_form(form)
    rendered = render_form(
        shown,
        context=f"link{link.id}.{resume[:12]}",
        initial=(state.draft if state is not None else None) or {},
        lang=LANG,
        disabled=not consent,
    )
    if rendered.action not in (DRAFT, SUBMIT):
        return
    answers = with_identity(form, rendered.answers, identity, link, LANG)
    try:
        if rendered.action == DRAFT:
            links.save_draft(
                actor=actor, resume=resume, form=form, answers=answers, identity=identity
            )
            st.query_params[RESUME_PARAM] = resume
            _show_resume_link(token, resume)
            return
        submission_key = st.session_state.setdefault(
            _key(f"submission.{resume}"), secrets.token_urlsafe(24)
        )
        send_answers(
            links,
            token=token,
            resume=resume,
            submission_key=submission_key,
            answers=rendered.answers,
            identity=identity,
            lang=LANG,
        )
    except AnswerError as exc:
        hidden = [p for p in exc.problems if p.where.split("[")[0] == INDUSTRY_ITEM]
        show_problems(rendered, [p for p in exc.problems if p not in hidden], LANG)
        st.error(
            "Något behöver rättas – se markeringarna vid frågorna. Inget av det ni "
            "skrivit har försvunnit."
        )
        return
    except LinkError as exc:
        st.error(f"{exc.problems[0].message} ({exc.code})")
        return
    st.query_params[RESUME_PARAM] = resume
    st.rerun()
