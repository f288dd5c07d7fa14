"""Respondents (deltagare) in a workspace: found or created by name, listed, and
erased with everything they answered on their request."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, Result, delete, select
from sqlalchemy.exc import IntegrityError

from stadforstad import errors, limits
from stadforstad.errors import StorageError, say
from stadforstad.storage.actors import Actor
from stadforstad.storage.records import RespondentInfo, respondent_info
from stadforstad.storage.refusals import not_found
from stadforstad.storage.tables import Respondent, Response, Revision

if TYPE_CHECKING:
    from stadforstad.storage.repository import Store


def respondent(store: Store, *, actor: Actor, workspace_id: int, name: str) -> RespondentInfo:
    """The respondent called ``name`` in the workspace, created on first use."""
    store._require_write(actor, workspace_id)
    name = " ".join(name.split())
    if not name:
        raise errors.fail(
            StorageError, errors.STORE_INVALID, "name", say("skriv ditt namn", "write your name")
        )
    if len(name) > limits.NAME_LENGTH:
        raise errors.fail(
            StorageError,
            errors.STORE_INVALID,
            "name",
            errors.say(
                f"namnet får vara högst {limits.NAME_LENGTH} tecken",
                f"the name may be at most {limits.NAME_LENGTH} characters",
            ),
        )
    with store.read_session() as session:  # the usual case; needs no write lock
        row = session.scalar(
            select(Respondent).where(
                Respondent.workspace_id == workspace_id, Respondent.name == name
            )
        )
        if row is not None and row.is_group:
            raise errors.fail(
                StorageError,
                errors.STORE_INVALID,
                "name",
                errors.say(
                    "namnet är gruppens gemensamma svar; välj ett annat",
                    "the name is the group's shared answer; choose another",
                ),
            )
        if row is not None:
            return respondent_info(row)
    for _attempt in range(3):
        with store.write_session() as session:
            row = session.scalar(
                select(Respondent).where(
                    Respondent.workspace_id == workspace_id, Respondent.name == name
                )
            )
            if row is not None:
                return respondent_info(row)
            try:
                with session.begin_nested():
                    row = Respondent(workspace_id=workspace_id, name=name)
                    session.add(row)
                store.record(session, actor, "create", f"respondent {row.id}", workspace_id)
                return respondent_info(row)
            except IntegrityError:
                continue  # created at the same moment by another save: read it back
    raise errors.fail(
        StorageError,
        errors.STORE_CONFLICT,
        "respondent",
        say(
            "kunde inte spara deltagaren, försök igen",
            "the participant could not be saved, please try again",
        ),
    )


def list_respondents(store: Store, *, actor: Actor, workspace_id: int) -> list[RespondentInfo]:
    store._require_read(actor, workspace_id)
    with store.read_session() as session:
        rows = session.scalars(
            select(Respondent)
            .where(Respondent.workspace_id == workspace_id, Respondent.is_group.is_(False))
            .order_by(Respondent.name)
        )
        return [respondent_info(row) for row in rows]


def erase_respondent(
    store: Store, *, actor: Actor, workspace_id: int, respondent_id: int
) -> dict[str, int]:
    """Delete everything one person answered in the workspace, on their request
    (GDPR art. 17): the respondent, their responses, revisions and drafts. The audit
    log keeps that it was done, by whom and how much, but no name."""
    store._require_write(actor, workspace_id)
    with store.write_session() as session:
        person = session.get(Respondent, respondent_id)
        if person is None or person.workspace_id != workspace_id:
            raise not_found(f"respondent {respondent_id}")
        response_ids = list(
            session.scalars(select(Response.id).where(Response.respondent_id == respondent_id))
        )
        revisions = _deleted(
            session.execute(delete(Revision).where(Revision.response_id.in_(response_ids)))
        )
        responses = _deleted(session.execute(delete(Response).where(Response.id.in_(response_ids))))
        session.execute(delete(Respondent).where(Respondent.id == respondent_id))
        counts = {"responses": responses, "revisions": revisions}
        store.record(
            session,
            actor,
            "erase",
            f"respondent {respondent_id}",
            workspace_id,
            detail=f"{responses} svar och {revisions} versioner raderade på begäran",
        )
        return counts


def _deleted(result: Result[Any]) -> int:
    """How many rows a DELETE removed (its result is a cursor result)."""
    return cast("CursorResult[Any]", result).rowcount
