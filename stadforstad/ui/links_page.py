"""Inbjudningslänkar – the members create links to a shareable form, copy them or
download a QR code, revoke them, and watch the answers arrive per link.

A link's token is shown only when it is created (only its hash is kept): the page keeps
the links made in this session on screen; an older link that is lost is replaced by
making a new one and revoking the old.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import qrcode
import streamlit as st

from stadforstad.errors import StadError
from stadforstad.questionnaire import shareable_forms
from stadforstad.settings import get_settings
from stadforstad.storage.links import MAX_INTRO, MAX_LABEL, LinkInfo, LinkStore, link_url, today
from stadforstad.ui.context import get_actor, get_store, tr

PAGE = "links"
CREATED_KEY = f"{PAGE}.created"  # link id → token, for links made in this session
FLASH_KEY = f"{PAGE}.flash"

STATUS_WORDS = {
    "open": ("öppen", "open"),
    "revoked": ("stängd", "revoked"),
    "closed": ("sista dagen passerad", "past closing date"),
    "full": ("full", "full"),
}


def default_intro(workspace_name: str) -> str:
    return (
        f"Hej! Vi är kärngruppen i {workspace_name} som arbetar mot människohandel och "
        "prostitution enligt metoden Stad för stad.\n\n"
        "Varför vi frågar: ni som möter många människor i ert arbete ser och hör saker som "
        "hjälper oss att förstå läget i kommunen.\n\n"
        "Hur svaren används: svaren är anonyma och sammanställs per bransch. Ingen grupp "
        "med färre än tre svar visas, så ingen enskild svarande kan pekas ut.\n\n"
        "Frågor? Kontakta: [namn, e-post, telefon]"
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
    with st.form(f"{PAGE}.create", clear_on_submit=False):
        st.subheader(tr("Skapa en inbjudningslänk", "Create an invitation link"))
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
        st.session_state.setdefault(f"{PAGE}.intro", default_intro(workspace.name))
        intro = st.text_area(
            tr("Introduktion som de svarande ser", "Introduction respondents see"),
            key=f"{PAGE}.intro",
            max_chars=MAX_INTRO,
            height=200,
            help=tr(
                "Skriv vem som frågar, varför, hur svaren används och vem man kontaktar.",
                "Who asks, why, how answers are used, whom to contact.",
            ),
        )
        left, middle, right = st.columns(3)
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
                )
            except StadError as exc:
                st.error(f"{exc.problems[0].message} ({exc.code})")
            else:
                st.session_state.setdefault(CREATED_KEY, {})[created.info.id] = created.token
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
        url = link_url(base, token)
        with st.container(border=True):
            st.markdown(f"**{tr('Ny länk', 'New link')}: {info.label or info.form_id}**")
            st.code(url, language=None, wrap_lines=True)
            st.download_button(
                tr("Ladda ner QR-kod (PNG)", "Download QR code (PNG)"),
                qr_png(url),
                file_name=f"inbjudan-{info.id}.png",
                mime="image/png",
                key=f"{PAGE}.qr.{info.id}",
            )


def _links_table(infos: list[LinkInfo]) -> None:
    st.subheader(tr("Länkar och svar", "Links and answers"))
    if not infos:
        st.info(tr("Ni har inte skapat någon länk ännu.", "You have not created a link yet."))
        return
    total = sum(i.answers for i in infos)
    last = max((i.last_answer_at for i in infos if i.last_answer_at), default=None)
    cols = st.columns(3)
    cols[0].metric(tr("Inskickade svar", "Answers sent"), total)
    cols[1].metric(tr("Påbörjade utkast", "Drafts in progress"), sum(i.drafts for i in infos))
    cols[2].metric(tr("Senaste svar", "Last answer"), f"{last:%Y-%m-%d %H:%M}" if last else "–")
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
                    tr("Senaste svar", "Last answer"): f"{i.last_answer_at:%Y-%m-%d %H:%M}"
                    if i.last_answer_at
                    else "–",
                    tr("Sista dag", "Closes"): str(i.closes_on) if i.closes_on else "–",
                    tr("Högst", "Cap"): i.max_answers or "–",
                    tr("Namn efterfrågas", "Asks name"): "✓" if i.ask_identity else "",
                }
                for i in infos
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        tr(
            "Tiderna är i UTC. En länk visas bara när den skapas; har ni tappat bort "
            "den, skapa en ny och stäng den gamla.",
            "Times are UTC. A link is shown only when created; if lost, create a new "
            "one and revoke the old.",
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
                st.error(f"{exc.problems[0].message} ({exc.code})")
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
    st.caption(
        tr(
            "Hur svaren ser ut tillsammans visas under Sammanställning i menyn.",
            "The answers together are under Compilation in the menu.",
        )
    )
