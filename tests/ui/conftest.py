"""Fixtures of the page tests."""

from __future__ import annotations

import pytest

from stadforstad import demo
from stadforstad.storage import Actor, Store, make_engine


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """An SQLite file holding the demo county (ten municipalities, two rounds), one per
    test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    engine = make_engine(url)
    demo.create_demo(Store(engine), actor=Actor.local())
    engine.dispose()
    return url
