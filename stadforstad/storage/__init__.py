"""Storage: SQLAlchemy 2 rows, the engine, and the repository (``Store``)."""

from stadforstad.storage.engine import make_engine
from stadforstad.storage.repository import Actor, Store

# Invitation links live in their own module on the same ``Base``; importing it here
# registers its tables before any ``create_all``.
from stadforstad.storage import links  # noqa: E402,F401  (registers the tables)

__all__ = ["Actor", "Store", "make_engine"]
