"""Upgrading a database to the newest schema with Alembic, the same way on SQLite and
PostgreSQL. The app does it when it starts (``make_engine``); an operator can also run
``uv run alembic upgrade head`` before starting new replicas (docs/deploy.md)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from stadforstad.resources import ALEMBIC_INI, MIGRATIONS_DIR

#: The first revision: the tables as they were before migrations existed.
FIRST_REVISION = "0001"
#: Any number; replicas starting at once take this PostgreSQL lock in turn.
_PG_LOCK_KEY = 718_2024_03


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest). Safe to call from
    several processes at once: they take turns, and the later ones find nothing to do."""
    from stadforstad.storage.engine import WRITE

    with engine.execution_options(**{WRITE: True}).connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        _stamp_if_made_without_migrations(connection)
        command.upgrade(alembic_config(connection), revision)


def _stamp_if_made_without_migrations(connection: Connection) -> None:
    # Databases created by create_all before migrations existed hold the first
    # revision's tables but no version: mark them so the upgrade does not recreate them.
    tables = set(inspect(connection).get_table_names())
    if "workspaces" in tables and "alembic_version" not in tables:
        command.stamp(alembic_config(connection), FIRST_REVISION)
