"""The frozen values the store hands out: workspaces, respondents, responses as they
stand, submitted rows and revisions; never a live database row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stadforstad.answers import Answers
from stadforstad.storage.tables import Respondent, Workspace


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
    #: Counts every save (draft or submit); a save carries the one it was based on.
    version: int = 0
    #: Who saved what is shown (the draft's saver, else the latest revision's), and when.
    changed_by: str | None = None
    changed_at: dt.datetime | None = None

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
    #: The items this revision changed from the one before (``None``: not recorded).
    changed: list[str] | None = None


def workspace_info(row: Workspace) -> WorkspaceInfo:
    return WorkspaceInfo(row.id, row.name, row.is_demo, row.created_at)


def respondent_info(row: Respondent) -> RespondentInfo:
    return RespondentInfo(row.id, row.workspace_id, row.name)
