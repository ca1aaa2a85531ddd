"""Merging a tag into another, and moving some of a tag's annotations to another tag (a
split), each one undo step that gives back exactly what was there.

An annotation moved to a tag that already has one on the same passage (document, start,
end) by the same annotator collapses into it: the moved one is removed and its note is
added to the other's. Undo brings every removed row back with its id and version, and
puts every note back as it was.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.dto import Changes
from app.editing.codebook import validate_tag_fields
from app.editing.commands import AnnotationSpec, Applied, Command, CreateAnnotations, Macro
from app.editing.tag_commands import CreateTag, DecisionSpec, DeleteTag, TagSpec
from app.editing.versions import restore_versions
from app.errors import (
    NothingToSplitError,
    SplitIntoSameTagError,
    TagMergedIntoItselfError,
    UnknownAnnotationError,
    UnknownTagError,
)
from models import Annotation, Annotator, GoldRejection, SuggestionDecision, Tag, TagTrigger
from models.base import utc_now

# Between the notes of two annotations collapsed into one.
NOTE_SEPARATOR = " / "
_CHUNK = 500  # ids per IN (...) list


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    listed = list(ids)
    for first in range(0, len(listed), _CHUNK):
        yield listed[first : first + _CHUNK]


def joined_note(note: str, added: str) -> str:
    """``note`` with ``added`` after it (once): the note of a collapsed annotation."""
    if not added or added in note.split(NOTE_SEPARATOR):
        return note
    return f"{note}{NOTE_SEPARATOR}{added}" if note else added


@dataclass(frozen=True)
class NoteChange:
    """A note that a collapse added to, as it was before."""

    annotation_id: int
    note: str
    updated_at: datetime


@dataclass(frozen=True)
class MoveAnnotations(Command):
    """Give the annotations ``annotation_ids`` the tag ``tag_id``; each one the tag already
    has on its passage, by its annotator, collapses into that one."""

    annotation_ids: tuple[int, ...]
    tag_id: int
    # When the notes collapses add to were changed (None: now); kept for redo.
    updated_at: datetime | None = None

    def apply(self, session: Session, annotator: str) -> Applied:
        if session.get(Tag, self.tag_id) is None:
            raise UnknownTagError()
        rows = _annotation_rows(session, self.annotation_ids)
        when = self.updated_at or utc_now()
        rows = [row for row in rows if row.tag_id != self.tag_id]
        keeping = _keeping(session, self.tag_id, {row.document_id for row in rows})
        moved: list[tuple[int, int]] = []
        collapsed: list[AnnotationSpec] = []
        notes: dict[int, NoteChange] = {}
        for row in rows:
            kept = keeping.get((row.document_id, row.start, row.end, row.annotator_id))
            if kept is None:
                moved.append((row.id, row.tag_id))
                continue
            collapsed.append(_spec(row, annotator))
            note = joined_note(kept.note, row.note)
            if note != kept.note:
                notes.setdefault(kept.id, NoteChange(kept.id, kept.note, kept.updated_at))
                kept.note, kept.updated_at = note, when
        for chunk in _chunks(spec.id for spec in collapsed if spec.id is not None):
            session.execute(delete(Annotation).where(Annotation.id.in_(chunk)))
        _retag(session, annotator, [(row_id, self.tag_id) for row_id, _ in moved])
        session.flush()
        inverse = ReturnAnnotations(
            tuple(moved), tuple(collapsed), tuple(notes.values()), self.tag_id, when
        )
        documents = frozenset(row.document_id for row in rows)
        changes = Changes(
            documents=documents,
            removed=frozenset(spec.id for spec in collapsed if spec.id is not None),
            updated=frozenset(row_id for row_id, _ in moved) | frozenset(notes),
            tag_ids=frozenset(row.tag_id for row in rows) | {self.tag_id},
            document_list=True,
        )
        return Applied(inverse=inverse, changes=changes)


@dataclass(frozen=True)
class ReturnAnnotations(Command):
    """Undo a MoveAnnotations: the moved annotations get their tags back, the collapsed
    ones come back with their ids, and the notes they were added to are as they were."""

    moved: tuple[tuple[int, int], ...]  # (annotation id, the tag it had)
    collapsed: tuple[AnnotationSpec, ...]
    notes: tuple[NoteChange, ...]
    tag_id: int  # the tag they were moved to
    updated_at: datetime

    def apply(self, session: Session, annotator: str) -> Applied:
        rows = _annotation_rows(session, tuple(row_id for row_id, _ in self.moved))
        if any(row.tag_id != self.tag_id for row in rows):
            raise UnknownAnnotationError()  # moved again meanwhile
        for change in self.notes:
            kept = session.get(Annotation, change.annotation_id)
            if kept is None:
                raise UnknownAnnotationError()
            kept.note, kept.updated_at = change.note, change.updated_at
        _retag(session, annotator, self.moved)
        session.flush()
        changes = Changes(
            documents=frozenset(row.document_id for row in rows),
            updated=frozenset(row.id for row in rows) | {c.annotation_id for c in self.notes},
            tag_ids=frozenset(tag_id for _, tag_id in self.moved) | {self.tag_id},
            document_list=True,
        )
        if self.collapsed:
            changes = changes.merge(
                CreateAnnotations(self.collapsed).apply(session, annotator).changes
            )
        ids = [row_id for row_id, _ in self.moved] + [spec.id for spec in self.collapsed]
        inverse = MoveAnnotations(
            tuple(sorted(row_id for row_id in ids if row_id is not None)),
            self.tag_id,
            self.updated_at,
        )
        return Applied(inverse=inverse, changes=changes)


def _annotation_rows(session: Session, ids: tuple[int, ...]) -> list[Any]:
    """The annotations ``ids`` (in id order) with their annotators' names; refused when
    one no longer exists."""
    found: list[Any] = []
    for chunk in _chunks(sorted(set(ids))):
        found.extend(
            session.execute(
                select(
                    Annotation.id,
                    Annotation.document_id,
                    Annotation.tag_id,
                    Annotation.start,
                    Annotation.end,
                    Annotation.note,
                    Annotation.annotator_id,
                    Annotator.name.label("annotator"),
                    Annotation.created_at,
                    Annotation.updated_at,
                    Annotation.source,
                    Annotation.version,
                )
                .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
                .where(Annotation.id.in_(chunk))
                .order_by(Annotation.id)
            ).all()
        )
    if len(found) != len(set(ids)):
        raise UnknownAnnotationError()
    return found


def _keeping(
    session: Session, tag_id: int, documents: set[int]
) -> dict[tuple[int, int, int, int | None], Annotation]:
    """The annotations of ``tag_id`` in ``documents`` by passage and annotator: those that
    annotations moved to the tag collapse into (the first one, when there are several)."""
    found: dict[tuple[int, int, int, int | None], Annotation] = {}
    for chunk in _chunks(sorted(documents)):
        for row in session.scalars(
            select(Annotation)
            .where(Annotation.tag_id == tag_id, Annotation.document_id.in_(chunk))
            .order_by(Annotation.id)
        ):
            found.setdefault((row.document_id, row.start, row.end, row.annotator_id), row)
    return found


def _spec(row: Any, annotator: str) -> AnnotationSpec:
    return AnnotationSpec(
        document_id=row.document_id,
        tag_id=row.tag_id,
        start=row.start,
        end=row.end,
        note=row.note,
        id=row.id,
        annotator=row.annotator or annotator,
        created_at=row.created_at,
        updated_at=row.updated_at,
        source=row.source,
        version=row.version,
    )


def _retag(session: Session, annotator: str, tags: Iterable[tuple[int, int]]) -> None:
    """Give each (annotation id, tag id) its tag, as a change by ``annotator``."""
    by_tag: dict[int, list[int]] = defaultdict(list)
    for row_id, tag_id in tags:
        by_tag[tag_id].append(row_id)
    for tag_id, ids in by_tag.items():
        for chunk in _chunks(ids):
            session.execute(
                update(Annotation)
                .where(Annotation.id.in_(chunk))
                .values(tag_id=tag_id, version=Annotation.version + 1, changed_by=annotator)
                .execution_options(synchronize_session=False)
            )


@dataclass(frozen=True)
class MergedTag:
    """Everything of a merged tag that undoing the merge brings back."""

    id: int
    name: str
    color: str
    shortcut: str
    description: str
    use_when: str
    avoid_when: str
    example: str
    archived: bool
    parent_id: int | None
    position: int
    version: int


@dataclass(frozen=True)
class MergeTags(Command):
    """Merge the tag ``source_id`` into ``target_id``: its annotations, trigger words,
    decisions on suggestions and rejected places move to the target (those the target
    already has collapse into the target's), its children move under the target, and the
    tag is deleted."""

    source_id: int
    target_id: int
    updated_at: datetime | None = None  # as for MoveAnnotations

    def apply(self, session: Session, annotator: str) -> Applied:
        if self.source_id == self.target_id:
            raise TagMergedIntoItselfError()
        source = session.get(Tag, self.source_id)
        target = session.get(Tag, self.target_id)
        if source is None or target is None:
            raise UnknownTagError()
        merged = MergedTag(**_values(source, MergedTag))
        annotation_ids = tuple(
            session.scalars(select(Annotation.id).where(Annotation.tag_id == source.id))
        )
        annotations = MoveAnnotations(annotation_ids, target.id, self.updated_at).apply(
            session, annotator
        )
        triggers = _move_rows(session, TagTrigger, source.id, target.id, ("word",))
        decisions = _move_rows(
            session, SuggestionDecision, source.id, target.id, ("document_id", "start", "end")
        )
        rejections = _move_rows(
            session, GoldRejection, source.id, target.id, ("document_id", "start", "end")
        )
        children = _move_children(session, source, target)
        session.delete(source)
        session.flush()
        assert isinstance(annotations.inverse, ReturnAnnotations)
        inverse = UnmergeTags(
            merged,
            target.id,
            children,
            annotations.inverse,
            triggers[0],
            tuple((row.id, row.word) for row in triggers[1]),
            decisions[0],
            tuple(DecisionSpec(**_values(row, DecisionSpec)) for row in decisions[1]),
            rejections[0],
            tuple(tuple(getattr(row, name) for name in _REJECTION) for row in rejections[1]),
        )
        return Applied(inverse=inverse, changes=_TAG_CHANGES.merge(annotations.changes))


_TAG_CHANGES = Changes(tags=True, document_list=True)
_REJECTION = ("id", "document_id", "start", "end", "created_at")  # as UnmergeTags keeps them
Moved = TagTrigger | SuggestionDecision | GoldRejection


def _move_rows(
    session: Session, model: type[Moved], source: int, target: int, key: tuple[str, ...]
) -> tuple[tuple[int, ...], list[Any]]:
    """Give the rows of ``model`` that name the tag ``source`` the tag ``target``, deleting
    those the target has already (the same ``key``). Returns the moved rows' ids and the
    deleted rows."""
    columns: list[InstrumentedAttribute[Any]] = [getattr(model, name) for name in key]
    taken = {tuple(row) for row in session.execute(select(*columns).where(model.tag_id == target))}
    rows: list[Any] = list(
        session.scalars(select(model).where(model.tag_id == source).order_by(model.id))
    )
    doubles = [row for row in rows if tuple(getattr(row, name) for name in key) in taken]
    doubled = {row.id for row in doubles}
    moved = tuple(row.id for row in rows if row.id not in doubled)
    for chunk in _chunks(row.id for row in doubles):
        session.execute(
            delete(model).where(model.id.in_(chunk)).execution_options(synchronize_session=False)
        )
    for chunk in _chunks(moved):
        session.execute(
            update(model)
            .where(model.id.in_(chunk))
            .values(tag_id=target)
            .execution_options(synchronize_session=False)
        )
    return moved, doubles


def _values(row: object, kind: Any) -> dict[str, Any]:
    """The fields of the dataclass ``kind`` as ``row`` has them."""
    return {field.name: getattr(row, field.name) for field in fields(kind)}


def _move_children(session: Session, source: Tag, target: Tag) -> tuple[int, ...]:
    """Move the children of ``source`` under ``target``; the one ``target`` is (or is
    under) takes the place of ``source`` instead. Returns the children's ids."""
    children = tuple(
        session.scalars(
            select(Tag.id).where(Tag.parent_id == source.id).order_by(Tag.position, Tag.id)
        )
    )
    on_the_way = target.id
    parent = target.parent_id
    while parent is not None and parent != source.id:
        on_the_way = parent
        parent = session.scalar(select(Tag.parent_id).where(Tag.id == parent))
    if parent == source.id:
        session.execute(
            update(Tag)
            .where(Tag.id == on_the_way)
            .values(parent_id=source.parent_id)
            .execution_options(synchronize_session="fetch")
        )
    others = [child for child in children if child != on_the_way or parent != source.id]
    for chunk in _chunks(others):
        session.execute(
            update(Tag)
            .where(Tag.id.in_(chunk))
            .values(parent_id=target.id)
            .execution_options(synchronize_session="fetch")
        )
    return children


@dataclass(frozen=True)
class UnmergeTags(Command):
    """Undo a MergeTags: the merged tag comes back with its id, and everything that moved
    from it, or collapsed into the target's, is its own again."""

    tag: MergedTag
    target_id: int
    children: tuple[int, ...]
    annotations: ReturnAnnotations
    triggers: tuple[int, ...]  # ids of the trigger words moved
    collapsed_triggers: tuple[tuple[int, str], ...]  # (id, word) of those deleted
    decisions: tuple[int, ...]
    collapsed_decisions: tuple[DecisionSpec, ...]
    rejections: tuple[int, ...]
    # (id, document, start, end, created) of the rejected places deleted
    collapsed_rejections: tuple[tuple[int, int, int, int, datetime], ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        if session.get(Tag, self.target_id) is None:
            raise UnknownTagError()
        spec = self.tag
        checked = validate_tag_fields(
            session, None, {"name": spec.name, "color": spec.color, "shortcut": spec.shortcut}
        )
        parent_id = spec.parent_id
        if parent_id is not None and session.get(Tag, parent_id) is None:
            parent_id = None  # deleted meanwhile: the tag comes back at the top level
        values = {**asdict(spec), **checked, "parent_id": parent_id}
        del values["version"]  # given back below: an insert starts at 1
        tag = Tag(**values)
        session.add(tag)
        session.flush()
        restore_versions(session, Tag, {tag.id: spec.version})
        for chunk in _chunks(self.children):
            session.execute(
                update(Tag)
                .where(Tag.id.in_(chunk))
                .values(parent_id=tag.id)
                .execution_options(synchronize_session="fetch")
            )
        for model, ids in (
            (TagTrigger, self.triggers),
            (SuggestionDecision, self.decisions),
            (GoldRejection, self.rejections),
        ):
            for chunk in _chunks(ids):
                session.execute(
                    update(model)
                    .where(model.id.in_(chunk))
                    .values(tag_id=tag.id)
                    .execution_options(synchronize_session=False)
                )
        self._recreate_collapsed(session, tag.id)
        annotations = self.annotations.apply(session, annotator)
        return Applied(
            inverse=MergeTags(tag.id, self.target_id, self.annotations.updated_at),
            changes=_TAG_CHANGES.merge(annotations.changes),
        )

    def _recreate_collapsed(self, session: Session, tag_id: int) -> None:
        session.add_all(
            TagTrigger(id=row_id, tag_id=tag_id, word=word)
            for row_id, word in self.collapsed_triggers
        )
        session.add_all(
            SuggestionDecision(tag_id=tag_id, **asdict(spec)) for spec in self.collapsed_decisions
        )
        session.add_all(
            GoldRejection(tag_id=tag_id, **dict(zip(_REJECTION, row, strict=True)))
            for row in self.collapsed_rejections
        )
        session.flush()


@dataclass(frozen=True)
class SplitTag(Command):
    """Move the annotations ``annotation_ids`` of the tag ``tag_id`` to a new tag
    (``new_tag``) or to the existing ``target_id``."""

    tag_id: int
    annotation_ids: tuple[int, ...]
    new_tag: TagSpec | None = None
    target_id: int | None = None

    def apply(self, session: Session, annotator: str) -> Applied:
        source = session.get(Tag, self.tag_id)
        if source is None:
            raise UnknownTagError()
        if not self.annotation_ids:
            raise NothingToSplitError()
        if self.target_id == self.tag_id:
            raise SplitIntoSameTagError(name=source.name)
        rows = _annotation_rows(session, self.annotation_ids)
        if any(row.tag_id != self.tag_id for row in rows):
            raise UnknownAnnotationError()  # moved or deleted meanwhile
        if self.new_tag is not None:
            created = CreateTag(self.new_tag).apply(session, annotator)
            assert isinstance(created.inverse, DeleteTag)
            moved = MoveAnnotations(self.annotation_ids, created.inverse.tag_id).apply(
                session, annotator
            )
            return Applied(
                inverse=Macro((moved.inverse, created.inverse)),
                changes=created.changes.merge(moved.changes),
            )
        if self.target_id is None:
            raise ValueError("a split needs a new tag or a target tag")
        return MoveAnnotations(self.annotation_ids, self.target_id).apply(session, annotator)
