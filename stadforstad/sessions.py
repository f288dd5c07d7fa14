"""Server-side sign-ins ("inloggning" in the interface; never "session" there).

A sign-in is a row in ``user_sessions``. The browser carries a random token in an
HttpOnly cookie (``stadforstad.web`` sets it); the database keeps only the token's
SHA-256, so a copy of the database signs nobody in. Getting the cookie into the
browser takes one step more than the sign-in itself, because Streamlit talks to the
browser over a websocket that cannot set cookies:

1. ``start_session`` (after the password check): a row without a token, and a
   one-time *handoff code* (valid ``HANDOFF_SECONDS``) that the page hands to the
   browser;
2. the browser posts the code to ``/_stadforstad/signin``; ``redeem_handoff`` makes
   the token, stores its hash and clears the code, and the route sets the cookie.

The tab that signed in keeps the row's id in its Streamlit state (server-side, never
in the browser) and is signed in at once; every later page load (a reload, a new tab,
a typed address) finds the row through the cookie.

A sign-in ends when unused for ``session_idle_hours`` (default 8), at
``session_max_hours`` after it began (default 12) whatever happens, and at once when
its row is deleted: signing out and a new password end every sign-in of that user.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult, Delete, delete, or_, select, update
from sqlalchemy.orm import Session

from stadforstad.settings import get_settings
from stadforstad.storage.repository import Store
from stadforstad.storage.tables import UserSession, utcnow

#: The browser has this long to fetch its cookie with the handoff code.
HANDOFF_SECONDS = 60
#: ``last_seen_at`` is written at most this often (not on every click).
TOUCH_EVERY = dt.timedelta(minutes=1)

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class SignIn:
    id: int
    user_id: int
    expires_at: dt.datetime


def deleted(session: Session, statement: Delete) -> int:
    """Run a DELETE; how many rows it removed."""
    return cast(CursorResult, session.execute(statement)).rowcount


def digest(secret: str) -> str:
    """The SHA-256 (hex) stored in place of a token or a code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes; everything here is stored in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _limits() -> tuple[dt.timedelta, dt.timedelta]:
    settings = get_settings()
    return (
        dt.timedelta(hours=settings.session_idle_hours),
        dt.timedelta(hours=settings.session_max_hours),
    )


def start_session(store: Store, *, user_id: int, clock: Clock = utcnow) -> tuple[SignIn, str]:
    """A new sign-in for ``user_id`` (whose password or identity was just checked),
    and the one-time code the browser exchanges for its cookie."""
    now = clock()
    idle, longest = _limits()
    code = secrets.token_urlsafe(32)
    with store.write_session() as session:
        # Ended sign-ins go when a new one starts: the table holds live ones only.
        deleted(
            session,
            delete(UserSession).where(
                or_(UserSession.expires_at <= now, UserSession.last_seen_at <= now - idle)
            ),
        )
        row = UserSession(
            user_id=user_id,
            handoff_hash=digest(code),
            handoff_expires_at=now + dt.timedelta(seconds=HANDOFF_SECONDS),
            created_at=now,
            last_seen_at=now,
            expires_at=now + longest,
        )
        session.add(row)
        session.flush()
        return SignIn(row.id, user_id, row.expires_at), code


def redeem_handoff(store: Store, *, code: str, clock: Clock = utcnow) -> tuple[str, SignIn] | None:
    """Exchange a handoff code, once and within its minute, for the cookie's token."""
    now = clock()
    token = secrets.token_urlsafe(32)
    with store.write_session() as session:
        row = session.scalar(
            select(UserSession)
            .where(UserSession.handoff_hash == digest(code or ""))
            .with_for_update()
        )
        if row is None:
            return None
        row.handoff_hash = None  # used, whatever happens next
        if _aware(row.handoff_expires_at or now) < now or not _alive(row, now):
            return None
        row.handoff_expires_at = None
        row.token_hash = digest(token)
        return token, SignIn(row.id, row.user_id, _aware(row.expires_at))


def resume_session(
    store: Store,
    *,
    session_id: int | None = None,
    token: str | None = None,
    clock: Clock = utcnow,
) -> SignIn | None:
    """The live sign-in with this id (the tab that signed in) or this cookie token
    (any other page load), noting that it was used; None if it has ended."""
    if session_id is None and not token:
        return None
    now = clock()
    with store.read_session() as session:
        query = select(UserSession)
        if session_id is not None:
            query = query.where(UserSession.id == session_id)
        else:
            query = query.where(UserSession.token_hash == digest(token or ""))
        row = session.scalar(query)
        if row is None:
            return None
        found = SignIn(row.id, row.user_id, _aware(row.expires_at))
        alive, stale = _alive(row, now), _aware(row.last_seen_at) <= now - TOUCH_EVERY
    if not alive:
        with store.write_session() as session:
            deleted(session, delete(UserSession).where(UserSession.id == found.id))
        return None
    if stale:
        with store.write_session() as session:
            session.execute(
                update(UserSession).where(UserSession.id == found.id).values(last_seen_at=now)
            )
    return found


def _alive(row: UserSession, now: dt.datetime) -> bool:
    idle, _longest = _limits()
    return _aware(row.expires_at) > now and _aware(row.last_seen_at) > now - idle


def handoff_pending(store: Store, *, session_id: int) -> bool:
    """True while the browser has not yet fetched the cookie of this sign-in."""
    with store.read_session() as session:
        return bool(
            session.scalar(select(UserSession.handoff_hash).where(UserSession.id == session_id))
        )


def end_sessions(store: Store, *, user_id: int) -> int:
    """End every sign-in of a user (signing out, a new password); how many ended."""
    with store.write_session() as session:
        return deleted(session, delete(UserSession).where(UserSession.user_id == user_id))


def end_sessions_by_token(store: Store, *, token: str) -> int:
    """Signing out from the browser's cookie alone: end every sign-in of its user."""
    with store.write_session() as session:
        user_id = session.scalar(
            select(UserSession.user_id).where(UserSession.token_hash == digest(token or ""))
        )
        if user_id is None:
            return 0
        return deleted(session, delete(UserSession).where(UserSession.user_id == user_id))
