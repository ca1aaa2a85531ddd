"""User actions as Qt-free commands. Applying one returns its inverse and what changed.

An inverse restores exactly what was there, ids and timestamps included, so undo
and redo can be repeated any number of times. Here: the base classes, the annotation
commands and macros; the codebook's commands are in app/editing/tag_commands.py.
"""

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.dto import AnnotationInfo, Changes
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
    Tag,
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
        plain: list[bool] = []
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
                # A new row as written, with nothing the database might normalise.
                plain.append(
                    spec.version in (None, 1)
                    and spec.created_at is None
                    and spec.updated_at is None
                )
        session.add_all(created)
        session.flush()
        restored = dict(zip((row.id for row in created), versions, strict=True))
        restore_versions(session, Annotation, restored)
        ids = tuple(row.id for row in created)
        names = {number: name for name, number in annotator_ids.items()}
        written = tuple(
            AnnotationInfo(
                row.id,
                row.document_id,
                row.tag_id,
                row.start,
                row.end,
                row.text,
                row.note,
                names.get(row.annotator_id or 0, ""),
                row.created_at,
                row.updated_at,
                row.source,
                1,
            )
            for row, known in zip(created, plain, strict=True)
            if known
        )
        return Applied(
            inverse=DeleteAnnotations(ids),
            changes=Changes(
                documents=frozenset(by_document),
                added=frozenset(ids),
                tag_ids=frozenset(tag_ids),
                document_list=True,
                written=written,
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
