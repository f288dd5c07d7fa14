"""The database rows of invitation links, and how a row becomes a value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stadforstad.storage.link_values import (
    MAX_CONTACT,
    MAX_INDUSTRY,
    MAX_LABEL,
    MAX_NAME,
    Identity,
    LinkInfo,
    RespondentState,
)
from stadforstad.storage.tables import Base, utcnow


class InvitationLink(Base):
    """One invitation link: which form, in which workspace, for whom, until when."""

    __tablename__ = "invitation_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    form_id: Mapped[str] = mapped_column(String(100))
    #: SHA-256 of the token, hex. The token itself is shown once and never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: The industry or organisation the link is for ("Hotell", "Taxi Skåne AB").
    label: Mapped[str] = mapped_column(String(MAX_LABEL), default="")
    #: The members' introduction: who asks, why, how answers are used, whom to contact.
    intro: Mapped[str] = mapped_column(Text, default="")
    #: Ask for name and contact (optional to answer); off means fully anonymous.
    ask_identity: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The language the respondent page opens in (``sv`` or ``en``); they can switch.
    lang: Mapped[str] = mapped_column(String(5), default="sv", server_default="sv")
    #: Last day the link can be answered (Swedish time); ``None`` means no closing date.
    closes_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: At most this many sent answers; ``None`` means no cap.
    max_answers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LinkResponse(Base):
    """One respondent's draft and, once sent, their answer through one link.

    No IP address, browser or device data is kept: only what the person typed.
    """

    __tablename__ = "link_responses"
    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(
        ForeignKey("invitation_links.id", ondelete="CASCADE"), index=True
    )
    #: SHA-256 of the respondent's resume token (``?r=``).
    resume_hash: Mapped[str] = mapped_column(String(64), unique=True)
    industry: Mapped[str | None] = mapped_column(String(MAX_INDUSTRY), nullable=True)
    name: Mapped[str | None] = mapped_column(String(MAX_NAME), nullable=True)
    contact: Mapped[str | None] = mapped_column(String(MAX_CONTACT), nullable=True)
    draft: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    draft_saved_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    answers: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    form_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    #: Idempotency key of the submission: the same key twice stores once.
    submission_key: Mapped[str | None] = mapped_column(String(100), nullable=True, unique=True)
    #: Short code shown to the respondent after sending ("K7QM-2XPA").
    receipt: Mapped[str | None] = mapped_column(String(20), nullable=True, unique=True)
    #: When the respondent tried to send (or saved) after the link closed, filled up or
    #: was revoked: the draft is then a *late draft* the members can read.
    late_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def put_identity(row: LinkResponse, identity: Identity, ask_identity: bool) -> None:
    row.industry = identity.industry
    # Name and contact are kept only when the link asks for them: anonymous by default.
    row.name = identity.name if ask_identity else None
    row.contact = identity.contact if ask_identity else None


def row_state(row: LinkResponse) -> RespondentState:
    return RespondentState(
        draft=row.draft,
        draft_saved_at=row.draft_saved_at,
        identity=Identity(row.industry, row.name, row.contact),
        answers=row.answers,
        submitted_at=row.submitted_at,
        receipt=row.receipt,
        late_at=row.late_at,
    )


def row_info(
    row: InvitationLink,
    *,
    answers: int = 0,
    drafts: int = 0,
    last: dt.datetime | None = None,
    late: int = 0,
) -> LinkInfo:
    return LinkInfo(
        id=row.id,
        workspace_id=row.workspace_id,
        form_id=row.form_id,
        label=row.label,
        intro=row.intro,
        ask_identity=row.ask_identity,
        closes_on=row.closes_on,
        max_answers=row.max_answers,
        revoked=row.revoked_at is not None,
        created_by=row.created_by,
        created_at=row.created_at,
        answers=answers,
        drafts=drafts,
        last_answer_at=last,
        lang=row.lang or "sv",
        late_drafts=late,
    )
