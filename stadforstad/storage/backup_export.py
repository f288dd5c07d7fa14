"""Exporting a workspace: everything in it as one JSON-ready document.

The document holds the workspace, the forms (id, versions used, and the definition
when this installation has that version), the respondents, every response with all
its revisions and its draft, the invitation links (the token never, only its hash)
with the answers sent through them (which may hold a name and contact), and the
workspace's audit entries. Users and grants are not in it: they belong to the
installation, not to the workspace. The answers to forms marked ``sensitive``
(``eskortsidor``, ``statistik``) are left out unless asked for explicitly
(``include_sensitive``); the document names the forms it left out (``left_out``), and
an export that holds them is recorded in the audit log as ``export_sensitive``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.storage.backup_schema import FORMAT, FORMAT_VERSION
from stadforstad.storage.tables import AuditEntry, Respondent, Response, Revision, Workspace

if TYPE_CHECKING:
    from stadforstad.storage.repository import Actor, Store


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite gives back naive datetimes; they are UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat()


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
