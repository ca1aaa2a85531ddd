"""A codebook that scales: archived tags and a guideline per tag (when to use it, when
not, an example; the tag's description is its definition).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GUIDELINE_COLUMNS = ("use_when", "avoid_when", "example")


def upgrade() -> None:
    with op.batch_alter_table("tags", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(
            sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        for column in GUIDELINE_COLUMNS:
            batch.add_column(sa.Column(column, sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("tags", table_kwargs={"sqlite_autoincrement": True}) as batch:
        for column in reversed(GUIDELINE_COLUMNS):
            batch.drop_column(column)
        batch.drop_column("archived")
