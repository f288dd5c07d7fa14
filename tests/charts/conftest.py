"""The chart tests' shared fixture: the demo county."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def demo_county(tmp_path_factory):
    """The demo county (ten municipalities, every view filled) on a SQLite file."""
    from stadforstad.demo import create_demo
    from stadforstad.storage import Actor, Store, make_engine

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    store = Store(engine)
    create_demo(store, actor=Actor.local())
    yield store
    engine.dispose()
