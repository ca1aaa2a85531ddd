"""User actions as Qt-free commands. Applying one returns its inverse and what changed.

An inverse restores exactly what was there, ids and timestamps included, so undo
and redo can be repeated any number of times.
"""

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.codebook import validate_tag_fields
from app.editing.versions import check_version, restore_versions, version_after
from app.errors import (
    EmptySpanError,
    InvalidSpanError,
    UnknownAnnotationError,
    UnknownDocumentError,
    UnknownTagError,
)
from app.text_cache import document_text, has_text_cache
from models import (
    Annotation,
    Annotator,
    Document,
    GoldRejection,
    SuggestionDecision,
    Tag,
    TagTrigger,
)
from models.base import utc_now


@dataclass(frozen=True)
class Applied:
    inverse: "Command"
    changes: Changes


class Command(ABC):
    @abstractmethod
    def apply(self, session: Session, annotator: str) -> Applied:
        """Make the change inside ``session`` (the caller commits)."""


@dataclass(frozen=True)
class AnnotationSpec:
    """Everything needed to create an annotation, or to recreate a deleted one."""

    document_id: int
    tag_id: int
    start: int
    end: int
    note: str = ""
    id: int | None = None
    annotator: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    source: str = "manual"  # "manual", "suggested" or "imported"
    version: int | None = None  # the row version it had (None: a new annotation)


def annotator_id(session: Session, name: str) -> int:
    found = session.scalar(select(Annotator.id).where(Annotator.name == name))
    if found is not None:
        return found
    annotator = Annotator(name=name)
    session.add(annotator)
    session.flush()
    return annotator.id


@dataclass(frozen=True)
class CreateAnnotations(Command):
    specs: tuple[AnnotationSpec, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        by_document: dict[int, list[AnnotationSpec]] = defaultdict(list)
        for spec in self.specs:
            by_document[spec.document_id].append(spec)
        tag_ids = {spec.tag_id for spec in self.specs}
        known_tags = set(session.scalars(select(Tag.id).where(Tag.id.in_(tag_ids))))
        if known_tags != tag_ids:
            raise UnknownTagError()
        annotator_ids: dict[str, int] = {}
        now = utc_now()
        created: list[Annotation] = []
        versions: list[int | None] = []
        for document_id, specs in by_document.items():
            snapshot = _snapshotter(session, document_id, specs)
            for spec in specs:
                name = spec.annotator or annotator
                if name not in annotator_ids:
                    annotator_ids[name] = annotator_id(session, name)
                row = Annotation(
                    document_id=document_id,
                    tag_id=spec.tag_id,
                    start=spec.start,
                    end=spec.end,
                    text=snapshot(spec.start, spec.end),
                    note=spec.note,
                    annotator_id=annotator_ids[name],
                    created_at=spec.created_at or now,
                    updated_at=spec.updated_at or now,
                    source=spec.source,
                )
                if spec.id is not None:
                    row.id = spec.id
                created.append(row)
                versions.append(spec.version)
        session.add_all(created)
        session.flush()
        restored = dict(zip((row.id for row in created), versions, strict=True))
        restore_versions(session, Annotation, restored)
        ids = tuple(row.id for row in created)
        return Applied(
            inverse=DeleteAnnotations(ids),
            changes=Changes(
                documents=frozenset(by_document),
                added=frozenset(ids),
                tag_ids=frozenset(tag_ids),
                document_list=True,
            ),
        )


def _snapshotter(
    session: Session, document_id: int, specs: list[AnnotationSpec]
) -> Callable[[int, int], str]:
    """Checks spans against the document and returns the covered text.

    The text comes from the project's cache when there is one; otherwise a single
    span takes its length and substring in one query, and many spans read the text once.
    """
    if len(specs) == 1 and not has_text_cache(session):
        spec = specs[0]
        row = session.execute(
            select(
                func.length(Document.text),
                func.substr(Document.text, spec.start + 1, max(0, spec.end - spec.start)),
            ).where(Document.id == document_id)
        ).one_or_none()
        if row is None:
            raise UnknownDocumentError()
        length, piece = row
        text = None
    else:
        text = document_text(session, document_id)
        if text is None:
            raise UnknownDocumentError()
        length, piece = len(text), ""

    def snapshot(start: int, end: int) -> str:
        if start == end:
            raise EmptySpanError()
        if not 0 <= start < end <= length:
            raise InvalidSpanError(start=start, end=end, length=length)
        return text[start:end] if text is not None else piece

    return snapshot


def _annotation_specs(
    session: Session, ids: tuple[int, ...], fallback_annotator: str
) -> tuple[AnnotationSpec, ...]:
    rows = session.execute(
        select(Annotation, Annotator.name)
        .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
        .where(Annotation.id.in_(ids))
        .order_by(Annotation.id)
    ).all()
    if len(rows) != len(set(ids)):
        raise UnknownAnnotationError()
    return tuple(
        AnnotationSpec(
            document_id=row.document_id,
            tag_id=row.tag_id,
            start=row.start,
            end=row.end,
            note=row.note,
            id=row.id,
            annotator=name or fallback_annotator,
            created_at=row.created_at,
            updated_at=row.updated_at,
            source=row.source,
            version=row.version,
        )
        for row, name in rows
    )


def _removed(specs: tuple[AnnotationSpec, ...]) -> Changes:
    return Changes(
        documents=frozenset(spec.document_id for spec in specs),
        removed=frozenset(spec.id for spec in specs if spec.id is not None),
        tag_ids=frozenset(spec.tag_id for spec in specs),
        document_list=True,
    )


@dataclass(frozen=True)
class DeleteAnnotations(Command):
    ids: tuple[int, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        specs = _annotation_specs(session, self.ids, annotator)
        session.execute(delete(Annotation).where(Annotation.id.in_(self.ids)))
        return Applied(inverse=CreateAnnotations(specs), changes=_removed(specs))


@dataclass(frozen=True)
class SetNote(Command):
    annotation_id: int
    note: str
    updated_at: datetime | None = None
    # The annotation's version the note was written from: refused when it changed since.
    expected_version: int | None = None

    def apply(self, session: Session, annotator: str) -> Applied:
        row = session.get(Annotation, self.annotation_id)
        if row is None:
            raise UnknownAnnotationError()
        check_version(row, self.expected_version, annotator)
        old_note, old_updated_at = row.note, row.updated_at
        row.note = self.note
        row.updated_at = self.updated_at or utc_now()
        return Applied(
            inverse=SetNote(
                self.annotation_id, old_note, old_updated_at, version_after(session, row)
            ),
            changes=Changes(
                documents=frozenset({row.document_id}), updated=frozenset({self.annotation_id})
            ),
        )


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


@dataclass(frozen=True)
class Macro(Command):
    """Several commands as one undo step."""

    commands: tuple[Command, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        inverses: list[Command] = []
        changes = Changes()
        for command in self.commands:
            applied = command.apply(session, annotator)
            inverses.append(applied.inverse)
            changes = changes.merge(applied.changes)
        return Applied(inverse=Macro(tuple(reversed(inverses))), changes=changes)
