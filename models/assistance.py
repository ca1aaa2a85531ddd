"""What the Chinese-language assistance keeps per project: the user dictionary, stop
words, trigger words per tag, decisions on suggestions, and the search index."""

from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from alembic.runtime.environment import IncludeObjectFn, NameFilterType
    from sqlalchemy import Connection
    from sqlalchemy.sql.schema import SchemaItem

# The full-text index is an SQLite FTS5 virtual table (and its shadow tables), made
# by migration 0003 with raw SQL: it is not an ORM table.
SEARCH_INDEX = "search_index"


def create_server_search_index(connection: "Connection") -> None:
    """The search index on PostgreSQL: each turn's text, case-folded, in a plain table
    with a trigram index (pg_trgm), which narrows a substring search down to candidate
    turns as FTS5 does on SQLite. The exact search decides the hits on both."""
    connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    connection.exec_driver_sql(
        f"CREATE TABLE {SEARCH_INDEX} (rowid BIGINT PRIMARY KEY"
        " REFERENCES turns (id) ON DELETE CASCADE, chars TEXT NOT NULL)"
    )
    connection.exec_driver_sql(
        f"CREATE INDEX {SEARCH_INDEX}_chars ON {SEARCH_INDEX} USING gin (chars gin_trgm_ops)"
    )


def is_search_table(name: str) -> bool:
    """True for the FTS5 index and the shadow tables SQLite keeps for it."""
    return name == SEARCH_INDEX or name.startswith(SEARCH_INDEX + "_")


class ComparisonOptions(TypedDict):
    compare_type: bool
    include_object: "IncludeObjectFn"


def schema_comparison_options() -> ComparisonOptions:
    """Options for comparing the database with the ORM (the FTS5 index is not ORM)."""

    def include_object(
        item: "SchemaItem",
        name: str | None,
        kind: "NameFilterType",
        reflected: bool,
        other: "SchemaItem | None",
    ) -> bool:
        return not (kind == "table" and name is not None and is_search_table(name))

    return {"compare_type": True, "include_object": include_object}


class DictionaryTerm(Base):
    """A word the segmenter must keep whole (泊里镇, 董家口, 创新突破年)."""

    __tablename__ = "dictionary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class StopWord(Base):
    """A word left out of keyword lists."""

    __tablename__ = "stop_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)


class TagTrigger(Base):
    """A word that makes a passage a candidate for a tag (a keyword rule)."""

    __tablename__ = "tag_triggers"
    __table_args__ = (UniqueConstraint("tag_id", "word"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(100))


class SuggestionDecision(Base):
    """An answer to a suggested tag on a passage; rejected ones are not offered again."""

    __tablename__ = "suggestion_decisions"
    __table_args__ = (
        UniqueConstraint("document_id", "tag_id", "start", "end"),
        CheckConstraint("decision IN ('accepted', 'rejected')", name="decision_known"),
        CheckConstraint("origin IN ('rule', 'model')", name="origin_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    decision: Mapped[str] = mapped_column(String(10))
    origin: Mapped[str] = mapped_column(String(10))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    annotator: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ProjectSetting(Base):
    """A project-wide setting (number of backups kept, split seed, …) as text."""

    __tablename__ = "project_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000), default="")


Index("ix_suggestion_decisions_tag", SuggestionDecision.tag_id)


def index_text(text: str) -> str:
    """Text as the search index stores it: every character a token of its own.

    FTS5's unicode61 tokenizer splits on spaces and punctuation, so a query becomes
    a phrase of single characters and finds any substring, two-character words included.
    """
    return " ".join(text)
