"""The first page after a server start: it shares the start-up work (``web.warm_up``)
instead of repeating it, waits for its imports instead of racing them, and loads no
more than it draws (docs/benchmarks.md, cold start). No timings here: those are in
``bench/cold_start_browser.py``."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad import web
from stadforstad.settings import get_settings
from stadforstad.storage import shared
from tests.helpers import ROOT

FIRST_PAGE_MODULES = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120)
at.run()
assert not at.exception, at.exception
assert [t.value for t in at.title] == ["Stad för stad"], at.title
print(",".join(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))))
"""


def test_the_first_page_loads_no_postgresql_dialect_on_sqlite_and_no_backup(tmp_path) -> None:
    """On SQLite the first page imports SQLite's dialect only: PostgreSQL's dialect
    package (every driver it knows, its catalogue's tables) comes with the first upsert
    on PostgreSQL (``storage.engine.dialect_insert``). The backup's export and import
    (with the backup document's schema) come when a backup is made or read, the
    instruments' registry with the first page that scores or shows a result."""
    from stadforstad.storage import make_engine

    url = f"sqlite:///{tmp_path / 'first.sqlite'}"
    make_engine(url).dispose()  # made before, as a restarted server finds it (no Alembic)
    env = {**os.environ, "STADFORSTAD_DATABASE_URL": url, "STADFORSTAD_AUTH": "none"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FIRST_PAGE_MODULES,
            "sqlalchemy.dialects.",
            "psycopg",
            "stadforstad.storage.backup",
            "stadforstad.instruments.registry",
            "stadforstad.documents.build",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().splitlines()[-1].split(",")
    assert "sqlalchemy.dialects.sqlite" in loaded
    assert not [m for m in loaded if m.startswith(("sqlalchemy.dialects.postgresql", "psycopg"))]
    assert not [m for m in loaded if m.startswith("stadforstad.storage.backup")]
    # Nor, on an overview without answers, every instrument, scorer and document maker:
    # the forms are ordered and checked with ``instruments.order``.
    assert "stadforstad.instruments.registry" not in loaded
    assert "stadforstad.documents.build" not in loaded


def test_the_upsert_is_the_databases_own(store) -> None:
    from stadforstad.storage.engine import dialect_insert

    insert = dialect_insert(store.engine.dialect.name)
    assert insert.__module__ == f"sqlalchemy.dialects.{store.engine.dialect.name}.dml"


@pytest.fixture
def fresh_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    get_settings.cache_clear()
    shared.forget_stores()
    yield url
    shared.forget_stores()
    get_settings.cache_clear()


def test_the_first_page_uses_the_store_the_start_up_work_made(fresh_url, monkeypatch) -> None:
    """One engine for the process: the warm-up makes it (and checks the database against
    the migrations), the first page and the routes use that one."""
    made = []
    real = shared.make_engine

    def counting(url, **kwargs):
        made.append(url)
        return real(url, **kwargs)

    monkeypatch.setattr(shared, "make_engine", counting)
    web.warm_up()
    assert made == [fresh_url]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Stad för stad"]
    assert made == [fresh_url]
    from stadforstad.ui.context import get_store

    assert get_store() is web._store()


@pytest.fixture
def warming(monkeypatch):
    """A start-up thread that is still at work, with its two signals not yet given."""
    release = threading.Event()
    thread = threading.Thread(target=release.wait, args=(20,), daemon=True)
    thread.start()
    frame, everything = threading.Event(), threading.Event()
    monkeypatch.setattr(web, "_warm_up_thread", thread)
    monkeypatch.setattr(web, "_FRAME_READY", frame)
    monkeypatch.setattr(web, "_ALL_READY", everything)
    yield frame, everything
    release.set()
    thread.join(5)


def _waiter(**kwargs) -> tuple[threading.Thread, threading.Event]:
    returned = threading.Event()

    def wait() -> None:
        web.wait_for_start_up(**kwargs)
        returned.set()

    thread = threading.Thread(target=wait, daemon=True)
    thread.start()
    return thread, returned


def test_a_page_run_waits_for_the_start_up_imports(warming) -> None:
    """A page run imports nothing while the start-up work imports: the frame waits for
    the frame's part, any other page for all of it."""
    frame, everything = warming
    _, frame_returned = _waiter(everything=False)
    _, all_returned = _waiter(everything=True)
    assert not frame_returned.wait(0.3)
    frame.set()
    assert frame_returned.wait(5)
    assert not all_returned.wait(0.3)
    everything.set()
    assert all_returned.wait(5)


def test_nothing_waits_outside_a_served_app_or_after_the_start_up(monkeypatch) -> None:
    monkeypatch.setattr(web, "_warm_up_thread", None)
    monkeypatch.setattr(web, "_ALL_READY", threading.Event())  # never set
    web.wait_for_start_up()  # returns: no start-up thread (tests, AppTest)
    ended = threading.Thread(target=lambda: None)
    ended.start()
    ended.join()
    monkeypatch.setattr(web, "_warm_up_thread", ended)
    web.wait_for_start_up()  # returns: the start-up work has ended (failed, or was replaced)


def test_a_failed_start_up_lets_the_pages_go_on(fresh_url, monkeypatch) -> None:
    monkeypatch.setattr(web, "_FRAME_READY", threading.Event())
    monkeypatch.setattr(web, "_ALL_READY", threading.Event())

    def broken() -> None:
        raise RuntimeError("the database does not answer")

    monkeypatch.setattr(web, "prepare_frame", broken)
    web.warm_up()  # logs, does not raise
    assert web._FRAME_READY.is_set() and web._ALL_READY.is_set()


def test_a_served_start_up_freezes_what_it_made_and_a_direct_call_does_not(
    fresh_url, monkeypatch
) -> None:
    """The served app's start-up work leaves its objects frozen (``gc.freeze``), so the
    first page's collections do not walk them; a direct call (tests, AppTest) does not."""
    import gc

    monkeypatch.setattr(web, "_FRAME_READY", threading.Event())
    monkeypatch.setattr(web, "_ALL_READY", threading.Event())
    monkeypatch.setattr(web, "prepare_frame", lambda: None)
    monkeypatch.setattr(web, "prepare_start_page", lambda: None)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    web.warm_up()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    thread = threading.Thread(target=web.warm_up)
    monkeypatch.setattr(web, "_warm_up_thread", thread)
    try:
        thread.start()
        thread.join(60)
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        assert web._ALL_READY.is_set()
    finally:
        gc.unfreeze()


def test_streamlit_still_has_the_repl_check_switch(monkeypatch) -> None:
    """``web.skip_repl_check`` (no ``inspect.stack()`` on a served app's first page)
    relies on this private Streamlit detail: fail loudly when a release drops it or
    the check no longer reads it."""
    from streamlit import delta_generator, env_util

    assert isinstance(delta_generator._use_warning_has_been_displayed, bool)
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)

    def no_stack() -> bool:
        raise AssertionError("the REPL check ran")

    monkeypatch.setattr(env_util, "is_repl", no_stack)
    with pytest.raises(AssertionError, match="the REPL check ran"):
        delta_generator._maybe_print_use_warning()
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    assert web.skip_repl_check()
    delta_generator._maybe_print_use_warning()  # marked done: no check


def test_streamlit_still_has_the_pages_folder_switch() -> None:
    """``web._serve_pages_through_app`` (every run through app.py, so through the wait)
    relies on this private Streamlit detail: fail loudly when a release drops it."""
    from streamlit.runtime.pages_manager import PagesManager

    assert hasattr(PagesManager, "uses_pages_directory")
