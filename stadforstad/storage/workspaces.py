"""Municipalities (workspaces): create, rename, delete, find. Administrators change
them; everyone reads those they have a grant to. The :class:`Store` methods of the
same names call these.

A name is unique regardless of case and of how its letters were typed: the model keeps
``name_key`` (``tables.workspace_name_key``) and the database holds it unique, so
"landskrona" is refused beside "Landskrona" even when two administrators try at once.
Every change goes into the audit log in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stadforstad import errors, limits
from stadforstad.errors import ForbiddenError, StorageError, say
from stadforstad.storage.records import WorkspaceInfo, workspace_info
from stadforstad.storage.refusals import forbidden, not_found
from stadforstad.storage.tables import (
    Grant,
    Respondent,
    Response,
    Revision,
    Workspace,
    workspace_name,
    workspace_name_key,
)

if TYPE_CHECKING:
    from stadforstad.storage.actors import Actor
    from stadforstad.storage.repository import Store


def _forbidden(actor: Actor, what: str) -> ForbiddenError:
    return errors.fail(
        ForbiddenError,
        errors.AUTH_FORBIDDEN,
        what,
        say(f"{actor.name} har inte behörighet till detta", f"{actor.name} may not do this"),
    )


def _not_found(workspace_id: int) -> StorageError:
    return errors.fail(
        StorageError,
        errors.STORE_NOT_FOUND,
        f"workspace {workspace_id}",
        say("Kommunen finns inte.", "The municipality does not exist."),
    )


def checked_name(name: str) -> str:
    """The name as stored, or STORE_004 when it is empty or too long."""
    clean = workspace_name(name or "")
    if not clean:
        raise errors.fail(
            StorageError,
            errors.STORE_INVALID,
            "name",
            say("Ge kommunen ett namn.", "Give the municipality a name."),
        )
    if len(clean) > limits.NAME_LENGTH:
        raise errors.fail(
            StorageError,
            errors.STORE_INVALID,
            "name",
            say(
                f"Namnet får vara högst {limits.NAME_LENGTH} tecken.",
                f"The name may be at most {limits.NAME_LENGTH} characters.",
            ),
        )
    return clean


def _taken(name: str, existing: str | None = None) -> StorageError:
    other = existing or name
    return errors.fail(
        StorageError,
        errors.STORE_DUPLICATE,
        "name",
        say(
            f"Det finns redan en kommun som heter {other!r} (stora och små bokstäver "
            "räknas som samma). Välj ett annat namn.",
            f"There is already a municipality called {other!r} (upper and lower case "
            "count as the same). Choose another name.",
        ),
    )


def name_holder(session: Session, name: str, *, besides: int | None = None) -> str | None:
    """The name of the workspace that already has ``name`` in any case, if one does."""
    query = select(Workspace.name).where(Workspace.name_key == workspace_name_key(name))
    if besides is not None:
        query = query.where(Workspace.id != besides)
    return session.scalar(query)


def create_workspace(store: Store, *, actor: Actor, name: str, is_demo: bool = False):
    if not actor.is_admin:
        raise _forbidden(actor, "workspaces")
    name = checked_name(name)
    try:
        with store.write_session() as session:
            holder = name_holder(session, name)
            if holder is not None:
                raise _taken(name, holder)
            row = Workspace(name=name, is_demo=is_demo)
            session.add(row)
            session.flush()
            store.record(session, actor, "create", f"workspace {name}", row.id)
            return workspace_info(row)
    except IntegrityError:  # the same name created at the same moment
        raise _taken(name) from None


def rename_workspace(store: Store, *, actor: Actor, workspace_id: int, name: str) -> WorkspaceInfo:
    """Give a municipality a new name (administrators); audited with the old name."""
    if not actor.is_admin:
        raise _forbidden(actor, f"workspace {workspace_id}")
    name = checked_name(name)
    try:
        with store.write_session() as session:
            row = session.get(Workspace, workspace_id)
            if row is None:
                raise _not_found(workspace_id)
            holder = name_holder(session, name, besides=workspace_id)
            if holder is not None:
                raise _taken(name, holder)
            old = row.name
            if old != name:
                row.name = name
                session.flush()
                store.record(
                    session,
                    actor,
                    "rename",
                    f"workspace {workspace_id}",
                    workspace_id,
                    detail=f"{old} → {name}",
                )
            return workspace_info(row)
    except IntegrityError:
        raise _taken(name) from None


def workspace_contents(store: Store, *, actor: Actor, workspace_id: int) -> dict[str, int]:
    """What deleting the workspace would delete: respondents, responses, links and the
    answers sent through them (administrators)."""
    from stadforstad.storage.links import InvitationLink, LinkResponse

    if not actor.is_admin:
        raise _forbidden(actor, f"workspace {workspace_id}")
    links = select(InvitationLink.id).where(InvitationLink.workspace_id == workspace_id)
    with store.read_session() as session:
        if session.get(Workspace, workspace_id) is None:
            raise _not_found(workspace_id)

        def count(query) -> int:
            return int(session.scalar(query) or 0)

        return {
            "respondents": count(
                select(func.count(Respondent.id)).where(Respondent.workspace_id == workspace_id)
            ),
            "responses": count(
                select(func.count(Response.id)).where(Response.workspace_id == workspace_id)
            ),
            "links": count(
                select(func.count(InvitationLink.id)).where(
                    InvitationLink.workspace_id == workspace_id
                )
            ),
            "link_answers": count(
                select(func.count(LinkResponse.id)).where(LinkResponse.link_id.in_(links))
            ),
        }


def delete_workspace(store: Store, *, actor: Actor, workspace_id: int) -> dict[str, int]:
    """Delete a municipality with all its data: respondents, responses with every
    revision, links with their answers, grants (administrators only). Its audit
    entries stay (the log is append-only), and a new one says what was deleted.
    Returns the counts of :func:`workspace_contents`."""
    from stadforstad.storage.links import InvitationLink, LinkResponse

    counts = workspace_contents(store, actor=actor, workspace_id=workspace_id)
    with store.write_session() as session:
        row = session.get(Workspace, workspace_id)
        if row is None:
            raise _not_found(workspace_id)
        links = select(InvitationLink.id).where(InvitationLink.workspace_id == workspace_id)
        session.execute(delete(LinkResponse).where(LinkResponse.link_id.in_(links)))
        session.execute(delete(InvitationLink).where(InvitationLink.workspace_id == workspace_id))
        responses = select(Response.id).where(Response.workspace_id == workspace_id)
        session.execute(delete(Revision).where(Revision.response_id.in_(responses)))
        session.execute(delete(Response).where(Response.workspace_id == workspace_id))
        session.execute(delete(Respondent).where(Respondent.workspace_id == workspace_id))
        session.execute(delete(Grant).where(Grant.workspace_id == workspace_id))
        session.execute(delete(Workspace).where(Workspace.id == workspace_id))
        store.record(
            session,
            actor,
            "delete",
            f"workspace {row.name}",
            workspace_id,
            detail=(
                f"{counts['respondents']} deltagare, {counts['responses']} svar, "
                f"{counts['links']} länkar, {counts['link_answers']} svar via länk"
            ),
        )
    return counts


def find_workspace(store: Store, *, actor: Actor, name: str) -> WorkspaceInfo:
    """The workspace called ``name`` (in any case) that ``actor`` can read."""
    with store.read_session() as session:
        row = session.scalar(
            select(Workspace).where(Workspace.name_key == workspace_name_key(name))
        )
        found = None if row is None else workspace_info(row)
    if found is None or not actor.can_read(found.id):
        # The same answer whether it does not exist or is not yours: reveal nothing.
        raise errors.fail(
            StorageError,
            errors.STORE_NOT_FOUND,
            f"workspace {name!r}",
            say("finns inte", "not found"),
        )
    return found


def list_workspaces(store: Store, *, actor: Actor) -> list[WorkspaceInfo]:
    with store.read_session() as session:
        query = select(Workspace).order_by(Workspace.name)
        if not actor.is_admin:
            query = query.where(Workspace.id.in_(list(actor.grants)))
        return [workspace_info(row) for row in session.scalars(query)]


def get_workspace(store: Store, *, actor: Actor, workspace_id: int) -> WorkspaceInfo:
    store._require_read(actor, workspace_id)
    with store.read_session() as session:
        row = session.get(Workspace, workspace_id)
        if row is None:
            raise not_found(f"workspace {workspace_id}")
        return workspace_info(row)


def delete_demo_workspaces(store: Store, *, actor: Actor) -> int:
    """Delete every demo workspace (``is_demo``) with all its data, in one
    transaction; administrators only. Returns how many were deleted."""
    if not actor.is_admin:
        raise forbidden(actor, "demo")
    with store.write_session() as session:
        demo = select(Workspace.id).where(Workspace.is_demo.is_(True))
        ids = list(session.scalars(demo))
        if not ids:
            return 0
        responses = select(Response.id).where(Response.workspace_id.in_(ids))
        session.execute(delete(Revision).where(Revision.response_id.in_(responses)))
        session.execute(delete(Response).where(Response.workspace_id.in_(ids)))
        session.execute(delete(Respondent).where(Respondent.workspace_id.in_(ids)))
        session.execute(delete(Grant).where(Grant.workspace_id.in_(ids)))
        session.execute(delete(Workspace).where(Workspace.id.in_(ids)))
        store.record(session, actor, "delete", f"{len(ids)} demo workspaces")
        return len(ids)
