"""The documents, turns, tags and annotations an export covers, read in one session."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app import queries
from app.dto import DocumentMeta, TurnInfo
from app.exchange.writers.options import SPLIT_NAMES, ExportOptions, SplitOptions
from models import Annotation, Annotator, Document, Tag, Turn


@dataclass(frozen=True)
class TagRecord:
    id: int
    name: str
    color: str
    description: str
    parent_id: int | None
    position: int


@dataclass(frozen=True)
class DocumentRecord(DocumentMeta):
    """A document as an export sees it: what Fangtan records about it, and its part."""

    split: str = ""  # "train", "dev" or "test" when the split is written as a column


@dataclass(frozen=True)
class AnnotationRecord:
    id: int
    tag_id: int
    tag: str
    start: int
    end: int
    text: str
    note: str
    annotator: str
    created_at: datetime
    updated_at: datetime
    source: str = "manual"  # manual, suggested or imported


@dataclass(frozen=True)
class DocumentData:
    record: DocumentRecord
    text: str
    turns: list[TurnInfo]
    annotations: list[AnnotationRecord]


def split_documents(documents: list[DocumentRecord], split: SplitOptions) -> dict[int, str]:
    """Document id -> "train", "dev" or "test"; depends only on the seed and the texts."""

    def key(document: DocumentRecord) -> str:
        return hashlib.sha256(f"{split.seed}\x00{document.sha256}".encode()).hexdigest()

    ordered = sorted(documents, key=lambda document: (key(document), document.id))
    total = len(ordered)
    exact = [total * ratio for ratio in split.ratios]
    counts = [int(value) for value in exact]
    remainders = sorted(
        range(len(exact)), key=lambda index: (-(exact[index] - counts[index]), index)
    )
    for index in remainders[: total - sum(counts)]:
        counts[index] += 1
    parts: dict[int, str] = {}
    position = 0
    for name, count in zip(SPLIT_NAMES, counts, strict=True):
        for document in ordered[position : position + count]:
            parts[document.id] = name
        position += count
    return parts


class Corpus:
    """What one export covers. Everything is read through ``session`` (one snapshot)."""

    def __init__(
        self,
        session: Session,
        options: ExportOptions,
        documents: list[DocumentRecord] | None = None,
    ) -> None:
        self.session = session
        self.options = options
        self.all_tags = [
            TagRecord(*row)
            for row in session.execute(
                select(
                    Tag.id, Tag.name, Tag.color, Tag.description, Tag.parent_id, Tag.position
                ).order_by(Tag.position, Tag.id)
            )
        ]
        if options.tag_ids is None:
            self.tags = list(self.all_tags)
        else:
            self.tags = [tag for tag in self.all_tags if tag.id in options.tag_ids]
        self.documents = documents if documents is not None else self._select_documents()
        self.document_ids = {document.id for document in self.documents}

    def _select_documents(self) -> list[DocumentRecord]:
        statement = select(*queries.META_COLUMNS).order_by(Document.id)
        if self.options.statuses is not None:
            statement = statement.where(Document.status.in_(sorted(self.options.statuses)))
        documents = [DocumentRecord(*row) for row in self.session.execute(statement)]
        if self.options.document_ids is not None:
            documents = [d for d in documents if d.id in self.options.document_ids]
        split = self.options.split
        if split is not None:
            parts = split_documents(documents, split)
            documents = [replace(d, split=parts[d.id]) for d in documents]
        return documents

    def part(self, name: str) -> "Corpus":
        """The documents of one part of the split, without a split column."""
        chosen = [replace(d, split="") for d in self.documents if d.split == name]
        return Corpus(self.session, replace(self.options, split=None), chosen)

    # Annotations ---------------------------------------------------------------------

    def filter_annotations(self, statement: Select) -> Select:
        """``statement`` (over Annotation, outer-joined to Annotator) limited by the options."""
        options = self.options
        if options.tag_ids is not None:
            statement = statement.where(Annotation.tag_id.in_(sorted(options.tag_ids)))
        if options.annotators is not None:
            statement = statement.where(
                func.coalesce(Annotator.name, "").in_(sorted(options.annotators))
            )
        return statement

    def annotations(self, document_id: int) -> list[AnnotationRecord]:
        statement = (
            select(
                Annotation.id,
                Annotation.tag_id,
                Tag.name,
                Annotation.start,
                Annotation.end,
                Annotation.text,
                Annotation.note,
                func.coalesce(Annotator.name, ""),
                Annotation.created_at,
                Annotation.updated_at,
                Annotation.source,
            )
            .join(Tag, Tag.id == Annotation.tag_id)
            .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
            .where(Annotation.document_id == document_id)
            .order_by(Annotation.start, Annotation.end, Annotation.id)
        )
        rows = self.session.execute(self.filter_annotations(statement))
        notes = self.options.include_notes
        return [
            AnnotationRecord(*row) if notes else replace(AnnotationRecord(*row), note="")
            for row in rows
        ]

    def annotation_count(self) -> int:
        statement = self.filter_annotations(
            select(Annotation.document_id, func.count())
            .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
            .group_by(Annotation.document_id)
        )
        return sum(
            count
            for document_id, count in self.session.execute(statement)
            if document_id in self.document_ids
        )

    def annotators(self) -> list[str]:
        """Names of everyone who made an exported annotation, sorted."""
        statement = self.filter_annotations(
            select(Annotation.document_id, func.coalesce(Annotator.name, ""))
            .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
            .distinct()
        )
        return sorted(
            {
                name
                for document_id, name in self.session.execute(statement)
                if document_id in self.document_ids
            }
        )

    # Documents -----------------------------------------------------------------------

    def text(self, document_id: int) -> str:
        return self.session.scalar(select(Document.text).where(Document.id == document_id)) or ""

    def turns(self, document_id: int) -> list[TurnInfo]:
        return queries.document_turns(self.session, document_id)

    def turn_counts(self) -> dict[int, int]:
        rows = self.session.execute(
            select(Turn.document_id, func.count()).group_by(Turn.document_id)
        )
        return {document_id: count for document_id, count in rows}

    def lengths(self) -> dict[int, int]:
        """Each document's length in code points (SQLite counts characters of TEXT)."""
        rows = self.session.execute(select(Document.id, func.length(Document.text)))
        return {document_id: length or 0 for document_id, length in rows}

    def tag_counts(self) -> dict[tuple[int, int], int]:
        """(document id, tag id) -> number of exported annotations."""
        statement = self.filter_annotations(
            select(Annotation.document_id, Annotation.tag_id, func.count())
            .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
            .group_by(Annotation.document_id, Annotation.tag_id)
        )
        return {
            (document_id, tag_id): count
            for document_id, tag_id, count in self.session.execute(statement)
        }

    def __iter__(self) -> Iterator[DocumentData]:
        for record in self.documents:
            yield DocumentData(
                record=record,
                text=self.text(record.id),
                turns=self.turns(record.id),
                annotations=self.annotations(record.id),
            )
