"""Making the engine: SQLite with WAL, busy timeout, foreign keys, ``secure_delete`` and
BEGIN IMMEDIATE for writes; PostgreSQL through psycopg 3 with the same code.

Erasure on SQLite: ``secure_delete`` overwrites deleted rows with zeros in the file,
and after a transaction that erased data (one whose audit entry says so) the write-ahead log (which still holds the
pages as they were) is checkpointed and truncated. So an answer erased on request is
gone from the database file and its log, not only unreachable.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from stadforstad.storage.writer_gate import BUSY_SECONDS, GatedConnection, gate_for

#: Execution option that marks a connection as a writer (SQLite: BEGIN IMMEDIATE).
WRITE = "stadforstad_write"


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``; with ``create`` the database is created or upgraded to
    the newest schema through the migrations (never through ``create_all``, so a new
    database and an upgraded one are the same)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, parsed.database)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if create and not at_head(engine):
        from stadforstad.storage.migrate import upgrade_database

        upgrade_database(engine)
    return engine


def dialect_insert(dialect_name: str):
    """The dialect's own ``insert`` (with ``on_conflict_do_…``): PostgreSQL's or
    SQLite's. Imported when first asked for: importing PostgreSQL's dialect package
    loads every driver it knows and its catalogue's tables (about 0.2 s), which a
    server on SQLite never needs, nor a page that writes nothing."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


_REVISION = re.compile(r"^revision\b[^=\n]*=\s*(.+)$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=\n]*=\s*(.+)$", re.M)
_QUOTED = re.compile(r"[\'\"]([^\'\"]+)[\'\"]")


@functools.cache
def head_from_files() -> str | None:
    """The one head revision the migration files name, read as text (without importing
    Alembic); None when it cannot be told that way (no files, several heads, a file
    written differently), and then Alembic decides."""
    from stadforstad.resources import MIGRATIONS_DIR

    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted((Path(MIGRATIONS_DIR) / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        named = _QUOTED.findall(revision.group(1)) if revision else []
        if len(named) != 1 or down is None:
            return None
        revisions.add(named[0])
        downs.update(_QUOTED.findall(down.group(1)))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def at_head(engine: Engine) -> bool:
    """The database is at the newest revision: checked with one query, so a restarted
    server does not import Alembic (about a third of a second) to find nothing to do."""
    head = head_from_files()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            found = [
                row[0]
                for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            ]
    except SQLAlchemyError:
        return False  # no version table yet: a new database
    return found == [head]


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    gate = gate_for(database)
    engine = create_engine(
        url,
        connect_args={
            "timeout": BUSY_SECONDS,
            "check_same_thread": False,
            "factory": GatedConnection,
        },
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # The driver must not open transactions by itself: we emit BEGIN below.
        dbapi_connection.isolation_level = None
        dbapi_connection.gate = gate
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # A deferred transaction that reads first fails at once with SQLITE_BUSY when
        # it later wants to write; writers take the write lock up front instead, after
        # their turn at the database's gate (writer_gate.py: no sleeping in SQLite's
        # busy handler while another thread of this process writes).
        if connection.get_execution_options().get(WRITE):
            raw = connection.connection.dbapi_connection
            gated = isinstance(raw, GatedConnection)
            if gated:
                raw.take_gate()
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                if gated:
                    raw.settle()  # gives the gate back if BEGIN failed
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


# -- erasure: no copy of a deleted row left in SQLite's write-ahead log -----------------
_ERASED = "stadforstad_erased"


def mark_erasure(session: Session) -> None:
    """This transaction erases data (a person's answer on request, a deleted
    municipality, expired data): once it commits, SQLite's log is emptied too. Ordinary
    deletes (a throttle's old window, a replaced draft) do not pay for that."""
    session.info[_ERASED] = True


@event.listens_for(Session, "after_commit")
def _truncate_log_after_erasure(session: Session) -> None:
    if not session.info.pop(_ERASED, False):
        return
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        truncate_log(bind)


@event.listens_for(Session, "after_rollback")
def _forget_erasure(session: Session) -> None:
    session.info.pop(_ERASED, None)


def truncate_log(engine) -> None:
    """Copy SQLite's write-ahead log into the database and empty it. Best effort: a
    reader in the middle of a long read keeps it from finishing, and the next erasure
    tries again."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        connection.close()
