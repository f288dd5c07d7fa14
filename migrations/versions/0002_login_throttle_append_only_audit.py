"""login throttle table; audit rows append-only in the database itself

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_TRIGGERS = {
    "audit_no_update": "BEFORE UPDATE ON audit",
    "audit_no_delete": "BEFORE DELETE ON audit",
}


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_throttle")),
    )
    # The audit log is append-only: the database refuses UPDATE and DELETE on it, so
    # neither a bug nor a hand-written query can rewrite history.
    if op.get_bind().dialect.name == "sqlite":
        for name, when in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN "
                       "SELECT RAISE(ABORT, 'audit is append-only'); END")
    else:
        op.execute("""
            CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit is append-only';
            END $$""")
        op.execute("CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
                   "FOR EACH ROW EXECUTE FUNCTION audit_append_only()")
        op.execute("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_no_truncate ON audit")
        op.execute("DROP TRIGGER IF EXISTS audit_append_only ON audit")
        op.execute("DROP FUNCTION IF EXISTS audit_append_only()")
    op.drop_table("login_throttle")
