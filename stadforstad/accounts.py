"""Local accounts and their grants, kept by administrators; signing in is
``stadforstad.authentication``. The very first administrator comes from the command
line or from the web with the one-time setup code the server prints
(``stadforstad.first_admin``).

Passwords (``stadforstad.passwords``) are hashed with argon2 under a per-process cap
and never logged, stored in clear, put in an error message or in the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from stadforstad import errors, sessions, throttle
from stadforstad.errors import AuthError, ForbiddenError, StorageError, say
from stadforstad.passwords import check_password, hash_password
from stadforstad.sessions import deleted
from stadforstad.storage.repository import ROLES, Actor, Store
from stadforstad.storage.tables import Grant, User, Workspace

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,199}$")


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


def check_username(username: str) -> str:
    """The normalised username, or AUTH_006."""
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise errors.fail(
            AuthError,
            errors.AUTH_BAD_USERNAME,
            "username",
            say(
                "Användarnamnet får bara innehålla bokstäverna a–z, siffror och "
                ". _ @ + - (till exempel en e-postadress). Välj ett annat.",
                "A username may only hold the letters a–z, digits and . _ @ + - "
                "(an e-mail address, for example). Choose another.",
            ),
        )
    return name


def _forbidden(actor: Actor | None, what: str) -> ForbiddenError:
    who = actor.name if actor else "Ni"
    return errors.fail(
        ForbiddenError,
        errors.AUTH_FORBIDDEN,
        what,
        say(
            f"{who} har inte behörighet till detta. Be en administratör om hjälp.",
            f"{who} is not allowed to do this. Ask an administrator for help.",
        ),
    )


def _require_admin(actor: Actor | None, what: str) -> Actor:
    if actor is None or not actor.is_admin:
        raise _forbidden(actor, what)
    return actor


def _not_found(what: str, message: str) -> StorageError:
    return errors.fail(StorageError, errors.STORE_NOT_FOUND, what, message)


def find_user(session: Session, username: str) -> User | None:
    """The user called ``username`` (in any case), or ``None``."""
    return session.scalar(select(User).where(User.username == normalize_username(username)))


def _existing_user(session: Session, name: str) -> User:
    """The user called ``name``, or STORE_001."""
    row = find_user(session, name)
    if row is None:
        raise _not_found(
            "username",
            say(
                f"Det finns ingen användare som heter {name}.",
                f"There is no user called {name}.",
            ),
        )
    return row


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


def actor_of(session: Session, row: User) -> Actor:
    """The user as an actor, with their grants as they are now."""
    return Actor(
        name=row.username, user_id=row.id, is_admin=row.is_admin, grants=_grants(session, row.id)
    )


# -- users --------------------------------------------------------------------------
def needs_first_admin(store: Store) -> bool:
    """True while the installation has no user at all: the first-run screen shows."""
    with store.read_session() as session:
        return session.scalar(select(User.id).limit(1)) is None


def create_user(
    store: Store,
    *,
    actor: Actor,
    username: str,
    password: str | None,
    admin: bool = False,
    display_name: str | None = None,
) -> UserInfo:
    """Create a user (administrators only; the command line acts as the local
    administrator, ``Actor.local()``). ``password=None`` makes an account that signs
    in only through the identity provider (username = their e-mail address)."""
    _require_admin(actor, "users")
    name = check_username(username)
    if password is not None:
        check_password(password, username=name, display_name=display_name or "")
    hashed = hash_password(password) if password is not None else None
    with store.write_session() as session:
        row = insert_user(session, name, hashed, admin=admin, display_name=display_name)
        store.record(
            session, actor, "create", f"user {name}", detail="administratör" if admin else None
        )
        return _info(session, row)


def insert_user(
    session: Session, name: str, hashed: str | None, *, admin: bool, display_name: str | None
) -> User:
    """Add a user row (the name already checked), refusing a name that is taken."""
    if find_user(session, name) is not None:
        raise errors.fail(
            StorageError,
            errors.STORE_DUPLICATE,
            "username",
            say(
                f"Det finns redan en användare som heter {name}. Välj ett annat användarnamn.",
                f"There is already a user called {name}. Choose another username.",
            ),
        )
    row = User(
        username=name,
        display_name=(display_name or "").strip() or name,
        password_hash=hashed,
        is_admin=admin,
    )
    session.add(row)
    session.flush()
    return row


def list_users(store: Store, *, actor: Actor) -> list[UserInfo]:
    _require_admin(actor, "users")
    with store.read_session() as session:
        return [
            _info(session, row) for row in session.scalars(select(User).order_by(User.username))
        ]


def set_password(store: Store, *, actor: Actor, username: str, password: str) -> None:
    """A new password: one's own, or anyone's by an administrator. Every sign-in of
    that user ends (whoever knew the old password is out), and the account's failed
    attempts are forgotten."""
    name = normalize_username(username)
    if not actor.is_admin and actor.name != name:
        raise _forbidden(actor, "users")
    with store.read_session() as session:
        found = find_user(session, name)
        shown = found.display_name if found is not None else ""
    check_password(password, username=name, display_name=shown)
    hashed = hash_password(password)
    with store.write_session() as session:
        row = _existing_user(session, name)
        row.password_hash = hashed
        user_id = row.id
        store.record(session, actor, "change", f"user {name}", detail="nytt lösenord")
    sessions.end_sessions(store, user_id=user_id)
    throttle.forget(store, throttle.account_key(name))


def delete_user(store: Store, *, actor: Actor, username: str) -> None:
    """Remove an account and its grants (administrators; not oneself)."""
    _require_admin(actor, "users")
    name = normalize_username(username)
    if name == actor.name:
        raise errors.fail(
            AuthError,
            errors.AUTH_FORBIDDEN,
            "username",
            say(
                "Ni kan inte ta bort ert eget konto. Be en annan administratör.",
                "You cannot delete your own account. Ask another administrator.",
            ),
        )
    with store.write_session() as session:
        row = _existing_user(session, name)
        deleted(session, delete(Grant).where(Grant.user_id == row.id))
        session.delete(row)
        store.record(session, actor, "delete", f"user {name}")


# -- grants -------------------------------------------------------------------------
def grant_role(store: Store, *, actor: Actor, username: str, workspace_id: int, role: str) -> None:
    """Give a user a role on a workspace (replacing the role they had there)."""
    grant_roles(store, actor=actor, username=username, workspace_ids=[workspace_id], role=role)


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
            say(
                f"Okänd roll {role!r}. Välj en av: {', '.join(ROLES)}.",
                f"Unknown role {role!r}. Choose one of: {', '.join(ROLES)}.",
            ),
        )
    name = normalize_username(username)
    wanted = list(dict.fromkeys(workspace_ids))
    with store.write_session() as session:
        user = _existing_user(session, name)
        existing = set(session.scalars(select(Workspace.id).where(Workspace.id.in_(wanted))))
        missing = [w for w in wanted if w not in existing]
        if missing:
            raise _not_found(
                f"workspace {missing[0]}",
                say("Kommunen finns inte.", "The municipality does not exist."),
            )
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
        user = _existing_user(session, name)
        removed = deleted(
            session,
            delete(Grant).where(Grant.user_id == user.id, Grant.workspace_id == workspace_id),
        )
        if removed:
            store.record(session, actor, "revoke", f"user {name}", workspace_id)
        return bool(removed)
