"""Row versions: tags, documents and annotations count their changes and name who made
the latest, so an edit made from an outdated view is refused instead of overwriting a
teammate's change.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED_TABLES = ("tags", "documents", "annotations")


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            batch.add_column(
                sa.Column("changed_by", sa.String(length=200), server_default="", nullable=False)
            )


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch:
            batch.drop_column("changed_by")
            batch.drop_column("version")
