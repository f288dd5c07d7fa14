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
Someone who already answers through the link is told more: a respondent whose draft
is saved (their resume token matches), or whose session opened the link while it was
open, still gets the link; whatever they write or send after it closed or filled up
is kept as a *late draft* (``late_at``), which the members see and which counts
toward no cap and no compilation (``LINK_010``).

Unsent drafts expire ``link_draft_days`` after their last save (``LinkLimits``): an
expired draft is no longer resumed or counted, and ``stadforstad purge`` deletes it.
Draft saves and submissions are rate-limited per link and per client address
(``link_throttle.py``); the address itself is never stored.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, select

from stadforstad.errors import (
    LINK_BAD_SETTING,
    LINK_EMPTY,
    LINK_FORBIDDEN,
    LINK_LATE,
    LINK_NO_DRAFT,
    LINK_NOT_FOUND,
    LINK_NOT_SHAREABLE,
    LINK_THROTTLED,
    LINK_TOO_LONG,
    LINK_UNUSABLE,
    say,
)
from stadforstad.i18n import LANGUAGES
from stadforstad.schema import Form
from stadforstad.storage.link_answers import LinkAnswers
from stadforstad.storage.link_respondents import RespondentLinks
from stadforstad.storage.link_rows import InvitationLink, LinkResponse, row_info
from stadforstad.storage.link_throttle import LinkLimits
from stadforstad.storage.link_values import (
    INTRO_PLACEHOLDERS,
    MAX_CONTACT,
    MAX_INDUSTRY,
    MAX_INTRO,
    MAX_LABEL,
    MAX_NAME,
    TIME_ZONE,
    UNUSABLE_MESSAGE,
    UNUSABLE_MESSAGE_EN,
    CreatedLink,
    Identity,
    LinkActor,
    LinkAnswer,
    LinkClosedError,
    LinkError,
    LinkInfo,
    LinkThrottledError,
    RespondentState,
    clean_line,
    fail,
    hash_token,
    link_url,
    new_receipt,
    new_token,
    strip_controls,
    today,
)
from stadforstad.storage.repository import Actor
from stadforstad.storage.tables import Workspace, utcnow

#: The names callers import from here (the values and rows live in sibling modules).
__all__ = [
    "LINK_BAD_SETTING",
    "LINK_EMPTY",
    "LINK_FORBIDDEN",
    "LINK_LATE",
    "LINK_NOT_FOUND",
    "LINK_NOT_SHAREABLE",
    "LINK_NO_DRAFT",
    "LINK_THROTTLED",
    "LINK_TOO_LONG",
    "LINK_UNUSABLE",
    "MAX_CONTACT",
    "MAX_INDUSTRY",
    "MAX_INTRO",
    "MAX_LABEL",
    "MAX_NAME",
    "TIME_ZONE",
    "UNUSABLE_MESSAGE",
    "UNUSABLE_MESSAGE_EN",
    "CreatedLink",
    "Identity",
    "InvitationLink",
    "LinkActor",
    "LinkAnswer",
    "LinkClosedError",
    "LinkError",
    "LinkInfo",
    "LinkLimits",
    "LinkResponse",
    "LinkStore",
    "LinkThrottledError",
    "RespondentState",
    "hash_token",
    "link_url",
    "new_receipt",
    "new_token",
    "today",
]


class LinkStore(LinkAnswers, RespondentLinks):
    """Invitation links: the members' calls on the links, the answers sent through them
    (from :class:`LinkAnswers`) and the respondent's calls (from :class:`RespondentLinks`)."""

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
        lang: str = "sv",
    ) -> CreatedLink:
        """A new link; the returned token is the only time it is seen in clear."""
        self._require(actor.can_write(workspace_id), actor, f"workspace {workspace_id}")
        if not form.shareable:
            raise fail(
                LINK_NOT_SHAREABLE,
                form.id,
                say(
                    "det här formuläret kan inte skickas med en inbjudningslänk",
                    "this form cannot be sent with an invitation link",
                ),
            )
        label = clean_line(label, MAX_LABEL, "label") or ""
        intro = strip_controls(intro or "", keep="\t\n\r").strip()
        if len(intro) > MAX_INTRO:
            raise fail(
                LINK_TOO_LONG,
                "intro",
                say(
                    f"introduktionen får vara högst {MAX_INTRO} tecken",
                    f"the introduction may be at most {MAX_INTRO} characters",
                ),
            )
        left = next((p for p in INTRO_PLACEHOLDERS if p.casefold() in intro.casefold()), None)
        if left:
            raise fail(
                LINK_BAD_SETTING,
                "intro",
                say(
                    f"byt ut {left} i introduktionen mot hur de svarande når er",
                    f"replace {left} in the introduction with how the respondents reach you",
                ),
            )
        if lang not in LANGUAGES:
            raise fail(
                LINK_BAD_SETTING,
                "lang",
                say(
                    f"språket måste vara ett av {', '.join(LANGUAGES)}",
                    f"the language must be one of {', '.join(LANGUAGES)}",
                ),
            )
        if closes_on is not None and closes_on < today():
            raise fail(
                LINK_BAD_SETTING,
                "closes_on",
                say(
                    "sista svarsdagen har redan passerat; välj i dag eller senare",
                    "the last day for answers has already passed; choose today or later",
                ),
            )
        if max_answers is not None and max_answers < 1:
            raise fail(
                LINK_BAD_SETTING,
                "max_answers",
                say(
                    "högsta antal svar måste vara minst 1",
                    "the highest number of answers must be at least 1",
                ),
            )
        token = new_token()
        with self._write() as session:
            if session.get(Workspace, workspace_id) is None:
                raise fail(
                    LINK_NOT_FOUND,
                    f"workspace {workspace_id}",
                    say("kommunen finns inte", "the municipality does not exist"),
                )
            row = InvitationLink(
                workspace_id=workspace_id,
                form_id=form.id,
                token_hash=hash_token(token),
                label=label,
                intro=intro,
                ask_identity=ask_identity,
                closes_on=closes_on,
                max_answers=max_answers,
                lang=lang,
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
            return CreatedLink(info=row_info(row), token=token)

    def list_links(
        self, *, actor: Actor, workspace_id: int, form_id: str | None = None
    ) -> list[LinkInfo]:
        """The workspace's links, newest first, with answers, drafts and the last answer."""
        self._require(actor.can_read(workspace_id), actor, f"workspace {workspace_id}")
        sent = func.count(LinkResponse.submitted_at)
        unsent = and_(LinkResponse.submitted_at.is_(None), self._live())
        drafts = func.sum(case((unsent, 1), else_=0))
        late = func.sum(case((and_(unsent, LinkResponse.late_at.is_not(None)), 1), else_=0))
        query = (
            select(InvitationLink, sent, drafts, func.max(LinkResponse.submitted_at), late)
            .outerjoin(LinkResponse, LinkResponse.link_id == InvitationLink.id)
            .where(InvitationLink.workspace_id == workspace_id)
            .group_by(InvitationLink.id)
            .order_by(InvitationLink.id.desc())
        )
        if form_id is not None:
            query = query.where(InvitationLink.form_id == form_id)
        with self._read() as session:
            return [
                row_info(row, answers=int(n or 0), drafts=int(d or 0), last=last, late=int(k or 0))
                for row, n, d, last, k in session.execute(query)
            ]

    def get_link(self, *, actor: Actor, link_id: int) -> LinkInfo:
        with self._read() as session:
            row = session.get(InvitationLink, link_id)
            if row is None or not actor.can_read(row.workspace_id) or isinstance(actor, LinkActor):
                # The same answer whether it does not exist or is not yours.
                raise fail(
                    LINK_NOT_FOUND,
                    f"link {link_id}",
                    say("länken finns inte", "the link does not exist"),
                )
            workspace_id = row.workspace_id
        return next(
            i for i in self.list_links(actor=actor, workspace_id=workspace_id) if i.id == link_id
        )

    def revoke_link(self, *, actor: Actor, link_id: int) -> LinkInfo:
        """Stop a link for good. Answers already sent stay."""
        with self._write() as session:
            row = session.get(InvitationLink, link_id)
            if row is None or not actor.can_read(row.workspace_id) or isinstance(actor, LinkActor):
                raise fail(
                    LINK_NOT_FOUND,
                    f"link {link_id}",
                    say("länken finns inte", "the link does not exist"),
                )
            self._require(actor.can_write(row.workspace_id), actor, f"link {link_id}")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
                self.store._audit(
                    session, actor, "revoke", f"link {row.id} ({row.form_id})", row.workspace_id
                )
        return self.get_link(actor=actor, link_id=link_id)
