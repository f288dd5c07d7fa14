"""Invitation links (inbjudningslänkar): a shareable form sent to people outside the app.

A link is the app's address with an unguessable token in ``?t=``. Only the token's
SHA-256 hash is stored, so a copy of the database does not hand out working links.
Each person answering through a link (a *svarande*) gets a resume token of their own,
also stored hashed, that keys their draft; a submission carries an idempotency key, so
a double click or a resent request stores one answer.

Members act through their :class:`Actor` (``can_write`` to create or revoke,
``can_read`` to watch answers). A respondent acts as a :class:`LinkActor`: it may
answer through its one link and nothing else; the :class:`Store`'s own calls refuse it
because it holds no grants.

Every refusal of a link says the same thing with one code (``LINK_001``), whether the
token is made up, revoked, past its closing date or full: the page reveals nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import zoneinfo
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from stadforstad import errors
from stadforstad.answers import Answers, check_answers
from stadforstad.errors import ForbiddenError, StadError, StorageError
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.tables import Base, Workspace, utcnow

# -- codes ----------------------------------------------------------------------------
#: The link cannot be used: unknown, revoked, closed or full (one code for all four).
LINK_UNUSABLE = "LINK_001"
#: The form may not be sent through a link (not ``shareable``, or unknown).
LINK_NOT_SHAREABLE = "LINK_002"
#: A setting of a new link is wrong (closing date in the past, cap below 1, …).
LINK_BAD_SETTING = "LINK_003"
#: The link id is not one the acting member can see.
LINK_NOT_FOUND = "LINK_004"
#: A respondent tried something outside their link.
LINK_FORBIDDEN = "LINK_005"
#: Name, contact or industry too long.
LINK_TOO_LONG = "LINK_006"
#: The resume token does not match a draft of this link.
LINK_NO_DRAFT = "LINK_007"

#: The one message every unusable link gets. Friendly, and the same for every cause.
UNUSABLE_MESSAGE = (
    "Den här länken går inte att använda längre. Den kan ha stängt, blivit full eller "
    "skrivits av fel. Hör gärna av er till den som skickade länken, så får ni en ny."
)

TIME_ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
TOKEN_BYTES = 32  # 256 bits from secrets; the issue asks for at least 128
MAX_LABEL = 200
MAX_INTRO = 4000
MAX_NAME = 200
MAX_CONTACT = 200
MAX_INDUSTRY = 200
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on a phone


class LinkError(StadError):
    """An invitation link that cannot be used, or a link call that is refused."""


def _fail(code: str, where: str, message: str) -> LinkError:
    return errors.fail(LinkError, code, where, message)


def unusable() -> LinkError:
    return _fail(LINK_UNUSABLE, "", UNUSABLE_MESSAGE)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_receipt() -> str:
    body = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


def link_url(base: str, token: str, resume: str | None = None) -> str:
    """``<base>/?t=<token>`` (and ``&r=<resume>`` for a resume link)."""
    url = f"{base.rstrip('/')}/?t={token}"
    return f"{url}&r={resume}" if resume else url


def today() -> dt.date:
    return dt.datetime.now(TIME_ZONE).date()


# -- rows -------------------------------------------------------------------------------
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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# -- values -----------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkActor(Actor):
    """A respondent reached through one link: may answer that link's form, nothing else.

    It holds no grants, so every :class:`Store` call refuses it; the link calls below
    accept it only for its own link.
    """

    link_id: int = 0
    link_workspace_id: int = 0
    form_id: str = ""

    def can_answer(self, link_id: int) -> bool:
        return link_id == self.link_id


@dataclass(frozen=True)
class LinkInfo:
    """A link as members see it (never the token: it is shown once, at creation)."""

    id: int
    workspace_id: int
    form_id: str
    label: str
    intro: str
    ask_identity: bool
    closes_on: dt.date | None
    max_answers: int | None
    revoked: bool
    created_by: str
    created_at: dt.datetime
    answers: int = 0
    drafts: int = 0
    last_answer_at: dt.datetime | None = None

    def status(self, on: dt.date | None = None) -> str:
        """``open``, ``revoked``, ``closed`` or ``full``."""
        if self.revoked:
            return "revoked"
        if self.closes_on is not None and (on or today()) > self.closes_on:
            return "closed"
        if self.max_answers is not None and self.answers >= self.max_answers:
            return "full"
        return "open"


@dataclass(frozen=True)
class CreatedLink:
    info: LinkInfo
    #: The token, shown once: only its hash is kept.
    token: str


@dataclass(frozen=True)
class Identity:
    """What the respondent says about themself. All optional; name and contact only
    when the link asks for them."""

    industry: str | None = None
    name: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class RespondentState:
    """Where one respondent stands: a draft, or a sent answer with its receipt."""

    draft: Answers | None
    draft_saved_at: dt.datetime | None
    identity: Identity
    answers: Answers | None = None
    submitted_at: dt.datetime | None = None
    receipt: str | None = None

    @property
    def sent(self) -> bool:
        return self.receipt is not None


@dataclass(frozen=True)
class LinkAnswer:
    """One sent answer through a link, for the compilation and the exports."""

    id: int
    link_id: int
    link_label: str
    form_id: str
    workspace_id: int
    form_version: int
    industry: str | None
    name: str | None
    contact: str | None
    answers: Answers
    submitted_at: dt.datetime
    receipt: str = field(repr=False, default="")


def _clean_line(value: str | None, limit: int, where: str) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    if not value:
        return None
    if len(value) > limit:
        raise _fail(LINK_TOO_LONG, where, f"högst {limit} tecken får plats")
    return value


def _closes_passed(closes_on: dt.date | None) -> bool:
    return closes_on is not None and today() > closes_on


# -- the store --------------------------------------------------------------------------
class LinkStore:
    """Invitation links on top of a :class:`Store` (same engine, same transactions)."""

    def __init__(self, store: Store):
        self.store = store

    # Store's transactions are the one way to write (SQLite: BEGIN IMMEDIATE).
    def _read(self) -> Iterator[Session]:
        return self.store._read()

    def _write(self) -> Iterator[Session]:
        return self.store._write()

    @staticmethod
    def _require(allowed: bool, actor: Actor, what: str) -> None:
        if not allowed or isinstance(actor, LinkActor):
            raise errors.fail(
                ForbiddenError,
                errors.STORE_FORBIDDEN,
                what,
                f"{actor.name} har inte behörighet till detta",
            )

    # -- members ----------------------------------------------------------------------
    def create_link(
        self,
        *,
        actor: Actor,
        workspace_id: int,
        form: Form,
        label: str = "",
        intro: str = "",
        ask_identity: bool = False,
        closes_on: dt.date | None = None,
        max_answers: int | None = None,
    ) -> CreatedLink:
        """A new link; the returned token is the only time it is seen in clear."""
        self._require(actor.can_write(workspace_id), actor, f"workspace {workspace_id}")
        if not form.shareable:
            raise _fail(
                LINK_NOT_SHAREABLE,
                form.id,
                "det här formuläret kan inte skickas med en inbjudningslänk",
            )
        label = _clean_line(label, MAX_LABEL, "label") or ""
        intro = (intro or "").strip()
        if len(intro) > MAX_INTRO:
            raise _fail(LINK_TOO_LONG, "intro", f"introduktionen får vara högst {MAX_INTRO} tecken")
        if closes_on is not None and closes_on < today():
            raise _fail(
                LINK_BAD_SETTING,
                "closes_on",
                "sista svarsdagen har redan passerat; välj i dag eller senare",
            )
        if max_answers is not None and max_answers < 1:
            raise _fail(LINK_BAD_SETTING, "max_answers", "högsta antal svar måste vara minst 1")
        token = new_token()
        with self._write() as session:
            if session.get(Workspace, workspace_id) is None:
                raise _fail(LINK_NOT_FOUND, f"workspace {workspace_id}", "kommunen finns inte")
            row = InvitationLink(
                workspace_id=workspace_id,
                form_id=form.id,
                token_hash=hash_token(token),
                label=label,
                intro=intro,
                ask_identity=ask_identity,
                closes_on=closes_on,
                max_answers=max_answers,
                created_by=actor.name,
            )
            session.add(row)
            session.flush()
            self.store._audit(
                session,
                actor,
                "create",
                f"link {row.id} ({form.id})",
                workspace_id,
                detail=label or None,
            )
            return CreatedLink(info=_info(row), token=token)

    def list_links(
        self, *, actor: Actor, workspace_id: int, form_id: str | None = None
    ) -> list[LinkInfo]:
        """The workspace's links, newest first, with answers, drafts and the last answer."""
        self._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
        sent = func.count(LinkResponse.submitted_at)
        drafts = func.count(LinkResponse.id) - sent
        query = (
            select(InvitationLink, sent, drafts, func.max(LinkResponse.submitted_at))
            .outerjoin(LinkResponse, LinkResponse.link_id == InvitationLink.id)
            .where(InvitationLink.workspace_id == workspace_id)
            .group_by(InvitationLink.id)
            .order_by(InvitationLink.id.desc())
        )
        if form_id is not None:
            query = query.where(InvitationLink.form_id == form_id)
        with self._read() as session:
            return [
                _info(row, answers=int(n or 0), drafts=int(d or 0), last=last)
                for row, n, d, last in session.execute(query)
            ]

    def get_link(self, *, actor: Actor, link_id: int) -> LinkInfo:
        with self._read() as session:
            row = session.get(InvitationLink, link_id)
            if row is None or not actor.can_read(row.workspace_id) or isinstance(actor, LinkActor):
                # The same answer whether it does not exist or is not yours.
                raise _fail(LINK_NOT_FOUND, f"link {link_id}", "länken finns inte")
            workspace_id = row.workspace_id
        return next(
            i for i in self.list_links(actor=actor, workspace_id=workspace_id) if i.id == link_id
        )

    def revoke_link(self, *, actor: Actor, link_id: int) -> LinkInfo:
        """Stop a link for good. Answers already sent stay."""
        with self._write() as session:
            row = session.get(InvitationLink, link_id)
            if row is None or not actor.can_read(row.workspace_id) or isinstance(actor, LinkActor):
                raise _fail(LINK_NOT_FOUND, f"link {link_id}", "länken finns inte")
            self._require(actor.can_write(row.workspace_id), actor, f"link {link_id}")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
                self.store._audit(
                    session, actor, "revoke", f"link {row.id} ({row.form_id})", row.workspace_id
                )
        return self.get_link(actor=actor, link_id=link_id)

    def erase_link_response(self, *, actor: Actor, workspace_id: int, receipt: str) -> int:
        """Delete one answer sent through a link, on the respondent's request (GDPR art.
        17), found by the receipt code they were shown: the answer, its name, contact
        and draft. Members of the workspace and administrators; the audit log keeps
        that it was done, not what was in it. Returns the deleted answer's id."""
        self._require(actor.can_write(workspace_id), actor, f"workspace {workspace_id}")
        code = (receipt or "").strip().upper()
        with self._write() as session:
            row = (
                session.scalar(
                    select(LinkResponse)
                    .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
                    .where(
                        InvitationLink.workspace_id == workspace_id, LinkResponse.receipt == code
                    )
                )
                if code
                else None
            )
            if row is None:
                raise errors.fail(
                    StorageError,
                    errors.STORE_NOT_FOUND,
                    "receipt",
                    "Det finns inget svar med den kvittokoden i kommunen. Kontrollera koden.",
                )
            answer_id, link_id = row.id, row.link_id
            session.delete(row)
            self.store._audit(
                session,
                actor,
                "erase",
                f"link {link_id} answer {answer_id}",
                workspace_id,
                detail="svar via länk raderat på begäran",
            )
            return answer_id

    def link_answers(
        self, *, actor: Actor, workspace_id: int, form_id: str | None = None
    ) -> list[LinkAnswer]:
        """Every sent answer through the workspace's links, oldest first."""
        return self.sent_answers(actor=actor, workspace_ids=[workspace_id], form_id=form_id)

    def sent_answers(
        self,
        *,
        actor: Actor,
        workspace_ids: Sequence[int],
        form_id: str | None = None,
        sent_from: dt.datetime | None = None,
        sent_to: dt.datetime | None = None,
    ) -> list[LinkAnswer]:
        """Every sent answer through the links of several workspaces, in one query."""
        for workspace_id in workspace_ids:
            self._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
        if not workspace_ids:
            return []
        query = (
            select(LinkResponse, InvitationLink)
            .join(InvitationLink, InvitationLink.id == LinkResponse.link_id)
            .where(
                InvitationLink.workspace_id.in_(list(workspace_ids)),
                LinkResponse.submitted_at.is_not(None),
            )
            .order_by(LinkResponse.submitted_at, LinkResponse.id)
        )
        if form_id is not None:
            query = query.where(InvitationLink.form_id == form_id)
        if sent_from is not None:
            query = query.where(LinkResponse.submitted_at >= sent_from)
        if sent_to is not None:
            query = query.where(LinkResponse.submitted_at <= sent_to)
        with self._read() as session:
            return [
                LinkAnswer(
                    id=r.id,
                    link_id=link.id,
                    link_label=link.label,
                    form_id=link.form_id,
                    workspace_id=link.workspace_id,
                    form_version=r.form_version or 0,
                    industry=r.industry,
                    # Names and contacts for the workspace's members only: a county
                    # coordinator reads the answers to compare, never who gave them.
                    name=r.name if actor.can_write(link.workspace_id) else None,
                    contact=r.contact if actor.can_write(link.workspace_id) else None,
                    answers=r.answers or {},
                    submitted_at=r.submitted_at,
                    receipt=r.receipt or "",
                )
                for r, link in session.execute(query)
            ]

    # -- respondents --------------------------------------------------------------------
    def open_link(self, token: str | None, resume: str | None = None) -> tuple[LinkActor, LinkInfo]:
        """The respondent behind ``token`` and the link they may answer.

        Raises ``LINK_001`` for a made-up, revoked, closed or full link alike. A full
        link still opens for a respondent who already has a draft or a sent answer
        under ``resume`` (to see their receipt, or a replayed submission).
        """
        if not token or len(token) > 200:
            raise unusable()
        with self._read() as session:
            row = session.scalar(
                select(InvitationLink).where(InvitationLink.token_hash == hash_token(token))
            )
            if row is None:
                raise unusable()
            sent = session.scalar(
                select(func.count(LinkResponse.id)).where(
                    LinkResponse.link_id == row.id, LinkResponse.submitted_at.is_not(None)
                )
            )
            info = _info(row, answers=int(sent or 0))
            known = (
                bool(resume)
                and len(resume) <= 200
                and session.scalar(
                    select(func.count(LinkResponse.id)).where(
                        LinkResponse.link_id == row.id,
                        LinkResponse.resume_hash == hash_token(resume),
                    )
                )
                > 0
            )
        status = info.status()
        if status != "open" and not (status == "full" and known):
            raise unusable()
        actor = LinkActor(
            name=f"svarande via länk {info.id}",
            link_id=info.id,
            link_workspace_id=info.workspace_id,
            form_id=info.form_id,
        )
        return actor, info

    def _usable_link(self, session: Session, actor: LinkActor, *, lock: bool) -> InvitationLink:
        if not isinstance(actor, LinkActor):
            raise _fail(LINK_FORBIDDEN, "actor", "bara den som svarar via länken kan göra detta")
        query = select(InvitationLink).where(InvitationLink.id == actor.link_id)
        if lock:
            # PostgreSQL: one sender at a time per link, so a cap is never overshot.
            # (SQLite already holds the write lock: BEGIN IMMEDIATE.)
            query = query.with_for_update()
        row = session.scalar(query)
        if row is None or row.revoked_at is not None or _closes_passed(row.closes_on):
            raise unusable()
        if not actor.can_answer(row.id) or row.workspace_id != actor.link_workspace_id:
            raise _fail(LINK_FORBIDDEN, f"link {row.id}", "fel länk")
        return row

    def _full(self, session: Session, row: InvitationLink) -> bool:
        if row.max_answers is None:
            return False
        sent = session.scalar(
            select(func.count(LinkResponse.id)).where(
                LinkResponse.link_id == row.id, LinkResponse.submitted_at.is_not(None)
            )
        )
        return int(sent or 0) >= row.max_answers

    def _respondent_row(
        self, session: Session, link: InvitationLink, resume: str
    ) -> LinkResponse | None:
        row = session.scalar(
            select(LinkResponse).where(LinkResponse.resume_hash == hash_token(resume))
        )
        if row is not None and row.link_id != link.id:
            raise _fail(LINK_NO_DRAFT, "r", "utkastet hör till en annan länk")
        return row

    def respondent_state(self, *, actor: LinkActor, resume: str | None) -> RespondentState | None:
        """The respondent's draft or sent answer; ``None`` if nothing is saved yet."""
        if not resume or len(resume) > 200:
            return None
        with self._read() as session:
            link = self._usable_link(session, actor, lock=False)
            row = self._respondent_row(session, link, resume)
            return None if row is None else _state(row)

    def save_draft(
        self,
        *,
        actor: LinkActor,
        resume: str,
        form: Form,
        answers: dict[str, Any],
        identity: Identity = Identity(),
    ) -> RespondentState:
        """Keep work in progress under the resume token. Values must still fit the form."""
        clean = self._check(actor, form, answers, partial=True)
        identity = _clean_identity(identity)
        for _attempt in range(3):
            try:
                with self._write() as session:
                    link = self._usable_link(session, actor, lock=False)
                    row = self._respondent_row(session, link, resume)
                    if row is None:
                        if self._full(session, link):
                            raise unusable()
                        row = LinkResponse(link_id=link.id, resume_hash=hash_token(resume))
                        session.add(row)
                    if row.submitted_at is not None:
                        return _state(row)  # already sent: a late draft changes nothing
                    _put_identity(row, identity, link.ask_identity)
                    row.draft = clean
                    row.draft_saved_at = utcnow()
                    session.flush()
                    return _state(row)
            except IntegrityError:
                continue  # the same resume token saved twice at once: read it back
        raise errors.fail(
            StorageError, errors.STORE_CONFLICT, "draft", "kunde inte spara utkastet, försök igen"
        )

    def submit(
        self,
        *,
        actor: LinkActor,
        resume: str,
        submission_key: str,
        form: Form,
        answers: dict[str, Any],
        identity: Identity = Identity(),
    ) -> RespondentState:
        """Store the respondent's answer once.

        The same ``submission_key`` (a double click, a resent request) or the same
        ``resume`` token after sending returns the first receipt and stores nothing new.
        """
        if not submission_key or len(submission_key) > 100:
            raise _fail(LINK_FORBIDDEN, "submission_key", "saknar nyckel för inskickningen")
        clean = self._check(actor, form, answers, partial=False)
        identity = _clean_identity(identity)
        for _attempt in range(3):
            try:
                with self._write() as session:
                    earlier = session.scalar(
                        select(LinkResponse).where(LinkResponse.submission_key == submission_key)
                    )
                    if earlier is not None:
                        if earlier.link_id != actor.link_id:
                            raise _fail(LINK_FORBIDDEN, "submission_key", "fel länk")
                        return _state(earlier)
                    link = self._usable_link(session, actor, lock=True)
                    row = self._respondent_row(session, link, resume)
                    if row is not None and row.submitted_at is not None:
                        return _state(row)
                    if self._full(session, link):
                        raise unusable()
                    if row is None:
                        row = LinkResponse(link_id=link.id, resume_hash=hash_token(resume))
                        session.add(row)
                    _put_identity(row, identity, link.ask_identity)
                    row.answers = clean
                    row.form_version = form.version
                    row.submitted_at = utcnow()
                    row.submission_key = submission_key
                    row.receipt = new_receipt()
                    row.draft = None
                    row.draft_saved_at = None
                    session.flush()
                    self.store._audit(
                        session,
                        actor,
                        "submit",
                        f"link {link.id} answer {row.id}",
                        link.workspace_id,
                    )
                    return _state(row)
            except IntegrityError:
                # Another request with the same key or resume token won the race (or,
                # once in a blue moon, the receipt code collided): look again.
                continue
        raise errors.fail(
            StorageError,
            errors.STORE_CONFLICT,
            "submit",
            "kunde inte skicka in svaret, försök igen",
        )

    def _check(
        self, actor: Actor, form: Form, answers: dict[str, Any], *, partial: bool
    ) -> Answers:
        if not isinstance(actor, LinkActor):
            raise _fail(LINK_FORBIDDEN, "actor", "bara den som svarar via länken kan göra detta")
        if form.id != actor.form_id or not form.shareable:
            raise _fail(LINK_FORBIDDEN, form.id, "länken gäller ett annat formulär")
        return check_answers(form, answers, partial=partial)


def _clean_identity(identity: Identity) -> Identity:
    return Identity(
        industry=_clean_line(identity.industry, MAX_INDUSTRY, "industry"),
        name=_clean_line(identity.name, MAX_NAME, "name"),
        contact=_clean_line(identity.contact, MAX_CONTACT, "contact"),
    )


def _put_identity(row: LinkResponse, identity: Identity, ask_identity: bool) -> None:
    row.industry = identity.industry
    # Name and contact are kept only when the link asks for them: anonymous by default.
    row.name = identity.name if ask_identity else None
    row.contact = identity.contact if ask_identity else None


def _state(row: LinkResponse) -> RespondentState:
    return RespondentState(
        draft=row.draft,
        draft_saved_at=row.draft_saved_at,
        identity=Identity(row.industry, row.name, row.contact),
        answers=row.answers,
        submitted_at=row.submitted_at,
        receipt=row.receipt,
    )


def _info(
    row: InvitationLink, *, answers: int = 0, drafts: int = 0, last: dt.datetime | None = None
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
    )
