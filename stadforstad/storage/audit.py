"""The audit log's rules: it is append-only, an erasure empties SQLite's log when it
commits, and its newest data-changing entry stamps the data for caches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.storage.actors import Actor
from stadforstad.storage.engine import mark_erasure
from stadforstad.storage.refusals import forbidden
from stadforstad.storage.tables import AuditEntry

if TYPE_CHECKING:
    from stadforstad.storage.repository import Store

#: Audited actions that change nothing a comparison or a compilation shows.
UNCHANGING_ACTIONS = ("draft", "export", "export_sensitive")
#: Audit actions that erase data: their transaction empties SQLite's log when it commits.
ERASING_ACTIONS = frozenset({"erase", "delete", "purge"})


@event.listens_for(Session, "before_flush")
def _note_erasure(session: Session, _context, _instances) -> None:
    if any(isinstance(row, AuditEntry) and row.action in ERASING_ACTIONS for row in session.new):
        mark_erasure(session)


@event.listens_for(Session, "before_flush")
def _audit_is_append_only(session: Session, _context, _instances) -> None:
    # The database refuses it too (migration 0002); this gives a coded error first.
    for row in (*session.dirty, *session.deleted):
        if isinstance(row, AuditEntry):
            raise errors.fail(
                StorageError,
                errors.STORE_APPEND_ONLY,
                f"audit {row.id}",
                say(
                    "granskningsloggen kan inte ändras eller tas bort",
                    "the audit log cannot be changed or deleted",
                ),
            )


def data_stamp(store: Store) -> tuple[int, ...]:
    """Changes whenever anything the comparison shows may have changed: a cache key
    for figures computed from the data (reveals only a number).

    It is the newest audit entry that changes data. Every change is audited in its
    own transaction (submissions, answers through links, erasures, imports, renames,
    deletions), and audit ids only grow – unlike counts or the highest id of a
    table, which an erasure followed by a new answer can bring back to the same
    values. Drafts and exports change nothing the comparison shows."""
    with store.read_session() as session:
        newest = session.scalar(
            select(AuditEntry.id)
            .where(AuditEntry.action.not_in(UNCHANGING_ACTIONS))
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        return (int(newest or 0),)


def audit_log(
    store: Store, *, actor: Actor, workspace_id: int | None = None, limit: int = 500
) -> list[AuditEntry]:
    if not actor.is_admin:
        raise forbidden(actor, "audit")
    with store.read_session() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if workspace_id is not None:
            query = query.where(AuditEntry.workspace_id == workspace_id)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows
