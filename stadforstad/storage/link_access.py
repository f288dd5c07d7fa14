"""What every invitation-link call stands on: the :class:`Store` it works through (same
engine, same transactions), the draft limits, which rows still count (a sent answer or
a draft that has not expired), and the members' guard. :class:`RespondentLinks` (the
respondent's calls) and :class:`LinkAnswers` (the members' reading of what was sent)
build on it; ``LinkStore`` joins them with the members' calls on the links themselves.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager

from sqlalchemy import func, or_
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.errors import ForbiddenError, say
from stadforstad.storage.link_rows import LinkResponse
from stadforstad.storage.link_throttle import LinkLimits
from stadforstad.storage.link_values import LinkActor, draft_cutoff
from stadforstad.storage.repository import Actor, Store


class LinkAccess:
    """The link calls' common ground on top of a :class:`Store`."""

    def __init__(self, store: Store, *, limits: LinkLimits | None = None):
        self.store = store
        self.limits = limits or LinkLimits.from_settings()

    def cutoff(self, now: dt.datetime | None = None) -> dt.datetime:
        """Unsent drafts last saved before this moment have expired."""
        return draft_cutoff(self.limits.draft_days, now)

    def _live(self, now: dt.datetime | None = None):
        """SQL: the respondent row is a sent answer or a draft that has not expired."""
        return or_(
            LinkResponse.submitted_at.is_not(None),
            func.coalesce(LinkResponse.draft_saved_at, LinkResponse.created_at) >= self.cutoff(now),
        )

    # Store's transactions are the one way to write (SQLite: BEGIN IMMEDIATE).
    def _read(self) -> AbstractContextManager[Session]:
        return self.store._read()

    def _write(self) -> AbstractContextManager[Session]:
        return self.store._write()

    @staticmethod
    def _require(allowed: bool, actor: Actor, what: str) -> None:
        if not allowed or isinstance(actor, LinkActor):
            raise errors.fail(
                ForbiddenError,
                errors.AUTH_FORBIDDEN,
                what,
                say(
                    f"{actor.name} har inte behörighet till detta",
                    f"{actor.name} is not allowed to do this",
                ),
            )
