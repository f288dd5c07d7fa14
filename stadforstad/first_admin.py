"""The first administrator of a new installation.

Two ways, and only two:

- on the server: ``stadforstad users create NAME --admin`` (whoever can run commands
  there owns the installation anyway);
- in the browser, with the one-time setup code ("engångskod") that the server prints
  when it starts without any user (``announce_setup_code``). Reaching the web page is
  not enough: before, anyone who found a fresh installation first became its
  administrator.

A code is 12 characters from an alphabet without look-alikes (60 bits), valid for
``CODE_HOURS``, used once, and stored only as its SHA-256. Each replica that starts
prints a code of its own; any of them works.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sys
from collections.abc import Callable
from typing import TextIO

from sqlalchemy import delete, select, text

from stadforstad import errors, throttle
from stadforstad.accounts import UserInfo, check_username, insert_user, needs_first_admin
from stadforstad.errors import AuthError, Problem, SignInError, say
from stadforstad.passwords import check_password, hash_password
from stadforstad.sessions import deleted, digest
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.tables import SetupCode, User, utcnow

CODE_HOURS = 24
#: Crockford's base 32: no I, L, O or U, so a code read aloud or retyped survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LENGTH = 12

Clock = Callable[[], dt.datetime]


def normalize_code(code: str) -> str:
    """What was typed, as stored: upper case, without spaces and dashes, with the
    look-alikes read the way Crockford's alphabet reads them."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch not in " -\t")
    return cleaned.translate(str.maketrans("ILO", "110"))


def issue_setup_code(store: Store, *, clock: Clock = utcnow) -> str:
    """A new one-time code (formatted ``XXXX-XXXX-XXXX``); only its hash is kept."""
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
    now = clock()
    with store.write_session() as session:
        deleted(session, delete(SetupCode).where(SetupCode.expires_at <= now))
        session.add(
            SetupCode(code_hash=digest(code), expires_at=now + dt.timedelta(hours=CODE_HOURS))
        )
    return "-".join(code[i : i + 4] for i in range(0, _LENGTH, 4))


def has_setup_code(store: Store, *, clock: Clock = utcnow) -> bool:
    with store.read_session() as session:
        return (
            session.scalar(
                select(SetupCode.code_hash).where(SetupCode.expires_at > clock()).limit(1)
            )
            is not None
        )


def announce_setup_code(
    store: Store, *, out: TextIO | None = None, clock: Clock = utcnow
) -> str | None:
    """On an installation without users: issue a code and print it for the operator
    (the terminal, or the server's log). Returns the code, or None when there are
    users already."""
    if not needs_first_admin(store):
        return None
    code = issue_setup_code(store, clock=clock)
    until = clock() + dt.timedelta(hours=CODE_HOURS)
    stream = out or sys.stdout
    print(
        "\n"
        "  Stad för stad har ingen administratör än. / Stad för stad has no administrator yet.\n"
        f"  Engångskod / one-time code: {code}  (giltig till / valid until {until:%Y-%m-%d %H:%M} UTC)\n"
        "  Skriv den i webbläsaren för att skapa den första administratören, eller kör\n"
        "  / type it in the browser to create the first administrator, or run:\n"
        "      uv run stadforstad users create NAMN --admin\n",
        file=stream,
        flush=True,
    )
    return code


def _bad_code() -> SignInError:
    return SignInError(
        problems=[
            Problem(
                errors.AUTH_BAD_SETUP_CODE,
                "setup_code",
                "Engångskoden stämmer inte, är redan använd eller för gammal. Använd koden "
                "som servern skrev ut senast (starta om servern för en ny).",
            )
        ],
        en="The one-time code is wrong, already used or too old. Use the code the server "
        "printed last (restart the server for a new one).",
    )


def create_first_admin(
    store: Store,
    *,
    setup_code: str,
    username: str,
    password: str,
    display_name: str | None = None,
    address: throttle.Key | None = None,
    clock: Clock = utcnow,
) -> UserInfo:
    """Create the first administrator from the web, with a valid one-time code.

    A wrong code counts as a failed sign-in of the client ``address``. The check of
    the code, the check that there is still no user, and the creation happen in one
    transaction, so two browsers at once cannot both become "the first"."""
    name = check_username(username)
    check_password(password, username=name, display_name=display_name or "")
    keys = [throttle.Key("setup:first-admin", free=throttle.ADDRESS_FREE)]
    keys += [address] if address is not None else []
    throttle.take_turn(store, keys, clock=clock)
    hashed = hash_password(password)
    with store.write_session() as session:
        if store.engine.dialect.name == "postgresql":
            # Serialises two first-run screens (SQLite's BEGIN IMMEDIATE already does).
            session.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
        if session.scalar(select(User.id).limit(1)) is not None:
            raise errors.fail(
                AuthError,
                errors.AUTH_FORBIDDEN,
                "admin",
                say(
                    "Det finns redan en administratör. Logga in, eller be den om ett konto.",
                    "There already is an administrator. Sign in, or ask them for an account.",
                ),
            )
        used = deleted(
            session,
            delete(SetupCode).where(
                SetupCode.code_hash == digest(normalize_code(setup_code)),
                SetupCode.expires_at > clock(),
            ),
        )
        if not used:
            raise _bad_code()
        deleted(session, delete(SetupCode))  # the installation has its administrator
        row = insert_user(session, name, hashed, admin=True, display_name=display_name)
        store.record(
            session, Actor(name=name), "create", f"user {name}", detail="administratör (engångskod)"
        )
        info = UserInfo(row.id, row.username, row.display_name, True, True, {})
    throttle.give_back(store, keys, clock=clock)
    return info
