"""Chinese-language assistance: user dictionary, stop words, tag trigger words,
suggestion decisions, project settings, and a full-text index of every turn.

The index is an FTS5 table of single characters (one row per turn, rowid = turn id,
contentless: the text stays only in documents), filled here for existing projects.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from models.assistance import SEARCH_INDEX, create_server_search_index, index_text
from models.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dictionary_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dictionary_terms")),
        sa.UniqueConstraint("term", name=op.f("uq_dictionary_terms_term")),
    )
    op.create_table(
        "stop_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stop_words")),
        sa.UniqueConstraint("word", name=op.f("uq_stop_words_word")),
    )
    op.create_table(
        "tag_triggers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_tag_triggers_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_triggers")),
        sa.UniqueConstraint("tag_id", "word", name=op.f("uq_tag_triggers_tag_id")),
    )
    op.create_table(
        "suggestion_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("annotator", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('accepted', 'rejected')",
            name=op.f("ck_suggestion_decisions_decision_known"),
        ),
        sa.CheckConstraint(
            "origin IN ('rule', 'model')", name=op.f("ck_suggestion_decisions_origin_known")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_suggestion_decisions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["tags.id"],
            name=op.f("fk_suggestion_decisions_tag_id_tags"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_decisions")),
        sa.UniqueConstraint(
            "document_id",
            "tag_id",
            "start",
            "end",
            name=op.f("uq_suggestion_decisions_document_id"),
        ),
    )
    op.create_index("ix_suggestion_decisions_tag", "suggestion_decisions", ["tag_id"])
    op.create_table(
        "project_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_project_settings")),
    )
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        # On a server the index is a table of turn texts with a trigram index over them
        # (models/assistance.py); a new server database has no turns to index yet.
        create_server_search_index(connection)
        return
    op.execute(
        f"CREATE VIRTUAL TABLE {SEARCH_INDEX} USING fts5(chars, content='', tokenize='unicode61')"
    )
    documents = connection.exec_driver_sql("SELECT id, text FROM documents").fetchall()
    for document_id, text in documents:
        turns = connection.exec_driver_sql(
            'SELECT id, start, "end" FROM turns WHERE document_id = ?', (document_id,)
        ).fetchall()
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_INDEX} (rowid, chars) VALUES (?, ?)",
            [(turn_id, index_text(text[start:end])) for turn_id, start, end in turns],
        )


def downgrade() -> None:
    op.execute(f"DROP TABLE {SEARCH_INDEX}")
    op.drop_table("project_settings")
    op.drop_index("ix_suggestion_decisions_tag", table_name="suggestion_decisions")
    op.drop_table("suggestion_decisions")
    op.drop_table("tag_triggers")
    op.drop_table("stop_words")
    op.drop_table("dictionary_terms")
