"""Storage: SQLAlchemy 2 rows, the engine, and the repository (``Store``)."""

from stadforstad.storage.engine import make_engine
from stadforstad.storage.repository import Actor, Store

__all__ = ["Actor", "Store", "make_engine"]
