"""Team annotation: which annotator is to annotate which document, who has finished it,
and the places where the curator rejected every version for the gold layer."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utc_now

ASSIGNMENT_STATUSES = ("assigned", "done")


class Assignment(Base):
    """A document given to an annotator (``assigned``), or finished by them (``done``).

    An annotator who marks a document done that nobody assigned to them gets an
    assignment then. Whether work has begun is read from the annotations themselves.
    """

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id"),
        CheckConstraint("status IN ('assigned', 'done')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotators.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(20), default="assigned")
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class GoldRejection(Base):
    """A place (``start``..``end`` of a document, code points) where the curator decided
    that the gold layer holds no annotation of ``tag``: a disagreement decided by
    rejecting every version, told apart from one not yet looked at."""

    __tablename__ = "gold_rejections"
    __table_args__ = (CheckConstraint('0 <= start AND start < "end"', name="span_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


Index("ix_gold_rejections_document", GoldRejection.document_id)
