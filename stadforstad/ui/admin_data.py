"""Administration: a municipality's data as a whole – export and import of a backup,
and erasing one person's answers on their request (a respondent's, or one answer sent
through an invitation link, found by its receipt code).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

from stadforstad import errors, limits
from stadforstad.errors import StadError
from stadforstad.storage import Actor, Store
from stadforstad.storage.backup import import_workspace_file, write_backup
from stadforstad.storage.links import LinkStore
from stadforstad.storage.records import WorkspaceInfo
from stadforstad.ui.admin_feedback import attempt, done
from stadforstad.ui.context import error_text, get_lang, tr
from stadforstad.ui.headings import heading
from stadforstad.ui.plain import plain


def show_backup(
    store: Store, actor: Actor, workspaces: list[WorkspaceInfo], by_id: dict[int, WorkspaceInfo]
) -> None:
    heading(tr("Exportera en kommun", "Export a municipality"), 2)
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

    heading(tr("Läs in en säkerhetskopia", "Import a backup"), 2)
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
    clicked = st.button(tr("Läs in", "Import"), key="admin.import", disabled=upload is None)
    if clicked and upload is not None:
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


def show_erasure(
    store: Store, actor: Actor, workspaces: list[WorkspaceInfo], by_id: dict[int, WorkspaceInfo]
) -> None:
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
                    format_func=lambda respondent_id: names[respondent_id],
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
