"""The codebook: tags with colour, shortcut, description and hierarchy."""

from sqlalchemy import ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, versioned_by


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str] = mapped_column(String(9))
    shortcut: Mapped[str] = mapped_column(String(50), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tags.id", ondelete="SET NULL"), default=None
    )
    position: Mapped[int] = mapped_column(default=0)
    # Hidden from the tag panel and, unless asked for, from exports; never deleted.
    archived: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The guideline: ``description`` is the definition; these say when to use the tag,
    # when not, and give an example.
    use_when: Mapped[str] = mapped_column(Text, default="", server_default="")
    avoid_when: Mapped[str] = mapped_column(Text, default="", server_default="")
    example: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Counted up by each change made through the ORM (see versioned_by); ``changed_by``
    # names who made the latest change.
    version: Mapped[int] = mapped_column(server_default="1")
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__ = versioned_by(version)
