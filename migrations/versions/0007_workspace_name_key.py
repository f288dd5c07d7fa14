"""municipality names unique regardless of case

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 (the data branch)

Adds ``workspaces.name_key`` (the casefolded name) with a unique constraint, so the
database itself refuses "landskrona" beside "Landskrona". Existing names that differ
only in case get " (2)", " (3)" … after the later ones (by id), so none is lost.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

from stadforstad.storage.tables import workspace_name_key


revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = 'ix_workspaces_name_key'


def upgrade() -> None:
    # No batch mode: on SQLite it would copy and drop the workspaces table, and with
    # foreign keys on, dropping it deletes every respondent and response (ON DELETE
    # CASCADE). Adding a column and an index are done in place on both databases.
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    columns = {c['name'] for c in inspector.get_columns('workspaces')}
    if 'name_key' not in columns:
        op.add_column(
            'workspaces',
            sa.Column('name_key', sa.String(length=600), nullable=False, server_default=''),
        )

    taken: set[str] = set()
    rows = bind.execute(sa.text('SELECT id, name FROM workspaces ORDER BY id')).all()
    for workspace_id, name in rows:
        new_name, key, n = name, workspace_name_key(name), 2
        while key in taken:
            new_name = f'{name} ({n})'
            key, n = workspace_name_key(new_name), n + 1
        taken.add(key)
        bind.execute(
            sa.text('UPDATE workspaces SET name = :name, name_key = :key WHERE id = :id'),
            {'name': new_name, 'key': key, 'id': workspace_id},
        )

    indexes = {i['name'] for i in inspector.get_indexes('workspaces')}
    if INDEX not in indexes:
        op.create_index(INDEX, 'workspaces', ['name_key'], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name='workspaces')
    # In place on both databases (SQLite 3.35+), for the same reason as above.
    op.execute('ALTER TABLE workspaces DROP COLUMN name_key')
