"""Inbjudningslänkar – the members create links to a shareable form, copy them or
download a QR code, revoke them, and watch the answers arrive per link.

A link's token is shown only when it is created (only its hash is kept): the page keeps
the links made in this session on screen; an older link that is lost is replaced by
making a new one and revoking the old.

Safe by default: after "Skapa länk" the form starts afresh (anonymous, no cap, no last
day), an introduction still holding its placeholder is refused, and a link that would
point to localhost while the app is reached elsewhere is flagged. Labels and every
other user-set string are shown as text, never as Markdown. Times in Swedish time.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import qrcode
import streamlit as st

from stadforstad import client
from stadforstad.errors import StadError
from stadforstad.i18n import LANGUAGE_NAMES, LANGUAGES, time_zone_name
from stadforstad.questionnaire import format_moment, shareable_forms
from stadforstad.settings import get_settings
from stadforstad.storage.links import (
    INTRO_PLACEHOLDERS,
    LINK_BAD_SETTING,
    LINK_TOO_LONG,
    MAX_INTRO,
    MAX_LABEL,
    LinkInfo,
    LinkStore,
    link_url,
    today,
)
from stadforstad.ui.context import get_actor, get_lang, get_store, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.link_drafts_page import show_drafts
from stadforstad.ui.plain import escape_markdown

PAGE = "links"
CREATED_KEY = f"{PAGE}.created"  # link id → token, for links made in this session
FLASH_KEY = f"{PAGE}.flash"
#: Set after a link is made: the next run starts the create form afresh.
RESET_KEY = f"{PAGE}.reset"
#: The create form's settings and their safe defaults, put back by a reset. (Setting a
#: widget's state before it is drawn updates the browser too; removing it would not.)
#: The form and the introduction stay: the next link usually goes to another industry
#: with the same questions and the same words.
FORM_DEFAULTS: dict[str, object] = {
    f"{PAGE}.label": "",
    f"{PAGE}.closes": None,
    f"{PAGE}.cap": None,
    f"{PAGE}.ask": False,
    f"{PAGE}.lang": "sv",
}

#: The members' messages for a refused link in English, by code and place (Swedish: as
#: the storage layer says it).
MESSAGES_EN = {
    (LINK_BAD_SETTING, "intro"): "Replace the placeholder in the introduction with how "
    "respondents reach you (name, e-mail, phone).",
    (LINK_BAD_SETTING, "closes_on"): "The last day has passed already; choose today or later.",
    (LINK_BAD_SETTING, "max_answers"): "The answer cap must be at least 1.",
    (LINK_TOO_LONG, "label"): f"The label can be at most {MAX_LABEL} characters.",
    (LINK_TOO_LONG, "intro"): f"The introduction can be at most {MAX_INTRO} characters.",
}

STATUS_WORDS = {
    "open": ("öppen", "open"),
    "revoked": ("stängd", "revoked"),
    "closed": ("sista dagen passerad", "past closing date"),
    "full": ("full", "full"),
}


def default_intro(workspace_name: str, lang: str = "sv") -> str:
    """The introduction a new link starts from; its contact placeholder must be replaced
    before the link can be made."""
    if lang == "en":
        return (
            f"Hello! We are the core group in {workspace_name}, working against human "
            "trafficking and prostitution with the Stad för stad method.\n\n"
            "Why we ask: you meet many people in your work and see and hear things that help "
            "us understand the situation in the municipality.\n\n"
            "How the answers are used: the answers are anonymous and compiled per industry. "
            "No group with fewer than three answers is shown, so no single respondent can be "
            "singled out.\n\n"
            f"Questions? Contact: {INTRO_PLACEHOLDERS[1]}"
        )
    return (
        f"Hej! Vi är kärngruppen i {workspace_name} som arbetar mot människohandel och "
        "prostitution enligt metoden Stad för stad.\n\n"
        "Varför vi frågar: ni som möter många människor i ert arbete ser och hör saker som "
        "hjälper oss att förstå läget i kommunen.\n\n"
        "Hur svaren används: svaren är anonyma och sammanställs per bransch. Ingen grupp "
        "med färre än tre svar visas, så ingen enskild svarande kan pekas ut.\n\n"
        f"Frågor? Kontakta: {INTRO_PLACEHOLDERS[0]}"
    )


def error_text(exc: StadError) -> str:
    """A refused link in the member's language, with its code."""
    problem = exc.problems[0]
    english = MESSAGES_EN.get((problem.code, problem.where))
    message = tr(problem.message, english)
    return f"{message[:1].upper()}{message[1:]} ({problem.code})"


def localhost_warning() -> str | None:
    """Links would point to localhost although the app is reached from elsewhere: the
    operator has not set ``STADFORSTAD_PUBLIC_URL``."""
    settings = get_settings()
    if "public_url" in settings.model_fields_set or not client.is_local_url(settings.public_url):
        return None
    seen = client.browser_url()
    if client.is_local_url(seen):
        return None
    return tr(
        f"Länkarna pekar på {settings.public_url}, som bara fungerar på den här datorn – "
        f"men ni når appen via {seen}. Be den som driver tjänsten att sätta "
        "STADFORSTAD_PUBLIC_URL till appens publika adress innan ni skickar länkar.",
        f"The links point to {settings.public_url}, which works only on this computer – but "
        f"you reach the app at {seen}. Ask whoever runs the service to set "
        "STADFORSTAD_PUBLIC_URL to the app's public address before you send links.",
    )


def qr_png(url: str) -> bytes:
    image = qrcode.make(url, box_size=10, border=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _status(info: LinkInfo) -> str:
    sv, en = STATUS_WORDS[info.status()]
    return tr(sv, en)


def _create_form(links: LinkStore, workspace) -> None:
    forms = {f.id: f for f in shareable_forms()}
    if not forms:
        st.info(
            tr(
                "Inget formulär är markerat för att skickas med länk ännu.",
                "No form is marked for sending by link yet.",
            )
        )
        return
    if st.session_state.pop(RESET_KEY, False):
        # Safe by default: the next link does not inherit this one's cap, last day or
        # request for names. (Only before the widgets are drawn may their state go.)
        for name, value in FORM_DEFAULTS.items():
            st.session_state[name] = value
    warning = localhost_warning()
    if warning:
        st.warning(warning, icon="⚠️")
    # Not cleared on submit: a refused link (say, the placeholder left in) keeps what
    # was typed; a created one resets the form through RESET_KEY.
    with st.form(f"{PAGE}.create", clear_on_submit=False):
        heading(tr("Skapa en inbjudningslänk", "Create an invitation link"), 2)
        form_id = st.selectbox(
            tr("Formulär", "Form"),
            list(forms),
            key=f"{PAGE}.form",
            format_func=lambda i: forms[i].title.sv,
        )
        label = st.text_input(
            tr("Bransch eller organisation som länken är till", "Industry or organisation"),
            max_chars=MAX_LABEL,
            key=f"{PAGE}.label",
            placeholder=tr("t.ex. Hotell", "e.g. Hotels"),
            help=tr(
                "Svarande ser inte detta namn, men ni ser svaren per länk. Heter den som en "
                "bransch i listan är den förvald för de svarande.",
                "Respondents do not see it; you see answers per link.",
            ),
        )
        st.session_state.setdefault(f"{PAGE}.intro", default_intro(workspace.name, get_lang()))
        intro = st.text_area(
            tr("Introduktion som de svarande ser", "Introduction respondents see"),
            key=f"{PAGE}.intro",
            max_chars=MAX_INTRO,
            height=200,
            help=tr(
                "Skriv vem som frågar, varför, hur svaren används och vem man kontaktar. "
                f"Byt ut {INTRO_PLACEHOLDERS[0]} mot er kontaktuppgift.",
                "Who asks, why, how answers are used, whom to contact. Replace "
                f"{INTRO_PLACEHOLDERS[1]} with your contact details.",
            ),
        )
        left, middle, right, fourth = st.columns(4)
        closes = left.date_input(
            tr("Sista svarsdag (valfritt)", "Last day (optional)"),
            value=None,
            min_value=today(),
            key=f"{PAGE}.closes",
            format="YYYY-MM-DD",
        )
        cap = middle.number_input(
            tr("Högst antal svar (valfritt)", "Answer cap (optional)"),
            min_value=1,
            max_value=100000,
            value=None,
            step=1,
            key=f"{PAGE}.cap",
        )
        ask = right.toggle(
            tr("Fråga efter namn och kontakt", "Ask for name and contact"),
            key=f"{PAGE}.ask",
            help=tr(
                "Av: helt anonymt. På: frivilligt att fylla i.",
                "Off: fully anonymous. On: optional to fill in.",
            ),
        )
        lang = fourth.selectbox(
            tr("Enkätens språk", "Questionnaire language"),
            list(LANGUAGES),
            key=f"{PAGE}.lang",
            format_func=lambda code: LANGUAGE_NAMES.get(code, code),
            help=tr(
                "Språket sidan öppnas på. De svarande kan byta själva.",
                "The language the page opens in. Respondents can switch.",
            ),
        )
        if st.form_submit_button(tr("Skapa länk", "Create link"), type="primary"):
            try:
                created = links.create_link(
                    actor=get_actor(),
                    workspace_id=workspace.id,
                    form=forms[form_id],
                    label=label,
                    intro=intro,
                    ask_identity=ask,
                    closes_on=closes if isinstance(closes, dt.date) else None,
                    max_answers=int(cap) if cap else None,
                    lang=lang or "sv",
                )
            except StadError as exc:
                st.error(error_text(exc))
            else:
                st.session_state.setdefault(CREATED_KEY, {})[created.info.id] = created.token
                st.session_state[RESET_KEY] = True
                st.session_state[FLASH_KEY] = tr(
                    "Länken är skapad. Kopiera den eller ladda ner QR-koden nu: den visas "
                    "bara under det här besöket.",
                    "The link is created. Copy it or download the QR code now: it is shown "
                    "only during this visit.",
                )
                st.rerun()


def _show_new_links(infos: list[LinkInfo]) -> None:
    created = st.session_state.get(CREATED_KEY, {})
    base = get_settings().public_url
    for info in infos:
        token = created.get(info.id)
        if token is None:
            continue
        url = link_url(base, token, lang=info.lang)
        with st.container(border=True):
            # The label is what a member typed: shown as text, never as Markdown.
            st.markdown(
                f"**{tr('Ny länk', 'New link')}: {escape_markdown(info.label or info.form_id)}**"
            )
            st.code(url, language=None, wrap_lines=True)
            warning = localhost_warning()
            if warning:
                st.warning(warning, icon="⚠️")
            st.download_button(
                tr("Ladda ner QR-kod (PNG)", "Download QR code (PNG)"),
                qr_png(url),
                file_name=f"inbjudan-{info.id}.png",
                mime="image/png",
                key=f"{PAGE}.qr.{info.id}",
            )


def _links_table(infos: list[LinkInfo]) -> None:
    heading(tr("Länkar och svar", "Links and answers"), 2)
    if not infos:
        st.info(tr("Ni har inte skapat någon länk ännu.", "You have not created a link yet."))
        return
    total = sum(i.answers for i in infos)
    last = max((i.last_answer_at for i in infos if i.last_answer_at), default=None)
    cols = st.columns(3)
    cols[0].metric(tr("Inskickade svar", "Answers sent"), total)
    cols[1].metric(tr("Påbörjade utkast", "Drafts in progress"), sum(i.drafts for i in infos))
    cols[2].metric(tr("Senaste svar", "Last answer"), format_moment(last, get_lang()))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "id": i.id,
                    tr("Länk till", "Link for"): i.label or "–",
                    tr("Formulär", "Form"): i.form_id,
                    tr("Läge", "Status"): _status(i),
                    tr("Svar", "Answers"): i.answers,
                    tr("Utkast", "Drafts"): i.drafts,
                    tr("Sena utkast", "Late drafts"): i.late_drafts,
                    tr("Senaste svar", "Last answer"): format_moment(i.last_answer_at, get_lang()),
                    tr("Sista dag", "Closes"): str(i.closes_on) if i.closes_on else "–",
                    tr("Högst", "Cap"): i.max_answers or "–",
                    tr("Namn efterfrågas", "Asks name"): tr("ja", "yes")
                    if i.ask_identity
                    else tr("nej", "no"),
                    tr("Språk", "Language"): LANGUAGE_NAMES.get(i.lang, i.lang),
                }
                for i in infos
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        tr(
            f"Tiderna är {time_zone_name('sv')}. En länk visas bara när den skapas; har ni "
            "tappat bort den, skapa en ny och stäng den gamla.",
            f"Times are {time_zone_name('en')}. A link is shown only when created; if lost, "
            "create a new one and revoke the old.",
        )
    )


def _revoke(links: LinkStore, infos: list[LinkInfo]) -> None:
    open_links = {i.id: i for i in infos if not i.revoked}
    if not open_links:
        return
    with st.form(f"{PAGE}.revoke"):
        st.markdown(
            tr(
                "**Stäng en länk** – inga nya svar tas emot; de som kommit in finns kvar.",
                "**Revoke a link** – no new answers; those sent stay.",
            )
        )
        chosen = st.selectbox(
            tr("Länk", "Link"),
            list(open_links),
            key=f"{PAGE}.revoke_id",
            format_func=lambda i: f"{i} · {open_links[i].label or '–'}",
        )
        if st.form_submit_button(tr("Stäng länken", "Revoke the link")):
            try:
                links.revoke_link(actor=get_actor(), link_id=chosen)
            except StadError as exc:
                st.error(error_text(exc))
            else:
                st.session_state[FLASH_KEY] = tr(
                    f"Länk {chosen} är stängd.", f"Link {chosen} is revoked."
                )
                st.rerun()


def show_links_page(workspace) -> None:
    links = LinkStore(get_store())
    actor = get_actor()
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY))
    st.markdown(
        tr(
            "Skicka en enkät till aktörer ute i staden – en länk per bransch eller organisation. "
            "De svarande ser bara er introduktion och frågorna, behöver inget konto och svarar "
            "anonymt om ni inte ber om namn.",
            "Send a questionnaire to actors in the city – one link per industry or organisation. "
            "Respondents see only your introduction and the questions, need no account and "
            "answer anonymously unless you ask for a name.",
        )
    )
    infos = links.list_links(actor=actor, workspace_id=workspace.id)
    _show_new_links(infos)
    if actor.can_write(workspace.id):
        _create_form(links, workspace)
    _links_table(infos)
    if actor.can_write(workspace.id):
        _revoke(links, infos)
        show_drafts(links, workspace, infos)
    st.caption(
        tr(
            "Hur svaren ser ut tillsammans visas under Sammanställning i menyn.",
            "The answers together are under Compilation in the menu.",
        )
    )
