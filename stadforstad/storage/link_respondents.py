"""What a respondent may do through an invitation link: open it, save a draft, send,
erase their own draft. :class:`RespondentLinks` is one base of ``LinkStore``, which
adds the members' calls; pages use ``LinkStore``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.answers import Answers, check_answers
from stadforstad.errors import (
    LINK_EMPTY,
    LINK_FORBIDDEN,
    LINK_NO_DRAFT,
    LINK_THROTTLED,
    AnswerError,
    StorageError,
    say,
)
from stadforstad.keyed import protect_answers
from stadforstad.schema import Form
from stadforstad.storage.link_access import LinkAccess
from stadforstad.storage.link_queries import (
    LINK_BY_ID,
    LINK_BY_TOKEN,
    LINK_TO_SEND,
    ROW_BY_KEY,
    ROW_BY_RESUME,
    SENT_COUNT,
)
from stadforstad.storage.link_rows import (
    InvitationLink,
    LinkResponse,
    put_identity,
    row_info,
    row_state,
)
from stadforstad.storage.link_throttle import count_write
from stadforstad.storage.link_values import (
    Identity,
    LinkActor,
    LinkInfo,
    LinkThrottledError,
    RespondentState,
    clean_identity,
    closed_error,
    fail,
    has_answer,
    hash_token,
    new_receipt,
    unusable,
)
from stadforstad.storage.repository import Actor
from stadforstad.storage.tables import utcnow


class RespondentLinks(LinkAccess):
    """The respondent's calls."""

    def open_link(
        self, token: str | None, resume: str | None = None, *, returning: bool = False
    ) -> tuple[LinkActor, LinkInfo]:
        """The respondent behind ``token`` and the link they may answer.

        Raises ``LINK_001`` for a made-up, revoked, closed or full link alike. A link
        that no longer takes answers still opens for someone who already answers
        through it: a ``resume`` token with a live draft or a sent answer of this link,
        or ``returning`` (the caller vouches that this same session opened the link
        while it was open). ``LinkInfo.status()`` then tells the page why it stopped.
        """
        if not token or len(token) > 200:
            raise unusable()
        with self._read() as session:
            row = session.scalar(LINK_BY_TOKEN, {"token_hash": hash_token(token)})
            if row is None:
                raise unusable()
            info = row_info(row, answers=self._sent_count(session, row))
            # Whether they already answer is asked only when the link stopped taking answers.
            refused = (
                info.status() != "open"
                and not returning
                and not self._answers_here(session, row, resume)
            )
        if refused:
            raise unusable()
        actor = LinkActor(
            name=f"svarande via länk {info.id}",
            link_id=info.id,
            link_workspace_id=info.workspace_id,
            form_id=info.form_id,
        )
        return actor, info

    def _answers_here(self, session: Session, row: InvitationLink, resume: str | None) -> bool:
        """``resume`` keys a live draft or a sent answer of this link."""
        if not resume or len(resume) > 200:
            return False
        saved = session.scalar(
            select(func.count(LinkResponse.id)).where(
                LinkResponse.link_id == row.id,
                LinkResponse.resume_hash == hash_token(resume),
                self._live(),
            )
        )
        return bool(saved)

    def _own_link(self, session: Session, actor: LinkActor, *, lock: bool) -> InvitationLink:
        """The actor's own link, whatever its status."""
        if not isinstance(actor, LinkActor):
            raise fail(
                LINK_FORBIDDEN,
                "actor",
                say(
                    "bara den som svarar via länken kan göra detta",
                    "only someone answering through the link can do this",
                ),
            )
        row = session.scalar(LINK_TO_SEND if lock else LINK_BY_ID, {"link_id": actor.link_id})
        if row is None:
            raise unusable()
        if not actor.can_answer(row.id) or row.workspace_id != actor.link_workspace_id:
            raise fail(LINK_FORBIDDEN, f"link {row.id}", say("fel länk", "wrong link"))
        return row

    @staticmethod
    def _sent_count(session: Session, row: InvitationLink) -> int:
        return int(session.scalar(SENT_COUNT, {"link_id": row.id}) or 0)

    def _status(self, session: Session, row: InvitationLink) -> str:
        """``open``, ``revoked``, ``closed`` or ``full``, as it stands in this transaction."""
        answers = self._sent_count(session, row) if row.max_answers is not None else 0
        return row_info(row, answers=answers).status()

    def _respondent_row(
        self, session: Session, link: InvitationLink, resume: str
    ) -> LinkResponse | None:
        row = session.scalar(ROW_BY_RESUME, {"resume_hash": hash_token(resume)})
        if row is not None and row.link_id != link.id:
            raise fail(
                LINK_NO_DRAFT,
                "r",
                say("utkastet hör till en annan länk", "the draft belongs to another link"),
            )
        return row

    def _expired(self, row: LinkResponse) -> bool:
        saved = row.draft_saved_at or row.created_at
        if saved.tzinfo is None:  # SQLite keeps no zone: the values are UTC
            saved = saved.replace(tzinfo=dt.UTC)
        return row.submitted_at is None and saved < self.cutoff()

    def respondent_state(self, *, actor: LinkActor, resume: str | None) -> RespondentState | None:
        """The respondent's draft or sent answer; ``None`` if nothing is saved yet (or
        the draft has expired)."""
        if not resume or len(resume) > 200:
            return None
        with self._read() as session:
            link = self._own_link(session, actor, lock=False)
            row = self._respondent_row(session, link, resume)
            return None if row is None or self._expired(row) else row_state(row)

    def _throttle(self, session: Session, link: InvitationLink, client: str | None) -> None:
        wait = count_write(session, link_id=link.id, client=client, limits=self.limits)
        if wait is not None:
            error = errors.fail(
                LinkThrottledError,
                LINK_THROTTLED,
                "client" if client else f"link {link.id}",
                say(
                    f"många svar har kommit in på kort tid; vänta {-(-wait // 60)} minuter och "
                    "försök igen – det ni skrivit finns kvar",
                    f"many answers have arrived in a short time; wait {-(-wait // 60)} minutes and "
                    "try again – what you have written is still here",
                ),
            )
            error.retry_after = wait
            raise error

    def save_draft(
        self,
        *,
        actor: LinkActor,
        resume: str,
        form: Form,
        answers: dict[str, Any],
        identity: Identity | None = None,
        client: str | None = None,
    ) -> RespondentState:
        """Keep work in progress under the resume token. Values must still fit the form,
        and something must be answered. After the link stopped taking answers the draft
        is kept as a late draft and ``LINK_010`` (:class:`LinkClosedError`) is raised."""
        clean = self._check(actor, form, answers, partial=True)
        identity = clean_identity(identity or Identity())
        for _attempt in range(3):
            try:
                with self._write() as session:
                    link = self._own_link(session, actor, lock=False)
                    row = self._respondent_row(session, link, resume)
                    if row is not None and row.submitted_at is not None:
                        return row_state(row)  # already sent: a late draft changes nothing
                    self._throttle(session, link, client)
                    status = self._status(session, link)
                    if row is None:
                        row = LinkResponse(link_id=link.id, resume_hash=hash_token(resume))
                        session.add(row)
                    put_identity(row, identity, link.ask_identity)
                    row.draft = clean
                    row.draft_saved_at = utcnow()
                    row.late_at = row.draft_saved_at if status != "open" else None
                    session.flush()
                    state = row_state(row)
            except IntegrityError:
                continue  # the same resume token saved twice at once: read it back
            if status != "open":
                raise closed_error(status, state)
            return state
        raise errors.fail(
            StorageError,
            errors.STORE_CONFLICT,
            "draft",
            say(
                "kunde inte spara utkastet, försök igen",
                "the draft could not be saved, please try again",
            ),
        )

    def submit(
        self,
        *,
        actor: LinkActor,
        resume: str,
        submission_key: str,
        form: Form,
        answers: dict[str, Any],
        identity: Identity | None = None,
        client: str | None = None,
    ) -> RespondentState:
        """Store the respondent's answer once.

        The same ``submission_key`` (a double click, a resent request) or the same
        ``resume`` token after sending returns the first receipt and stores nothing new.
        An answer with nothing answered is refused (``LINK_008``). When the link has
        stopped taking answers (full, closed, revoked), what was sent is kept as a late
        draft, complete or not, and :class:`LinkClosedError` (``LINK_010``) is raised.
        """
        if not submission_key or len(submission_key) > 100:
            raise fail(
                LINK_FORBIDDEN,
                "submission_key",
                say("saknar nyckel för inskickningen", "the submission has no key"),
            )
        draft = self._check(actor, form, answers, partial=True)
        try:
            complete: Answers | None = self._check(actor, form, answers, partial=False)
            missing: AnswerError | None = None
        except AnswerError as exc:
            complete, missing = None, exc
        identity = clean_identity(identity or Identity())
        for _attempt in range(3):
            # A resent key is answered from a read, without a writer's turn. A send with
            # the same key that commits after this look is caught below: by the resume
            # token, or by the key's unique index (IntegrityError: look again).
            earlier = self._sent_with_key(actor, submission_key)
            if earlier is not None:
                return earlier
            try:
                with self._write() as session:
                    link = self._own_link(session, actor, lock=True)
                    row = self._respondent_row(session, link, resume)
                    if row is not None and row.submitted_at is not None:
                        return row_state(row)
                    status = self._status(session, link)
                    if status == "open" and missing is not None:
                        raise missing
                    self._throttle(session, link, client)
                    if row is None:
                        row = LinkResponse(link_id=link.id, resume_hash=hash_token(resume))
                        session.add(row)
                    put_identity(row, identity, link.ask_identity)
                    if status != "open":
                        row.draft = draft
                        row.draft_saved_at = row.late_at = utcnow()
                        session.flush()
                        state = row_state(row)
                    else:
                        row.submission_key = submission_key
                        state = self._send(session, actor, link, row, complete or {}, form)
            except IntegrityError:
                # Another request with the same key or resume token won the race (or,
                # once in a blue moon, the receipt code collided): look again.
                continue
            if status != "open":
                raise closed_error(status, state)
            return state
        raise errors.fail(
            StorageError,
            errors.STORE_CONFLICT,
            "submit",
            say(
                "kunde inte skicka in svaret, försök igen",
                "the answer could not be sent, please try again",
            ),
        )

    def _sent_with_key(self, actor: LinkActor, submission_key: str) -> RespondentState | None:
        """The answer already sent with ``submission_key``, if any."""
        with self._read() as session:
            earlier = session.scalar(ROW_BY_KEY, {"submission_key": submission_key})
            if earlier is None:
                return None
            if earlier.link_id != actor.link_id:
                raise fail(LINK_FORBIDDEN, "submission_key", say("fel länk", "wrong link"))
            return row_state(earlier)

    def _send(
        self,
        session: Session,
        actor: LinkActor,
        link: InvitationLink,
        row: LinkResponse,
        answers: Answers,
        form: Form,
    ) -> RespondentState:
        row.answers = answers
        row.form_version = form.version
        row.submitted_at = utcnow()
        row.receipt = new_receipt()
        row.draft = None
        row.draft_saved_at = None
        row.late_at = None
        if row.id is None:
            session.flush()  # a new row: its id names it in the audit entry
        self.store._audit(
            session, actor, "submit", f"link {link.id} answer {row.id}", link.workspace_id
        )
        return row_state(row)

    def erase_own_draft(self, *, actor: LinkActor, resume: str | None) -> bool:
        """The respondent deletes their unsent draft (a sent answer stays: the members
        erase it by its receipt code). Whether there was one."""
        if not resume or len(resume) > 200:
            return False
        with self._write() as session:
            link = self._own_link(session, actor, lock=False)
            row = self._respondent_row(session, link, resume)
            if row is None or row.submitted_at is not None:
                return False
            session.delete(row)
            self.store._audit(
                session, actor, "erase", f"link {link.id} draft {row.id}", link.workspace_id
            )
            return True

    def _check(
        self, actor: Actor, form: Form, answers: dict[str, Any], *, partial: bool
    ) -> Answers:
        if not isinstance(actor, LinkActor):
            raise fail(
                LINK_FORBIDDEN,
                "actor",
                say(
                    "bara den som svarar via länken kan göra detta",
                    "only someone answering through the link can do this",
                ),
            )
        if form.id != actor.form_id or not form.shareable:
            raise fail(
                LINK_FORBIDDEN,
                form.id,
                say("länken gäller ett annat formulär", "the link is for another form"),
            )
        # A keyed column (stadforstad.keyed) is stored as its code here too.
        clean = protect_answers(form, check_answers(form, answers, partial=partial))
        if not has_answer(form, clean):
            raise fail(
                LINK_EMPTY,
                "",
                say(
                    "inget är besvarat ännu; svara på minst en fråga först",
                    "nothing is answered yet; answer at least one question first",
                ),
            )
        return clean
