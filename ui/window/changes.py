"""Keeping the window's views in step with the project.

After an action, an undo or a redo the session announces what changed, and only that is
read again: the tags, the document list, counts, the shown document. An import reads
the document list again; a read from disk (the first, View ▸ Reload, or changes saved
elsewhere) reads everything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.chinese.segmentation import for_project as project_words
from app.dto import Changes, ImportReport, TagInfo
from ui.panels.annotation_list import AnnotationList
from ui.panels.codebook_controller import CodebookController
from ui.panels.document_controller import DocumentController
from ui.panels.document_list import DocumentList
from ui.panels.tag_panel import TagPanel
from ui.text.view import TextView
from ui.window.deferred import ChangesLater
from ui.window.reading_place import ReadingPlace
from ui.window.session import ProjectSession

if TYPE_CHECKING:  # the exchange formats are imported when first used, not at start
    from app.exchange import AnnotationImportReport


class ProjectViews(QObject):
    """Reads from the project what its views show, and holds the tags they show."""

    tags_changed = Signal()  # new tags, names, colours, keys or order: see ``tags``
    reloaded = Signal()  # everything shown was read again from the project

    def __init__(
        self,
        session: ProjectSession,
        *,
        document_list: DocumentList,
        documents: DocumentController,
        text_view: TextView,
        annotation_list: AnnotationList,
        tag_panel: TagPanel,
        codebook: CodebookController,
        reading_place: ReadingPlace,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._document_list = document_list
        self._documents = documents
        self._text_view = text_view
        self._annotation_list = annotation_list
        self._tag_panel = tag_panel
        self._codebook = codebook
        self._reading_place = reading_place
        self._tags: list[TagInfo] = []
        self._read = False  # the project was read once already
        self._counted: set[int] = set()  # new annotations already in the tags' counts
        self._document_counts: dict[int, int] = {}  # the same documents' counts with them
        self._counts_later = ChangesLater(self._refresh_counts, self)
        session.changed.connect(self._on_changes)

    @property
    def tags(self) -> list[TagInfo]:
        """The project's tags as last read (the same list until they change)."""
        return self._tags

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = tags
        self._tag_panel.set_tags(tags)
        self._codebook.set_tags(tags)
        self._documents.set_tags(tags)
        self.tags_changed.emit()

    # Reading everything -------------------------------------------------------------

    def reload(self) -> None:
        """Read everything from the project: when the window opens, on View ▸ Reload, and
        when changes were saved elsewhere. The shown document stays, scrolled where it
        was; the first time, the window opens where the reader left the project."""
        project = self._session.project
        first = not self._read
        self._read = True
        if not first:
            project_words(project).invalidate()  # word lists may have changed too
        shown = self._documents.document_id
        scroll = self._text_view.verticalScrollBar()
        offset = scroll.value()
        self.set_tags(project.tags())
        documents = project.documents()
        self._document_list.set_documents(documents)
        if shown is not None and any(d.id == shown for d in documents):
            self._documents.show_document(shown)
            scroll.setValue(offset)
        elif documents:
            place = self._reading_place.remembered() if first else None
            if place is not None and any(d.id == place[0] for d in documents):
                self._document_list.select_document(place[0])
                # Once the window is laid out, so that the view knows its height.
                QTimer.singleShot(0, self, lambda: self._reading_place.go_to(place[1]))
            else:
                self._document_list.select_document(documents[0].id)
        else:
            self._documents.show_document(None)
        if not first:
            self._session.refresh_history()
        self.reloaded.emit()

    # Reading what changed -----------------------------------------------------------

    def _on_changes(self, changes: Changes, origin: str) -> None:
        project = self._session.project
        if changes.tags:
            self.set_tags(project.tags())
        if changes.metadata:
            self._document_list.set_documents(project.documents())
        if (changes.tag_ids and not changes.tags) or (
            changes.document_list and changes.documents and not changes.metadata
        ):
            self._count_written(changes)
            self._counts_later.add(changes)  # the highlight is painted first
        shown = self._documents.document_id
        if origin != "do" and len(changes.documents) == 1 and shown not in changes.documents:
            self._document_list.select_document(next(iter(changes.documents)))
        else:
            self._documents.apply_changes(changes)
        if origin != "do" and len(changes.added | changes.updated) == 1:
            self._annotation_list.show_annotation(next(iter(changes.added | changes.updated)))

    def _count_written(self, changes: Changes) -> None:
        """An action that only created annotations, each reported as written, adds them to
        the tags' and the interviews' counts at once: counting a tag's annotations in the
        project takes several milliseconds once it holds 200,000 of them."""
        ids = {annotation.id for annotation in changes.written}
        if changes.removed or changes.updated or not ids or ids != changes.added:
            return
        created = Counter(annotation.tag_id for annotation in changes.written)
        if not created.keys() <= {tag.id for tag in self._tags}:
            return
        self._tags = [
            replace(tag, usage=tag.usage + created[tag.id]) if tag.id in created else tag
            for tag in self._tags
        ]
        table = self._document_list.table
        for document_id, number in Counter(a.document_id for a in changes.written).items():
            shown = self._document_counts.get(document_id)
            if shown is None:
                summary = table.document_at(table.row_of(document_id))
                shown = summary.annotation_count if summary is not None else None
            if shown is not None:
                self._document_counts[document_id] = shown + number
        self._counted |= ids

    def _refresh_counts(self, changes: Changes) -> None:
        """Only counts changed: colours and names stay, nothing else repaints."""
        project = self._session.project
        counted = bool(changes.added) and changes.added <= self._counted
        counted = counted and not changes.removed and not changes.updated
        document_counts, self._document_counts = self._document_counts, {}
        self._counted.clear()  # every change made so far is in what follows
        if changes.tag_ids:
            usage = (
                {tag.id: tag.usage for tag in self._tags if tag.id in changes.tag_ids}
                if counted
                else project.tag_usage(changes.tag_ids)
            )
            self._tags = [replace(tag, usage=usage.get(tag.id, tag.usage)) for tag in self._tags]
            self._tag_panel.set_usage(usage)
            self._codebook.set_tags(self._tags)
        if changes.document_list and changes.documents:
            if not (counted and changes.documents <= document_counts.keys()):
                document_counts = project.annotation_counts(changes.documents)
            self._document_list.table.set_counts(document_counts)

    def after_import(self, report: ImportReport) -> None:
        """Interviews were imported: list them, and show the first one imported."""
        documents = self._session.project.documents()
        self._document_list.set_documents(documents)
        if report.imported:
            self._document_list.select_document(report.imported[0].id)
        elif documents and self._document_list.current_document_id() is None:
            self._document_list.select_document(documents[0].id)

    def after_annotation_import(self, report: AnnotationImportReport) -> None:
        """Annotations (and perhaps tags and documents) were imported."""
        project = self._session.project
        self.set_tags(project.tags())
        self._document_list.set_documents(project.documents())
        self._documents.show_document(self._documents.document_id)
        if report.created and self._documents.document_id is None:
            self._document_list.select_document(report.created[0].id)
