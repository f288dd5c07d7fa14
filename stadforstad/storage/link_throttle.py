"""The rate limit on invitation links: draft saves and submissions counted per link and
per client address in fixed windows, in the database (so several replicas share it).

Nothing here can lead back to a person: a client address is never stored. Its bucket
is named by an HMAC of the address under a random key of the day; the key is deleted
the day after, and a bucket row lives only until its window ends (then the first count
of a later window, or ``stadforstad purge``, removes it). The count is taken in the
caller's write transaction, so a refused write (which rolls back) is not counted, and
two writers at once cannot both take the last place (SQLite: ``BEGIN IMMEDIATE``;
PostgreSQL: ``INSERT … ON CONFLICT DO UPDATE`` locks the bucket row).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, Integer, String, bindparam, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from stadforstad.settings import get_settings
from stadforstad.storage.engine import dialect_insert
from stadforstad.storage.tables import Base


class LinkThrottle(Base):
    """One count: writes through one link, or from one client, in one window."""

    __tablename__ = "link_throttle"
    #: ``link:<id>:<window>`` or ``client:<hmac>:<window>``.
    bucket: Mapped[str] = mapped_column(String(120), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    #: The end of the window: the row means nothing after it.
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class LinkThrottleKey(Base):
    """The random key of one day (UTC) that client addresses are hashed with."""

    __tablename__ = "link_throttle_keys"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True)
class LinkLimits:
    """How many writes a link and a client may make in a window, and how long an unsent
    draft is kept. Defaults from the settings (``STADFORSTAD_LINK_*``)."""

    per_address: int = 60
    per_link: int = 300
    window_seconds: int = 600
    draft_days: int = 30

    @classmethod
    def from_settings(cls) -> LinkLimits:
        settings = get_settings()
        return cls(
            per_address=settings.link_rate_per_address,
            per_link=settings.link_rate_per_link,
            window_seconds=settings.link_rate_window_seconds,
            draft_days=settings.link_draft_days,
        )


def _insert(session: Session):
    return dialect_insert(session.get_bind().dialect.name)


def _day_secret(session: Session, day: dt.date) -> str:
    statement = (
        _insert(session)(LinkThrottleKey.__table__)
        .values(day=day, secret=secrets.token_hex(32))
        .on_conflict_do_nothing(index_elements=[LinkThrottleKey.day])
    )
    session.execute(statement)
    return session.scalars(select(LinkThrottleKey.secret).where(LinkThrottleKey.day == day)).one()


@functools.cache
def _bump_statement(dialect_name: str) -> Any:
    """Built once per dialect: the count runs in every write, inside the writer's turn."""
    table = LinkThrottle.__table__
    return (
        # The table, not the class: a plain statement, not SQLAlchemy's ORM bulk insert.
        dialect_insert(dialect_name)(table)
        .values(
            bucket=bindparam("bucket", type_=table.c.bucket.type),
            hits=1,
            expires_at=bindparam("expires_at", type_=table.c.expires_at.type),
        )
        .on_conflict_do_update(index_elements=[table.c.bucket], set_={"hits": table.c.hits + 1})
        .returning(table.c.hits)
    )


def _bump(session: Session, bucket: str, expires_at: dt.datetime) -> int:
    statement = _bump_statement(session.get_bind().dialect.name)
    return int(
        session.execute(statement, {"bucket": bucket, "expires_at": expires_at}).scalar_one()
    )


#: The last window each database was swept in, by this process.
_swept: dict[str, int] = {}


def _sweep(session: Session, window: int, now: dt.datetime, oldest_key: dt.date) -> None:
    """Delete ended windows' rows and keys older than ``oldest_key``: once a window per
    database and process, not in every write (it ran inside the writer's turn). A sweep
    rolled back with its write is done by the purge or the next window's first count."""
    database = str(session.get_bind().engine.url)
    if _swept.get(database) == window:
        return
    session.execute(delete(LinkThrottle).where(LinkThrottle.expires_at < now))
    session.execute(delete(LinkThrottleKey).where(LinkThrottleKey.day < oldest_key))
    _swept[database] = window


def count_write(
    session: Session,
    *,
    link_id: int,
    client: str | None,
    limits: LinkLimits,
    now: dt.datetime | None = None,
) -> int | None:
    """Count one write through ``link_id`` from ``client`` (an address group, see
    ``client.address_group``; ``None`` when unknown: only the link is counted).

    Returns ``None`` when the write may go ahead, else the seconds until the window
    ends. The caller refuses the write then, and its rollback takes the count back.
    """
    now = now or dt.datetime.now(dt.UTC)
    window = int(now.timestamp()) // limits.window_seconds
    start = dt.datetime.fromtimestamp(window * limits.window_seconds, dt.UTC)
    ends = start + dt.timedelta(seconds=limits.window_seconds)
    _sweep(session, window, now, start.date() - dt.timedelta(days=1))
    over = _bump(session, f"link:{link_id}:{window}", ends) > limits.per_link
    if client is not None:
        secret = _day_secret(session, start.date())
        digest = hmac.new(secret.encode(), client.encode(), hashlib.sha256).hexdigest()[:40]
        over = _bump(session, f"client:{digest}:{window}", ends) > limits.per_address or over
    if not over:
        return None
    return max(1, int((ends - now).total_seconds()) + 1)


def purge_throttle(session: Session, *, now: dt.datetime, dry_run: bool = False) -> int:
    """Remove ended windows and keys older than yesterday; the number of rows."""
    old_rows = LinkThrottle.expires_at < now
    old_keys = LinkThrottleKey.day < now.date() - dt.timedelta(days=1)
    count = int(session.scalar(select(func.count()).select_from(LinkThrottle).where(old_rows)) or 0)
    count += int(
        session.scalar(select(func.count()).select_from(LinkThrottleKey).where(old_keys)) or 0
    )
    if not dry_run:
        session.execute(delete(LinkThrottle).where(old_rows))
        session.execute(delete(LinkThrottleKey).where(old_keys))
    return count
