"""The links page's part about unsent drafts: the late drafts (what respondents wrote
when a link had closed or filled up, which counts toward no cap and no compilation)
shown as text, and erasing drafts – one late draft, or every unsent draft of a link
(for instance when a respondent asks, or when a link is done with).

Drafts still in progress are counted, never shown.
"""

from __future__ import annotations

import streamlit as st

from stadforstad.errors import StadError
from stadforstad.questionnaire import draft_text, format_moment, industry_names, link_form
from stadforstad.storage.link_drafts import LateDraft, erase_link_drafts, list_late_drafts
from stadforstad.storage.links import LinkInfo, LinkStore
from stadforstad.ui.context import error_text, get_actor, get_lang, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import escape_markdown

PAGE = "links"
FLASH_KEY = f"{PAGE}.flash"


def _text(draft: LateDraft) -> str:
    lang = get_lang()
    try:
        form = link_form(draft.form_id)
    except StadError:  # the form file is gone: the answers as they were stored
        return "\n".join(f"{k}: {v}" for k, v in draft.answers.items())
    return draft_text(
        form, draft.answers, draft.identity, draft.saved_at, lang, industry_names(form)
    )


def _late_drafts(links: LinkStore, workspace) -> None:
    drafts = list_late_drafts(links, actor=get_actor(), workspace_id=workspace.id)
    if not drafts:
        return
    heading(tr("Sena utkast", "Late drafts"), 2)
    st.caption(
        tr(
            "Det här skrev svarande som inte hann skicka in: länken hade blivit full, passerat "
            "sista svarsdagen eller stängts. De räknas inte i sammanställningen. Utkast "
            "raderas automatiskt när de blir för gamla.",
            "What respondents wrote but could not send: the link had filled up, passed its "
            "last day or been revoked. They do not count in the compilation. Drafts are "
            "deleted automatically when they grow too old.",
        )
    )
    for draft in drafts:
        title = f"{draft.link_label or draft.form_id} · {format_moment(draft.late_at, get_lang())}"
        with st.expander(escape_markdown(title)):
            st.code(_text(draft), language=None, wrap_lines=True)
            if st.button(
                tr("Radera det här utkastet", "Erase this draft"),
                key=f"{PAGE}.erase_late.{draft.id}",
            ):
                _erase(links, workspace, draft.link_id, draft.id)


def _erase(links: LinkStore, workspace, link_id: int, draft_id: int | None) -> None:
    try:
        count = erase_link_drafts(
            links, actor=get_actor(), workspace_id=workspace.id, link_id=link_id, draft_id=draft_id
        )
    except StadError as exc:
        st.error(error_text(exc))
        return
    st.session_state[FLASH_KEY] = tr(f"{count} utkast raderade.", f"{count} drafts erased.")
    st.rerun()


def _erase_link_drafts(links: LinkStore, workspace, infos: list[LinkInfo]) -> None:
    with_drafts = {i.id: i for i in infos if i.drafts}
    if not with_drafts:
        return
    with st.form(f"{PAGE}.erase_drafts", clear_on_submit=True):
        st.markdown(
            tr(
                "**Radera utkast** – alla utkast som inte skickats in via en länk. Inskickade "
                "svar finns kvar (dem raderar ni med kvittokoden under Administration).",
                "**Erase drafts** – every unsent draft of a link. Sent answers stay (erase "
                "those by their receipt code under Administration).",
            )
        )
        chosen = st.selectbox(
            tr("Länk", "Link"),
            list(with_drafts),
            key=f"{PAGE}.erase_link",
            format_func=lambda i: tr(
                f"{i} · {with_drafts[i].label or '–'} ({with_drafts[i].drafts} utkast)",
                f"{i} · {with_drafts[i].label or '–'} ({with_drafts[i].drafts} drafts)",
            ),
        )
        sure = st.checkbox(
            tr(
                "Ja, radera utkasten. Det går inte att ångra.",
                "Yes, erase the drafts. This cannot be undone.",
            ),
            key=f"{PAGE}.erase_sure",
        )
        if st.form_submit_button(tr("Radera länkens utkast", "Erase the link's drafts")):
            if not sure:
                st.warning(tr("Kryssa i rutan för att bekräfta.", "Tick the box to confirm."))
            else:
                _erase(links, workspace, chosen, None)


def show_drafts(links: LinkStore, workspace, infos: list[LinkInfo]) -> None:
    """Late drafts to read, and drafts to erase (members who may write)."""
    _late_drafts(links, workspace)
    _erase_link_drafts(links, workspace, infos)
