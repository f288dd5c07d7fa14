"""Parts of the respondent page: the language switch, "about you" (industry, name,
contact), the receipt and a draft shown back as text, and the browser cookie that
lets the original link find a saved draft again.

What the respondent typed is shown back as text only (``st.code``, ``st.text``).
"""

from __future__ import annotations

import re

import streamlit as st

from stadforstad.i18n import LANGUAGE_NAMES, LANGUAGES, pick
from stadforstad.questionnaire import (
    draft_text,
    industry_names,
    known_industry,
    preset_industry,
    receipt_text,
    similar_industries,
)
from stadforstad.schema import Form
from stadforstad.storage.links import (
    MAX_CONTACT,
    MAX_INDUSTRY,
    MAX_NAME,
    Identity,
    LinkInfo,
    RespondentState,
)
from stadforstad.ui.headings import heading
from stadforstad.ui.respond_words import receipt_caption

PAGE = "respond"
LANG_PARAM = "lang"
LANG_KEY = f"{PAGE}.lang"
INDUSTRY_KEY = f"{PAGE}.industry"
OTHER_KEY = f"{PAGE}.industry_other"
#: The selectbox's entry for an industry that is not in the list.
OTHER = "__annan__"
#: Cookies are named per link: ``sfs_utkast_`` and the start of the token's hash.
COOKIE_PREFIX = "sfs_utkast_"
_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,200}$")


def key(name: str) -> str:
    return f"{PAGE}.{name}"


# -- language -------------------------------------------------------------------------
def address_language() -> str | None:
    """``?lang=`` when it names a language of the app."""
    wanted = st.query_params.get(LANG_PARAM)
    return wanted if wanted in LANGUAGES else None


def pick_language(link: LinkInfo) -> str:
    """The page's language switch: first from ``?lang=``, else the link's own language;
    a choice is written back to the address, so a reload keeps it."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = address_language() or link.lang
    lang = st.radio(
        "Språk / Language",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=LANG_KEY,
        horizontal=True,
    )
    if lang != (address_language() or link.lang):
        st.query_params[LANG_PARAM] = lang
    return lang


# -- about you ------------------------------------------------------------------------
def _choose_industry(chosen: str) -> None:
    st.session_state[INDUSTRY_KEY] = chosen
    st.session_state[OTHER_KEY] = ""


def identity_block(form: Form, link: LinkInfo, saved: Identity, lang: str) -> Identity:
    """Who answers: the industry from the list (or written, after the list has had its
    say), and name and contact only when the members turned that on."""
    heading(pick(lang, "Om er", "About you"), 2)
    names = industry_names(form)
    if INDUSTRY_KEY not in st.session_state:
        listed = known_industry(saved.industry, names)
        if saved.industry and listed is None:
            st.session_state[INDUSTRY_KEY] = OTHER
            st.session_state[OTHER_KEY] = saved.industry
        else:
            st.session_state[INDUSTRY_KEY] = listed or preset_industry(link, names)
    other_label = pick(lang, "Annan bransch – skriv den själv", "Another industry – write it")
    choice = st.selectbox(
        pick(
            lang, "Vilken bransch eller verksamhet arbetar ni i?", "Which industry do you work in?"
        ),
        [*names, OTHER],
        key=INDUSTRY_KEY,
        format_func=lambda k: other_label if k == OTHER else pick(lang, *names[k]),
        placeholder=pick(lang, "Välj bransch", "Choose an industry"),
        help=pick(
            lang,
            "Skriv några bokstäver för att söka i listan. Finns er bransch inte med, välj "
            "”Annan bransch” sist i listan.",
            "Type a few letters to search the list. If your industry is not there, choose "
            "“Another industry” at the end of the list.",
        ),
    )
    industry = choice if choice and choice != OTHER else None
    if choice == OTHER:
        st.session_state.setdefault(OTHER_KEY, "")
        typed = st.text_input(
            pick(lang, "Er bransch", "Your industry"), key=OTHER_KEY, max_chars=MAX_INDUSTRY
        )
        industry = known_industry(typed, names) or (" ".join(typed.split()) or None)
        similar = [] if known_industry(typed, names) else similar_industries(typed, names)
        if similar:
            st.info(
                pick(
                    lang,
                    "Finns er bransch redan i listan? Välj den, så räknas ert svar ihop med "
                    "andras i samma bransch.",
                    "Is your industry already in the list? Choose it, so that your answer "
                    "counts together with others in the same industry.",
                )
            )
            for found in similar:
                st.button(
                    pick(lang, f"Välj {names[found][0]}", f"Choose {names[found][1]}"),
                    key=key(f"suggest.{found}"),
                    on_click=_choose_industry,
                    args=(found,),
                )
    name = contact = None
    if link.ask_identity:
        st.caption(
            pick(
                lang,
                "Namn och kontaktuppgift är frivilliga. Lämna dem tomma om ni vill svara anonymt.",
                "Name and contact are optional. Leave them empty to answer anonymously.",
            )
        )
        left, right = st.columns(2)
        st.session_state.setdefault(key("name"), saved.name or "")
        st.session_state.setdefault(key("contact"), saved.contact or "")
        name = left.text_input(
            pick(lang, "Ert namn (frivilligt)", "Your name (optional)"),
            key=key("name"),
            max_chars=MAX_NAME,
        )
        contact = right.text_input(
            pick(lang, "E-post eller telefon (frivilligt)", "E-mail or phone (optional)"),
            key=key("contact"),
            max_chars=MAX_CONTACT,
        )
    if industry and len(industry) > MAX_INDUSTRY:
        industry = industry[:MAX_INDUSTRY]
    return Identity(industry=industry, name=name, contact=contact)


# -- text to keep ---------------------------------------------------------------------
def show_text_to_keep(text: str, file_name: str, lang: str, *, title: str) -> None:
    """What the respondent wrote or sent, as text to copy, and as a file."""
    with st.expander(title, expanded=True):
        st.code(text, language=None, wrap_lines=True)
    st.download_button(
        pick(lang, "Ladda ner texten (.txt)", "Download the text (.txt)"),
        text.encode("utf-8"),
        file_name=file_name,
        mime="text/plain",
        key=key(f"download.{file_name}"),
    )


# -- the browser's memory of a draft --------------------------------------------------
def show_receipt(
    form: Form,
    state: RespondentState,
    names: dict[str, tuple[str, str]],
    lang: str,
    *,
    new_answer: bool,
) -> bool:
    """The thanks, the receipt code and what was sent, as text to keep; with
    ``new_answer`` the button to start another answer. Whether it was pressed."""
    assert state.receipt
    st.success(
        pick(lang, "Tack! Ert svar är inskickat.", "Thank you! Your answer is sent."), icon="✅"
    )
    st.markdown(pick(lang, "**Er kvittokod**", "**Your receipt code**"))
    st.code(state.receipt, language=None)
    st.caption(receipt_caption(lang))
    text = receipt_text(
        form,
        state.answers or {},
        state.identity,
        state.receipt,
        state.submitted_at,
        lang,
        names,
    )
    show_text_to_keep(
        text,
        f"kvitto-{state.receipt}.txt",
        lang,
        title=pick(lang, "Det här skickade ni", "What you sent"),
    )
    return new_answer and st.button(
        pick(lang, "Börja ett nytt svar", "Start a new answer"),
        key=key("new_answer"),
        help=pick(
            lang,
            "Till exempel om någon annan ska svara från samma dator.",
            "For instance when someone else answers from the same computer.",
        ),
    )


def show_draft_text(
    form: Form, state: RespondentState, names: dict[str, tuple[str, str]], lang: str
) -> None:
    """The saved draft shown back as text to keep."""
    text = draft_text(form, state.draft or {}, state.identity, state.draft_saved_at, lang, names)
    show_text_to_keep(
        text, "utkast.txt", lang, title=pick(lang, "Det här skrev ni", "What you wrote")
    )


def cookie_name(token_hash: str) -> str:
    return f"{COOKIE_PREFIX}{token_hash[:16]}"


def set_cookie(name: str, resume: str | None, days: int) -> None:
    """Keep ``resume`` in the browser for ``days`` (``None``: forget it), so opening the
    original link again in this browser finds the draft. Only our own random values go
    into the script; anything else is refused."""
    if not _SAFE.match(name) or (resume is not None and not _SAFE.match(resume)):
        return
    value, age = (resume, days * 86400) if resume else ("", 0)
    st.html(
        "<script>document.cookie = "
        f"'{name}={value}; path=/; max-age={age}; SameSite=Lax'"
        " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def safe_value(value: str | None) -> str | None:
    """A resume token from the address or a cookie, when it looks like one of ours."""
    return value if value and _SAFE.match(value) else None
