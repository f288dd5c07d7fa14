"""The SQLite writer gate (``storage/writer_gate.py``): one writer at a time per database
file within a process, held exactly for a write transaction. It is given back after an
error, a failed BEGIN and a failed COMMIT's rollback; two threads' writes both land;
nested use (a savepoint, a read, a second writer in the same thread) never deadlocks;
PostgreSQL has none. No timings: a thread that should finish is joined with a generous
timeout only so that a deadlock fails the test instead of hanging it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from stadforstad.storage import Store, make_engine
from stadforstad.storage.tables import Workspace
from stadforstad.storage.writer_gate import GatedConnection, WriterGate, gate_for

DEADLOCK = 60  # seconds: only ever reached when something hangs


def _gate(store: Store) -> WriterGate:
    gate = gate_for(store.engine.url.database)
    assert gate is not None
    return gate


def _names(store: Store) -> set[str]:
    with store.read_session() as session:
        return set(session.scalars(select(Workspace.name)))


def _in_thread(work) -> list[BaseException]:
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=DEADLOCK)
    assert not thread.is_alive(), "deadlock: the other writer never got its turn"
    return failures


@pytest.fixture
def sqlite_store(sqlite_url: str):
    engine = make_engine(sqlite_url)
    yield Store(engine)
    engine.dispose()


def test_gate_is_given_back_after_an_error_in_the_transaction(sqlite_store, admin) -> None:
    with pytest.raises(ZeroDivisionError), sqlite_store.write_session() as session:
        session.add(Workspace(name="Rullas tillbaka"))
        session.flush()
        assert _gate(sqlite_store).held()
        1 / 0  # noqa: B018 - the error under test
    assert not _gate(sqlite_store).held()
    assert _in_thread(lambda: sqlite_store.create_workspace(actor=admin, name="Efteråt")) == []
    assert _names(sqlite_store) == {"Efteråt"}


def test_two_threads_writes_both_land_in_turn(sqlite_store, admin) -> None:
    inside, go_on = threading.Event(), threading.Event()
    second_done = threading.Event()

    def first() -> None:
        with sqlite_store.write_session() as session:
            session.add(Workspace(name="Först"))
            session.flush()
            inside.set()
            assert go_on.wait(DEADLOCK)

    def second() -> None:
        assert inside.wait(DEADLOCK)
        sqlite_store.create_workspace(actor=admin, name="Sedan")
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert inside.wait(DEADLOCK)
    assert not second_done.is_set()  # it waits for the first writer's turn to end
    go_on.set()
    for thread in threads:
        thread.join(timeout=DEADLOCK)
    assert not any(thread.is_alive() for thread in threads)
    assert second_done.is_set()
    assert _names(sqlite_store) == {"Först", "Sedan"}
    assert not _gate(sqlite_store).held()


def test_two_engines_on_one_file_share_the_gate(sqlite_url, sqlite_store, admin) -> None:
    other = make_engine(sqlite_url, create=False)
    try:
        assert gate_for(other.url.database) is _gate(sqlite_store)
        with sqlite_store.write_session() as session:
            session.connection()  # the transaction begins at its first use
            assert _gate(sqlite_store).held()
        Store(other).create_workspace(actor=admin, name="Andra motorn")
        assert _names(sqlite_store) == {"Andra motorn"}
    finally:
        other.dispose()


def test_savepoints_and_reads_inside_a_write_do_not_wait_for_the_gate(sqlite_store, admin) -> None:
    def nested() -> None:
        with sqlite_store.write_session() as session:
            session.add(Workspace(name="Yttre"))
            with session.begin_nested():
                session.add(Workspace(name="Sparpunkt"))
            with pytest.raises(ZeroDivisionError), session.begin_nested():
                session.add(Workspace(name="Ångrad"))
                session.flush()
                1 / 0  # noqa: B018 - rolls back to the savepoint only
            assert _names(sqlite_store) == set()  # a reader on its own connection
        assert not _gate(sqlite_store).held()

    assert _in_thread(nested) == []
    assert _names(sqlite_store) == {"Yttre", "Sparpunkt"}


def test_a_second_writer_in_the_same_thread_is_refused_at_once(sqlite_store, admin) -> None:
    # It could only wait for itself; SQLite's busy timeout would refuse it after 30 s.
    def twice() -> None:
        with sqlite_store.write_session() as session:
            session.add(Workspace(name="Yttre"))
            session.flush()  # the outer transaction has begun: the gate is this thread's
            with pytest.raises(OperationalError, match="database is locked"):
                sqlite_store.create_workspace(actor=admin, name="Inre")
        assert not _gate(sqlite_store).held()

    assert _in_thread(twice) == []
    assert _names(sqlite_store) == {"Yttre"}


def _gated(path: Path, gate: WriterGate) -> GatedConnection:
    connection = sqlite3.connect(path, factory=GatedConnection, isolation_level=None)
    assert isinstance(connection, GatedConnection)
    connection.gate = gate
    return connection


def test_a_failed_begin_gives_the_gate_back(tmp_path) -> None:
    path, gate = tmp_path / "db.sqlite", WriterGate()
    other = sqlite3.connect(path, isolation_level=None)  # another process, say
    other.execute("BEGIN IMMEDIATE")
    connection = _gated(path, gate)
    connection.execute("PRAGMA busy_timeout=0")
    connection.take_gate()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        connection.execute("BEGIN IMMEDIATE")
    connection.settle()
    assert not gate.held()
    other.rollback()
    connection.close()
    other.close()


def test_a_failed_commit_keeps_the_gate_until_the_rollback(tmp_path) -> None:
    path, gate = tmp_path / "db.sqlite", WriterGate()
    connection = _gated(path, gate)
    connection.executescript(
        "PRAGMA foreign_keys=ON;"
        "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
        "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id)"
        " DEFERRABLE INITIALLY DEFERRED);"
    )
    connection.take_gate()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO child VALUES (1)")  # checked at COMMIT
    with pytest.raises(sqlite3.IntegrityError):
        connection.commit()
    assert connection.in_transaction and gate.held()  # SQLite still holds its lock too
    connection.rollback()
    assert not gate.held()
    connection.close()


def test_closing_a_connection_gives_the_gate_back(tmp_path) -> None:
    gate = WriterGate()
    connection = _gated(tmp_path / "db.sqlite", gate)
    connection.take_gate()
    connection.execute("BEGIN IMMEDIATE")
    connection.close()
    assert not gate.held()


def test_in_memory_databases_have_no_gate() -> None:
    assert gate_for(":memory:") is None
    assert gate_for(None) is None


def test_only_sqlite_is_gated_and_concurrent_writes_land(store, admin) -> None:
    with store.engine.connect() as connection:
        gated = isinstance(connection.connection.dbapi_connection, GatedConnection)
    assert gated == (store.engine.dialect.name == "sqlite")
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(5):
                store.create_workspace(actor=admin, name=f"Kommun {n}-{k}")
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=DEADLOCK)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert len(_names(store)) == 20
