"""``stadforstad.heap``: a served app freezes the imports' objects once per growth of
``sys.modules``; anywhere else (tests, AppTest) the collector is left as it is."""

from __future__ import annotations

import gc
import sys
import types

import pytest

from stadforstad import heap


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(heap, "_serving", False)
    monkeypatch.setattr(heap, "_frozen_modules", 0)
    yield
    gc.unfreeze()


def test_outside_a_served_app_nothing_is_frozen(fresh) -> None:
    before = gc.get_freeze_count()
    assert heap.freeze_new_imports() is False
    assert gc.get_freeze_count() == before


def test_a_served_app_freezes_once_per_new_import(fresh, monkeypatch) -> None:
    heap.serve()
    assert heap.freeze_new_imports() is True
    assert gc.get_freeze_count() > 0
    assert heap.freeze_new_imports() is False  # nothing imported since
    monkeypatch.setitem(sys.modules, "stadforstad_heap_test_module", types.ModuleType("m"))
    assert heap.freeze_new_imports() is True
    assert heap.freeze_new_imports() is False


def test_the_lifespan_of_the_served_app_switches_it_on(fresh, monkeypatch) -> None:
    import asyncio
    import threading

    from stadforstad import web

    monkeypatch.setattr(web, "warm_up", lambda: None)

    async def start() -> None:
        async with web.lifespan(None):
            pass

    # In a thread of its own: the browser tests' Playwright may own this thread's loop.
    runner = threading.Thread(target=lambda: asyncio.run(start()))
    runner.start()
    runner.join(20)
    assert heap._serving is True  # and back off after the test (the fixture)
