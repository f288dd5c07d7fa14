"""Retention: what the app deletes once its time is up, run by ``stadforstad purge``
(daily, from cron or a systemd timer; ``--dry-run`` only counts).

One literal registry, :data:`RETENTIONS`. Each entry removes one kind of expired data
in the purge's transaction and says how many rows it removed. A new kind is one more
entry here, nothing else (``eskortsidor``: the escort-site adverts, issue 12).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from stadforstad.storage.link_drafts import purge_link_drafts
from stadforstad.storage.link_throttle import purge_throttle
from stadforstad.storage.repository import Actor, Store
from stadforstad.storage.sensitive import purge_eskortsidor
from stadforstad.storage.tables import utcnow

#: ``purge(session, now=…, dry_run=…) -> rows`` removes (or with ``dry_run`` only counts)
#: what has expired at ``now``.
Purge = Callable[..., int]


@dataclass(frozen=True)
class Retention:
    """One kind of data with a time limit."""

    purge: Purge
    #: What it is and for how long it is kept, for ``--help`` and the operator.
    description: str


RETENTIONS: dict[str, Retention] = {
    "link_drafts": Retention(
        purge_link_drafts,
        "unsent drafts of invitation links, STADFORSTAD_LINK_DRAFT_DAYS (30) days after "
        "their last save",
    ),
    "link_throttle": Retention(
        purge_throttle,
        "rate-limit counts of invitation links once their window has ended, and the "
        "day keys client addresses were hashed with, after a day",
    ),
    "eskortsidor": Retention(
        purge_eskortsidor,
        "advert rows of the escort-site form (eskortsidor), "
        "STADFORSTAD_ESKORTSIDOR_RETENTION_MONTHS (12) months after their date",
    ),
}


def purge_expired(
    store: Store,
    *,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    kinds: list[str] | None = None,
    actor: Actor | None = None,
) -> dict[str, int]:
    """Run every retention (or those named in ``kinds``) in one transaction; rows
    removed per kind. What was removed is counted in the audit log, never shown."""
    now = now or utcnow()
    chosen = {name: RETENTIONS[name] for name in (kinds or list(RETENTIONS))}
    counts: dict[str, int] = {}
    with store.write_session() as session:
        for name, retention in chosen.items():
            counts[name] = retention.purge(session, now=now, dry_run=dry_run)
        if not dry_run and any(counts.values()):
            _audit(store, session, actor or Actor.local(), counts)
    return counts


def _audit(store: Store, session: Session, actor: Actor, counts: dict[str, int]) -> None:
    detail = ", ".join(f"{name}={count}" for name, count in counts.items() if count)
    store.record(session, actor, "purge", "expired data", None, detail=detail)
