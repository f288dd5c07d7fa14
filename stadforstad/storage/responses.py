"""Responses: one respondent's answers to one form in one round. Drafts are saved
over; a submission appends a revision and never overwrites an earlier one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.answer_changes import changed_items
from stadforstad.answers import check_answers
from stadforstad.errors import StorageError, say
from stadforstad.keyed import protect_answers
from stadforstad.schema import Form
from stadforstad.storage import group_answers
from stadforstad.storage.actors import Actor
from stadforstad.storage.records import ResponseState, RevisionInfo
from stadforstad.storage.refusals import not_found
from stadforstad.storage.tables import Respondent, Response, Revision, utcnow

if TYPE_CHECKING:
    from stadforstad.storage.repository import Store


def response_row(
    session: Session,
    workspace_id: int,
    respondent_id: int,
    form_id: str,
    round: int,
    *,
    create: bool,
) -> Response | None:
    respondent = session.get(Respondent, respondent_id)
    if respondent is None or respondent.workspace_id != workspace_id:
        raise not_found(f"respondent {respondent_id}")
    query = select(Response).where(
        Response.workspace_id == workspace_id,
        Response.respondent_id == respondent_id,
        Response.form_id == form_id,
        Response.round == round,
    )
    if create:
        # Writers lock the row (PostgreSQL; SQLite's BEGIN IMMEDIATE already has the
        # whole database) so two submits cannot both take the same revision number.
        query = query.with_for_update()
    row = session.scalar(query)
    if row is None and create:
        try:
            with session.begin_nested():
                row = Response(
                    workspace_id=workspace_id,
                    respondent_id=respondent_id,
                    form_id=form_id,
                    round=round,
                    revision=0,
                )
                session.add(row)
        except IntegrityError:
            # Created at the same moment by another save (PostgreSQL): use theirs.
            row = session.scalar(query)
    return row


def writable_row(
    session: Session, workspace_id: int, respondent_id: int, form_id: str, round: int
) -> Response:
    """The response row to write to, created (and locked) if need be."""
    row = response_row(session, workspace_id, respondent_id, form_id, round, create=True)
    if row is None:  # created by another save and gone again between two statements
        raise errors.fail(
            StorageError,
            errors.STORE_CONFLICT,
            form_id,
            errors.say(
                "svaret ändrades under tiden; försök igen",
                "the response changed meanwhile; try again",
            ),
        )
    return row


def clear_draft(row: Response) -> None:
    """The response has no work in progress any more (submitted, or thrown away)."""
    row.draft = None
    row.draft_form_version = None
    row.draft_saved_at = None
    row.draft_saved_by = None
    row.updated_at = utcnow()


def save_draft(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    respondent_id: int,
    form: Form,
    answers: dict[str, Any],
    round: int = 1,
    expected_version: int | None = None,
) -> ResponseState:
    """Keep work in progress. Required items may be missing; values must still fit.
    ``expected_version``: the version the user started from (STORE_007 if newer)."""
    store._require_write(actor, workspace_id)
    clean = protect_answers(form, check_answers(form, answers, partial=True))
    with store.write_session() as session:
        row = writable_row(session, workspace_id, respondent_id, form.id, round)
        group_answers.check_version(row, expected_version, form.id)
        row.version = (row.version or 0) + 1
        row.draft_saved_by = actor.name
        row.draft = clean
        row.draft_form_version = form.version
        row.draft_saved_at = utcnow()
        row.updated_at = row.draft_saved_at
        store.record(session, actor, "draft", f"response {row.id} ({form.id})", workspace_id)
    return response_state(
        store,
        actor=actor,
        workspace_id=workspace_id,
        respondent_id=respondent_id,
        form_id=form.id,
        round=round,
    )


def submit(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    respondent_id: int,
    form: Form,
    answers: dict[str, Any],
    round: int = 1,
    expected_revision: int | None = None,
    expected_version: int | None = None,
) -> ResponseState:
    """Store a complete response as a new revision; earlier revisions stay.

    ``expected_revision`` is the revision the user started editing from: if someone
    else submitted in between, the save is refused (STORE_003) rather than silently
    putting one version over the other. ``expected_version`` does the same for every
    save, drafts included (STORE_007; shared answers, ``storage.group_answers``).
    The revision records which items it changed from the one before.
    """
    store._require_write(actor, workspace_id)
    clean = protect_answers(form, check_answers(form, answers))
    with store.write_session() as session:
        row = writable_row(session, workspace_id, respondent_id, form.id, round)
        if expected_revision is not None and row.revision != expected_revision:
            raise errors.fail(
                StorageError,
                errors.STORE_CONFLICT,
                f"{form.id}",
                say(
                    "någon annan har sparat svaret under tiden; ladda om och försök igen",
                    "someone else saved the answer meanwhile; reload and try again",
                ),
            )
        group_answers.check_version(row, expected_version, form.id)
        previous = (
            session.scalar(
                select(Revision.answers).where(
                    Revision.response_id == row.id, Revision.number == row.revision
                )
            )
            if row.revision
            else None
        )
        row.revision += 1
        row.version = (row.version or 0) + 1
        session.add(
            Revision(
                response_id=row.id,
                number=row.revision,
                form_version=form.version,
                answers=clean,
                saved_by=actor.name,
                changed=changed_items(previous, clean),
            )
        )
        clear_draft(row)
        store.record(
            session,
            actor,
            "submit" if row.revision == 1 else "change",
            f"response {row.id} ({form.id}) revision {row.revision}",
            workspace_id,
        )
    return response_state(
        store,
        actor=actor,
        workspace_id=workspace_id,
        respondent_id=respondent_id,
        form_id=form.id,
        round=round,
    )


def discard_draft(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    respondent_id: int,
    form_id: str,
    round: int = 1,
) -> None:
    """Throw away work in progress; submitted revisions stay."""
    store._require_write(actor, workspace_id)
    with store.write_session() as session:
        row = response_row(session, workspace_id, respondent_id, form_id, round, create=False)
        if row is None or row.draft_saved_at is None:
            return
        if row.revision == 0:
            session.delete(row)  # nothing was ever submitted: the response goes too
        else:
            clear_draft(row)
        store.record(
            session, actor, "delete", f"draft of response {row.id} ({form_id})", workspace_id
        )


def response_state(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    respondent_id: int,
    form_id: str,
    round: int = 1,
) -> ResponseState:
    store._require_read(actor, workspace_id)
    with store.read_session() as session:
        row = response_row(session, workspace_id, respondent_id, form_id, round, create=False)
        if row is None:
            return ResponseState(None, 0, None, None, None, None)
        latest = None
        if row.revision:
            latest = session.scalar(
                select(Revision).where(
                    Revision.response_id == row.id, Revision.number == row.revision
                )
            )
        drafted = row.draft_saved_at is not None
        return ResponseState(
            response_id=row.id,
            revision=row.revision,
            answers=latest.answers if latest else None,
            draft=row.draft,
            draft_saved_at=row.draft_saved_at,
            submitted_at=latest.saved_at if latest else None,
            version=row.version or 0,
            changed_by=row.draft_saved_by if drafted else (latest.saved_by if latest else None),
            changed_at=row.draft_saved_at if drafted else (latest.saved_at if latest else None),
        )


def revisions(
    store: Store, *, actor: Actor, workspace_id: int, response_id: int
) -> list[RevisionInfo]:
    store._require_read(actor, workspace_id)
    with store.read_session() as session:
        response = session.get(Response, response_id)
        if response is None or response.workspace_id != workspace_id:
            raise not_found(f"response {response_id}")
        rows = session.scalars(
            select(Revision).where(Revision.response_id == response_id).order_by(Revision.number)
        )
        return [
            RevisionInfo(r.number, r.form_version, r.answers, r.saved_at, r.saved_by, r.changed)
            for r in rows
        ]
