"""Interviews and their turns. A document's text never changes after import."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utc_now, versioned_by

DOCUMENT_STATUSES = ("new", "in_progress", "done")
TURN_KINDS = ("heading", "question", "answer", "narration")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("status IN ('new', 'in_progress', 'done')", name="status_known"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    subtitle: Mapped[str] = mapped_column(String(500), default="")
    interviewee: Mapped[str] = mapped_column(String(200), default="")
    interviewee_role: Mapped[str] = mapped_column(String(300), default="")
    reporter: Mapped[str] = mapped_column(String(300), default="")
    series: Mapped[str] = mapped_column(String(500), default="")
    source_name: Mapped[str] = mapped_column(String(1000), default="")
    source_format: Mapped[str] = mapped_column(String(20), default="", server_default="")
    source_encoding: Mapped[str] = mapped_column(String(40), default="", server_default="")
    outlet: Mapped[str] = mapped_column(String(200), default="", server_default="")
    published_on: Mapped[date | None] = mapped_column(Date, default=None)
    source_url: Mapped[str] = mapped_column(String(2000), default="", server_default="")
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="new")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Counted up by each change made through the ORM (see versioned_by); ``changed_by``
    # names who made the latest change.
    version: Mapped[int] = mapped_column(server_default="1")
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__ = versioned_by(version)

    turns: Mapped[list["Turn"]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Turn.index",
    )


class Turn(Base):
    """One speaker's contribution, or a heading or narration paragraph.

    ``start``..``end`` covers the whole turn including its speaker label;
    ``content_start`` is where the words after the label begin.
    All offsets are code points into ``Document.text``.
    """

    __tablename__ = "turns"
    __table_args__ = (
        UniqueConstraint("document_id", "index"),
        CheckConstraint(
            "kind IN ('heading', 'question', 'answer', 'narration')", name="kind_known"
        ),
        CheckConstraint(
            '0 <= start AND start <= content_start AND content_start <= "end"',
            name="offsets_ordered",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int]
    speaker: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int]
    content_start: Mapped[int]
    end: Mapped[int]
    timestamp: Mapped[str] = mapped_column(String(20), default="", server_default="")

    document: Mapped[Document] = relationship(back_populates="turns")


Index("ix_turns_document_start", Turn.document_id, Turn.start)
