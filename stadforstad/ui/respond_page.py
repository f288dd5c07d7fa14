"""The respondent page: reached through an invitation link (``?t=<token>``) and nothing
else. It shows the members' introduction, a consent line and the form; no menu, no
sidebar, nothing of the workspace. Swedish or English (``?lang=en``, the link's own
language, or the switch at the top); times in Swedish time.

The respondent's place is kept in the database under a resume token of their own. It
reaches a later visit three ways: this browser session; the address (``&r=<resume>``,
also the link to continue on another device); and a cookie, so that opening the
original link again in the same browser finds the draft. Every submission carries an
idempotency key, so a double click stores one answer.

A link that fills up, passes its last day or is revoked while someone answers does
not throw their text away: the page says what happened, keeps the form with what they
wrote, and what they send is kept as a late draft the members can read.

What the respondent typed is shown back as text only (``st.text``/``st.code``).
"""

from __future__ import annotations

import secrets

import streamlit as st

from stadforstad import client
from stadforstad.errors import AnswerError, StadError
from stadforstad.i18n import pick
from stadforstad.questionnaire import (
    INDUSTRY_ITEM,
    asked_form,
    format_moment,
    industry_names,
    link_form,
    send_answers,
    time_zone_note,
    with_identity,
)
from stadforstad.render import DRAFT, SUBMIT, render_form, show_problems
from stadforstad.settings import get_settings
from stadforstad.storage.links import (
    Identity,
    LinkActor,
    LinkClosedError,
    LinkError,
    LinkInfo,
    LinkStore,
    RespondentState,
    hash_token,
    link_url,
)
from stadforstad.ui.context import _leave_pages_folder_mode, get_store
from stadforstad.ui.headings import heading
from stadforstad.ui.respond_parts import (
    address_language,
    cookie_name,
    identity_block,
    key,
    pick_language,
    safe_value,
    set_cookie,
    show_draft_text,
    show_receipt,
)
from stadforstad.ui.respond_words import (
    closed_keep_text,
    closed_reason,
    consent_text,
    correct_text,
    error_text,
    late_saved_text,
    privacy_lines,
    resume_text,
    unusable_text,
)

TOKEN_PARAM = "t"
RESUME_PARAM = "r"
RESUME_KEY = key("resume")
#: Hashes of the tokens this session opened while their link took answers: such a
#: session may still leave what it wrote after the link closed.
OPENED_KEY = key("opened")
#: Set when the respondent erased their draft or started afresh: forget the cookie.
FORGET_KEY = key("forget")
#: Resume tokens this session let go of: the cookie the browser sent at the start may
#: still name one, and must not bring it back.
FORGOTTEN_KEY = key("forgotten")


def _refuse(lang: str | None) -> None:
    heading(pick(lang or "sv", "Enkät", "Questionnaire"), 1)
    st.info(unusable_text(lang), icon="🔗")


class _Visit:
    """One run of the page for one link: who, in which language, and the saved state."""

    def __init__(self, links: LinkStore, token: str, actor: LinkActor, link: LinkInfo):
        self.links, self.token, self.actor, self.link = links, token, actor, link
        self.form = link_form(link.form_id)
        self.names = industry_names(self.form)
        self.cookie = cookie_name(hash_token(token))
        self.days = links.limits.draft_days
        self.lang = "sv"
        self.resume = ""
        self.state: RespondentState | None = None

    def t(self, sv: str, en: str) -> str:
        return pick(self.lang, sv, en)

    def when(self, moment) -> str:
        return f"{format_moment(moment, self.lang)} ({time_zone_note(self.lang)})"

    # -- where the respondent stands ----------------------------------------------------
    def find_resume(self) -> None:
        """The resume token and saved state: from the address if it matches a draft of
        this link; else this session's; else the browser's cookie; else a fresh one."""
        from_url = st.query_params.get(RESUME_PARAM)
        if from_url:
            state = self._state_of(from_url)
            if state is not None:
                self._use(from_url, state)
                return
            # Unknown resume token: start afresh rather than reveal anything about it.
            del st.query_params[RESUME_PARAM]
            st.session_state.pop(RESUME_KEY, None)
            st.info(
                self.t(
                    "Vi hittade inget sparat utkast för den länken (utkast raderas efter "
                    f"{self.days} dagar). Ni kan börja om här nedan.",
                    "We found no saved draft for that link (drafts are deleted after "
                    f"{self.days} days). You can start again below.",
                )
            )
        session = st.session_state.get(RESUME_KEY)
        if session:
            self._use(session, self._state_of(session))
            return
        from_cookie = safe_value(client.browser_cookie(self.cookie))
        if from_cookie in st.session_state.get(FORGOTTEN_KEY, set()):
            from_cookie = None
        state = self._state_of(from_cookie) if from_cookie else None
        if from_cookie and state is not None:
            self._use(from_cookie, state)
            return
        if from_cookie and not st.session_state.get(FORGET_KEY):
            # This browser had a draft here that is gone: expired, or erased.
            st.info(
                self.t(
                    f"Ert tidigare utkast finns inte kvar (utkast raderas efter {self.days} "
                    "dagar). Ni kan börja om här nedan.",
                    f"Your earlier draft is no longer kept (drafts are deleted after "
                    f"{self.days} days). You can start again below.",
                )
            )
            st.session_state[FORGET_KEY] = True
        self._use(secrets.token_urlsafe(32), None)

    def _state_of(self, resume: str) -> RespondentState | None:
        try:
            return self.links.respondent_state(actor=self.actor, resume=resume)
        except LinkError:
            return None

    def _use(self, resume: str, state: RespondentState | None) -> None:
        st.session_state[RESUME_KEY] = resume
        self.resume, self.state = resume, state

    def forget(self) -> None:
        """Start afresh in this browser: a new resume token, no cookie, no ``&r=``."""
        st.session_state.setdefault(FORGOTTEN_KEY, set()).add(self.resume)
        st.session_state.pop(RESUME_KEY, None)
        st.session_state[FORGET_KEY] = True
        if RESUME_PARAM in st.query_params:
            del st.query_params[RESUME_PARAM]

    def remember(self) -> None:
        """Keep the saved draft's token in the browser (or forget it after an erasure)."""
        if self.state is not None:
            st.session_state.pop(FORGET_KEY, None)
            set_cookie(self.cookie, self.resume, self.days)
        elif st.session_state.get(FORGET_KEY):
            set_cookie(self.cookie, None, self.days)

    # -- what is shown --------------------------------------------------------------------
    def show_receipt(self) -> None:
        state = self.state
        assert state is not None and state.receipt
        if show_receipt(
            self.form, state, self.names, self.lang, new_answer=self.link.status() == "open"
        ):
            self.forget()
            st.rerun()

    def show_draft_text(self) -> None:
        assert self.state is not None
        show_draft_text(self.form, self.state, self.names, self.lang)

    def offer_erasure(self) -> None:
        with st.expander(self.t("Radera mitt utkast", "Erase my draft")):
            st.markdown(
                self.t(
                    "Utkastet tas bort för gott, även hos kommunen. Det går inte att ångra.",
                    "The draft is deleted for good, also for the municipality. This cannot "
                    "be undone.",
                )
            )
            if st.button(self.t("Radera utkastet nu", "Erase the draft now"), key=key("erase")):
                self.links.erase_own_draft(actor=self.actor, resume=self.resume)
                self.forget()
                st.session_state[key("flash")] = self.t(
                    "Ert utkast är raderat.", "Your draft is erased."
                )
                st.rerun()

    def show_privacy(self) -> None:
        settings = get_settings()
        who, *more = privacy_lines(
            ask_identity=self.link.ask_identity,
            days=self.days,
            window_minutes=max(1, settings.link_rate_window_seconds // 60),
            lang=self.lang,
        )
        st.caption(who)
        with st.expander(self.t("Om era uppgifter", "About your data")):
            for line in more:
                st.markdown(line)

    def show_saved(self) -> None:
        st.success(
            self.t(
                "Utkastet är sparat. Ni kan fortsätta när ni vill.",
                "The draft is saved. You can continue whenever you like.",
            ),
            icon="💾",
        )
        st.markdown(resume_text(self.days, self.lang))
        st.code(
            link_url(get_settings().public_url, self.token, self.resume, self.lang),
            language=None,
            wrap_lines=True,
        )
        set_cookie(self.cookie, self.resume, self.days)

    # -- the page ------------------------------------------------------------------------
    def run(self) -> None:
        self.lang = pick_language(self.link)
        self.find_resume()
        self.remember()
        heading(self.form.title.get(self.lang), 1)
        flash = st.session_state.pop(key("flash"), None)
        if flash:
            st.success(flash)
        state, status = self.state, self.link.status()
        if state is not None and state.sent:
            self.show_receipt()
            return
        if status != "open":
            st.warning(closed_reason(status, self.lang), icon="🔒")
            if state is not None and state.late_at is not None:
                st.info(late_saved_text(self.lang, self.when(state.late_at)), icon="📝")
                self.show_draft_text()
                self.offer_erasure()
                return
            st.info(closed_keep_text(self.lang), icon="📝")
        self.show_form()

    def show_form(self) -> None:
        state, link = self.state, self.link
        if link.intro:
            st.text(link.intro)  # the members' words, shown as written
        if self.form.intro:
            with st.expander(self.t("Om frågorna", "About the questions")):
                st.markdown(self.form.intro.get(self.lang))
        consent_key = key("consent")
        if consent_key not in st.session_state:
            st.session_state[consent_key] = state is not None  # agreed before saving
        consent = st.checkbox(consent_text(self.lang), key=consent_key)
        self.show_privacy()
        identity = identity_block(
            self.form, link, state.identity if state is not None else Identity(), self.lang
        )
        if state is not None and state.draft is not None and state.draft_saved_at:
            st.info(
                self.t(
                    f"Ni fortsätter på ert utkast från {self.when(state.draft_saved_at)}.",
                    f"You are continuing your draft from {self.when(state.draft_saved_at)}.",
                ),
                icon="📝",
            )
        if not consent:
            st.caption(
                self.t(
                    "Kryssa i rutan ovan för att kunna spara och skicka in.",
                    "Tick the box above to be able to save and send.",
                )
            )
        # The same buttons whether or not the link still takes answers: a click on
        # "Skicka in" made just as the link filled up must still arrive (a button with
        # another label would be another widget, and the click would be lost).
        rendered = render_form(
            asked_form(self.form),
            context=f"link{link.id}.{self.resume[:12]}",
            initial=(state.draft if state is not None else None) or {},
            lang=self.lang,
            disabled=not consent,
            section_level=2,  # the form's title is the page's
        )
        if state is not None and state.draft is not None:
            self.offer_erasure()
        if rendered.action in (DRAFT, SUBMIT):
            self.act(rendered, identity)

    def act(self, rendered, identity: Identity) -> None:
        address = client.address_group(client.client_address())
        try:
            if rendered.action == DRAFT:
                self.state = self.links.save_draft(
                    actor=self.actor,
                    resume=self.resume,
                    form=self.form,
                    answers=with_identity(self.form, rendered.answers, identity, self.link),
                    identity=identity,
                    client=address,
                )
                st.query_params[RESUME_PARAM] = self.resume
                self.show_saved()
                return
            send_answers(
                self.links,
                token=self.token,
                resume=self.resume,
                submission_key=st.session_state.setdefault(
                    key(f"submission.{self.resume}"), secrets.token_urlsafe(24)
                ),
                answers=rendered.answers,
                identity=identity,
                client=address,
                returning=True,
            )
        except AnswerError as exc:
            problems = [p for p in exc.problems if p.item != INDUSTRY_ITEM]
            show_problems(rendered, problems, self.lang)
            st.error(correct_text(self.lang))
            return
        except LinkClosedError:
            # Kept as a late draft: the next run says so and shows the text.
            st.query_params[RESUME_PARAM] = self.resume
            st.rerun()
        except LinkError as exc:
            st.error(error_text(exc, self.lang))
            return
        st.query_params[RESUME_PARAM] = self.resume
        st.rerun()


def show_respond_page() -> None:
    # A first request straight to /respond on a fresh server would otherwise run this
    # page in Streamlit's old pages-folder mode, with a menu of every page file.
    _leave_pages_folder_mode()
    links = LinkStore(get_store())
    token = st.query_params.get(TOKEN_PARAM)
    opened: dict[str, bool] = st.session_state.setdefault(OPENED_KEY, {})
    token_hash = hash_token(token) if token else ""
    hint = (
        safe_value(st.query_params.get(RESUME_PARAM))
        or st.session_state.get(RESUME_KEY)
        or safe_value(client.browser_cookie(cookie_name(token_hash)))
    )
    try:
        actor, link = links.open_link(token, hint, returning=token_hash in opened)
        visit = _Visit(links, token or "", actor, link)
    except StadError:
        # Made-up, revoked, closed, full – or a form that is no longer there: one message.
        _refuse(address_language())
        return
    if link.status() == "open":
        opened[token_hash] = True
    visit.run()
