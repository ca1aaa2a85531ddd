"""Team annotation: which annotator is to annotate which document, and who has
finished it."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
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
