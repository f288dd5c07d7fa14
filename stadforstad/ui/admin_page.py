"""Administration – users, grants, the audit log, export and import of a workspace, and
erasing one person's data on request. Administrators only: the page refuses anyone
else by itself, and the storage layer refuses anyway. The tabs are drawn by
``admin_accounts`` and ``admin_data``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from stadforstad import accounts
from stadforstad.storage import Actor, Store
from stadforstad.storage.records import WorkspaceInfo
from stadforstad.ui.admin_accounts import show_grants, show_users
from stadforstad.ui.admin_data import show_backup, show_erasure
from stadforstad.ui.admin_feedback import show_flash
from stadforstad.ui.context import get_actor, get_store, tr
from stadforstad.ui.headings import heading


def show_admin_page() -> None:
    store, actor = get_store(), get_actor()
    heading(tr("Administration", "Administration"), 1)
    if not actor.is_admin:
        st.error(
            tr(
                "Den här sidan är bara för administratörer (AUTH_001).",
                "This page is for administrators only (AUTH_001).",
            )
        )
        return
    show_flash()
    workspaces = store.list_workspaces(actor=actor)
    by_id = {w.id: w for w in workspaces}
    users = accounts.list_users(store, actor=actor)

    (users_tab, grants_tab, audit_tab, backup_tab, erase_tab) = st.tabs(
        [
            tr("Användare", "Users"),
            tr("Behörigheter", "Grants"),
            tr("Granskningslogg", "Audit log"),
            tr("Export och import", "Export and import"),
            tr("Radera uppgifter", "Erase data"),
        ]
    )
    with users_tab:
        show_users(store, actor, users, by_id)
    with grants_tab:
        show_grants(store, actor, workspaces, users, by_id)
    with audit_tab:
        show_audit_log(store, actor, by_id)
    with backup_tab:
        show_backup(store, actor, workspaces, by_id)
    with erase_tab:
        show_erasure(store, actor, workspaces, by_id)


def show_audit_log(store: Store, actor: Actor, by_id: dict[int, WorkspaceInfo]) -> None:
    entries = store.audit_log(actor=actor, limit=500)
    st.caption(
        tr("De senaste 500 händelserna, nyast först.", "The latest 500 events, newest first.")
    )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("När", "When"): f"{e.at:%Y-%m-%d %H:%M:%S}",
                    tr("Vem", "Who"): e.actor,
                    tr("Vad", "What"): e.action,
                    tr("Mål", "Target"): e.target,
                    tr("Kommun", "Municipality"): by_id[e.workspace_id].name
                    if e.workspace_id in by_id
                    else (e.workspace_id or ""),
                    tr("Detaljer", "Detail"): e.detail or "",
                }
                for e in entries
            ],
            dtype=str,
        ),
        hide_index=True,
        width="stretch",
    )
