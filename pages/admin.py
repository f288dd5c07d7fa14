"""Administration – users, grants, the audit log, export and import of a workspace, and
erasing one person's data on request. Administrators only: the page refuses anyone
else by itself, and the storage layer refuses anyway."""

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from stadforstad import accounts, errors, limits
from stadforstad.errors import StadError
from stadforstad.storage.backup import import_workspace_file, write_backup
from stadforstad.storage.links import LinkStore
from stadforstad.storage.repository import COORDINATOR, MEMBER
from stadforstad.ui.context import error_text, frame, get_actor, get_lang, get_store, tr
from stadforstad.ui.plain import plain

FLASH = "admin.flash"

frame()
store, actor = get_store(), get_actor()
st.title(tr("Administration", "Administration"))
if not actor.is_admin:
    st.error(
        tr(
            "Den här sidan är bara för administratörer (AUTH_001).",
            "This page is for administrators only (AUTH_001).",
        )
    )
    st.stop()

if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))


def done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def attempt(call, *args, **kwargs):
    """Run a storage call; a coded error is shown, never a traceback. None on failure."""
    try:
        return call(*args, **kwargs)
    except StadError as exc:
        st.error(error_text(exc))
        return None


ROLE_NAMES = {MEMBER: tr("medlem", "member"), COORDINATOR: tr("länssamordnare", "coordinator")}
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

# -- users ----------------------------------------------------------------------------
with users_tab:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("Användarnamn", "Username"): u.username,
                    tr("Namn", "Name"): u.display_name,
                    tr("Administratör", "Administrator"): "✓" if u.is_admin else "",
                    tr("Behörigheter", "Grants"): ", ".join(
                        f"{by_id[w].name if w in by_id else w}: {ROLE_NAMES.get(r, r)}"
                        for w, r in sorted(u.grants.items())
                    ),
                }
                for u in users
            ]
        ),
        hide_index=True,
        width="stretch",
    )

    st.subheader(tr("Ny användare", "New user"))
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
    st.subheader(tr("Nytt lösenord", "New password"))
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
    st.subheader(tr("Ta bort användare", "Delete user"))
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

# -- grants ---------------------------------------------------------------------------
with grants_tab:
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
                            tr("Roll", "Role"): ROLE_NAMES.get(r, r),
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
                format_func=ROLE_NAMES.get,
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
                        f"{plain(who)} är {ROLE_NAMES[role]} i {count} "
                        + ("kommun." if count == 1 else "kommuner."),
                        f"{plain(who)} is {ROLE_NAMES[role]} in {count} "
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

# -- audit log ------------------------------------------------------------------------
with audit_tab:
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

# -- export and import ----------------------------------------------------------------
with backup_tab:
    st.subheader(tr("Exportera en kommun", "Export a municipality"))
    if workspaces:
        place = st.selectbox(
            tr("Kommun", "Municipality"),
            list(by_id),
            format_func=lambda i: by_id[i].name,
            key="admin.export_where",
        )
        include_sensitive = st.checkbox(
            tr(
                "Ta med svaren på känsliga formulär (escortsidor, statistik)",
                "Include the answers to sensitive forms (escort sites, statistics)",
            ),
            value=False,
            key="admin.export_sensitive",
            help=tr(
                "Utan bocken lämnas de utanför exporten. Med den hamnar de i filen och "
                "exporten skrivs i granskningsloggen. Förvara filen säkert.",
                "Unticked, they are left out of the export. Ticked, they are in the file and "
                "the export is recorded in the audit log. Keep the file safe.",
            ),
        )
        if st.button(tr("Förbered export", "Prepare export"), key="admin.export"):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "export.json.gz"
                data = attempt(
                    store.export_workspace,
                    actor=actor,
                    workspace_id=place,
                    include_sensitive=include_sensitive,
                )
                if data is not None:
                    write_backup(data, path)
                    st.session_state["admin.export_file"] = (by_id[place].name, path.read_bytes())
        ready = st.session_state.get("admin.export_file")
        if ready:
            name, body = ready
            st.download_button(
                tr(f"Ladda ner {plain(name)}", f"Download {plain(name)}"),
                body,
                file_name=f"stadforstad-{name}-{dt.date.today()}.json.gz",
                mime="application/gzip",
                key="admin.download",
            )

    st.subheader(tr("Läs in en säkerhetskopia", "Import a backup"))
    upload = st.file_uploader(
        tr("Exporterad fil (.json eller .json.gz)", "Exported file (.json or .json.gz)"),
        type=["json", "gz"],
        key="admin.upload",
    )
    new_name = st.text_input(
        tr("Nytt namn (om kommunen redan finns)", "New name (if the municipality exists)"),
        key="admin.import_name",
        max_chars=200,
    )
    if st.button(tr("Läs in", "Import"), key="admin.import", disabled=upload is None):
        if upload.size > limits.BACKUP_FILE_BYTES:
            st.error(
                tr(
                    f"Filen är större än {limits.megabytes(limits.BACKUP_FILE_BYTES)} "
                    f"({errors.BACKUP_TOO_LARGE}).",
                    f"The file is larger than {limits.megabytes(limits.BACKUP_FILE_BYTES)} "
                    f"({errors.BACKUP_TOO_LARGE}).",
                )
            )
        else:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "backup.json"
                path.write_bytes(upload.getvalue())
                try:
                    new_id = import_workspace_file(
                        store, actor=actor, path=path, name=new_name or None
                    )
                except StadError as exc:
                    new_id = None
                    st.error(error_text(exc))
                    # Every problem with where it is in the file (part, row, field).
                    st.text("\n".join(errors.problem_text(p, get_lang()) for p in exc.problems))
            if new_id is not None:
                done(tr("Kommunen är inläst.", "The municipality is imported."))

# -- erasure --------------------------------------------------------------------------
with erase_tab:
    st.markdown(
        tr(
            "Radera allt en person har svarat i en kommun, på personens begäran. "
            "Raderingen syns i granskningsloggen, men inte namnet.",
            "Erase everything one person answered in a municipality, on their request. "
            "The erasure is in the audit log, but not the name.",
        )
    )
    if workspaces:
        place = st.selectbox(
            tr("Kommun", "Municipality"),
            list(by_id),
            format_func=lambda i: by_id[i].name,
            key="admin.erase_where",
        )
        people = store.list_respondents(actor=actor, workspace_id=place)
        if not people:
            st.info(tr("Ingen har svarat i den kommunen.", "Nobody has answered there."))
        else:
            names = {p.id: p.name for p in people}
            with st.form("admin.erase"):
                person = st.selectbox(
                    tr("Person", "Person"),
                    list(names),
                    format_func=names.get,
                    key="admin.erase_who",
                )
                sure = st.checkbox(
                    tr(
                        "Ja, radera personens alla svar. Det går inte att ångra.",
                        "Yes, erase all their answers. This cannot be undone.",
                    ),
                    key="admin.erase_sure",
                )
                if st.form_submit_button(tr("Radera", "Erase"), type="primary"):
                    if not sure:
                        st.warning(
                            tr("Kryssa i rutan för att bekräfta.", "Tick the box to confirm.")
                        )
                    else:
                        counts = attempt(
                            store.erase_respondent,
                            actor=actor,
                            workspace_id=place,
                            respondent_id=person,
                        )
                        if counts is not None:
                            done(
                                tr(
                                    f"Raderat: {counts['responses']} svar och "
                                    f"{counts['revisions']} versioner.",
                                    f"Erased: {counts['responses']} responses and "
                                    f"{counts['revisions']} revisions.",
                                )
                            )

        st.markdown(
            tr(
                "**Ett svar via inbjudningslänk** – ange kvittokoden personen fick "
                "när svaret skickades.",
                "**An answer sent through an invitation link** – give the receipt "
                "code the person got when sending.",
            )
        )
        with st.form("admin.erase_link", clear_on_submit=True):
            receipt = st.text_input(
                tr("Kvittokod", "Receipt code"),
                max_chars=20,
                placeholder="ABCD-EFGH",
                key="admin.erase_receipt",
            )
            sure = st.checkbox(
                tr(
                    "Ja, radera svaret. Det går inte att ångra.",
                    "Yes, erase the answer. This cannot be undone.",
                ),
                key="admin.erase_link_sure",
            )
            if st.form_submit_button(tr("Radera svaret", "Erase the answer")):
                if not sure:
                    st.warning(tr("Kryssa i rutan för att bekräfta.", "Tick the box to confirm."))
                else:
                    erased = attempt(
                        LinkStore(store).erase_link_response,
                        actor=actor,
                        workspace_id=place,
                        receipt=receipt,
                    )
                    if erased is not None:
                        done(tr("Svaret är raderat.", "The answer is erased."))
