"""The project's documents: title, interviewee and how many annotations each has."""

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.dto import DocumentSummary
from ui.window.selection import select_row

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def set_counts(self, counts: dict[int, int]) -> None:
        """New annotation counts for some documents; only their cells repaint."""
        for row, document in enumerate(self._rows):
            if document.id in counts and counts[document.id] != document.annotation_count:
                self._rows[row] = replace(document, annotation_count=counts[document.id])
                cell = self.index(row, 2)
                self.dataChanged.emit(cell, cell)

    def document_at(self, row: int) -> DocumentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def documents(self) -> list[DocumentSummary]:
        """The rows, with the counts last set."""
        return list(self._rows)

    def row_of(self, document_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == document_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        document = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (document.title, document.interviewee, document.annotation_count)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            who = "，".join(
                part for part in (document.interviewee_role, document.interviewee) if part
            )
            return f"{document.title}\n{who}" if who else document.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Interviewee"), self.tr("Tags"))[section]
        return None


RESIZE_PRECISION = 100


class DocumentList(QTableView):
    """Emits ``document_selected(id)`` when the user picks a document."""

    document_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.table = DocumentTableModel(self)
        self.setModel(self.table)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Titles wrap onto a second line instead of being cut after a few characters;
        # every row has room for two, so a long list is laid out without measuring rows.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # Size the columns from the rows on screen and a few more, not from every row of
        # a thousand-interview project each time the list changes.
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        current = self.current_document_id()
        self.table.set_documents(documents)
        if current is not None:
            self.select_document(current)

    def current_document_id(self) -> int | None:
        document = self.table.document_at(self.currentIndex().row())
        return document.id if document else None

    def select_document(self, document_id: int) -> None:
        row = self.table.row_of(document_id)
        if row >= 0:
            select_row(self, self.table.index(row, 0), scroll=False)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        document = self.table.document_at(current.row())
        if document is not None:
            self.document_selected.emit(document.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.table.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        super().changeEvent(event)
