"""Plain values handed to the window and the command line (never live ORM objects), and
the one way long work reports its progress to them."""

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Protocol

from app.errors import FangtanError
from app.importing.notes import ImportNote


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    interviewee: str
    interviewee_role: str
    status: str
    annotation_count: int
    version: int = 1  # the row version read: an edit made from it is refused once it changed


@dataclass(frozen=True)
class DocumentMeta:
    """What Fangtan records about a document besides its text and turns.

    The fields from ``title`` to ``status`` are the document's metadata, in the order
    every export writes them (``DOCUMENT_FIELDS``).
    """

    id: int
    title: str
    subtitle: str
    interviewee: str
    interviewee_role: str
    reporter: str
    series: str
    outlet: str
    published_on: date | None
    source_url: str
    source_name: str
    source_format: str
    source_encoding: str
    status: str
    sha256: str
    imported_at: datetime


# The document's metadata fields (see DocumentMeta), in order.
DOCUMENT_FIELDS: tuple[str, ...] = tuple(
    item.name for item in fields(DocumentMeta) if item.name not in ("id", "sha256", "imported_at")
)
# Where the text came from: recorded at import, never edited.
SOURCE_FIELDS: tuple[str, ...] = ("source_name", "source_format", "source_encoding")


@dataclass(frozen=True)
class TurnInfo:
    """``start``..``end`` includes the speaker label; the words start at ``content_start``."""

    index: int
    speaker: str
    kind: str
    start: int
    content_start: int
    end: int
    timestamp: str = ""


@dataclass(frozen=True)
class DocumentContent:
    meta: DocumentMeta
    text: str
    turns: tuple[TurnInfo, ...]
    version: int = 1  # the document's row version read (see DocumentSummary)


@dataclass(frozen=True)
class TagInfo:
    id: int
    name: str
    color: str
    shortcut: str
    description: str
    parent_id: int | None
    position: int
    usage: int = 0
    archived: bool = False  # kept with its annotations, offered no more for tagging
    version: int = 1  # the row version read (see DocumentSummary)
    # The guideline besides the definition (``description``): when to use the tag, when
    # not, and an example.
    use_when: str = ""
    avoid_when: str = ""
    example: str = ""


@dataclass(frozen=True)
class AnnotationInfo:
    id: int
    document_id: int
    tag_id: int
    start: int
    end: int
    text: str
    note: str
    annotator: str
    created_at: datetime
    updated_at: datetime
    source: str = "manual"
    version: int = 1  # the row version read (see DocumentSummary)


@dataclass(frozen=True)
class Changes:
    """What one action changed, so each view refreshes only that."""

    documents: frozenset[int] = frozenset()
    added: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    tag_ids: frozenset[int] = frozenset()  # tags whose annotations were added or removed
    metadata: frozenset[int] = frozenset()  # documents whose title, people, dates changed
    turns: frozenset[int] = frozenset()  # documents whose turns changed (speaker roles)
    tags: bool = False
    document_list: bool = False
    # Added annotations as written, where the action knows them all (the window need not
    # read them back); any other added or updated annotation is read.
    written: tuple[AnnotationInfo, ...] = ()

    def merge(self, other: "Changes") -> "Changes":
        added = (self.added | other.added) - other.removed
        removed = (self.removed - other.added) | (other.removed - self.added)
        updated = (self.updated | other.updated) - removed - added
        touched = other.added | other.updated | other.removed
        written = {a.id: a for a in self.written if a.id not in touched}
        written.update((a.id, a) for a in other.written)
        return Changes(
            documents=self.documents | other.documents,
            added=added,
            removed=removed,
            updated=updated,
            tag_ids=self.tag_ids | other.tag_ids,
            metadata=self.metadata | other.metadata,
            turns=self.turns | other.turns,
            tags=self.tags or other.tags,
            document_list=self.document_list or other.document_list,
            written=tuple(a for i, a in written.items() if i in added | updated),
        )


@dataclass(frozen=True)
class ImportedDocument:
    id: int
    title: str
    interviewee: str
    turn_count: int


@dataclass
class ImportReport:
    imported: list[ImportedDocument] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, title)
    failures: list[tuple[str, FangtanError]] = field(default_factory=list)  # (source, why)
    notes: list[tuple[str, ImportNote]] = field(default_factory=list)  # (source, note)
    cancelled: bool = False
    files: int = 0  # source files looked at

    @property
    def ok(self) -> bool:
        return not self.failures

    def absorb(self, other: "ImportReport") -> None:
        """Add what another (partial) import found to this report."""
        self.imported.extend(other.imported)
        self.duplicates.extend(other.duplicates)
        self.failures.extend(other.failures)
        self.notes.extend(other.notes)
        self.files += other.files
        self.cancelled = self.cancelled or other.cancelled


class Progress(Protocol):
    """How long work (an import, an export) says how far it has got, and learns that it
    should stop: ``report`` as it goes, ``cancelled`` asked as often. The window's task
    state and the command line's progress bar are both one."""

    def report(self, done: int, total: int, current: str) -> None: ...

    def cancelled(self) -> bool: ...
