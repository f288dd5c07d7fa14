"""user preferences: language, last municipality, own participant

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 (forms branch: stadforstad/storage/preferences.py)
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
# The lead relinks this at merge time so the chain stays linear.
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('user_preferences',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('last_workspace_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['last_workspace_id'], ['workspaces.id'], name=op.f('fk_user_preferences_last_workspace_id_workspaces'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_preferences_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_user_preferences'))
    )
    op.create_table('user_participants',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('respondent_id', sa.Integer(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['respondent_id'], ['respondents.id'], name=op.f('fk_user_participants_respondent_id_respondents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_participants_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_user_participants_workspace_id_workspaces'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'workspace_id', name=op.f('pk_user_participants')),
    sa.UniqueConstraint('respondent_id', name=op.f('uq_user_participants_respondent_id'))
    )


def downgrade() -> None:
    op.drop_table('user_participants')
    op.drop_table('user_preferences')
