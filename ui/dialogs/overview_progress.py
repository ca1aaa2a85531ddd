"""The Coverage and Progress page of the Corpus Overview.

Above: every interview with its status and how much of its answers any tag covers, a
bar of the share behind the number; a double click opens the interview. Below: each
annotator's interviews done, in progress, assigned and not begun, and untouched (the
rule of Team ▸ Progress). Both tables can be copied and exported as shown.
"""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.statistics import Overview
from app.statistics.progress import WorkCounts
from app.statistics.table_export import ShownTable, Value, shown

_BAR = QColor("#9cc3e6")
_DONE = QColor("#b7dfb9")


SHARE_ROLE = Qt.ItemDataRole.UserRole + 1


class BarDelegate(QStyledItemDelegate):
    """Paints a bar filling the cell's share (SHARE_ROLE, 0..1) behind its text."""

    def __init__(self, color: QColor, parent: QWidget) -> None:
        super().__init__(parent)
        self._color = color

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        share = index.data(SHARE_ROLE)
        if isinstance(share, float) and share > 0:
            rect = QRect(option.rect).adjusted(2, 3, -2, -3)
            rect.setWidth(max(1, round(rect.width() * min(1.0, share))))
            painter.fillRect(rect, self._color)
        super().paint(painter, option, index)


class ProgressPage(QWidget):
    """``add_buttons(row, name)`` puts the Copy and Export buttons of table ``name``
    ("coverage" or "work") in ``row``; ``open_document(id)`` shows an interview."""

    def __init__(
        self,
        add_buttons: Callable[[QHBoxLayout, str], None],
        open_document: Callable[[int], None],
    ) -> None:
        super().__init__()
        self._open_document = open_document
        self._ids: list[int] = []
        self.coverage = QTableWidget(0, 5)
        self.coverage.setObjectName("overviewCoverage")
        self.work = QTableWidget(0, 6)
        self.work.setObjectName("overviewWork")
        for table in (self.coverage, self.work):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        self.coverage.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.coverage.horizontalHeader().setStretchLastSection(False)
        self.coverage.setItemDelegateForColumn(4, BarDelegate(_BAR, self.coverage))
        self.work.setItemDelegateForColumn(5, BarDelegate(_DONE, self.work))
        self.coverage.cellDoubleClicked.connect(self._open_row)
        self.coverage_label, self.work_label = QLabel(), QLabel()
        self.work_empty = QLabel()
        self.work_empty.setObjectName("overviewWorkEmpty")
        self.work_empty.setWordWrap(True)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for label, table, name, extra in (
            (self.coverage_label, self.coverage, "coverage", None),
            (self.work_label, self.work, "work", self.work_empty),
        ):
            part = QWidget()
            layout = QVBoxLayout(part)
            layout.setContentsMargins(0, 0, 0, 0)
            row = QHBoxLayout()
            row.addWidget(label, 1)
            add_buttons(row, name)
            layout.addLayout(row)
            if extra is not None:
                layout.addWidget(extra)
            layout.addWidget(table, 1)
            splitter.addWidget(part)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()

    def show_overview(self, data: Overview) -> dict[str, ShownTable]:
        """Fill both tables; returns them as shown, for copying and export."""
        return {"coverage": self._fill_coverage(data), "work": self._fill_work(data)}

    def _fill_coverage(self, data: Overview) -> ShownTable:
        matrix = data.matrix
        self._ids = [document.id for document in matrix.documents]
        self.coverage.setRowCount(len(matrix.documents))
        exported: list[list[Value]] = []
        for row, document in enumerate(matrix.documents):
            cell = matrix.coverage[document.id]
            share = cell.answer_share
            values: tuple[str, ...] = (
                f"#{document.id} {document.title}",
                self.status_text(document.status),
                f"{document.answer_characters:,}",
                f"{cell.answer_characters:,}",
                f"{share:.0%}" if document.answer_characters else "—",
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 4:
                    item.setData(SHARE_ROLE, share)
                self.coverage.setItem(row, column, item)
            exported.append(
                [
                    f"#{document.id} {document.title}",
                    self.status_text(document.status),
                    document.answer_characters,
                    cell.answer_characters,
                    round(share, 4),
                ]
            )
        for column in range(1, 5):
            self.coverage.resizeColumnToContents(column)
            self.coverage.setColumnWidth(column, max(self.coverage.columnWidth(column), 90))
        return shown(self.tr("Coverage"), self._coverage_headers(), exported)

    def _fill_work(self, data: Overview) -> ShownTable:
        work = data.progress.work
        self.work_empty.setVisible(not work)
        self.work.setRowCount(len(work))
        exported: list[list[Value]] = []
        for row, (name, counts) in enumerate(work.items()):
            done_share = counts.done / counts.total if counts.total else 0.0
            numbers = _numbers(counts)
            for column, text in enumerate((name, *map(str, numbers), f"{done_share:.0%}")):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 5:
                    item.setData(SHARE_ROLE, done_share)
                self.work.setItem(row, column, item)
            exported.append([name, *numbers, round(done_share, 4)])
        self.work.resizeColumnsToContents()
        for column in range(self.work.columnCount()):
            self.work.setColumnWidth(column, max(self.work.columnWidth(column), 100))
        return shown(self.tr("Annotators' Progress"), self._work_headers(), exported)

    def status_text(self, status: str) -> str:
        return {
            "new": self.tr("Not started"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
        }.get(status, status)

    def _open_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._ids):
            self._open_document(self._ids[row])

    def _coverage_headers(self) -> list[str]:
        return [
            self.tr("Interview"),
            self.tr("Status"),
            self.tr("Answer characters"),
            self.tr("Coded"),
            self.tr("Share coded"),
        ]

    def _work_headers(self) -> list[str]:
        return [
            self.tr("Annotator"),
            self.tr("Done"),
            self.tr("In progress"),
            self.tr("Assigned, not begun"),
            self.tr("Untouched"),
            self.tr("Share done"),
        ]

    def retranslate(self) -> None:
        self.coverage_label.setText(
            self.tr("How much of each interview's answers is coded (double-click to open it)")
        )
        self.work_label.setText(self.tr("Each annotator's interviews"))
        self.work_empty.setText(
            self.tr("Nobody has annotated yet. Assign interviews with Team ▸ Assign Interviews….")
        )
        self.coverage.setHorizontalHeaderLabels(self._coverage_headers())
        self.work.setHorizontalHeaderLabels(self._work_headers())


def _numbers(counts: WorkCounts) -> tuple[int, int, int, int]:
    return (counts.done, counts.in_progress, counts.assigned, counts.untouched)
