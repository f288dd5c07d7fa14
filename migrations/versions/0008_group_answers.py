"""group-owned answers: the shared respondent, save counters, who changed what

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 (the plan branch: stadforstad/storage/group_answers.py)

Forms with ``owner: group`` (the plan, the routine …) have one answer per
municipality and round that every member edits:

- ``respondents.is_group`` marks the municipality's one shared respondent;
- ``responses.version`` counts every save (draft or submit), so a save based on an
  older version is refused instead of silently putting one member's work over
  another's; ``responses.draft_saved_by`` says who saved the draft;
- ``revisions.changed`` lists the items a revision changed from the one before.

Columns are added in place (no batch mode: on SQLite it would copy and drop the
tables, and with foreign keys on, dropping cascades).
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _columns(table: str) -> set[str]:
    return {c['name'] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    if 'is_group' not in _columns('respondents'):
        op.add_column(
            'respondents',
            sa.Column('is_group', sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    responses = _columns('responses')
    if 'version' not in responses:
        op.add_column(
            'responses',
            sa.Column('version', sa.Integer(), nullable=False, server_default='0'),
        )
    if 'draft_saved_by' not in responses:
        op.add_column(
            'responses', sa.Column('draft_saved_by', sa.String(length=200), nullable=True)
        )
    if 'changed' not in _columns('revisions'):
        op.add_column('revisions', sa.Column('changed', sa.JSON(), nullable=True))


def downgrade() -> None:
    # In place on both databases (SQLite 3.35+), for the same reason as above.
    op.execute('ALTER TABLE revisions DROP COLUMN changed')
    op.execute('ALTER TABLE responses DROP COLUMN draft_saved_by')
    op.execute('ALTER TABLE responses DROP COLUMN version')
    op.execute('ALTER TABLE respondents DROP COLUMN is_group')
