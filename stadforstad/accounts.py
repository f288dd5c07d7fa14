"""Local accounts, sign-in and grants.

``authenticate`` turns a username and password into an :class:`Actor` with its grants;
``actor_for_oidc`` does the same for someone the identity provider (``st.login``)
vouches for. Everything else here is for administrators; the very first
administrator comes from the command line or from the web with the one-time setup
code the server prints (``stadforstad.first_admin``).

Passwords (``stadforstad.passwords``) are hashed with argon2 under a per-process cap
and never logged, stored in clear, put in an error message or in the audit log.
Failed sign-ins are slowed down per username and per client address, atomically and
in the database, so every replica sees the same waits (``stadforstad.throttle``).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from stadforstad import errors, sessions, throttle
from stadforstad.errors import AuthError, ForbiddenError, Problem, SignInError, StorageError, say
from stadforstad.passwords import check_password, hash_password, needs_rehash, verify_password
from stadforstad.sessions import deleted
from stadforstad.storage.repository import ROLES, Actor, Store
from stadforstad.storage.tables import Grant, User, Workspace, utcnow

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,199}$")

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
    if _user(session, name) is not None:
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
        found = _user(session, name)
        shown = found.display_name if found is not None else ""
    check_password(password, username=name, display_name=shown)
    hashed = hash_password(password)
    with store.write_session() as session:
        row = _user(session, name)
        if row is None:
            raise _not_found(
                "username",
                say(
                    f"Det finns ingen användare som heter {name}.",
                    f"There is no user called {name}.",
                ),
            )
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
        row = _user(session, name)
        if row is None:
            raise _not_found(
                "username",
                say(
                    f"Det finns ingen användare som heter {name}.",
                    f"There is no user called {name}.",
                ),
            )
        deleted(session, delete(Grant).where(Grant.user_id == row.id))
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
            say(
                f"Okänd roll {role!r}. Välj en av: {', '.join(ROLES)}.",
                f"Unknown role {role!r}. Choose one of: {', '.join(ROLES)}.",
            ),
        )
    name = normalize_username(username)
    with store.write_session() as session:
        user = _user(session, name)
        if user is None:
            raise _not_found(
                "username",
                say(
                    f"Det finns ingen användare som heter {name}.",
                    f"There is no user called {name}.",
                ),
            )
        if session.get(Workspace, workspace_id) is None:
            raise _not_found(
                f"workspace {workspace_id}",
                say("Kommunen finns inte.", "The municipality does not exist."),
            )
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
            say(
                f"Okänd roll {role!r}. Välj en av: {', '.join(ROLES)}.",
                f"Unknown role {role!r}. Choose one of: {', '.join(ROLES)}.",
            ),
        )
    name = normalize_username(username)
    wanted = list(dict.fromkeys(workspace_ids))
    with store.write_session() as session:
        user = _user(session, name)
        if user is None:
            raise _not_found(
                "username",
                say(
                    f"Det finns ingen användare som heter {name}.",
                    f"There is no user called {name}.",
                ),
            )
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
        user = _user(session, name)
        if user is None:
            raise _not_found(
                "username",
                say(
                    f"Det finns ingen användare som heter {name}.",
                    f"There is no user called {name}.",
                ),
            )
        removed = deleted(
            session,
            delete(Grant).where(Grant.user_id == user.id, Grant.workspace_id == workspace_id),
        )
        if removed:
            store.record(session, actor, "revoke", f"user {name}", workspace_id)
        return bool(removed)


# -- who is acting ------------------------------------------------------------------
def _gone() -> AuthError:
    return errors.fail(
        AuthError,
        errors.AUTH_UNKNOWN_IDENTITY,
        "username",
        say(
            "Kontot finns inte längre. Logga in igen eller be en administratör om hjälp.",
            "The account no longer exists. Sign in again or ask an administrator for help.",
        ),
    )


def actor_for_user(store: Store, *, username: str) -> Actor:
    """The actor for a signed-in user, with their grants as they are now. Call it on
    every rerun rather than keeping an Actor in the session: a revoked grant then
    takes effect at once."""
    with store.read_session() as session:
        row = _user(session, username)
        if row is None:
            raise _gone()
        return _actor(session, row)


def actor_for_user_id(store: Store, *, user_id: int) -> Actor:
    """As ``actor_for_user``, for the user of a sign-in (``sessions.SignIn.user_id``)."""
    with store.read_session() as session:
        row = session.get(User, user_id)
        if row is None:
            raise _gone()
        return _actor(session, row)


def _claim_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def actor_for_oidc(store: Store, claims: Mapping[str, Any]) -> Actor:
    """The actor for someone the identity provider signed in (the ID token's claims,
    ``st.user``).

    An account matches on the provider's subject (``iss`` + ``sub``) once it is bound
    to it, and otherwise only on an e-mail address the provider says it has verified
    (``email_verified``, or Entra ID's ``xms_edov``); that first match binds the
    subject. An unverified address never matches (AUTH_011): anyone can put someone
    else's address on an account at many providers. Nobody is created here: an
    administrator decides who gets in and to which workspaces. ``name`` fills in the
    display name the first time.
    """
    subject = f"{claims.get('iss') or ''} {claims.get('sub') or ''}".strip()
    address = normalize_username(str(claims.get("email") or ""))
    verified = _claim_true(claims.get("email_verified")) or _claim_true(claims.get("xms_edov"))
    with store.write_session() as session:
        row = None
        if claims.get("sub"):
            row = session.scalar(select(User).where(User.oidc_subject == subject))
        if row is None and address:
            candidate = _user(session, address)
            if candidate is not None and not verified:
                raise SignInError(
                    problems=[
                        Problem(
                            errors.AUTH_UNVERIFIED_EMAIL,
                            "email",
                            f"Er organisation har inte bekräftat e-postadressen {address}, "
                            "så Stad för stad kan inte lita på den. Be er IT-avdelning "
                            "eller en administratör om hjälp.",
                        )
                    ],
                    en=f"Your organisation has not verified the e-mail address {address}, "
                    "so Stad för stad cannot trust it. Ask your IT department or an "
                    "administrator for help.",
                )
            if candidate is not None and candidate.oidc_subject not in (None, subject):
                candidate = None  # bound to another account at the provider
            if candidate is not None and claims.get("sub"):
                candidate.oidc_subject = subject
            row = candidate
        if row is None:
            raise SignInError(
                problems=[
                    Problem(
                        errors.AUTH_UNKNOWN_IDENTITY,
                        "email",
                        f"Det finns inget konto för {address or 'er inloggning'} "
                        "i Stad för stad. Be en administratör att lägga till er "
                        "med den e-postadressen.",
                    )
                ],
                en=f"There is no account for {address or 'your sign-in'} in Stad för "
                "stad. Ask an administrator to add you with that e-mail address.",
            )
        name = str(claims.get("name") or "").strip()
        if name and row.display_name == row.username:
            row.display_name = name[:200]
        return _actor(session, row)


def _bad_credentials() -> SignInError:
    return SignInError(
        problems=[
            Problem(
                errors.AUTH_BAD_CREDENTIALS,
                "username",
                "Fel användarnamn eller lösenord. Försök igen.",
            )
        ],
        en="Wrong username or password. Try again.",
    )


def authenticate(
    store: Store,
    *,
    username: str,
    password: str,
    address: throttle.Key | None = None,
    sleep: Sleep = time.sleep,
    clock: Clock = utcnow,
) -> Actor:
    """Check a local sign-in. Wrong name and wrong password give the same error
    (AUTH_002). Each attempt first takes its turn on the name and on the client
    ``address`` (``throttle.address_key``): a name or an address that failed too
    often waits, or is refused with AUTH_003 without any password being checked.
    ``sleep`` and ``clock`` are there for the tests."""
    name = normalize_username(username)[:200]
    keys = [throttle.account_key(name), *([address] if address is not None else [])]
    throttle.take_turn(store, keys, sleep=sleep, clock=clock)
    with store.read_session() as session:
        row = _user(session, name)
        stored = row.password_hash if row is not None else None
    if not verify_password(stored, password or ""):
        raise _bad_credentials()  # the failure was counted when the turn was taken
    throttle.give_back(store, keys, clock=clock)
    with store.write_session() as session:
        row = _user(session, name)
        if row is None:  # deleted in the meantime
            raise _bad_credentials()
        if row.password_hash and needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        return _actor(session, row)
