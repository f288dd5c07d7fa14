"""The repository: every call takes the acting user and checks their rights here,
in the storage layer, not only in the pages.

Writes run in short transactions that take the write lock up front (SQLite:
``BEGIN IMMEDIATE``). Submitted answers are never overwritten: an edit appends a
revision. Drafts are the one thing a save replaces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, case, delete, event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from stadforstad import errors, limits
from stadforstad.answers import Answers, check_answers
from stadforstad.errors import AnswerError, ForbiddenError, StorageError
from stadforstad.keyed import protect_answers
from stadforstad.schema import Form
from stadforstad.storage import backup, workspaces
from stadforstad.storage.engine import WRITE, mark_erasure
from stadforstad.storage.tables import (
    AuditEntry,
    Grant,
    Respondent,
    Response,
    Revision,
    Workspace,
    utcnow,
)

MEMBER = "member"
COORDINATOR = "coordinator"
ROLES = (MEMBER, COORDINATOR)
#: Audited actions that change nothing a comparison or a compilation shows.
UNCHANGING_ACTIONS = ("draft", "export", "export_sensitive")


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``grants`` maps workspace id → role (member or coordinator)."""

    name: str
    user_id: int | None = None
    is_admin: bool = False
    grants: dict[int, str] = field(default_factory=dict)

    @classmethod
    def local(cls) -> Actor:
        """The single local user of an installation without accounts: may do everything."""
        return cls(name="lokal", is_admin=True)

    def can_read(self, workspace_id: int) -> bool:
        return self.is_admin or workspace_id in self.grants

    def can_write(self, workspace_id: int) -> bool:
        return self.is_admin or self.grants.get(workspace_id) == MEMBER


@dataclass(frozen=True)
class WorkspaceInfo:
    id: int
    name: str
    is_demo: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class RespondentInfo:
    id: int
    workspace_id: int
    name: str


@dataclass(frozen=True)
class ResponseState:
    """Where one respondent stands with one form in one round."""

    response_id: int | None
    revision: int
    #: Latest submitted answers (``None`` if never submitted).
    answers: Answers | None
    #: Work in progress (``None`` if no draft); newer than ``answers`` when both exist.
    draft: Answers | None
    draft_saved_at: dt.datetime | None
    submitted_at: dt.datetime | None

    @property
    def working_answers(self) -> Answers:
        """What to show in the form: the draft if there is one, else the submitted answers."""
        if self.draft is not None:
            return self.draft
        return self.answers or {}


@dataclass(frozen=True)
class SubmittedRow:
    workspace_id: int
    workspace: str
    respondent_id: int
    respondent: str
    form_id: str
    round: int
    revision: int
    form_version: int
    answers: Answers
    saved_at: dt.datetime


@dataclass(frozen=True)
class RevisionInfo:
    number: int
    form_version: int
    answers: Answers
    saved_at: dt.datetime
    saved_by: str


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
                "granskningsloggen kan inte ändras eller tas bort",
            )


def _forbidden(actor: Actor, what: str) -> ForbiddenError:
    return errors.fail(
        ForbiddenError, errors.STORE_FORBIDDEN, what, f"{actor.name} har inte behörighet till detta"
    )


def _not_found(what: str) -> StorageError:
    return errors.fail(StorageError, errors.STORE_NOT_FOUND, what, "finns inte")


class Store:
    """The one way the app, the command line and the tests reach the database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})

    # -- transactions ---------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    # The accounts and backup modules run their own statements in the same kind of
    # transaction, with the same audit trail.
    read_session = _read
    write_session = _write

    def _require_read(self, actor: Actor, workspace_id: int) -> None:
        if not actor.can_read(workspace_id):
            raise _forbidden(actor, f"workspace {workspace_id}")

    def _require_write(self, actor: Actor, workspace_id: int) -> None:
        if not actor.can_write(workspace_id):
            raise _forbidden(actor, f"workspace {workspace_id}")

    @staticmethod
    def _audit(
        session: Session,
        actor: Actor,
        action: str,
        target: str,
        workspace_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        """Append to the audit log in the caller's transaction: the entry is stored if
        and only if the change is. Targets name rows by id, never a person's name, so
        erasing a respondent leaves no personal data behind in the log."""
        session.add(
            AuditEntry(
                actor=actor.name,
                action=action,
                target=target,
                workspace_id=workspace_id,
                detail=detail,
            )
        )

    record = _audit

    # -- workspaces -----------------------------------------------------------
    def create_workspace(self, *, actor: Actor, name: str, is_demo: bool = False) -> WorkspaceInfo:
        """A new municipality (administrators); names are unique regardless of case."""
        return workspaces.create_workspace(self, actor=actor, name=name, is_demo=is_demo)

    def rename_workspace(self, *, actor: Actor, workspace_id: int, name: str) -> WorkspaceInfo:
        """A new name for a municipality (administrators); audited with the old one."""
        return workspaces.rename_workspace(self, actor=actor, workspace_id=workspace_id, name=name)

    def list_workspaces(self, *, actor: Actor) -> list[WorkspaceInfo]:
        with self._read() as session:
            query = select(Workspace).order_by(Workspace.name)
            if not actor.is_admin:
                query = query.where(Workspace.id.in_(list(actor.grants)))
            return [workspace_info(row) for row in session.scalars(query)]

    def get_workspace(self, *, actor: Actor, workspace_id: int) -> WorkspaceInfo:
        self._require_read(actor, workspace_id)
        with self._read() as session:
            row = session.get(Workspace, workspace_id)
            if row is None:
                raise _not_found(f"workspace {workspace_id}")
            return workspace_info(row)

    def find_workspace(self, *, actor: Actor, name: str) -> WorkspaceInfo:
        return workspaces.find_workspace(self, actor=actor, name=name)

    # -- respondents ----------------------------------------------------------
    def respondent(self, *, actor: Actor, workspace_id: int, name: str) -> RespondentInfo:
        """The respondent called ``name`` in the workspace, created on first use."""
        self._require_write(actor, workspace_id)
        name = " ".join(name.split())
        if not name:
            raise errors.fail(StorageError, errors.STORE_INVALID, "name", "skriv ditt namn")
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
        with self._read() as session:  # the usual case; needs no write lock
            row = session.scalar(
                select(Respondent).where(
                    Respondent.workspace_id == workspace_id, Respondent.name == name
                )
            )
            if row is not None:
                return _respondent_info(row)
        for _attempt in range(3):
            with self._write() as session:
                row = session.scalar(
                    select(Respondent).where(
                        Respondent.workspace_id == workspace_id, Respondent.name == name
                    )
                )
                if row is not None:
                    return _respondent_info(row)
                try:
                    with session.begin_nested():
                        row = Respondent(workspace_id=workspace_id, name=name)
                        session.add(row)
                    self._audit(session, actor, "create", f"respondent {row.id}", workspace_id)
                    return _respondent_info(row)
                except IntegrityError:
                    continue  # created at the same moment by another save: read it back
        raise errors.fail(
            StorageError,
            errors.STORE_CONFLICT,
            "respondent",
            "kunde inte spara deltagaren, försök igen",
        )

    def list_respondents(self, *, actor: Actor, workspace_id: int) -> list[RespondentInfo]:
        self._require_read(actor, workspace_id)
        with self._read() as session:
            rows = session.scalars(
                select(Respondent)
                .where(Respondent.workspace_id == workspace_id)
                .order_by(Respondent.name)
            )
            return [_respondent_info(row) for row in rows]

    # -- responses ------------------------------------------------------------
    def _response_row(
        self,
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
            raise _not_found(f"respondent {respondent_id}")
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

    def save_draft(
        self,
        *,
        actor: Actor,
        workspace_id: int,
        respondent_id: int,
        form: Form,
        answers: dict[str, Any],
        round: int = 1,
    ) -> ResponseState:
        """Keep work in progress. Required items may be missing; values must still fit."""
        self._require_write(actor, workspace_id)
        clean = protect_answers(form, check_answers(form, answers, partial=True))
        with self._write() as session:
            row = self._response_row(
                session, workspace_id, respondent_id, form.id, round, create=True
            )
            row.draft = clean
            row.draft_form_version = form.version
            row.draft_saved_at = utcnow()
            row.updated_at = row.draft_saved_at
            self._audit(session, actor, "draft", f"response {row.id} ({form.id})", workspace_id)
        return self.response_state(
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form_id=form.id,
            round=round,
        )

    def submit(
        self,
        *,
        actor: Actor,
        workspace_id: int,
        respondent_id: int,
        form: Form,
        answers: dict[str, Any],
        round: int = 1,
        expected_revision: int | None = None,
    ) -> ResponseState:
        """Store a complete response as a new revision; earlier revisions stay.

        ``expected_revision`` is the revision the user started editing from: if someone
        else submitted in between, the save is refused (STORE_003) rather than silently
        putting one version over the other.
        """
        self._require_write(actor, workspace_id)
        clean = protect_answers(form, check_answers(form, answers))
        with self._write() as session:
            row = self._response_row(
                session, workspace_id, respondent_id, form.id, round, create=True
            )
            if expected_revision is not None and row.revision != expected_revision:
                raise errors.fail(
                    StorageError,
                    errors.STORE_CONFLICT,
                    f"{form.id}",
                    "någon annan har sparat svaret under tiden; ladda om och försök igen",
                )
            row.revision += 1
            session.add(
                Revision(
                    response_id=row.id,
                    number=row.revision,
                    form_version=form.version,
                    answers=clean,
                    saved_by=actor.name,
                )
            )
            row.draft = None
            row.draft_form_version = None
            row.draft_saved_at = None
            row.updated_at = utcnow()
            self._audit(
                session,
                actor,
                "submit" if row.revision == 1 else "change",
                f"response {row.id} ({form.id}) revision {row.revision}",
                workspace_id,
            )
        return self.response_state(
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form_id=form.id,
            round=round,
        )

    def discard_draft(
        self, *, actor: Actor, workspace_id: int, respondent_id: int, form_id: str, round: int = 1
    ) -> None:
        """Throw away work in progress; submitted revisions stay."""
        self._require_write(actor, workspace_id)
        with self._write() as session:
            row = self._response_row(
                session, workspace_id, respondent_id, form_id, round, create=False
            )
            if row is None or row.draft_saved_at is None:
                return
            if row.revision == 0:
                session.delete(row)  # nothing was ever submitted: the response goes too
            else:
                row.draft = None
                row.draft_form_version = None
                row.draft_saved_at = None
                row.updated_at = utcnow()
            self._audit(
                session, actor, "delete", f"draft of response {row.id} ({form_id})", workspace_id
            )

    def erase_respondent(
        self, *, actor: Actor, workspace_id: int, respondent_id: int
    ) -> dict[str, int]:
        """Delete everything one person answered in the workspace, on their request
        (GDPR art. 17): the respondent, their responses, revisions and drafts. The audit
        log keeps that it was done, by whom and how much, but no name."""
        self._require_write(actor, workspace_id)
        with self._write() as session:
            person = session.get(Respondent, respondent_id)
            if person is None or person.workspace_id != workspace_id:
                raise _not_found(f"respondent {respondent_id}")
            response_ids = list(
                session.scalars(select(Response.id).where(Response.respondent_id == respondent_id))
            )
            revisions = session.execute(
                delete(Revision).where(Revision.response_id.in_(response_ids))
            ).rowcount
            responses = session.execute(
                delete(Response).where(Response.id.in_(response_ids))
            ).rowcount
            session.execute(delete(Respondent).where(Respondent.id == respondent_id))
            counts = {"responses": responses, "revisions": revisions}
            self._audit(
                session,
                actor,
                "erase",
                f"respondent {respondent_id}",
                workspace_id,
                detail=f"{responses} svar och {revisions} versioner raderade på begäran",
            )
            return counts

    def delete_workspace(self, *, actor: Actor, workspace_id: int) -> dict[str, int]:
        """Delete a workspace with all its data (administrators only); the counts of
        what was deleted. Its audit entries stay: the log is append-only."""
        return workspaces.delete_workspace(self, actor=actor, workspace_id=workspace_id)

    def workspace_contents(self, *, actor: Actor, workspace_id: int) -> dict[str, int]:
        """What deleting the workspace would delete (for the confirmation)."""
        return workspaces.workspace_contents(self, actor=actor, workspace_id=workspace_id)

    def response_state(
        self, *, actor: Actor, workspace_id: int, respondent_id: int, form_id: str, round: int = 1
    ) -> ResponseState:
        self._require_read(actor, workspace_id)
        with self._read() as session:
            row = self._response_row(
                session, workspace_id, respondent_id, form_id, round, create=False
            )
            if row is None:
                return ResponseState(None, 0, None, None, None, None)
            latest = None
            if row.revision:
                latest = session.scalar(
                    select(Revision).where(
                        Revision.response_id == row.id, Revision.number == row.revision
                    )
                )
            return ResponseState(
                response_id=row.id,
                revision=row.revision,
                answers=latest.answers if latest else None,
                draft=row.draft,
                draft_saved_at=row.draft_saved_at,
                submitted_at=latest.saved_at if latest else None,
            )

    def revisions(self, *, actor: Actor, workspace_id: int, response_id: int) -> list[RevisionInfo]:
        self._require_read(actor, workspace_id)
        with self._read() as session:
            response = session.get(Response, response_id)
            if response is None or response.workspace_id != workspace_id:
                raise _not_found(f"response {response_id}")
            rows = session.scalars(
                select(Revision)
                .where(Revision.response_id == response_id)
                .order_by(Revision.number)
            )
            return [
                RevisionInfo(r.number, r.form_version, r.answers, r.saved_at, r.saved_by)
                for r in rows
            ]

    def submitted(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        form_id: str | None = None,
        round: int | None = None,
        saved_from: dt.datetime | None = None,
        saved_to: dt.datetime | None = None,
    ) -> list[SubmittedRow]:
        """The latest submitted revision of every response, in one query.

        With a period, each response is taken as it stood at ``saved_to`` (its latest
        revision saved before it), and only if that revision was saved at or after
        ``saved_from``: a correction made after the period does not hide the answer.
        """
        for workspace_id in workspace_ids:
            self._require_read(actor, workspace_id)
        if not workspace_ids:
            return []
        query = (
            select(Response, Revision, Respondent.name, Workspace.name)
            .select_from(Response)
            .join(
                Revision,
                (Revision.response_id == Response.id)
                & (Revision.number == _revision_number(saved_to)),
            )
            .join(Respondent, Respondent.id == Response.respondent_id)
            .join(Workspace, Workspace.id == Response.workspace_id)
            .where(Response.workspace_id.in_(list(workspace_ids)))
            .order_by(Workspace.name, Response.form_id, Response.round, Respondent.name)
        )
        if form_id is not None:
            query = query.where(Response.form_id == form_id)
        if round is not None:
            query = query.where(Response.round == round)
        if saved_from is not None:
            query = query.where(Revision.saved_at >= saved_from)
        with self._read() as session:
            return [
                SubmittedRow(
                    workspace_id=response.workspace_id,
                    workspace=workspace_name,
                    respondent_id=response.respondent_id,
                    respondent=respondent_name,
                    form_id=response.form_id,
                    round=response.round,
                    revision=revision.number,
                    form_version=revision.form_version,
                    answers=revision.answers,
                    saved_at=revision.saved_at,
                )
                for response, revision, respondent_name, workspace_name in session.execute(query)
            ]

    def submitted_counts(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        round: int | None = None,
        saved_from: dt.datetime | None = None,
        saved_to: dt.datetime | None = None,
    ) -> list[tuple[int, str, int, int]]:
        """``(workspace_id, form_id, round, responses)`` for every form with submitted
        responses, over many workspaces in one query; the same period rule as
        :meth:`submitted`, without loading the answers."""
        for workspace_id in workspace_ids:
            self._require_read(actor, workspace_id)
        if not workspace_ids:
            return []
        query = (
            select(Response.workspace_id, Response.form_id, Response.round, func.count())
            .select_from(Response)
            .join(
                Revision,
                (Revision.response_id == Response.id)
                & (Revision.number == _revision_number(saved_to)),
            )
            .where(Response.workspace_id.in_(list(workspace_ids)))
            .group_by(Response.workspace_id, Response.form_id, Response.round)
        )
        if round is not None:
            query = query.where(Response.round == round)
        if saved_from is not None:
            query = query.where(Revision.saved_at >= saved_from)
        with self._read() as session:
            return [(w, f, r, int(n)) for w, f, r, n in session.execute(query)]

    def submit_many(
        self,
        *,
        actor: Actor,
        workspace_id: int,
        form: Form,
        rows: Sequence[tuple[str, dict[str, Any]]],
        round: int = 1,
        saved_at: dt.datetime | None = None,
    ) -> int:
        """Submit one response per ``(respondent name, answers)`` in ONE transaction:
        every row is checked first, and one bad row stores nothing. A respondent named
        twice is refused (which answer would count?). ``saved_at`` dates the revisions,
        e.g. the day of the workshop a paper form was filled in. Returns the count."""
        self._require_write(actor, workspace_id)
        names = [" ".join(name.split()) for name, _answers in rows]
        problems = [
            errors.Problem(
                errors.STORE_DUPLICATE,
                f"row {index + 1}",
                f"{name!r} finns redan på en tidigare rad",
            )
            for index, name in enumerate(names)
            if name in names[:index]
        ]
        problems += [
            errors.Problem(errors.STORE_NOT_FOUND, f"row {index + 1}", "deltagarens namn saknas")
            for index, name in enumerate(names)
            if not name
        ]
        problems += [
            errors.Problem(
                errors.STORE_INVALID,
                f"row {index + 1}",
                errors.say(
                    f"namnet är längre än {limits.NAME_LENGTH} tecken",
                    f"the name is longer than {limits.NAME_LENGTH} characters",
                ),
            )
            for index, name in enumerate(names)
            if len(name) > limits.NAME_LENGTH
        ]
        if not 1 <= round <= limits.ROUND_MAX:
            problems.append(
                errors.Problem(
                    errors.STORE_INVALID,
                    "round",
                    errors.say(
                        f"omgången måste vara 1–{limits.ROUND_MAX}",
                        f"the round must be 1–{limits.ROUND_MAX}",
                    ),
                )
            )
        clean = []
        for index, (_name, answers) in enumerate(rows):
            try:
                clean.append(protect_answers(form, check_answers(form, answers)))
            except AnswerError as exc:
                problems += [
                    errors.Problem(p.code, f"row {index + 1}, {p.where}", p.message)
                    for p in exc.problems
                ]
        if problems:
            raise StorageError(problems=problems)
        with self._write() as session:
            if session.get(Workspace, workspace_id) is None:
                raise _not_found(f"workspace {workspace_id}")
            people = {
                row.name: row
                for row in session.scalars(
                    select(Respondent).where(
                        Respondent.workspace_id == workspace_id, Respondent.name.in_(names)
                    )
                )
            }
            for name in names:
                if name not in people:
                    people[name] = Respondent(workspace_id=workspace_id, name=name)
                    session.add(people[name])
            session.flush()
            by_person = {
                row.respondent_id: row
                for row in session.scalars(
                    select(Response).where(
                        Response.workspace_id == workspace_id,
                        Response.form_id == form.id,
                        Response.round == round,
                        Response.respondent_id.in_([p.id for p in people.values()]),
                    )
                )
            }
            when = saved_at or utcnow()
            for name, answers in zip(names, clean):
                person = people[name]
                row = by_person.get(person.id)
                if row is None:
                    row = Response(
                        workspace_id=workspace_id,
                        respondent_id=person.id,
                        form_id=form.id,
                        round=round,
                        revision=0,
                    )
                    session.add(row)
                    session.flush()
                row.revision += 1
                session.add(
                    Revision(
                        response_id=row.id,
                        number=row.revision,
                        form_version=form.version,
                        answers=answers,
                        saved_at=when,
                        saved_by=actor.name,
                    )
                )
                row.draft, row.draft_form_version, row.draft_saved_at = None, None, None
                row.updated_at = utcnow()
            self._audit(
                session,
                actor,
                "import",
                f"{len(names)} responses ({form.id}) round {round}",
                workspace_id,
            )
        return len(names)

    def delete_demo_workspaces(self, *, actor: Actor) -> int:
        """Delete every demo workspace (``is_demo``) with all its data, in one
        transaction; administrators only. Returns how many were deleted."""
        if not actor.is_admin:
            raise _forbidden(actor, "demo")
        with self._write() as session:
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
            self._audit(session, actor, "delete", f"{len(ids)} demo workspaces")
            return len(ids)

    def data_stamp(self) -> tuple[int, ...]:
        """Changes whenever anything the comparison shows may have changed: a cache key
        for figures computed from the data (reveals only a number).

        It is the newest audit entry that changes data. Every change is audited in its
        own transaction (submissions, answers through links, erasures, imports, renames,
        deletions), and audit ids only grow – unlike counts or the highest id of a
        table, which an erasure followed by a new answer can bring back to the same
        values. Drafts and exports change nothing the comparison shows."""
        with self._read() as session:
            newest = session.scalar(
                select(AuditEntry.id)
                .where(AuditEntry.action.not_in(UNCHANGING_ACTIONS))
                .order_by(AuditEntry.id.desc())
                .limit(1)
            )
            return (int(newest or 0),)

    def form_progress(self, *, actor: Actor, workspace_id: int) -> dict[str, dict[str, int]]:
        """Per form id: how many responses are submitted and how many are drafts."""
        self._require_read(actor, workspace_id)
        with self._read() as session:
            rows = session.execute(
                select(
                    Response.form_id,
                    func.sum(case((Response.revision > 0, 1), else_=0)),
                    func.sum(case((Response.draft_saved_at.is_not(None), 1), else_=0)),
                )
                .where(Response.workspace_id == workspace_id)
                .group_by(Response.form_id)
            )
            return {
                form_id: {"submitted": int(done or 0), "drafts": int(drafts or 0)}
                for form_id, done, drafts in rows
            }

    # -- backup -------------------------------------------------------------
    def export_workspace(
        self, *, actor: Actor, workspace_id: int, include_sensitive: bool = False
    ) -> dict[str, Any]:
        """The whole workspace as JSON-ready data (see ``storage.backup``); members of
        the workspace and administrators, audited. The answers to sensitive forms are
        left out unless ``include_sensitive``."""
        return backup.export_workspace(
            self, actor=actor, workspace_id=workspace_id, include_sensitive=include_sensitive
        )

    def import_workspace(
        self, *, actor: Actor, data: dict[str, Any], name: str | None = None
    ) -> int:
        """Read an exported workspace into this database (administrators); its id."""
        return backup.import_workspace(self, actor=actor, data=data, name=name)

    def audit_log(
        self, *, actor: Actor, workspace_id: int | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        if not actor.is_admin:
            raise _forbidden(actor, "audit")
        with self._read() as session:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if workspace_id is not None:
                query = query.where(AuditEntry.workspace_id == workspace_id)
            rows = list(session.scalars(query))
            session.expunge_all()
            return rows


def _revision_number(saved_to: dt.datetime | None):
    """The revision a response is read at: its latest, or its latest before ``saved_to``."""
    if saved_to is None:
        return Response.revision
    earlier = aliased(Revision)
    return (
        select(func.max(earlier.number))
        .where(earlier.response_id == Response.id, earlier.saved_at < saved_to)
        .correlate(Response)
        .scalar_subquery()
    )


def workspace_info(row: Workspace) -> WorkspaceInfo:
    return WorkspaceInfo(row.id, row.name, row.is_demo, row.created_at)


def _respondent_info(row: Respondent) -> RespondentInfo:
    return RespondentInfo(row.id, row.workspace_id, row.name)
