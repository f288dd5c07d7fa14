"""Each user's own settings, kept in the database so they follow the user to another
tab, another day and another computer: the language, the last municipality used, and
which participant of a municipality is the user themself ("Det här är jag").

Every call takes the acting user and checks here, in the storage layer, that they act
for themselves and may see the municipality (and, to link a participant, write in
it). The single local user of an installation without accounts (``Actor.local()``,
no ``user_id``) has no row: the page keeps that user's choices in the session and the
address instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import DateTime, ForeignKey, String, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from stadforstad import errors
from stadforstad.errors import ForbiddenError, StorageError, say
from stadforstad.i18n import LANGUAGES
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.tables import Base, Respondent, User, Workspace, utcnow


class UserPreference(Base):
    """One row per user who has chosen something."""

    __tablename__ = "user_preferences"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    #: ``sv`` or ``en``; ``None``: the installation's default.
    language: Mapped[str | None] = mapped_column(String(2), nullable=True)
    #: The municipality chosen last; cleared when it is deleted.
    last_workspace_id: Mapped[int | None] = mapped_column(
        ForeignKey("workspaces.id", ondelete="SET NULL"), nullable=True
    )
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UserParticipant(Base):
    """A user is this participant in this municipality: "Vem svarar?" starts there.
    A participant is one person, so at most one user may claim them."""

    __tablename__ = "user_participants"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True
    )
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondents.id", ondelete="CASCADE"), unique=True
    )
    linked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(frozen=True)
class Preferences:
    language: str | None = None
    last_workspace_id: int | None = None


def _no_user(actor: Actor) -> StorageError:
    return errors.fail(
        StorageError,
        errors.PREF_NO_USER,
        "user",
        say(
            "inställningar sparas bara för inloggade användare",
            "settings are kept only for signed-in users",
        ),
    )


def _forbidden(actor: Actor, workspace_id: int) -> ForbiddenError:
    return errors.fail(
        ForbiddenError,
        errors.AUTH_FORBIDDEN,
        f"workspace {workspace_id}",
        say(
            f"{actor.name} har inte behörighet till detta",
            f"{actor.name} is not allowed to do this",
        ),
    )


class PreferenceStore:
    """The preferences of the acting user, through the ``Store``'s transactions."""

    def __init__(self, store: Store):
        self.store = store

    def preferences(self, *, actor: Actor) -> Preferences:
        """The user's saved choices; empty for the local user. A remembered municipality
        the user can no longer read is left out."""
        if actor.user_id is None:
            return Preferences()
        with self.store.read_session() as session:
            row = session.get(UserPreference, actor.user_id)
            if row is None:
                return Preferences()
            last = row.last_workspace_id
            return Preferences(
                language=row.language,
                last_workspace_id=last if last is not None and actor.can_read(last) else None,
            )

    def _row(self, session, actor: Actor) -> UserPreference:
        assert actor.user_id is not None
        if session.get(User, actor.user_id) is None:  # the account was deleted meanwhile
            raise errors.fail(
                StorageError,
                errors.STORE_NOT_FOUND,
                f"user {actor.user_id}",
                say("finns inte", "does not exist"),
            )
        row = session.get(UserPreference, actor.user_id)
        if row is None:
            row = UserPreference(user_id=actor.user_id)
            session.add(row)
        return row

    def save_language(self, *, actor: Actor, language: str) -> None:
        if language not in LANGUAGES:
            raise errors.fail(
                StorageError,
                errors.STORE_INVALID,
                "language",
                say(f"okänt språk {language!r}", f"unknown language {language!r}"),
            )
        if actor.user_id is None:
            raise _no_user(actor)
        with self.store.write_session() as session:
            row = self._row(session, actor)
            if row.language != language:
                row.language, row.updated_at = language, utcnow()

    def remember_workspace(self, *, actor: Actor, workspace_id: int) -> None:
        """Keep the municipality the user works in now, for their next sign-in."""
        if actor.user_id is None:
            raise _no_user(actor)
        if not actor.can_read(workspace_id):
            raise _forbidden(actor, workspace_id)
        with self.store.write_session() as session:
            if session.get(Workspace, workspace_id) is None:
                raise errors.fail(
                    StorageError,
                    errors.STORE_NOT_FOUND,
                    f"workspace {workspace_id}",
                    say("finns inte", "does not exist"),
                )
            row = self._row(session, actor)
            if row.last_workspace_id != workspace_id:
                row.last_workspace_id, row.updated_at = workspace_id, utcnow()

    def own_participant(self, *, actor: Actor, workspace_id: int) -> int | None:
        """The id of the participant the user is in this municipality, if linked."""
        if actor.user_id is None:
            return None
        if not actor.can_read(workspace_id):
            raise _forbidden(actor, workspace_id)
        with self.store.read_session() as session:
            return session.scalar(
                select(UserParticipant.respondent_id).where(
                    UserParticipant.user_id == actor.user_id,
                    UserParticipant.workspace_id == workspace_id,
                )
            )

    def link_participant(self, *, actor: Actor, workspace_id: int, respondent_id: int) -> None:
        """ "Det här är jag": the user is this participant in the municipality (it replaces
        an earlier link). Refused when another user has already claimed the participant."""
        if actor.user_id is None:
            raise _no_user(actor)
        if not actor.can_write(workspace_id):
            raise _forbidden(actor, workspace_id)
        try:
            with self.store.write_session() as session:
                person = session.get(Respondent, respondent_id)
                if person is None or person.workspace_id != workspace_id:
                    raise errors.fail(
                        StorageError,
                        errors.STORE_NOT_FOUND,
                        f"respondent {respondent_id}",
                        say("finns inte", "does not exist"),
                    )
                session.execute(
                    delete(UserParticipant).where(
                        UserParticipant.user_id == actor.user_id,
                        UserParticipant.workspace_id == workspace_id,
                    )
                )
                session.flush()
                session.add(
                    UserParticipant(
                        user_id=actor.user_id,
                        workspace_id=workspace_id,
                        respondent_id=respondent_id,
                    )
                )
                session.flush()
                self.store.record(
                    session,
                    actor,
                    "link",
                    f"respondent {respondent_id} to user {actor.user_id}",
                    workspace_id,
                )
        except IntegrityError:
            raise errors.fail(
                StorageError,
                errors.PREF_TAKEN,
                f"respondent {respondent_id}",
                say(
                    "deltagaren är redan kopplad till en annan användare",
                    "the participant is already linked to another user",
                ),
            ) from None
