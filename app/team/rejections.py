"""The curator's rejections: places where the gold layer is to hold no annotation of a tag,
kept so that a disagreement decided by rejecting every version is told apart from one not
yet looked at. Both commands are exact inverses of each other (ids and times kept)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.commands import Applied, Command
from app.errors import InvalidSpanError, UnknownDocumentError, UnknownTagError
from models import Document, GoldRejection, Tag
from models.base import utc_now


@dataclass(frozen=True)
class RejectionSpec:
    document_id: int
    tag_id: int
    start: int
    end: int
    id: int | None = None
    created_at: datetime | None = None


def _changes(specs: tuple[RejectionSpec, ...]) -> Changes:
    return Changes(documents=frozenset(spec.document_id for spec in specs))


@dataclass(frozen=True)
class CreateRejections(Command):
    specs: tuple[RejectionSpec, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        rows = []
        for spec in self.specs:
            document = session.get(Document, spec.document_id)
            if document is None:
                raise UnknownDocumentError()
            if session.get(Tag, spec.tag_id) is None:
                raise UnknownTagError()
            if not 0 <= spec.start < spec.end <= len(document.text):
                raise InvalidSpanError(start=spec.start, end=spec.end, length=len(document.text))
            row = GoldRejection(
                document_id=spec.document_id,
                tag_id=spec.tag_id,
                start=spec.start,
                end=spec.end,
                created_at=spec.created_at or utc_now(),
            )
            if spec.id is not None:
                row.id = spec.id
            rows.append(row)
        session.add_all(rows)
        session.flush()
        return Applied(
            inverse=DeleteRejections(tuple(row.id for row in rows)), changes=_changes(self.specs)
        )


@dataclass(frozen=True)
class DeleteRejections(Command):
    ids: tuple[int, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        rows = session.scalars(
            select(GoldRejection).where(GoldRejection.id.in_(self.ids)).order_by(GoldRejection.id)
        ).all()
        if len(rows) != len(set(self.ids)):
            raise UnknownDocumentError()  # the interview (and its rejections) went away
        specs = tuple(
            RejectionSpec(row.document_id, row.tag_id, row.start, row.end, row.id, row.created_at)
            for row in rows
        )
        session.execute(delete(GoldRejection).where(GoldRejection.id.in_(self.ids)))
        return Applied(inverse=CreateRejections(specs), changes=_changes(specs))
