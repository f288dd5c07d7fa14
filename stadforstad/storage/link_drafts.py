"""Unsent drafts of invitation links, as the members and the operator see them: the
late drafts (kept after a link closed or filled up, which the members may read), the
members' erasure of drafts, and the removal of expired drafts by ``stadforstad purge``.

Drafts that are merely in progress stay unread: the members see how many there are,
never what is in them, until the respondent sends or the link stops taking answers
and the respondent leaves what they wrote as a late draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.settings import get_settings
from stadforstad.storage.link_rows import InvitationLink, LinkResponse
from stadforstad.storage.link_values import Identity, draft_cutoff
from stadforstad.storage.links import LinkStore
from stadforstad.storage.repository import Actor


@dataclass(frozen=True)
class LateDraft:
    """What a respondent wrote but could not send: the link had closed or filled up."""

    id: int
    link_id: int
    link_label: str
    form_id: str
    identity: Identity
    answers: dict[str, Any]
    saved_at: dt.datetime
    late_at: dt.datetime


def list_late_drafts(links: LinkStore, *, actor: Actor, workspace_id: int) -> list[LateDraft]:
    """The workspace's late drafts that have not expired, newest first."""
    links._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
    query = (
        select(LinkResponse, InvitationLink)
        .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
        .where(
            InvitationLink.workspace_id == workspace_id,
            LinkResponse.submitted_at.is_(None),
            LinkResponse.late_at.is_not(None),
            links._live(),
        )
        .order_by(LinkResponse.late_at.desc(), LinkResponse.id.desc())
    )
    with links._read() as session:
        return [
            LateDraft(
                id=row.id,
                link_id=link.id,
                link_label=link.label,
                form_id=link.form_id,
                identity=Identity(row.industry, row.name, row.contact),
                answers=row.draft or {},
                saved_at=row.draft_saved_at or row.created_at,
                late_at=row.late_at or row.created_at,
            )
            for row, link in session.execute(query)
        ]


def erase_link_drafts(
    links: LinkStore,
    *,
    actor: Actor,
    workspace_id: int,
    link_id: int,
    draft_id: int | None = None,
) -> int:
    """Delete the unsent drafts of one link (or the one draft ``draft_id``), late ones
    included; sent answers stay. Members of the workspace; the audit log keeps the
    count, not the content. Returns how many were deleted."""
    links._require(actor.can_write(workspace_id), actor, f"workspace {workspace_id}")
    with links._write() as session:
        link = session.get(InvitationLink, link_id)
        if link is None or link.workspace_id != workspace_id:
            raise errors.fail(
                StorageError,
                errors.STORE_NOT_FOUND,
                f"link {link_id}",
                say("finns inte", "does not exist"),
            )
        query = select(LinkResponse).where(
            LinkResponse.link_id == link_id, LinkResponse.submitted_at.is_(None)
        )
        if draft_id is not None:
            query = query.where(LinkResponse.id == draft_id)
        rows = list(session.scalars(query))
        if draft_id is not None and not rows:
            raise errors.fail(
                StorageError,
                errors.STORE_NOT_FOUND,
                f"draft {draft_id}",
                say("utkastet finns inte", "the draft does not exist"),
            )
        for row in rows:
            session.delete(row)
        if rows:
            target = f"link {link_id} " + (
                f"draft {draft_id}" if draft_id is not None else "drafts"
            )
            links.store._audit(
                session, actor, "erase", target, workspace_id, detail=f"{len(rows)} utkast"
            )
        return len(rows)


def purge_link_drafts(
    session: Session, *, now: dt.datetime, dry_run: bool = False, days: int | None = None
) -> int:
    """Remove unsent drafts last saved more than ``days`` (the setting
    ``STADFORSTAD_LINK_DRAFT_DAYS``) before ``now``; the number of drafts."""
    cutoff = draft_cutoff(days or get_settings().link_draft_days, now)
    expired = (
        LinkResponse.submitted_at.is_(None),
        func.coalesce(LinkResponse.draft_saved_at, LinkResponse.created_at) < cutoff,
    )
    count = int(session.scalar(select(func.count()).select_from(LinkResponse).where(*expired)) or 0)
    if count and not dry_run:
        session.execute(delete(LinkResponse).where(*expired))
    return count
