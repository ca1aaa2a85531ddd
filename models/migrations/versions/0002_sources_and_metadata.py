"""Where documents and annotations come from: source format and encoding, outlet,
publication date, source URL, turn timestamps, and each annotation's source.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("source_format", sa.String(length=20), server_default="", nullable=False)
        )
        batch.add_column(
            sa.Column("source_encoding", sa.String(length=40), server_default="", nullable=False)
        )
        batch.add_column(
            sa.Column("outlet", sa.String(length=200), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("published_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("source_url", sa.String(length=2000), server_default="", nullable=False)
        )
    with op.batch_alter_table("turns") as batch:
        batch.add_column(
            sa.Column("timestamp", sa.String(length=20), server_default="", nullable=False)
        )
    with op.batch_alter_table("annotations", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(
            sa.Column("source", sa.String(length=20), server_default="manual", nullable=False)
        )
        batch.create_check_constraint(
            "source_known", "source IN ('manual', 'suggested', 'imported')"
        )


def downgrade() -> None:
    with op.batch_alter_table("annotations", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_constraint("ck_annotations_source_known", type_="check")
        batch.drop_column("source")
    with op.batch_alter_table("turns") as batch:
        batch.drop_column("timestamp")
    with op.batch_alter_table("documents") as batch:
        for column in ("source_url", "published_on", "outlet", "source_encoding", "source_format"):
            batch.drop_column(column)
