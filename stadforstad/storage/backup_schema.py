"""The schema of a workspace backup: the document ``backup_export`` writes, as frozen
Pydantic models with the widths of the database columns. Pure: no database here;
``backup_check`` validates a document against it, ``backup_import`` stores only what
passed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
)

from stadforstad import limits

FORMAT = "stadforstad-workspace"
#: 2 added the invitation links (their token only as its hash) and the answers sent
#: through them; a version 1 file (without them) is still read.
#: 3 added each link's language (``lang``) and each late draft's moment (``late_at``),
#: and ``left_out``: the sensitive forms whose answers the export does not hold; a
#: version 2 file (without them: links in Swedish, no late drafts) is still read.
FORMAT_VERSION = 3
READS = (1, 2, 3)


def _moment(value: str | None) -> str | None:
    if value is not None:
        dt.datetime.fromisoformat(value)  # ValueError: Pydantic reports it where it is
    return value


def _day(value: str | None) -> str | None:
    if value is not None:
        dt.date.fromisoformat(value)
    return value


def _hex64(value: str) -> str:
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("expected 64 hexadecimal digits (a SHA-256 hash)")
    return value


Id = Annotated[StrictInt, Field(ge=1, le=limits.ID_MAX)]
Count = Annotated[StrictInt, Field(ge=0, le=limits.ID_MAX)]
Round = Annotated[StrictInt, Field(ge=1, le=limits.ROUND_MAX)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=limits.NAME_LENGTH)]
Line = Annotated[StrictStr, Field(max_length=limits.NAME_LENGTH)]
FormId = Annotated[StrictStr, Field(min_length=1, max_length=100)]
Moment = Annotated[StrictStr, AfterValidator(_moment)]
MaybeMoment = Annotated[StrictStr | None, AfterValidator(_moment)]
Day = Annotated[StrictStr | None, AfterValidator(_day)]
Hash = Annotated[StrictStr, AfterValidator(_hex64)]
AnswerMap = dict[StrictStr, Any]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WorkspacePart(_Part):
    id: Id
    name: Name
    is_demo: StrictBool
    created_at: Moment


class FormPart(_Part):
    id: FormId
    versions: list[Count]
    definitions: dict[StrictStr, Any]


class RespondentPart(_Part):
    id: Id
    name: Name
    created_at: Moment
    #: The municipality's shared respondent (forms with ``owner: group``); files made
    #: before it existed have none.
    is_group: StrictBool = False


class RevisionPart(_Part):
    number: Id
    form_version: Count
    answers: AnswerMap
    saved_at: Moment
    saved_by: Line


class ResponsePart(_Part):
    id: Id
    respondent_id: Id
    form_id: FormId
    round: Round
    revision: Count
    draft: AnswerMap | None
    draft_form_version: Count | None
    draft_saved_at: MaybeMoment
    created_at: Moment
    updated_at: Moment
    revisions: list[RevisionPart]


class LinkPart(_Part):
    id: Id
    form_id: FormId
    token_hash: Hash
    label: Line
    intro: Annotated[StrictStr, Field(max_length=20_000)]
    ask_identity: StrictBool
    #: Older files have no language: the link was Swedish.
    lang: Literal["sv", "en"] = "sv"
    closes_on: Day
    max_answers: Annotated[StrictInt, Field(ge=1, le=limits.ID_MAX)] | None
    revoked_at: MaybeMoment
    created_by: Line
    created_at: Moment


class LinkResponsePart(_Part):
    id: Id
    link_id: Id
    resume_hash: Hash
    industry: Line | None
    name: Line | None
    contact: Line | None
    draft: AnswerMap | None
    draft_saved_at: MaybeMoment
    #: When a draft was saved after its link had stopped taking answers (a late draft).
    late_at: MaybeMoment = None
    answers: AnswerMap | None
    form_version: Count | None
    submitted_at: MaybeMoment
    submission_key: Annotated[StrictStr, Field(max_length=100)] | None
    receipt: Annotated[StrictStr, Field(max_length=20)] | None
    created_at: Moment


class AuditPart(_Part):
    at: Moment
    actor: Line
    action: Annotated[StrictStr, Field(max_length=50)]
    target: Annotated[StrictStr, Field(max_length=300)]
    detail: StrictStr | None


class Backup(_Part):
    """A whole workspace, as ``backup_export.export_workspace`` writes it."""

    format: Literal["stadforstad-workspace"]
    version: Literal[1, 2, 3]
    workspace: WorkspacePart
    forms: list[FormPart]
    respondents: list[RespondentPart]
    responses: list[ResponsePart]
    links: list[LinkPart] = []
    link_responses: list[LinkResponsePart] = []
    audit: list[AuditPart]
    #: Forms marked ``sensitive`` whose answers were left out of this export (they are
    #: only in it when asked for explicitly).
    left_out: list[FormId] = []
