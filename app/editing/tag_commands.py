"""Commands on the codebook: create, change, delete (and bring back) and place tags.
Like every command, applying one returns its inverse and what changed."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.codebook import validate_tag_fields
from app.editing.commands import (
    AnnotationSpec,
    Applied,
    Command,
    CreateAnnotations,
    _annotation_specs,
    _removed,
)
from app.editing.versions import check_version, restore_versions, version_after
from app.errors import UnknownTagError
from models import Annotation, GoldRejection, SuggestionDecision, Tag, TagTrigger


@dataclass(frozen=True)
class TagSpec:
    name: str
    color: str
    shortcut: str = ""
    description: str = ""
    parent_id: int | None = None
    id: int | None = None
    position: int | None = None
    version: int | None = None  # the row version it had (None: a new tag)
    use_when: str = ""
    avoid_when: str = ""
    example: str = ""


_TAG_CHANGES = Changes(tags=True, document_list=True)


@dataclass(frozen=True)
class CreateTag(Command):
    spec: TagSpec

    def apply(self, session: Session, annotator: str) -> Applied:
        values = validate_tag_fields(
            session,
            None,
            {
                "name": self.spec.name,
                "color": self.spec.color,
                "shortcut": self.spec.shortcut,
                "parent_id": self.spec.parent_id,
            },
        )
        position = self.spec.position
        if position is None:
            position = (session.scalar(select(func.max(Tag.position))) or 0) + 1
        tag = Tag(
            description=self.spec.description,
            use_when=self.spec.use_when,
            avoid_when=self.spec.avoid_when,
            example=self.spec.example,
            position=position,
            **values,
        )
        if self.spec.id is not None:
            tag.id = self.spec.id
        session.add(tag)
        session.flush()
        restore_versions(session, Tag, {tag.id: self.spec.version})
        return Applied(inverse=DeleteTag(tag.id), changes=_TAG_CHANGES)


@dataclass(frozen=True)
class UpdateTag(Command):
    """Change some of a tag's name, color, shortcut, guideline, parent_id and archived
    flag; refused when ``expected_version`` is given and the tag changed since."""

    tag_id: int
    values: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None

    def apply(self, session: Session, annotator: str) -> Applied:
        tag = session.get(Tag, self.tag_id)
        if tag is None:
            raise UnknownTagError()
        check_version(tag, self.expected_version, annotator)
        checked = validate_tag_fields(session, self.tag_id, self.values)
        old = {key: getattr(tag, key) for key in checked}
        for key, value in checked.items():
            setattr(tag, key, value)
        inverse = UpdateTag(self.tag_id, old, version_after(session, tag))
        return Applied(inverse=inverse, changes=_TAG_CHANGES)


@dataclass(frozen=True)
class DeleteTag(Command):
    """Delete a tag and every annotation made with it; children move to the top level."""

    tag_id: int

    def apply(self, session: Session, annotator: str) -> Applied:
        tag = session.get(Tag, self.tag_id)
        if tag is None:
            raise UnknownTagError()
        spec = TagSpec(
            name=tag.name,
            color=tag.color,
            shortcut=tag.shortcut,
            description=tag.description,
            parent_id=tag.parent_id,
            id=tag.id,
            position=tag.position,
            version=tag.version,
            use_when=tag.use_when,
            avoid_when=tag.avoid_when,
            example=tag.example,
        )
        children = tuple(session.scalars(select(Tag.id).where(Tag.parent_id == self.tag_id)))
        annotation_ids = tuple(
            session.scalars(select(Annotation.id).where(Annotation.tag_id == self.tag_id))
        )
        specs = _annotation_specs(session, annotation_ids, annotator)
        triggers = tuple(
            session.scalars(
                select(TagTrigger.word)
                .where(TagTrigger.tag_id == self.tag_id)
                .order_by(TagTrigger.id)
            )
        )
        decisions = tuple(
            DecisionSpec(
                row.document_id,
                row.start,
                row.end,
                row.decision,
                row.origin,
                row.score,
                row.annotator,
                row.created_at,
                row.id,
            )
            for row in session.scalars(
                select(SuggestionDecision)
                .where(SuggestionDecision.tag_id == self.tag_id)
                .order_by(SuggestionDecision.id)
            )
        )
        rejections = tuple(
            (row.id, row.document_id, row.start, row.end, row.created_at)
            for row in session.scalars(
                select(GoldRejection)
                .where(GoldRejection.tag_id == self.tag_id)
                .order_by(GoldRejection.id)
            )
        )
        session.execute(delete(Annotation).where(Annotation.tag_id == self.tag_id))
        session.execute(delete(GoldRejection).where(GoldRejection.tag_id == self.tag_id))
        session.execute(delete(TagTrigger).where(TagTrigger.tag_id == self.tag_id))
        session.execute(delete(SuggestionDecision).where(SuggestionDecision.tag_id == self.tag_id))
        session.execute(update(Tag).where(Tag.parent_id == self.tag_id).values(parent_id=None))
        session.delete(tag)
        session.flush()
        return Applied(
            inverse=RestoreTag(spec, children, specs, triggers, decisions, rejections),
            changes=_TAG_CHANGES.merge(_removed(specs)),
        )


@dataclass(frozen=True)
class DecisionSpec:
    """A decision on a suggested tag, kept so that undoing a tag's deletion brings it back."""

    document_id: int
    start: int
    end: int
    decision: str
    origin: str
    score: float
    annotator: str
    created_at: datetime
    # Kept so that a later step naming the decision by id finds it again (None in steps
    # stored before ids were kept: the database then gives a new one).
    id: int | None = None


@dataclass(frozen=True)
class RestoreTag(Command):
    spec: TagSpec
    children: tuple[int, ...]
    annotations: tuple[AnnotationSpec, ...]
    triggers: tuple[str, ...] = ()
    decisions: tuple[DecisionSpec, ...] = ()
    # The curator's rejections of the tag: id, document, start, end, created (app.team).
    rejections: tuple[tuple[int, int, int, int, datetime], ...] = ()

    def apply(self, session: Session, annotator: str) -> Applied:
        created = CreateTag(self.spec).apply(session, annotator)
        tag_id = self.spec.id
        session.add_all(TagTrigger(tag_id=tag_id, word=word) for word in self.triggers)
        session.add_all(
            SuggestionDecision(
                id=d.id,
                document_id=d.document_id,
                tag_id=tag_id,
                start=d.start,
                end=d.end,
                decision=d.decision,
                origin=d.origin,
                score=d.score,
                annotator=d.annotator,
                created_at=d.created_at,
            )
            for d in self.decisions
        )
        session.add_all(
            GoldRejection(
                id=row_id,
                document_id=document_id,
                tag_id=tag_id,
                start=start,
                end=end,
                created_at=created_at,
            )
            for row_id, document_id, start, end, created_at in self.rejections
        )
        if self.children:
            session.execute(
                update(Tag).where(Tag.id.in_(self.children)).values(parent_id=self.spec.id)
            )
        changes = created.changes
        if self.annotations:
            changes = changes.merge(
                CreateAnnotations(self.annotations).apply(session, annotator).changes
            )
        return Applied(inverse=created.inverse, changes=changes)


def _positions(session: Session) -> tuple[tuple[int, int], ...]:
    rows = session.execute(select(Tag.id, Tag.position).order_by(Tag.id))
    return tuple((tag_id, position) for tag_id, position in rows)


@dataclass(frozen=True)
class SetTagPositions(Command):
    """Give tags exactly these (tag id, position) pairs; the inverse of a move."""

    positions: tuple[tuple[int, int], ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _positions(session)
        for tag_id, position in self.positions:
            session.execute(update(Tag).where(Tag.id == tag_id).values(position=position))
        return Applied(inverse=SetTagPositions(before), changes=_TAG_CHANGES)


@dataclass(frozen=True)
class MoveTag(Command):
    """Move a tag to ``index`` in the codebook order."""

    tag_id: int
    index: int

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _positions(session)
        order = list(session.scalars(select(Tag.id).order_by(Tag.position, Tag.id)))
        if self.tag_id not in order:
            raise UnknownTagError()
        order.remove(self.tag_id)
        order.insert(max(0, min(self.index, len(order))), self.tag_id)
        for position, tag_id in enumerate(order):
            session.execute(update(Tag).where(Tag.id == tag_id).values(position=position))
        return Applied(inverse=SetTagPositions(before), changes=_TAG_CHANGES)
