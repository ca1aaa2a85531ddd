"""Merging annotators' project files into a lead's project (the team workflow without a
server).

Documents are matched by the SHA-256 of their text, tags by name (or as the caller maps
them), annotations are added under their own annotator: identical spans by different
annotators stay different annotations, and an annotation the project already has from
the same annotator (same tag, start and end) is skipped, so merging a file twice adds
nothing. Notes on annotations, decisions on suggestions and assignments (with done
marks) come along. Each file is one transaction; a file that cannot be merged raises a
FangtanError before anything is written.

The other file is never opened in place: it is copied with SQLite's backup and the copy
is opened (and upgraded, when it is of an older schema), so the annotator's file is left
exactly as it was.
"""

import sqlite3
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dto import DOCUMENT_FIELDS, Changes
from app.errors import QT_TRANSLATE_NOOP, FangtanError, NotAProjectError, ProjectReadOnlyError
from app.exchange.incoming import IncomingAnnotation, IncomingCode, IncomingDocument, IncomingFile
from app.exchange.readers.intake import AnnotationImportReport, AnnotationStore, FileTag, tag_key
from app.importing.errors import SourceMissingError
from app.importing.rules.text_builder import ParsedTurn
from app.importing.store import content_hash
from app.project import Project
from models import Annotation, Annotator, Assignment, Document, SuggestionDecision, Tag, Turn
from models.database import copy_database

FORMAT = "fangtan"


class SameProjectError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is this project itself; nothing was merged.")


class DocumentTextDiffersError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "“{title}” in {path} has a different text from the interview of that title in this "
        "project; nothing was merged.",
    )


@dataclass(frozen=True)
class Decision:
    document: int  # index into the file's documents
    tag: str
    start: int
    end: int
    decision: str
    origin: str
    score: float
    annotator: str


@dataclass(frozen=True)
class Mark:
    document: int  # index into the file's documents
    annotator: str
    status: str


@dataclass
class AnnotatorFile:
    """Everything a project file holds that a merge brings in."""

    incoming: IncomingFile
    decisions: list[Decision] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


@dataclass
class MergeReport:
    path: Path
    documents_new: list[str] = field(default_factory=list)  # titles
    documents_matched: list[str] = field(default_factory=list)
    tags_new: list[str] = field(default_factory=list)
    tags_matched: list[str] = field(default_factory=list)
    annotators: dict[str, int] = field(default_factory=dict)  # annotations added, by name
    annotations_skipped: int = 0  # already in the project from the same annotator
    decisions_added: int = 0
    marks_added: int = 0
    changes: Changes = field(default_factory=Changes)

    @property
    def annotations_added(self) -> int:
        return sum(self.annotators.values())


def read_project_file(path: Path) -> AnnotatorFile:
    """The documents, annotations, codebook, decisions and done marks of a project file.

    Raises the FangtanError of opening a project (not a project, newer schema, damaged)."""
    path = Path(path)
    if not path.is_file():
        raise SourceMissingError(path=str(path))
    with tempfile.TemporaryDirectory(prefix="fangtan-merge-") as folder:
        copy = Path(folder) / path.name
        _check_openable(path)
        try:
            copy_database(path, copy)
        except (sqlite3.Error, OSError):
            Project.open(copy, create=False).close()  # raises the reason, one line
            raise
        project = Project.open(copy, create=False)
        try:
            with project.reading() as session:
                return _read(session, path)
        finally:
            project.close()


def _check_openable(path: Path) -> None:
    """Refuse what is not a project (or one of a newer schema) before anything is copied;
    a project of an older schema is read from its upgraded copy."""
    try:
        Project.open(path, create=False, read_only=True).close()
    except ProjectReadOnlyError:
        if path.stat().st_size == 0:
            raise NotAProjectError(path=str(path)) from None


def _read(session: Session, path: Path) -> AnnotatorFile:
    names = dict(session.execute(select(Annotator.id, Annotator.name)).all())
    tags = {tag.id: tag for tag in session.scalars(select(Tag).order_by(Tag.position, Tag.id))}
    codes = [
        IncomingCode(
            name=tag.name,
            color=tag.color,
            description=tag.description,
            parent=tags[tag.parent_id].name if tag.parent_id in tags else None,
        )
        for tag in tags.values()
    ]
    incoming = IncomingFile(path=path, format=FORMAT, codes=codes, from_fangtan=True)
    index_of: dict[int, int] = {}
    for document in session.scalars(select(Document).order_by(Document.id)):
        turns = [
            ParsedTurn(t.speaker, t.kind, t.start, t.content_start, t.end, t.timestamp)
            for t in session.scalars(
                select(Turn).where(Turn.document_id == document.id).order_by(Turn.index)
            )
        ]
        index_of[document.id] = len(incoming.documents)
        incoming.documents.append(
            IncomingDocument(
                number=len(incoming.documents) + 1,
                text=document.text,
                fields={name: getattr(document, name) for name in DOCUMENT_FIELDS},
                turns=turns,
            )
        )
    for annotation in session.scalars(select(Annotation).order_by(Annotation.id)):
        incoming.documents[index_of[annotation.document_id]].annotations.append(
            IncomingAnnotation(
                start=annotation.start,
                end=annotation.end,
                label=tags[annotation.tag_id].name,
                note=annotation.note,
                annotator=names.get(annotation.annotator_id or -1, path.stem),
                created_at=annotation.created_at,
                updated_at=annotation.updated_at,
                source=annotation.source,
            )
        )
    read = AnnotatorFile(incoming)
    for row in session.scalars(select(SuggestionDecision).order_by(SuggestionDecision.id)):
        read.decisions.append(
            Decision(
                index_of[row.document_id],
                tags[row.tag_id].name,
                row.start,
                row.end,
                row.decision,
                row.origin,
                row.score,
                row.annotator,
            )
        )
    for document_id, who, status in session.execute(
        select(Assignment.document_id, Assignment.annotator_id, Assignment.status)
    ):
        read.marks.append(Mark(index_of[document_id], names[who], status))
    return read


def merge_tags(project: Project, path: Path) -> list[FileTag]:
    """The tags of a project file with their uses and the project's tag of the same name
    (None: it would be created), for a mapping dialog before ``merge_project``."""
    incoming = read_project_file(path).incoming
    uses = Counter(a.label for d in incoming.documents for a in d.annotations)
    with project.reading() as session:
        existing = dict((name, i) for i, name in session.execute(select(Tag.id, Tag.name)))
    return [
        FileTag(name, uses[name], existing.get(tag_key(name))) for name in incoming.label_names()
    ]


def merge_project(
    project: Project, path: Path, tag_mapping: Mapping[str, int | None] | None = None
) -> MergeReport:
    """Merge the annotator's project file ``path`` into ``project`` (one transaction).

    ``tag_mapping`` maps a tag name of the file to a tag id of the project, or to None
    for a tag of that name (created if missing), as for importing annotations."""
    path = Path(path)
    if project.path is not None and path.resolve() == project.path.resolve():
        raise SameProjectError(path=str(path))
    read = read_project_file(path)
    incoming = read.incoming
    report = MergeReport(path)
    with project.writing() as session:
        _check_titles(session, incoming, path)
        existing = {name for (name,) in session.execute(select(Tag.name))}
        imported = AnnotationImportReport(path, FORMAT)
        store = AnnotationStore(session, incoming, imported, project.annotator, by_annotator=True)
        store.resolve_tags(dict(tag_mapping or {}))
        ids: list[int] = []
        for document in incoming.documents:
            store.document(document)
            found = session.scalar(
                select(Document.id).where(Document.sha256 == content_hash(document.text))
            )
            assert found is not None
            ids.append(found)
        created = {entry.id for entry in imported.created}
        for document, document_id in zip(incoming.documents, ids, strict=True):
            chosen = report.documents_new if document_id in created else report.documents_matched
            chosen.append(str(document.fields.get("title", "")))
        report.tags_new = list(imported.tags_created)
        used = dict.fromkeys(tag_key(name) for name in incoming.label_names())
        report.tags_matched = [name for name in used if name in existing]
        report.annotations_skipped = imported.duplicates_skipped
        report.decisions_added = _decisions(session, read.decisions, ids, store.tags)
        report.marks_added = _marks(session, read.marks, ids, store)
        report.annotators = _added_by(session, store.added)
        report.changes = store.changes()
    return report


def merge_projects(
    project: Project,
    paths: Sequence[Path],
    tag_mapping: Mapping[str, int | None] | None = None,
) -> list[MergeReport]:
    """Merge several files, each in its own transaction, in order."""
    return [merge_project(project, path, tag_mapping) for path in paths]


def _check_titles(session: Session, incoming: IncomingFile, path: Path) -> None:
    """Refuse a file with a document whose text differs from the project's document of
    the same title: the same interview edited twice, which a merge cannot reconcile."""
    titles = dict(session.execute(select(Document.title, Document.sha256)).all())
    for document in incoming.documents:
        title = str(document.fields.get("title", ""))
        known = titles.get(title)
        if known is not None and known != content_hash(document.text):
            raise DocumentTextDiffersError(title=title, path=str(path))


def _decisions(
    session: Session, decisions: Sequence[Decision], ids: Sequence[int], tags: Mapping[str, int]
) -> int:
    documents = set(ids)
    key = (
        SuggestionDecision.document_id,
        SuggestionDecision.tag_id,
        SuggestionDecision.start,
        SuggestionDecision.end,
        SuggestionDecision.annotator,
    )
    taken = {
        tuple(row)
        for row in session.execute(
            select(*key).where(SuggestionDecision.document_id.in_(documents))
        )
    }
    added = 0
    for d in decisions:
        if d.tag not in tags:
            continue
        row = (ids[d.document], tags[d.tag], d.start, d.end, d.annotator)
        if row in taken:
            continue
        taken.add(row)
        session.add(
            SuggestionDecision(
                document_id=row[0],
                tag_id=row[1],
                start=d.start,
                end=d.end,
                decision=d.decision,
                origin=d.origin,
                score=d.score,
                annotator=d.annotator,
            )
        )
        added += 1
    session.flush()
    return added


def _marks(
    session: Session, marks: Sequence[Mark], ids: Sequence[int], store: AnnotationStore
) -> int:
    """Assignments and done marks the project lacks; a done mark wins over an assignment."""
    added = 0
    for mark in marks:
        who = store.annotator_id(mark.annotator)
        document_id = ids[mark.document]
        row = session.scalar(
            select(Assignment).where(
                Assignment.document_id == document_id, Assignment.annotator_id == who
            )
        )
        if row is None:
            session.add(Assignment(document_id=document_id, annotator_id=who, status=mark.status))
            added += 1
        elif row.status != "done" and mark.status == "done":
            row.status = "done"
            added += 1
    session.flush()
    return added


def _added_by(session: Session, added: Sequence[int]) -> dict[str, int]:
    """Annotations added, by annotator name."""
    counts: Counter[str] = Counter()
    for chunk in range(0, len(added), 500):
        rows = session.execute(
            select(Annotator.name)
            .join(Annotation, Annotation.annotator_id == Annotator.id)
            .where(Annotation.id.in_(added[chunk : chunk + 500]))
        )
        counts.update(name for (name,) in rows)
    return dict(sorted(counts.items()))
