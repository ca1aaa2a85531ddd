"""Store annotations read from doccano, Label Studio or REFI-QDA files in a project.

One file is one transaction: it is stored whole or not at all (a bad file, or a
cancel, writes nothing). A document whose text is already in the project (same
SHA-256) gets the new annotations, skipping exact duplicates (same tag, start, end);
any other document is created with its text exactly as in the file, its metadata and
turns from the file when it has them (Fangtan's own exports), otherwise turns found in
place. Tags are created as needed unless mapped to existing ones. Imported annotations
are marked ``source="imported"`` (unless Fangtan's own export says where they came
from) and, like imported interviews, are not undoable.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.dto import DOCUMENT_FIELDS, Changes, ImportedDocument, Progress
from app.editing.codebook import next_color, normalize_color
from app.editing.commands import annotator_id
from app.editing.tag_commands import CreateTag, DeleteTag, TagSpec
from app.errors import MixedImportError, TagColorError, UnknownTagError
from app.exchange.incoming import IMPORT_FORMATS, IncomingDocument, IncomingFile
from app.exchange.progress import CancelledError, Reporter
from app.exchange.readers.files import read_annotation_file
from app.importing.in_place import turns_in_place
from app.importing.store import content_hash, store_document
from app.project import Project
from models import Annotation, Document, Tag
from models.base import utc_now


def annotation_files(paths: Sequence[Path], any_name: bool = False) -> list[Path]:
    """The annotation files among ``paths`` (by their ending, or all with ``any_name``):
    all of them or none, the rest being interviews and folders; a mix is refused."""
    found = [
        path
        for path in paths
        if any_name or (path.suffix.lower() in IMPORT_FORMATS and not path.is_dir())
    ]
    if found and len(found) != len(paths):
        raise MixedImportError()
    return found


@dataclass(frozen=True)
class FileTag:
    """A tag name used in an annotation file; ``tag_id`` is the project's tag of that name."""

    name: str
    uses: int
    tag_id: int | None


@dataclass
class AnnotationImportReport:
    path: Path
    format: str
    created: list[ImportedDocument] = field(default_factory=list)
    matched: list[int] = field(default_factory=list)  # documents already in the project
    annotations_added: int = 0
    duplicates_skipped: int = 0
    tags_created: list[str] = field(default_factory=list)
    skipped: int = 0  # selections or results that are not coded text spans
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)


def tag_key(name: str) -> str:
    """A tag name as Fangtan stores it (runs of whitespace become one space)."""
    return " ".join(name.split())


def file_tags(project: Project, path: Path, format: str | None = None) -> list[FileTag]:
    """The tag names in an annotation file, each with its uses and the project's tag of
    that name (None: it would be created). For a mapping dialog before ``import_annotations``.
    """
    incoming = read_annotation_file(path, format)
    uses = Counter(a.label for d in incoming.documents for a in d.annotations)
    with project.reading() as session:
        existing = {name: tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name))}
    return [
        FileTag(name, uses[name], existing.get(tag_key(name))) for name in incoming.label_names()
    ]


def import_annotations(
    project: Project,
    path: Path,
    format: str | None = None,
    tag_mapping: Mapping[str, int | None] | None = None,
    progress: Progress | None = None,
) -> AnnotationImportReport:
    """Import the documents and annotations of ``path`` (format by extension unless given).

    ``tag_mapping`` maps a tag name in the file to an existing tag id, or to None to
    create a tag of that name (the tag already of that name is used if there is one).
    Names not in the mapping use the project's tag of the same name or get a new one.
    ``progress`` hears how many documents are stored (the current item is the file's
    name) and is asked whether to stop, as for ``export``. Raises a FangtanError
    for a bad file or an unknown tag id; nothing is written then.
    """
    incoming = read_annotation_file(path, format)
    report = AnnotationImportReport(Path(path), incoming.format, skipped=incoming.skipped)
    reporter = Reporter(progress, len(incoming.documents), current=Path(path).name)
    try:
        reporter.check()
        with project.writing() as session:
            store = AnnotationStore(session, incoming, report, project.annotator)
            store.resolve_tags(dict(tag_mapping or {}))
            for document in incoming.documents:
                store.document(document)
                reporter.advance()
            report.changes = store.changes()
            reporter.finish()  # a cancel asked for now still writes nothing
    except CancelledError:
        return AnnotationImportReport(Path(path), incoming.format, cancelled=True)
    return report


class AnnotationStore:
    def __init__(
        self,
        session: Session,
        incoming: IncomingFile,
        report: AnnotationImportReport,
        annotator: str,
        by_annotator: bool = False,
    ) -> None:
        """``by_annotator``: an annotation is a duplicate only of one by the same
        annotator (merging annotators' projects), not of any on the same span."""
        self.session = session
        self.by_annotator = by_annotator
        self.incoming = incoming
        self.report = report
        self.annotator = annotator
        self.tags: dict[str, int] = {}
        self.annotators: dict[str, int] = {}
        self.documents: set[int] = set()
        self.added: list[int] = []
        self.now = utc_now()

    # Tags ----------------------------------------------------------------------------

    def resolve_tags(self, mapping: dict[str, int | None]) -> None:
        session = self.session
        existing = {name: tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name))}
        codes = {code.name: code for code in self.incoming.codes}
        for name in self.incoming.label_names():
            chosen = mapping.get(name)
            if chosen is not None:
                if session.get(Tag, chosen) is None:
                    raise UnknownTagError()
                self.tags[name] = chosen
                continue
            key = tag_key(name)
            if key in existing:
                self.tags[name] = existing[key]
                continue
            code = codes.get(name)
            color = _color(code.color if code else None)
            if color is None:
                used = list(session.scalars(select(Tag.color)))
                color = next_color(used)
            parent = self.tags.get(code.parent) if code and code.parent else None
            applied = CreateTag(
                TagSpec(
                    name=key,
                    color=color,
                    description=code.description if code else "",
                    parent_id=parent,
                )
            ).apply(session, self.annotator)
            assert isinstance(applied.inverse, DeleteTag)
            existing[key] = self.tags[name] = applied.inverse.tag_id
            self.report.tags_created.append(key)

    # Documents -----------------------------------------------------------------------

    def document(self, incoming: IncomingDocument) -> None:
        session = self.session
        digest = content_hash(incoming.text)
        document_id = session.scalar(select(Document.id).where(Document.sha256 == digest))
        if document_id is None:
            document_id = self.create(incoming, digest)
            taken: set[tuple[int, int, int, int | None]] = set()
        else:
            if document_id not in self.documents:
                self.report.matched.append(document_id)
            taken = {
                (tag_id, start, end, who if self.by_annotator else None)
                for tag_id, start, end, who in session.execute(
                    select(
                        Annotation.tag_id,
                        Annotation.start,
                        Annotation.end,
                        Annotation.annotator_id,
                    ).where(Annotation.document_id == document_id)
                )
            }
        self.documents.add(document_id)
        rows = []
        for annotation in incoming.annotations:
            tag_id = self.tags[annotation.label]
            who = self.annotator_id(annotation.annotator or self.annotator)
            key = (tag_id, annotation.start, annotation.end, who if self.by_annotator else None)
            if key in taken:
                self.report.duplicates_skipped += 1
                continue
            if self.by_annotator:  # a merged file's own repeats are skipped as well
                taken.add(key)
            created = annotation.created_at or self.now
            rows.append(
                {
                    "document_id": document_id,
                    "tag_id": tag_id,
                    "start": annotation.start,
                    "end": annotation.end,
                    "text": incoming.text[annotation.start : annotation.end],
                    "note": annotation.note,
                    "annotator_id": who,
                    "created_at": created,
                    "updated_at": annotation.updated_at or created,
                    "source": annotation.source or "imported",
                }
            )
        if rows:
            ids = session.scalars(
                insert(Annotation).returning(Annotation.id, sort_by_parameter_order=True), rows
            ).all()
            self.added.extend(ids)
            self.report.annotations_added += len(rows)

    def create(self, incoming: IncomingDocument, digest: str) -> int:
        session = self.session
        metadata: dict[str, Any] = {
            **dict.fromkeys(DOCUMENT_FIELDS, ""),
            "published_on": None,
            "source_name": self.report.path.name,
            "source_format": self.incoming.format,
            "source_encoding": "utf-8",
            "status": "new",
            **incoming.fields,
        }
        metadata["title"] = metadata["title"] or _fallback_title(incoming, self.report.path)
        preferred = incoming.preferred_id
        if preferred is not None and session.get(Document, preferred) is not None:
            preferred = None
        turns = incoming.turns if incoming.turns is not None else turns_in_place(incoming.text)
        document_id = store_document(
            session, incoming.text, turns, metadata, sha256=digest, document_id=preferred
        )
        self.report.created.append(
            ImportedDocument(document_id, metadata["title"], metadata["interviewee"], len(turns))
        )
        return document_id

    def annotator_id(self, name: str) -> int:
        if name not in self.annotators:
            self.annotators[name] = annotator_id(self.session, name)
        return self.annotators[name]

    def changes(self) -> Changes:
        return Changes(
            documents=frozenset(self.documents),
            added=frozenset(self.added),
            tag_ids=frozenset(self.tags.values()),
            tags=bool(self.report.tags_created),
            document_list=True,
        )


def _color(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalize_color(value)
    except TagColorError:
        return None


def _fallback_title(incoming: IncomingDocument, path: Path) -> str:
    for line in incoming.text.splitlines():
        if line.strip():
            return " ".join(line.split())[:100]
    return f"{path.stem} {incoming.number}"
