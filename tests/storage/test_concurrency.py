"""Many saves at once into one workspace: 8 threads, and 8 processes, each saving 50
responses. All 400 are stored, none twice, and nobody sees "database is locked".
On a SQLite file and on PostgreSQL."""

from __future__ import annotations

import multiprocessing
import sys
import threading
import traceback
import types

from sqlalchemy import func, select

from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.tables import Respondent, Response, Revision
from tests.helpers.sample_forms import TINY

WORKERS = 8
EACH = 50


def _save_many(store: Store, workspace_id: int, worker: int, drafts: bool = True) -> None:
    actor = Actor(name=f"medlem{worker}", user_id=worker, grants={workspace_id: "member"})
    for n in range(EACH):
        person = store.respondent(
            actor=actor, workspace_id=workspace_id, name=f"Deltagare {worker}-{n}"
        )
        if drafts:
            store.save_draft(
                actor=actor,
                workspace_id=workspace_id,
                respondent_id=person.id,
                form=TINY,
                answers={"a": 1 + n % 5},
            )
        store.submit(
            actor=actor,
            workspace_id=workspace_id,
            respondent_id=person.id,
            form=TINY,
            answers={"a": 1 + n % 5, "note": f"{worker}-{n}"},
        )
        # Everyone also writes to one shared person: the upsert race.
        store.respondent(actor=actor, workspace_id=workspace_id, name="Delad")


def _process_worker(url: str, workspace_id: int, worker: int, start, failures) -> None:
    engine = make_engine(url, create=False)
    try:
        start.wait()
        # No drafts here: the threads test has them, and 8 interpreters on a small
        # machine make this the slowest test of the suite already.
        _save_many(Store(engine), workspace_id, worker, drafts=False)
    except BaseException:
        failures.put(traceback.format_exc())
    finally:
        engine.dispose()


def _check(store: Store, workspace_id: int, failures: list[str]) -> None:
    assert failures == []
    with store.read_session() as session:

        def count(table, *where):
            return session.scalar(select(func.count()).select_from(table).where(*where))

        assert count(Response, Response.workspace_id == workspace_id) == WORKERS * EACH
        assert count(Revision) == WORKERS * EACH
        assert count(Respondent) == WORKERS * EACH + 1
        notes = session.scalars(select(Revision.answers)).all()
        assert len({a["note"] for a in notes}) == WORKERS * EACH  # no duplicate
        assert count(Response, Response.draft_saved_at.is_not(None)) == 0


def test_eight_threads_save_fifty_each(store, admin):
    place = store.create_workspace(actor=admin, name="Kommun A")
    start = threading.Barrier(WORKERS)
    failures: list[str] = []

    def run(worker: int) -> None:
        try:
            start.wait()
            _save_many(store, place.id, worker)
        except BaseException:
            failures.append(traceback.format_exc())

    threads = [threading.Thread(target=run, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    _check(store, place.id, failures)


def test_eight_processes_save_fifty_each(store, admin, monkeypatch):
    # A spawned child re-runs the parent's __main__; other tests (AppTest) can leave a
    # temporary script there. The children need nothing from it.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    place = store.create_workspace(actor=admin, name="Kommun A")
    url = store.engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    start, queue = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_process_worker, args=(url, place.id, w, start, queue))
        for w in range(WORKERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    failures = []
    while not queue.empty():
        failures.append(queue.get())
    assert [p.exitcode for p in processes] == [0] * WORKERS
    _check(store, place.id, failures)


def test_concurrent_submits_to_one_response_number_revisions_without_gaps(store, admin):
    place = store.create_workspace(actor=admin, name="Kommun A")
    person = store.respondent(actor=admin, workspace_id=place.id, name="Delad")
    start = threading.Barrier(WORKERS)
    failures: list[str] = []

    def run(worker: int) -> None:
        try:
            start.wait()
            for n in range(10):
                store.submit(
                    actor=admin,
                    workspace_id=place.id,
                    respondent_id=person.id,
                    form=TINY,
                    answers={"a": 3, "note": f"{worker}-{n}"},
                )
        except BaseException:
            failures.append(traceback.format_exc())

    threads = [threading.Thread(target=run, args=(w,)) for w in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    state = store.response_state(
        actor=admin, workspace_id=place.id, respondent_id=person.id, form_id="tiny"
    )
    revisions = store.revisions(actor=admin, workspace_id=place.id, response_id=state.response_id)
    assert [r.number for r in revisions] == list(range(1, WORKERS * 10 + 1))
