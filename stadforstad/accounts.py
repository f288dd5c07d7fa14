"""Local accounts, sign-in and grants.

``authenticate`` turns a username and password into an :class:`Actor` with its grants;
``actor_for_oidc`` does the same for someone the identity provider (``st.login``)
vouches for. Everything else here is for administrators, except the very first
administrator of an empty installation.

Passwords are hashed with argon2 and never logged, stored in clear, put in an error
message or in the audit log. Failed sign-ins are slowed down per username, with a
wait that doubles after each failure and is kept in the database, so every replica
sees it (``login_throttle``).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stadforstad import errors
from stadforstad.errors import AuthError, ForbiddenError, StorageError
from stadforstad.storage.repository import ROLES, Actor, Store
from stadforstad.storage.tables import Grant, LoginThrottle, User, Workspace, utcnow

MIN_PASSWORD_LENGTH = 10
#: Hashing a megabyte of "password" is a cheap way to load the server: refuse it.
MAX_PASSWORD_LENGTH = 1024
#: Wait after the first failed sign-in; it doubles with each further failure ...
FIRST_DELAY = dt.timedelta(seconds=1)
#: ... up to this.
MAX_DELAY = dt.timedelta(minutes=15)
#: A wait up to this long is slept through (a typo costs a moment); a longer one is
#: refused at once with AUTH_003, so no server thread sits waiting for minutes.
SLEEP_AT_MOST = dt.timedelta(seconds=5)

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,199}$")
_hasher = PasswordHasher()
#: Verified against when the name is unknown, so that case takes as long as a wrong
#: password and timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("stad-för-stad-ingen-användare")

Sleep = Callable[[float], None]
Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    is_admin: bool
    #: False for accounts that sign in only through the identity provider.
    has_password: bool
    #: workspace id → role
    grants: dict[int, str]


# -- helpers ------------------------------------------------------------------------
def normalize_username(username: str) -> str:
    """Usernames are case-insensitive (they are often e-mail addresses)."""
    return (username or "").strip().lower()


def _check_username(username: str) -> str:
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_USERNAME,
            "username",
            "Användarnamnet får bara innehålla bokstäverna a–z, siffror och "
            ". _ @ + - (till exempel en e-postadress). Välj ett annat.",
        )
    return name


def _check_password(password: str, username: str) -> None:
    # The message names the rule, never the password.
    if len(password) < MIN_PASSWORD_LENGTH:
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_PASSWORD,
            "password",
            f"Lösenordet är för kort. Välj ett med minst {MIN_PASSWORD_LENGTH} tecken.",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_PASSWORD,
            "password",
            f"Lösenordet är för långt. Välj ett med högst {MAX_PASSWORD_LENGTH} tecken.",
        )
    if password.strip().lower() == username:
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_PASSWORD,
            "password",
            "Lösenordet får inte vara samma som användarnamnet. Välj ett annat.",
        )


def _forbidden(actor: Actor | None, what: str) -> ForbiddenError:
    who = actor.name if actor else "Ni"
    return errors.fail(
        ForbiddenError,
        errors.AUTH_FORBIDDEN,
        what,
        f"{who} har inte behörighet till detta. Be en administratör om hjälp.",
    )


def _require_admin(actor: Actor | None, what: str) -> Actor:
    if actor is None or not actor.is_admin:
        raise _forbidden(actor, what)
    return actor


def _not_found(what: str, message: str) -> StorageError:
    return errors.fail(StorageError, errors.STORE_NOT_FOUND, what, message)


def _user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normalize_username(username)))


def _grants(session: Session, user_id: int) -> dict[int, str]:
    rows = session.execute(select(Grant.workspace_id, Grant.role).where(Grant.user_id == user_id))
    return dict(rows.all())


def _info(session: Session, row: User) -> UserInfo:
    return UserInfo(
        row.id,
        row.username,
        row.display_name,
        row.is_admin,
        row.password_hash is not None,
        _grants(session, row.id),
    )


def _actor(session: Session, row: User) -> Actor:
    return Actor(
        name=row.username, user_id=row.id, is_admin=row.is_admin, grants=_grants(session, row.id)
    )


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite gives back naive datetimes; everything here is stored in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


# -- users --------------------------------------------------------------------------
def needs_first_admin(store: Store) -> bool:
    """True while the installation has no user at all: the first-run screen shows."""
    with store.read_session() as session:
        return not session.scalar(select(func.count()).select_from(User))


def create_user(
    store: Store,
    *,
    actor: Actor | None,
    username: str,
    password: str | None,
    admin: bool = False,
    display_name: str | None = None,
) -> UserInfo:
    """Create a user. Administrators may create anyone; when there are no users yet,
    anyone (``actor=None`` on the first-run screen) may create the first
    administrator. ``password=None`` makes an account that signs in only through
    the identity provider (username = their e-mail address)."""
    name = _check_username(username)
    if password is not None:
        _check_password(password, name)
    hashed = _hasher.hash(password) if password is not None else None
    with store.write_session() as session:
        if session.bind.dialect.name == "postgresql":
            # Two first-run screens at once must not both make "the first" administrator.
            session.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
        first = not session.scalar(select(func.count()).select_from(User))
        if first:
            if not admin:
                raise errors.fail(
                    AuthError,
                    errors.AUTH_FORBIDDEN,
                    "admin",
                    "Den första användaren måste vara administratör.",
                )
        else:
            _require_admin(actor, "users")
        if _user(session, name) is not None:
            raise errors.fail(
                StorageError,
                errors.STORE_DUPLICATE,
                "username",
                f"Det finns redan en användare som heter {name}. Välj ett annat användarnamn.",
            )
        row = User(
            username=name,
            display_name=(display_name or "").strip() or name,
            password_hash=hashed,
            is_admin=admin,
        )
        session.add(row)
        session.flush()
        who = actor if actor is not None and not first else Actor(name=name)
        store.record(
            session, who, "create", f"user {name}", detail="administratör" if admin else None
        )
        return _info(session, row)


def list_users(store: Store, *, actor: Actor) -> list[UserInfo]:
    _require_admin(actor, "users")
    with store.read_session() as session:
        return [
            _info(session, row) for row in session.scalars(select(User).order_by(User.username))
        ]


def set_password(store: Store, *, actor: Actor, username: str, password: str) -> None:
    """A new password: one's own, or anyone's by an administrator."""
    name = normalize_username(username)
    if not actor.is_admin and actor.name != name:
        raise _forbidden(actor, "users")
    _check_password(password, name)
    hashed = _hasher.hash(password)
    with store.write_session() as session:
        row = _user(session, name)
        if row is None:
            raise _not_found("username", f"Det finns ingen användare som heter {name}.")
        row.password_hash = hashed
        session.execute(delete(LoginThrottle).where(LoginThrottle.username == name))
        store.record(session, actor, "change", f"user {name}", detail="nytt lösenord")


def delete_user(store: Store, *, actor: Actor, username: str) -> None:
    """Remove an account and its grants (administrators; not oneself)."""
    _require_admin(actor, "users")
    name = normalize_username(username)
    if name == actor.name:
        raise errors.fail(
            AuthError,
            errors.AUTH_FORBIDDEN,
            "username",
            "Ni kan inte ta bort ert eget konto. Be en annan administratör.",
        )
    with store.write_session() as session:
        row = _user(session, name)
        if row is None:
            raise _not_found("username", f"Det finns ingen användare som heter {name}.")
        session.execute(delete(Grant).where(Grant.user_id == row.id))
        session.delete(row)
        store.record(session, actor, "delete", f"user {name}")


# -- grants -------------------------------------------------------------------------
def grant_role(store: Store, *, actor: Actor, username: str, workspace_id: int, role: str) -> None:
    """Give a user a role on a workspace (replacing the role they had there)."""
    _require_admin(actor, "grants")
    if role not in ROLES:
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_ROLE,
            "role",
            f"Okänd roll {role!r}. Välj en av: {', '.join(ROLES)}.",
        )
    name = normalize_username(username)
    with store.write_session() as session:
        user = _user(session, name)
        if user is None:
            raise _not_found("username", f"Det finns ingen användare som heter {name}.")
        if session.get(Workspace, workspace_id) is None:
            raise _not_found(f"workspace {workspace_id}", "Kommunen finns inte.")
        row = session.scalar(
            select(Grant).where(Grant.user_id == user.id, Grant.workspace_id == workspace_id)
        )
        if row is None:
            session.add(Grant(user_id=user.id, workspace_id=workspace_id, role=role))
        else:
            row.role = role
        store.record(session, actor, "grant", f"user {name}", workspace_id, detail=role)


def grant_roles(
    store: Store, *, actor: Actor, username: str, workspace_ids: list[int], role: str
) -> int:
    """Give a user one role on several workspaces in one step: one transaction, all
    or nothing, an audit entry per workspace. Returns how many were granted."""
    _require_admin(actor, "grants")
    if role not in ROLES:
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_ROLE,
            "role",
            f"Okänd roll {role!r}. Välj en av: {', '.join(ROLES)}.",
        )
    name = normalize_username(username)
    wanted = list(dict.fromkeys(workspace_ids))
    with store.write_session() as session:
        user = _user(session, name)
        if user is None:
            raise _not_found("username", f"Det finns ingen användare som heter {name}.")
        existing = set(session.scalars(select(Workspace.id).where(Workspace.id.in_(wanted))))
        missing = [w for w in wanted if w not in existing]
        if missing:
            raise _not_found(f"workspace {missing[0]}", "Kommunen finns inte.")
        rows = {
            row.workspace_id: row
            for row in session.scalars(
                select(Grant).where(Grant.user_id == user.id, Grant.workspace_id.in_(wanted))
            )
        }
        for workspace_id in wanted:
            if workspace_id in rows:
                rows[workspace_id].role = role
            else:
                session.add(Grant(user_id=user.id, workspace_id=workspace_id, role=role))
            store.record(session, actor, "grant", f"user {name}", workspace_id, detail=role)
    return len(wanted)


def revoke_role(store: Store, *, actor: Actor, username: str, workspace_id: int) -> bool:
    """Take away a user's role on a workspace; False if they had none."""
    _require_admin(actor, "grants")
    name = normalize_username(username)
    with store.write_session() as session:
        user = _user(session, name)
        if user is None:
            raise _not_found("username", f"Det finns ingen användare som heter {name}.")
        removed = session.execute(
            delete(Grant).where(Grant.user_id == user.id, Grant.workspace_id == workspace_id)
        ).rowcount
        if removed:
            store.record(session, actor, "revoke", f"user {name}", workspace_id)
        return bool(removed)


# -- who is acting ------------------------------------------------------------------
def actor_for_user(store: Store, *, username: str) -> Actor:
    """The actor for a signed-in user, with their grants as they are now. Call it on
    every rerun rather than keeping an Actor in the session: a revoked grant then
    takes effect at once."""
    with store.read_session() as session:
        row = _user(session, username)
        if row is None:
            raise errors.fail(
                AuthError,
                errors.AUTH_UNKNOWN_IDENTITY,
                "username",
                "Kontot finns inte längre. Logga in igen eller be en administratör om hjälp.",
            )
        return _actor(session, row)


def actor_for_oidc(store: Store, email: str | None, name: str | None = None) -> Actor:
    """The actor for someone the identity provider signed in (``st.user.email``).

    They must already have an account whose username is their e-mail address: an
    administrator decides who gets in and to which workspaces, so nobody is created
    here. ``name`` (``st.user.name``) fills in the display name the first time.
    """
    address = normalize_username(email or "")
    with store.write_session() as session:
        row = _user(session, address) if address else None
        if row is None:
            raise errors.fail(
                AuthError,
                errors.AUTH_UNKNOWN_IDENTITY,
                "email",
                f"Det finns inget konto för {address or 'er inloggning'} "
                "i Stad för stad. Be en administratör att lägga till er "
                "med den e-postadressen.",
            )
        if name and name.strip() and row.display_name == row.username:
            row.display_name = name.strip()[:200]
        return _actor(session, row)


def authenticate(
    store: Store, *, username: str, password: str, sleep: Sleep = time.sleep, clock: Clock = utcnow
) -> Actor:
    """Check a local sign-in. Wrong name and wrong password give the same error
    (AUTH_002). After a failure the next attempt for that name waits 1 s, then 2, 4 …
    up to 15 minutes; short waits are slept through (``sleep``), long ones refused at
    once with AUTH_003. ``sleep`` and ``clock`` are there for the tests."""
    name = normalize_username(username)[:200]  # the throttle's key has room for 200
    wait = _remaining_wait(store, name, clock())
    if wait > SLEEP_AT_MOST:
        seconds = int(wait.total_seconds()) + 1
        raise errors.fail(
            AuthError,
            errors.AUTH_THROTTLED,
            "username",
            f"För många misslyckade inloggningar. Vänta {_duration(seconds)} och försök igen.",
        )
    if wait > dt.timedelta(0):
        sleep(wait.total_seconds())

    with store.read_session() as session:
        row = _user(session, name)
        stored = row.password_hash if row is not None else None
    ok = _verify(stored or _DUMMY_HASH, password or "") and stored is not None
    if not ok:
        _record_failure(store, name, clock())
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_CREDENTIALS,
            "username",
            "Fel användarnamn eller lösenord. Försök igen.",
        )
    with store.write_session() as session:
        session.execute(delete(LoginThrottle).where(LoginThrottle.username == name))
        row = _user(session, name)
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        return _actor(session, row)


def _verify(hashed: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _remaining_wait(store: Store, name: str, now: dt.datetime) -> dt.timedelta:
    with store.read_session() as session:
        row = session.get(LoginThrottle, name)
        until = _aware(row.locked_until) if row is not None else None
    if until is None or until <= now:
        return dt.timedelta(0)
    return until - now


def _record_failure(store: Store, name: str, now: dt.datetime) -> None:
    with store.write_session() as session:
        query = select(LoginThrottle).where(LoginThrottle.username == name).with_for_update()
        row = session.scalar(query)
        if row is None:
            try:
                with session.begin_nested():
                    row = LoginThrottle(username=name, failed_logins=0)
                    session.add(row)
            except IntegrityError:  # another replica's failure at the same moment
                row = session.scalar(query)
        row.failed_logins += 1
        delay = min(FIRST_DELAY * 2 ** min(row.failed_logins - 1, 20), MAX_DELAY)
        row.locked_until = now + delay


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} sekunder"
    minutes = (seconds + 59) // 60
    return "1 minut" if minutes == 1 else f"{minutes} minuter"
