"""Keeps the shown document, its highlights and its annotation list in step with the project,
and turns tag clicks and keys into annotations."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from app.dto import AnnotationInfo, Changes, DocumentContent, TagInfo
from app.editing.commands import (
    AnnotationSpec,
    Command,
    CreateAnnotations,
    DeleteAnnotations,
    Macro,
    SetNote,
)
from app.editing.document_commands import SetSpeakerRole, UpdateDocument
from app.team.visibility import LayerAccess, annotator_names, layer_access
from app.turns import content_span, turn_at
from ui.dialogs.document import DocumentDialog
from ui.panels.annotation_list import AnnotationList
from ui.text.header import DocumentHeader
from ui.text.view import TextView
from ui.window import history_text
from ui.window.session import ProjectSession


@dataclass(frozen=True)
class LayerChoice:
    """Whose annotations the text and the list show: ``mine`` (the default), ``all``, or
    the ``chosen`` annotators."""

    mode: str = "mine"
    names: frozenset[str] = frozenset()


class DocumentController(QObject):
    status = Signal(str)
    layers_shown = Signal()  # the layers on screen changed (another choice or document)

    def __init__(
        self,
        session: ProjectSession,
        text_view: TextView,
        annotation_list: AnnotationList,
        header: DocumentHeader,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._view = text_view
        self._list = annotation_list
        self._header = header
        self._window = parent
        self._content: DocumentContent | None = None
        self._annotations: dict[int, AnnotationInfo] = {}
        self._tags: dict[int, TagInfo] = {}
        self.layers = LayerChoice()
        self.access: LayerAccess | None = None
        annotation_list.annotation_activated.connect(self.reveal)
        annotation_list.delete_requested.connect(self.delete)
        annotation_list.note_edit_requested.connect(self.set_note)
        annotation_list.note_dialog_requested.connect(self.edit_note)

    @property
    def document_id(self) -> int | None:
        return self._content.meta.id if self._content else None

    @property
    def title(self) -> str:
        return self._content.meta.title if self._content else ""

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = {tag.id: tag for tag in tags}
        self._view.set_tags(tags)
        self._list.set_tags(tags)

    def show_document(self, document_id: int | None) -> None:
        project = self._session.project
        self._content = project.document(document_id) if document_id is not None else None
        self.access = (
            layer_access(project, document_id, project.annotator)
            if document_id is not None
            else None
        )
        annotations = [
            annotation
            for annotation in (project.annotations(document_id) if document_id is not None else [])
            if self._shown(annotation.annotator)
        ]
        self._annotations = {annotation.id: annotation for annotation in annotations}
        tags = list(self._tags.values())
        self._view.set_layer_marks(self._marks())
        self._view.show_document(self._content, annotations, tags)
        self._list.set_annotations(annotations)
        self._header.show_meta(self._content.meta if self._content else None)
        self.layers_shown.emit()

    # Layers -----------------------------------------------------------------------

    def set_layers(self, choice: LayerChoice) -> None:
        """Show other annotators' layers (or only mine), keeping the place in the text."""
        self.layers = choice
        bar = self._view.verticalScrollBar()
        top = bar.value()
        self.show_document(self.document_id)
        bar.setValue(top)

    @property
    def others_hidden(self) -> bool:
        """Blind annotation keeps the other layers of the shown document closed."""
        return self.access is not None and not self.access.open

    def _shown(self, annotator: str) -> bool:
        if annotator == self._session.project.annotator:
            return True
        if self.others_hidden or self.layers.mode == "mine":
            return False
        return self.layers.mode == "all" or annotator in self.layers.names

    def _marks(self) -> dict[str, int]:
        """A marker per annotator whose layer is shown beside mine (mine is plain)."""
        if self.others_hidden or self.layers.mode == "mine":
            return {}
        me = self._session.project.annotator
        others = [
            name
            for name in annotator_names(self._session.project)
            if name != me and self._shown(name)
        ]
        return {me: 0} | {name: number for number, name in enumerate(others, start=1)}

    def apply_changes(self, changes: Changes) -> None:
        """Update highlights and rows of the shown document for what ``changes`` says."""
        if self._content is None or self._content.meta.id not in changes.documents:
            return
        document_id = self._content.meta.id
        if document_id in changes.turns:  # speaker roles restyle the labels: show it afresh
            self.show_document(document_id)
            return
        if document_id in changes.metadata:
            self._content = self._session.project.document(document_id)
            self._header.show_meta(self._content.meta)
        gone = [i for i in changes.removed if i in self._annotations]
        for annotation_id in gone:
            del self._annotations[annotation_id]
        wanted = changes.added | changes.updated
        known = [annotation for annotation in changes.written if annotation.id in wanted]
        missing = wanted - {annotation.id for annotation in known}
        read = self._session.project.annotations_by_id(missing) if missing else []
        fresh = sorted(
            (
                annotation
                for annotation in (*known, *read)
                if annotation.document_id == document_id and self._shown(annotation.annotator)
            ),
            key=lambda annotation: (annotation.start, annotation.end, annotation.id),
        )
        for annotation in fresh:
            self._annotations[annotation.id] = annotation
        if gone:
            self._view.remove_annotations(gone)
            self._list.remove(gone)
        if fresh:
            self._view.upsert_annotations(fresh)
            self._list.upsert(fresh)

    # Actions ----------------------------------------------------------------

    def apply_tag(self, tag_id: int) -> None:
        """Tag the selection, or with nothing selected the turn under the cursor."""
        tag = self._tags.get(tag_id)
        if self._content is None or tag is None:
            self.status.emit(self.tr("Open a document first."))
            return
        span = self._view.selection_span()
        if span is None:
            turn = turn_at(self._content.turns, self._view.cursor_offset())
            span = content_span(turn) if turn else None
        if span is None or span[0] == span[1]:
            self.status.emit(self.tr("Select a passage, or place the cursor in a turn."))
            return
        start, end = span
        me = self._session.project.annotator
        if any(
            a.tag_id == tag_id and a.start == start and a.end == end and a.annotator == me
            for a in self._annotations.values()
        ):
            self.status.emit(
                self.tr("This passage already has the tag “%1”.").replace("%1", tag.name)
            )
            return
        spec = AnnotationSpec(self._content.meta.id, tag_id, start, end)
        description = history_text.step(history_text.TAG, tag.name)
        if self._session.run(CreateAnnotations((spec,)), description) is not None:
            self._view.clear_selection()
            self.status.emit(
                self.tr("Tagged %1 characters as “%2”. Ctrl+Z undoes.")
                .replace("%1", str(end - start))
                .replace("%2", tag.name)
            )

    def edit_properties(self) -> None:
        """Document ▸ Properties: metadata and speaker roles, one undoable step."""
        if self._content is None:
            self.status.emit(self.tr("Open a document first."))
            return
        dialog = DocumentDialog(self._content, self._window)
        if not dialog.exec():
            return
        document_id = self._content.meta.id
        commands: list[Command] = []
        values = dialog.values()
        if values:
            commands.append(UpdateDocument(document_id, values, self._content.version))
        commands += [
            SetSpeakerRole(document_id, speaker, role) for speaker, role in dialog.roles().items()
        ]
        if commands:
            description = history_text.step(history_text.EDIT_PROPERTIES, self._content.meta.title)
            self._session.run(Macro(tuple(commands)), description)

    def reveal(self, annotation_id: int) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            self._view.select_span(annotation.start, annotation.end)

    def delete(self, annotation_ids: list[int]) -> None:
        known = tuple(i for i in annotation_ids if i in self._annotations)
        if not known:
            return
        if len(known) == 1:
            tag = self._tags.get(self._annotations[known[0]].tag_id)
            description = history_text.step(history_text.REMOVE_TAG, tag.name if tag else "?")
        else:
            description = history_text.step(history_text.REMOVE_MANY, len(known))
        self._session.run(DeleteAnnotations(known), description)

    def set_note(self, annotation_id: int, note: str) -> None:
        """Give the annotation ``note``, unless someone changed it since it was shown."""
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            command = SetNote(annotation_id, note, expected_version=annotation.version)
            self._session.run(command, history_text.step(history_text.EDIT_NOTE))

    def edit_note(self, annotation_id: int) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        note, accepted = QInputDialog.getMultiLineText(
            self._window,
            self.tr("Note"),
            self.tr("Note on “%1”:").replace("%1", annotation.text[:40]),
            annotation.note,
        )
        if accepted and note != annotation.note:
            self.set_note(annotation_id, note)
