"""The undo history, kept in the project so undo works after closing and reopening."""

from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utc_now


class HistoryStep(Base):
    """One user action: the command that did it and the command that undoes it (JSON).

    Steps are ordered by id. Undone steps always form the tail of an annotator's
    history; a new action discards them.
    """

    __tablename__ = "history_steps"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    annotator: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(500))
    forward: Mapped[str] = mapped_column(Text)
    backward: Mapped[str] = mapped_column(Text)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


Index("ix_history_steps_annotator_undone", HistoryStep.annotator, HistoryStep.undone)


class ChangeRecord(Base):
    """One committed action on a server project: who, and which documents it touched
    (ids separated by commas; empty when it changed the project as a whole: the codebook,
    the document list). Written in the action's own transaction."""

    __tablename__ = "change_log"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    annotator: Mapped[str] = mapped_column(String(200))
    documents: Mapped[str] = mapped_column(Text, default="")
    committed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
