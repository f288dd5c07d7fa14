"""The answers sent through a workspace's invitation links, as the members read them:
every sent answer (one query for several workspaces, for a compilation), the stamp that
says whether they changed, and the erasure of one answer on the respondent's request.
:class:`LinkAnswers` is one base of ``LinkStore``; pages use ``LinkStore``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.storage.link_access import LinkAccess
from stadforstad.storage.link_rows import InvitationLink, LinkResponse
from stadforstad.storage.link_values import LinkAnswer
from stadforstad.storage.repository import Actor
from stadforstad.storage.tables import utcnow


class LinkAnswers(LinkAccess):
    """The members' reading (and erasing) of the answers sent through links."""

    def erase_link_response(self, *, actor: Actor, workspace_id: int, receipt: str) -> int:
        """Delete one answer sent through a link, on the respondent's request (GDPR art.
        17), found by the receipt code they were shown: the answer, its name, contact
        and draft. Members of the workspace and administrators; the audit log keeps
        that it was done, not what was in it. Returns the deleted answer's id."""
        self._require(actor.can_write(workspace_id), actor, f"workspace {workspace_id}")
        code = (receipt or "").strip().upper()
        with self._write() as session:
            row = (
                session.scalar(
                    select(LinkResponse)
                    .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
                    .where(
                        InvitationLink.workspace_id == workspace_id, LinkResponse.receipt == code
                    )
                )
                if code
                else None
            )
            if row is None:
                raise errors.fail(
                    StorageError,
                    errors.STORE_NOT_FOUND,
                    "receipt",
                    say(
                        "Det finns inget svar med den kvittokoden i kommunen. Kontrollera koden.",
                        "There is no answer with that receipt code in the municipality. Check the code.",
                    ),
                )
            answer_id, link_id = row.id, row.link_id
            session.delete(row)
            self.store._audit(
                session,
                actor,
                "erase",
                f"link {link_id} answer {answer_id}",
                workspace_id,
                detail="svar via länk raderat på begäran",
            )
            return answer_id

    def answers_stamp(
        self, *, actor: Actor, workspace_id: int, form_id: str
    ) -> tuple[int, int, str]:
        """What changes whenever the sent answers of a workspace's form change (one
        sent, erased or purged): their count, the highest id and the latest time. A
        page keeps its compilation while the stamp stays the same."""
        self._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
        query = (
            select(
                func.count(LinkResponse.id),
                func.max(LinkResponse.id),
                func.max(LinkResponse.submitted_at),
            )
            .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
            .where(
                InvitationLink.workspace_id == workspace_id,
                InvitationLink.form_id == form_id,
                LinkResponse.submitted_at.is_not(None),
            )
        )
        with self._read() as session:
            count, highest, latest = session.execute(query).one()
        return int(count or 0), int(highest or 0), str(latest or "")

    def link_answers(
        self, *, actor: Actor, workspace_id: int, form_id: str | None = None
    ) -> list[LinkAnswer]:
        """Every sent answer through the workspace's links, oldest first."""
        return self.sent_answers(actor=actor, workspace_ids=[workspace_id], form_id=form_id)

    def sent_answers(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        form_id: str | None = None,
        sent_from: dt.datetime | None = None,
        sent_to: dt.datetime | None = None,
    ) -> list[LinkAnswer]:
        """Every sent answer through the links of several workspaces, in one query."""
        for workspace_id in workspace_ids:
            self._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
        if not workspace_ids:
            return []
        # Columns, not ORM objects (a compilation reads thousands of these).
        query = (
            select(
                LinkResponse.id,
                InvitationLink.id,
                InvitationLink.label,
                InvitationLink.form_id,
                InvitationLink.workspace_id,
                LinkResponse.form_version,
                LinkResponse.industry,
                LinkResponse.name,
                LinkResponse.contact,
                LinkResponse.answers,
                LinkResponse.submitted_at,
                LinkResponse.receipt,
            )
            .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
            .where(
                InvitationLink.workspace_id.in_(list(workspace_ids)),
                LinkResponse.submitted_at.is_not(None),
            )
            .order_by(LinkResponse.submitted_at, LinkResponse.id)
        )
        if form_id is not None:
            query = query.where(InvitationLink.form_id == form_id)
        if sent_from is not None:
            query = query.where(LinkResponse.submitted_at >= sent_from)
        if sent_to is not None:
            query = query.where(LinkResponse.submitted_at <= sent_to)
        with self._read() as session:
            return [
                LinkAnswer(
                    id=answer_id,
                    link_id=link_id,
                    link_label=label,
                    form_id=form,
                    workspace_id=workspace_id,
                    form_version=version or 0,
                    industry=industry,
                    # Names and contacts for the workspace's members only: a county
                    # coordinator reads the answers to compare, never who gave them.
                    name=name if actor.can_write(workspace_id) else None,
                    contact=contact if actor.can_write(workspace_id) else None,
                    answers=answers or {},
                    submitted_at=sent or utcnow(),  # never None: filtered above
                    receipt=receipt or "",
                )
                for (
                    answer_id,
                    link_id,
                    label,
                    form,
                    workspace_id,
                    version,
                    industry,
                    name,
                    contact,
                    answers,
                    sent,
                    receipt,
                ) in session.execute(query)
            ]
