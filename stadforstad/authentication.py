"""Signing in: who is acting.

``authenticate`` turns a username and password into an :class:`Actor` with its grants;
``actor_for_oidc`` does the same for someone the identity provider (``st.login``)
vouches for; ``actor_for_user_id`` for the user of a sign-in on every rerun.

Failed sign-ins are slowed down per username and per client address, atomically and
in the database, so every replica sees the same waits (``stadforstad.throttle``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from stadforstad import errors, throttle
from stadforstad.accounts import actor_of, find_user, normalize_username
from stadforstad.errors import AuthError, Problem, SignInError, say
from stadforstad.passwords import hash_password, needs_rehash, verify_password
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.tables import User, utcnow


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


def actor_for_user_id(store: Store, *, user_id: int) -> Actor:
    """The actor for the user of a sign-in (``sessions.SignIn.user_id``), with their
    grants as they are now. Call it on every rerun rather than keeping an Actor in the
    session: a revoked grant then takes effect at once."""
    with store.read_session() as session:
        row = session.get(User, user_id)
        if row is None:
            raise _gone()
        return actor_of(session, row)


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
            candidate = find_user(session, address)
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
        return actor_of(session, row)


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
    sleep: throttle.Sleep = time.sleep,
    clock: throttle.Clock = utcnow,
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
        row = find_user(session, name)
        stored = row.password_hash if row is not None else None
    if not verify_password(stored, password or ""):
        raise _bad_credentials()  # the failure was counted when the turn was taken
    throttle.give_back(store, keys, clock=clock)
    with store.write_session() as session:
        row = find_user(session, name)
        if row is None:  # deleted in the meantime
            raise _bad_credentials()
        if row.password_hash and needs_rehash(row.password_hash):
            row.password_hash = hash_password(password)
        return actor_of(session, row)
