"""Administration: the users (create, new password, delete) and their grants to the
municipalities (several at once, member or coordinator).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from stadforstad import accounts
from stadforstad.accounts import UserInfo
from stadforstad.errors import StadError
from stadforstad.storage import Actor, Store
from stadforstad.storage.records import WorkspaceInfo
from stadforstad.storage.repository import COORDINATOR, MEMBER
from stadforstad.ui.admin_feedback import attempt, done, role_names
from stadforstad.ui.context import error_text, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain


def show_users(
    store: Store, actor: Actor, users: list[UserInfo], by_id: dict[int, WorkspaceInfo]
) -> None:
    roles = role_names()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("Användarnamn", "Username"): u.username,
                    tr("Namn", "Name"): u.display_name,
                    tr("Administratör", "Administrator"): "✓" if u.is_admin else "",
                    tr("Behörigheter", "Grants"): ", ".join(
                        f"{by_id[w].name if w in by_id else w}: {roles.get(r, r)}"
                        for w, r in sorted(u.grants.items())
                    ),
                }
                for u in users
            ]
        ),
        hide_index=True,
        width="stretch",
    )

    heading(tr("Ny användare", "New user"), 2)
    with st.form("admin.create_user", clear_on_submit=True):
        username = st.text_input(
            tr("Användarnamn (t.ex. e-postadress)", "Username (e.g. e-mail)"), max_chars=200
        )
        display = st.text_input(tr("Namn som visas", "Display name"), max_chars=200)
        password = st.text_input(
            tr(
                "Lösenord (minst 10 tecken och svårt att gissa, t.ex. fyra ord; tomt = bara "
                "inloggning via organisationens konto)",
                "Password (at least 10 characters and hard to guess, e.g. four words; empty = "
                "sign-in through the organisation's account only)",
            ),
            type="password",
            max_chars=1024,
        )
        is_admin = st.checkbox(tr("Administratör", "Administrator"))
        if st.form_submit_button(tr("Skapa användare", "Create user"), type="primary"):
            created = attempt(
                accounts.create_user,
                store,
                actor=actor,
                username=username,
                password=password or None,
                admin=is_admin,
                display_name=display or None,
            )
            if created:
                done(tr(f"{created.username} är skapad.", f"{created.username} is created."))

    names = [u.username for u in users]
    heading(tr("Nytt lösenord", "New password"), 2)
    if not names:
        # A disabled, empty picker is a control nobody can use (and unreadable grey).
        st.caption(tr("Det finns inga användare ännu.", "There are no users yet."))
    else:
        with st.form("admin.set_password", clear_on_submit=True):
            who = st.selectbox(tr("Användare", "User"), names, key="admin.password_user")
            password = st.text_input(
                tr("Nytt lösenord", "New password"), type="password", max_chars=1024
            )
            if st.form_submit_button(tr("Byt lösenord", "Change password")):
                try:
                    accounts.set_password(store, actor=actor, username=who, password=password)
                except StadError as exc:
                    st.error(error_text(exc))
                else:
                    done(
                        tr(
                            f"{who} har ett nytt lösenord och är utloggad överallt.",
                            f"{who} has a new password and is signed out everywhere.",
                        )
                    )
    heading(tr("Ta bort användare", "Delete user"), 2)
    others = [n for n in names if n != actor.name]
    if not others:
        st.caption(
            tr("Det finns ingen annan användare att ta bort.", "There is no other user to delete.")
        )
    else:
        with st.form("admin.delete_user"):
            who = st.selectbox(tr("Användare", "User"), others, key="admin.delete_who")
            sure = st.checkbox(
                tr(
                    "Ja, ta bort kontot och dess behörigheter",
                    "Yes, delete the account and its grants",
                )
            )
            if st.form_submit_button(tr("Ta bort", "Delete")):
                if not sure:
                    st.warning(tr("Kryssa i rutan för att bekräfta.", "Tick the box to confirm."))
                elif who:
                    try:
                        accounts.delete_user(store, actor=actor, username=who)
                    except StadError as exc:
                        st.error(error_text(exc))
                    else:
                        done(tr(f"{who} är borttagen.", f"{who} is deleted."))


def show_grants(
    store: Store,
    actor: Actor,
    workspaces: list[WorkspaceInfo],
    users: list[UserInfo],
    by_id: dict[int, WorkspaceInfo],
) -> None:
    roles = role_names()
    if not workspaces or not users:
        st.info(tr("Det finns ingen kommun än.", "There is no municipality yet."))
    else:
        who = st.selectbox(
            tr("Användare", "User"), [u.username for u in users], key="admin.grant_who"
        )
        held = next(u.grants for u in users if u.username == who)
        if held:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            tr("Kommun", "Municipality"): by_id[w].name if w in by_id else w,
                            tr("Roll", "Role"): roles.get(r, r),
                        }
                        for w, r in sorted(held.items(), key=lambda g: str(by_id.get(g[0], g[0])))
                    ],
                    dtype=str,
                ),
                hide_index=True,
            )
        else:
            st.caption(tr("Har ingen behörighet ännu.", "Has no grants yet."))
        # Several municipalities in one step: pick them all, or tick "every one".
        with st.form("admin.grant"):
            every = st.checkbox(tr("Alla kommuner", "Every municipality"), key="admin.grant_all")
            places = st.multiselect(
                tr("Kommuner", "Municipalities"),
                list(by_id),
                format_func=lambda i: by_id[i].name,
                key="admin.grant_where",
                placeholder=tr("Välj en eller flera kommuner", "Choose one or more"),
            )
            role = st.radio(
                tr("Roll", "Role"),
                [MEMBER, COORDINATOR],
                horizontal=True,
                format_func=roles.get,
                key="admin.grant_role",
            )
            give, take = st.columns(2)
            granted = give.form_submit_button(tr("Ge behörighet", "Grant"), type="primary")
            revoked = take.form_submit_button(tr("Ta bort behörighet", "Revoke"))
        chosen = list(by_id) if every else places
        if (granted or revoked) and not chosen:
            st.warning(tr("Välj minst en kommun.", "Choose at least one municipality."))
        elif granted:
            count = attempt(
                accounts.grant_roles,
                store,
                actor=actor,
                username=who,
                workspace_ids=chosen,
                role=role,
            )
            if count is not None:
                done(
                    tr(
                        f"{plain(who)} är {roles[role]} i {count} "
                        + ("kommun." if count == 1 else "kommuner."),
                        f"{plain(who)} is {roles[role]} in {count} "
                        + ("municipality." if count == 1 else "municipalities."),
                    )
                )
        elif revoked:
            removed = 0
            for place in chosen:
                outcome = attempt(
                    accounts.revoke_role, store, actor=actor, username=who, workspace_id=place
                )
                removed += bool(outcome)
            done(
                tr(
                    f"{plain(who)} har inte längre behörighet till {removed} av {len(chosen)} "
                    "valda kommuner.",
                    f"{plain(who)} no longer has access to {removed} of the {len(chosen)} "
                    "chosen municipalities.",
                )
            )
