"""The repository: every call takes the acting user and checks their rights here,
in the storage layer, not only in the pages.

Writes run in short transactions that take the write lock up front (SQLite:
``BEGIN IMMEDIATE``). Submitted answers are never overwritten: an edit appends a
revision. Drafts are the one thing a save replaces.

:class:`Store` is the front door; the work is done by the modules named after what
they hold (``workspaces``, ``respondents``, ``responses``, ``imports``,
``submitted``, ``audit``, ``backup_export``, ``backup_import``), which its methods call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from stadforstad.answers import Answers
from stadforstad.schema import Form
from stadforstad.storage import (
    audit,
    group_answers,
    imports,
    respondents,
    responses,
    submitted,
    workspaces,
)
from stadforstad.storage.actors import COORDINATOR, MEMBER, ROLES, Actor
from stadforstad.storage.audit import ERASING_ACTIONS, UNCHANGING_ACTIONS
from stadforstad.storage.engine import WRITE
from stadforstad.storage.records import (
    RespondentInfo,
    ResponseState,
    RevisionInfo,
    SubmittedRow,
    WorkspaceInfo,
    workspace_info,
)
from stadforstad.storage.refusals import forbidden
from stadforstad.storage.tables import AuditEntry

#: The names callers import from here (the values live in sibling modules).
__all__ = [
    "COORDINATOR",
    "ERASING_ACTIONS",
    "MEMBER",
    "ROLES",
    "UNCHANGING_ACTIONS",
    "Actor",
    "RespondentInfo",
    "ResponseState",
    "RevisionInfo",
    "Store",
    "SubmittedRow",
    "WorkspaceInfo",
    "workspace_info",
]


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
            raise forbidden(actor, f"workspace {workspace_id}")

    def _require_write(self, actor: Actor, workspace_id: int) -> None:
        if not actor.can_write(workspace_id):
            raise forbidden(actor, f"workspace {workspace_id}")

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
        return workspaces.list_workspaces(self, actor=actor)

    def get_workspace(self, *, actor: Actor, workspace_id: int) -> WorkspaceInfo:
        return workspaces.get_workspace(self, actor=actor, workspace_id=workspace_id)

    def find_workspace(self, *, actor: Actor, name: str) -> WorkspaceInfo:
        return workspaces.find_workspace(self, actor=actor, name=name)

    def delete_workspace(self, *, actor: Actor, workspace_id: int) -> dict[str, int]:
        """Delete a workspace with all its data (administrators only); the counts of
        what was deleted. Its audit entries stay: the log is append-only."""
        return workspaces.delete_workspace(self, actor=actor, workspace_id=workspace_id)

    def workspace_contents(self, *, actor: Actor, workspace_id: int) -> dict[str, int]:
        """What deleting the workspace would delete (for the confirmation)."""
        return workspaces.workspace_contents(self, actor=actor, workspace_id=workspace_id)

    def delete_demo_workspaces(self, *, actor: Actor) -> int:
        """Delete every demo workspace (``is_demo``) with all its data, in one
        transaction; administrators only. Returns how many were deleted."""
        return workspaces.delete_demo_workspaces(self, actor=actor)

    # -- respondents ----------------------------------------------------------
    def respondent(self, *, actor: Actor, workspace_id: int, name: str) -> RespondentInfo:
        """The respondent called ``name`` in the workspace, created on first use."""
        return respondents.respondent(self, actor=actor, workspace_id=workspace_id, name=name)

    def list_respondents(self, *, actor: Actor, workspace_id: int) -> list[RespondentInfo]:
        return respondents.list_respondents(self, actor=actor, workspace_id=workspace_id)

    def group_respondent(
        self, *, actor: Actor, workspace_id: int, create: bool = True
    ) -> RespondentInfo | None:
        """The municipality's shared respondent for forms with ``owner: group``."""
        return group_answers.group_respondent(
            self, actor=actor, workspace_id=workspace_id, create=create
        )

    def erase_respondent(
        self, *, actor: Actor, workspace_id: int, respondent_id: int
    ) -> dict[str, int]:
        """Delete everything one person answered in the workspace, on their request
        (GDPR art. 17); see :func:`respondents.erase_respondent`."""
        return respondents.erase_respondent(
            self, actor=actor, workspace_id=workspace_id, respondent_id=respondent_id
        )

    # -- responses ------------------------------------------------------------
    def save_draft(
        self,
        *,
        actor: Actor,
        workspace_id: int,
        respondent_id: int,
        form: Form,
        answers: dict[str, Any],
        round: int = 1,
        expected_version: int | None = None,
    ) -> ResponseState:
        """Keep work in progress. Required items may be missing; values must still fit
        (``expected_version``: see :mod:`group_answers`)."""
        return responses.save_draft(
            self,
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form=form,
            answers=answers,
            round=round,
            expected_version=expected_version,
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
        expected_version: int | None = None,
    ) -> ResponseState:
        """Store a complete response as a new revision; earlier revisions stay
        (``expected_revision``, ``expected_version``: see :func:`responses.submit`)."""
        return responses.submit(
            self,
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form=form,
            answers=answers,
            round=round,
            expected_revision=expected_revision,
            expected_version=expected_version,
        )

    def discard_draft(
        self, *, actor: Actor, workspace_id: int, respondent_id: int, form_id: str, round: int = 1
    ) -> None:
        """Throw away work in progress; submitted revisions stay."""
        responses.discard_draft(
            self,
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form_id=form_id,
            round=round,
        )

    def response_state(
        self, *, actor: Actor, workspace_id: int, respondent_id: int, form_id: str, round: int = 1
    ) -> ResponseState:
        return responses.response_state(
            self,
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=respondent_id,
            form_id=form_id,
            round=round,
        )

    def revisions(self, *, actor: Actor, workspace_id: int, response_id: int) -> list[RevisionInfo]:
        return responses.revisions(
            self, actor=actor, workspace_id=workspace_id, response_id=response_id
        )

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
        """Submit one response per ``(respondent name, answers)`` in ONE transaction;
        see :func:`imports.submit_many`. Returns the count."""
        return imports.submit_many(
            self,
            actor=actor,
            workspace_id=workspace_id,
            form=form,
            rows=rows,
            round=round,
            saved_at=saved_at,
        )

    # -- reading submitted answers --------------------------------------------
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
        """The latest submitted revision of every response, in one query (the period
        rule: see :func:`submitted.submitted`)."""
        return submitted.submitted(
            self,
            actor=actor,
            workspace_ids=workspace_ids,
            form_id=form_id,
            round=round,
            saved_from=saved_from,
            saved_to=saved_to,
        )

    def first_answers(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        round: int | None = None,
        saved_from: dt.datetime | None = None,
        saved_to: dt.datetime | None = None,
    ) -> list[tuple[int, str, int, Answers]]:
        """Per workspace and form: how many responses, and the first one's answers, in
        one query (see :func:`submitted.first_answers`)."""
        return submitted.first_answers(
            self,
            actor=actor,
            workspace_ids=workspace_ids,
            round=round,
            saved_from=saved_from,
            saved_to=saved_to,
        )

    def submitted_answers(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        form_ids: Sequence[str],
        round: int | None = None,
        saved_from: dt.datetime | None = None,
        saved_to: dt.datetime | None = None,
    ) -> list[tuple[int, str, Answers]]:
        """The answers of every submitted response to ``form_ids``, in one query (see
        :func:`submitted.submitted_answers`)."""
        return submitted.submitted_answers(
            self,
            actor=actor,
            workspace_ids=workspace_ids,
            form_ids=form_ids,
            round=round,
            saved_from=saved_from,
            saved_to=saved_to,
        )

    def form_progress(self, *, actor: Actor, workspace_id: int) -> dict[str, dict[str, int]]:
        """Per form id: how many responses are submitted and how many are drafts."""
        return submitted.form_progress(self, actor=actor, workspace_id=workspace_id)

    def data_stamp(self) -> tuple[int, ...]:
        """Changes whenever anything the comparison shows may have changed: a cache key
        (see :func:`audit.data_stamp`)."""
        return audit.data_stamp(self)

    # -- backup and audit -----------------------------------------------------
    def export_workspace(
        self, *, actor: Actor, workspace_id: int, include_sensitive: bool = False
    ) -> dict[str, Any]:
        """The whole workspace as JSON-ready data (see ``storage.backup_export``); members of
        the workspace and administrators, audited. The answers to sensitive forms are
        left out unless ``include_sensitive``."""
        from stadforstad.storage import backup_export  # with its schema, only when asked

        return backup_export.export_workspace(
            self, actor=actor, workspace_id=workspace_id, include_sensitive=include_sensitive
        )

    def import_workspace(
        self, *, actor: Actor, data: dict[str, Any], name: str | None = None
    ) -> int:
        """Read an exported workspace into this database (administrators); its id."""
        from stadforstad.storage import backup_import  # with its schema, only when asked

        return backup_import.import_workspace(self, actor=actor, data=data, name=name)

    def audit_log(
        self, *, actor: Actor, workspace_id: int | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        return audit.audit_log(self, actor=actor, workspace_id=workspace_id, limit=limit)
