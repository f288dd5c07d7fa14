"""The database rows (SQLAlchemy 2). Separate from the Pydantic form schema."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    # Named constraints: migrations can then drop or change them by name (SQLite's
    # batch mode needs that, and PostgreSQL's generated names differ between versions).
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def workspace_name(name: str) -> str:
    """A municipality's name as stored: one space between words, Unicode composed (an
    "å" typed as a + ring is the same name as "å")."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def workspace_name_key(name: str) -> str:
    """What makes two names the same name: case does not count ("landskrona" is
    "Landskrona"), in every language (casefold, not lower)."""
    return workspace_name(name).casefold()


class Workspace(Base):
    """One municipality (or local area) doing the process."""

    __tablename__ = "workspaces"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: ``workspace_name_key(name)``, kept by the model itself: the database refuses a
    #: second name that differs only in case. Casefolding can lengthen a name ("ß").
    name_key: Mapped[str] = mapped_column(String(600), unique=True, index=True, server_default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @validates("name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = workspace_name_key(value)
        return value


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    #: argon2 hash; ``None`` for accounts that sign in through the identity provider.
    password_hash: Mapped[str | None] = mapped_column(String(500), nullable=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: ``"<issuer> <sub>"`` of the identity-provider account bound to this user at its
    #: first sign-in with a verified e-mail address; later sign-ins match on it.
    oidc_subject: Mapped[str | None] = mapped_column(String(500), unique=True, nullable=True)


class Grant(Base):
    """A user's right to a workspace: ``member`` reads and writes, ``coordinator`` reads."""

    __tablename__ = "grants"
    __table_args__ = (UniqueConstraint("user_id", "workspace_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))


class Respondent(Base):
    """A person answering forms in a workspace (a core-group member, or anonymous)."""

    __tablename__ = "respondents"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The municipality's one shared respondent, holding the answers of forms with
    #: ``owner: group`` (``storage.group_answers``); never listed as a participant.
    is_group: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class Response(Base):
    """One respondent's answers to one form in one round.

    Submitted answers live in ``revisions`` (append-only). ``draft`` holds the work in
    progress, overwritten by each draft save, and cleared when submitted.
    """

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("workspace_id", "form_id", "respondent_id", "round"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    form_id: Mapped[str] = mapped_column(String(100), index=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondents.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer, default=1)
    #: Number of the latest submitted revision; 0 while only a draft exists.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    draft: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    draft_form_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    draft_saved_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    #: Who saved the draft (a user's name), for a shared answer's "last changed by".
    draft_saved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    #: Counts every save, draft or submit: a save based on an older version is refused
    #: (optimistic concurrency) rather than put over another member's work.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Revision(Base):
    """A submitted version of a response. Never updated, never deleted by an edit."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("response_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(200))
    #: The item ids whose answer differs from the revision before (all answered items
    #: for the first); ``None`` for revisions stored before this was kept.
    changed: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True), nullable=True)


class AuditEntry(Base):
    """Who created, changed, exported or deleted what, and when. Append-only."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    workspace_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    target: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)


class SignInThrottle(Base):
    """Failed sign-ins per key, for the growing wait between attempts.

    A key is ``user:<typed name>`` (an unknown name is slowed down exactly like a
    known one, so the wait reveals nothing) or ``addr:<keyed hash of the client
    address>`` (never the address itself). Rows are forgotten a day after the last
    failure (``stadforstad.throttle``).
    """

    __tablename__ = "signin_throttle"
    key: Mapped[str] = mapped_column(String(250), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    #: No attempt for this key is checked before this moment.
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserSession(Base):
    """One sign-in of a user ("inloggning" in the interface), kept on the server.

    The browser holds a random token in an HttpOnly cookie; only its SHA-256 is
    stored (``token_hash``), so a copy of the database signs nobody in. Until the
    browser has fetched its cookie, the sign-in is reachable only through a
    one-time handoff code (``handoff_hash``, valid a minute). A sign-in ends when
    idle too long (``last_seen_at``), at ``expires_at`` whatever happens, or when
    its row is deleted (sign-out, a new password, a deleted account).
    """

    __tablename__ = "user_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    handoff_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    handoff_expires_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SetupCode(Base):
    """A one-time code ("engångskod") for creating the first administrator through
    the web. The server prints the code when it starts on an installation without
    users; only its SHA-256 is stored."""

    __tablename__ = "setup_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
