"""A whole workspace as one JSON document: to hand a municipality a complete copy of
its data, to move it to another installation, or to restore it.

The document holds the workspace, the forms (id, versions used, and the definition
when this installation has that version), the respondents, every response with all
its revisions and its draft, the invitation links (the token never, only its hash)
with the answers sent through them (which may hold a name and contact), and the
workspace's audit entries. Users and grants are not in it: they belong to the
installation, not to the workspace. The answers to forms marked ``sensitive``
(``eskortsidor``, ``statistik``) are left out unless asked for explicitly
(``include_sensitive``); the document names the forms it left out (``left_out``), and
an export that holds them is recorded in the audit log as ``export_sensitive``.

``import_workspace`` checks the whole document against its schema first
(``backup_schema``: nothing is stored from a file that fails), then puts it back
identically: the same ids when they are free (a restore into an empty database), new
ones otherwise, so a second copy can sit beside the original under another name.
Whatever the database still refuses comes back as a coded error, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from stadforstad import errors, limits
from stadforstad.errors import StorageError, say
from stadforstad.storage.backup_schema import (
    FORMAT,
    FORMAT_VERSION,
    READS,
    Backup,
    check_backup,
    parse_json,
    unpack,
)
from stadforstad.storage.tables import AuditEntry, Respondent, Response, Revision, Workspace

if TYPE_CHECKING:
    from stadforstad.storage.repository import Actor, Store

# The format's name and versions live with its schema.
__all__ = ["FORMAT", "FORMAT_VERSION", "READS"]


# -- values ---------------------------------------------------------------------------
def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite gives back naive datetimes; they are UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _bad(where: str, message: str) -> StorageError:
    return errors.fail(StorageError, errors.STORE_BAD_BACKUP, where, message)


# -- export ---------------------------------------------------------------------------
def export_workspace(
    store: Store, *, actor: Actor, workspace_id: int, include_sensitive: bool = False
) -> dict[str, Any]:
    """Everything in one workspace, as JSON-ready data. Members of the workspace and
    administrators; the export itself goes into the audit log. The answers to sensitive
    forms only with ``include_sensitive`` (audited apart)."""
    from stadforstad.storage.sensitive import sensitive_form_ids

    store._require_write(actor, workspace_id)
    sensitive = set() if include_sensitive else sensitive_form_ids()
    with store.write_session() as session:
        if session.get_bind().dialect.name == "postgresql":
            # One snapshot for all the queries below, so the copy is consistent.
            session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        place = session.get(Workspace, workspace_id)
        if place is None:
            raise errors.fail(
                StorageError,
                errors.STORE_NOT_FOUND,
                f"workspace {workspace_id}",
                say("Kommunen finns inte.", "The municipality does not exist."),
            )
        respondents = list(
            session.scalars(
                select(Respondent)
                .where(Respondent.workspace_id == workspace_id)
                .order_by(Respondent.id)
            )
        )
        every_response = list(
            session.scalars(
                select(Response).where(Response.workspace_id == workspace_id).order_by(Response.id)
            )
        )
        responses = [r for r in every_response if r.form_id not in sensitive]
        left_out = sorted({r.form_id for r in every_response if r.form_id in sensitive})
        revisions: dict[int, list[Revision]] = {}
        for row in session.scalars(
            select(Revision)
            .join(Response, Response.id == Revision.response_id)
            .where(Response.workspace_id == workspace_id, Response.form_id.not_in(sensitive))
            .order_by(Revision.response_id, Revision.number)
        ):
            revisions.setdefault(row.response_id, []).append(row)
        audit = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.workspace_id == workspace_id)
                .order_by(AuditEntry.id)
            )
        )
        links, link_responses = _export_links(session, workspace_id, sensitive)

        data = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "workspace": {
                "id": place.id,
                "name": place.name,
                "is_demo": place.is_demo,
                "created_at": _iso(place.created_at),
            },
            "forms": _forms_used(responses, revisions),
            "respondents": [
                {
                    "id": r.id,
                    "name": r.name,
                    "created_at": _iso(r.created_at),
                    "is_group": r.is_group,
                }
                for r in respondents
            ],
            "responses": [
                {
                    "id": r.id,
                    "respondent_id": r.respondent_id,
                    "form_id": r.form_id,
                    "round": r.round,
                    "revision": r.revision,
                    "draft": r.draft,
                    "draft_form_version": r.draft_form_version,
                    "draft_saved_at": _iso(r.draft_saved_at),
                    "created_at": _iso(r.created_at),
                    "updated_at": _iso(r.updated_at),
                    "revisions": [
                        {
                            "number": v.number,
                            "form_version": v.form_version,
                            "answers": v.answers,
                            "saved_at": _iso(v.saved_at),
                            "saved_by": v.saved_by,
                        }
                        for v in revisions.get(r.id, [])
                    ],
                }
                for r in responses
            ],
            "links": links,
            "link_responses": link_responses,
            "audit": [
                {
                    "at": _iso(e.at),
                    "actor": e.actor,
                    "action": e.action,
                    "target": e.target,
                    "detail": e.detail,
                }
                for e in audit
            ],
            "left_out": left_out,
        }
        store.record(
            session,
            actor,
            "export",
            f"workspace {place.name}",
            workspace_id,
            detail=f"{len(respondents)} deltagare, {len(responses)} svar"
            + (f"; utan känsliga formulär: {', '.join(left_out)}" if left_out else ""),
        )
        held = sorted(
            {r.form_id for r in responses if r.form_id in sensitive_form_ids()}
            if include_sensitive
            else set()
        )
        if held:
            # Each export that holds sensitive answers is recorded on its own.
            store.record(
                session,
                actor,
                "export_sensitive",
                f"workspace {place.name}",
                workspace_id,
                detail="med känsliga formulär: "
                + ", ".join(
                    f"{form_id} ({sum(1 for r in responses if r.form_id == form_id)} svar)"
                    for form_id in held
                ),
            )
        return data


def _export_links(session, workspace_id: int, sensitive: set[str]) -> tuple[list[dict], list[dict]]:
    from stadforstad.storage.links import InvitationLink, LinkResponse

    links = list(
        session.scalars(
            select(InvitationLink)
            .where(
                InvitationLink.workspace_id == workspace_id,
                InvitationLink.form_id.not_in(sensitive),
            )
            .order_by(InvitationLink.id)
        )
    )
    answers = list(
        session.scalars(
            select(LinkResponse)
            .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
            .where(
                InvitationLink.workspace_id == workspace_id,
                InvitationLink.form_id.not_in(sensitive),
            )
            .order_by(LinkResponse.id)
        )
    )
    return (
        [
            {
                "id": k.id,
                "form_id": k.form_id,
                "token_hash": k.token_hash,
                "label": k.label,
                "intro": k.intro,
                "ask_identity": k.ask_identity,
                "lang": k.lang or "sv",
                "closes_on": k.closes_on.isoformat() if k.closes_on else None,
                "max_answers": k.max_answers,
                "revoked_at": _iso(k.revoked_at),
                "created_by": k.created_by,
                "created_at": _iso(k.created_at),
            }
            for k in links
        ],
        [
            {
                "id": r.id,
                "link_id": r.link_id,
                "resume_hash": r.resume_hash,
                "industry": r.industry,
                "name": r.name,
                "contact": r.contact,
                "draft": r.draft,
                "draft_saved_at": _iso(r.draft_saved_at),
                "late_at": _iso(r.late_at),
                "answers": r.answers,
                "form_version": r.form_version,
                "submitted_at": _iso(r.submitted_at),
                "submission_key": r.submission_key,
                "receipt": r.receipt,
                "created_at": _iso(r.created_at),
            }
            for r in answers
        ],
    )


def _forms_used(
    responses: list[Response], revisions: dict[int, list[Revision]]
) -> list[dict[str, Any]]:
    used: dict[str, set[int]] = {}
    for response in responses:
        versions = used.setdefault(response.form_id, set())
        versions.update(v.form_version for v in revisions.get(response.id, []))
        if response.draft_form_version is not None:
            versions.add(response.draft_form_version)
    return [
        {
            "id": form_id,
            "versions": sorted(versions),
            "definitions": _definitions(form_id, versions),
        }
        for form_id, versions in sorted(used.items())
    ]


def _definitions(form_id: str, versions: set[int]) -> dict[str, Any]:
    """The form's text for the versions this installation has (only the current one:
    older versions are in the repository's history), so the copy can be read alone."""
    from stadforstad.catalog import load_form

    try:
        form = load_form(form_id)
    except errors.StadError:
        return {}
    if form.version not in versions:
        return {}
    return {str(form.version): form.model_dump(mode="json", exclude_none=True)}


# -- files ----------------------------------------------------------------------------
def write_backup(data: dict[str, Any], path: Path | str) -> Path:
    """Write an export to ``path``; gzip-compressed when the name ends in ``.gz``."""
    path = Path(path)
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    path.write_bytes(gzip.compress(body) if path.suffix == ".gz" else body)
    return path


def read_backup(path: Path | str) -> dict[str, Any]:
    """The document in a backup file (JSON, or gzip-compressed JSON), read within the
    size limits; checked against the schema when it is imported."""
    path = Path(path)
    try:
        if path.stat().st_size > limits.BACKUP_FILE_BYTES:
            raw = b"\0" * (limits.BACKUP_FILE_BYTES + 1)  # refused by unpack, by size
        else:
            raw = path.read_bytes()
    except FileNotFoundError:
        raise _bad(
            str(path),
            say(
                "Filen finns inte. Kontrollera sökvägen.",
                "The file does not exist. Check the path.",
            ),
        ) from None
    except OSError as exc:
        raise _bad(
            str(path),
            say(
                f"Filen går inte att läsa ({exc.strerror}).",
                f"The file cannot be read ({exc.strerror}).",
            ),
        ) from None
    return parse_json(unpack(raw, str(path)), str(path))


# -- import ---------------------------------------------------------------------------
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


# -- for the command line and the pages ----------------------------------------------
def export_workspace_file(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    path: Path | str,
    include_sensitive: bool = False,
) -> Path:
    """Export one workspace to a file (``.json`` or ``.json.gz``); audited. Sensitive
    forms' answers only with ``include_sensitive``."""
    data = store.export_workspace(
        actor=actor, workspace_id=workspace_id, include_sensitive=include_sensitive
    )
    return write_backup(data, path)


def import_workspace_file(
    store: Store, *, actor: Actor, path: Path | str, name: str | None = None
) -> int:
    """Read a workspace from an exported file (administrators); returns its new id."""
    try:
        return store.import_workspace(actor=actor, data=read_backup(path), name=name)
    except StorageError as exc:
        exc.file = exc.file or str(path)
        raise
