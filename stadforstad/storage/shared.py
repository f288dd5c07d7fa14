"""One :class:`Store` per database URL for the whole server process.

The page scripts, the server's own routes (``stadforstad.web``) and its start-up work
share it, so the engine is made, and the database checked against the migrations, once
per process, by whichever comes first; a first page that arrives while the start-up
work is making it waits for that one instead of making a second.
"""

from __future__ import annotations

import threading

from stadforstad.storage.engine import make_engine
from stadforstad.storage.repository import Store

_stores: dict[str, Store] = {}
_lock = threading.Lock()


def shared_store(url: str) -> Store:
    """The process's store for ``url``, made (and the database migrated) on first use."""
    with _lock:
        if url not in _stores:
            _stores[url] = Store(make_engine(url))
        return _stores[url]


def forget_stores() -> None:
    """Close and forget every shared store (tests: a database file they delete)."""
    with _lock:
        for store in _stores.values():
            store.engine.dispose()
        _stores.clear()
