"""Migrations: a new database made through them matches the models, and a database
made at the first revision keeps its data through the upgrade. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from stadforstad.errors import StorageError
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.migrate import (
    FIRST_REVISION,
    current_revision,
    head_revision,
    upgrade_database,
)
from stadforstad.storage.tables import AuditEntry, Base, Respondent, Response, Revision, Workspace
from tests.helpers.sample_forms import TINY

FORM = TINY


def _differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


#: Columns added after the first revision: not there to snapshot before the upgrade.
LATER_COLUMNS = {"name_key", "is_group", "version", "draft_saved_by", "changed"}


def _snapshot(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(
                    select(*[c for c in table.columns if c.name not in LATER_COLUMNS]).order_by(
                        *table.primary_key.columns
                    )
                )
            ]
            for table in (
                Workspace.__table__,
                Respondent.__table__,
                Response.__table__,
                Revision.__table__,
                AuditEntry.__table__,
            )
        }


def test_empty_database_upgraded_to_head_matches_the_models(database_url):
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == head_revision()
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_upgrading_twice_does_nothing(database_url):
    engine = make_engine(database_url)
    upgrade_database(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_data_made_at_the_first_revision_survives_the_upgrade(database_url):
    engine = make_engine(database_url, create=False)
    upgrade_database(engine, FIRST_REVISION)
    assert current_revision(engine) == FIRST_REVISION
    assert "login_throttle" not in inspect(engine).get_table_names()
    assert "invitation_links" not in inspect(engine).get_table_names()

    store, admin = Store(engine), Actor.local()
    # The workspace as the first revision's table holds it (the model has more columns).
    with engine.begin() as connection:
        place_id = connection.execute(
            text(
                "INSERT INTO workspaces (name, is_demo, created_at) "
                "VALUES ('Kommun A', false, CURRENT_TIMESTAMP) RETURNING id"
            )
        ).scalar_one()
        # Respondents, responses and revisions as the first revision's tables hold them
        # (the models have more columns since): written as SQL. SQLite keeps JSON as
        # text (a CAST would make it a number there).
        json = "CAST({} AS JSON)" if engine.dialect.name == "postgresql" else "{}"
        anna_id, bo_id = (
            connection.execute(
                text(
                    "INSERT INTO respondents (workspace_id, name, created_at) "
                    "VALUES (:w, :name, CURRENT_TIMESTAMP) RETURNING id"
                ),
                {"w": place_id, "name": name},
            ).scalar_one()
            for name in ("Anna Å", "Bo")
        )
        response = (
            "INSERT INTO responses (workspace_id, form_id, respondent_id, round, revision, "
            "draft, draft_form_version, draft_saved_at, created_at, updated_at) VALUES "
            "(:w, 'tiny', :r, 1, :revision, " + json.format(":draft") + ", :fv, {saved}, "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"
        )
        anna_response = connection.execute(
            text(response.format(saved="NULL")),
            {"w": place_id, "r": anna_id, "revision": 2, "draft": None, "fv": None},
        ).scalar_one()
        connection.execute(
            text(response.format(saved="CURRENT_TIMESTAMP")),
            {"w": place_id, "r": bo_id, "revision": 0, "draft": '{"a": 2}', "fv": FORM.version},
        )
        for number, answers in (
            (1, '{"a": 3, "note": "första"}'),
            (2, '{"a": 4, "note": "andra ✓"}'),
        ):
            connection.execute(
                text(
                    "INSERT INTO revisions (response_id, number, form_version, answers, "
                    "saved_at, saved_by) VALUES (:resp, :n, :fv, " + json.format(":answers") + ", "
                    "CURRENT_TIMESTAMP, 'lokal')"
                ),
                {"resp": anna_response, "n": number, "fv": FORM.version, "answers": answers},
            )
    before = _snapshot(engine)

    upgrade_database(engine)

    assert current_revision(engine) == head_revision()
    assert _snapshot(engine) == before
    assert _differences(engine) == []
    state = store.response_state(
        actor=admin, workspace_id=place_id, respondent_id=anna_id, form_id="tiny"
    )
    assert state.revision == 2 and state.answers == {"a": 4, "note": "andra ✓"}
    # The new column is filled in for the workspace made before it existed.
    assert store.find_workspace(actor=admin, name="KOMMUN a").id == place_id
    engine.dispose()


def test_a_database_made_before_migrations_is_adopted(database_url):
    engine = make_engine(database_url, create=False)
    # What create_all made before migrations existed: the first revision's tables,
    # without Alembic's version table.
    upgrade_database(engine, FIRST_REVISION)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        # A workspace as the first revision stored it (today's model has more columns).
        connection.execute(
            text(
                "INSERT INTO workspaces (name, is_demo, created_at) "
                "VALUES ('Gammal', false, CURRENT_TIMESTAMP)"
            )
        )

    upgrade_database(engine)

    assert current_revision(engine) == head_revision()
    assert [w.name for w in Store(engine).list_workspaces(actor=Actor.local())] == ["Gammal"]
    engine.dispose()


def test_downgrade_to_the_first_revision_and_back(database_url):
    from alembic import command

    from stadforstad.storage.migrate import alembic_config

    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), FIRST_REVISION)
    assert current_revision(engine) == FIRST_REVISION
    upgrade_database(engine)
    assert _differences(engine) == []
    engine.dispose()


def test_the_database_refuses_to_change_or_delete_audit_rows(database_url):
    engine = make_engine(database_url)
    Store(engine).create_workspace(actor=Actor.local(), name="Kommun A")
    for statement in ("UPDATE audit SET actor = 'någon annan'", "DELETE FROM audit"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT actor FROM audit")).scalars().all() == ["lokal"]
    engine.dispose()


def test_the_orm_refuses_to_change_audit_rows(store, admin):
    store.create_workspace(actor=admin, name="Kommun A")
    with pytest.raises(StorageError) as caught, store.write_session() as session:
        session.scalars(select(AuditEntry)).first().actor = "någon annan"
    assert caught.value.code == "STORE_006"
