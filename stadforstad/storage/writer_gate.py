"""One writer at a time per SQLite database inside this process, queued on a lock
instead of in SQLite's busy handler.

SQLite lets one transaction write at a time. A writer that finds the lock taken waits
in SQLite's busy handler, which sleeps between tries with a growing pause (1 ms, 2 ms,
5 ms … up to 100 ms), so fifty senders at once spend much of a burst asleep while
the database is free. Here a writer first takes its database's *gate*, an in-process
lock, then begins (``BEGIN IMMEDIATE``), and gives the gate back the moment its
transaction ends: commit, rollback, or the connection closing. The next writer wakes
at once. Between processes SQLite's lock and busy timeout still decide, as before.

The gate is held exactly while the connection is in a write transaction, so it cannot
be kept by an error: a failed ``BEGIN`` gives it back, a failed ``COMMIT`` keeps it
until the rollback that follows (SQLite still holds its lock then too). A thread that
already writes to a database and begins a second write transaction there (it could
only wait for itself) is refused at once with SQLite's own "database is locked", which
it would otherwise get after the busy timeout. Readers never take the gate.
"""

from __future__ import annotations

import os
import sqlite3
import threading

from sqlalchemy.exc import OperationalError

#: How long a writer waits for SQLite's lock, or for the gate, before "database is
#: locked" (seconds): the one figure for the driver, the busy handler and the gate.
BUSY_SECONDS = 30


class WriterGate:
    """The in-process lock of one database file; knows which thread holds it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: int | None = None

    def acquire(self, timeout: float = BUSY_SECONDS) -> None:
        if self._owner == threading.get_ident():
            raise _locked("this thread is already writing to the database")
        if not self._lock.acquire(timeout=timeout):
            raise _locked(f"no turn to write within {timeout:g} s")
        self._owner = threading.get_ident()

    def release(self) -> None:
        self._owner = None
        self._lock.release()

    def held(self) -> bool:
        return self._lock.locked()


def _locked(why: str) -> OperationalError:
    # The same error SQLite gives when its busy timeout runs out, so callers see one kind.
    return OperationalError(
        "BEGIN IMMEDIATE", None, sqlite3.OperationalError(f"database is locked ({why})")
    )


class _Gates:
    """Every database file's gate in this process."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._lock = threading.Lock()
        self._by_file: dict[str, WriterGate] = {}

    def get(self, path: str) -> WriterGate:
        with self._lock:
            return self._by_file.setdefault(path, WriterGate())


_GATES = _Gates()
# A forked child starts with one thread: a gate (or the registry's lock) that another
# thread of the parent held at the fork would never be given back there.
os.register_at_fork(after_in_child=_GATES.reset)


def gate_for(database: str | None) -> WriterGate | None:
    """The gate of a database file (one per file, however many engines open it).
    ``None`` for an in-memory database (each connection is a database of its own) and
    a ``file:`` URI (its writers wait in SQLite's busy handler, as without a gate)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return _GATES.get(os.path.realpath(database))


class GatedConnection(sqlite3.Connection):
    """A sqlite3 connection (the driver's ``factory``) that holds its database's gate
    from :meth:`take_gate` until its transaction ends."""

    gate: WriterGate | None = None
    _holds = False

    def take_gate(self) -> None:
        """Wait for the database's gate; call before ``BEGIN IMMEDIATE`` and
        :meth:`settle` after it (which gives the gate back if no transaction began)."""
        if self.gate is not None and not self._holds:
            self.gate.acquire()
            self._holds = True

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self.settle()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self.settle()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._give_back()

    def settle(self) -> None:
        """Give the gate back unless a transaction is still open (a failed COMMIT
        leaves it open until the rollback)."""
        if self._holds and not self.in_transaction:
            self._give_back()

    def _give_back(self) -> None:
        if self._holds and self.gate is not None:
            self._holds = False
            self.gate.release()
