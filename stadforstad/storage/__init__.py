"""Storage: SQLAlchemy 2 rows, the engine, and the repository (``Store``)."""

# Invitation links live in their own module on the same ``Base``; importing it here
# registers its tables before any ``create_all``.
from stadforstad.storage import (
    links,  # noqa: F401  (registers the tables)
    preferences,  # noqa: F401  (registers the tables)
)
from stadforstad.storage.engine import make_engine
from stadforstad.storage.repository import Actor, Store

__all__ = ["Actor", "Store", "make_engine"]
