"""invitation links: page language, late drafts, rate limit

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 (links: issues 9.3, 14.4, 14.5, 15.2)

- ``invitation_links.lang``: the language the respondent page opens in.
- ``link_responses.late_at``: a draft kept after the link closed or filled up.
- ``link_throttle`` and ``link_throttle_keys``: the rate limit per link and per client
  (an HMAC of the address under a key of the day; never the address).

Each step is skipped when its table or column is already there (a database made by
``create_all`` from newer models, as the adoption test does).
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    if "lang" not in _columns("invitation_links"):
        with op.batch_alter_table("invitation_links", schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("lang", sa.String(length=5), server_default="sv", nullable=False)
            )
    if "late_at" not in _columns("link_responses"):
        with op.batch_alter_table("link_responses", schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("late_at", sa.DateTime(timezone=True), nullable=True)
            )
    tables = _tables()
    if "link_throttle" not in tables:
        op.create_table(
            "link_throttle",
            sa.Column("bucket", sa.String(length=120), nullable=False),
            sa.Column("hits", sa.Integer(), nullable=False),
            sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("bucket", name=op.f("pk_link_throttle")),
        )
        with op.batch_alter_table("link_throttle", schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f("ix_link_throttle_expires_at"), ["expires_at"], unique=False
            )
    if "link_throttle_keys" not in tables:
        op.create_table(
            "link_throttle_keys",
            sa.Column("day", sa.Date(), nullable=False),
            sa.Column("secret", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("day", name=op.f("pk_link_throttle_keys")),
        )


def downgrade() -> None:
    op.drop_table("link_throttle_keys")
    with op.batch_alter_table("link_throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_throttle_expires_at"))
    op.drop_table("link_throttle")
    with op.batch_alter_table("link_responses", schema=None) as batch_op:
        batch_op.drop_column("late_at")
    with op.batch_alter_table("invitation_links", schema=None) as batch_op:
        batch_op.drop_column("lang")
