"""Slowing down password guessing, per account and per client address, atomically.

Before a password is checked, the attempt takes a *turn* for each of its keys in one
write transaction that locks the keys' rows: the turn counts as a failure up front and
moves each key's ``locked_until`` forward. Parallel attempts therefore see each other:
of 24 guesses at one name sent at once, only the first is checked, the others find
the name locked (the old code read the wait, checked the password and only then wrote
the failure, so all 24 were checked). A successful sign-in gives the turn back.

- An account (``user:<name>``, known or not) may fail once; after that each further
  attempt waits 1 s, 2 s, 4 s … up to 15 minutes.
- A client address (``addr:<keyed hash>``) may fail ``ADDRESS_FREE`` times in a row
  without a wait (an office behind one address has many people with typos); each
  further failure makes it wait the same way.
  The address itself is never stored: only an HMAC of it under the server's secret.
- A key is forgotten ``FORGET_AFTER`` after its last failure.

Waits up to ``SLEEP_AT_MOST`` are slept through (a typo costs a moment); a longer one
is refused at once with AUTH_003 and the time left, so no server thread sits waiting.
The state lives in the database: every replica sees the same waits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from stadforstad import errors
from stadforstad.errors import Problem, SignInError
from stadforstad.storage.engine import dialect_insert
from stadforstad.storage.repository import Store
from stadforstad.storage.tables import SignInThrottle, utcnow

#: Wait after an account's first failure; it doubles with each further failure ...
FIRST_DELAY = dt.timedelta(seconds=1)
#: ... up to this.
MAX_DELAY = dt.timedelta(minutes=15)
#: Failures in a row a client address may have before it has to wait.
ADDRESS_FREE = 10
SLEEP_AT_MOST = dt.timedelta(seconds=5)
FORGET_AFTER = dt.timedelta(hours=24)

Sleep = Callable[[float], None]
Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class Key:
    """One thing attempts are counted for. ``free``: failures allowed without a wait."""

    value: str
    free: int = 0


def account_key(username: str) -> Key:
    return Key(f"user:{username[:200]}")


def address_key(address: str | None, secret: str) -> Key:
    """The key of a client address: an HMAC-SHA256 under ``secret`` (the server's
    cookie secret), so the table never holds an address, and the hashes cannot be
    reversed by trying all 2³² IPv4 addresses without the secret. ``None`` (the app
    reached on this machine) is one key of its own."""
    digest = hmac.new(secret.encode(), (address or "local").encode(), hashlib.sha256)
    return Key(f"addr:{digest.hexdigest()}", free=ADDRESS_FREE)


def delay_after(failures: int, free: int) -> dt.timedelta:
    """The wait before the next attempt, after ``failures`` failures in a row."""
    over = failures - free
    if over <= 0:
        return dt.timedelta(0)
    return min(FIRST_DELAY * 2 ** min(over - 1, 20), MAX_DELAY)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite gives back naive datetimes; everything here is stored in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def take_turn(
    store: Store, keys: Sequence[Key], *, sleep: Sleep = time.sleep, clock: Clock = utcnow
) -> None:
    """Take a turn for an attempt on all ``keys``, or refuse with AUTH_003.

    A short wait is slept through once; if another attempt took the turn meanwhile,
    this one is refused."""
    for last_try in (False, True):
        wait = _try_turn(store, keys, clock())
        if wait <= dt.timedelta(0):
            return
        if last_try or wait > SLEEP_AT_MOST:
            raise _throttled(wait)
        sleep(wait.total_seconds())


def give_back(store: Store, keys: Sequence[Key], *, clock: Clock = utcnow) -> None:
    """The attempt succeeded: an account's failures are forgotten, and the turn an
    address took is returned (its earlier failures still count)."""
    now = clock()
    with store.write_session() as session:
        for key in keys:
            if not key.free:
                session.execute(delete(SignInThrottle).where(SignInThrottle.key == key.value))
                continue
            row = session.scalar(
                select(SignInThrottle).where(SignInThrottle.key == key.value).with_for_update()
            )
            if row is None:
                continue
            row.failures = max(row.failures - 1, 0)
            pause = delay_after(row.failures, key.free)
            row.locked_until = now + pause if pause else None


def forget(store: Store, key: Key) -> None:
    """Forget a key's failures (a new password set by an administrator)."""
    with store.write_session() as session:
        session.execute(delete(SignInThrottle).where(SignInThrottle.key == key.value))


class _Locked(Exception):
    """Leaves the transaction (rolled back: nothing counted) with the wait."""

    def __init__(self, wait: dt.timedelta):
        super().__init__()
        self.wait = wait


def _try_turn(store: Store, keys: Sequence[Key], now: dt.datetime) -> dt.timedelta:
    """In one transaction: lock the keys' rows; if any is locked, return the longest
    wait and change nothing; otherwise count a failure on each and return 0."""
    try:
        with store.write_session() as session:
            session.execute(
                delete(SignInThrottle).where(SignInThrottle.last_failure_at < now - FORGET_AFTER)
            )
            insert = dialect_insert(store.engine.dialect.name)
            rows = []
            for key in sorted(keys, key=lambda k: k.value):  # one lock order: no deadlock
                session.execute(
                    insert(SignInThrottle)
                    .values(key=key.value, failures=0, locked_until=None, last_failure_at=now)
                    .on_conflict_do_nothing(index_elements=["key"])
                )
                row = session.scalar(
                    select(SignInThrottle)
                    .where(SignInThrottle.key == key.value)
                    .with_for_update()
                    .execution_options(populate_existing=True)
                )
                assert row is not None  # inserted just above, or there already
                rows.append((key, row))
            wait = max(
                ((_aware(row.locked_until) or now) - now for _key, row in rows),
                default=dt.timedelta(0),
            )
            if wait > dt.timedelta(0):
                raise _Locked(wait)
            for key, row in rows:
                row.failures += 1
                row.last_failure_at = now
                pause = delay_after(row.failures, key.free)
                row.locked_until = now + pause if pause else None
    except _Locked as locked:
        return locked.wait
    return dt.timedelta(0)


def _throttled(wait: dt.timedelta) -> SignInError:
    seconds = int(wait.total_seconds()) + (1 if wait.total_seconds() % 1 else 0)
    return SignInError(
        problems=[
            Problem(
                errors.AUTH_THROTTLED,
                "username",
                f"För många misslyckade inloggningar. Vänta {duration_sv(seconds)} "
                "och försök igen.",
            )
        ],
        en=f"Too many failed sign-ins. Wait {duration_en(seconds)} and try again.",
        wait_seconds=seconds,
    )


def duration_sv(seconds: int) -> str:
    if seconds < 60:
        return "1 sekund" if seconds == 1 else f"{seconds} sekunder"
    minutes = (seconds + 59) // 60
    return "1 minut" if minutes == 1 else f"{minutes} minuter"


def duration_en(seconds: int) -> str:
    if seconds < 60:
        return "1 second" if seconds == 1 else f"{seconds} seconds"
    minutes = (seconds + 59) // 60
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
