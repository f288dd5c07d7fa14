"""Alembic environment: one code path for SQLite and PostgreSQL.

The app calls :func:`stadforstad.storage.migrate.upgrade_database`, which hands its
own connection in ``config.attributes["connection"]``. From the command line the URL
comes from ``-x url=...`` or the app's setting ``STADFORSTAD_DATABASE_URL``.
"""

from __future__ import annotations

from alembic import context

from stadforstad.storage.tables import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: batch mode copies the table.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return

    from stadforstad.settings import get_settings
    from stadforstad.storage.engine import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or get_settings().database_url
    engine = make_engine(url, create=False)
    try:
        with engine.connect() as connection:
            _configure_and_run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
