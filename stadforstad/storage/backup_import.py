"""Importing a workspace from an exported document.

``import_workspace`` checks the whole document against its schema first
(``backup_check``: nothing is stored from a file that fails), then puts it back
identically: the same ids when they are free (a restore into an empty database), new
ones otherwise, so a second copy can sit beside the original under another name.
Whatever the database still refuses comes back as a coded error, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.storage.backup_check import check_backup
from stadforstad.storage.backup_schema import Backup
from stadforstad.storage.tables import AuditEntry, Respondent, Response, Revision, Workspace

if TYPE_CHECKING:
    from stadforstad.storage.repository import Actor, Store


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def import_workspace(
    store: Store, *, actor: Actor, data: dict[str, Any], name: str | None = None
) -> int:
    """Put an exported workspace into this database (administrators only); returns its
    id. ``name`` gives it another name, e.g. when one with the same name exists. The
    whole document is checked before anything is stored."""
    from stadforstad.storage.workspaces import checked_name

    if not actor.is_admin:
        raise errors.fail(
            errors.ForbiddenError,
            errors.AUTH_FORBIDDEN,
            "import",
            say(
                f"{actor.name} har inte behörighet att läsa in en kommun. Be en administratör.",
                f"{actor.name} may not import a municipality. Ask an administrator.",
            ),
        )
    backup = check_backup(data)
    title = checked_name(name or backup.workspace.name)
    try:
        return _import(store, actor, backup, title)
    except (SQLAlchemyError, OverflowError, ValueError, TypeError) as exc:
        # The schema should have caught it; if the database still refuses, the
        # transaction is rolled back and the user gets a code, not a traceback.
        raise errors.fail(
            StorageError,
            errors.BACKUP_NOT_STORED,
            "import",
            say(
                "Databasen tog inte emot säkerhetskopian, och inget sparades "
                f"({type(exc).__name__}). Kontakta den som sköter installationen.",
                "The database refused the backup, and nothing was stored "
                f"({type(exc).__name__}). Contact whoever runs the installation.",
            ),
        ) from None


def _import(store: Store, actor: Actor, backup: Backup, title: str) -> int:
    from stadforstad.storage.workspaces import name_holder

    source = backup.workspace
    with store.write_session() as session:
        holder = name_holder(session, title)
        if holder is not None:
            raise errors.fail(
                StorageError,
                errors.STORE_DUPLICATE,
                "name",
                say(
                    f"Det finns redan en kommun som heter {holder!r}. Ge den inlästa "
                    "kommunen ett annat namn.",
                    f"There is already a municipality called {holder!r}. Give the "
                    "imported one another name.",
                ),
            )
        keep = _ids_free(session, backup)
        place = Workspace(name=title, is_demo=source.is_demo, created_at=_moment(source.created_at))
        if keep:
            place.id = source.id
        session.add(place)
        session.flush()

        people: dict[int, int] = {}
        for person in backup.respondents:
            row = Respondent(
                workspace_id=place.id,
                name=person.name,
                created_at=_moment(person.created_at),
                is_group=person.is_group,
            )
            if keep:
                row.id = person.id
            session.add(row)
            session.flush()
            people[person.id] = row.id

        revision_rows = []
        for item in backup.responses:
            response = Response(
                workspace_id=place.id,
                respondent_id=people[item.respondent_id],
                form_id=item.form_id,
                round=item.round,
                revision=item.revision,
                draft=item.draft,
                draft_form_version=item.draft_form_version,
                draft_saved_at=_moment(item.draft_saved_at),
                created_at=_moment(item.created_at),
                updated_at=_moment(item.updated_at),
            )
            if keep:
                response.id = item.id
            session.add(response)
            session.flush()
            revision_rows += [
                {
                    "response_id": response.id,
                    "number": v.number,
                    "form_version": v.form_version,
                    "answers": v.answers,
                    "saved_at": _moment(v.saved_at),
                    "saved_by": v.saved_by,
                }
                for v in item.revisions
            ]
        if revision_rows:
            session.execute(insert(Revision), revision_rows)
        audit_rows = [
            {
                "at": _moment(e.at),
                "actor": e.actor,
                "action": e.action,
                "target": e.target,
                "detail": e.detail,
                "workspace_id": place.id,
            }
            for e in backup.audit
        ]
        if audit_rows:
            session.execute(insert(AuditEntry), audit_rows)
        link_answers = _import_links(session, backup, place.id, keep)
        if keep and session.get_bind().dialect.name == "postgresql":
            _advance_sequences(session)
        store.record(
            session,
            actor,
            "import",
            f"workspace {title}",
            place.id,
            detail=f"{len(people)} deltagare, {len(backup.responses)} svar, "
            f"{link_answers} svar via länk" + ("" if keep else "; nya id-nummer"),
        )
        return place.id


def _import_links(session, backup: Backup, workspace_id: int, keep: bool) -> int:
    """The links and their answers. A token, resume or receipt this database already
    has (a copy beside the original, or a second copy) gets a new, random one: the
    copy's links are dead, so no real token opens them. Returns the number of answers."""
    from stadforstad.storage.links import (
        InvitationLink,
        LinkResponse,
        hash_token,
        new_receipt,
        new_token,
    )

    def taken(column, values: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(values), 500):
            found.update(
                session.scalars(select(column).where(column.in_(values[start : start + 500])))
            )
        return found

    links, answers = backup.links, backup.link_responses
    tokens = taken(InvitationLink.token_hash, [k.token_hash for k in links])
    resumes = taken(LinkResponse.resume_hash, [r.resume_hash for r in answers])
    receipts = taken(LinkResponse.receipt, [r.receipt for r in answers if r.receipt])
    keys = taken(
        LinkResponse.submission_key, [r.submission_key for r in answers if r.submission_key]
    )

    new_ids: dict[int, int] = {}
    for item in links:
        row = InvitationLink(
            workspace_id=workspace_id,
            form_id=item.form_id,
            token_hash=hash_token(new_token()) if item.token_hash in tokens else item.token_hash,
            label=item.label,
            intro=item.intro,
            ask_identity=item.ask_identity,
            lang=item.lang,
            closes_on=dt.date.fromisoformat(item.closes_on) if item.closes_on else None,
            max_answers=item.max_answers,
            revoked_at=_moment(item.revoked_at),
            created_by=item.created_by,
            created_at=_moment(item.created_at),
        )
        if keep:
            row.id = item.id
        session.add(row)
        session.flush()
        new_ids[item.id] = row.id
    for answer in answers:
        sent = LinkResponse(
            link_id=new_ids[answer.link_id],
            resume_hash=(
                hash_token(new_token()) if answer.resume_hash in resumes else answer.resume_hash
            ),
            industry=answer.industry,
            name=answer.name,
            contact=answer.contact,
            draft=answer.draft,
            draft_saved_at=_moment(answer.draft_saved_at),
            late_at=_moment(answer.late_at),
            answers=answer.answers,
            form_version=answer.form_version,
            submitted_at=_moment(answer.submitted_at),
            submission_key=None if answer.submission_key in keys else answer.submission_key,
            receipt=new_receipt() if answer.receipt in receipts else answer.receipt,
            created_at=_moment(answer.created_at),
        )
        if keep:
            sent.id = answer.id
        session.add(sent)
    session.flush()
    return len(answers)


def _ids_free(session, backup: Backup) -> bool:
    """True when none of the document's ids is taken here (e.g. an empty database)."""
    from stadforstad.storage.links import InvitationLink, LinkResponse

    checks: list[tuple[Any, list[int]]] = [
        (Workspace, [backup.workspace.id]),
        (Respondent, [p.id for p in backup.respondents]),
        (Response, [r.id for r in backup.responses]),
        (InvitationLink, [k.id for k in backup.links]),
        (LinkResponse, [r.id for r in backup.link_responses]),
    ]
    for table, ids in checks:
        for start in range(0, len(ids), 500):
            if (
                session.scalar(
                    select(table.id).where(table.id.in_(ids[start : start + 500])).limit(1)
                )
                is not None
            ):
                return False
    return True


def _advance_sequences(session) -> None:
    # Rows inserted with explicit ids leave PostgreSQL's sequences behind; move them on
    # so the next ordinary insert does not collide.
    for table in ("workspaces", "respondents", "responses", "invitation_links", "link_responses"):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )
