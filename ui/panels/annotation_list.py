"""The current document's annotations: filter by tag, jump to a passage, edit notes, delete."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dto import AnnotationInfo, TagInfo
from ui.panels.annotation_table import (
    ANNOTATION_ID,
    ANNOTATOR_COLUMN,
    NOTE_COLUMN,
    PASSAGE_COLUMN,
    TAG_COLUMN,
    AnnotationTableModel,
)
from ui.panels.document_list import RESIZE_PRECISION
from ui.window.selection import select_row
from ui.window.swatches import swatch_icon


class AnnotationList(QWidget):
    annotation_activated = Signal(int)
    delete_requested = Signal(list)  # annotation ids
    note_edit_requested = Signal(int, str)
    note_dialog_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationList")
        self.table_model = AnnotationTableModel(self)
        # Queued: the note is saved after the editor has closed, not while Qt commits it.
        self.table_model.note_edit_requested.connect(
            self.note_edit_requested, Qt.ConnectionType.QueuedConnection
        )

        self.heading = QLabel()
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("annotationFilter")
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.view = QTableView()
        self.view.setObjectName("annotationTable")
        self.view.setModel(self.table_model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TAG_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(RESIZE_PRECISION)  # not every one of 5,000 rows
        header.setSectionResizeMode(PASSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTE_COLUMN, 110)
        # Whose annotation it is, beside the tag, while other annotators' layers are shown.
        header.moveSection(ANNOTATOR_COLUMN, PASSAGE_COLUMN)
        header.setSectionResizeMode(ANNOTATOR_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnHidden(ANNOTATOR_COLUMN, True)
        self._only: str | None = None  # the one annotator listed while the column is hidden
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_selected)

        self.note_button = QPushButton()
        self.note_button.setObjectName("editNoteButton")
        self.note_button.clicked.connect(self._note_dialog)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteAnnotationButton")
        self.delete_button.clicked.connect(self._delete_selected)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter_combo)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.note_button)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self._tags: list[TagInfo] = []
        self._retranslate()

    # Content ----------------------------------------------------------------

    def set_annotations(self, annotations: list[AnnotationInfo]) -> None:
        self.table_model.set_annotations(annotations)
        self._show_annotators()

    def upsert(self, annotations: list[AnnotationInfo]) -> None:
        self.table_model.upsert(annotations)
        if {annotation.annotator for annotation in annotations} - {self._only}:
            self._show_annotators()

    def _show_annotators(self) -> None:
        names = self.table_model.annotators()
        self._only = next(iter(names)) if len(names) == 1 else None
        self.view.setColumnHidden(ANNOTATOR_COLUMN, len(names) < 2)

    def remove(self, annotation_ids: list[int]) -> None:
        self.table_model.remove(annotation_ids)

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = list(tags)
        self.table_model.set_tags(tags)
        chosen = self.filter_combo.currentData()
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.filter_combo.addItem(swatch_icon(tag.color), tag.name, tag.id)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(chosen)))
        self.filter_combo.blockSignals(False)
        self.table_model.set_tag_filter(self.filter_combo.currentData())

    def show_annotation(self, annotation_id: int) -> None:
        """Select the row of ``annotation_id`` without re-emitting activation."""
        row = self.table_model.row_of(annotation_id)
        if row < 0:
            return
        select_row(self.view, self.table_model.index(row, 0))

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(ANNOTATION_ID) for index in rows]

    # Internals --------------------------------------------------------------

    def _filter_changed(self) -> None:
        self.table_model.set_tag_filter(self.filter_combo.currentData())

    def _activated(self, index) -> None:
        annotation_id = index.data(ANNOTATION_ID)
        if annotation_id is not None:
            self.annotation_activated.emit(annotation_id)

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _note_dialog(self) -> None:
        current = self.view.currentIndex()
        annotation_id = current.data(ANNOTATION_ID) if current.isValid() else None
        if annotation_id is not None:
            self.note_dialog_requested.emit(annotation_id)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("<b>Annotations</b>"))
        self.note_button.setText(self.tr("Edit Note…"))
        self.delete_button.setText(self.tr("Delete"))
        self.note_button.setToolTip(self.tr("Edit the note of the selected annotation"))
        self.delete_button.setToolTip(self.tr("Delete the selected annotations (Del)"))
        self.set_tags(self._tags)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
