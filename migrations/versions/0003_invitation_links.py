"""invitation links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 (stadforstad/storage/links.py from main)
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A database made by create_all while links were on main without a migration
    # already has these tables (migrate stamps it at 0001): leave them as they are.
    if "invitation_links" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table('invitation_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('intro', sa.Text(), nullable=False),
    sa.Column('ask_identity', sa.Boolean(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('max_answers', sa.Integer(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_invitation_links_workspace_id_workspaces'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_invitation_links_token_hash'))
    )
    with op.batch_alter_table('invitation_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_links_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('link_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('resume_hash', sa.String(length=64), nullable=False),
    sa.Column('industry', sa.String(length=200), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('draft', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('draft_saved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answers', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('form_version', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('submission_key', sa.String(length=100), nullable=True),
    sa.Column('receipt', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['invitation_links.id'], name=op.f('fk_link_responses_link_id_invitation_links'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_link_responses')),
    sa.UniqueConstraint('receipt', name=op.f('uq_link_responses_receipt')),
    sa.UniqueConstraint('resume_hash', name=op.f('uq_link_responses_resume_hash')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_link_responses_submission_key'))
    )
    with op.batch_alter_table('link_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_responses_link_id'), ['link_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_link_responses_submitted_at'), ['submitted_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('link_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_responses_submitted_at'))
        batch_op.drop_index(batch_op.f('ix_link_responses_link_id'))

    op.drop_table('link_responses')
    with op.batch_alter_table('invitation_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_links_workspace_id'))

    op.drop_table('invitation_links')
