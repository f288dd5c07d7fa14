"""A whole workspace as one JSON document: to hand a municipality a complete copy of
its data, to move it to another installation, or to restore it.

The document holds the workspace, the forms (id, versions used, and the definition
when this installation has that version), the respondents, every response with all
its revisions and its draft, the invitation links (the token never, only its hash)
with the answers sent through them (which may hold a name and contact), and the
workspace's audit entries. Users and grants are not in it: they belong to the
installation, not to the workspace.

``import_workspace`` puts it back identically: the same ids when they are free (a
restore into an empty database), new ones otherwise.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text

from stadforstad import errors
from stadforstad.errors import StorageError
from stadforstad.storage.tables import AuditEntry, Respondent, Response, Revision, Workspace

if TYPE_CHECKING:
    from stadforstad.storage.repository import Actor, Store

FORMAT = "stadforstad-workspace"
#: 2 added the invitation links (their token only as its hash) and the answers sent
#: through them; a version 1 file (without them) is still read.
FORMAT_VERSION = 2
READS = (1, 2)


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
def export_workspace(store: Store, *, actor: Actor, workspace_id: int) -> dict[str, Any]:
    """Everything in one workspace, as JSON-ready data. Members of the workspace and
    administrators; the export itself goes into the audit log."""
    store._require_write(actor, workspace_id)
    with store.write_session() as session:
        if session.bind.dialect.name == "postgresql":
            # One snapshot for all the queries below, so the copy is consistent.
            session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        place = session.get(Workspace, workspace_id)
        if place is None:
            raise errors.fail(
                StorageError,
                errors.STORE_NOT_FOUND,
                f"workspace {workspace_id}",
                "Kommunen finns inte.",
            )
        respondents = list(
            session.scalars(
                select(Respondent)
                .where(Respondent.workspace_id == workspace_id)
                .order_by(Respondent.id)
            )
        )
        responses = list(
            session.scalars(
                select(Response).where(Response.workspace_id == workspace_id).order_by(Response.id)
            )
        )
        revisions: dict[int, list[Revision]] = {}
        for row in session.scalars(
            select(Revision)
            .join(Response, Response.id == Revision.response_id)
            .where(Response.workspace_id == workspace_id)
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
        links, link_responses = _export_links(session, workspace_id)

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
                {"id": r.id, "name": r.name, "created_at": _iso(r.created_at)} for r in respondents
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
        }
        store.record(
            session,
            actor,
            "export",
            f"workspace {place.name}",
            workspace_id,
            detail=f"{len(respondents)} deltagare, {len(responses)} svar",
        )
        return data


def _export_links(session, workspace_id: int) -> tuple[list[dict], list[dict]]:
    from stadforstad.storage.links import InvitationLink, LinkResponse

    links = list(
        session.scalars(
            select(InvitationLink)
            .where(InvitationLink.workspace_id == workspace_id)
            .order_by(InvitationLink.id)
        )
    )
    answers = list(
        session.scalars(
            select(LinkResponse)
            .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
            .where(InvitationLink.workspace_id == workspace_id)
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


def _import_links(session, data: dict[str, Any], workspace_id: int, keep: bool) -> int:
    """The links and their answers. Into a database that already has them (a copy
    beside the original) the copy's links are dead: their token and resume hashes are
    hashed once more, so no real token opens them, and taken receipt codes get new
    ones. Returns the number of answers."""
    from stadforstad.storage.links import InvitationLink, LinkResponse, hash_token, new_receipt

    links, answers = data.get("links", []), data.get("link_responses", [])
    hashes = [k["token_hash"] for k in links]
    clash = (
        bool(hashes)
        and session.scalar(
            select(InvitationLink.id).where(InvitationLink.token_hash.in_(hashes)).limit(1)
        )
        is not None
    )

    def _hash(value: str) -> str:
        return hash_token(f"kopia:{value}") if clash else value

    new_ids: dict[int, int] = {}
    for item in links:
        row = InvitationLink(
            workspace_id=workspace_id,
            form_id=item["form_id"],
            token_hash=_hash(item["token_hash"]),
            label=item["label"],
            intro=item["intro"],
            ask_identity=bool(item["ask_identity"]),
            closes_on=dt.date.fromisoformat(item["closes_on"]) if item["closes_on"] else None,
            max_answers=item["max_answers"],
            revoked_at=_moment(item["revoked_at"]),
            created_by=item["created_by"],
            created_at=_moment(item["created_at"]),
        )
        if keep:
            row.id = item["id"]
        session.add(row)
        session.flush()
        new_ids[item["id"]] = row.id
    for item in answers:
        receipt = item["receipt"]
        if (
            receipt
            and clash
            and session.scalar(select(LinkResponse.id).where(LinkResponse.receipt == receipt))
            is not None
        ):
            receipt = new_receipt()
        row = LinkResponse(
            link_id=new_ids[item["link_id"]],
            resume_hash=_hash(item["resume_hash"]),
            industry=item["industry"],
            name=item["name"],
            contact=item["contact"],
            draft=item["draft"],
            draft_saved_at=_moment(item["draft_saved_at"]),
            answers=item["answers"],
            form_version=item["form_version"],
            submitted_at=_moment(item["submitted_at"]),
            submission_key=None if clash else item["submission_key"],
            receipt=receipt,
            created_at=_moment(item["created_at"]),
        )
        if keep:
            row.id = item["id"]
        session.add(row)
    session.flush()
    return len(answers)


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
    path = Path(path)
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise _bad(str(path), "Filen finns inte. Kontrollera sökvägen.") from None
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError):
        raise _bad(
            str(path),
            "Filen går inte att läsa som en säkerhetskopia av en kommun "
            "(JSON, eventuellt gzip). Välj en exporterad fil.",
        ) from None
    return data


# -- import ---------------------------------------------------------------------------
def import_workspace(
    store: Store, *, actor: Actor, data: dict[str, Any], name: str | None = None
) -> int:
    """Put an exported workspace into this database (administrators only); returns its
    id. ``name`` gives it another name, e.g. when one with the same name exists."""
    if not actor.is_admin:
        raise errors.fail(
            errors.ForbiddenError,
            errors.AUTH_FORBIDDEN,
            "import",
            f"{actor.name} har inte behörighet att läsa in en kommun. Be en administratör.",
        )
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad("format", "Det här är ingen säkerhetskopia av en kommun från Stad för stad.")
    if data.get("version") not in READS:
        raise _bad(
            "version",
            f"Säkerhetskopian har formatversion {data.get('version')!r}, "
            f"men den här versionen av appen läser {FORMAT_VERSION}. "
            "Uppdatera appen.",
        )
    try:
        return _import(store, actor, data, name)
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad(
            "content",
            f"Säkerhetskopian är ofullständig eller skadad ({exc!r}). Exportera den igen.",
        ) from None


def _import(store: Store, actor: Actor, data: dict[str, Any], name: str | None) -> int:
    source = data["workspace"]
    title = " ".join((name or source["name"]).split())
    with store.write_session() as session:
        if session.scalar(select(Workspace.id).where(Workspace.name == title)) is not None:
            raise errors.fail(
                StorageError,
                errors.STORE_DUPLICATE,
                "name",
                f"Det finns redan en kommun som heter {title!r}. Ge den "
                "inlästa kommunen ett annat namn.",
            )
        keep = _ids_free(session, data)
        place = Workspace(
            name=title, is_demo=bool(source["is_demo"]), created_at=_moment(source["created_at"])
        )
        if keep:
            place.id = source["id"]
        session.add(place)
        session.flush()

        people: dict[int, int] = {}
        for person in data["respondents"]:
            row = Respondent(
                workspace_id=place.id, name=person["name"], created_at=_moment(person["created_at"])
            )
            if keep:
                row.id = person["id"]
            session.add(row)
            session.flush()
            people[person["id"]] = row.id

        revision_rows = []
        for item in data["responses"]:
            row = Response(
                workspace_id=place.id,
                respondent_id=people[item["respondent_id"]],
                form_id=item["form_id"],
                round=item["round"],
                revision=item["revision"],
                draft=item["draft"],
                draft_form_version=item["draft_form_version"],
                draft_saved_at=_moment(item["draft_saved_at"]),
                created_at=_moment(item["created_at"]),
                updated_at=_moment(item["updated_at"]),
            )
            if keep:
                row.id = item["id"]
            session.add(row)
            session.flush()
            revision_rows += [
                {
                    "response_id": row.id,
                    "number": v["number"],
                    "form_version": v["form_version"],
                    "answers": v["answers"],
                    "saved_at": _moment(v["saved_at"]),
                    "saved_by": v["saved_by"],
                }
                for v in item["revisions"]
            ]
        if revision_rows:
            session.execute(insert(Revision), revision_rows)
        audit_rows = [
            {
                "at": _moment(e["at"]),
                "actor": e["actor"],
                "action": e["action"],
                "target": e["target"],
                "detail": e["detail"],
                "workspace_id": place.id,
            }
            for e in data["audit"]
        ]
        if audit_rows:
            session.execute(insert(AuditEntry), audit_rows)
        link_answers = _import_links(session, data, place.id, keep)
        if keep and session.bind.dialect.name == "postgresql":
            _advance_sequences(session)
        store.record(
            session,
            actor,
            "import",
            f"workspace {title}",
            place.id,
            detail=f"{len(people)} deltagare, {len(data['responses'])} svar, "
            f"{link_answers} svar via länk" + ("" if keep else "; nya id-nummer"),
        )
        return place.id


def _ids_free(session, data: dict[str, Any]) -> bool:
    """True when none of the document's ids is taken here (e.g. an empty database)."""
    from stadforstad.storage.links import InvitationLink, LinkResponse

    checks = [
        (Workspace, [data["workspace"]["id"]]),
        (Respondent, [p["id"] for p in data["respondents"]]),
        (Response, [r["id"] for r in data["responses"]]),
        (InvitationLink, [k["id"] for k in data.get("links", [])]),
        (LinkResponse, [r["id"] for r in data.get("link_responses", [])]),
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
    store: Store, *, actor: Actor, workspace_id: int, path: Path | str
) -> Path:
    """Export one workspace to a file (``.json`` or ``.json.gz``); audited."""
    return write_backup(store.export_workspace(actor=actor, workspace_id=workspace_id), path)


def import_workspace_file(
    store: Store, *, actor: Actor, path: Path | str, name: str | None = None
) -> int:
    """Read a workspace from an exported file (administrators); returns its new id."""
    return store.import_workspace(actor=actor, data=read_backup(path), name=name)
