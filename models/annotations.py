"""Annotations (a tag on a span of a document) and the people who make them."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utc_now, versioned_by


class Annotator(Base):
    __tablename__ = "annotators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Annotation(Base):
    """A tag on ``start``..``end`` (code points, end exclusive) of a document's text.

    ``text`` is a snapshot of the covered characters taken when the annotation is made.
    """

    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint('0 <= start AND start < "end"', name="span_valid"),
        CheckConstraint("source IN ('manual', 'suggested', 'imported')", name="source_known"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    annotator_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotators.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    source: Mapped[str] = mapped_column(String(20), default="manual", server_default="manual")
    # Counted up by each change made through the ORM (see versioned_by); ``changed_by``
    # names who made the latest change.
    version: Mapped[int] = mapped_column(server_default="1")
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__ = versioned_by(version)


ANNOTATION_SOURCES = ("manual", "suggested", "imported")

Index("ix_annotations_document_start", Annotation.document_id, Annotation.start)
Index("ix_annotations_tag", Annotation.tag_id)
